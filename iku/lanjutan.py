"""A sasaran group that continues on a new page is named again there, with "(lanjutan)".

A table that groups its rows by sasaran (the Lampiran, the book's tables, the PK: a SASARAN
column merged down its group; the LKjIP: one table per sasaran under a "Sasaran n: ..." header
row) would show the continuing rows of a group under an empty merged cell, or under the same
header as on the group's first page. Neither Word nor LibreOffice can print a row only where a
page breaks, so the pages are predicted here and the breaks made explicit:

- the rows are laid out page by page with the heights halaman.tinggi_baris_twip measures from
  the printer's font metrics (LibreOffice adds about 50 twips per row: borders, rounding),
  each taken CADANGAN_BARIS larger plus TAMBAHAN_BARIS_TWIP, so a page is always predicted fuller than it
  prints: a misprediction leaves white space at a page's foot, never a row pushed over the
  break without its label;
- where a page ends inside the table, the rest goes into a new table after a paragraph with
  "page break before": the template's header rows again, then, where a group continues, its
  sasaran followed by "(lanjutan)" (the LKjIP: its "Sasaran n: ..." header row with
  "(lanjutan)"), then the rows. The label is built from the group's own sasaran cell (its
  paragraph and run properties), so it looks like the template's;
- what halaman.atur_aliran and rapi.tanda_tangan_tidak_sendiri decided stays: rows kept with the
  next (the last data row with the signature, and a table's last rows with the signature table
  after it) move together, and no page starts with the signature row; a row that may split
  (taller than the room under its title or than a page, or a tall last row before the
  signature) still splits, and a group's next row after such a split starts a new page, since
  no label can stand inside a row; a row that stays whole and does not fit starts the next page;
  a first row that does not fit under its title takes the title to a new page (said here,
  where LibreOffice could otherwise leave part of a group above the break);
- the table's first page is what is left under what stands above it, back to a page or section
  break; where that is not known (a picture, a continuous section, more than a page above) a
  table that fits on a page is kept whole (every row kept with the next: it moves to the next
  page rather than break), and a longer one starts on a new page.
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass
from typing import Any

from docx.oxml import OxmlElement

from . import xml_word
from .halaman import tata_gaya_paragraf, tinggi_baris_twip, tinggi_paragraf_twip, tinggi_sel_twip
from .tabel import GayaHuruf, _ukuran_gaya, ruang_teks_per_tabel
from .xml_word import qn
from .xml_word import rentang as _rentang

LANJUTAN = "(lanjutan)"
CADANGAN_BARIS = 1.02  # a row's estimated height is taken this much larger ...
TAMBAHAN_BARIS_TWIP = 80  # ... plus this (borders, cell margins, the renderer's rounding)
AWALAN_SASARAN = "sasaran"  # header of the grouping column, or start of the LKjIP's group header row


def ulangi_sasaran(docx: Any, huruf: str) -> None:
    """Split every table that groups by sasaran at its predicted page ends, each continuation
    under the header rows and, where a group continues, its sasaran with "(lanjutan)"."""
    gaya_huruf = _ukuran_gaya(docx)
    gaya_paragraf = tata_gaya_paragraf(docx)
    for tbl, (lebar, tinggi) in ruang_teks_per_tabel(docx.element.body).items():
        kelompok = _kelompok(tbl)
        if kelompok is not None:
            _bagi(tbl, kelompok, lebar, tinggi, gaya_huruf, gaya_paragraf, huruf)


@dataclass
class _Kelompok:
    """How a table groups: its header rows, its data rows, and per data row the sasaran cell of
    its group (None outside the groups: the signature row) and whether it starts the group;
    kepala_sasaran is the LKjIP's "Sasaran n: ..." header row."""

    kepala: list[Any]
    data: list[Any]
    awal: list[bool]
    sasaran: list[Any]
    kepala_sasaran: Any


