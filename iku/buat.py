"""Generate one year's document set: a validated config and paths in, paths written out.

The pipeline, one function per step, which `iku check` and the editor's preview call too:
each document of the registry gets its context (`susun`: iku/naskah/), fills its template and
is laid out (`isi_naskah`: iku/isi.py, iku/rapi.py) and packed byte-stably (`kemas`:
iku/paket.py); the signing bundle is composed from what is already in memory, PDF/A copies are
made when asked (the Daftar Isi then gets LibreOffice's page numbers before its document's last
pack), and the whole set is archived at once with its manifest.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import bundel, isi, manifes
from .arsip import folder_tahun, periksa_boleh_tulis, slug, tulis_tahun
from .bidang import ada_daftar_isi, tulis_nomor_halaman
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


def nama_berkas(config: Config, awalan: str, akhiran: str = "docx") -> str:
    """keputusan-iku-dinas-sosial-kabupaten-buleleng-2023.docx (never from the nomor)."""
    return f"{awalan}-{slug(config.instansi.nama)}-{config.tahun}.{akhiran}"


def isi_semua(p: Permintaan, folder_gambar: Path) -> list[tuple[JenisNaskah, Any]]:
    """Every document of the set filled and tidied in memory (python-docx Documents), in order.

    A template missing a required field is refused (a decree without the signer's name).
    """
    jenis = set_tahun(p.config)
    templat_ada(p.templates, jenis)
    dokumen, masalah = [], []
    for nomor, j in enumerate(jenis, start=1):
        try:
            dokumen.append((j, susun(p.bacaan, p.templates, j, folder_gambar)))
        except TemplateError as exc:  # every template's problems, reported together
            masalah += exc.masalah
        p.kabar(f"[{nomor}/{len(jenis) + 1}] {nama_berkas(p.config, j.awalan_berkas)} disusun")
    if masalah:
        raise TemplateError(masalah)
    return dokumen


def susun(bacaan: Bacaan, templates: Path, jenis: JenisNaskah, folder_gambar: Path) -> Any:
    """One document of the set: its context (pictures drawn into folder_gambar), its template
    filled and laid out; the python-docx Document, not yet packed."""
    return isi_naskah(bacaan, templates / jenis.templat, jenis, jenis.konteks(bacaan.config, folder_gambar))


def isi_naskah(bacaan: Bacaan, templat: Path, jenis: JenisNaskah | None, konteks: dict[str, Any]) -> Any:
    """Fill a template with its context and lay it out as its kind (the set's layout when it is
    none of the registry's). A template without a field its kind requires is refused."""
    from .periksa.templat import isian_wajib_hilang  # the template rules: import on use

    tata = tata_naskah(jenis, bacaan.config, bacaan.mentah)
    return isi.isi(templat, konteks, tata, isian_wajib_hilang(konteks))


def kemas(doc: Any, config: Config) -> bytes:
    """A filled document of the set as byte-stable DOCX bytes (entries dated from the decree)."""
    return tulis_paket(doc, config.keputusan.tanggal)


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
    semua = list(ditulis.nama)
    versi_lo = None
    if p.pdf:
        from .pdf import ke_pdf

        docx = ditulis.docx(folder)
        p.kabar(f"PDF/A: LibreOffice mengubah {len(docx)} dokumen ...")
        hasil = ke_pdf(docx, folder, kemajuan=lambda nomor, nama: p.kabar(f"[PDF {nomor}/{len(docx)}] {nama} dibuat"))
        semua += terima_pdf(p, folder, ditulis, hasil)
        versi_lo = hasil.versi
    return semua + tutup_set(p, folder, versi_lo)


@dataclass(frozen=True)
class SetDitulis:
    """What tulis_dokumen wrote into a folder: the file names in order and, when PDFs are asked
    for, the documents whose Daftar Isi waits for LibreOffice's page numbers (by file name)."""

    nama: list[str]
    menunggu_halaman: dict[str, Any] = field(default_factory=dict)

    def docx(self, folder: Path) -> list[Path]:
        """The DOCX written, in order (what LibreOffice converts)."""
        return [folder / n for n in self.nama if n.endswith(".docx")]


def tulis_dokumen(p: Permintaan, folder: Path) -> SetDitulis:
    """Every DOCX of the set, the signing bundle and the spreadsheet into folder."""
    with tempfile.TemporaryDirectory(prefix="iku-gambar-") as gambar:
        return _tulis_dokumen(p, folder, Path(gambar))


def terima_pdf(p: Permintaan, folder: Path, ditulis: SetDitulis, hasil: HasilPdf) -> list[str]:
    """The PDFs LibreOffice made of the DOCX in folder, by name. A document with a Daftar Isi gets
    the page numbers LibreOffice laid out into its table of contents (still in memory) and is
    packed again, so the DOCX shows them too; a packed DOCX is never reopened."""
    for nama, doc in ditulis.menunggu_halaman.items():
        if tulis_nomor_halaman(doc, hasil.daftar_isi.get(folder / nama, [])):
            (folder / nama).write_bytes(kemas(doc, p.config))
    dibuat = {d.with_suffix(".pdf") for d in ditulis.docx(folder)}
    return [x.name for x in hasil.berkas if x in dibuat]


def tutup_set(p: Permintaan, folder: Path, versi_lo: str | None) -> list[str]:
    """Close a written set: the validated config's very bytes, the files it refers to, the manifest."""
    salinan = folder / f"konfigurasi-{p.config.tahun}.toml"
    salinan.write_bytes(konfigurasi_arsip(p.bacaan))
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


FOLDER_SEMULA = "semula"  # an archived amendment's copy of the amended decree's config, beside its own


def semula_arsip(bacaan: Bacaan) -> str | None:
    """Where an amendment's archive keeps the amended decree's config (`semula/<its name>`, relative
    to the archived config); None for a decree that amends nothing."""
    semula = bacaan.config.perubahan.semula if bacaan.config.perubahan else None
    return None if semula is None else f"{FOLDER_SEMULA}/{Path(semula).name}"


def konfigurasi_arsip(bacaan: Bacaan) -> bytes:
    """The config as archived: the very bytes that were validated; for an amendment, only
    [perubahan].semula differs, pointing to the copy archived beside it (its path as written is
    relative to where the config was first written, which the archive does not keep)."""
    semula = semula_arsip(bacaan)
    if semula is None:
        return bacaan.mentah
    import tomlkit  # only an amendment's archive needs it

    dokumen = tomlkit.parse(bacaan.teks)
    dokumen["perubahan"]["semula"] = semula
    return tomlkit.dumps(dokumen).encode("utf-8")


def salin_rujukan(bacaan: Bacaan, folder: Path) -> list[str]:
    """Copy the files the config refers to beside the archived config, so
    output/<tahun>/konfigurasi-<tahun>.toml regenerates by itself from any working directory: the
    logo under the same relative path, an amendment's semula config under `semula/`."""
    salinan = []
    relatif = logo_relatif(bacaan)
    if relatif is not None:
        salinan.append((Path(str(bacaan.config.instansi.logo)), relatif.as_posix()))
    semula = semula_arsip(bacaan)
    if semula is not None and bacaan.config.perubahan is not None:
        salinan.append((Path(str(bacaan.config.perubahan.semula)), semula))
    for asal, nama in salinan:
        tujuan = folder / nama
        tujuan.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(asal, tujuan)
    return [nama for _, nama in salinan]


def _tulis_dokumen(p: Permintaan, folder: Path, folder_gambar: Path) -> SetDitulis:
    """Pack every document and the signing bundle into folder."""
    tanggal = p.config.keputusan.tanggal
    dokumen = isi_semua(p, folder_gambar)
    ditulis, menunggu = [], {}
    for jenis, doc in dokumen:
        nama = nama_berkas(p.config, jenis.awalan_berkas)
        (folder / nama).write_bytes(kemas(doc, p.config))
        ditulis.append(nama)
        if p.pdf and ada_daftar_isi(doc):
            menunggu[nama] = doc
    per_jenis = {j.jenis: doc for j, doc in dokumen}
    nama = nama_berkas(p.config, "bundel-tanda-tangan-iku")
    lain = [("RencanaAksi", per_jenis["rencana_aksi"])] if "rencana_aksi" in per_jenis else []
    (folder / nama).write_bytes(bundel.susun(per_jenis["keputusan"], per_jenis["lampiran"], tanggal, *lain))
    p.kabar(f"[{len(dokumen) + 1}/{len(dokumen) + 1}] {nama} disusun")
    from . import lembar_kerja  # openpyxl: import on use, so check, diff and --help do not wait for it

    tabel = nama_berkas(p.config, lembar_kerja.AWALAN_BERKAS, "xlsx")
    (folder / tabel).write_bytes(lembar_kerja.tulis(p.config))
    return SetDitulis([*ditulis, nama, tabel, *_tabel_rencana_aksi(p.config, folder)], menunggu)


def _tabel_rencana_aksi(config: Config, folder: Path) -> list[str]:
    """The Rencana Aksi's spreadsheet beside its DOCX, when the set has one."""
    if config.rencana_aksi is None:
        return []
    from . import lembar_triwulan

    nama = nama_berkas(config, "rencana-aksi", "xlsx")
    (folder / nama).write_bytes(lembar_triwulan.tulis_rencana_aksi(config))
    return [nama]
