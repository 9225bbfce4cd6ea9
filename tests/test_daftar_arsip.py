"""`iku arsip`, `iku verify` without a folder, and `iku templates --to` (issue 8 item 16, issue 14)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from bantu import TEMPLATES, data_contoh, tulis_data
from iku import konfigurasi
from iku.buat import Permintaan, generate
from iku.cli import main


def jalankan(*argumen: str):
    return CliRunner().invoke(main, list(argumen))


@pytest.fixture(scope="module")
def dua_tahun(tmp_path_factory) -> Path:
    """output/2023 and output/2024, as two yearly runs leave them."""
    akar = tmp_path_factory.mktemp("arsip")
    for tahun, nomor in ((2023, "400.9/1/Dinsos/2022"), (2024, "400.9/2/Dinsos/2023")):
        data = data_contoh()
        data["tahun"] = tahun
        data["keputusan"]["nomor"] = nomor
        data.pop("laporan_kinerja")  # the 2024 report waits for the 2024 realisasi
        data["perjanjian_kinerja"]["tanggal"] = data["perjanjian_kinerja"]["tanggal"].replace(year=tahun)
        bacaan = konfigurasi.baca(tulis_data(akar / f"iku-{tahun}.toml", data))
        generate(Permintaan(bacaan, TEMPLATES, akar / "output"))
    return akar


def test_arsip_menampilkan_setiap_tahun(dua_tahun):
    output = dua_tahun / "output"
    hasil = jalankan("arsip", "--output", str(output))
    assert hasil.exit_code == 0, hasil.output
    teks = hasil.output
    assert teks.index("2023  ") < teks.index("2024  ")
    assert "nomor   : 400.9/1/Dinsos/2022" in teks and "nomor   : 400.9/2/Dinsos/2023" in teks
    assert len(re.findall(r"dibuat  : \d{4}-\d\d-\d\d \d\d:\d\d", teks)) == 2
    assert teks.count("periksa : utuh (cocok dengan MANIFEST.json)") == 2
    assert "    konfigurasi-2024.toml" in teks and "    MANIFEST.json" in teks
    jumlah = sum(1 for p in (output / "2023").rglob("*") if p.is_file())  # DOCX, the config copy, the manifest
    assert f"berkas ({jumlah}):" in teks


def test_verify_tanpa_folder_memeriksa_setiap_tahun(dua_tahun, monkeypatch):
    monkeypatch.chdir(dua_tahun)
    hasil = jalankan("verify")
    assert hasil.exit_code == 0, hasil.output
    assert [b.split(" di ")[1] for b in hasil.output.splitlines()] == ["output/2023", "output/2024"]


def test_tahun_yang_berubah_disebut(tmp_path, dua_tahun, monkeypatch):
    import shutil

    salinan = tmp_path / "output"
    shutil.copytree(dua_tahun / "output", salinan)
    berkas = salinan / "2024" / "konfigurasi-2024.toml"
    berkas.write_text(berkas.read_text(encoding="utf-8") + "# diubah\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    verify = jalankan("verify")
    assert verify.exit_code == 6
    assert f"{Path('output/2024/konfigurasi-2024.toml')}: berkas berubah" in verify.stderr
    assert "2023" not in verify.stderr
    arsip = jalankan("arsip")
    assert arsip.exit_code == 6 and "TIDAK UTUH (1 masalah)" in arsip.output and "Tidak utuh: 2024" in arsip.output


def test_arsip_kosong_dan_folder_tidak_ada(tmp_path):
    (tmp_path / "kosong").mkdir()
    assert jalankan("arsip", "--output", str(tmp_path / "kosong")).output.startswith("Belum ada arsip tahun")
    hasil = jalankan("arsip", "--output", str(tmp_path / "tidak-ada"))
    assert hasil.exit_code == 5 and "folder arsip tidak ada" in hasil.stderr


def test_templates_to_menyalin_templat_bawaan(tmp_path):
    hasil = jalankan("templates", "--to", str(tmp_path / "templat"))
    assert hasil.exit_code == 0, hasil.output
    for asli in TEMPLATES.glob("*.docx"):
        assert (tmp_path / "templat" / asli.name).read_bytes() == asli.read_bytes()
    assert sorted(p.name for p in (tmp_path / "templat").iterdir()) == sorted(p.name for p in TEMPLATES.glob("*.docx"))
    periksa = jalankan(
        "check",
        "--config",
        str(tulis_data(tmp_path / "iku.toml", data_contoh())),
        "--templates",
        str(tmp_path / "templat"),
    )
    assert periksa.exit_code == 0, periksa.output


def test_templates_to_tidak_pernah_menimpa(tmp_path):
    folder = tmp_path / "templat"
    folder.mkdir()
    (folder / "keputusan.docx").write_bytes(b"suntingan instansi")
    hasil = jalankan("templates", "--to", str(folder))
    assert hasil.exit_code == 4
    assert f"{folder / 'keputusan.docx'}: berkas sudah ada dan tidak ditimpa" in hasil.stderr
    assert (folder / "keputusan.docx").read_bytes() == b"suntingan instansi"
    assert sorted(p.name for p in folder.iterdir()) == ["keputusan.docx"]  # nothing copied at all
