"""Aksara Bali on the letterhead (Pergub Bali 80/2018): a font that has the script, and the
characters no installed font can draw.

Balinese-script text in a document gets its own font after the document's font has been set
everywhere (rapi.atur_huruf), so LibreOffice draws (and embeds in the PDF) the real glyphs."""

from __future__ import annotations

import functools
import shutil
import subprocess
from pathlib import Path
from typing import Any

from . import xml_word
from .huruf import tulis_huruf
from .xml_word import qn

HURUF_AKSARA = "Noto Sans Balinese"  # Debian: fonts-noto-core
BALI = range(0x1B00, 0x1B80)  # the Unicode block Balinese


def beraksara_bali(teks: str) -> bool:
    return any(ord(h) in BALI for h in teks)


def pasang_huruf_aksara(akar: list[Any]) -> None:
    """Every run holding Balinese script set in HURUF_AKSARA."""
    for elemen in akar:
        for r in elemen.iter(qn("w:r")):
            if not beraksara_bali(xml_word.teks(r)):
                continue
            tulis_huruf(r.get_or_add_rPr().get_or_add_rFonts(), HURUF_AKSARA)  # python-docx's own w:rPr order


@functools.cache
def _berkas_huruf() -> Path | None:
    """The installed file of HURUF_AKSARA (fontconfig), or None."""
    if shutil.which("fc-match") is None:
        return None
    hasil = subprocess.run(
        ["fc-match", "-f", "%{family}\n%{file}", HURUF_AKSARA], capture_output=True, text=True, check=False
    )
    keluarga, _, berkas = hasil.stdout.partition("\n")
    return Path(berkas) if HURUF_AKSARA in keluarga and berkas else None


@functools.cache
def _karakter_huruf() -> frozenset[int]:
    from fontTools.ttLib import TTFont

    berkas = _berkas_huruf()
    if berkas is None:
        return frozenset()
    with TTFont(str(berkas), lazy=True) as huruf:
        return frozenset(huruf.getBestCmap())


def tak_tergambar(teks: str) -> list[str]:
    """The characters of teks (not spaces) that HURUF_AKSARA cannot draw; every one when it is not installed."""
    ada = _karakter_huruf()
    return sorted({h for h in teks if not h.isspace() and ord(h) not in ada})


def huruf_terpasang() -> bool:
    return _berkas_huruf() is not None
