"""The cascade: each Pemda sasaran, its IKU Pemda, and every agency indicator that names it; and its gaps.

Pure data from a validated kabupaten: the documents, the spreadsheet and the gap report all
read it, so they always agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..galat import Masalah
from ..konfigurasi import Bacaan
from ..lokasi import cari_baris
from ..model import Iku
from .baca import Kabupaten, nama_sama
from .model import NAMA_BERKAS, IkuPemda, SasaranPemda


@dataclass(frozen=True)
class Dukungan:
    """One agency's indicators under a Pemda sasaran."""

    instansi: Bacaan
    baris: tuple[Iku, ...]


@dataclass(frozen=True)
class Tingkat:
    """One Pemda sasaran with its IKU Pemda and the agency indicators that support it, by agency."""

    sasaran: SasaranPemda
    iku: tuple[IkuPemda, ...]
    dukungan: tuple[Dukungan, ...]


def kaskade(k: Kabupaten) -> list[Tingkat]:
    """Every Pemda sasaran in pemda.toml's order; agencies in file order, rows in config order."""
    pemda = k.pemda.pemda
    return [
        Tingkat(
            s,
            tuple(b for b in pemda.iku if b.sasaran == s.kode),
            tuple(
                Dukungan(b, baris)
                for b in k.instansi
                if (baris := tuple(r for r in b.config.iku if r.sasaran_pemda == s.kode))
            ),
        )
        for s in pemda.sasaran
    ]


def celah(k: Kabupaten) -> list[Masalah]:
    """The gap report: warnings for the Bappeda to weigh, never errors."""
    pemda, teks, path = k.pemda.pemda, k.pemda.berkas.teks, k.pemda.berkas.path
    tingkat = kaskade(k)
    masalah = []
    for i, t in enumerate(tingkat):
        if not t.dukungan:
            masalah.append(
                Masalah(
                    f'sasaran {t.sasaran.kode} "{t.sasaran.uraian}" tidak didukung indikator perangkat daerah mana pun',
                    berkas=path,
                    kunci=f"sasaran[{i + 1}]",
                    baris=cari_baris(teks, ("sasaran", i)),
                    saran=f'tulis sasaran_pemda = "{t.sasaran.kode}" pada baris [[iku]] perangkat daerah yang mengukurnya',
                )
            )
    for b in k.instansi:
        if not any(r.sasaran_pemda for r in b.config.iku):
            masalah.append(
                Masalah(
                    f'tidak satu pun indikator "{b.config.instansi.nama}" menyebut sasaran Pemda',
                    berkas=b.path,
                    kunci="iku[].sasaran_pemda",
                    baris=cari_baris(b.teks, ("iku", 0)),
                    saran=f"tulis sasaran_pemda (kode [[sasaran]] di {NAMA_BERKAS}) pada baris yang mendukung RPJMD/RPD",
                )
            )
    per_kode = {t.sasaran.kode: t for t in tingkat}
    for i, baris in enumerate(pemda.iku):
        pendukung = per_kode[baris.sasaran].dukungan
        for j, pj in enumerate(baris.penanggung_jawab):
            if not any(nama_sama(d.instansi.config.instansi.nama, pj) for d in pendukung):
                masalah.append(
                    Masalah(
                        f'penanggung jawab "{pj}" tidak punya indikator di bawah sasaran {baris.sasaran} '
                        f'("{baris.indikator}")',
                        berkas=path,
                        kunci=f"iku[{i + 1}].penanggung_jawab[{j + 1}]",
                        baris=cari_baris(teks, ("iku", i, "penanggung_jawab", j)),
                        saran=f'tulis sasaran_pemda = "{baris.sasaran}" pada indikatornya yang mendukung sasaran ini',
                    )
                )
    return masalah
