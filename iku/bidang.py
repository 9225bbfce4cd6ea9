"""Word fields (bidang) as the program leaves them: every field complete, whatever the template.

A field is a begin mark, its instruction, a separate mark, its result and an end mark. A
template re-saved by LibreOffice puts the Daftar Isi's end mark into the `{%p endfor %}`
paragraph of its entry loop, which docxtpl removes: the book then has a field with no end
and LibreOffice cannot open it. Marks are counted after filling: a field left open is closed
after its result (the last entry paragraph for a table of contents, else its own paragraph),
and a mark that belongs to no field is dropped.

With --pdf, LibreOffice lays the book out anyway: the page numbers it gives the Daftar Isi are
written into the field's result of the document still in memory (tulis_nomor_halaman), before
its last pack, so the DOCX shows them too.
"""

from __future__ import annotations

import re
from copy import deepcopy
from typing import Any

from docx.oxml import OxmlElement
from lxml import etree

from . import xml_word
from .xml_word import qn

NAMA_GAYA_DAFTAR_ISI = re.compile(r"^(toc|contents) \d$", re.I)  # Word's "toc 1", LibreOffice's "Contents 1"


def gaya_daftar_isi(docx: Any) -> set[str]:
    """Ids of the paragraph styles of table-of-contents entries (each style's name read once,
    straight from its w:name)."""
    hasil = set()
    for s in docx.styles.element.iterchildren(qn("w:style")):
        nama = next(s.iterchildren(qn("w:name")), None)
        if nama is not None and NAMA_GAYA_DAFTAR_ISI.match(nama.get(qn("w:val")) or ""):
            hasil.add(s.get(qn("w:styleId")))
    return hasil


def lengkapi_bidang(akar: Any, gaya_entri: set[str]) -> None:
    """Close every field left open and drop marks outside any field, in one XML part."""
    terbuka: list[Any] = []
    for tanda in list(akar.iter(qn("w:fldChar"))):
        jenis = tanda.get(qn("w:fldCharType"))
        if jenis == "begin":
            terbuka.append(tanda)
        elif jenis == "end" and terbuka:
            terbuka.pop()
        elif not terbuka:  # an end or separate mark of no field
            _buang_tanda(tanda)
    for awal in reversed(terbuka):  # innermost first
        _paragraf_akhir(awal, gaya_entri).append(_run_akhir())


def instruksi(awal: Any) -> str:
    """The instruction text of the field whose begin mark this is (within its paragraph)."""
    p = _paragraf(awal)
    return "".join(t.text or "" for t in p.iter(qn("w:instrText"))) if p is not None else ""


def _paragraf(e: Any) -> Any:
    while e is not None and e.tag != qn("w:p"):
        e = e.getparent()
    return e


def _paragraf_akhir(awal: Any, gaya_entri: set[str]) -> Any:
    """Where an open field ends: after the last entry of a table of contents, else in its paragraph."""
    p = _paragraf(awal)
    if "TOC" not in instruksi(awal).split():
        return p
    while (
        (berikut := p.getnext()) is not None
        and berikut.tag == qn("w:p")
        and _gaya(berikut) in gaya_entri
        and berikut.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is None
    ):
        p = berikut
    return p


def _gaya(p: Any) -> str | None:
    gaya = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return gaya.get(qn("w:val")) if gaya is not None else None


def _run_akhir() -> Any:
    run, tanda = OxmlElement("w:r"), OxmlElement("w:fldChar")
    tanda.set(qn("w:fldCharType"), "end")
    run.append(tanda)
    return run


def _buang_tanda(tanda: Any) -> None:
    run = tanda.getparent()
    run.remove(tanda)
    if run.tag == qn("w:r") and not [e for e in run if e.tag != qn("w:rPr")]:
        run.getparent().remove(run)


def awal_daftar_isi(akar: Any) -> Any | None:
    """The begin mark of the table of contents field in this XML part, or None."""
    return next(
        (
            t
            for t in akar.iter(qn("w:fldChar"))
            if t.get(qn("w:fldCharType")) == "begin" and "TOC" in instruksi(t).split()
        ),
        None,
    )


def ada_daftar_isi(docx: Any) -> bool:
    """The document (python-docx) has a table of contents field."""
    return awal_daftar_isi(docx.element) is not None


def tulis_nomor_halaman(docx: Any, entri: list[tuple[str, str]]) -> bool:
    """Write the page numbers LibreOffice computed into the document's (python-docx, not yet
    packed) table of contents result, so the Daftar Isi is complete in any program that does not
    update fields on opening. Entries are matched by their text, in order; True when it changed."""
    awal = awal_daftar_isi(docx.element)
    if awal is None or not entri:
        return False
    sisa = list(entri)
    for p in _paragraf_hasil(awal):
        teks = xml_word.teks(p).strip()
        if sisa and teks and teks == sisa[0][0].strip():
            _tambah_nomor(p, sisa.pop(0)[1])
    return len(sisa) < len(entri)


def _paragraf_hasil(awal: Any) -> list[Any]:
    """The paragraphs from the field's begin mark to its end mark (the TOC's entries)."""
    p = _paragraf(awal)
    hasil = [p]
    while not _ada_tanda_akhir(p) and p.getnext() is not None:
        p = p.getnext()
        if p.tag != qn("w:p"):
            break
        hasil.append(p)
    return hasil


def _tambah_nomor(p: Any, halaman: str) -> None:
    """The page number after the entry's tab, in the entry's own run format (before any end mark)."""
    run = [r for r in p.findall(qn("w:r")) if r.find(qn("w:t")) is not None or r.find(qn("w:tab")) is not None]
    baru = etree.SubElement(p, qn("w:r"))
    rpr = run[-1].find(qn("w:rPr")) if run else None
    if rpr is not None:
        baru.append(deepcopy(rpr))
    if not any(r.find(qn("w:tab")) is not None for r in run):
        etree.SubElement(baru, qn("w:tab"))
    etree.SubElement(baru, qn("w:t")).text = halaman
    akhir = [r for r in p.findall(qn("w:r")) if _ada_tanda_akhir(r)]
    if akhir:
        akhir[0].addprevious(baru)


def _ada_tanda_akhir(e: Any) -> bool:
    """The element holds a field's end mark."""
    return any(t.get(qn("w:fldCharType")) == "end" for t in e.iter(qn("w:fldChar")))
