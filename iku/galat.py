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

    def __init__(self, masalah: Masalah | list[Masalah]) -> None:
        self.masalah = [masalah] if isinstance(masalah, Masalah) else list(masalah)
        super().__init__("\n".join(str(m) for m in self.masalah))

    def uraian(self) -> str:
        """The whole message as the user reads it."""
        jumlah = len(self.masalah)
        kepala = f"{self.judul} ({jumlah} masalah):" if jumlah > 1 else f"{self.judul}:"
        return kepala + "\n" + "\n".join(f"- {m}" for m in self.masalah)


class ConfigError(IkuError):
    """The configuration file cannot be read or does not validate."""

    judul = "Konfigurasi tidak dapat dipakai"
    kode = 3


class TemplateError(IkuError):
    """A template cannot be read or rendered."""

    judul = "Templat tidak dapat dipakai"
    kode = 4


class ArsipError(IkuError):
    """The output archive refuses the operation (e.g. a year already exists)."""

    judul = "Arsip tidak diubah"
    kode = 5


class PdfError(IkuError):
    """LibreOffice is missing or failed to convert."""

    judul = "PDF tidak dapat dibuat"
    kode = 7


class DrafError(IkuError):
    """Next year's draft cannot be written (e.g. the target file exists)."""

    judul = "Draf tahun baru tidak dibuat"


class DrafPerubahanError(DrafError):
    """The amending decree's draft cannot be written (`iku perubahan`)."""

    judul = "Draf keputusan perubahan tidak dibuat"


class ArsipTidakCocok(ArsipError):
    """An archived year no longer matches its manifest (or has none)."""

    judul = "Arsip tidak cocok dengan manifesnya"
    kode = 6


class ImporError(IkuError):
    """An existing decree cannot be imported (not a decree, unreadable, or the target exists)."""

    judul = "Naskah tidak diimpor"
    kode = 9


class TandaTanganError(IkuError):
    """The PDFs cannot be signed: certificate, passphrase or PDF wrong (nothing is written)."""

    judul = "PDF tidak ditandatangani"
    kode = 8
