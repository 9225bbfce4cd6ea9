"""`iku check`: validation errors, drafting warnings and template problems as data."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .config import baca_toml, muat
from .errors import ConfigError, Masalah
from .lint import Naskah, periksa_naskah
from .lint_templat import periksa_folder


@dataclass(frozen=True)
class Hasil:
    """Errors (always fatal) and warnings (fatal only with --strict)."""

    galat: list[Masalah]
    peringatan: list[Masalah]

    def gagal(self, ketat: bool) -> bool:
        return bool(self.galat or (ketat and self.peringatan))


def periksa(path: Path, templates: Path) -> Hasil:
    """Check one config and a folder of templates; writes nothing."""
    try:
        config = muat(path)
    except ConfigError as exc:
        return Hasil(exc.masalah, [])
    teks, data = baca_toml(path)
    peringatan = periksa_naskah(Naskah(config, data, teks, path))
    templat = periksa_folder(templates, config)
    return Hasil(templat.galat, peringatan + templat.peringatan)
