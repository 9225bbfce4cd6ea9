"""A folder checked against its MANIFEST.json: every file changed, missing or added since it was
archived is named (`iku verify`, `iku arsip`, and before signing: only an intact archive is signed)."""

from __future__ import annotations

import json
from pathlib import Path

from .galat import ArsipTidakCocok, Masalah
from .manifes import NAMA, daftar_berkas


def baca(folder: Path) -> dict[str, str]:
    """The hashes a folder's manifest records, or an error saying why it cannot be read."""
    manifes = folder / NAMA
    if not manifes.is_file():
        raise ArsipTidakCocok(
            Masalah(
                f"{NAMA} tidak ada di folder ini",
                berkas=folder,
                saran="tunjuk folder arsip satu tahun, misalnya output/2023",
            )
        )
    try:
        isi = json.loads(manifes.read_text(encoding="utf-8"))
        catatan = isi["sha256"]
        if not isinstance(catatan, dict):
            raise TypeError
    except (ValueError, KeyError, TypeError):
        raise ArsipTidakCocok(Masalah("manifes rusak atau bukan buatan iku", berkas=manifes)) from None
    return catatan


def periksa(folder: Path) -> list[str]:
    """Re-hash folder against its manifest; return the files that match, or raise naming each difference."""
    catatan = baca(folder)
    sekarang = daftar_berkas(folder)
    masalah = [
        Masalah("berkas berubah sejak diarsipkan (SHA-256 berbeda)", berkas=folder / n)
        for n in sorted(catatan)
        if n in sekarang and sekarang[n] != catatan[n]
    ]
    masalah += [Masalah("berkas hilang dari arsip", berkas=folder / n) for n in sorted(catatan) if n not in sekarang]
    masalah += [
        Masalah("berkas tambahan yang tidak tercatat di manifes", berkas=folder / n)
        for n in sorted(sekarang)
        if n not in catatan
    ]
    if masalah:
        raise ArsipTidakCocok(masalah)
    return sorted(catatan)
