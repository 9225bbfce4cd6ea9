"""The one LibreOffice driver: start, keep warm, convert (DOCX -> PDF/A-2b, plain PDF, an old
.doc/.odt/.xls -> DOCX/XLSX) and stop, over UNO.

The package's python usually cannot import `uno`, so a helper script (lo_pembantu.py) runs
under a python that can and starts one headless LibreOffice, which then converts every
request it is sent. `LibreOffice` is that helper seen from here: `generate --pdf` converts
its set with one, each worker of `iku kabupaten` keeps one for its share, the editor keeps
one warm for its previews, `iku impor` converts an old file with one. Each gets its own
profile in a temporary folder (parallel runs never share one; macros and link updates
disabled) and a time limit; its process group (LibreOffice included) is killed on timeout,
on any failure, on Ctrl-C, and, through its stdin pipe, when this process itself is killed.
"""

from __future__ import annotations

import atexit
import json
import os
import re
import select
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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


Kemajuan = Callable[[int, str], None]  # (number, name of the file written), per document done


def ke_pdf(
    berkas: list[Path],
    folder: Path | None,
    batas: float | None = None,
    kemajuan: Kemajuan | None = None,
    lo: LibreOffice | None = None,
) -> HasilPdf:
    """Convert every DOCX to a PDF/A-2b in folder (None: beside each DOCX, so one LibreOffice serves
    the documents of several folders); PDFs in the same order.

    With lo (a LibreOffice kept by the caller, e.g. one per worker) it is used and left running;
    without, one is started for these documents and stopped. kemajuan(nomor, nama PDF) is called
    as each document is done.
    """
    if not berkas:
        return HasilPdf([], "")
    hasil = [(folder or b.parent) / f"{b.stem}.pdf" for b in berkas]
    batas = batas_detik() if batas is None else batas
    if lo is None:
        with LibreOffice() as sendiri:
            isi = sendiri.ubah(list(zip(berkas, hasil)), "pdfa", batas, kemajuan)
            versi = sendiri.versi
    else:
        isi, versi = lo.ubah(list(zip(berkas, hasil)), "pdfa", batas, kemajuan), lo.versi
    for pdf in hasil:
        periksa_pdfa(pdf)
    return HasilPdf(hasil, versi, {b: [(str(t), str(h)) for t, h in isi.get(b, [])] for b in berkas})


def ubah_format(sumber: Path, tujuan: Path, jenis: str, batas: float) -> None:
    """An old file (.doc, .odt, .rtf, .xls, .ods) converted to tujuan; jenis "docx" or "xlsx"."""
    with LibreOffice() as lo:
        lo.ubah([(sumber, tujuan)], jenis, batas)


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


