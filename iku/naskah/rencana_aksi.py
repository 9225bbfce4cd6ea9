"""Context of the Rencana Aksi (template rencana-aksi.docx).

Signed in January with the Perjanjian Kinerja, by the same signer: each indicator of the year
with its satuan, the year's target split into TW I-IV (`target_triwulan`), the actions behind
it (`kegiatan`) and who answers for it (`penanggung_jawab`), grouped by sasaran as in the PK.
"""

from __future__ import annotations

from typing import Any

from .. import bahasa
from ..model import TRIWULAN, Config, Iku
from . import blok
from .blok import berlabel_jika_banyak, label_angka, penandatangan
from .keputusan import kelompok_iku

KOSONG = "-"


def nama(config: Config) -> tuple[str, str]:
    """Title and subject of its document properties."""
    return f"Rencana Aksi Tahun {config.tahun}", f"Rencana Aksi {config.instansi.nama} Tahun {config.tahun}"


def rencana_aksi(config: Config) -> dict[str, Any]:
    """Context of templates/rencana-aksi.docx, under `ra`."""
    tahun = str(config.tahun)
    return {
        "tahun": tahun,
        "instansi": config.instansi.nama.upper(),
        "sasaran": kelompok_iku(config.iku, lambda b: baris(b, tahun)),
        "tempat_tanggal": blok.tempat_tanggal(config, blok.bagian(config.rencana_aksi, "rencana_aksi").tanggal),
        "penandatangan": penandatangan(config),
    }


def angka(nilai: Any) -> str:
    return KOSONG if nilai is None else bahasa.angka(nilai)


def baris(b: Iku, tahun: str) -> dict[str, Any]:
    """One indicator: target of the year, TW I-IV, kegiatan (numbered when more than one)."""
    tw = b.target_triwulan or {}
    kegiatan = [f"{k['label']} {k['teks']}".strip() for k in berlabel_jika_banyak(b.kegiatan, label_angka)]
    return {
        "indikator": b.indikator,
        "satuan": b.satuan,
        "target": angka((b.target or {}).get(tahun)),
        "triwulan": [angka(tw.get(k)) for k in TRIWULAN],
        "kegiatan": kegiatan or [KOSONG],
        "penanggung_jawab": b.penanggung_jawab or KOSONG,
    }
