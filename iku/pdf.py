"""DOCX -> PDF/A-2b with LibreOffice: one headless process for all documents of a run.

Each run gets its own LibreOffice profile in a temporary folder (parallel runs never
share one), a time limit, and its whole process group is killed on any failure.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from .errors import Masalah, PdfError

BATAS_DETIK = 300
APT = "sudo apt-get install libreoffice-writer-nogui fonts-liberation fonts-urw-base35"
FILTER_PDFA = "pdf:writer_pdf_Export:" + json.dumps({"SelectPdfVersion": {"type": "long", "value": "2"}})


def soffice() -> str:
    """Path of the LibreOffice binary, or a clear error naming the package to install."""
    for nama in ("soffice", "libreoffice"):
        jalur = shutil.which(nama)
        if jalur:
            return jalur
    raise PdfError(Masalah("LibreOffice tidak ditemukan; PDF tidak dapat dibuat",
                           saran=f"pasang LibreOffice: {APT}, atau jalankan tanpa --pdf"))


def ke_pdf(berkas: list[Path], folder: Path, batas_detik: int = BATAS_DETIK) -> list[Path]:
    """Convert every DOCX to a PDF/A beside it in folder; return the PDFs in the same order."""
    if not berkas:
        return []
    with tempfile.TemporaryDirectory(prefix="iku-lo-") as profil:
        perintah = [soffice(), f"-env:UserInstallation=file://{profil}", "--headless", "--norestore",
                    "--nolockcheck", "--convert-to", FILTER_PDFA, "--outdir", str(folder), *map(str, berkas)]
        _jalankan(perintah, batas_detik)
    hasil = [folder / f"{b.stem}.pdf" for b in berkas]
    hilang = [h.name for h in hasil if not h.is_file()]
    if hilang:
        raise PdfError(Masalah("LibreOffice tidak menghasilkan PDF untuk: " + ", ".join(hilang)))
    return hasil


def _jalankan(perintah: list[str], batas_detik: int) -> None:
    proses = subprocess.Popen(perintah, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        keluaran, _ = proses.communicate(timeout=batas_detik)
    except BaseException:
        _bunuh(proses)
        raise PdfError(Masalah(f"LibreOffice tidak selesai dalam {batas_detik} detik dan dihentikan")) from None
    if proses.returncode != 0:
        raise PdfError(Masalah(f"LibreOffice gagal (kode {proses.returncode}): {keluaran.decode(errors='replace')[-400:]}"))


def _bunuh(proses: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proses.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proses.wait()
