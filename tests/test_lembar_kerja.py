"""The set's spreadsheet (tabel-iku-<instansi>-<tahun>.xlsx): sheets, numbers, layout, byte
stability, the manifest, and the live formulas recalculated by LibreOffice against iku/capaian.py."""

from __future__ import annotations

import datetime as dt
import io
import random
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from bantu import data_contoh, tulis_data
from iku import capaian, lembar_kerja
from iku.cli import main
from iku.impor.berkas import diubah
from iku.konfigurasi import muat

NAMA = "tabel-iku-dinas-sosial-kabupaten-buleleng-2023.xlsx"


def generate(tmp_path: Path, data: dict | None = None, nama: str = "out") -> Path:
    config = tulis_data(tmp_path / f"{nama}.toml", data or data_contoh())
    hasil = CliRunner().invoke(main, ["generate", "--config", str(config), "--output", str(tmp_path / nama)])
    assert hasil.exit_code == 0, hasil.output
    return tmp_path / nama / "2023"


def test_ada_di_set_tercatat_di_manifes_dan_sama_persis_bila_diulang(tmp_path: Path) -> None:
    pertama, kedua = generate(tmp_path, nama="satu"), generate(tmp_path, nama="dua")
    assert (pertama / NAMA).read_bytes() == (kedua / NAMA).read_bytes()
    assert NAMA in (pertama / "MANIFEST.json").read_text(encoding="utf-8")
    assert CliRunner().invoke(main, ["verify", str(pertama)]).exit_code == 0
    buku = openpyxl.load_workbook(pertama / NAMA)
    buku["IKU"]["C7"].value = "diubah"
    buku.save(pertama / NAMA)
    hasil = CliRunner().invoke(main, ["verify", str(pertama)])
    assert hasil.exit_code == 6 and NAMA in hasil.output
    with zipfile.ZipFile(kedua / NAMA) as z:  # entry dates from the decree date, never the clock
        assert {i.date_time for i in z.infolist()} == {(2022, 3, 22, 0, 0, 0)}


def test_lembar_iku_seperti_lampiran(tmp_path: Path) -> None:
    buku = openpyxl.load_workbook(io.BytesIO(lembar_kerja.tulis(muat(tulis_data(tmp_path / "c.toml", _data())))))
    assert buku.sheetnames == ["IKU", "Target", "PK", "Capaian", "Anggaran"]
    ws = buku["IKU"]
    assert [ws.cell(1, 1).value, ws.cell(2, 1).value, ws.cell(3, 1).value] == [
        "INDIKATOR KINERJA UTAMA (IKU)",
        "DINAS SOSIAL KABUPATEN BULELENG",
        "TAHUN 2023-2026",
    ]
    assert [c.value for c in ws[5]] == [
        "NO",
        "SASARAN STRATEGIS",
        "INDIKATOR KINERJA UTAMA",
        "SATUAN",
        "PENJELASAN",
        None,
        None,
        "KETERANGAN/ KRITERIA",
    ]
    assert [c.value for c in ws[6]][4:7] == ["ALASAN", "FORMULASI/ CARA PENGUKURAN", "SUMBER DATA"]
    # rows 7-8 share the first sasaran (two rows), merged as in the Lampiran; row 9 is the second group
    assert "A7:A8" in ws.merged_cells and "B7:B8" in ws.merged_cells and "E5:G5" in ws.merged_cells
    assert [ws.cell(r, 3).value for r in range(7, 11)] == [
        "Persentase Penduduk Miskin",
        "Indikator Turun Nol",
        "Persentase Penanganan PMKS",
        "Indikator Naik Nol",
    ]
    assert ws["A7"].value == 1 and ws["A7"].number_format == '0"."' and ws["A9"].value == 2
    assert ws["F9"].value.splitlines() == [
        "Jumlah PMKS yang tertangani",
        lembar_kerja.GARIS_PECAHAN,
        "Jumlah PMKS yang ada",
        "\u00d7 100%",
    ]
    assert ws.freeze_panes == "A7" and ws.print_title_rows == "$5:$6"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert 20 < ws.column_dimensions["C"].width <= lembar_kerja.LEBAR_MAKS
    assert buku.properties.created == dt.datetime(2022, 3, 22) == buku.properties.modified
    assert buku.properties.creator == "Dinas Sosial Kabupaten Buleleng"
    assert "Indikator Kinerja Utama" in buku.properties.title

    target = buku["Target"]
    assert [c.value for c in target[5]] == [
        "NO",
        "INDIKATOR KINERJA UTAMA",
        "SATUAN",
        "KONDISI AWAL 2021",
        "TARGET 2023",
        "TARGET 2024",
        "TARGET 2025",
        "TARGET 2026",
        "KONDISI AKHIR 2026",
    ]
    baris = [c.value for c in target[6]]
    assert baris[3:] == [6.12, 5.15, 4.9, 4.8, 4.6, 4.6]  # numbers, not text
    assert target["F6"].number_format == "#,##0.0" and target["D6"].number_format == "#,##0.00"
    assert target.freeze_panes == "A6"


