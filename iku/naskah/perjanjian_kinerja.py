"""Context of the Perjanjian Kinerja (template perjanjian-kinerja.docx).

Everything the document prints sits under one key, `pk`: the statement (heading, the two
parties, the fixed sentences), the lampiran (target table by sasaran group, programme table
with its JUMLAH) and both signature columns. The Laporan Kinerja prints the same block as its
lampiran, so the two documents cannot say different things.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .. import bahasa
from ..model import Config, Iku, PerjanjianKinerja, PihakKedua, Program
from . import blok
from .blok import Gambar, penandatangan
from .keputusan import kelompok_iku, target_tahun

# The wording of Permenpan RB 53/2014 (format of the Perjanjian Kinerja), as agencies print it.
PEMBUKA = (
    "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta "
    "berorientasi pada hasil, kami yang bertanda tangan di bawah ini:"
)
JANJI = (
    "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, "
    "dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen "
    "perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami."
)
PENUTUP = (
    "Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap capaian "
    "kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian "
    "penghargaan dan sanksi."
)
LEBAR_LOGO_MM = 25


def nama(config: Config) -> tuple[str, str]:
    """Title and subject of its document properties."""
    nama_pk = f"Perjanjian Kinerja{' Perubahan' * _pk(config).perubahan}"
    return f"{nama_pk} Tahun {config.tahun}", f"{nama_pk} {config.instansi.nama} Tahun {config.tahun}"


def _pk(config: Config) -> PerjanjianKinerja:
    return blok.bagian(config.perjanjian_kinerja, "perjanjian_kinerja")


def perjanjian(config: Config) -> dict[str, Any]:
    """The whole Perjanjian Kinerja block of a config that has [perjanjian_kinerja] (its template's `pk`)."""
    pk = _pk(config)
    return {
        "judul": f"PERJANJIAN KINERJA{' PERUBAHAN' * pk.perubahan} TAHUN {config.tahun}",
        "pemerintah": config.instansi.pemerintah.upper(),
        "instansi": config.instansi.nama.upper(),
        "logo": Gambar(Path(config.instansi.logo), LEBAR_LOGO_MM) if config.instansi.logo else None,
        "pembuka": pk.pembuka or PEMBUKA,
        "janji": pk.janji or JANJI,
        "penutup": pk.penutup or PENUTUP,
        "pihak_pertama": pihak_pertama(config),
        "pihak_kedua": pihak_kedua(pk.pihak_kedua),
        "tempat_tanggal": blok.tempat_tanggal(config, pk.tanggal),
        "sasaran": kelompok_iku(config.iku, lambda b: baris_target(b, str(config.tahun))),
        "program": baris_program(config.program),
        "jumlah_anggaran": bahasa.rupiah(sum(p.anggaran for p in config.program)),
    }


def pihak_pertama(config: Config) -> dict[str, str]:
    """The agency's head, from [penandatangan]: jabatan in the statement, full block to sign."""
    tanda_tangan = penandatangan(config)
    return {"label": "Pihak Pertama,", "jabatan_teks": config.penandatangan.jabatan.rstrip(","), **tanda_tangan}


def pihak_kedua(pihak: PihakKedua) -> dict[str, str]:
    """The superior; pangkat and NIP print only when given (a Bupati has neither)."""
    return {
        "label": "Pihak Kedua,",
        "jabatan_teks": pihak.jabatan.rstrip(","),
        "jabatan": pihak.jabatan.rstrip(",") + ",",
        "nama": pihak.nama,
        "pangkat": pihak.pangkat or "",
        "nip": f"NIP. {bahasa.nip_cetak(pihak.nip)}" if pihak.nip else "",
    }


def baris_target(b: Iku, tahun: str) -> dict[str, str]:
    """One row of the target table (grouped by sasaran and numbered as in the Lampiran IKU)."""
    return {"indikator": b.indikator, "satuan": b.satuan, "target": target_tahun(b, tahun)}


def baris_program(program: list[Program]) -> list[dict[str, str]]:
    """The programme rows, numbered, the budget in whole rupiah."""
    return [
        {"nomor": f"{i}.", "nama": p.nama, "anggaran": bahasa.rupiah(p.anggaran), "keterangan": p.keterangan or ""}
        for i, p in enumerate(program, start=1)
    ]