class LibreOffice:
    """One headless LibreOffice behind lo_pembantu.py, in its own process group and profile folder:
    started on first use, kept warm between requests, stopped by hentikan() (or the with-block's end),
    at exit, and (through its stdin) when this process dies. One request at a time (a lock)."""

    def __init__(self) -> None:
        self._proses: subprocess.Popen[bytes] | None = None
        self._galat: Any = None  # the helper's stderr (a temporary file: never a full pipe)
        self._profil: str | None = None
        self._sisa = b""
        self._siap = False  # the helper has said LibreOffice answers
        self._kunci = threading.Lock()
        self.versi = ""

    def __enter__(self) -> LibreOffice:
        return self

    def __exit__(self, *_: object) -> None:
        self.hentikan()

    @property
    def pid(self) -> int | None:
        """The helper's pid (= its process group, LibreOffice included), while it runs."""
        return self._proses.pid if self._proses and self._proses.poll() is None else None

    def ubah(
        self, berkas: list[tuple[Path, Path]], jenis: str, batas: float, kemajuan: Kemajuan | None = None
    ) -> dict[Path, list[list[str]]]:
        """Convert each (source, target) pair as jenis ("pdfa", "pdf", "docx", "xlsx") within batas
        seconds (starting LibreOffice first when it is not running); per source its table of
        contents with page numbers. PdfError on failure; on a time-out or a crash LibreOffice is
        stopped (the next request starts a new one)."""
        with self._kunci:
            akhir = time.monotonic() + batas
            try:
                if self.pid is None:
                    self._hentikan()  # what is left of one that stopped (its profile)
                    self._nyalakan()
                if not self._siap:
                    self.versi, self._siap = str(self._baca(akhir).get("versi", "")), True
                assert self._proses and self._proses.stdin
                tugas = {"jenis": jenis, "berkas": [[str(s.resolve()), str(t.resolve())] for s, t in berkas]}
                self._proses.stdin.write((json.dumps(tugas) + "\n").encode())
                self._proses.stdin.flush()
                nomor = 0
                while "selesai" in (jawab := self._baca(akhir)):
                    nomor += 1
                    if kemajuan:
                        kemajuan(nomor, jawab["selesai"])
            except subprocess.TimeoutExpired:
                self._hentikan()
                raise PdfError(
                    Masalah(
                        f"LibreOffice tidak selesai dalam {batas:g} detik dan dihentikan",
                        saran=f"coba lagi; bila dokumen sangat besar, naikkan batas dengan {ENV_BATAS}",
                    )
                ) from None
            except (OSError, EOFError):
                sebab = self._sebab()
                self._hentikan()
                raise PdfError(
                    Masalah(f"LibreOffice gagal: {sebab}", saran=f"bila LibreOffice belum lengkap: {APT}")
                ) from None
            except BaseException:
                self._hentikan()
                raise
        if "galat" in jawab:
            raise PdfError(
                Masalah(
                    f"LibreOffice gagal: {jawab['galat']}",
                    saran="buka berkas itu di LibreOffice/Word untuk memeriksanya; "
                    f"bila LibreOffice belum lengkap: {APT}",
                )
            )
        return {s: jawab["daftar_isi"].get(str(s.resolve()), []) for s, _ in berkas}

    def nyalakan(self) -> None:
        """Start LibreOffice now without waiting for it: it starts up while the caller works (an
        agency's documents are filled meanwhile); the first request waits until it answers."""
        with self._kunci:
            if self.pid is None:
                self._hentikan()
                self._nyalakan()

    def _nyalakan(self) -> None:
        program = soffice()
        python = python_uno(program)
        bersihkan_profil_lama()
        self._profil = tempfile.mkdtemp(prefix=f"{AWALAN_PROFIL}{os.getpid()}-")
        pengguna = Path(self._profil) / "user"
        pengguna.mkdir()
        (pengguna / "registrymodifications.xcu").write_text(PROFIL, encoding="utf-8")
        self._sisa = b""
        atexit.register(self.hentikan)
        self._galat = tempfile.TemporaryFile()
        self._proses = subprocess.Popen(
            [python, str(PEMBANTU), json.dumps({"soffice": program, "profil": self._profil})],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._galat,
            start_new_session=True,
        )
        self._siap = False

    def _baca(self, akhir: float) -> dict[str, Any]:
        """One JSON line from the helper before the monotonic deadline akhir."""
        assert self._proses and self._proses.stdout
        fd = self._proses.stdout.fileno()
        while b"\n" not in self._sisa:
            sisa_waktu = akhir - time.monotonic()
            if sisa_waktu <= 0:
                raise subprocess.TimeoutExpired("lo_pembantu", 0)
            siap, _, _ = select.select([fd], [], [], sisa_waktu)
            if siap:
                potong = os.read(fd, 65536)
                if not potong:
                    raise EOFError
                self._sisa += potong
        baris, _, self._sisa = self._sisa.partition(b"\n")
        return json.loads(baris)

    def _sebab(self) -> str:
        """The helper's own one-line reason, else the end of what it printed."""
        if self._proses is not None:
            try:
                self._proses.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
        if self._galat is None:
            return "tanpa keterangan"
        self._galat.seek(0)
        baris = self._galat.read().decode(errors="replace").strip().splitlines()
        milik = [b[len(PENANDA_GAGAL) :] for b in baris if b.startswith(PENANDA_GAGAL)]
        return milik[-1] if milik else " | ".join(baris[-3:]) or "tanpa keterangan"

    def hentikan(self) -> None:
        """Stop LibreOffice and its helper (the whole process group); remove its profile."""
        with self._kunci:
            self._hentikan()

    def _hentikan(self) -> None:
        atexit.unregister(self.hentikan)
        proses, self._proses = self._proses, None
        if proses is not None:
            try:
                if proses.stdin:
                    proses.stdin.close()  # the helper ends LibreOffice politely on end of input
                proses.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                pass
            try:
                os.killpg(proses.pid, signal.SIGKILL)  # and whatever is left of the group
            except (ProcessLookupError, PermissionError):
                pass
            proses.wait()
            if proses.stdout:
                proses.stdout.close()
        if self._galat is not None:
            self._galat.close()
            self._galat = None
        if self._profil:
            shutil.rmtree(self._profil, ignore_errors=True)
            self._profil = None


# The throw-away profile forbids macros and never updates links (no network) while converting.
PROFIL = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution" \
oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" \
oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="BlockUntrustedRefererLinks" \
oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Writer/Content/Update"><prop oor:name="Link" oor:op="fuse">\
<value>0</value></prop></item>
</oor:items>
"""


def bersihkan_profil_lama() -> None:
    """Remove LibreOffice profiles left by runs that were killed (their process is gone)."""
    from .arsip import proses_hidup

    for folder in Path(tempfile.gettempdir()).glob(f"{AWALAN_PROFIL}*-*"):
        pid = folder.name[len(AWALAN_PROFIL) :].split("-")[0]
        if pid.isdigit() and not proses_hidup(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)
