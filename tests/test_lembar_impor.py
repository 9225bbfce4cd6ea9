"""`iku impor --tabel`: IKU rows read from spreadsheets shaped as agencies send them, built here
with openpyxl; refusals; and the round trip through the set's own spreadsheet."""

from __future__ import annotations

import tomllib
from pathlib import Path

import docx
import openpyxl
import pytest
from click.testing import CliRunner

from bantu import CONFIG_CONTOH, teks_docx, ubah_dengan_soffice
from iku.cli import main
from iku.impor.lembar import baca_angka, nama_kolom

ALASAN = "Meningkatkan pelayanan sosial, sesuai dengan:\n1. Undang-Undang Nomor 13 Tahun 2011"


def impor(*argumen: str) -> object:
    return CliRunner().invoke(main, ["impor", *argumen])


def lembar_berjudul(path: Path) -> Path:
    """Bappeda's form: title rows, mixed-case headings, a sasaran merged over two rows, year columns."""
    buku = openpyxl.Workbook()
    ws = buku.active
    ws.title = "Form IKU"
    ws["A1"] = "FORMULIR INDIKATOR KINERJA UTAMA"
    ws["A2"] = "Dinas Sosial Kabupaten Buleleng"
    kepala = [
        "No",
        "Sasaran Strategis",
        "Indikator Kinerja Utama",
        "Satuan",
        "Alasan",
        "Formulasi",
        "Sumber Data",
        "Keterangan",
        "Kondisi Awal",
        "Target 2024",
        "Target 2025",
        "Realisasi 2023",
        "Arah",
    ]
    ws.append([])
    ws.append(kepala)
    ws.append(
        [
            1,
            "Menurunnya Penduduk Miskin",
            "Persentase Penduduk Miskin",
            "%",
            ALASAN,
            "Hasil BPS",
            "BPS",
            None,
            6.12,
            5.15,
            4.9,
            5.05,
            "Turun",
        ]
    )
    ws.append(
        [
            None,
            None,
            "Jumlah Desa Miskin",
            "desa",
            "Alasan dua",
            "Hitung desa",
            "Bappeda",
            "Catatan",
            12,
            10,
            8,
            11,
            "turun",
        ]
    )
    ws.append(
        [
            2,
            "Meningkatnya Penanganan PMKS",
            "Persentase Penanganan PMKS",
            "%",
            "Alasan tiga",
            "Jumlah PMKS yang tertangani\n----------\nJumlah PMKS yang ada\n× 100%",
            "Dinsos",
            None,
            3.86,
            6.86,
            9.86,
            6.66,
            "naik",
        ]
    )
    ws.merge_cells("A5:A6")
    ws.merge_cells("B5:B6")
    buku.save(path)
    return path


def lembar_acak(path: Path) -> Path:
    """Another agency's sheet: other order, odd spacing and case, decimals typed as text, a percentage
    cell, an unknown column, a blank sasaran meaning the one above, and a stray total row."""
    buku = openpyxl.Workbook()
    buku.active.title = "Catatan"
    buku.active["A1"] = "lembar ini tanpa tabel"
    ws = buku.create_sheet("Data")
    ws.append(
        [
            "  INDIKATOR ",
            "satuan",
            "2024",
            "Kondisi  Awal",
            "SASARAN",
            "Penanggung Jawab",
            "Cara Pengukuran",
            "sumber data",
            "alasan",
        ]
    )
    ws.append(["Indeks Kepuasan", "indeks", "6,12", "1.250,5", "Sasaran A", "Bidang I", "Survei", "Dinas", "Perlu"])
    ws.append(["Cakupan Layanan", "%", 0.0612, "5", None, "Bidang II", "Hitung", "Dinas", "Perlu"])
    ws["C3"].number_format = "0.00%"
    ws.append([None, None, None, None, "JUMLAH", None, None, None, None])
    ws.append(["Rasio Aneh", "%", "banyak", None, "Sasaran B", None, "Hitung", "Dinas", "Perlu"])
    buku.save(path)
    return path


