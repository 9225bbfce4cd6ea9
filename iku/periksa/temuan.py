"""The one kind of finding of `iku check`: a `Masalah`, sorted into errors and warnings (`Hasil`),
and a drafting warning located at its key and line in the config file (`peringatan`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..galat import Masalah
from ..konfigurasi import Bacaan, nama_kunci
from ..lokasi import cari_baris


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


def peringatan(n: Bacaan, loc: tuple[Any, ...], pesan: str, saran: str | None = None) -> Masalah:
    """A drafting warning located at its key and line in the config file."""
    return Masalah(pesan, berkas=n.path, kunci=nama_kunci(loc), baris=cari_baris(n.teks, loc), saran=saran)
