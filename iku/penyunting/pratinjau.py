"""Page pictures of a document of the set after each save, from a warm LibreOffice.

The Keputusan and its Lampiran by default; the PK, the LKjIP or the book on demand (a button
beside their section), which then stays the one shown after each save.

`LibreOfficeHangat` is the one LibreOffice driver (iku/pdf.py) kept for the server's lifetime:
started on first need, in its own process group and profile folder, stopped with the
server: explicitly, at exit, and (through the helper's stdin pipe) even when the server
is killed. `Pratinjau` renders in a background thread; a newer save supersedes an older.
"""

from __future__ import annotations

import atexit
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from ..buat import kemas, susun
from ..galat import ConfigError, IkuError, Masalah, PdfError
from ..konfigurasi import Bacaan, baca
from ..naskah import DAFTAR
from ..pdf import LibreOffice
from .simpan import sidik

BATAS_MULAI_DETIK = 120
BATAS_UBAH_DETIK = 120
RESOLUSI = 60  # dpi of the page pictures: readable beside the form, small to send
# What a preview button asks for -> the documents shown (title, kind in the registry), in order.
NASKAH: dict[str, tuple[tuple[str, str], ...]] = {
    "keputusan": (("Keputusan", "keputusan"), ("Lampiran", "lampiran")),
    "dokumen": (("Dokumen IKU", "dokumen"),),
    "perjanjian_kinerja": (("Perjanjian Kinerja", "perjanjian_kinerja"),),
    "laporan_kinerja": (("Laporan Kinerja", "laporan_kinerja"),),
}
BAWAAN = "keputusan"


class LibreOfficeHangat(LibreOffice):
    """The editor's LibreOffice (the one driver, iku/pdf.py) kept warm: DOCX -> plain PDF on request."""

    def ke_pdf(self, berkas: list[tuple[Path, Path]]) -> None:
        """Convert each (DOCX, PDF) pair; start LibreOffice first when it is not running."""
        self.ubah(berkas, "pdf", BATAS_UBAH_DETIK + (0 if self.pid else BATAS_MULAI_DETIK))


