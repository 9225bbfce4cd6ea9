"""Plausibility warnings of `iku check` (issue 17 item 18): values that validate but cannot be
what the clerk meant, each said once, naming its row and key, at its line."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from bantu import CONFIG_CONTOH, salin_config
from iku.cli import main
from iku.galat import ConfigError
from iku.konfigurasi import baca
from iku.periksa.naskah import periksa_naskah


def peringatan(path, awalan: str = "") -> list:
    return [m for m in periksa_naskah(baca(path)) if (m.kunci or "").startswith(awalan)]


def baris_ke(path, m) -> str:
    return path.read_text(encoding="utf-8").splitlines()[m.baris - 1]


def test_config_contoh_tanpa_peringatan_masuk_akal():
    assert periksa_naskah(baca(CONFIG_CONTOH)) == []


def test_realisasi_program_di_atas_anggaran(tmp_path):
    path = salin_config(tmp_path / "iku.toml", {"realisasi = 398125000": "realisasi = 3981250000"})
    (m,) = peringatan(path, "program")
    assert m.kunci == "program[2].realisasi"
    assert baris_ke(path, m) == "realisasi = 3981250000"
    assert '"Program Pemberdayaan Sosial"' in m.pesan
    assert "3.981.250.000" in m.pesan and "412.500.000" in m.pesan and "lebih besar dari anggaran" in m.pesan


@pytest.mark.parametrize(
    "tanggal, kata",
    [
        ("2023-12-20", "belum berakhir"),  # inside its own year
        ("2022-02-20", "belum berakhir"),  # before its year
    ],
)
def test_tanggal_laporan_kinerja_di_dalam_tahunnya(tmp_path, tanggal, kata):
    path = salin_config(tmp_path / "iku.toml", {"tanggal = 2024-02-20": f"tanggal = {tanggal}"})
    (m,) = peringatan(path, "laporan_kinerja")
    assert m.kunci == "laporan_kinerja.tanggal" and kata in m.pesan and "2023" in m.pesan
    assert baris_ke(path, m) == f"tanggal = {tanggal}"


def test_tanggal_laporan_kinerja_sebelum_perjanjian_kinerja(tmp_path):
    """Both in the year after tahun: the PK (its own date warned already) signed after the LKjIP."""
    path = salin_config(tmp_path / "iku.toml", {"tanggal = 2023-01-16": "tanggal = 2024-03-01"})
    (m,) = peringatan(path, "laporan_kinerja")
    assert "sebelum tanggal Perjanjian Kinerja (1 Maret 2024)" in m.pesan


def test_realisasi_negatif_pada_indikator_persen(tmp_path):
    path = salin_config(
        tmp_path / "iku.toml", {"realisasi = { 2021 = 3.86": "realisasi = { 2021 = 3.86, 2022 = -5.12, 2023 = 6.66 }"}
    )
    (m,) = peringatan(path, "iku")
    assert m.kunci == "iku[2].realisasi.2022" and "negatif" in m.pesan and "-5,12" in m.pesan


@pytest.mark.parametrize("nama", ["I Putu  Kariaman Putra, S.Sos, MM", "Drs. I Putu Kariaman Putra"])
def test_pihak_kedua_sama_dengan_pihak_pertama(tmp_path, nama):
    path = salin_config(
        tmp_path / "iku.toml",
        {"pihak_kedua = ": f'pihak_kedua = {{ jabatan = "Kepala Dinas Sosial Kabupaten Buleleng", nama = "{nama}" }}'},
    )
    (m,) = peringatan(path, "perjanjian_kinerja")
    assert m.kunci == "perjanjian_kinerja.pihak_kedua"
    assert "sama dengan pihak pertama" in m.pesan and "atasan" in m.saran
    assert baris_ke(path, m).startswith("pihak_kedua = ")


def test_realisasi_sebelum_tahun_kondisi_awal(tmp_path):
    """Dropped silently from the LKjIP's yearly table before: now said, once per row."""
    path = salin_config(
        tmp_path / "iku.toml",
        {"realisasi = { 2021 = 3.86": "realisasi = { 2019 = 2.5, 2020 = 3.1, 2021 = 3.86, 2022 = 5.12, 2023 = 6.66 }"},
    )
    (m,) = peringatan(path, "iku")
    assert m.kunci == "iku[2].realisasi.2019"
    assert "2019, 2020" in m.pesan and "2021" in m.pesan and "tidak dicetak" in m.pesan


def test_anggaran_mustahil_ditolak(tmp_path):
    path = salin_config(tmp_path / "iku.toml", {"anggaran = 412500000": "anggaran = 100000000000000000000000"})
    with pytest.raises(ConfigError) as galat:
        baca(path)
    (m,) = galat.value.masalah
    assert m.kunci == "program[2].anggaran" and "terlalu besar" in m.pesan and "1.000 triliun" in m.pesan
    hasil = CliRunner().invoke(main, ["check", "--config", str(path)])
    assert hasil.exit_code == 1 and "[program[2].anggaran]" in hasil.output and "Traceback" not in hasil.output


def test_lebih_dari_seratus_sekali_per_baris_dan_boleh_lebih_100(tmp_path):
    """An RSUD's revenue target of 105-110 %: one warning for the row, not one per year; and none
    when the row says it may exceed 100."""
    target = "target = { 2023 = 105, 2024 = 106, 2025 = 108, 2026 = 110 }"
    realisasi = "realisasi = { 2021 = 101, 2022 = 104, 2023 = 107 }"
    ganti = {"target = { 2023 = 6.86": target, "realisasi = { 2021 = 3.86": realisasi}
    path = salin_config(tmp_path / "iku.toml", ganti)
    (m,) = peringatan(path, "iku")
    assert m.kunci == "iku[2].target.2023" and baris_ke(path, m) == target
    assert "target 2023 (105), 2024 (106), 2025 (108), 2026 (110)" in m.pesan
    assert "realisasi 2021 (101), 2022 (104), 2023 (107)" in m.pesan
    assert "boleh_lebih_100 = true" in m.saran
    cek = CliRunner().invoke(main, ["check", "--config", str(path)])
    assert cek.output.count("lebih dari 100") == 1

    boleh = salin_config(tmp_path / "boleh.toml", {**ganti, 'arah = "naik"': 'arah = "naik"\nboleh_lebih_100 = true'})
    assert baca(boleh).config.iku[1].boleh_lebih_100 is True
    assert peringatan(boleh, "iku") == []
