"""Capaian kinerja: target against realisasi, predikat, budget absorbed, the Ikhtisar counts.

Pure arithmetic on the validated model, in Decimal, rounded half up to two decimals once
(from the exact quotient), so a figure is the same wherever it is printed: the LKjIP, its
Ikhtisar, `iku capaian`. Formulas are fixed by the config contract:
- arah "naik": realisasi / target x 100;
- arah "turun" (lower is better): (2 x target - realisasi) / target x 100, never below 0;
- a target of 0: "turun" is met by a realisasi of 0 (100) and missed by anything above (0);
  "naik" leaves capaian undefined (None, printed "-"), never a division error.
A programme without realisasi is unknown, not 0: the % absorbed is taken over the programmes
that have one.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from . import bahasa
from .model import Config, Iku

KOSONG = "-"
TERCAPAI = Decimal(100)
# Predikat bands of Permenpan RB 53/2014 as fixed in the contract: (lower bound, name), highest first.
PREDIKAT: tuple[tuple[Decimal, str], ...] = (
    (Decimal(91), "Sangat Tinggi"),
    (Decimal(76), "Tinggi"),
    (Decimal(66), "Sedang"),
    (Decimal(51), "Rendah"),
)
SANGAT_RENDAH = "Sangat Rendah"
SEMUA_PREDIKAT = tuple(nama for _, nama in PREDIKAT) + (SANGAT_RENDAH,)


def persen_dua_desimal(pembilang: Fraction) -> Decimal:
    """A ratio x 100 with two decimals, rounded half up (away from zero) from the exact value.

    Equal to Decimal's ROUND_HALF_UP applied to the exact quotient: no intermediate rounding,
    whatever the number of digits of the inputs."""
    perseratus = abs(pembilang) * 10000  # the percentage in hundredths
    bulat = math.floor(perseratus + Fraction(1, 2))
    tanda = "-" if pembilang < 0 and bulat else ""
    return Decimal(f"{tanda}{bulat}E-2")  # built from text: exact, no context rounding


def hitung(target: Decimal, realisasi: Decimal, arah: str) -> Decimal | None:
    """Capaian (%) of one value against one target; None for a target of 0 with arah "naik"."""
    if target == 0:
        if arah == "naik":
            return None
        return persen_dua_desimal(Fraction(1) if realisasi <= 0 else Fraction(0))  # met, or missed
    t, r = Fraction(target), Fraction(realisasi)
    rasio = r / t if arah == "naik" else (2 * t - r) / t
    return persen_dua_desimal(max(rasio, Fraction(0)) if arah == "turun" else rasio)


def predikat(capaian: Decimal | None) -> str:
    """Sangat Tinggi (>= 91), Tinggi (>= 76), Sedang (>= 66), Rendah (>= 51), Sangat Rendah; "-" if undefined."""
    if capaian is None:
        return KOSONG
    return next((nama for batas, nama in PREDIKAT if capaian >= batas), SANGAT_RENDAH)


def teks_capaian(capaian: Decimal | None) -> str:
    """97,09; 125,00; "-" when undefined."""
    return KOSONG if capaian is None else bahasa.persen(capaian)


def teks_angka(nilai: Decimal | None) -> str:
    return KOSONG if nilai is None else bahasa.angka(nilai)


@dataclass(frozen=True)
class Capaian:
    """One indicator measured in one year against one target."""

    indikator: str
    satuan: str
    arah: str
    target: Decimal | None
    realisasi: Decimal | None
    nilai: Decimal | None  # capaian in %, None when undefined (target 0 or a value missing)

    @property
    def predikat(self) -> str:
        return predikat(self.nilai)

    @property
    def tercapai(self) -> bool:
        """The target reached: capaian of at least 100 %."""
        return self.nilai is not None and self.nilai >= TERCAPAI

    def teks(self) -> dict[str, str]:
        """The row as printed: target, realisasi, capaian, predikat (Indonesian numbers, "-" gaps)."""
        return {
            "target": teks_angka(self.target),
            "realisasi": teks_angka(self.realisasi),
            "capaian": teks_capaian(self.nilai),
            "predikat": self.predikat,
        }


def capaian_baris(baris: Iku, tahun_realisasi: int, tahun_target: int | None = None) -> Capaian:
    """Realisasi of tahun_realisasi against the target of tahun_target (default the same year)."""
    target = (baris.target or {}).get(str(tahun_target or tahun_realisasi))
    realisasi = (baris.realisasi or {}).get(str(tahun_realisasi))
    nilai = None if target is None or realisasi is None else hitung(target, realisasi, baris.arah)
    return Capaian(baris.indikator, baris.satuan, baris.arah, target, realisasi, nilai)


def tabel_capaian(config: Config) -> list[Capaian]:
    """Every row's capaian in config.tahun."""
    return [capaian_baris(b, config.tahun) for b in config.iku]


