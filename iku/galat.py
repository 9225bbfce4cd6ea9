"""One error family for everything a user can get wrong.

Each problem is data (file, key path, line, message, hint); the CLI turns it into
text exactly once and exits with the code of the error's kind (see KODE_KELUAR in the
README): 1 check failed, 2 usage, 3 config, 4 template, 5 archive refused, 6 archive
changed, 7 LibreOffice,
8 signing with a certificate refused. Core code raises, never prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Masalah:
    """One problem found in the user's input, located as precisely as known."""

    pesan: str
    berkas: Path | None = None
    kunci: str | None = None
    baris: int | None = None
    saran: str | None = None

    def __str__(self) -> str:
        tempat = str(self.berkas) if self.berkas else ""
        if self.berkas and self.baris:
            tempat += f", baris {self.baris}"
        kepala = " ".join(x for x in (tempat and f"{tempat}:", self.kunci and f"[{self.kunci}]") if x)
        teks = f"{kepala} {self.pesan}" if kepala else self.pesan
        return f"{teks}\n    Perbaikan: {self.saran}" if self.saran else teks


class IkuError(Exception):
    """Base of every user-facing error; carries one or more problems."""

    judul = "Terjadi kesalahan"
    kode = 1  # the exit code of the command that failed with it

    def __init_subclass__(cls, judul: str | None = None, kode: int | None = None, **kwargs: Any) -> None:
        """A kind of error is declared by its heading and exit code (inherited when not given):
        `class ConfigError(IkuError, judul="...", kode=3)`."""
        super().__init_subclass__(**kwargs)
        cls.judul = judul or cls.judul
        cls.kode = kode or cls.kode

    def __init__(self, masalah: Masalah | list[Masalah]) -> None:
        self.masalah = [masalah] if isinstance(masalah, Masalah) else list(masalah)
        super().__init__("\n".join(str(m) for m in self.masalah))

    def uraian(self) -> str:
        """The whole message as the user reads it."""
        jumlah = len(self.masalah)
        kepala = f"{self.judul} ({jumlah} masalah):" if jumlah > 1 else f"{self.judul}:"
        return kepala + "\n" + "\n".join(f"- {m}" for m in self.masalah)


class ConfigError(IkuError, judul="Konfigurasi tidak dapat dipakai", kode=3):
    """The configuration file cannot be read or does not validate."""


class TemplateError(IkuError, judul="Templat tidak dapat dipakai", kode=4):
    """A template cannot be read or rendered."""


class ArsipError(IkuError, judul="Arsip tidak diubah", kode=5):
    """The output archive refuses the operation (e.g. a year already exists)."""


class PdfError(IkuError, judul="PDF tidak dapat dibuat", kode=7):
    """LibreOffice is missing or failed to convert."""


class DrafError(IkuError, judul="Draf tahun baru tidak dibuat"):
    """Next year's draft cannot be written (e.g. the target file exists)."""


class DrafPerubahanError(DrafError, judul="Draf keputusan perubahan tidak dibuat"):
    """The amending decree's draft cannot be written (`iku perubahan`)."""


class ArsipTidakCocok(ArsipError, judul="Arsip tidak cocok dengan manifesnya", kode=6):
    """An archived year no longer matches its manifest (or has none)."""


class ImporError(IkuError, judul="Naskah tidak diimpor", kode=9):
    """An existing decree cannot be imported (not a decree, unreadable, or the target exists)."""


class TandaTanganError(IkuError, judul="PDF tidak ditandatangani", kode=8):
    """The PDFs cannot be signed: certificate, passphrase or PDF wrong (nothing is written)."""
