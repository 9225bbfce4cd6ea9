"""A Word document's XML read the one way every step reads it: the text of a paragraph (or of a
run, a cell, a table), its lines, and a table row's cells by grid column.

The layout steps (rapi, tabel, halaman, tte, kop, judul, kolom_lampiran, aksara, bidang) and
the template check read filled documents through these; the importer reads a foreign document's
visible text its own way (impor/baca.teks_paragraf: tabs, breaks, text boxes) but walks a table
with the same grid. Works on python-docx's elements and on plain lxml ones alike.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from docx.oxml.ns import qn as qn_docx


@cache
def qn(tag: str) -> str:
    """A prefixed name ("w:p") in Clark notation, as python-docx's qn gives it, remembered: the
    layout steps ask for the same few names hundreds of thousands of times per run."""
    return qn_docx(tag)


def teks(elemen: Any) -> str:
    """The text of a paragraph, run, cell or table: its w:t in document order, joined as they
    stand (a tab, a line break or a field's code adds nothing)."""
    return "".join(t.text or "" for t in elemen.iter(qn("w:t")))


def baris_teks(p: Any, tab: str = "") -> list[str]:
    """A paragraph's text split at its line breaks (w:br, w:cr), each tab (w:tab) as tab."""
    baris = [""]
    for e in p.iter(qn("w:t"), qn("w:br"), qn("w:cr"), qn("w:tab")):
        if e.tag == qn("w:t"):
            baris[-1] += e.text or ""
        elif e.tag == qn("w:tab"):
            baris[-1] += tab if e.getparent().tag == qn("w:r") else ""  # not a tab stop (w:tabs/w:tab)
        else:
            baris.append("")
    return baris


def rentang(tc: Any) -> int:
    """The grid columns a cell spans (w:gridSpan; 1 without one)."""
    span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
    return int(span.get(qn("w:val"), "1")) if span is not None else 1


def sel_berkolom(tr: Any) -> list[tuple[int, Any]]:
    """A row's cells (w:tc) each with the grid column it starts in, counted from the columns the
    row leaves out before its first cell (w:gridBefore). A list: callers may move the cells."""
    sebelum = tr.find(f"{qn('w:trPr')}/{qn('w:gridBefore')}")
    kolom = int(sebelum.get(qn("w:val"), "0")) if sebelum is not None else 0
    hasil = []
    for tc in tr.findall(qn("w:tc")):
        hasil.append((kolom, tc))
        kolom += rentang(tc)
    return hasil