def capaian_akhir(config: Config) -> list[Capaian]:
    """Every row's realisasi of config.tahun against the end-of-plan target (target[tahun_akhir])."""
    return [capaian_baris(b, config.tahun, config.rencana.tahun_akhir) for b in config.iku]


def tahun_realisasi(config: Config) -> list[int]:
    """Years from tahun_kondisi_awal to tahun for which any row has a realisasi (the comparison table)."""
    ada = {int(t) for b in config.iku for t in (b.realisasi or {})}
    return [t for t in range(config.rencana.tahun_kondisi_awal, config.tahun + 1) if t in ada]


def riwayat_realisasi(config: Config) -> list[list[str]]:
    """Per row, its realisasi printed for each of tahun_realisasi(config); "-" where none."""
    tahun = tahun_realisasi(config)
    return [[teks_angka((b.realisasi or {}).get(str(t))) for t in tahun] for b in config.iku]


# ---------------------------------------------------------------- Ikhtisar Eksekutif


@dataclass(frozen=True)
class Ikhtisar:
    """The counts of the Ikhtisar Eksekutif."""

    jumlah: int  # indicators
    tercapai: int  # capaian >= 100 %
    per_predikat: dict[str, int]  # every predikat, in order from Sangat Tinggi, zeros included
    tidak_terukur: int  # capaian undefined (a "naik" target of 0)


def ikhtisar(daftar: list[Capaian]) -> Ikhtisar:
    hitungan = {nama: sum(1 for c in daftar if c.predikat == nama) for nama in SEMUA_PREDIKAT}
    return Ikhtisar(
        len(daftar), sum(1 for c in daftar if c.tercapai), hitungan, sum(1 for c in daftar if c.nilai is None)
    )


# ---------------------------------------------------------------- budget


@dataclass(frozen=True)
class BarisAnggaran:
    anggaran: Decimal
    realisasi: Decimal | None
    persen: Decimal | None  # realisasi / anggaran x 100; None when anggaran is 0 or realisasi missing


@dataclass(frozen=True)
class Anggaran:
    """The budget table: one row per programme and the JUMLAH row.

    JUMLAH sums every anggaran and the realisasi that are known; its % is the realisasi of the
    programmes that have one over the anggaran of those same programmes (`terukur`)."""

    baris: list[BarisAnggaran]
    jumlah: BarisAnggaran
    terukur: BarisAnggaran  # only the programmes with a realisasi: the base of the % absorbed

    @property
    def tanpa_realisasi(self) -> list[int]:
        """Indexes of the programmes whose realisasi is not known."""
        return [i for i, b in enumerate(self.baris) if b.realisasi is None]


def serapan(anggaran: Decimal, realisasi: Decimal | None) -> BarisAnggaran:
    persen = (
        None if realisasi is None or anggaran == 0 else persen_dua_desimal(Fraction(realisasi) / Fraction(anggaran))
    )
    return BarisAnggaran(anggaran, realisasi, persen)


def anggaran(program: Iterable[tuple[Decimal | int, Decimal | int | None]]) -> Anggaran:
    """(anggaran, realisasi) of each programme -> rows, JUMLAH and the base of the % absorbed."""
    pasangan = [(Decimal(a), None if r is None else Decimal(r)) for a, r in program]
    baris = [serapan(a, r) for a, r in pasangan]
    ada = [(a, r) for a, r in pasangan if r is not None]
    total_r = sum((r for _, r in ada), Decimal(0)) if ada else None
    terukur = serapan(sum((a for a, _ in ada), Decimal(0)), total_r)
    total_a = sum((a for a, _ in pasangan), Decimal(0))
    return Anggaran(baris, BarisAnggaran(total_a, total_r, terukur.persen), terukur)


def teks_anggaran(b: BarisAnggaran) -> dict[str, str]:
    """A budget row as printed: whole rupiah 1.250.000.000, % 95,00, "-" gaps."""
    return {"anggaran": teks_angka(b.anggaran), "realisasi": teks_angka(b.realisasi), "persen": teks_capaian(b.persen)}
