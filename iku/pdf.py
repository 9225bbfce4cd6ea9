"""DOCX -> PDF/A-2b with LibreOffice started once per run and driven over UNO.

The package's python usually cannot import `uno`, so a helper script (lo_pembantu.py) runs
under a python that can, and starts one headless LibreOffice for all documents. It gets
its own profile in a temporary folder (parallel runs never share one) and a time limit;
its process group (LibreOffice included) is killed on timeout, on any failure, on Ctrl-C,
and, through a pipe it watches, when this process itself is killed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .galat import Masalah, PdfError

BATAS_DETIK = 300
ENV_BATAS = "IKU_BATAS_PDF_DETIK"
ENV_PYTHON = "IKU_PYTHON_UNO"
APT = "sudo apt-get install libreoffice-writer-nogui python3-uno fonts-liberation fonts-urw-base35"
PEMBANTU = Path(__file__).resolve().with_name("lo_pembantu.py")
AWALAN_PROFIL = "iku-lo-"
PENANDA_GAGAL = "iku-gagal: "  # as printed by lo_pembantu.py
PDFA_2 = re.compile(rb"pdfaid:part(?:>|=[\"'])\s*2\b")


@dataclass(frozen=True)
class HasilPdf:
    """The PDFs written, in the order asked, and the LibreOffice version that wrote them."""

    berkas: list[Path]
    versi: str
    daftar_isi: dict[Path, list[tuple[str, str]]] = field(default_factory=dict)  # per DOCX: (entry, page)


def soffice() -> str:
    """Path of the LibreOffice binary, or a clear error naming the package to install."""
    for nama in ("soffice", "libreoffice"):
        jalur = shutil.which(nama)
        if jalur:
            return jalur
    raise PdfError(
        Masalah(
            "LibreOffice tidak ditemukan; PDF tidak dapat dibuat",
            saran=f"pasang LibreOffice: {APT}, atau jalankan tanpa --pdf",
        )
    )


def python_uno(program: str) -> str:
    """A python that can import uno: $IKU_PYTHON_UNO, LibreOffice's own, or the system's."""
    calon = [
        os.environ.get(ENV_PYTHON),
        str(Path(os.path.realpath(program)).parent / "python"),
        "/usr/bin/python3",
        shutil.which("python3"),
    ]
    for python in dict.fromkeys(c for c in calon if c and os.access(c, os.X_OK)):
        uji = subprocess.run([python, "-c", "import uno"], capture_output=True, timeout=60)
        if uji.returncode == 0:
            return python
    raise PdfError(
        Masalah(
            "Python untuk LibreOffice (modul uno) tidak ditemukan; PDF tidak dapat dibuat",
            saran=f"pasang: {APT}, atau tunjuk python yang memuat uno dengan {ENV_PYTHON}",
        )
    )


def batas_detik() -> float:
    """The time limit of one run's conversion; $IKU_BATAS_PDF_DETIK overrides it."""
    nilai = os.environ.get(ENV_BATAS, "")
    try:
        return float(nilai) if nilai else BATAS_DETIK
    except ValueError:
        raise PdfError(Masalah(f"{ENV_BATAS}={nilai!r} bukan angka detik", saran=f"contoh: {ENV_BATAS}=300")) from None


def ke_pdf(
    berkas: list[Path],
    folder: Path | None,
    batas: float | None = None,
    kemajuan: Callable[[int, str], None] | None = None,
) -> HasilPdf:
    """Convert every DOCX to a PDF/A-2b in folder (None: beside each DOCX, so one LibreOffice serves
    the documents of several folders) with one LibreOffice; PDFs in the same order.

    kemajuan(nomor, nama PDF) is called as each document is done (from a reader thread).
    """
    if not berkas:
        return HasilPdf([], "")
    program = soffice()
    python = python_uno(program)
    hasil = [(folder or b.parent) / f"{b.stem}.pdf" for b in berkas]
    bersihkan_profil_lama()
    with tempfile.TemporaryDirectory(prefix=f"{AWALAN_PROFIL}{os.getpid()}-") as profil:
        tugas = {
            "soffice": program,
            "profil": profil,
            "berkas": [[str(b.resolve()), str(h.resolve())] for b, h in zip(berkas, hasil)],
        }
        keluaran = _jalankan(python, tugas, batas_detik() if batas is None else batas, kemajuan)
    for pdf in hasil:
        periksa_pdfa(pdf)
    isi = {d: [(str(t), str(h)) for t, h in e] for d, e in keluaran.get("daftar_isi", {}).items()}
    return HasilPdf(hasil, str(keluaran.get("versi", "")), {b: isi.get(str(b.resolve()), []) for b in berkas})


