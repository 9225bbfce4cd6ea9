"""Page flow of tables: no page may hold only a heading, a title or a signature.

What both Word and LibreOffice honour (checked in LibreOffice's PDF):
- the template puts a table's signature block in the table's last row (unsplittable, no
  borders); the data row before it gets keep-with-next on its paragraphs, which Word and
  LibreOffice (its Word-compatible "table row keep") read as "keep this row with the next
  row", so the last data row and the signature always share a page;
- a paragraph ending with a colon keeps with the next (an introduction never ends a page);
- data rows stay whole (w:cantSplit) only while they are short: a row estimated taller than
  half the page may split, so a tall first row starts under its title instead of
  leaving the title alone, and a row taller than a page always splits.
"""

from __future__ import annotations

import math
from typing import Any

from docx.oxml.ns import qn

from .huruf import lebar_teks_twip
from .tabel import _huruf_paragraf, _margin_sel_twip, _ukuran_gaya, ruang_teks_per_tabel

AWALAN_GAYA_TANDA_TANGAN = "Tanda Tangan"
BAGIAN_HALAMAN_BOLEH_UTUH = 1 / 2  # a row up to this share of the page's text height stays whole
TINGGI_BARIS = 1.2  # line height as a multiple of the font size (single spacing)


def atur_aliran(docx: Any, huruf: str) -> None:
    """Keep each table's signature row with the row before it; let tall rows split."""
    gaya_huruf = _ukuran_gaya(docx)
    tanda_tangan = _gaya_tanda_tangan(docx)
    for tbl, tinggi_halaman in _tinggi_teks_per_tabel(docx.element.body).items():
        baris = tbl.findall(qn("w:tr"))
        terakhir = _indeks_baris_tanda_tangan(baris, tanda_tangan)
        batas = tinggi_halaman * BAGIAN_HALAMAN_BOLEH_UTUH
        tinggi = [i != terakhir and tinggi_baris_twip(tbl, tr, gaya_huruf, huruf) > batas for i, tr in enumerate(baris)]
        for tr, terbelah in zip(baris, tinggi):
            if terbelah:
                _boleh_terbelah(tr)
        if terakhir and not tinggi[terakhir - 1]:
            # a tall last row is left to split: LibreOffice would move it whole, then give up the keep
            _tetap_dengan_berikutnya(baris[terakhir - 1])


def titik_dua_dengan_berikutnya(docx: Any) -> None:
    """A paragraph that ends with a colon ("..., membawahi:", "Tembusan:") introduces what follows:
    it never ends a page alone (tables keep their own rules)."""
    for p in docx.element.body.iterchildren(qn("w:p")):
        teks = "".join(t.text or "" for t in p.iter(qn("w:t"))).rstrip()
        if teks.endswith(":") and p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is None:
            p.get_or_add_pPr().keepNext_val = True


def _gaya_tanda_tangan(docx: Any) -> set[str]:
    """Ids of the signature paragraph styles ("Tanda Tangan", "Tanda Tangan Lampiran" ...)."""
    return {
        s.get(qn("w:styleId"))
        for s in docx.styles.element.findall(qn("w:style"))
        if s.name_val and s.name_val.startswith(AWALAN_GAYA_TANDA_TANGAN)
    }


def _indeks_baris_tanda_tangan(baris: list[Any], gaya: set[str]) -> int | None:
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


def tinggi_baris_twip(tbl: Any, tr: Any, gaya_huruf: dict, huruf: str) -> int:
    """Estimated height of a row: its tallest cell, lines wrapped word by word in the cell's width."""
    margin = _margin_sel_twip(tbl)
    tinggi = 0
    for tc in tr.findall(qn("w:tc")):
        tcw = tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
        lebar = max(int(tcw.get(qn("w:w"), "0")) - margin, 1) if tcw is not None else 10**6
        sel = 0
        for p in tc.iter(qn("w:p")):
            ukuran, tebal = _huruf_paragraf(p, gaya_huruf)
            baris = sum(_jumlah_baris(teks, lebar, ukuran / 2, huruf, tebal) for teks in _baris_paragraf(p))
            sel += round(baris * ukuran / 2 * TINGGI_BARIS * 20)
        tinggi = max(tinggi, sel)
    return tinggi


def _baris_paragraf(p: Any) -> list[str]:
    """A paragraph's text split at its line breaks."""
    baris = [""]
    for e in p.iter(qn("w:t"), qn("w:br"), qn("w:cr")):
        if e.tag == qn("w:t"):
            baris[-1] += e.text or ""
        else:
            baris.append("")
    return baris


def _jumlah_baris(teks: str, lebar: int, ukuran_pt: float, huruf: str, tebal: bool) -> int:
    """Lines a text takes in lebar twips, wrapping at spaces."""
    baris, isi = 1, 0
    spasi = lebar_teks_twip(" ", ukuran_pt, huruf, tebal)
    for kata in teks.split():
        w = lebar_teks_twip(kata, ukuran_pt, huruf, tebal)
        if isi and isi + spasi + w > lebar:
            baris, isi = baris + 1, 0
        if w > lebar:  # a word wider than the cell breaks over several lines
            baris += math.ceil(w / lebar) - 1
            w = w % lebar
        isi = isi + spasi + w if isi else w
    return baris


def _tinggi_teks_per_tabel(body: Any) -> dict[Any, int]:
    """Top-level table -> text height (twips) of the section it stands in."""
    return {t: tinggi for t, (_, tinggi) in ruang_teks_per_tabel(body).items()}
