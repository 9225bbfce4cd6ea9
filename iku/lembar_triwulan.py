"""Spreadsheets of the year's Rencana Aksi and of each quarterly report (XLSX beside the DOCX).

Built with the pieces of iku/lembar_kerja.py (cells, headings, page set-up, byte-stable
packing) and its capaian and predikat formulas, so a quarter's capaian in the sheet is the
same live formula as the year's: the figure the report prints.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from . import triwulan
from .lembar_kerja import (
    FORMAT_ANGGARAN,
    FORMAT_PERSEN,
    baris_data,
    baris_kepala,
    gabung_sasaran,
    judul,
    kemas_instansi,
    rumus_capaian,
    rumus_predikat,
    siapkan,
)
from .model import TRIWULAN, Config
from .naskah.keputusan import kelompok_iku


def tulis_rencana_aksi(config: Config) -> bytes:
    """rencana-aksi-<instansi>-<tahun>.xlsx: the document's table, numbers as numbers."""
    buku = Workbook()
    ws = buku.active
    ws.title = "Rencana Aksi"
    lembar_rencana_aksi(ws, config)
    return kemas_instansi(buku, config, "Rencana Aksi")


def lembar_rencana_aksi(ws: Worksheet, config: Config) -> None:
    tahun = str(config.tahun)
    judul(ws, [f"RENCANA AKSI TAHUN {tahun}", config.instansi.nama.upper()])
    kepala = ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "SATUAN", f"TARGET {tahun}"]
    kepala += [triwulan.nama_tw(int(k)) for k in TRIWULAN] + ["KEGIATAN", "PENANGGUNG JAWAB"]
    baris_kepala(ws, 4, kepala)
    baris = 5
    for nomor, kelompok in enumerate(kelompok_iku(config.iku, lambda b: b), start=1):
        for i, b in enumerate(kelompok["baris"]):
            tw = b.target_triwulan or {}
            isi = [nomor if i == 0 else None, b.sasaran if i == 0 else None, b.indikator, b.satuan]
            isi += [(b.target or {}).get(tahun), *(tw.get(k) for k in TRIWULAN)]
            isi += ["\n".join(b.kegiatan) or None, b.penanggung_jawab]
            baris_data(ws, baris + i, isi)
        gabung_sasaran(ws, baris, len(kelompok["baris"]))
        baris += len(kelompok["baris"])
    siapkan(ws, config, 4, 4, len(kepala))


def tulis_triwulan(config: Config, n: int) -> bytes:
    """The quarterly report's sheets: capaian (live formulas) and, when reported, the budget."""
    buku = Workbook()
    ws = buku.active
    ws.title = triwulan.nama_triwulan(n)
    lembar_capaian_triwulan(ws, config, n)
    lap = triwulan.laporan(config, n)
    if lap.anggaran is not None:
        lembar_anggaran_triwulan(buku.create_sheet("Anggaran"), config, n)
    return kemas_instansi(buku, config, f"Laporan Pengukuran Kinerja {triwulan.nama_triwulan(n)}")


def lembar_capaian_triwulan(ws: Worksheet, config: Config, n: int) -> None:
    """Columns as the year's Capaian sheet (D arah, E target, F realisasi, G capaian, H predikat),
    then the year's target (I) and, for kumulatif rows, the capaian against it (J): the same formula
    with the year's target in place of the quarter's."""
    tw = triwulan.nama_tw(n)
    judul(
        ws, [f"CAPAIAN KINERJA {triwulan.nama_triwulan(n).upper()} TAHUN {config.tahun}", config.instansi.nama.upper()]
    )
    kepala = ["NO", "INDIKATOR KINERJA", "SATUAN", "ARAH", f"TARGET {tw}", f"REALISASI {tw}", "CAPAIAN (%)"]
    kepala += ["PREDIKAT", f"TARGET {config.tahun}", "CAPAIAN THD. TARGET TAHUN (%)"]
    baris_kepala(ws, 4, kepala)
    for nomor, b in enumerate(triwulan.laporan(config, n).baris, start=1):
        r, c = 4 + nomor, b.triwulan
        tahunan = rumus_capaian(r).replace(f"E{r}", f"I{r}") if b.tahunan else None
        isi = [nomor, c.indikator, c.satuan, c.arah, c.target, c.realisasi, rumus_capaian(r), rumus_predikat(r)]
        isi += [b.tahunan.target if b.tahunan else None, tahunan]
        baris_data(ws, r, isi, {7: FORMAT_PERSEN, 10: FORMAT_PERSEN})
    siapkan(ws, config, 4, 4, len(kepala))


def lembar_anggaran_triwulan(ws: Worksheet, config: Config, n: int) -> None:
    """Anggaran and the budget absorbed by the end of quarter n, % live, JUMLAH live."""
    tw = triwulan.nama_tw(n)
    judul(ws, [f"REALISASI ANGGARAN S.D. {tw} TAHUN {config.tahun}", config.instansi.nama.upper()])
    kepala = ["NO", "PROGRAM", "ANGGARAN (Rp)", f"REALISASI S.D. {tw} (Rp)", "%"]
    baris_kepala(ws, 4, kepala)
    awal, akhir = 5, 4 + len(config.program)
    for nomor, p in enumerate(config.program, start=1):
        r = 4 + nomor
        persen = f'=IF(OR(D{r}="",C{r}=0),"-",ROUND(D{r}/C{r}*100,2))'
        baris_data(
            ws, r, [nomor, p.nama, p.anggaran, (p.realisasi_triwulan or {}).get(str(n)), persen], FORMAT_ANGGARAN
        )
    c, d = f"C{awal}:C{akhir}", f"D{awal}:D{akhir}"
    ada = f'SUMIF({d},"<>",{c})'
    jumlah = [  # as the year's Anggaran sheet: the % of the programmes that report, over their own anggaran
        None,
        "JUMLAH",
        f"=SUM({c})",
        f'=IF(COUNT({d})=0,"-",SUM({d}))',
        f'=IF(OR(COUNT({d})=0,{ada}=0),"-",ROUND(SUM({d})/{ada}*100,2))',
    ]
    baris_data(ws, akhir + 1, jumlah, FORMAT_ANGGARAN, tebal=True)
    siapkan(ws, config, 4, 4, len(kepala))