def test_judul_dan_sel_gabungan(tmp_path: Path) -> None:
    hasil = impor("--tabel", str(lembar_berjudul(tmp_path / "form.xlsx")), "--to", str(tmp_path / "baru.toml"))
    assert hasil.exit_code == 0, hasil.output
    assert 'Lembar "Form IKU", baris judul 4: 3 baris IKU.' in hasil.output
    teks = (tmp_path / "baru.toml").read_text(encoding="utf-8")
    data = tomllib.loads(teks)
    assert data["keputusan"]["nomor"].startswith("ISI:") and "keputusan.nomor" in hasil.output  # to be filled
    iku = data["iku"]
    assert [b["sasaran"] for b in iku] == ["Menurunnya Penduduk Miskin"] * 2 + ["Meningkatnya Penanganan PMKS"]
    assert iku[0]["alasan"] == ALASAN and iku[0]["arah"] == "turun" and iku[0]["kondisi_awal"] == 6.12
    assert iku[0]["target"] == {"2024": 5.15, "2025": 4.9} and iku[0]["realisasi"] == {"2023": 5.05}
    assert iku[1]["keterangan"] == "Catatan" and "keterangan" not in iku[0] and iku[1]["kondisi_awal"] == 12
    assert iku[2]["formulasi"] == {
        "pembilang": "Jumlah PMKS yang tertangani",
        "penyebut": "Jumlah PMKS yang ada",
        "kali": "100%",
    }
    assert "TIDAK DIIMPOR" not in hasil.output


def test_urutan_lain_desimal_teks_dan_yang_tidak_ditempatkan(tmp_path: Path) -> None:
    hasil = impor("--tabel", str(lembar_acak(tmp_path / "acak.xlsx")), "--to", str(tmp_path / "baru.toml"))
    assert hasil.exit_code == 0, hasil.output
    assert 'Lembar "Data", baris judul 1: 3 baris IKU.' in hasil.output
    iku = tomllib.loads((tmp_path / "baru.toml").read_text(encoding="utf-8"))["iku"]
    assert [b["indikator"] for b in iku] == ["Indeks Kepuasan", "Cakupan Layanan", "Rasio Aneh"]
    assert iku[0]["target"] == {"2024": 6.12} and iku[0]["kondisi_awal"] == 1250.5
    assert iku[1]["target"] == {"2024": 6.12} and iku[1]["kondisi_awal"] == 5  # the percentage as shown
    assert iku[1]["sasaran"] == "Sasaran A" and iku[1]["formulasi"] == "Hitung"
    assert "target" not in iku[2]
    baris = [b for b in hasil.output.splitlines() if b.startswith("TIDAK DIIMPOR")]
    assert len(baris) == 3
    assert '[Data!F] kolom "Penanggung Jawab" tidak dikenali' in baris[0]
    assert "[Data!baris 4] baris tanpa indikator" in baris[1]
    assert '[Data!C5] "banyak" di kolom "2024" bukan angka' in baris[2]


def test_tanpa_judul_ditolak(tmp_path: Path) -> None:
    buku = openpyxl.Workbook()
    buku.active.title = "Rekap"
    for n in range(30):
        buku.active.append([n, "Persentase", 5.5])
    buku.save(tmp_path / "rekap.xlsx")
    hasil = impor("--tabel", str(tmp_path / "rekap.xlsx"), "--to", str(tmp_path / "baru.toml"))
    assert hasil.exit_code == 9
    assert 'lembar "Rekap" (baris 1-20)' in hasil.output and "Indikator" in hasil.output
    assert not (tmp_path / "baru.toml").exists()