def periksa_pdfa(pdf: Path) -> None:
    """The file exists and its XMP metadata declares PDF/A part 2."""
    if not pdf.is_file():
        raise PdfError(Masalah("LibreOffice tidak menghasilkan PDF", berkas=pdf))
    if not PDFA_2.search(pdf.read_bytes()):
        raise PdfError(
            Masalah(
                "PDF yang dihasilkan bukan PDF/A-2 (metadata pdfaid:part tidak ada)",
                berkas=pdf,
                saran="perbarui LibreOffice (versi 6.4 atau lebih baru)",
            )
        )


def _jalankan(python: str, tugas: dict, batas: float, kemajuan: Callable[[int, str], None] | None = None) -> dict:
    baca, tulis = os.pipe()  # the helper watches `baca`: our death closes `tulis`
    kabar_baca, kabar_tulis = os.pipe()  # the helper writes one line per finished document
    try:
        proses = subprocess.Popen(
            [python, str(PEMBANTU), json.dumps({**tugas, "jaga": baca, "kabar": kabar_tulis})],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            pass_fds=(baca, kabar_tulis),
            start_new_session=True,
        )
    finally:
        os.close(baca)
        os.close(kabar_tulis)
    pendengar = threading.Thread(target=_dengar, args=(kabar_baca, kemajuan), daemon=True)
    pendengar.start()
    try:
        keluar, galat = proses.communicate(timeout=batas)
    except subprocess.TimeoutExpired:
        _bunuh(proses)
        raise PdfError(
            Masalah(
                f"LibreOffice tidak selesai dalam {batas:g} detik dan dihentikan",
                saran=f"coba lagi; bila dokumen sangat besar, naikkan batas dengan {ENV_BATAS}",
            )
        ) from None
    except BaseException:
        _bunuh(proses)
        raise
    finally:
        os.close(tulis)
        pendengar.join(timeout=5)  # ends at EOF: the helper has exited
    if proses.returncode != 0:
        raise PdfError(
            Masalah(
                f"LibreOffice gagal: {_sebab(galat.decode(errors='replace'))}",
                saran="buka berkas DOCX itu di LibreOffice/Word untuk memeriksanya; "
                f"bila LibreOffice belum lengkap: {APT}",
            )
        )
    return json.loads(keluar.decode().strip().splitlines()[-1])


def _dengar(fd: int, kemajuan: Callable[[int, str], None] | None) -> None:
    """Pass on each document the helper reports done, until it closes the pipe."""
    with os.fdopen(fd, encoding="utf-8", errors="replace") as kabar:
        for nomor, baris in enumerate(kabar, start=1):
            if kemajuan:
                kemajuan(nomor, baris.strip())


def _sebab(galat: str) -> str:
    """The helper's own one-line reason, else the end of what it printed."""
    baris = galat.strip().splitlines()
    milik = [b[len(PENANDA_GAGAL) :] for b in baris if b.startswith(PENANDA_GAGAL)]
    return milik[-1] if milik else " | ".join(baris[-3:]) or "tanpa keterangan"


def _bunuh(proses: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proses.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proses.communicate()


def bersihkan_profil_lama() -> None:
    """Remove LibreOffice profiles left by runs that were killed (their process is gone)."""
    from .arsip import proses_hidup

    for folder in Path(tempfile.gettempdir()).glob(f"{AWALAN_PROFIL}*-*"):
        pid = folder.name[len(AWALAN_PROFIL) :].split("-")[0]
        if pid.isdigit() and not proses_hidup(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)
