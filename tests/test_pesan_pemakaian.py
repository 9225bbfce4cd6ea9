"""Messages a clerk reads: help in Indonesian, a usage that works, hints that fix (issue 8 item 15)."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from bantu import data_contoh, jalankan_generate, salin_config, tulis_data
from iku import konfigurasi
from iku.cli import main
from iku.galat import ConfigError

PERINTAH = ["", "generate", "check", "new-year", "diff", "verify", "arsip", "templates"]
INGGRIS = [
    "Usage",
    "Options",
    "Commands",
    "Show this message",
    "Show the version",
    "default:",
    "required",
    "FILE",
    "DIRECTORY",
    "PATH",
    "COMMAND",
    "ARGS",
    "Arguments",
]


@pytest.mark.parametrize("perintah", PERINTAH)
def test_bantuan_seluruhnya_bahasa_indonesia(perintah):
    hasil = CliRunner().invoke(main, [*perintah.split(), "--help"])
    assert hasil.exit_code == 0, hasil.output
    assert hasil.output.startswith("Pemakaian: ") and "Opsi:" in hasil.output
    for kata in INGGRIS:
        assert not re.search(rf"\b{kata}\b", hasil.output), (kata, hasil.output)


def test_versi_bahasa_indonesia():
    assert re.fullmatch(r"iku versi \S+\n", CliRunner().invoke(main, ["--version"]).output)


def test_bantuan_generate_py_dapat_diikuti(tmp_path):
    bantuan = jalankan_generate("--help", cwd=tmp_path)
    assert bantuan.returncode == 0 and bantuan.stdout.startswith("Pemakaian: python generate.py [OPSI]\n")
    config = tulis_data(tmp_path / "iku.toml", data_contoh())
    # as the usage line says: python generate.py [OPSI]
    hasil = jalankan_generate("--config", str(config), "--output", str(tmp_path / "out"), cwd=tmp_path)
    assert hasil.returncode == 0, hasil.stderr
    salah = jalankan_generate("--tidak-ada", cwd=tmp_path)
    assert salah.returncode == 2 and "Lihat: python generate.py --help" in salah.stderr
    assert "generate.py generate" not in salah.stderr


def masalah(path):
    with pytest.raises(ConfigError) as info:
        konfigurasi.muat(path)
    return info.value.masalah


def test_kunci_atas_yang_hilang_di_bagian_atas_berkas(tmp_path):
    data = data_contoh()
    del data["tahun"]
    (m,) = masalah(tulis_data(tmp_path / "iku.toml", data))
    assert m.kunci == "tahun" and "di bagian atas berkas" in m.saran and "utama" not in m.saran


def test_kunci_blok_yang_hilang_menyebut_bloknya(tmp_path):
    data = data_contoh()
    del data["iku"][1]["satuan"]
    (m,) = masalah(tulis_data(tmp_path / "iku.toml", data))
    assert m.kunci == "iku[2].satuan" and m.saran == 'tambahkan kunci "satuan" di blok [[iku]] ke-2'


@pytest.mark.parametrize("baris", ["kondisi_awal = 6,12", "target = { 2023 = 5,15, 2024 = 4.9 }"])
def test_koma_desimal_diberi_petunjuk(tmp_path, baris):
    awal = baris.split(" = ")[0] + " ="
    path = salin_config(tmp_path / "iku.toml", {awal: baris})
    (m,) = masalah(path)
    assert m.saran.startswith("pakai titik sebagai tanda desimal")
    assert path.read_text().splitlines()[m.baris - 1] == baris
