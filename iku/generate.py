"""Generate one year's document set: validated Config + paths in, paths written out."""

from __future__ import annotations

import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from . import buku, bundel, context, manifes, render
from .archive import folder_tahun, periksa_boleh_tulis, tulis_tahun
from .model import Config

TEMPLAT_BAWAAN = Path(__file__).resolve().parent.parent / "templates"


@dataclass(frozen=True)
class Permintaan:
    """What one run of `generate` was asked to do."""

    config: Config
    config_path: Path
    templates: Path
    output: Path
    force: bool = False
    pdf: bool = False
    naskah: bytes | None = None  # the config bytes that were validated; archived as they were


def slug(teks: str) -> str:
    """dinas-sosial-kabupaten-buleleng: ASCII, lowercase, safe in any file system."""
    ascii_ = unicodedata.normalize("NFKD", teks).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")[:80].strip("-") or "instansi"


def nama_berkas(config: Config, jenis: str, akhiran: str = "docx") -> str:
    """keputusan-iku-dinas-sosial-kabupaten-buleleng-2023.docx (never from the nomor)."""
    return f"{jenis}-iku-{slug(config.instansi.nama)}-{config.tahun}.{akhiran}"


def dokumen(config: Config, folder_gambar: Path) -> list[tuple[str, str, dict]]:
    """(template file, kind, context) for every document of the set, in order.

    The book's pictures are drawn into folder_gambar, a folder the caller owns and removes."""
    konteks = context.keputusan(config)
    return [("keputusan.docx", "keputusan", konteks), ("lampiran.docx", "lampiran", konteks),
            ("dokumen-iku.docx", "dokumen", buku.konteks(config, folder_gambar))]


def tulis_bundel(config: Config, folder: Path) -> Path:
    """The signing bundle (Keputusan then Lampiran) from the two documents already in folder."""
    return bundel.susun(folder / nama_berkas(config, "keputusan"), folder / nama_berkas(config, "lampiran"),
                        folder / nama_berkas(config, "bundel-tanda-tangan"), config.keputusan.tanggal)


def generate(p: Permintaan) -> list[Path]:
    """Write the year's set under output/<tahun>/ and return the final paths."""
    periksa_boleh_tulis(p.output, p.config.tahun, p.force)
    ditulis: list[str] = []
    with tulis_tahun(p.output, p.config.tahun, p.force) as sementara, \
            tempfile.TemporaryDirectory(prefix="iku-gambar-") as gambar:
        for templat, jenis, konteks in dokumen(p.config, Path(gambar)):
            berkas = render.render(p.templates / templat, konteks, p.config, sementara / nama_berkas(p.config, jenis))
            ditulis.append(berkas.name)
        ditulis.append(tulis_bundel(p.config, sementara).name)
        versi_lo = None
        if p.pdf:
            from .pdf import ke_pdf

            hasil = ke_pdf([sementara / n for n in ditulis if n.endswith(".docx")], sementara)
            ditulis += [x.name for x in hasil.berkas]
            versi_lo = hasil.versi
        salinan = sementara / f"konfigurasi-{p.config.tahun}.toml"
        if p.naskah is None:
            shutil.copyfile(p.config_path, salinan)
        else:
            salinan.write_bytes(p.naskah)
        ditulis.append(salinan.name)
        ditulis.append(manifes.tulis(sementara, p.config.tahun, p.config.format.huruf, versi_lo).name)
    folder = folder_tahun(p.output, p.config.tahun)
    return [folder / n for n in ditulis]