def test_bukan_lembar_kerja_dan_tujuan_ada_ditolak(tmp_path: Path) -> None:
    teks = tmp_path / "catatan.xlsx"
    teks.write_text("bukan lembar kerja", encoding="utf-8")
    hasil = impor("--tabel", str(teks), "--to", str(tmp_path / "baru.toml"))
    assert hasil.exit_code == 9 and "berkas ini bukan lembar kerja (spreadsheet)" in hasil.output
    assert "pengolah kata" not in hasil.output and "catatan.xlsx" in hasil.output
    docx_ = tmp_path / "sk.docx"
    docx.Document().save(str(docx_))
    hasil = impor("--tabel", str(docx_), "--to", str(tmp_path / "baru.toml"))
    assert hasil.exit_code == 9 and "bukan lembar kerja (spreadsheet): naskah Word (.docx)" in hasil.output
    ada = tmp_path / "ada.toml"
    ada.write_text("# milik orang\n", encoding="utf-8")
    hasil = impor("--tabel", str(lembar_berjudul(tmp_path / "f.xlsx")), "--to", str(ada))
    assert hasil.exit_code == 9 and ada.read_text(encoding="utf-8") == "# milik orang\n"
    hasil = impor("--to", str(tmp_path / "x.toml"))
    assert hasil.exit_code == 2 and "KEPUTUSAN atau --tabel" in hasil.output
    # a spreadsheet given as the decree: refused, pointing to --tabel
    hasil = impor(str(tmp_path / "f.xlsx"), "--to", str(tmp_path / "x.toml"))
    assert hasil.exit_code == 9 and "iku impor --tabel" in hasil.output


@pytest.mark.parametrize(
    ("judul", "kunci"),
    [
        ("Sasaran Strategis", "sasaran"),
        ("INDIKATOR  KINERJA\nUTAMA", "indikator"),
        ("Formulasi / Cara Pengukuran", "formulasi"),
        ("Target 2024", "target.2024"),
        ("2024", "target.2024"),
        ("Realisasi 2023", "realisasi.2023"),
        ("Kondisi Awal (2021)", "kondisi_awal"),
        ("Capaian (%)", ""),
        ("Penanggung Jawab", None),
    ],
)
def test_nama_kolom(judul: str, kunci: str | None) -> None:
    assert nama_kolom(judul) == kunci


def test_angka() -> None:
    assert [baca_angka(x) for x in ("6,12", "1.250,5", "6.12", "12", "6,12%", "-", "dua")] == [
        6.12,
        1250.5,
        6.12,
        12,
        6.12,
        None,
        None,
    ]
    assert baca_angka(0.0612, "0.00%") == 6.12 and baca_angka(4.9) == 4.9


def test_pulang_pergi_lampiran_sama(tmp_path: Path) -> None:
    """Our own XLSX imported over the sample (--config) generates the same Lampiran."""
    pertama = CliRunner().invoke(main, ["generate", "--config", str(CONFIG_CONTOH), "--output", str(tmp_path / "a")])
    assert pertama.exit_code == 0, pertama.output
    folder = tmp_path / "a" / "2023"
    xlsx = next(folder.glob("tabel-iku-*.xlsx"))
    hasil = impor("--tabel", str(xlsx), "--config", str(CONFIG_CONTOH), "--to", str(tmp_path / "baru.toml"))
    assert hasil.exit_code == 0, hasil.output
    assert "2 baris dilengkapi" in hasil.output
    kedua = CliRunner().invoke(
        main, ["generate", "--config", str(tmp_path / "baru.toml"), "--output", str(tmp_path / "b")]
    )
    assert kedua.exit_code == 0, kedua.output
    nama = next(folder.glob("lampiran-iku-*.docx")).name
    assert teks_docx(tmp_path / "b" / "2023" / nama) == teks_docx(folder / nama)
    baru = tomllib.loads((tmp_path / "baru.toml").read_text(encoding="utf-8"))
    lama = tomllib.loads(CONFIG_CONTOH.read_text(encoding="utf-8"))
    assert baru["program"] == lama["program"] and baru["iku"] == lama["iku"]


@pytest.mark.pdf
@pytest.mark.parametrize("format_", ["ods", "xls"])
def test_ods_dan_xls_lewat_libreoffice(tmp_path: Path, format_: str) -> None:
    lama = ubah_dengan_soffice(lembar_berjudul(tmp_path / "form.xlsx"), format_, tmp_path / "lama")
    assert lama.suffix == f".{format_}" and lama.read_bytes()[:2] != b"PK" or format_ == "ods"
    hasil = impor("--tabel", str(lama), "--to", str(tmp_path / "baru.toml"))
    assert hasil.exit_code == 0, hasil.output
    iku = tomllib.loads((tmp_path / "baru.toml").read_text(encoding="utf-8"))["iku"]
    assert [b["indikator"] for b in iku] == [
        "Persentase Penduduk Miskin",
        "Jumlah Desa Miskin",
        "Persentase Penanganan PMKS",
    ]
    assert iku[1]["sasaran"] == "Menurunnya Penduduk Miskin" and iku[0]["kondisi_awal"] == 6.12