def _kelompok(tbl: Any) -> _Kelompok | None:
    baris = tbl.findall(qn("w:tr"))
    kepala = [tr for tr in baris if tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None]
    if not kepala or baris[: len(kepala)] != kepala or len(baris) == len(kepala):
        return None
    data = baris[len(kepala) :]
    n = len(tbl.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}"))
    for tr in kepala:  # the LKjIP: a header row of one cell across the table, "Sasaran n: ..."
        sel = tr.findall(qn("w:tc"))
        if len(sel) == 1 and _rentang(sel[0]) == n and xml_word.teks(sel[0]).strip().lower().startswith(AWALAN_SASARAN):
            if len(data) < 2:
                return None  # one row: its group cannot continue
            return _Kelompok(kepala, data, [i == 0 for i in range(len(data))], [sel[0]] * len(data), tr)
    kolom = _kolom_sasaran(kepala)
    if kolom is None:
        return None
    awal: list[bool] = []
    sasaran: list[Any] = []
    for tr in data:
        tc = _sel_di_kolom(tr, kolom)
        gabung = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}") if tc is not None else None
        lanjut = gabung is not None and gabung.get(qn("w:val"), "continue") == "continue"
        if tc is None or (lanjut and not sasaran):  # a row outside the groups (the signature row)
            awal.append(True)
            sasaran.append(None)
            continue
        awal.append(not lanjut)
        sasaran.append(sasaran[-1] if lanjut else tc)
    if all(awal):
        return None
    return _Kelompok(kepala, data, awal, sasaran, None)


def _kolom_sasaran(kepala: list[Any]) -> int | None:
    """The grid column whose header starts with "Sasaran" (SASARAN, SASARAN STRATEGIS)."""
    for tr in kepala:
        posisi = 0
        for tc in tr.findall(qn("w:tc")):
            if _rentang(tc) == 1 and xml_word.teks(tc).strip().lower().startswith(AWALAN_SASARAN):
                return posisi
            posisi += _rentang(tc)
    return None


def _sel_di_kolom(tr: Any, kolom: int) -> Any:
    posisi = 0
    for tc in tr.findall(qn("w:tc")):
        if posisi == kolom:
            return tc
        posisi += _rentang(tc)
        if posisi > kolom:
            return None
    return None


def _tinggi(tbl: Any, tr: Any, gaya_huruf: GayaHuruf, huruf: str) -> int:
    return _cadangan(tinggi_baris_twip(tbl, tr, gaya_huruf, huruf))


def _cadangan(tinggi: int) -> int:
    return round(tinggi * CADANGAN_BARIS) + TAMBAHAN_BARIS_TWIP


def _tinggi_kepala(tbl: Any, kepala: list[Any], gaya_huruf: GayaHuruf, huruf: str) -> int:
    """The header rows together: a cell merged down several rows (w:vMerge) stands beside them
    all, so it is measured against their sum, not counted in its first row."""
    bawah = [0]
    sampai: dict[int, list[tuple[int, int]]] = {}  # last row of a merged cell -> (its first row, its height)
    for i, tr in enumerate(kepala):
        biasa = 0
        for kolom, tc in xml_word.sel_berkolom(tr):
            gabung = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
            if gabung is None:
                biasa = max(biasa, tinggi_sel_twip(tbl, tc, gaya_huruf, huruf))
            elif gabung.get(qn("w:val")) == "restart":
                akhir = i
                while akhir + 1 < len(kepala) and _bergabung_ke_atas(kepala[akhir + 1], kolom):
                    akhir += 1
                sampai.setdefault(akhir, []).append((i, tinggi_sel_twip(tbl, tc, gaya_huruf, huruf)))
        bawah.append(max([bawah[i] + _cadangan(biasa)] + [bawah[a] + _cadangan(h) for a, h in sampai.get(i, [])]))
    return bawah[-1]


def _bergabung_ke_atas(tr: Any, kolom: int) -> bool:
    """Whether the row's cell in grid column kolom continues a merge from the row above."""
    for posisi, tc in xml_word.sel_berkolom(tr):
        if posisi == kolom:
            gabung = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
            return gabung is not None and gabung.get(qn("w:val"), "continue") == "continue"
    return False


