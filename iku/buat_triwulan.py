"""`iku triwulan N`: the Laporan Pengukuran Kinerja of one quarter, archived inside its year.

Written into output/<tahun>/triwulan-N/ through the same staging and swap as a year
(iku/arsip.py), with its own MANIFEST.json (iku/manifes.py), which `iku verify` checks beside
the year's. The year's archive must exist (generate first): the quarter belongs to it. A
row without the quarter's realisasi refuses the run before anything is written; an existing
quarter is replaced only with force, the old one kept under a dated name.
"""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

from . import manifes
from .arsip import folder_tahun, periksa_boleh_tulis_folder, slug, tulis_folder
from .buat import Permintaan, isi_naskah, konfigurasi_arsip, salin_rujukan, templat_ada
from .galat import ArsipError, Masalah
from .model import Config
from .naskah import LAPORAN_TRIWULAN, per_templat, tata_naskah
from .naskah import laporan_triwulan as naskah
from .paket import tulis_paket
from .triwulan import nama_triwulan, pastikan_lengkap

AWALAN = "laporan-pengukuran-kinerja"


def nama_folder(n: int) -> str:
    return f"triwulan-{n}"


def uraian(config: Config, n: int) -> str:
    """'triwulan III tahun 2023', as refusals name the archive."""
    return f"{nama_triwulan(n)} tahun {config.tahun}"


def nama_laporan(config: Config, n: int, akhiran: str = "docx") -> str:
    """laporan-pengukuran-kinerja-triwulan-3-dinas-sosial-kabupaten-buleleng-2023.docx."""
    return f"{AWALAN}-triwulan-{n}-{slug(config.instansi.nama)}-{config.tahun}.{akhiran}"


def tahun_harus_ada(output: Path, tahun: int) -> Path:
    folder = folder_tahun(output, tahun)
    if not (folder / manifes.NAMA).is_file():
        raise ArsipError(
            Masalah(
                f"arsip tahun {tahun} belum ada, padahal laporan triwulan disimpan di dalamnya",
                berkas=folder,
                saran="buat dulu set tahun ini dengan iku generate (dengan --output yang sama)",
            )
        )
    return folder


def buat(p: Permintaan, n: int) -> list[Path]:
    """Write output/<tahun>/triwulan-N/ (as asked of a year's run, for quarter n) and return the final paths."""
    config = p.config
    pastikan_lengkap(p.bacaan, n)  # before anything is written
    induk = tahun_harus_ada(p.output, config.tahun)
    periksa_boleh_tulis_folder(induk, nama_folder(n), uraian(config, n), p.force)
    jenis = per_templat()[LAPORAN_TRIWULAN]
    templat_ada(p.templates, [jenis])
    with (
        tulis_folder(induk, nama_folder(n), uraian(config, n), p.force) as sementara,
        tempfile.TemporaryDirectory(prefix="iku-gambar-") as gambar,
    ):
        konteks = naskah.konteks_triwulan(config, n, Path(gambar))
        # the registry's layout of the kind (signature, QR), with this quarter's title and date
        kuartal = replace(
            jenis, nama_sendiri=lambda c: naskah.nama(c, n), tanggal_sendiri=lambda c: naskah.tanggal(c, n)
        )
        doc = isi_naskah(p.bacaan, p.templates / jenis.templat, kuartal, konteks)
        tata_ = tata_naskah(kuartal, config, p.bacaan.mentah)
        docx = sementara / nama_laporan(config, n)
        docx.write_bytes(tulis_paket(doc, tata_.tanggal))
        p.kabar(f"[1/2] {docx.name} disusun")
        ditulis = [docx.name]
        from . import lembar_triwulan  # openpyxl: import on use

        xlsx = sementara / nama_laporan(config, n, "xlsx")
        xlsx.write_bytes(lembar_triwulan.tulis_triwulan(config, n))
        p.kabar(f"[2/2] {xlsx.name} disusun")
        ditulis.append(xlsx.name)
        versi_lo = None
        if p.pdf:
            from .pdf import ke_pdf

            p.kabar("PDF/A: LibreOffice mengubah 1 dokumen ...")
            hasil = ke_pdf([docx], sementara)
            ditulis += [x.name for x in hasil.berkas]
            versi_lo = hasil.versi
        salinan = sementara / f"konfigurasi-{config.tahun}-triwulan-{n}.toml"
        salinan.write_bytes(konfigurasi_arsip(p.bacaan))  # what this quarter's figures were computed from
        ditulis.append(salinan.name)
        ditulis += salin_rujukan(p.bacaan, sementara)  # the logo (and semula) beside it: the copy validates by itself
        ditulis.append(manifes.tulis(sementara, config.tahun, config.format.huruf, versi_lo).name)
    folder = induk / nama_folder(n)
    return [folder / x for x in ditulis]
