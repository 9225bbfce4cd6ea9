"""`iku check`: config rules (drafting) and template rules, reported as one kind of finding.

Every finding is a `Masalah`; a `Hasil` sorts them into errors (always fatal) and warnings
(fatal only with --strict). Nothing here writes a file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..galat import ConfigError, Masalah
from ..konfigurasi import Bacaan, baca
from .naskah import periksa_naskah


@dataclass
class Hasil:
    """Errors (always fatal) and warnings (fatal only with --strict)."""

    galat: list[Masalah] = field(default_factory=list)
    peringatan: list[Masalah] = field(default_factory=list)

    def gagal(self, ketat: bool) -> bool:
        return bool(self.galat or (ketat and self.peringatan))

    def tambah(self, lain: Hasil) -> None:
        self.galat += lain.galat
        self.peringatan += lain.peringatan


def periksa(path: Path, templates: Path) -> Hasil:
    """Check one config and a folder of templates; writes nothing."""
    try:
        bacaan = baca(path)
    except ConfigError as exc:
        return Hasil(exc.masalah, [])
    return periksa_bacaan(bacaan, templates)


def periksa_bacaan(bacaan: Bacaan, templates: Path) -> Hasil:
    """Drafting warnings of a validated config, and the problems of the templates it would fill."""
    from .templat import periksa_folder  # the template rules render documents: import on use

    hasil = Hasil([], periksa_naskah(bacaan))
    hasil.tambah(periksa_folder(templates, bacaan.config))
    return hasil