def _tetap_dengan_berikutnya(tr: Any) -> bool:
    paragraf = list(tr.iter(qn("w:p")))
    return bool(paragraf) and all(p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None for p in paragraf)


def _boleh_terbelah(tr: Any) -> bool:
    return tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is None


def _satuan(tbl: Any, data: list[Any], tinggi: list[int], ekor: int) -> list[tuple[int, int, int]]:
    """Data rows in units that print on one page: (first, end, height); a row kept with the next
    joins it, and the table's last row kept with the next takes what follows (ekor) along."""
    hasil: list[tuple[int, int, int]] = []
    awal = 0
    for i, tr in enumerate(data):
        if i + 1 < len(data) and _tetap_dengan_berikutnya(tr):
            continue
        jumlah = sum(tinggi[awal : i + 1]) + (ekor if i + 1 == len(data) and _tetap_dengan_berikutnya(tr) else 0)
        hasil.append((awal, i + 1, jumlah))
        awal = i + 1
    return hasil


def _bagi(
    tbl: Any, k: _Kelompok, lebar: int, tinggi_halaman: int, gaya_huruf: GayaHuruf, gaya_paragraf: dict, huruf: str
) -> None:
    """Lay the data rows out page by page and split the table where a page ends inside it."""
    kepala = _tinggi_kepala(tbl, k.kepala, gaya_huruf, huruf)
    tinggi = [_tinggi(tbl, tr, gaya_huruf, huruf) for tr in k.data]
    satuan = _satuan(tbl, k.data, tinggi, _tinggi_sesudah(tbl, lebar, gaya_huruf, gaya_paragraf, huruf))
    judul = _tinggi_judul(tbl, lebar, gaya_huruf, gaya_paragraf, huruf)
    di_atas = _tinggi_di_atas(tbl, lebar, tinggi_halaman, gaya_huruf, gaya_paragraf, huruf)
    if di_atas is None:  # where it starts is not known
        if sum(h for _, _, h in satuan) <= tinggi_halaman - kepala - judul:
            _satu_halaman(k)  # it fits on a page: kept together, no group can continue
            return
        _halaman_baru(tbl)
        di_atas = judul
    utuh = tinggi_halaman - kepala  # the room of a page under the repeated header rows
    ruang, terpakai, halaman_pertama = tinggi_halaman - di_atas - kepala, 0, True
    terputus = False  # the renderer breaks a page inside a row, where no label can stand
    potong: list[int] = []
    for awal, akhir, h in satuan:
        lanjut = not k.awal[awal]
        if terpakai + h <= ruang and not (terputus and lanjut):
            terpakai += h
            terputus = terputus and lanjut  # a group starting here is named on this page
            continue
        if halaman_pertama and terpakai == 0:  # the first row does not fit under the title
            if _boleh_terbelah(k.data[awal]):  # it splits there (halaman.atur_aliran)
                terpakai, ruang, terputus = (h - ruang) % utuh, utuh, True
            else:  # the table starts the next page with its title (said, not left to the renderer)
                if di_atas > judul:
                    _halaman_baru(tbl)
                terpakai, ruang = h, utuh - judul
            halaman_pertama = False
            continue
        ttd_berikut = akhir < len(k.data) and k.sasaran[akhir] is None
        if k.sasaran[awal] is None or (ttd_berikut and _boleh_terbelah(k.data[akhir - 1])):
            # the signature row follows the row above; a tall last row splits with the signature
            # after its end (halaman.atur_aliran), which a new page before it could leave alone
            terpakai, ruang, terputus = (terpakai + h - ruang) % utuh, utuh, True
            continue
        potong.append(awal)
        halaman_pertama, terputus = False, False
        label = (
            _tinggi(tbl, _baris_label(tbl, k.sasaran[awal]), gaya_huruf, huruf)
            if lanjut and k.kepala_sasaran is None
            else 0
        )
        ruang, terpakai = utuh - label, h
        if terpakai > ruang:  # taller than a page: it splits
            terpakai, ruang, terputus = (terpakai - ruang) % utuh, utuh, True
    for i in reversed(potong):
        _sambungan(tbl, k, i)


