"""Page flow of tables: no page may hold only a heading, a title or a signature.

What both Word and LibreOffice honour (checked in LibreOffice's PDF):
- the template puts a table's signature block in the table's last row (unsplittable, no
  borders); the data row before it gets keep-with-next on its paragraphs, which Word and
  LibreOffice (its Word-compatible "table row keep") read as "keep this row with the next
  row", so the last data row and the signature always share a page;
- a paragraph ending with a colon keeps with the next (an introduction never ends a page);
- data rows stay whole (w:cantSplit) only while they are short: a row estimated taller than
  half the page may split, so a tall first row starts under its title instead of
  leaving the title alone, and a row taller than a page always splits;
- a row holding a stacked fraction (a table nested in a cell) stays whole while it fits on a
  page: LibreOffice splits a nested table with its row and honours no keep inside a cell, so
  only the whole row keeps numerator, denominator and multiplier together; the title above a
  table keeps with it, so such a row moving to the next page takes its title along.
A table that groups by sasaran is then split at its predicted page ends (iku/lanjutan.py), each
continuation under its header rows and "<sasaran> (lanjutan)"; it keeps these rules.
"""

from __future__ import annotations

from typing import Any

from . import xml_word
from .huruf import jumlah_baris, tinggi_satu_baris_twip
from .tabel import GayaHuruf, _huruf_paragraf, _margin_sel_twip, _ukuran_gaya, judul_tabel, ruang_teks_per_tabel
from .tte import gaya_tanda_tangan, tabel_tanda_tangan
from .xml_word import baris_teks, qn

BAGIAN_HALAMAN_BOLEH_UTUH = 1 / 2  # a row up to this share of the page's text height stays whole
EMU_PER_TWIP = 635
CADANGAN_PERKIRAAN = 1.25  # an estimated height is taken this much larger where too little room would hurt


def atur_aliran(docx: Any, huruf: str) -> None:
    """Keep each table's signature row with the row before it; let tall rows split."""
    gaya_huruf = _ukuran_gaya(docx)
    tanda_tangan = gaya_tanda_tangan(docx.styles.element)
    gaya_paragraf = tata_gaya_paragraf(docx)
    blok_ttd = set(tabel_tanda_tangan(docx))
    for tbl, (lebar_halaman, tinggi_halaman) in ruang_teks_per_tabel(docx.element.body).items():
        baris = tbl.findall(qn("w:tr"))
        terakhir = _indeks_baris_tanda_tangan(baris, tanda_tangan)
        if tbl not in blok_ttd:  # what stands above a signature block is no title of it
            judul_dengan_tabel(tbl)
        tinggi = [
            i != terakhir and tinggi_baris_twip(tbl, tr, gaya_huruf, huruf) > _batas_utuh(tr, tinggi_halaman)
            for i, tr in enumerate(baris)
        ]
        pertama = next((i for i, tr in enumerate(baris) if not _baris_kepala(tr)), None)
        di_atas = _tinggi_di_atas(tbl, lebar_halaman, gaya_huruf, gaya_paragraf, huruf)
        if pertama is not None and pertama != terakhir and di_atas is not None:
            kepala = sum(tinggi_baris_twip(tbl, tr, gaya_huruf, huruf) for tr in baris[:pertama])
            sisa = tinggi_halaman - di_atas - kepala
            tinggi[pertama] = _baris_pertama_terbelah(baris[pertama], sisa, tbl, gaya_huruf, huruf)
        for tr, terbelah in zip(baris, tinggi):
            if terbelah:
                _boleh_terbelah(tr)
        if terakhir and not tinggi[terakhir - 1]:
            # a tall last row is left to split: LibreOffice would move it whole, then give up the keep
            _tetap_dengan_berikutnya(baris[terakhir - 1])


