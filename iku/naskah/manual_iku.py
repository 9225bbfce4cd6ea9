"""Context of the Manual IKU (template manual-iku.docx): one sheet per indicator.

The form PermenPAN PER/20/M.PAN/11/2008 describes: sasaran, indikator, definisi, alasan,
formulasi (the stacked fraction exactly as the Lampiran prints it), satuan, polaritas (from
`arah`), jenis target, frekuensi pengukuran, sumber data, penanggung jawab.
"""

from __future__ import annotations

from typing import Any

from ..model import Config, Iku
from . import blok
from .blok import penandatangan, periode
from .keputusan import baris_iku

KOSONG = "-"
POLARITAS = {
    "naik": "Maksimal (semakin tinggi semakin baik)",
    "turun": "Minimal (semakin rendah semakin baik)",
}
JENIS_TARGET = {
    "kumulatif": "Kumulatif (target triwulan adalah jumlah berjalan; triwulan IV sama dengan target tahunan)",
    "tetap": "Tetap (tingkat yang diukur setiap triwulan)",
    "per_triwulan": "Per triwulan (target tahunan adalah jumlah target keempat triwulan)",
}


def nama(config: Config) -> tuple[str, str]:
    """Title and subject of its document properties."""
    return (
        f"Manual Indikator Kinerja Utama {periode(config)}",
        f"Manual IKU {config.instansi.nama} Tahun {periode(config)}",
    )


def manual(config: Config) -> dict[str, Any]:
    """Context of templates/manual-iku.docx, under `manual`."""
    return {
        "instansi": config.instansi.nama.upper(),
        "tahun": periode(config),
        "lembar": [lembar(b, n) for n, b in enumerate(config.iku, start=1)],
        "tempat_tanggal": blok.tempat_tanggal(config, blok.bagian(config.manual_iku, "manual_iku").tanggal),
        "penandatangan": penandatangan(config),
    }


def lembar(b: Iku, nomor: int) -> dict[str, Any]:
    """One indicator's sheet; the formulasi as the Lampiran's row gives it (text or fraction)."""
    return {
        **baris_iku(b),
        "judul": f"INDIKATOR KINERJA UTAMA {nomor}",
        "sasaran": b.sasaran,
        "definisi": b.definisi or KOSONG,
        "polaritas": POLARITAS[b.arah],
        "jenis_target": JENIS_TARGET[b.jenis_target],
        "frekuensi": b.frekuensi or KOSONG,
        "penanggung_jawab": b.penanggung_jawab or KOSONG,
    }
