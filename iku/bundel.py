"""The signing bundle: the rendered Keputusan followed by its Lampiran in one DOCX (and the
Rencana Aksi when the set has one).

Built from the two documents just filled, still in memory (not from a template of its
own, and not re-read from disk), so an agency's edited templates shape the bundle too. The Lampiran starts a new section: its own page
size and orientation (landscape), but the decree's header, so pages go on "- 3 -",
"- 4 -" after the decree with no restart and no blank number.
"""

from __future__ import annotations

import datetime as dt
from copy import deepcopy
from typing import Any

from docx.oxml import OxmlElement
from docxcompose.composer import Composer

from .paket import tulis_paket
from .xml_word import qn

TAG_GAYA = (qn("w:pStyle"), qn("w:rStyle"), qn("w:tblStyle"))
RUJUKAN_GAYA = (qn("w:basedOn"), qn("w:next"), qn("w:link"))
RUJUKAN_NOMOR = (qn("w:numStyleLink"), qn("w:styleLink"))


def susun(induk: Any, anak: Any, tanggal: dt.date, *lain: tuple[str, Any]) -> bytes:
    """Keputusan + section break + Lampiran as byte-stable DOCX bytes; then each further
    document signed with them (lain: (style suffix, Document), e.g. the Rencana Aksi), each in
    a section of its own, pages numbered on.

    Every python-docx Document is changed in the process: pack them before."""
    buang_gaya_tak_terpakai(induk)
    for akhiran, doc in (("Lampiran", anak), *lain):
        buang_gaya_tak_terpakai(doc)
        pisahkan_gaya(induk, doc, akhiran)
        bagian = deepcopy(doc.element.body.sectPr)
        akhiri_bagian(induk)
        Composer(induk).append(doc)
        lanjutkan_penomoran(bagian)
        induk.element.body.replace(induk.element.body.sectPr, bagian)
    return tulis_paket(induk, tanggal)


def buang_gaya_tak_terpakai(doc: Any) -> None:
    """Drop the styles that nothing in the document refers to (a Word template carries ~170).

    docxcompose rescans the styles for every element it appends; with only the used ones
    left the bundle is made several times faster, and no printed character changes.
    """
    gaya = doc.styles.element
    per_id = {s.get(qn("w:styleId")): s for s in gaya.iterchildren(qn("w:style"))}
    dipakai = {k for k, s in per_id.items() if s.get(qn("w:default")) == "1"}
    for part in doc.part.package.iter_parts():
        akar = getattr(part, "element", None)
        if akar is not None and akar is not gaya:
            dipakai |= {e.get(qn("w:val")) for e in akar.iter(*TAG_GAYA, *RUJUKAN_NOMOR)}
    antre = [k for k in dipakai if k in per_id]
    while antre:  # a used style keeps what it is based on, links to and is followed by
        for rujukan in per_id[antre.pop()].iter(*RUJUKAN_GAYA):
            kode = rujukan.get(qn("w:val"))
            if kode in per_id and kode not in dipakai:
                dipakai.add(kode)
                antre.append(kode)
    for kode, elemen in per_id.items():
        if kode not in dipakai:
            gaya.remove(elemen)


def pisahkan_gaya(induk: Any, anak: Any, akhiran: str) -> None:
    """Rename the appended document's styles that share an id with a different definition.

    Both templates may define e.g. "Tanda Tangan" with other indents (portrait vs landscape);
    docxcompose would keep only the first, so the lampiran's gets a name of its own.
    """
    milik_induk = {s.get(qn("w:styleId")): s for s in induk.styles.element.iterchildren(qn("w:style"))}
    ganti: dict[str, str] = {}
    for gaya in anak.styles.element.iterchildren(qn("w:style")):
        kode = gaya.get(qn("w:styleId"))
        sama = milik_induk.get(kode)
        if sama is None or gaya.get(qn("w:default")) == "1" or _xml(sama) == _xml(gaya):
            continue
        ganti[kode] = f"{kode}{akhiran}"
        gaya.set(qn("w:styleId"), ganti[kode])
        nama = gaya.find(qn("w:name"))
        if nama is not None:
            nama.set(qn("w:val"), f"{nama.get(qn('w:val'))} ({akhiran})")
    if ganti:
        _ganti_rujukan(anak.styles.element, RUJUKAN_GAYA, ganti)
        _ganti_rujukan(anak.element.body, TAG_GAYA, ganti)


def _xml(elemen: Any) -> bytes:
    from lxml import etree

    return etree.tostring(elemen, method="c14n")


def _ganti_rujukan(akar: Any, tag: tuple[str, ...], ganti: dict[str, str]) -> None:
    for elemen in akar.iter(*tag):
        nilai = elemen.get(qn("w:val"))
        if nilai in ganti:
            elemen.set(qn("w:val"), ganti[nilai])


def akhiri_bagian(doc: Any) -> None:
    """Close the decree's section at its last paragraph (a section break, no blank page)."""
    body = doc.element.body
    terakhir = body.sectPr.getprevious()
    if terakhir is None or terakhir.tag != qn("w:p"):
        # after a table (the signature block's): a paragraph of its own, one point high
        terakhir = OxmlElement("w:p")
        body.sectPr.addprevious(terakhir)
        spasi = OxmlElement("w:spacing")
        for atribut, nilai in (("w:before", "0"), ("w:after", "0"), ("w:line", "20"), ("w:lineRule", "exact")):
            spasi.set(qn(atribut), nilai)
        terakhir.get_or_add_pPr().append(spasi)
    ppr = terakhir.get_or_add_pPr()
    ppr.insert_element_before(deepcopy(body.sectPr), "w:pPrChange")


def lanjutkan_penomoran(bagian: Any) -> None:
    """The lampiran section inherits the decree's header and continues its page numbers."""
    for tag in ("w:headerReference", "w:footerReference", "w:titlePg"):
        for elemen in bagian.findall(qn(tag)):
            bagian.remove(elemen)
    nomor = bagian.find(qn("w:pgNumType"))
    if nomor is not None:
        nomor.attrib.pop(qn("w:start"), None)
    jenis = bagian.find(qn("w:type"))
    if jenis is not None:
        bagian.remove(jenis)  # default: the lampiran starts on a new page
