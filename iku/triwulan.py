"""Within the year: the capaian of a quarter, its budget absorbed and its narrative (`iku capaian
--triwulan` prints them as a table in iku/cli.py).

The figures come from iku/capaian.py's one formula (`hitung`: naik / turun, Decimal half up,
its rule for a target of 0) applied to a quarter's target and realisasi; nothing here divides
on its own. `jenis_target` decides what a quarter's target means:
- "kumulatif" (default): the running total, so TW IV is the year's target and a quarter's
  realisasi is also measured against target[tahun];
- "tetap": a level measured each quarter;
- "per_triwulan": each quarter its own amount, the year their sum.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from . import bahasa
from . import capaian as cp
from .galat import ConfigError, Masalah
from .konfigurasi import Bacaan
from .lokasi import cari_baris
from .model import Config, Iku


def nama_triwulan(n: int) -> str:
    """Triwulan III."""
    return f"Triwulan {bahasa.romawi(n)}"


def nama_tw(n: int) -> str:
    """TW III, as table headings and warnings write a quarter."""
    return f"TW {bahasa.romawi(n)}"


def nilai_triwulan(tabel: dict[str, Decimal] | None, n: int) -> Decimal | None:
    return (tabel or {}).get(str(n))


def capaian_triwulan(baris: Iku, n: int) -> cp.Capaian:
    """Realisasi of quarter n against the target of quarter n, by the yearly rules."""
    return _capaian(baris, nilai_triwulan(baris.target_triwulan, n), nilai_triwulan(baris.realisasi_triwulan, n))


def capaian_terhadap_tahun(baris: Iku, n: int, tahun: int) -> cp.Capaian | None:
    """A kumulatif row's realisasi so far against the year's target (None for other kinds)."""
    if baris.jenis_target != "kumulatif":
        return None
    return _capaian(baris, (baris.target or {}).get(str(tahun)), nilai_triwulan(baris.realisasi_triwulan, n))


def _capaian(baris: Iku, target: Decimal | None, realisasi: Decimal | None) -> cp.Capaian:
    nilai = None if target is None or realisasi is None else cp.hitung(target, realisasi, baris.arah)
    return cp.Capaian(baris.indikator, baris.satuan, baris.arah, target, realisasi, nilai)


@dataclass(frozen=True)
class BarisTriwulan:
    """One indicator in the quarterly report."""

    baris: Iku
    triwulan: cp.Capaian
    tahunan: cp.Capaian | None  # kumulatif rows only


@dataclass(frozen=True)
class LaporanTriwulan:
    """Everything the quarterly report and `iku capaian --triwulan N` print."""

    tahun: int
    n: int
    baris: list[BarisTriwulan]
    anggaran: cp.Anggaran | None  # when some programme has realisasi_triwulan[n]

    @property
    def ikhtisar(self) -> cp.Ikhtisar:
        return cp.ikhtisar([b.triwulan for b in self.baris])


def laporan(config: Config, n: int) -> LaporanTriwulan:
    """The quarter's figures (realisasi of quarter n must be present: see pastikan_lengkap)."""
    baris = [BarisTriwulan(b, capaian_triwulan(b, n), capaian_terhadap_tahun(b, n, config.tahun)) for b in config.iku]
    return LaporanTriwulan(config.tahun, n, baris, anggaran_triwulan(config, n))


def anggaran_triwulan(config: Config, n: int) -> cp.Anggaran | None:
    """Budget absorbed by the end of quarter n, per programme, when any programme reports it."""
    if not any(str(n) in (p.realisasi_triwulan or {}) for p in config.program):
        return None
    return cp.anggaran((p.anggaran, (p.realisasi_triwulan or {}).get(str(n))) for p in config.program)


def realisasi_kurang(bacaan: Bacaan, n: int) -> list[Masalah]:
    """Every row without realisasi_triwulan[n], named (the quarter cannot be reported)."""
    return [
        Masalah(
            f'realisasi triwulan {bahasa.romawi(n)} belum diisi untuk "{b.indikator}"',
            berkas=bacaan.path,
            kunci=f"iku[{i + 1}].realisasi_triwulan",
            baris=cari_baris(bacaan.teks, ("iku", i, "realisasi_triwulan"))
            or cari_baris(bacaan.teks, ("iku", i, "indikator")),
            saran=f"tambahkan {n} = ... pada realisasi_triwulan baris [[iku]] ini, "
            f"misalnya realisasi_triwulan = {{ {n} = 22.5 }}",
        )
        for i, b in enumerate(bacaan.config.iku)
        if nilai_triwulan(b.realisasi_triwulan, n) is None
    ]


class TriwulanError(ConfigError, judul="Capaian triwulan belum dapat dihitung"):
    """Rows lack the realisasi of the quarter being reported (a config problem: exit code 3)."""


def pastikan_lengkap(bacaan: Bacaan, n: int) -> None:
    """Raise TriwulanError naming every row that lacks the realisasi of quarter n."""
    masalah = realisasi_kurang(bacaan, n)
    if masalah:
        raise TriwulanError(masalah)


# ---------------------------------------------------------------- narrative


def _banyak(n: int) -> str:
    """2 (dua), as the Ikhtisar writes counts."""
    return f"{n} ({bahasa.terbilang(n)})"


def kalimat(lap: LaporanTriwulan) -> list[str]:
    """The short computed narrative: how many reach the target, which fall behind most, the budget."""
    ik = lap.ikhtisar
    hasil = [
        f"Pada {nama_triwulan(lap.n)} tahun {lap.tahun}, {_banyak(ik.jumlah)} indikator kinerja "
        f"utama diukur; {_banyak(ik.tercapai)} indikator mencapai atau melampaui target triwulan "
        "(capaian 100% atau lebih)."
    ]
    tertinggal = sorted(
        (b.triwulan for b in lap.baris if b.triwulan.nilai is not None and not b.triwulan.tercapai),
        key=lambda c: c.nilai or Decimal(0),
    )
    if tertinggal:
        daftar = "; ".join(f"{c.indikator} ({cp.teks_capaian(c.nilai)}%)" for c in tertinggal[:3])
        hasil.append(f"Indikator yang paling tertinggal dari targetnya: {daftar}.")
    if ik.tidak_terukur:
        hasil.append(
            f"Sebanyak {_banyak(ik.tidak_terukur)} indikator belum bertarget triwulan ini atau bertarget 0, "
            "sehingga capaiannya tidak dapat dihitung."
        )
    if lap.anggaran is not None and lap.anggaran.jumlah.realisasi is not None:
        j = cp.teks_anggaran(lap.anggaran.jumlah)
        hasil.append(
            f"Anggaran terserap sampai akhir {nama_triwulan(lap.n)} sebesar Rp{j['realisasi']} "
            f"dari pagu Rp{j['anggaran']}; serapan setiap program tercantum pada tabel realisasi anggaran."
        )
    return hasil
