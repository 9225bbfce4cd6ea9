"""`iku templates --to DIR`: a copy of the default templates for an agency to edit in Word.

The templates travel inside the package (importlib.resources), so this works from an
ordinary installation. Nothing is ever written over an existing file: when any target
exists, nothing at all is copied.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from .galat import Masalah, TemplateError


class TemplatTidakDisalin(TemplateError, judul="Templat tidak disalin"):
    """The copy was refused (a file of that name exists, or the folder cannot be written)."""


def bawaan() -> dict[str, bytes]:
    """The default templates by file name."""
    folder = files("iku").joinpath("templates")
    return {b.name: b.read_bytes() for b in sorted(folder.iterdir(), key=lambda b: b.name) if b.name.endswith(".docx")}


def salin(tujuan: Path) -> list[Path]:
    """Copy every default template into tujuan (created if needed); return the paths written."""
    templat = bawaan()
    ada = [tujuan / n for n in templat if (tujuan / n).exists()]
    if ada:
        raise TemplatTidakDisalin(
            [
                Masalah(
                    "berkas sudah ada dan tidak ditimpa; tidak ada templat yang disalin",
                    berkas=p,
                    saran="pilih folder lain atau pindahkan berkas itu dulu",
                )
                for p in ada
            ]
        )
    try:
        tujuan.mkdir(parents=True, exist_ok=True)
        for nama, isi in templat.items():
            with open(tujuan / nama, "xb") as f:  # "x": never over a file that appeared meanwhile
                f.write(isi)
    except OSError as exc:
        raise TemplatTidakDisalin(Masalah(f"folder tidak dapat ditulis ({exc.strerror})", berkas=tujuan)) from None
    return [tujuan / n for n in templat]