def _sambungan(tbl: Any, k: _Kelompok, i: int) -> None:
    """Move the data rows from i on into a new table on a new page: header rows, the sasaran
    with "(lanjutan)" where row i continues a group, then the rows."""
    baru = OxmlElement("w:tbl")
    for e in (tbl.find(qn("w:tblPr")), tbl.find(qn("w:tblGrid"))):
        baru.append(deepcopy(e))
    for tr in k.kepala:
        salinan = deepcopy(tr)
        for tanda in list(salinan.iter(qn("w:bookmarkStart"), qn("w:bookmarkEnd"))):  # a bookmark is unique
            tanda.getparent().remove(tanda)
        if tr is k.kepala_sasaran:
            _tambah_lanjutan(salinan)
        baru.append(salinan)
    if k.kepala_sasaran is None and not k.awal[i]:
        satu_kelompok = all(not k.awal[j] or k.sasaran[j] is None for j in range(i + 1, len(k.data)))
        label = _baris_label(tbl, k.sasaran[i])
        if satu_kelompok:  # all that follows is this group: the label repeats if a page still breaks
            label.find(qn("w:trPr")).append(OxmlElement("w:tblHeader"))
        baru.append(label)
    for tr in k.data[i:]:
        baru.append(tr)
    for tc in k.data[i].findall(qn("w:tc")):
        gabung = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
        if gabung is not None:
            gabung.set(qn("w:val"), "restart")
    pemisah = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr")
    ppr.append(OxmlElement("w:pageBreakBefore"))
    spasi = OxmlElement("w:spacing")
    for nama, nilai in (("w:before", "0"), ("w:after", "0"), ("w:line", "20"), ("w:lineRule", "exact")):
        spasi.set(qn(nama), nilai)
    ppr.append(spasi)
    rpr = OxmlElement("w:rPr")
    ukuran = OxmlElement("w:sz")
    ukuran.set(qn("w:val"), "2")
    rpr.append(ukuran)
    ppr.append(rpr)
    pemisah.append(ppr)
    tbl.addnext(pemisah)
    pemisah.addnext(baru)
    k.data = k.data[:i]


def _baris_label(tbl: Any, sasaran: Any) -> Any:
    """One row across the table: the group's sasaran followed by "(lanjutan)", in the paragraph
    and run properties of the group's own sasaran cell."""
    kolom = tbl.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")
    tr = OxmlElement("w:tr")
    trpr = OxmlElement("w:trPr")
    trpr.append(OxmlElement("w:cantSplit"))
    tr.append(trpr)
    tc = OxmlElement("w:tc")
    tcpr = OxmlElement("w:tcPr")
    tcw = OxmlElement("w:tcW")
    tcw.set(qn("w:w"), str(sum(int(c.get(qn("w:w"), "0")) for c in kolom)))
    tcw.set(qn("w:type"), "dxa")
    tcpr.append(tcw)
    if len(kolom) > 1:
        span = OxmlElement("w:gridSpan")
        span.set(qn("w:val"), str(len(kolom)))
        tcpr.append(span)
    tc.append(tcpr)
    asal = sasaran.find(qn("w:p"))
    p = OxmlElement("w:p")
    if asal is not None and asal.find(qn("w:pPr")) is not None:
        p.append(deepcopy(asal.find(qn("w:pPr"))))
    r = OxmlElement("w:r")
    contoh = asal.find(f"{qn('w:r')}/{qn('w:rPr')}") if asal is not None else None
    if contoh is not None:
        r.append(deepcopy(contoh))
    t = OxmlElement("w:t")
    t.text = f"{' '.join(xml_word.teks(sasaran).split())} {LANJUTAN}"
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    r.append(t)
    p.append(r)
    tc.append(p)
    tr.append(tc)
    return tr


