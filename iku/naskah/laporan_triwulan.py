"""Context of the Laporan Pengukuran Kinerja Triwulan N (template laporan-triwulan.docx).

Made by `iku triwulan N`, not by `generate`: per indicator the quarter's target, realisasi,
capaian and predikat (iku/triwulan.py, which uses capaian.py's one formula), for kumulatif
rows also against the year's target; the budget absorbed so far; a chart of target against
realisasi for each quarter so far; the computed narrative; the agency head's signature.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from .. import bahasa, grafik, triwulan
from .. import capaian as cp
from ..model import TRIWULAN, Config, Iku
from . import blok
from .blok import penandatangan
from .buku import muat_halaman, tinggi_gambar_mm

AKHIR_TRIWULAN = {1: (3, 31), 2: (6, 30), 3: (9, 30), 4: (12, 31)}


def tanggal(config: Config, n: int) -> dt.date:
    """The report states the position at the quarter's last day."""
    bulan, hari = AKHIR_TRIWULAN[n]
    return dt.date(config.tahun, bulan, hari)


def triwulan_terakhir(config: Config) -> int:
    """The last quarter every row has a realisasi for (1 when none: the template still renders)."""
    lengkap = [
        n
        for n in map(int, TRIWULAN)
        if all(triwulan.nilai_triwulan(b.realisasi_triwulan, n) is not None for b in config.iku)
    ]
    return max(lengkap, default=1)


def konteks(config: Config, folder: Path) -> dict[str, Any]:
    """Context for the registry (template check): the last complete quarter."""
    return konteks_triwulan(config, triwulan_terakhir(config), folder)


def nama(config: Config, n: int) -> tuple[str, str]:
    """Title and subject of quarter n's document properties."""
    tw = triwulan.nama_triwulan(n)
    judul = "Laporan Pengukuran Kinerja"
    return f"{judul} {tw} Tahun {config.tahun}", f"{judul} {config.instansi.nama} {tw} Tahun {config.tahun}"


def konteks_triwulan(config: Config, n: int, folder: Path) -> dict[str, Any]:
    lap = triwulan.laporan(config, n)
    tw = triwulan.nama_tw(n)
    ada_anggaran = lap.anggaran is not None
    return {
        "lt": {
            "judul": f"{triwulan.nama_triwulan(n).upper()} TAHUN {config.tahun}",
            "tw": tw,
            "tahun": str(config.tahun),
            "instansi": config.instansi.nama.upper(),
            "baris": [baris(i, b) for i, b in enumerate(lap.baris, start=1)],
            "anggaran": anggaran(config, lap.anggaran) if lap.anggaran is not None else None,
            "judul_analisis": f"{'C' if ada_anggaran else 'B'}. Analisis Capaian",
            "kalimat": triwulan.kalimat(lap),
            "gambar": muat_halaman(
                grafik.grafik([seri(b, n) for b in config.iku]), folder, "triwulan", tinggi_gambar_mm(config)
            ),
            "judul_gambar": f"Gambar 1. Target dan Realisasi Triwulan I{'-' + bahasa.romawi(n) if n > 1 else ''} "
            f"Tahun {config.tahun}",
            "tempat_tanggal": blok.tempat_tanggal(config, tanggal(config, n)),
            "penandatangan": penandatangan(config),
        }
    }


def baris(nomor: int, b: triwulan.BarisTriwulan) -> dict[str, str]:
    teks = b.triwulan.teks()
    return {
        "nomor": f"{nomor}.",
        "indikator": b.triwulan.indikator,
        "satuan": b.triwulan.satuan,
        **teks,
        "target_tahun": cp.teks_angka(b.tahunan.target) if b.tahunan else cp.KOSONG,
        "capaian_tahun": cp.teks_capaian(b.tahunan.nilai) if b.tahunan else cp.KOSONG,
    }


def anggaran(config: Config, dana: cp.Anggaran) -> dict[str, Any]:
    return {
        "baris": [
            {"nomor": f"{i}.", "nama": p.nama, **cp.teks_anggaran(r)}
            for i, (p, r) in enumerate(zip(config.program, dana.baris), start=1)
        ],
        "jumlah": cp.teks_anggaran(dana.jumlah),
    }


def seri(b: Iku, n: int) -> grafik.Seri:
    """One indicator's target and realisasi for TW I up to TW n."""
    kunci = [str(k) for k in range(1, n + 1)]
    return grafik.Seri(
        b.indikator,
        b.satuan,
        tuple(triwulan.nama_tw(int(k)) for k in kunci),
        tuple((b.target_triwulan or {}).get(k) for k in kunci),
        tuple((b.realisasi_triwulan or {}).get(k) for k in kunci),
    )
