"""The set's tables as one spreadsheet (XLSX), beside the DOCX packer: what planning staff work in.

Sheets: "IKU" (the Lampiran's rows and columns, the sasaran merged as there), "Target" (kondisi
awal, every plan year, kondisi akhir), and when the config has them "PK", "Capaian" (a live
formula giving the printed capaian and predikat) and "Anggaran" (a live JUMLAH). Numbers are
numeric cells whose format codes a spreadsheet shows the way its locale writes numbers (6,12 in
an Indonesian one). Packed by paket.kemas_ulang: the same config gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from . import capaian
from .model import Config, Iku, Pecahan
from .naskah.blok import periode
from .naskah.keputusan import kelompok_iku
from .paket import kemas_ulang

AWALAN_BERKAS = "tabel-iku"
KERTAS = {"A4": 9, "F4": 14}  # OOXML paper codes: 9 A4, 14 folio 8.5 x 13 in (F4)
GARIS_PECAHAN = "\u2014" * 12  # the fraction line a formula cell shows (the import reads it back)
LEBAR_MAKS = 60
LEBAR_MIN = 8
TINGGI_GARIS = 15  # points per line of 11-point text
TEBAL_LEBIH = 1.2  # bold headings take about this much more room per character
GARIS = Side(style="thin")
BINGKAI = Border(left=GARIS, right=GARIS, top=GARIS, bottom=GARIS)
TEBAL = Font(bold=True)
TENGAH = Alignment(horizontal="center", vertical="center", wrap_text=True)
ATAS = Alignment(vertical="top", wrap_text=True)
FORMAT_PERSEN = "#,##0.00"
FORMAT_RUPIAH = "#,##0"
FORMAT_NOMOR = '0"."'

KEPALA_IKU = (
    "NO",
    "SASARAN STRATEGIS",
    "INDIKATOR KINERJA UTAMA",
    "SATUAN",
    "ALASAN",
    "FORMULASI/ CARA PENGUKURAN",
    "SUMBER DATA",
    "KETERANGAN/ KRITERIA",
)
PENJELASAN = (5, 7)  # ALASAN .. SUMBER DATA stand under one merged "PENJELASAN", as in the Lampiran


def tulis(config: Config) -> bytes:
    """The workbook as byte-stable XLSX bytes."""
    buku = Workbook()
    lembar_iku(buku.active, config)
    lembar_target(buku.create_sheet("Target"), config)
    if config.perjanjian_kinerja is not None:
        lembar_pk(buku.create_sheet("PK"), config)
    if any(str(config.tahun) in (b.realisasi or {}) for b in config.iku):
        lembar_capaian(buku.create_sheet("Capaian"), config)
    if config.program:
        lembar_anggaran(buku.create_sheet("Anggaran"), config)
    return kemas_instansi(buku, config, "Tabel Indikator Kinerja Utama")


def kemas_instansi(buku: Workbook, config: Config, judul_buku: str) -> bytes:
    """An agency's workbook packed: titled "<judul_buku> <agency> Tahun <year>", dated by the decree."""
    nama = config.instansi.nama
    return kemas(
        buku,
        Properti(f"{judul_buku} {nama} Tahun {config.tahun}", f"Indikator Kinerja Utama {config.tahun}", nama),
        config.keputusan.tanggal,
    )


@dataclass(frozen=True)
class Properti:
    """What a workbook's properties say: title, subject, and the author (the agency or the Pemda)."""

    judul: str
    subjek: str
    pengarang: str


def kemas(buku: Workbook, properti: Properti, tanggal: dt.date) -> bytes:
    """Any workbook of the project as byte-stable XLSX bytes: its properties as the DOCX carry them,
    dated by the decree, never the clock."""
    p = buku.properties
    p.title, p.subject = properti.judul, properti.subjek
    p.creator = p.lastModifiedBy = properti.pengarang
    p.created = p.modified = dt.datetime.combine(tanggal, dt.time())
    p.language = "id-ID"
    penampung = io.BytesIO()
    # ExcelWriter, not save_workbook (which stamps the clock's time into the properties)
    ExcelWriter(buku, zipfile.ZipFile(penampung, "w", zipfile.ZIP_DEFLATED)).save()
    return kemas_ulang(penampung.getvalue(), tanggal)


# ---------------------------------------------------------------- sheets