def test_tahun_di_bawah_judul_target_dan_realisasi(tmp_path: Path) -> None:
    """Years in a second heading row under merged TARGET and REALISASI headings."""
    buku = openpyxl.Workbook()
    ws = buku.active
    ws.append(["INDIKATOR", "SATUAN", "KONDISI AWAL", "TARGET", None, "REALISASI", None])
    ws.append([None, None, 2021, 2024, 2025, 2022, 2023])
    ws.merge_cells("D1:E1")
    ws.merge_cells("F1:G1")
    ws.append(["Indeks A", "indeks", 3, 4, 5, 3.5, "3,75"])
    buku.save(tmp_path / "tahun.xlsx")
    hasil = impor("--tabel", str(tmp_path / "tahun.xlsx"), "--to", str(tmp_path / "baru.toml"))
    assert hasil.exit_code == 0, hasil.output
    assert "baris judul 1: 1 baris IKU" in hasil.output and "TIDAK DIIMPOR" not in hasil.output
    (baris,) = tomllib.loads((tmp_path / "baru.toml").read_text(encoding="utf-8"))["iku"]
    assert baris["kondisi_awal"] == 3 and baris["target"] == {"2024": 4, "2025": 5}
    assert baris["realisasi"] == {"2022": 3.5, "2023": 3.75}


def test_dasar_dengan_kurung_di_dalam_teks_panjang(tmp_path: Path) -> None:
    """A line of a multi-line string that starts with "[" is text, not a table: BASE stays whole."""
    teks = CONFIG_CONTOH.read_text(encoding="utf-8").replace(
        "1. Undang-Undang Nomor 13 Tahun 2011", "[1] Undang-Undang Nomor 13 Tahun 2011", 1
    )
    dasar = tmp_path / "dasar.toml"
    dasar.write_text(teks, encoding="utf-8")
    hasil = impor(
        "--tabel",
        str(lembar_berjudul(tmp_path / "f.xlsx")),
        "--config",
        str(dasar),
        "--to",
        str(tmp_path / "baru.toml"),
    )
    assert hasil.exit_code == 0, hasil.output
    baru = tomllib.loads((tmp_path / "baru.toml").read_text(encoding="utf-8"))
    lama = tomllib.loads(teks)
    assert {k: v for k, v in baru.items() if k != "iku"} == {k: v for k, v in lama.items() if k != "iku"}
    assert [b["indikator"] for b in baru["iku"]] == [
        "Persentase Penduduk Miskin",
        "Jumlah Desa Miskin",
        "Persentase Penanganan PMKS",
    ]
    # the sheet has target, realisasi and kondisi awal columns: those stay the sheet's; strategi comes from BASE
    assert (
        baru["iku"][0]["target"] == {"2024": 5.15, "2025": 4.9}
        and baru["iku"][0]["strategi"] == lama["iku"][0]["strategi"]
    )
    assert "strategi" not in baru["iku"][1]
    assert "# Perjanjian Kinerja (PK) tahunan" in (tmp_path / "baru.toml").read_text(encoding="utf-8")


def test_indikator_digabung_ke_bawah_bukan_baris_baru(tmp_path: Path) -> None:
    """An indikator cell merged over two rows is one row; the lower part is reported, not copied."""
    buku = openpyxl.Workbook()
    ws = buku.active
    ws.append(["Sasaran", "Indikator", "Satuan"])
    ws.append(["S1", "Indikator Satu", "%"])
    ws.append([None, None, "orang"])
    ws.merge_cells("B2:B3")
    ws.merge_cells("A2:A3")
    buku.save(tmp_path / "gabung.xlsx")
    hasil = impor("--tabel", str(tmp_path / "gabung.xlsx"), "--to", str(tmp_path / "baru.toml"))
    assert hasil.exit_code == 0, hasil.output
    assert [b["indikator"] for b in tomllib.loads((tmp_path / "baru.toml").read_text(encoding="utf-8"))["iku"]] == [
        "Indikator Satu"
    ]
    assert "[Sheet!baris 3] baris tanpa indikator tidak diimpor" in hasil.output
