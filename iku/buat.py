"""Generate one year's document set: a validated config and paths in, paths written out.

The pipeline: each document of the registry gets its context, fills its template (tidied
and packed byte-stably), the signing bundle is composed from what is already in memory,
PDF/A copies are made when asked, and the whole set is archived at once with its manifest.
"""

from __future__ import annotations

import re
import tempfile
import unicodedata
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from . import bundel, isi, manifes
from .bidang import tulis_nomor_halaman
from .arsip import folder_tahun, periksa_boleh_tulis, tulis_tahun
from .konfigurasi import Bacaan
from .model import Config
from .naskah import JenisNaskah, set_tahun, tata
from .paket import tulis_paket

TEMPLAT_BAWAAN = Path(str(files("iku") / "templates"))


@dataclass(frozen=True)
class Permintaan:
    """What one run of `generate` was asked to do."""

    bacaan: Bacaan
    templates: Path
    output: Path
    force: bool = False
    pdf: bool = False

    @property
    def config(self) -> Config:
        return self.bacaan.config


def slug(teks: str) -> str:
    """dinas-sosial-kabupaten-buleleng: ASCII, lowercase, safe in any file system."""
    ascii_ = unicodedata.normalize("NFKD", teks).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")[:80].strip("-") or "instansi"


def nama_berkas(config: Config, awalan: str, akhiran: str = "docx") -> str:
    """keputusan-iku-dinas-sosial-kabupaten-buleleng-2023.docx (never from the nomor)."""
    return f"{awalan}-{slug(config.instansi.nama)}-{config.tahun}.{akhiran}"


def isi_semua(p: Permintaan, folder_gambar: Path) -> list[tuple[JenisNaskah, Any]]:
    """Every document of the set filled and tidied in memory (python-docx Documents), in order."""
    tata_ = tata(p.config)
    return [(j, isi.isi(p.templates / j.templat, j.konteks(p.config, folder_gambar), tata_))
            for j in set_tahun(p.config)]


def generate(p: Permintaan) -> list[Path]:
    """Write the year's set under output/<tahun>/ and return the final paths."""
    periksa_boleh_tulis(p.output, p.config.tahun, p.force)
    with tulis_tahun(p.output, p.config.tahun, p.force) as sementara, \
            tempfile.TemporaryDirectory(prefix="iku-gambar-") as gambar:
        ditulis = _tulis_dokumen(p, sementara, Path(gambar))
        versi_lo = None
        if p.pdf:
            from .pdf import ke_pdf

            hasil = ke_pdf([sementara / n for n in ditulis if n.endswith(".docx")], sementara)
            for docx, entri in hasil.daftar_isi.items():  # the Daftar Isi with LibreOffice's page numbers
                tulis_nomor_halaman(docx, entri)
            ditulis += [x.name for x in hasil.berkas]
            versi_lo = hasil.versi
        salinan = sementara / f"konfigurasi-{p.config.tahun}.toml"
        salinan.write_bytes(p.bacaan.mentah)  # the very bytes that were validated
        ditulis.append(salinan.name)
        ditulis.append(manifes.tulis(sementara, p.config.tahun, p.config.format.huruf, versi_lo).name)
    folder = folder_tahun(p.output, p.config.tahun)
    return [folder / n for n in ditulis]


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
    (folder / nama).write_bytes(bundel.susun(per_jenis["keputusan"], per_jenis["lampiran"], tanggal))
    return ditulis + [nama]
