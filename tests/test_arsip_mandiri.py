"""An archived year regenerates by itself: the files its config refers to travel with it
(issue 8, item 12)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from bantu import data_contoh, tulis_data, tulis_png
from iku.cli import main


def jalankan(*argumen: str):
    return CliRunner().invoke(main, list(argumen))


def config_berlogo(folder: Path, logo: str) -> Path:
    data = data_contoh()
    data["instansi"]["logo"] = logo
    return tulis_data(folder / "iku.toml", data)


def test_arsip_memuat_logo_dan_dapat_dibuat_ulang(tmp_path):
    config = config_berlogo(tmp_path / "config", "aset/logo.png")
    (tmp_path / "config" / "aset").mkdir()
    logo = tulis_png(tmp_path / "config" / "aset" / "logo.png")
    hasil = jalankan("generate", "--config", str(config), "--output", str(tmp_path / "output"))
    assert hasil.exit_code == 0, hasil.output
    arsip = tmp_path / "output" / "2023"
    assert (arsip / "aset" / "logo.png").read_bytes() == logo.read_bytes()
    assert str(arsip / "aset" / "logo.png") in hasil.stdout.splitlines()
    manifes = json.loads((arsip / "MANIFEST.json").read_text(encoding="utf-8"))
    assert "aset/logo.png" in manifes["sha256"]
    assert (arsip / "konfigurasi-2023.toml").read_bytes() == config.read_bytes()  # not rewritten
    assert jalankan("verify", str(arsip)).exit_code == 0

    logo.unlink()  # the original is gone: the archive alone must do
    lagi = jalankan("generate", "--config", str(arsip / "konfigurasi-2023.toml"), "--output", str(tmp_path / "lagi"))
    assert lagi.exit_code == 0, lagi.output
    for docx in arsip.glob("*.docx"):
        assert (tmp_path / "lagi" / "2023" / docx.name).read_bytes() == docx.read_bytes(), docx.name
    draf = jalankan("new-year", "--config", str(arsip / "konfigurasi-2023.toml"), "--to", str(tmp_path / "2024.toml"))
    assert draf.exit_code == 0, draf.output


def test_logo_di_luar_folder_konfigurasi_diperingatkan(tmp_path):
    tulis_png(tmp_path / "logo.png")
    config = config_berlogo(tmp_path / "config", "../logo.png")
    hasil = jalankan("generate", "--config", str(config), "--output", str(tmp_path / "output"))
    assert hasil.exit_code == 0, hasil.output
    assert "[instansi.logo] logo berada di luar folder konfigurasi" in hasil.stderr
    assert sorted(p.name for p in (tmp_path / "output" / "2023").iterdir() if p.suffix == ".png") == []
