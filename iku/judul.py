"""The decree's title as some regions print it: the document kind spaced out, "K E P U T U S A N".

The spacing is layout (character spacing on the word's run), never typed letters: the DOCX keeps
the one word KEPUTUSAN, on a line of its own above the signer's title."""

from __future__ import annotations

import copy
from typing import Any

from docx.oxml import OxmlElement

from . import xml_word
from .xml_word import qn

GAYA_JUDUL = "Judul Keputusan"
KATA = "KEPUTUSAN"
JARAK_TWENTIETH_PT = 120  # 6 pt after each letter: about one space of 12 pt type


def jarakkan_judul(docx: Any) -> None:
    """Every decree title ("KEPUTUSAN KEPALA ...") gets its first word spaced, on its own line."""
    gaya = {g.style_id for g in docx.styles if g.name == GAYA_JUDUL}
    for p in docx.element.body.iter(qn("w:p")):
        kode = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        if kode is not None and kode.get(qn("w:val")) in gaya:
            _pisah_kata(p)


def _pisah_kata(p: Any) -> None:
    r = next(r for r in p.iter(qn("w:r")) if xml_word.teks(r))
    t = r.find(qn("w:t"))
    if t is None or not (t.text or "").startswith(f"{KATA} "):
        return
    sisa = t.text[len(KATA) + 1 :]
    berjarak = _run_kata(r, KATA, JARAK_TWENTIETH_PT)
    berjarak.append(OxmlElement("w:br"))
    r.addprevious(berjarak)
    t.text = sisa
    if sisa != sisa.strip():
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def _run_kata(contoh: Any, teks: str, jarak: int) -> Any:
    r = copy.deepcopy(contoh)
    for anak in list(r):
        if anak.tag != qn("w:rPr"):
            r.remove(anak)
    rpr = r.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        r.insert(0, rpr)
    spasi = OxmlElement("w:spacing")
    spasi.set(qn("w:val"), str(jarak))
    _sisip_urut(rpr, spasi)
    t = OxmlElement("w:t")
    t.text = teks
    r.append(t)
    return r


URUTAN_RPR = (
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
)


def _sisip_urut(rpr: Any, anak: Any) -> None:
    """w:spacing where the schema puts it: after the elements that precede it, before the rest."""
    sebelum = {qn(f"w:{n}") for n in URUTAN_RPR[:-1]}
    lama = rpr.find(qn("w:spacing"))
    if lama is not None:
        rpr.remove(lama)
    posisi = sum(1 for e in rpr if e.tag in sebelum)
    rpr.insert(posisi, anak)