def _data() -> dict:
    """The sample with rows for every capaian rule: turun, naik, a target of 0 both ways, a
    half-way value (0,285 -> 0,29), turun far above target (floored at 0), and a programme
    without realisasi."""
    data = data_contoh()
    turun, naik = data["iku"]
    data["iku"] = [
        turun,
        dict(turun, indikator="Indikator Turun Nol", target={"2023": 0}, realisasi={"2023": 0}),
        naik,
        dict(naik, indikator="Indikator Naik Nol", target={"2023": 0}, realisasi={"2023": 3}),
        dict(naik, sasaran="Lain", indikator="Tepat Setengah", target={"2023": 200}, realisasi={"2023": 0.57}),
        dict(turun, sasaran="Lain", indikator="Turun Jauh", target={"2023": 2}, realisasi={"2023": 5.5}),
        dict(turun, sasaran="Lain", indikator="Turun Nol Lewat", target={"2023": 0}, realisasi={"2023": 1.5}),
    ]
    data["program"][1].pop("realisasi")
    return data


@pytest.mark.pdf
def test_rumus_dihitung_libreoffice_sama_dengan_capaian_python(tmp_path: Path) -> None:
    config = muat(tulis_data(tmp_path / "c.toml", _data()))
    xlsx = tmp_path / "tabel.xlsx"
    xlsx.write_bytes(lembar_kerja.tulis(config))
    with diubah(xlsx, "xlsx", "-") as hasil:  # LibreOffice opens, recalculates, saves
        buku = openpyxl.load_workbook(hasil, data_only=True)
    ws = buku["Capaian"]
    dihitung = [(r[6].value, r[7].value) for r in ws.iter_rows(min_row=5, max_row=4 + len(config.iku))]
    harapan = []
    for c in capaian.tabel_capaian(config):
        nilai = c.nilai
        if c.target == 0 and c.arah == "turun":  # the contract: realisasi 0 meets a target of 0, above it 0,00
            assert nilai in (None, Decimal(100) if c.realisasi == 0 else Decimal(0))
            nilai = Decimal(100) if c.realisasi == 0 else Decimal(0)
        harapan.append((capaian.KOSONG if nilai is None else float(nilai), capaian.predikat(nilai)))
    assert dihitung == harapan
    assert [h[0] for h in harapan] == [101.94, 100, 97.08, "-", 0.29, 0, 0]

    ws = buku["Anggaran"]
    program = config.program
    baris = [[c.value for c in r[2:5]] for r in ws.iter_rows(min_row=5, max_row=5 + len(program))]
    dana = capaian.anggaran((p.anggaran, p.realisasi) for p in program)
    for b, d in zip(baris, dana.baris):
        assert b == [d.anggaran, d.realisasi, "-" if d.persen is None else float(d.persen)]
    # JUMLAH: all anggaran; realisasi of those that have one, % against the anggaran of those same programmes
    ada = [p for p in program if p.realisasi is not None]
    serapan = capaian.serapan(sum(Decimal(p.anggaran) for p in ada), sum(Decimal(p.realisasi or 0) for p in ada))
    assert baris[-1] == [sum(p.anggaran for p in program), float(serapan.realisasi or 0), float(serapan.persen or 0)]
    assert baris[1][1] is None and baris[1][2] == "-"  # unknown, not 0

    pk = buku["PK"]
    jumlah = next(r for r in pk.iter_rows(values_only=True) if r[1] == "JUMLAH")
    assert jumlah[2] == sum(p.anggaran for p in program)


@pytest.mark.pdf
def test_banyak_baris_acak_sama_dengan_python(tmp_path: Path) -> None:
    """300 rows of seeded random targets and realisasi (many landing on a half hundredth) through
    LibreOffice's recalculation: every capaian equals capaian.hitung's, to the hundredth."""
    acak = random.Random(23)
    data = data_contoh()
    contoh = data["iku"][0]
    baris = []
    for n in range(300):
        target = acak.choice([acak.randint(1, 40000) / 100, acak.randint(1, 9) * 8, 200, 0.5])
        realisasi = acak.choice([acak.randint(0, 80000) / 1000, target * acak.choice([0.9985, 1.00125, 0.00285])])
        realisasi = float(Decimal(str(realisasi)).quantize(Decimal("0.000001")))
        baris.append(
            dict(
                contoh,
                indikator=f"I{n}",
                arah=acak.choice(["naik", "turun"]),
                target={"2023": target},
                realisasi={"2023": realisasi},
            )
        )
    data["iku"] = baris
    config = muat(tulis_data(tmp_path / "c.toml", data))
    xlsx = tmp_path / "tabel.xlsx"
    xlsx.write_bytes(lembar_kerja.tulis(config))
    with diubah(xlsx, "xlsx", "-") as hasil:
        ws = openpyxl.load_workbook(hasil, data_only=True)["Capaian"]
    dihitung = [r[6].value for r in ws.iter_rows(min_row=5, max_row=4 + len(config.iku))]
    harapan = [float(c.nilai) for c in capaian.tabel_capaian(config)]
    berbeda = [
        (c.arah, c.target, c.realisasi, d, h)
        for c, d, h in zip(capaian.tabel_capaian(config), dihitung, harapan)
        if d != h
    ]
    assert not berbeda
