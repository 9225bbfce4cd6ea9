"""Find the line of a key path in TOML text (tomllib gives no positions).

A light scanner, not a parser: it follows table headers, [[array]] occurrences and
`key =` lines, skipping multi-line strings. Good enough to point a clerk at a line.
"""

from __future__ import annotations

import re
from typing import Any

KUNCI = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_\-]+(?:\s*\.\s*[A-Za-z0-9_\-]+)*)\s*=""")
KEPALA = re.compile(r"^\s*(\[\[?)\s*([^\[\]]+?)\s*\]\]?\s*(#.*)?$")


def indeks_baris(teks: str) -> dict[tuple[Any, ...], int]:
    """Map every table header and key path (array-of-tables indexed from 0) to its line."""
    indeks: dict[tuple[Any, ...], int] = {}
    hitung: dict[tuple[str, ...], int] = {}
    konteks: tuple[Any, ...] = ()
    dalam_string = False
    for nomor, baris in enumerate(teks.splitlines(), start=1):
        if dalam_string:
            dalam_string = _ganjil_tiga_kutip(baris) != dalam_string
            continue
        kepala = KEPALA.match(baris)
        if kepala:
            konteks = _konteks(kepala, hitung)
            indeks.setdefault(konteks, nomor)
            continue
        kunci = KUNCI.match(baris)
        if kunci:
            bagian = tuple(k.strip().strip("\"'") for k in kunci.group(1).split("."))
            indeks.setdefault(konteks + bagian, nomor)
            dalam_string = _ganjil_tiga_kutip(baris)
    return indeks


def _ganjil_tiga_kutip(baris: str) -> bool:
    return (baris.count('"""') + baris.count("'''")) % 2 == 1


def _konteks(kepala: re.Match[str], hitung: dict[tuple[str, ...], int]) -> tuple[Any, ...]:
    nama = tuple(k.strip().strip("\"'") for k in kepala.group(2).split("."))
    if kepala.group(1) != "[[":
        return nama
    hitung[nama] = hitung.get(nama, -1) + 1
    return nama + (hitung[nama],)


def cari_baris(teks: str, loc: tuple[Any, ...]) -> int | None:
    """Line of the deepest known part of loc; a list element gets its own line if it has one."""
    indeks = indeks_baris(teks)
    for panjang in range(len(loc), 0, -1):
        awal = indeks.get(loc[:panjang])
        if awal is None:
            continue
        if panjang < len(loc) and isinstance(loc[panjang], int):
            return _baris_butir(teks.splitlines(), awal, loc[panjang])
        return awal
    return None


def _baris_butir(baris: list[str], awal: int, posisi: int) -> int:
    """Line of the posisi-th string of an array that starts on line awal (1-based)."""
    ditemukan = []
    for nomor in range(awal, len(baris) + 1):
        isi = baris[nomor - 1].split("=", 1)[1] if nomor == awal else baris[nomor - 1]
        isi = isi.strip().lstrip("[").strip()
        if isi[:1] in ('"', "'"):
            ditemukan.append(nomor)
        if isi.endswith("]") and not isi.endswith('"]"') and isi.rstrip(",").endswith("]"):
            break
    return ditemukan[posisi] if posisi < len(ditemukan) else awal


def kunci_pada_baris(teks: str, baris: int) -> tuple[Any, ...] | None:
    """The key path written on a line (for errors that only know the line)."""
    cocok = [loc for loc, nomor in indeks_baris(teks).items() if nomor == baris]
    return max(cocok, key=len) if cocok else None