def lembar_iku(ws: Worksheet, config: Config) -> None:
    """The Lampiran's table: title, two heading rows (PENJELASAN over three), the sasaran merged."""
    ws.title = "IKU"
    judul(ws, ["INDIKATOR KINERJA UTAMA (IKU)", config.instansi.nama.upper(), f"TAHUN {periode(config)}"])
    kepala, data = 5, 7
    for kolom, teks in enumerate(KEPALA_IKU, start=1):
        if PENJELASAN[0] <= kolom <= PENJELASAN[1]:
            sel(ws, kepala + 1, kolom, teks, TENGAH, tebal=True)
        else:
            sel(ws, kepala, kolom, teks, TENGAH, tebal=True)
            sel(ws, kepala + 1, kolom, None, TENGAH)
            ws.merge_cells(start_row=kepala, start_column=kolom, end_row=kepala + 1, end_column=kolom)
    sel(ws, kepala, PENJELASAN[0], "PENJELASAN", TENGAH, tebal=True)
    for kolom in range(PENJELASAN[0] + 1, PENJELASAN[1] + 1):
        sel(ws, kepala, kolom, None, TENGAH)
    ws.merge_cells(start_row=kepala, start_column=PENJELASAN[0], end_row=kepala, end_column=PENJELASAN[1])
    baris = data
    for nomor, kelompok in enumerate(kelompok_iku(config.iku, lambda b: b), start=1):
        for i, b in enumerate(kelompok["baris"]):
            nilai: list[Any] = [
                nomor if i == 0 else None,
                b.sasaran if i == 0 else None,
                b.indikator,
                b.satuan,
                b.alasan,
                teks_formulasi(b),
                b.sumber_data,
                b.keterangan,
            ]
            for kolom, isi in enumerate(nilai, start=1):
                sel(ws, baris + i, kolom, isi, ATAS, FORMAT_NOMOR if kolom == 1 else None)
        gabung_sasaran(ws, baris, len(kelompok["baris"]))
        baris += len(kelompok["baris"])
    siapkan(ws, config, kepala, kepala + 1, len(KEPALA_IKU))


def lembar_target(ws: Worksheet, config: Config) -> None:
    """Kondisi awal, the target of every plan year, kondisi akhir (the last year's target)."""
    r = config.rencana
    judul(
        ws,
        ["KONDISI AWAL DAN TARGET INDIKATOR KINERJA UTAMA", config.instansi.nama.upper(), f"TAHUN {periode(config)}"],
    )
    kepala = [
        "NO",
        "INDIKATOR KINERJA UTAMA",
        "SATUAN",
        f"KONDISI AWAL {r.tahun_kondisi_awal}",
        *(f"TARGET {t}" for t in r.tahun),
        f"KONDISI AKHIR {r.tahun_akhir}",
    ]
    baris_kepala(ws, 5, kepala)
    for n, b in enumerate(config.iku, start=1):
        target = [(b.target or {}).get(str(t)) for t in r.tahun]
        baris_data(ws, 5 + n, [n, b.indikator, b.satuan, b.kondisi_awal, *target, target[-1]])
    siapkan(ws, config, 5, 5, len(kepala))


def lembar_pk(ws: Worksheet, config: Config) -> None:
    """The Perjanjian Kinerja's two tables: the year's targets by sasaran, and the programmes with JUMLAH."""
    judul(ws, ["PERJANJIAN KINERJA TAHUN " + str(config.tahun), config.instansi.nama.upper()])
    kepala = ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "SATUAN", f"TARGET {config.tahun}"]
    baris_kepala(ws, 4, kepala)
    baris = 5
    for nomor, kelompok in enumerate(kelompok_iku(config.iku, lambda b: b), start=1):
        for i, b in enumerate(kelompok["baris"]):
            isi = [nomor if i == 0 else None, b.sasaran if i == 0 else None, b.indikator, b.satuan]
            baris_data(ws, baris + i, [*isi, (b.target or {}).get(str(config.tahun))])
        gabung_sasaran(ws, baris, len(kelompok["baris"]))
        baris += len(kelompok["baris"])
    if config.program:
        baris += 1
        baris_kepala(ws, baris, ["NO", "PROGRAM", "ANGGARAN (Rp)", "KETERANGAN"])
        awal = baris + 1
        for n, p in enumerate(config.program, start=1):
            baris_data(ws, baris + n, [n, p.nama, p.anggaran, p.keterangan], {3: FORMAT_RUPIAH})
        akhir = baris + len(config.program)
        jumlah = [None, "JUMLAH", f"=SUM(C{awal}:C{akhir})", None]
        baris_data(ws, akhir + 1, jumlah, {3: FORMAT_RUPIAH}, tebal=True)
    siapkan(ws, config, 4, 4, len(kepala))


