"""Write a whole kabupaten's year: every agency's set and the Pemda's documents, all or nothing.

Each agency's folder is written by `iku generate`'s own steps (iku/buat.py: tulis_dokumen,
terima_pdf, tutup_set), so DIR/<tahun>/<agency>/ is exactly what `generate` writes. Agencies are
independent: N worker processes take the Pemda's folder and then the agencies one at a time as
each becomes free, each worker converting with its one LibreOffice (iku/pdf.py), started when the
worker starts and kept warm for all it writes; what is written never depends on N or on which
worker wrote it. The whole year is staged next to DIR and swapped in atomically (iku/arsip.py).
"""

from __future__ import annotations

import json
import multiprocessing
import os
import queue
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import manifes
from ..arsip import folder_tahun, periksa_boleh_tulis, slug, tulis_tahun
from ..buat import TEMPLAT_BAWAAN, Permintaan, terima_pdf, tulis_dokumen, tutup_set
from ..galat import IkuError, Masalah, TemplateError
from ..isi import isi
from ..konfigurasi import Bacaan
from ..naskah.blok import Tata
from ..paket import tulis_paket
from . import lembar
from .baca import Kabupaten
from .naskah import DAFTAR, NaskahPemda, tata

if TYPE_CHECKING:
    from ..pdf import LibreOffice

Kemajuan = Callable[[str], None]
FOLDER_PEMDA = "pemda"


@dataclass(frozen=True)
class PermintaanKabupaten:
    """What one run of `iku kabupaten` was asked to do."""

    kabupaten: Kabupaten
    output: Path
    templates: Path = TEMPLAT_BAWAAN
    force: bool = False
    pdf: bool = False
    jobs: int | None = None  # None: one process per core
    kemajuan: Kemajuan | None = None

    def kabar(self, pesan: str) -> None:
        if self.kemajuan:
            self.kemajuan(pesan)


def folder_instansi(bacaan: Bacaan) -> str:
    """DIR/<tahun>/<agency>/: the agency's name as generate names its files."""
    return slug(bacaan.config.instansi.nama)


def nama_berkas_pemda(k: Kabupaten, awalan: str, akhiran: str = "docx") -> str:
    p = k.pemda.pemda
    return f"{awalan}-{slug(p.pemerintah.nama)}-{p.tahun}.{akhiran}"


def jumlah_proses(jobs: int | None, tugas: int) -> int:
    return max(1, min(jobs or os.cpu_count() or 1, tugas))


def buat_kabupaten(p: PermintaanKabupaten) -> list[Path]:
    """Write DIR/<tahun>/ (every agency and pemda/) and return the folders written."""
    k = p.kabupaten
    periksa_boleh_tulis(p.output, k.tahun, p.force)
    n = jumlah_proses(p.jobs, len(k.instansi))
    with tulis_tahun(p.output, k.tahun, p.force) as sementara:
        galat = _kerjakan_semua(k, sementara, p, n)
        if galat:
            raise galat[0].jenis([m for g in galat if g.jenis is galat[0].jenis for m in g.masalah])
        for b in k.instansi:
            p.kabar(f"{folder_instansi(b)}/ disusun")
        manifes.tulis(sementara, k.tahun, k.pemda.pemda.format.huruf, _versi_lo(sementara))
    folder = folder_tahun(p.output, k.tahun)
    return [folder / folder_instansi(b) for b in k.instansi] + [folder / FOLDER_PEMDA]


def _versi_lo(folder: Path) -> str | None:
    """The LibreOffice version the Pemda's manifest recorded (the same program made every PDF)."""
    isi_ = json.loads((folder / FOLDER_PEMDA / manifes.NAMA).read_text(encoding="utf-8"))
    return isi_.get("libreoffice")


