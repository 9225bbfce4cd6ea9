"""A yearly target map may leave plan years out: they print "-" (issue 8, item 14)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bantu import TEMPLATES, data_contoh, teks_docx, tulis_data
from iku import konfigurasi
from iku.buat import Permintaan, generate
from iku.galat import ConfigError
from iku.naskah import buku


def config_dengan_target(tmp_path, target: dict[str, float]):
    data = data_contoh()
    data["iku"][0]["target"] = target
    del data["perjanjian_kinerja"], data["laporan_kinerja"]  # both need target[tahun] of every row
    return tulis_data(tmp_path / "iku.toml", data)


def test_tahun_rencana_yang_kosong_boleh_dan_tercetak_strip(tmp_path):
    path = config_dengan_target(tmp_path, {"2023": 5.15, "2024": 4.9})  # plan 2023-2026: 2025, 2026 empty
    bacaan = konfigurasi.baca(path)
    baris = buku.baris_tabel(bacaan.config)[0]
    assert baris["target"] == ["5,15", "4,9", "-", "-"] and baris["kondisi_akhir"] == "-"
    seri = buku.seri_grafik(bacaan.config.iku[0], bacaan.config)
    assert seri is not None and seri.kondisi_awal is not None and seri.kondisi_awal[0] == "2021"
    assert [t for t, nilai in zip(seri.tahun, seri.target) if nilai is not None] == ["2023", "2024"]
    ditulis = generate(Permintaan(bacaan, TEMPLATES, tmp_path / "out"))
    dokumen = next(p for p in ditulis if p.name.startswith("dokumen-iku"))
    teks = teks_docx(dokumen)
    harus = ["6,12", "5,15", "4,9", "-", "-", "-"]  # kondisi awal, 2023-2026, kondisi akhir
    assert any(teks[i : i + len(harus)] == harus for i in range(teks.index("KONDISI AKHIR (2026)"), len(teks)))


def test_tahun_di_tengah_boleh_kosong(tmp_path):
    path = config_dengan_target(tmp_path, {"2023": 5.15, "2024": 4.9, "2026": 4.6})
    baris = buku.baris_tabel(konfigurasi.muat(path))[0]
    assert baris["target"] == ["5,15", "4,9", "-", "4,6"] and baris["kondisi_akhir"] == "4,6"


def test_tahun_di_luar_rencana_tetap_salah(tmp_path):
    path = config_dengan_target(tmp_path, {"2023": 5.15, "2027": 4.6})
    with pytest.raises(ConfigError) as info:
        konfigurasi.muat(path)
    (m,) = info.value.masalah
    assert m.kunci == "iku[1].target" and "2027" in m.pesan and "2023-2026" in m.pesan
    assert "2024" not in m.pesan  # years left out are not a problem
    assert m.baris is not None


def test_nilai_target_tetap_desimal(tmp_path):
    path = config_dengan_target(tmp_path, {"2024": 4.9})
    assert konfigurasi.muat(path).iku[0].target == {"2024": Decimal("4.9")}
