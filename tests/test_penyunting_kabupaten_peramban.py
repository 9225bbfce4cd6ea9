"""`iku serve --kabupaten FOLDER` in a real Chromium: the Bappeda's clerk goes through the kabupaten.

Open the landing page, see each agency's check status and the gap report; open one agency, see
its preview, fix a field (checked while typing under the agency's own address) and save; go back;
open pemda.toml, add a sasaran and save; see the gap report name the new sasaran. The server runs
on a free port in a thread with its warm LibreOffice, and is always stopped.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from test_kabupaten import buat_folder
from test_penyunting_peramban import dilayani, isian, ketik, pesan, potret, tekan, tunggu, versi_pratinjau

from bantu import TEMPLATES
from iku.penyunting.aplikasi import Pengaturan

pytestmark = [pytest.mark.peramban, pytest.mark.pdf]


@pytest.fixture
def layanan(tmp_path: Path):
    folder = buat_folder(tmp_path / "kab")
    p = Pengaturan(folder / "pemda.toml", tmp_path / "output", TEMPLATES, "127.0.0.1", 0, folder)
    with dilayani(p) as (alamat, _lo):
        yield alamat, folder


def baris(driver) -> dict[str, list[str]]:
    from selenium.webdriver.common.by import By

    hasil = {}
    for tr in driver.find_elements(By.CSS_SELECTOR, "#daftar-instansi tbody tr"):
        sel = [td.text for td in tr.find_elements(By.TAG_NAME, "td")]
        hasil[sel[0]] = sel[1:]
    return hasil


def celah(driver) -> list[str]:
    from selenium.webdriver.common.by import By

    return [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#celah li")]


def test_bappeda_menyunting_satu_kabupaten(layanan, driver, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    alamat, folder = layanan
    driver.get(alamat)
    assert "Pemerintah Kabupaten Buleleng" in driver.title
    tabel = baris(driver)
    assert list(tabel) == ["bappeda.toml", "dinkes.toml", "dinsos.toml", "inspektorat.toml", "kecamatan.toml"]
    assert tabel["dinsos.toml"] == ["Dinas Sosial Kabupaten Buleleng", "0", "0", "Sunting"]
    assert len(celah(driver)) == 3 and "sasaran S4" in celah(driver)[0] and "bappeda.toml" in celah(driver)[1]
    assert driver.find_element(By.ID, "status-pemda").text.startswith("0 kesalahan, 0 peringatan")
    potret(driver, tmp_path, "kabupaten-1-beranda")

    tekan(driver, "#instansi-dinsos a.buka")
    tunggu(lambda: driver.current_url.endswith("/instansi/dinsos/"))
    assert isian(driver, "instansi.nama").get_attribute("value") == "Dinas Sosial Kabupaten Buleleng"
    assert not driver.find_elements(By.ID, "tombol-buat")
    potret(driver, tmp_path, "kabupaten-2a-instansi-dibuka")
    tunggu(lambda: versi_pratinjau(driver), 240)  # the agency's own preview, from the shared LibreOffice
    gambar = driver.find_elements(By.CSS_SELECTOR, "#halaman-pratinjau img.halaman")
    assert gambar and all("/instansi/dinsos/pratinjau/" in g.get_attribute("src") for g in gambar)
    ketik(driver, "penandatangan.nip", "1969 1231")
    tunggu(lambda: "NIP harus 18 angka" in pesan(driver, "penandatangan.nip"), 30)  # checked while typing
    ketik(driver, "penandatangan.nip", "19691231 199103 1 053")
    ketik(driver, "keputusan.nomor", "000.8.3/777/DINSOS/2023")
    tunggu(lambda: pesan(driver, "penandatangan.nip") == "", 30)
    potret(driver, tmp_path, "kabupaten-2-instansi")
    tekan(driver, "#tombol-simpan")
    tunggu(lambda: driver.find_elements(By.ID, "kabar") and "Tersimpan" in driver.find_element(By.ID, "kabar").text)
    assert driver.current_url.endswith("/instansi/dinsos/")
    data = tomllib.loads((folder / "dinsos.toml").read_text(encoding="utf-8"))
    assert data["keputusan"]["nomor"] == "000.8.3/777/DINSOS/2023"

    tekan(driver, "#ke-kabupaten")
    tunggu(lambda: driver.find_elements(By.ID, "buka-pemda"))
    tekan(driver, "#buka-pemda")
    tunggu(lambda: driver.current_url.endswith("/pemda/"))
    assert isian(driver, "pemerintah.kepala.jabatan").get_attribute("value") == "Bupati Buleleng"
    assert isian(driver, "iku.0.target.2026").get_attribute("value") == "5,0"
    potret(driver, tmp_path, "kabupaten-3a-pemda-dibuka")
    tekan(driver, 'button[value="tambah:sasaran"]')  # in the page, by the script
    ketik(driver, "sasaran.4.kode", "S5")
    ketik(driver, "sasaran.4.uraian", "Meningkatnya daya saing pariwisata daerah")
    ketik(driver, "iku.3.kondisi_awal", "enam puluh")
    tunggu(lambda: "harus berupa angka" in pesan(driver, "iku.3.kondisi_awal"), 30)
    ketik(driver, "iku.3.kondisi_awal", "60,5")
    tunggu(lambda: pesan(driver, "iku.3.kondisi_awal") == "", 30)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", isian(driver, "sasaran.4.kode"))
    potret(driver, tmp_path, "kabupaten-3-pemda")
    tekan(driver, "#tombol-simpan")
    tunggu(lambda: driver.find_elements(By.ID, "kabar") and "Tersimpan" in driver.find_element(By.ID, "kabar").text)
    data = tomllib.loads((folder / "pemda.toml").read_text(encoding="utf-8"))
    assert data["sasaran"][4] == {"kode": "S5", "uraian": "Meningkatnya daya saing pariwisata daerah"}

    tekan(driver, "#ke-kabupaten")
    tunggu(lambda: len(celah(driver)) == 4)
    assert any('sasaran S5 "Meningkatnya daya saing pariwisata daerah"' in c for c in celah(driver))
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", driver.find_element(By.ID, "celah"))
    potret(driver, tmp_path, "kabupaten-4-celah")
