"""The fonts that print a document: which file draws a font name, how wide a text is in it, and
which characters no installed font can draw.

LibreOffice on Linux prints a document's font with what fontconfig resolves for its name (the
metric-compatible substitutes: Liberation Sans for Arial, Liberation Serif for Times New Roman,
URW Bookman for Bookman Old Style); `fc-match` asks the same question. Widths come from the
resolved file's own advance widths (fontTools), DejaVu Sans (shipped with matplotlib) standing in
when no font can be resolved at all and for characters the font lacks.
"""

from __future__ import annotations

import math
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import matplotlib
from fontTools.ttLib import TTFont

from .xml_word import qn

TWIP_PER_PT = 20
CADANGAN = "DejaVu Sans"  # LibreOffice's last resort, and ours


@dataclass(frozen=True)
class Metrik:
    """Advance widths of one font file, in em, by character."""

    berkas: Path
    lebar_em: dict[int, float]  # code point -> advance width in em
    tinggi_em: float  # single line spacing (ascender + descender + line gap of hhea), in em

    def punya(self, c: str) -> bool:
        return ord(c) in self.lebar_em


@cache
def tulis_huruf(rfonts: Any, nama: str) -> None:
    """A w:rFonts element set to one font for every script (Latin, complex, East Asian)."""
    for atribut in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(atribut), nama)


def berkas_huruf(nama: str, tebal: bool = False) -> Path | None:
    """The font file fontconfig (and so LibreOffice) prints nama with, or None without fc-match."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return None
    pola = f"{nama}:weight=bold" if tebal else nama
    hasil = subprocess.run([fc_match, "-f", "%{file}", pola], capture_output=True, text=True, check=False)
    berkas = Path(hasil.stdout.strip()) if hasil.returncode == 0 and hasil.stdout.strip() else None
    return berkas if berkas is not None and berkas.is_file() else None


def _berkas_cadangan(tebal: bool) -> Path:
    """DejaVu Sans as matplotlib ships it: a font that is there on every install."""
    nama = "DejaVuSans-Bold.ttf" if tebal else "DejaVuSans.ttf"
    return Path(matplotlib.get_data_path()) / "fonts" / "ttf" / nama


@cache
def _baca_metrik(berkas: Path) -> Metrik:
    with TTFont(str(berkas), lazy=True, fontNumber=0) as font:
        per_em = font["head"].unitsPerEm
        hmtx = font["hmtx"]
        peta = font.getBestCmap() or {}
        lebar = {kode: hmtx[glyph][0] / per_em for kode, glyph in peta.items()}
        hhea = font["hhea"]
        tinggi = (hhea.ascent - hhea.descent + hhea.lineGap) / per_em
    return Metrik(berkas, lebar, tinggi)


@cache
def metrik(nama: str, tebal: bool = False) -> Metrik:
    """Advance widths of the font that prints nama (bold when tebal)."""
    berkas = berkas_huruf(nama, tebal) or berkas_huruf(CADANGAN, tebal) or _berkas_cadangan(tebal)
    return _baca_metrik(berkas)


@cache
def _cadangan(tebal: bool) -> Metrik:
    return _baca_metrik(berkas_huruf(CADANGAN, tebal) or _berkas_cadangan(tebal))


@lru_cache(maxsize=16384)  # the same words are measured again in every table and every agency
def lebar_teks_twip(teks: str, ukuran_pt: float, huruf: str, tebal: bool = False) -> int:
    """Printed width of teks on one line at ukuran_pt in twips: the font's advance widths (the
    last-resort font's for a character it lacks), without kerning."""
    utama = metrik(huruf, tebal)
    lebar = utama.lebar_em
    em = 0.0
    for c in teks:
        w = lebar.get(ord(c))
        if w is None:
            w = _cadangan(tebal).lebar_em.get(ord(c), 0.6)
        em += w
    return round(em * ukuran_pt * TWIP_PER_PT)


def jumlah_baris(teks: str, lebar: int, ukuran_pt: float, huruf: str, tebal: bool) -> int:
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


def tinggi_satu_baris_twip(ukuran_pt: float, huruf: str, tebal: bool = False) -> int:
    """Height of one single-spaced line at ukuran_pt in twips, as LibreOffice sets it."""
    return round(metrik(huruf, tebal).tinggi_em * ukuran_pt * TWIP_PER_PT)


@cache
def ada_huruf_lain_untuk(c: str) -> bool | None:
    """Whether any installed font can draw c (LibreOffice falls back to it); None without fc-list."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    hasil = subprocess.run([fc_list, f":charset={ord(c):x}", "file"], capture_output=True, text=True, check=False)
    return bool(hasil.stdout.strip())


def tak_tergambar(teks: str, huruf: str) -> list[str]:
    """The characters of teks (each once, in order) that print as an empty box: the document
    font's file lacks them and no installed font has them either (the last-resort font decides
    when fontconfig cannot be asked)."""
    utama = metrik(huruf)
    hasil: list[str] = []
    for c in dict.fromkeys(teks):
        if c.isspace() or not c.isprintable() or utama.punya(c) or c in hasil:
            continue
        lain = ada_huruf_lain_untuk(c)
        if lain is False or (lain is None and not _cadangan(False).punya(c)):
            hasil.append(c)
    return hasil
