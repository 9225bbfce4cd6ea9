"""rekap-iku-<pemerintah>-<tahun>.xlsx: the kabupaten's recap for the Bappeda, beside the agencies' own.

Sheets "IKU Pemda" (the Lampiran's rows with their targets), "IKU Perangkat Daerah" (one row per
agency indicator: agency, sasaran, satuan, targets, sasaran_pemda) and "Kaskade". Written with the
same helpers as the agency's spreadsheet (iku/lembar_kerja.py): numbers are numbers, headings
frozen, and the same folder gives the same bytes.
"""

from __future__ import annotations

from typing import Any

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ..lembar_kerja import Properti, baris_data, baris_kepala, judul, kemas, siapkan_lembar
from .baca import Kabupaten
from .kaskade import kaskade
from .naskah import kolom_sasaran, periode, urut_sasaran

AWALAN_BERKAS = "rekap-iku"
KEPALA_AWAL = 5


def tulis(k: Kabupaten) -> bytes:
    """The workbook as byte-stable XLSX bytes."""
    buku = Workbook()
    lembar_pemda(buku.active, k)
    lembar_instansi(buku.create_sheet("IKU Perangkat Daerah"), k)
    lembar_kaskade(buku.create_sheet("Kaskade"), k)
    p = k.pemda.pemda
    nama = p.pemerintah.nama
    judul_ = f"Rekap Indikator Kinerja Utama {nama} Tahun {p.tahun}"
    return kemas(buku, Properti(judul_, f"Indikator Kinerja Utama {p.tahun}", nama), p.keputusan.tanggal)


def _isi(ws: Worksheet, k: Kabupaten, kepala: list[str], baris: list[list[Any]], judul_: str) -> None:
    p = k.pemda.pemda
    judul(ws, [judul_, p.pemerintah.nama.upper(), f"TAHUN {periode(p)}"])
    baris_kepala(ws, KEPALA_AWAL, kepala)
    for n, nilai in enumerate(baris, start=KEPALA_AWAL + 1):
        baris_data(ws, n, nilai)
    siapkan_lembar(ws, p.format.kertas, KEPALA_AWAL, KEPALA_AWAL, len(kepala))


def lembar_pemda(ws: Worksheet, k: Kabupaten) -> None:
    ws.title = "IKU Pemda"
    p = k.pemda.pemda
    uraian = {s.kode: s.uraian for s in p.sasaran}
    tahun = [str(t) for t in p.rencana.tahun]
    kepala = [
        "NO",
        "KODE SASARAN",
        kolom_sasaran(p),
        "BIDANG URUSAN PEMERINTAHAN",
        "INDIKATOR KINERJA UTAMA",
        "SATUAN",
        "ARAH",
        f"KONDISI AWAL ({p.rencana.tahun_awal - 1})",
        *(f"TARGET {t}" for t in tahun),
        "SKPD PENANGGUNG JAWAB",
        "KET.",
    ]
    baris = [
        [
            n,
            b.sasaran,
            uraian[b.sasaran],
            b.urusan,
            b.indikator,
            b.satuan,
            b.arah,
            b.kondisi_awal,
            *((b.target or {}).get(t) for t in tahun),
            "\n".join(b.penanggung_jawab),
            b.keterangan,
        ]
        for n, b in enumerate(urut_sasaran(p), start=1)
    ]
    _isi(ws, k, kepala, baris, "INDIKATOR KINERJA UTAMA PEMERINTAH DAERAH")


def lembar_instansi(ws: Worksheet, k: Kabupaten) -> None:
    """One row per agency indicator; a column per year any agency gives a target for."""
    tahun = sorted({t for b in k.instansi for r in b.config.iku for t in (r.target or {})})
    kepala = [
        "NO",
        "PERANGKAT DAERAH",
        "SASARAN STRATEGIS",
        "INDIKATOR KINERJA UTAMA",
        "SATUAN",
        "ARAH",
        "KONDISI AWAL",
        *(f"TARGET {t}" for t in tahun),
        "SASARAN PEMDA",
    ]
    baris = [
        [b.config.instansi.nama, r.sasaran, r.indikator, r.satuan, r.arah, r.kondisi_awal]
        + [(r.target or {}).get(t) for t in tahun]
        + [r.sasaran_pemda]
        for b in k.instansi
        for r in b.config.iku
    ]
    _isi(
        ws,
        k,
        kepala,
        [[n, *x] for n, x in enumerate(baris, start=1)],
        "INDIKATOR KINERJA UTAMA PERANGKAT DAERAH",
    )


def lembar_kaskade(ws: Worksheet, k: Kabupaten) -> None:
    """Each Pemda sasaran, its IKU Pemda, every agency indicator naming it (a sasaran nobody
    supports keeps one row with empty agency cells: the gap is visible)."""
    p = k.pemda.pemda
    tahun = str(p.tahun)
    kepala = [
        "KODE SASARAN",
        kolom_sasaran(p),
        "IKU PEMERINTAH DAERAH",
        "PERANGKAT DAERAH",
        "INDIKATOR KINERJA PERANGKAT DAERAH",
        "SATUAN",
        f"TARGET {tahun}",
    ]
    baris: list[list[Any]] = []
    for t in kaskade(k):
        iku = "\n".join(b.indikator for b in t.iku) or None
        awal = [t.sasaran.kode, t.sasaran.uraian, iku]
        rinci = [
            [d.instansi.config.instansi.nama, r.indikator, r.satuan, (r.target or {}).get(tahun)]
            for d in t.dukungan
            for r in d.baris
        ]
        baris += [awal + x for x in rinci] or [awal + [None] * 4]
    _isi(ws, k, kepala, baris, "MATRIKS KASKADE INDIKATOR KINERJA UTAMA")