def _baris_pertama_terbelah(tr: Any, sisa: int, tbl: Any, gaya_huruf: GayaHuruf, huruf: str) -> bool:
    """Whether the first data row may split: only when it does not fit in the room its page has
    left under the title and header rows (else it would leave the title alone), and never when
    a stacked fraction at the top of one of its cells would not fit in that room either."""
    if tinggi_baris_twip(tbl, tr, gaya_huruf, huruf) <= sisa:
        return False
    pecahan = [
        sum(tinggi_baris_twip(t, b, gaya_huruf, huruf) for b in t.findall(qn("w:tr")))
        for tc in tr.findall(qn("w:tc"))
        for t in tc.findall(qn("w:tbl"))
    ]
    return max(pecahan, default=0) * CADANGAN_PERKIRAAN <= sisa


def _batas_utuh(tr: Any, tinggi_halaman: int) -> float:
    """Height up to which a row stays whole: a page for a row with a stacked fraction, half a page otherwise."""
    if any(tc.find(qn("w:tbl")) is not None for tc in tr.findall(qn("w:tc"))):
        return tinggi_halaman
    return tinggi_halaman * BAGIAN_HALAMAN_BOLEH_UTUH


def judul_dengan_tabel(tbl: Any) -> None:
    """The title right above a table (its non-empty paragraphs back to the first empty one)
    keeps with the table."""
    for p in judul_tabel(tbl, lewati_kosong=True):
        p.get_or_add_pPr().keepNext_val = True


def titik_dua_dengan_berikutnya(docx: Any) -> None:
    """A paragraph that ends with a colon ("..., membawahi:", "Tembusan:") introduces what follows:
    it never ends a page alone (tables keep their own rules)."""
    for p in docx.element.body.iterchildren(qn("w:p")):
        if xml_word.teks(p).rstrip().endswith(":") and p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is None:
            p.get_or_add_pPr().keepNext_val = True


def _indeks_baris_tanda_tangan(baris: list[Any], gaya: frozenset[str]) -> int | None:
    """Index of the table's last row when it holds the signature block (and follows other rows)."""
    if len(baris) < 2:
        return None
    dipakai = set(baris[-1].xpath(".//w:p/w:pPr/w:pStyle/@w:val"))
    return len(baris) - 1 if dipakai & gaya else None


def _tetap_dengan_berikutnya(tr: Any) -> None:
    for p in tr.iter(qn("w:p")):
        p.get_or_add_pPr().keepNext_val = True


def _boleh_terbelah(tr: Any) -> None:
    trpr = tr.find(qn("w:trPr"))
    utuh = trpr.find(qn("w:cantSplit")) if trpr is not None else None
    if utuh is not None:
        trpr.remove(utuh)


def tinggi_baris_twip(tbl: Any, tr: Any, gaya_huruf: GayaHuruf, huruf: str) -> int:
    """Estimated height of a row: its tallest cell, lines wrapped word by word in the cell's width."""
    return max((tinggi_sel_twip(tbl, tc, gaya_huruf, huruf) for tc in tr.findall(qn("w:tc"))), default=0)


def tinggi_sel_twip(tbl: Any, tc: Any, gaya_huruf: GayaHuruf, huruf: str) -> int:
    """Estimated height of a cell's text: lines wrapped word by word in the cell's width; a table
    nested in it (a stacked fraction) by its own rows, in its own cells' widths."""
    tcw = tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
    lebar = max(int(tcw.get(qn("w:w"), "0")) - _margin_sel_twip(tbl), 1) if tcw is not None else 10**6
    tinggi = 0
    for dalam in tc.iter(qn("w:tbl")):
        if next(dalam.iterancestors(qn("w:tc"))) is tc:
            tinggi += sum(tinggi_baris_twip(dalam, tr, gaya_huruf, huruf) for tr in dalam.findall(qn("w:tr")))
    for p in tc.iter(qn("w:p")):
        if next(p.iterancestors(qn("w:tc"))) is not tc:
            continue  # measured with its nested table
        ukuran, tebal = _huruf_paragraf(p, gaya_huruf)
        baris = sum(jumlah_baris(teks, lebar, ukuran / 2, huruf, tebal) for teks in baris_teks(p))
        tinggi += baris * tinggi_satu_baris_twip(ukuran / 2, huruf, tebal) + tinggi_gambar_twip(p)
    return tinggi