def _kerjakan_semua(k: Kabupaten, sementara: Path, p: PermintaanKabupaten, n: int) -> list[GalatKerja]:
    """The Pemda's folder and every agency's, shared out to n worker processes as each becomes free
    (an agency of five rows does not hold up the others); the errors of all of them."""
    tugas: multiprocessing.Queue[int | None] = multiprocessing.Queue()
    hasil: multiprocessing.Queue[tuple[int, list[GalatKerja]]] = multiprocessing.Queue()
    for nomor in range(-1, len(k.instansi)):  # -1: the Pemda's folder, first (its LibreOffice starts meanwhile)
        tugas.put(nomor)
    for _ in range(n):
        tugas.put(None)
    pekerja = [
        multiprocessing.Process(target=_pekerja, args=(k, sementara, p.templates, p.pdf, tugas, hasil), daemon=True)
        for _ in range(n)
    ]
    galat: list[GalatKerja] = []
    try:
        for w in pekerja:
            w.start()
        for _ in range(len(k.instansi) + 1):
            nomor, g = _terima(hasil, pekerja)
            galat += g
            if nomor < 0:
                p.kabar(f"{FOLDER_PEMDA}/ disusun")
        for w in pekerja:
            w.join()
    except BaseException:
        # Ctrl-C, SIGTERM or a failure: the workers are stopped now (each unwinds and stops its
        # LibreOffice), not waited for; then the staging folder goes
        for w in pekerja:
            if w.is_alive():
                w.terminate()
        for w in pekerja:
            w.join()
        raise
    return galat


def _terima(
    hasil: multiprocessing.Queue[tuple[int, list[GalatKerja]]], pekerja: list[Any]
) -> tuple[int, list[GalatKerja]]:
    """The next result; RuntimeError when a worker died without giving one (killed, out of memory)."""
    while True:
        try:
            return hasil.get(timeout=1)
        except queue.Empty:
            mati = [w.exitcode for w in pekerja if w.exitcode not in (None, 0)]
            if mati:
                raise RuntimeError(f"proses pekerja berhenti tanpa hasil (kode keluar {mati[0]})") from None


def _pekerja(
    k: Kabupaten,
    sementara: Path,
    templates: Path,
    pdf: bool,
    tugas: multiprocessing.Queue[int | None],
    hasil: multiprocessing.Queue[tuple[int, list[GalatKerja]]],
) -> None:
    """One worker process: with --pdf one LibreOffice, started at once (it starts up while the first
    documents are filled) and kept warm for every folder this worker writes; stopped at the end."""
    from ..pdf import LibreOffice

    with LibreOffice() as lo:
        if pdf:
            try:
                lo.nyalakan()
            except IkuError:
                pass  # said by the first conversion, for the folder it belongs to
        for nomor in iter(tugas.get, None):
            if nomor < 0:
                g = _tangkap(tulis_pemda, k, sementara / FOLDER_PEMDA, templates, pdf, lo)
            else:
                g = _tangkap(buat_instansi, k.instansi[nomor], sementara, templates, pdf, lo)
            hasil.put((nomor, g))


def _tangkap(kerja: Callable[..., object], *argumen: Any) -> list[GalatKerja]:
    """kerja(*argumen) in a worker: an IkuError comes back as data."""
    try:
        kerja(*argumen)
    except IkuError as exc:
        return [GalatKerja(type(exc), exc.masalah)]
    return []


@dataclass(frozen=True)
class GalatKerja:
    """An IkuError raised in a worker, carried back as data (exceptions do not pickle their Masalah)."""

    jenis: type[IkuError]
    masalah: list[Masalah]


def buat_instansi(bacaan: Bacaan, sementara: Path, templates: Path, pdf: bool, lo: LibreOffice) -> None:
    """In a worker: write one agency's set into sementara/<agency>/ by generate's steps; with pdf,
    the worker's LibreOffice converts its DOCX."""
    q = Permintaan(bacaan, templates, sementara / folder_instansi(bacaan), pdf=pdf)
    q.output.mkdir()
    ditulis = tulis_dokumen(q, q.output)
    versi = None
    if pdf:
        from ..pdf import ke_pdf

        docx = ditulis.docx(q.output)
        hasil = ke_pdf(docx, q.output, lo=lo)
        terima_pdf(q, q.output, ditulis, hasil)
        versi = hasil.versi
    tutup_set(q, q.output, versi)


