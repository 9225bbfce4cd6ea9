"""The letterhead beyond the template's OPD layout: the kepala daerah's own.

The template's kop is one row: the emblem, the text lines, an empty cell balancing the emblem.
A decree of the Gubernur/Bupati himself has his letterhead: the lambang centred above his title,
no government line and no address (naskah.blok.kop_kepala_daerah leaves those lines empty)."""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement

from . import xml_word
from .xml_word import qn

GAYA_KOP = "Kop"


def kop_kepala_daerah(docx: Any) -> None:
    """Each kop table made one full-width cell: the emblem centred above the title, empty lines gone."""
    gaya = {g.style_id for g in docx.styles if g.name == GAYA_KOP}
    for tbl in list(docx.element.body.iter(qn("w:tbl"))):
        baris = tbl.findall(qn("w:tr"))
        sel = baris[0].findall(qn("w:tc")) if len(baris) == 1 else []
        if len(sel) == 3 and any(_gaya(p) in gaya for p in sel[1].findall(qn("w:p"))):
            _satu_sel(tbl, baris[0], sel, gaya)


def _gaya(p: Any) -> str | None:
    kode = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return kode.get(qn("w:val")) if kode is not None else None


def _satu_sel(tbl: Any, tr: Any, sel: list[Any], gaya: set[str]) -> None:
    logo, teks, kosong = sel
    for p in teks.findall(qn("w:p")):
        if _gaya(p) in gaya and not xml_word.teks(p).strip() and len(teks.findall(qn("w:p"))) > 1:
            teks.remove(p)
    pertama = teks.find(qn("w:p"))
    for p in logo.findall(qn("w:p")):
        if p.find(f".//{qn('w:drawing')}") is not None:
            pertama.addprevious(p)
    tr.remove(logo)
    tr.remove(kosong)
    lebar = sum(int(g.get(qn("w:w"), "0")) for g in tbl.iter(qn("w:gridCol")))
    tcpr = teks.find(qn("w:tcPr"))
    tcw = tcpr.find(qn("w:tcW"))
    tcw.set(qn("w:w"), str(lebar))
    span = OxmlElement("w:gridSpan")
    span.set(qn("w:val"), str(len(tbl.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}"))))
    tcw.addnext(span)