KEPALA_CAPAIAN = ("NO", "INDIKATOR KINERJA UTAMA", "SATUAN", "ARAH", "TARGET", "REALISASI", "CAPAIAN (%)", "PREDIKAT")


def lembar_capaian(ws: Worksheet, config: Config) -> None:
    """Target and realisasi of the year; capaian and predikat as live formulas (contract's rules)."""
    judul(ws, [f"CAPAIAN KINERJA TAHUN {config.tahun}", config.instansi.nama.upper()])
    kepala = [*KEPALA_CAPAIAN[:4], f"TARGET {config.tahun}", f"REALISASI {config.tahun}", *KEPALA_CAPAIAN[6:]]
    baris_kepala(ws, 4, kepala)
    for n, c in enumerate(capaian.tabel_capaian(config), start=1):
        r = 4 + n
        isi = [n, c.indikator, c.satuan, c.arah, c.target, c.realisasi, rumus_capaian(r), rumus_predikat(r)]
        baris_data(ws, r, isi, {7: FORMAT_PERSEN})
    siapkan(ws, config, 4, 4, len(kepala))
    ws.column_dimensions["H"].width = max(len(nama) for nama in capaian.SEMUA_PREDIKAT) + 2  # formulas: not measured


def rumus_capaian(r: int) -> str:
    """Capaian of row r (D arah, E target, F realisasi) as capaian.hitung gives it: naik F/E x 100, turun
    (2E - F)/E x 100 never below 0, two decimals half up; a target of 0: turun 100 when F is 0, else 0;
    naik "-". A missing value gives "-"."""
    naik = f"ROUND(F{r}/E{r}*100,2)"
    turun = f"ROUND(MAX(0,(2*E{r}-F{r})/E{r}*100),2)"
    nol = f'IF(D{r}="turun",IF(F{r}=0,100,0),"-")'
    return f'=IF(OR(E{r}="",F{r}=""),"-",IF(E{r}=0,{nol},IF(D{r}="turun",{turun},{naik})))'


def rumus_predikat(r: int) -> str:
    """The predikat of the capaian in G (the bands of capaian.PREDIKAT), "-" when it is undefined."""
    rumus = f'"{capaian.SANGAT_RENDAH}"'
    for batas, nama in reversed(capaian.PREDIKAT):
        rumus = f'IF(G{r}>={batas},"{nama}",{rumus})'
    return f'=IF(ISNUMBER(G{r}),{rumus},"{capaian.KOSONG}")'


def lembar_anggaran(ws: Worksheet, config: Config) -> None:
    """Anggaran, realisasi (empty when unknown, never 0) and % per programme; JUMLAH live: the % of
    the programmes that have a realisasi, against the anggaran of those same programmes."""
    judul(ws, [f"REALISASI ANGGARAN TAHUN {config.tahun}", config.instansi.nama.upper()])
    kepala = ["NO", "PROGRAM", "ANGGARAN (Rp)", "REALISASI (Rp)", "%", "KETERANGAN"]
    baris_kepala(ws, 4, kepala)
    awal, akhir = 5, 4 + len(config.program)
    for n, p in enumerate(config.program, start=1):
        r = 4 + n
        persen = f'=IF(OR(D{r}="",C{r}=0),"-",ROUND(D{r}/C{r}*100,2))'
        baris_data(ws, r, [n, p.nama, p.anggaran, p.realisasi, persen, p.keterangan], FORMAT_ANGGARAN)
    c, d = f"C{awal}:C{akhir}", f"D{awal}:D{akhir}"
    ada = f'SUMIF({d},"<>",{c})'
    jumlah = [
        None,
        "JUMLAH",
        f"=SUM({c})",
        f'=IF(COUNT({d})=0,"-",SUM({d}))',
        f'=IF(OR(COUNT({d})=0,{ada}=0),"-",ROUND(SUM({d})/{ada}*100,2))',
        None,
    ]
    baris_data(ws, akhir + 1, jumlah, FORMAT_ANGGARAN, tebal=True)
    siapkan(ws, config, 4, 4, len(kepala))


FORMAT_ANGGARAN = {3: FORMAT_RUPIAH, 4: FORMAT_RUPIAH, 5: FORMAT_PERSEN}


# ---------------------------------------------------------------- pieces


def gabung_sasaran(ws: Worksheet, baris: int, jumlah: int) -> None:
    """The group's NO and SASARAN cells merged over its rows, as in the Lampiran."""
    if jumlah > 1:
        for kolom in (1, 2):
            ws.merge_cells(start_row=baris, start_column=kolom, end_row=baris + jumlah - 1, end_column=kolom)


