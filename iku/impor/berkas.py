"""Open the clerk's file: a .docx as it is, a .doc/.odt/.rtf converted to .docx by LibreOffice first.

LibreOffice (the one driver, iku/pdf.py) runs headless with its own throw-away profile, no network
use is asked of it and nothing in the document is run: a plain file-format conversion, under a time limit.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import docx

from ..galat import ImporError, Masalah, PdfError
from ..pdf import ubah_format
from .baca import Isi, baca

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Office files (.doc)
RTF = b"{\\rtf"
BATAS_DETIK = 180
SARAN_SIMPAN = "buka berkas itu di Word atau LibreOffice lalu simpan sebagai .docx"


def buka(path: Path) -> Isi:
    """The document's content; ImporError when the file is not a word-processor document."""
    if not path.is_file():
        raise ImporError(Masalah("berkas tidak ditemukan", berkas=path, saran="periksa nama dan foldernya"))
    if path.stat().st_size == 0:
        raise ImporError(Masalah("berkas kosong (0 bita)", berkas=path, saran=SARAN_SIMPAN))
    jenis = jenis_berkas(path)
    if jenis == "docx":
        return _baca_docx(path, path)
    if jenis == "ubah":
        return _ubah_lalu_baca(path)
    bukan = "" if jenis.startswith("bukan") else ", bukan naskah keputusan"
    saran = "berikan berkas Keputusan (.docx, .doc, .odt atau .rtf)"
    if jenis.startswith("lembar kerja"):
        saran += "; baris IKU dari lembar kerja diimpor dengan iku impor --tabel BERKAS --to BARU"
    raise ImporError(Masalah(f"berkas ini {jenis}{bukan}", berkas=path, saran=saran))


@dataclass(frozen=True)
class Ciri:
    """What tells an office file's kind: its first bytes and, for a zip package (OOXML, OpenDocument),
    its entry names and its mimetype entry (OpenDocument's)."""

    awal: bytes
    nama: set[str] | None  # None: not a zip
    mimetype: str


def ciri(path: Path) -> Ciri:
    with path.open("rb") as berkas:
        awal = berkas.read(8)
    if not zipfile.is_zipfile(path):
        return Ciri(awal, None, "")
    with zipfile.ZipFile(path) as arsip:
        nama = set(arsip.namelist())
        mimetype = arsip.read("mimetype").decode("ascii", "replace") if "mimetype" in nama else ""
    return Ciri(awal, nama, mimetype)


def jenis_berkas(path: Path) -> str:
    """ "docx", "ubah" (LibreOffice reads it), or what else it is, said for the user."""
    c = ciri(path)
    if c.awal.startswith((OLE, RTF)):
        return "ubah"  # .doc (or another old Office file: LibreOffice says whether it is a text)
    if c.nama is None:
        return "bukan dokumen pengolah kata (Word/LibreOffice)"
    nama, mimetype = c.nama, c.mimetype
    if "word/document.xml" in nama:
        return "docx"
    if mimetype.endswith("opendocument.text"):
        return "ubah"
    if any(n.startswith("xl/") for n in nama) or "spreadsheet" in mimetype:
        return "lembar kerja (spreadsheet)"
    return "presentasi" if any(n.startswith("ppt/") for n in nama) or "presentation" in mimetype else "arsip ZIP"


def _baca_docx(path: Path, asal: Path) -> Isi:
    try:
        return baca(docx.Document(str(path)))
    except Exception as exc:  # python-docx raises several kinds for a damaged package
        raise ImporError(
            Masalah(f"berkas tidak dapat dibaca sebagai .docx ({type(exc).__name__})", berkas=asal, saran=SARAN_SIMPAN)
        ) from None


def _ubah_lalu_baca(path: Path) -> Isi:
    with diubah(path, "docx", SARAN_SIMPAN) as hasil:
        if not zipfile.is_zipfile(hasil):
            raise ImporError(
                Masalah("LibreOffice tidak dapat membaca berkas ini sebagai naskah", berkas=path, saran=SARAN_SIMPAN)
            )
        return _baca_docx(hasil, path)


@contextmanager
def diubah(path: Path, jenis: str, saran: str) -> Iterator[Path]:
    """path converted by LibreOffice (the one driver, iku/pdf.py) to jenis ("docx", "xlsx"), in a
    throw-away folder while the block runs; ImporError when LibreOffice is missing or cannot read it."""
    with tempfile.TemporaryDirectory(prefix="iku-impor-") as sementara:
        hasil = Path(sementara) / f"naskah.{jenis}"
        try:
            ubah_format(path, hasil, jenis, BATAS_DETIK)
        except PdfError as exc:
            raise ImporError(
                Masalah(
                    f"berkas {path.suffix or 'ini'} harus diubah dahulu dengan LibreOffice: "
                    + "; ".join(m.pesan for m in exc.masalah),
                    berkas=path,
                    saran=saran,
                )
            ) from None
        if not hasil.is_file():
            raise ImporError(Masalah("LibreOffice tidak dapat membaca berkas ini", berkas=path, saran=saran))
        yield hasil


def baca_qr(gambar: bytes, jenis: str) -> str | None:
    """What a QR code picture says, read by zbarimg when it is installed; None when it cannot be read."""
    zbarimg = shutil.which("zbarimg")
    if zbarimg is None:
        return None
    with tempfile.TemporaryDirectory(prefix="iku-qr-") as sementara:
        path = Path(sementara) / f"kode.{jenis}"
        path.write_bytes(gambar)
        try:
            hasil = subprocess.run(
                [zbarimg, "--raw", "-q", str(path)], stdin=subprocess.DEVNULL, capture_output=True, timeout=30
            )
        except (OSError, subprocess.TimeoutExpired):
            return None
    teks = hasil.stdout.decode("utf-8", "replace").rstrip("\n")
    return teks if hasil.returncode == 0 and teks else None