def _tambah_lanjutan(tr: Any) -> None:
    t = list(tr.iter(qn("w:t")))[-1]
    t.text = f"{(t.text or '').rstrip()} {LANJUTAN}"


def _satu_halaman(k: _Kelompok) -> None:
    """Every row keeps with the next: the table moves whole to the next page when it does not fit."""
    for tr in [*k.kepala, *k.data][:-1]:
        for p in tr.iter(qn("w:p")):
            p.get_or_add_pPr().keepNext_val = True


def _halaman_baru(tbl: Any) -> None:
    """The table, with its title (the paragraphs that keep with it), starts a new page."""
    awal = tbl
    p = tbl.getprevious()
    while p is not None and p.tag == qn("w:p") and p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None:
        awal, p = p, p.getprevious()
    if awal is tbl:
        pertama = tbl.find(f"{qn('w:tr')}/{qn('w:tc')}/{qn('w:p')}")
        if pertama is not None:
            pertama.get_or_add_pPr().pageBreakBefore_val = True
        return
    awal.get_or_add_pPr().pageBreakBefore_val = True


def _tinggi_judul(tbl: Any, lebar: int, gaya_huruf: GayaHuruf, gaya_paragraf: dict, huruf: str) -> int:
    """The paragraphs right above the table that keep with it (its title)."""
    tinggi = 0
    p = tbl.getprevious()
    while p is not None and p.tag == qn("w:p") and p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None:
        tinggi += tinggi_paragraf_twip(p, lebar, gaya_huruf, gaya_paragraf, huruf)
        p = p.getprevious()
    return tinggi


def _tinggi_di_atas(
    tbl: Any, lebar: int, tinggi_halaman: int, gaya_huruf: GayaHuruf, gaya_paragraf: dict, huruf: str
) -> int | None:
    """What stands above the table on its first page, back to a page or section break (a
    paragraph or a whole table); None where that is not known."""
    tinggi = 0
    e = tbl.getprevious()
    while e is not None:
        if e.tag == qn("w:tbl"):
            tinggi += sum(_tinggi(e, tr, gaya_huruf, huruf) for tr in e.findall(qn("w:tr")))
        elif e.tag == qn("w:p"):
            ppr = e.find(qn("w:pPr"))
            sect = ppr.find(qn("w:sectPr")) if ppr is not None else None
            if sect is not None:
                jenis = sect.find(qn("w:type"))
                return tinggi if jenis is None or jenis.get(qn("w:val")) != "continuous" else None
            tinggi += tinggi_paragraf_twip(e, lebar, gaya_huruf, gaya_paragraf, huruf)
            if e.xpath('./w:r/w:br[@w:type="page"]'):
                return None  # the text after the break within the paragraph is not measured apart
            if ppr is not None and ppr.find(qn("w:pageBreakBefore")) is not None:
                break
        else:
            return None
        if tinggi > tinggi_halaman:
            return None
        e = e.getprevious()
    return tinggi if tinggi <= tinggi_halaman else None


def _tinggi_sesudah(tbl: Any, lebar: int, gaya_huruf: GayaHuruf, gaya_paragraf: dict, huruf: str) -> int:
    """What a last row kept with the next takes along: the paragraphs after the table up to and
    including the first that does not keep with the next, or the table after it."""
    tinggi = 0
    e = tbl.getnext()
    while e is not None:
        if e.tag == qn("w:tbl"):
            return tinggi + sum(_tinggi(e, tr, gaya_huruf, huruf) for tr in e.findall(qn("w:tr")))
        if e.tag != qn("w:p"):
            return tinggi
        tinggi += tinggi_paragraf_twip(e, lebar, gaya_huruf, gaya_paragraf, huruf)
        if e.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is None:
            return tinggi
        e = e.getnext()
    return tinggi