def _baris_kepala(tr: Any) -> bool:
    return tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None


def tata_gaya_paragraf(docx: Any) -> dict[str | None, tuple[int, int, int]]:
    """Paragraph style id -> (left indent, space before + after, hanging indent) in twips, from the style itself."""
    hasil: dict[str | None, tuple[int, int, int]] = {}
    for s in docx.styles.element.findall(qn("w:style")):
        ppr = s.find(qn("w:pPr"))
        hasil[s.get(qn("w:styleId"))] = _tata_ppr(ppr, (0, 0, 0))
    return hasil


def _tata_ppr(ppr: Any, dasar: tuple[int, int, int]) -> tuple[int, int, int]:
    if ppr is None:
        return dasar
    kiri, spasi, gantung = dasar
    ind, sp = ppr.find(qn("w:ind")), ppr.find(qn("w:spacing"))
    if ind is not None:
        kiri = int(ind.get(qn("w:left"), ind.get(qn("w:start"), kiri)))
        gantung = int(ind.get(qn("w:hanging"), gantung if ind.get(qn("w:firstLine")) is None else 0))
    if sp is not None:
        spasi = int(sp.get(qn("w:before"), "0")) + int(sp.get(qn("w:after"), "0"))
    return kiri, spasi, gantung


def tinggi_paragraf_twip(p: Any, lebar: int, gaya_huruf: GayaHuruf, gaya_paragraf: dict, huruf: str) -> int:
    """Estimated height of a body paragraph lebar twips wide (its lines, spacing and pictures),
    taken CADANGAN_PERKIRAAN larger. With a hanging indent, what stands before a line's last tab
    is its label in the hanging room ("NOMOR<tab>:<tab>..."): only the rest wraps at the indent."""
    ppr = p.find(qn("w:pPr"))
    gaya = ppr.find(qn("w:pStyle")) if ppr is not None else None
    kiri, spasi, gantung = _tata_ppr(
        ppr, gaya_paragraf.get(gaya.get(qn("w:val")) if gaya is not None else None, (0, 0, 0))
    )
    ukuran, tebal = _huruf_paragraf(p, gaya_huruf)
    teks = [t.rsplit("\t", 1)[-1] if gantung > 0 else t for t in baris_teks(p, "\t")]
    n = sum(jumlah_baris(t, max(lebar - kiri, 1), ukuran / 2, huruf, tebal) for t in teks)
    tinggi = n * tinggi_satu_baris_twip(ukuran / 2, huruf, tebal) + spasi + tinggi_gambar_twip(p)
    return round(tinggi * CADANGAN_PERKIRAAN)


def tinggi_gambar_twip(e: Any) -> int:
    """Height of the pictures set in line in a paragraph (their extent), in twips."""
    return sum(
        int(x.get("cy", "0")) // EMU_PER_TWIP for g in e.iter(qn("wp:inline")) for x in g.findall(qn("wp:extent"))
    )


def _tinggi_di_atas(tbl: Any, lebar: int, gaya_huruf: GayaHuruf, gaya_paragraf: dict, huruf: str) -> int | None:
    """Estimated height of what stands above a table on its first page: the paragraphs back to the
    start of its section or to a page break; None where another table stands above (its place unknown)."""
    tinggi = 0
    p = tbl.getprevious()
    while p is not None and p.tag == qn("w:p"):
        ppr = p.find(qn("w:pPr"))
        if ppr is not None and ppr.find(qn("w:sectPr")) is not None:
            break
        tinggi += tinggi_paragraf_twip(p, lebar, gaya_huruf, gaya_paragraf, huruf)
        if p.xpath('./w:r/w:br[@w:type="page"]') or (ppr is not None and ppr.find(qn("w:pageBreakBefore")) is not None):
            break
        p = p.getprevious()
    return tinggi if p is None or p.tag == qn("w:p") else None