class Pratinjau:
    """Renders one document of the saved config (the Keputusan and Lampiran at first) to page pictures,
    in the background."""

    def __init__(self, lo: LibreOfficeHangat, config: Path, templates: Path) -> None:
        self.lo, self.config, self.templates = lo, config, templates
        self._folder = Path(tempfile.mkdtemp(prefix="iku-pratinjau-"))
        atexit.register(shutil.rmtree, self._folder, True)
        self._syarat = threading.Condition()
        self._diminta = self._diproses = self._versi = 0
        self._sidik: str | None = None
        self._halaman: dict[str, list[int]] = {}
        self._berkas: dict[str, list[Path]] = {}
        self._gambar: dict[tuple[int, int], Path] = {}
        self._galat: str | None = None
        self._naskah = self._naskah_tampil = BAWAAN  # asked for / shown
        threading.Thread(target=self._kerja, name="iku-pratinjau", daemon=True).start()

    def minta_dari_berkas(self) -> int:
        """Ask for pictures of the file as saved now; returns the request's number."""
        with self._syarat:
            self._diminta += 1
            self._syarat.notify()
            return self._diminta

    def minta_naskah(self, naskah: str) -> int:
        """Show this document from now on (a key of NASKAH), drawn from the file as saved now."""
        if naskah not in NASKAH:
            raise ValueError(naskah)
        with self._syarat:
            self._naskah = naskah
        return self.minta_dari_berkas()

    def keadaan(self) -> dict[str, Any]:
        """What the page polls: the pictures' version, each document's page numbers, busy or failed.

        The web page turns each number into the address its mount serves the picture at."""
        with self._syarat:
            return {
                "versi": self._versi,
                "halaman": {judul: list(nomor) for judul, nomor in self._halaman.items()},
                "galat": self._galat,
                "sibuk": self._diminta > self._diproses,
                "naskah": self._naskah_tampil,
            }

    def gambar(self, versi: int, nomor: int) -> Path | None:
        """A picture of the current version only, looked up by number (never a path from a request)."""
        with self._syarat:
            return self._gambar.get((versi, nomor)) if versi == self._versi else None

    @property
    def diminta(self) -> int:
        """The number of the latest request."""
        with self._syarat:
            return self._diminta

    def tunggu_versi(self, nomor: int, batas: float) -> bool:
        """Wait until pictures of request nomor are shown (the Keputusan's come first)."""
        akhir = time.monotonic() + batas
        with self._syarat:
            while self._versi < nomor and self._diproses < nomor:
                if not self._syarat.wait(max(0.0, akhir - time.monotonic())):
                    return False
            return True

    def tunggu(self, batas: float) -> bool:
        """Wait until every request so far is done (benchmarks and tests)."""
        akhir = time.monotonic() + batas
        with self._syarat:
            while self._diproses < self._diminta:
                if not self._syarat.wait(max(0.0, akhir - time.monotonic())):
                    return False
            return True

    def _kerja(self) -> None:
        while True:
            with self._syarat:
                while self._diproses >= self._diminta:
                    self._syarat.wait()
                nomor = self._diminta
            self._satu(nomor)

    def _satu(self, nomor: int) -> None:
        with self._syarat:
            naskah = self._naskah
        try:
            bacaan = baca(self.config)
            if (sidik(bacaan.mentah), naskah) == (self._sidik, self._naskah_tampil) and not self._galat:
                return self._selesai(nomor, None)
            self._gambarkan(nomor, naskah, bacaan)
            self._sidik = sidik(bacaan.mentah)
            self._selesai(nomor, None)
        except IkuError as exc:
            self._selesai(nomor, "; ".join(m.pesan for m in exc.masalah))
        except Exception as exc:
            self._selesai(nomor, f"{type(exc).__name__}: {exc}")

    def _gambarkan(self, nomor: int, naskah: str, bacaan: Bacaan) -> None:
        """Each document asked for, made by generate's own steps (context, fill, layout, pack), shown
        as soon as its pages are ready."""
        folder = self._folder / str(nomor)
        folder.mkdir()
        per_jenis = {j.jenis: j for j in DAFTAR}
        for judul, jenis in NASKAH[naskah]:
            j = per_jenis[jenis]
            if not j.ada(bacaan.config):
                bagian = jenis.replace("_", " ")
                raise ConfigError(
                    Masalah(
                        f"{judul} belum dapat dipratinjau: bagian [{jenis}] belum ada di berkas",
                        kunci=jenis,
                        saran=f"isi bagian {bagian}, simpan, lalu tekan tombol pratinjau lagi",
                    )
                )
            docx = folder / j.templat
            docx.write_bytes(kemas(susun(bacaan, self.templates, j, folder), bacaan.config))
            pdf = docx.with_suffix(".pdf")
            self.lo.ke_pdf([(docx, pdf)])
            self._terbitkan(nomor, naskah, judul, halaman_png(pdf))

    def _terbitkan(self, nomor: int, naskah: str, judul: str, halaman: list[Path]) -> None:
        with self._syarat:
            if self._naskah_tampil != naskah:
                self._berkas = {}  # another document: its pages replace the old one's
            self._versi, self._naskah_tampil = nomor, naskah
            self._berkas[judul] = halaman
            self._gambar, self._halaman, n = {}, {}, 0
            for j, _ in NASKAH[naskah]:
                daftar = self._berkas.get(j, [])
                self._halaman[j] = list(range(n, n + len(daftar)))
                self._gambar.update({(nomor, n + i): p for i, p in enumerate(daftar)})
                n += len(daftar)
            self._syarat.notify_all()

    def _selesai(self, nomor: int, galat: str | None) -> None:
        with self._syarat:
            self._diproses = max(self._diproses, nomor)
            self._galat = galat
            lama = self._folder.iterdir() if self._folder.is_dir() else ()  # gone: the server has stopped
            for folder in lama:  # pictures no longer shown
                if folder.name != str(self._versi):
                    shutil.rmtree(folder, ignore_errors=True)
            self._syarat.notify_all()


def halaman_png(pdf: Path) -> list[Path]:
    """Every page of a PDF as a PNG beside it (pdftoppm), in page order."""
    awalan = pdf.with_suffix("")
    try:
        subprocess.run(
            ["pdftoppm", "-r", str(RESOLUSI), "-png", str(pdf), str(awalan)],
            check=True,
            capture_output=True,
            timeout=120,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise PdfError(
            Masalah(f"gambar halaman tidak dapat dibuat dengan pdftoppm ({exc})", saran="pasang poppler-utils")
        ) from None
    return sorted(pdf.parent.glob(f"{awalan.name}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