def periksa_templat(k: Kabupaten, templates: Path = TEMPLAT_BAWAAN) -> list[Masalah]:
    """`--check` of the templates, writing nothing: every agency's config against the templates
    its set is filled from (the template rules, then generate's fill, layout and pack in memory,
    as `iku check --templates` does) and the Pemda's templates filled in memory. TemplateError
    names every template problem of every file together; the warnings are returned."""
    from ..periksa.jalankan import periksa_folder

    t, masalah, peringatan = tata(k), [], []
    for bacaan in k.instansi:
        hasil = periksa_folder(templates, bacaan)
        masalah += hasil.galat
        peringatan += hasil.peringatan
    for naskah in DAFTAR:
        try:
            susun_pemda(k, templates, naskah, t)
        except TemplateError as exc:
            masalah += exc.masalah
    if masalah:
        raise TemplateError(list(dict.fromkeys(masalah)))
    return list(dict.fromkeys(peringatan))


def tulis_pemda(k: Kabupaten, folder: Path, templates: Path, pdf: bool, lo: LibreOffice | None = None) -> list[str]:
    """DIR/<tahun>/pemda/: the Keputusan, its Lampiran, the cascade matrix, the recap, the
    config as validated (and its logo), and a manifest; with pdf, converted by lo (a worker's)."""
    folder.mkdir()
    t = tata(k)
    ditulis = []
    for naskah in DAFTAR:
        nama = nama_berkas_pemda(k, naskah.awalan_berkas)
        (folder / nama).write_bytes(tulis_paket(susun_pemda(k, templates, naskah, t), t.tanggal))
        ditulis.append(nama)
    rekap = nama_berkas_pemda(k, lembar.AWALAN_BERKAS, "xlsx")
    (folder / rekap).write_bytes(lembar.tulis(k))
    versi = None
    if pdf:
        from ..pdf import ke_pdf

        hasil = ke_pdf([folder / n for n in ditulis], folder, lo=lo)
        ditulis += [x.name for x in hasil.berkas]
        versi = hasil.versi
    salinan = folder / f"konfigurasi-pemda-{k.tahun}.toml"
    salinan.write_bytes(k.pemda.berkas.mentah)
    ditulis += [rekap, salinan.name, *_salin_logo(k, folder)]
    ditulis.append(manifes.tulis(folder, k.tahun, k.pemda.pemda.format.huruf, versi).name)
    return ditulis


def susun_pemda(k: Kabupaten, templates: Path, naskah: NaskahPemda, t: Tata) -> Any:
    """One of the Pemda's documents: its context, its template filled and laid out (not yet packed);
    what `--check` fills in memory is what is written."""
    return isi(templates_pemda(templates) / naskah.templat, naskah.konteks(k), t)


def templates_pemda(templates: Path) -> Path:
    """The Pemda's templates: the agency folder's when it holds them, else the defaults."""
    return templates if (templates / DAFTAR[0].templat).is_file() else TEMPLAT_BAWAAN


def _salin_logo(k: Kabupaten, folder: Path) -> list[str]:
    """The lambang beside the archived pemda config, under the path pemda.toml writes."""
    tertulis = (k.pemda.berkas.data.get("pemerintah") or {}).get("logo")
    if not isinstance(tertulis, str) or not k.pemda.pemda.pemerintah.logo:
        return []
    relatif = Path(tertulis)
    if relatif.is_absolute() or ".." in relatif.parts:
        return []
    tujuan = folder / relatif
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(k.pemda.pemda.pemerintah.logo, tujuan)
    return [relatif.as_posix()]
