"""Generate one year's document set: a validated config and paths in, paths written out.

The pipeline: each document of the registry gets its context, fills its template (tidied
and packed byte-stably), the signing bundle is composed from what is already in memory,
PDF/A copies are made when asked, and the whole set is archived at once with its manifest.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import bundel, isi, manifes
from .arsip import folder_tahun, periksa_boleh_tulis, tulis_tahun
from .bidang import tulis_nomor_halaman
from .galat import Masalah, TemplateError
from .konfigurasi import Bacaan
from .model import Config
from .naskah import JenisNaskah, set_tahun, tata_naskah
from .paket import tulis_paket

if TYPE_CHECKING:
    from .pdf import HasilPdf

TEMPLAT_BAWAAN = Path(str(files("iku") / "templates"))


Kemajuan = Callable[[str], None]


@dataclass(frozen=True)
class Permintaan:
    """What one run of `generate` was asked to do (also `iku triwulan N`, for the year's quarter N)."""

    bacaan: Bacaan
    templates: Path
    output: Path
    force: bool = False
    pdf: bool = False
    kemajuan: Kemajuan | None = None  # told of each document as it is made (the CLI shows it on a terminal)

    @property
    def config(self) -> Config:
        return self.bacaan.config

    def kabar(self, pesan: str) -> None:
        if self.kemajuan:
            self.kemajuan(pesan)


def slug(teks: str) -> str:
    """dinas-sosial-kabupaten-buleleng: ASCII, lowercase, safe in any file system."""
    ascii_ = unicodedata.normalize("NFKD", teks).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")[:80].strip("-") or "instansi"


def nama_berkas(config: Config, awalan: str, akhiran: str = "docx") -> str:
    """keputusan-iku-dinas-sosial-kabupaten-buleleng-2023.docx (never from the nomor)."""
    return f"{awalan}-{slug(config.instansi.nama)}-{config.tahun}.{akhiran}"


def isi_semua(p: Permintaan, folder_gambar: Path) -> list[tuple[JenisNaskah, Any]]:
    """Every document of the set filled and tidied in memory (python-docx Documents), in order.

    A template missing a required field is refused (a decree without the signer's name).
    """
    from .periksa.templat import isian_wajib_hilang  # the template rules: import on use

    jenis = set_tahun(p.config)
    templat_ada(p.templates, jenis)
    dokumen, masalah = [], []
    for nomor, j in enumerate(jenis, start=1):
        konteks = j.konteks(p.config, folder_gambar)
        try:
            dokumen.append(
                (
                    j,
                    isi.isi(
                        p.templates / j.templat,
                        konteks,
                        tata_naskah(j, p.config, p.bacaan.mentah),
                        isian_wajib_hilang(konteks),
                    ),
                )
            )
        except TemplateError as exc:  # every template's problems, reported together
            masalah += exc.masalah
        p.kabar(f"[{nomor}/{len(jenis) + 1}] {nama_berkas(p.config, j.awalan_berkas)} disusun")
    if masalah:
        raise TemplateError(masalah)
    return dokumen


def templat_ada(folder: Path, jenis: list[JenisNaskah]) -> None:
    """Refuse when templates are missing, naming every one (as check does)."""
    hilang = [
        Masalah(
            "berkas templat tidak ditemukan",
            berkas=folder / j.templat,
            saran="periksa folder pada --templates, atau salin templat bawaan dengan iku templates --to FOLDER",
        )
        for j in jenis
        if not (folder / j.templat).is_file()
    ]
    if hilang:
        raise TemplateError(hilang)


def generate(p: Permintaan) -> list[Path]:
    """Write the year's set under output/<tahun>/ and return the final paths."""
    ke = p.config.perubahan.ke if p.config.perubahan else None  # an amendment: output/<tahun>/perubahan-<ke>/
    periksa_boleh_tulis(p.output, p.config.tahun, p.force, ke)
    with tulis_tahun(p.output, p.config.tahun, p.force, ke) as sementara:
        ditulis = tulis_set(p, sementara)
    folder = folder_tahun(p.output, p.config.tahun, ke)
    return [folder / n for n in ditulis]


def tulis_set(p: Permintaan, folder: Path) -> list[str]:
    """The whole set into folder (a staging folder): documents, PDF/A when asked, config copy,
    manifest; the file names in order. `iku kabupaten` writes each agency through the same steps."""
    ditulis = tulis_dokumen(p, folder)
    versi_lo = None
    if p.pdf:
        from .pdf import ke_pdf

        docx = [folder / n for n in ditulis if n.endswith(".docx")]
        p.kabar(f"PDF/A: LibreOffice mengubah {len(docx)} dokumen ...")
        hasil = ke_pdf(docx, folder, kemajuan=lambda nomor, nama: p.kabar(f"[PDF {nomor}/{len(docx)}] {nama} dibuat"))
        ditulis += terima_pdf(hasil, docx)
        versi_lo = hasil.versi
    return ditulis + tutup_set(p, folder, versi_lo)


def tulis_dokumen(p: Permintaan, folder: Path) -> list[str]:
    """Every DOCX of the set, the signing bundle and the spreadsheet into folder; their names in order."""
    with tempfile.TemporaryDirectory(prefix="iku-gambar-") as gambar:
        return _tulis_dokumen(p, folder, Path(gambar))


def terima_pdf(hasil: HasilPdf, docx: list[Path]) -> list[str]:
    """The PDFs LibreOffice made of these DOCX (its Daftar Isi page numbers written back into them)."""
    for docx_ in docx:
        tulis_nomor_halaman(docx_, hasil.daftar_isi.get(docx_, []))
    dibuat = {d.with_suffix(".pdf") for d in docx}
    return [x.name for x in hasil.berkas if x in dibuat]


def tutup_set(p: Permintaan, folder: Path, versi_lo: str | None) -> list[str]:
    """Close a written set: the validated config's very bytes, the files it refers to, the manifest."""
    salinan = folder / f"konfigurasi-{p.config.tahun}.toml"
    salinan.write_bytes(p.bacaan.mentah)  # the very bytes that were validated
    ditulis = [salinan.name, *salin_rujukan(p.bacaan, folder)]
    return ditulis + [manifes.tulis(folder, p.config.tahun, p.config.format.huruf, versi_lo).name]


def logo_relatif(bacaan: Bacaan) -> Path | None:
    """The logo as the config writes it, when it lies inside the config's folder (so the same
    relative path can be kept inside the archive); None otherwise."""
    logo = (bacaan.data.get("instansi") or {}).get("logo")
    if not isinstance(logo, str) or not bacaan.config.instansi.logo:
        return None
    relatif = Path(logo)
    return None if relatif.is_absolute() or ".." in relatif.parts else relatif


def salin_rujukan(bacaan: Bacaan, folder: Path) -> list[str]:
    """Copy the files the config refers to (the logo) beside the archived config, under the same
    relative path, so output/<tahun>/konfigurasi-<tahun>.toml regenerates by itself, unedited."""
    relatif = logo_relatif(bacaan)
    if relatif is None:
        return []
    tujuan = folder / relatif
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(str(bacaan.config.instansi.logo), tujuan)
    return [relatif.as_posix()]


def _tulis_dokumen(p: Permintaan, folder: Path, folder_gambar: Path) -> list[str]:
    """Pack every document and the signing bundle into folder; return the file names in order."""
    tanggal = p.config.keputusan.tanggal
    dokumen = isi_semua(p, folder_gambar)
    ditulis = []
    for jenis, doc in dokumen:
        nama = nama_berkas(p.config, jenis.awalan_berkas)
        (folder / nama).write_bytes(tulis_paket(doc, tanggal))
        ditulis.append(nama)
    per_jenis = {j.jenis: doc for j, doc in dokumen}
    nama = nama_berkas(p.config, "bundel-tanda-tangan-iku")
    lain = [("RencanaAksi", per_jenis["rencana_aksi"])] if "rencana_aksi" in per_jenis else []
    (folder / nama).write_bytes(bundel.susun(per_jenis["keputusan"], per_jenis["lampiran"], tanggal, *lain))
    p.kabar(f"[{len(dokumen) + 1}/{len(dokumen) + 1}] {nama} disusun")
    from . import lembar_kerja  # openpyxl: import on use, so check, diff and --help do not wait for it

    tabel = nama_berkas(p.config, lembar_kerja.AWALAN_BERKAS, "xlsx")
    (folder / tabel).write_bytes(lembar_kerja.tulis(p.config))
    return ditulis + [nama, tabel, *_tabel_rencana_aksi(p.config, folder)]


def _tabel_rencana_aksi(config: Config, folder: Path) -> list[str]:
    """The Rencana Aksi's spreadsheet beside its DOCX, when the set has one."""
    if config.rencana_aksi is None:
        return []
    from . import lembar_triwulan

    nama = nama_berkas(config, "rencana-aksi", "xlsx")
    (folder / nama).write_bytes(lembar_triwulan.tulis_rencana_aksi(config))
    return [nama]
