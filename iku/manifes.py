"""The year's manifest written: a SHA-256 of every file plus what made them.

MANIFEST.json is written last into the staging folder, so it covers the whole set
(config snapshot included); signed copies are added to it later (`tambah`). Checking a folder
against it is iku/periksa_manifes.py's.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

from . import __version__
from .arsip import bukan_isi_tahun

NAMA = "MANIFEST.json"
FORMAT = 1


def sha256(berkas: Path) -> str:
    h = hashlib.sha256()
    with open(berkas, "rb") as f:
        for blok in iter(lambda: f.read(1 << 20), b""):
            h.update(blok)
    return h.hexdigest()


def daftar_berkas(folder: Path) -> dict[str, str]:
    """{relative posix path: sha256} of every file under folder except the manifest itself
    and the archives of their own inside a year's folder (amendments, quarters: each has its own manifest)."""
    return {
        p.relative_to(folder).as_posix(): sha256(p)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
        and p.relative_to(folder).as_posix() != NAMA
        and not bukan_isi_tahun(p.relative_to(folder).as_posix())
    }


def huruf_terpakai(huruf: str) -> dict[str, str | None]:
    """The configured font and the file fontconfig substitutes for it on this machine."""
    program = shutil.which("fc-match")
    if not program:
        return {"nama": huruf, "fc-match": None}
    hasil = subprocess.run(
        [program, "-f", "%{family[0]}:%{style[0]}:%{file}", huruf], capture_output=True, text=True, timeout=30
    )
    return {"nama": huruf, "fc-match": hasil.stdout.strip() or None}


def tulis(folder: Path, tahun: int, huruf: str, libreoffice: str | None) -> Path:
    """Write folder/MANIFEST.json; same files and same machine give the same bytes."""
    isi: dict[str, Any] = {
        "format": FORMAT,
        "tahun": tahun,
        "alat": {"nama": "iku", "versi": __version__},
        "libreoffice": libreoffice,
        "huruf": huruf_terpakai(huruf),
        "sha256": daftar_berkas(folder),
    }
    tujuan = folder / NAMA
    tujuan.write_text(json.dumps(isi, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    return tujuan


def tambah(folder: Path, berkas: list[Path]) -> Path:
    """Add files just written into folder (signed copies) to its manifest, replaced atomically."""
    manifes = folder / NAMA
    isi = json.loads(manifes.read_text(encoding="utf-8"))
    isi["sha256"].update({p.relative_to(folder).as_posix(): sha256(p) for p in berkas})
    sementara = folder / f".{NAMA}.sementara"
    sementara.write_text(json.dumps(isi, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(sementara, manifes)
    return manifes