def teks_formulasi(b: Iku) -> str:
    """A formula as text; a fraction as numerator, a line, denominator and multiplier on their own lines."""
    if not isinstance(b.formulasi, Pecahan):
        return b.formulasi
    f = b.formulasi
    return "\n".join([f.pembilang, GARIS_PECAHAN, f.penyebut, *([f"\u00d7 {f.kali}"] if f.kali else [])])


def format_angka(nilai: Decimal) -> str:
    """The number format showing a value with the decimals it was written with (4,9; 6,12; 1.250)."""
    desimal = max(0, -int(nilai.as_tuple().exponent))
    return "#,##0" + ("." + "0" * desimal if desimal else "")


def sel(
    ws: Worksheet, baris: int, kolom: int, nilai: Any, rata: Alignment, format_: str | None = None, tebal: bool = False
) -> None:
    c = ws.cell(row=baris, column=kolom, value=nilai)
    c.alignment = rata
    c.border = BINGKAI
    if tebal:
        c.font = TEBAL
    if format_:
        c.number_format = format_
    elif isinstance(nilai, Decimal):
        c.number_format = format_angka(nilai)


def judul(ws: Worksheet, baris: list[str]) -> None:
    for n, teks in enumerate(baris, start=1):
        c = ws.cell(row=n, column=1, value=teks)
        c.font = TEBAL


def baris_kepala(ws: Worksheet, baris: int, kepala: Sequence[str]) -> None:
    for kolom, teks in enumerate(kepala, start=1):
        sel(ws, baris, kolom, teks, TENGAH, tebal=True)


def baris_data(
    ws: Worksheet, baris: int, nilai: Sequence[Any], format_: dict[int, str] | None = None, tebal: bool = False
) -> None:
    for kolom, isi in enumerate(nilai, start=1):
        bentuk = (format_ or {}).get(kolom) or (FORMAT_NOMOR if kolom == 1 and isinstance(isi, int) else None)
        sel(ws, baris, kolom, isi, ATAS, bentuk, tebal)


def siapkan(ws: Worksheet, config: Config, kepala_awal: int, kepala_akhir: int, jumlah_kolom: int) -> None:
    """Headings frozen and repeated on every printed page; landscape, one page wide; columns fitted."""
    siapkan_lembar(ws, config.format.kertas, kepala_awal, kepala_akhir, jumlah_kolom)


def siapkan_lembar(ws: Worksheet, kertas: str, kepala_awal: int, kepala_akhir: int, jumlah_kolom: int) -> None:
    """siapkan for a sheet of any workbook (the kabupaten's recap too): paper named, not a config."""
    ws.freeze_panes = ws.cell(row=kepala_akhir + 1, column=1)
    ws.print_title_rows = f"{kepala_awal}:{kepala_akhir}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = KERTAS[kertas]
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    for kolom in range(1, jumlah_kolom + 1):
        ws.column_dimensions[get_column_letter(kolom)].width = lebar_kolom(ws, kolom, kepala_awal)
    for baris in range(kepala_awal, ws.max_row + 1):
        ws.row_dimensions[baris].height = tinggi_baris(ws, baris)


def tinggi_baris(ws: Worksheet, baris: int) -> float:
    """Tall enough for the wrapped lines of the row's fullest cell (spreadsheets do not grow a row
    written with a fixed file by themselves)."""
    garis = 1
    for sel_ in ws[baris]:
        if isinstance(sel_.value, str) and not sel_.value.startswith("="):
            lebar = max(int(ws.column_dimensions[sel_.column_letter].width or LEBAR_MIN) - 2, 1)
            faktor = TEBAL_LEBIH if sel_.font.b else 1.0
            garis = max(garis, sum(max(1, math.ceil(len(b) * faktor / lebar)) for b in sel_.value.split("\n")))
    return float(TINGGI_GARIS * garis)


def lebar_kolom(ws: Worksheet, kolom: int, dari: int) -> float:
    """Wide enough for the longest line of the column's cells below the title (headings wrap), at most LEBAR_MAKS."""
    panjang = [LEBAR_MIN]
    for (nilai,) in ws.iter_rows(min_row=dari, min_col=kolom, max_col=kolom, values_only=True):
        if nilai is None or (isinstance(nilai, str) and nilai.startswith("=")):
            continue
        teks = capaian.teks_angka(Decimal(nilai)) if isinstance(nilai, (int, Decimal)) else str(nilai)
        panjang.append(max(len(b) for b in teks.split("\n")) if teks else 0)
    return float(min(max(panjang) + 2, LEBAR_MAKS))
