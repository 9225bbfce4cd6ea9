"""`iku serve` in a real Chromium: what a clerk does, end to end.

Open the page, change a menimbang, add a mengingat, move a diktum up, type a wrong NIP and
see the message beside it, fix it, save, see the preview change, generate, download the zip.
The server runs on 127.0.0.1 on a free port in a thread, with its warm LibreOffice, and is
always stopped; screenshots go to the test's tmp_path.
"""

from __future__ import annotations

import io
import os
import threading
import time
import tomllib
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from bantu import TEMPLATES, salin_config
from iku.penyunting.aplikasi import Pengaturan
from iku.penyunting.layan import server

pytestmark = [pytest.mark.peramban, pytest.mark.pdf]
BATAS = 90


@contextmanager
def dilayani(p: Pengaturan) -> Iterator[tuple[str, object]]:
    """The editor served on a free port in a thread, with its warm LibreOffice: (address, the
    LibreOffice or None); always stopped, and LibreOffice with it."""
    with server(p) as (srv, lo):
        benang = threading.Thread(target=srv.serve_forever, daemon=True)
        benang.start()
        try:
            yield f"http://127.0.0.1:{srv.server_port}/", lo
        finally:
            srv.shutdown()
            srv.server_close()
    assert lo is None or lo.pid is None  # LibreOffice stopped with the server


@pytest.fixture
def layanan(tmp_path: Path):
    berkas = salin_config(tmp_path / "iku.toml")
    with dilayani(Pengaturan(berkas, tmp_path / "output", TEMPLATES, "127.0.0.1", 0)) as (alamat, lo):
        yield alamat, berkas, lo


@contextmanager
def tanpa_pratinjau(berkas: Path, tmp_path: Path) -> Iterator[str]:
    """The editor served without its LibreOffice: the page and its script only; always stopped."""
    with server(Pengaturan(berkas, tmp_path / "output", TEMPLATES, "127.0.0.1", 0), pratinjau=False) as (srv, _):
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        try:
            yield f"http://127.0.0.1:{srv.server_port}/"
        finally:
            srv.shutdown()
            srv.server_close()


def tunggu(syarat, batas: float = BATAS, jeda: float = 0.2):
    """syarat() until it holds. An element of the page being replaced (a form posted, the page
    loading anew) is stale for a moment: that is "not yet", not a failure."""
    from selenium.common.exceptions import StaleElementReferenceException

    akhir = time.monotonic() + batas
    while time.monotonic() < akhir:
        try:
            hasil = syarat()
        except StaleElementReferenceException:
            hasil = None
        if hasil:
            return hasil
        time.sleep(jeda)
    raise AssertionError("waktu tunggu habis")


def isian(driver, nama: str):
    from selenium.webdriver.common.by import By

    return driver.find_element(By.NAME, nama)


def ketik(driver, nama: str, teks: str) -> None:
    el = isian(driver, nama)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", el)
    el.clear()
    el.send_keys(teks)


def tekan(driver, css: str) -> None:
    from selenium.webdriver.common.by import By

    el = driver.find_element(By.CSS_SELECTOR, css)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", el)
    el.click()


def pesan(driver, nama: str) -> str:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.CSS_SELECTOR, f'.pesan[data-untuk="{nama}"]').text


def versi_pratinjau(driver) -> str | None:
    """The preview's version once its pictures have loaded."""
    return driver.execute_script("""
        const w = document.getElementById('halaman-pratinjau');
        const img = w ? Array.from(w.querySelectorAll('img')) : [];
        return img.length && img.every(i => i.complete && i.naturalWidth > 0) ? w.dataset.versi : null;""")


def potret(driver, folder: Path, nama: str) -> Path:
    """A screenshot, in $IKU_POTRET when set (to look at after the run), else in tmp_path."""
    folder = Path(os.environ.get("IKU_POTRET") or folder)
    folder.mkdir(parents=True, exist_ok=True)
    jalur = folder / f"{nama}.png"
    driver.save_screenshot(str(jalur))
    return jalur


def test_juru_tulis_menyunting_menyimpan_dan_membuat(layanan, driver, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    alamat, berkas, lo = layanan
    driver.get(alamat)
    assert "Penyunting IKU" in driver.title
    versi_awal = tunggu(lambda: versi_pratinjau(driver))
    potret(driver, tmp_path, "1-dibuka")

    ketik(driver, "keputusan.menimbang.0", "bahwa untuk menetapkan IKU Dinas Sosial perlu keputusan;")
    tekan(driver, 'button[value="tambah:keputusan.mengingat"]')
    ketik(driver, "keputusan.mengingat.7", "Peraturan Bupati Buleleng Nomor 1 Tahun 2023 tentang Contoh.")
    diktum_kedua = isian(driver, "keputusan.memutuskan.1").get_attribute("value")
    tekan(driver, 'button[value="naik:keputusan.memutuskan.1"]')
    assert isian(driver, "keputusan.memutuskan.0").get_attribute("value") == diktum_kedua
    label = [e.text for e in driver.find_elements(By.CSS_SELECTOR, 'ol[data-daftar="keputusan.memutuskan"] .nomor')]
    assert label == ["KESATU", "KEDUA", "KETIGA", "KEEMPAT"]
    assert [e.text for e in driver.find_elements(By.CSS_SELECTOR, 'ol[data-daftar="keputusan.mengingat"] .nomor')][
        -1
    ] == "8."

    ketik(driver, "penandatangan.nip", "1969 1231")
    tunggu(lambda: "NIP harus 18 angka" in pesan(driver, "penandatangan.nip"), 30)  # checked while typing
    tekan(driver, "#tombol-simpan")
    tunggu(lambda: "Belum disimpan" in driver.page_source)
    assert "NIP harus 18 angka" in pesan(driver, "penandatangan.nip")
    assert isian(driver, "keputusan.mengingat.7").get_attribute("value").startswith("Peraturan Bupati Buleleng Nomor 1")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", isian(driver, "penandatangan.nip"))
    potret(driver, tmp_path, "2-nip-salah")
    assert "1969 1231" not in berkas.read_text(encoding="utf-8")

    ketik(driver, "penandatangan.nip", "19691231 199103 1 053")
    tekan(driver, "#tombol-simpan")
    tunggu(lambda: driver.find_elements(By.ID, "kabar") and "Tersimpan" in driver.find_element(By.ID, "kabar").text)
    data = tomllib.loads(berkas.read_text(encoding="utf-8"))["keputusan"]
    assert data["menimbang"][0] == "bahwa untuk menetapkan IKU Dinas Sosial perlu keputusan;"
    assert data["mengingat"][-1] == "Peraturan Bupati Buleleng Nomor 1 Tahun 2023 tentang Contoh."
    assert data["memutuskan"][0] == diktum_kedua

    versi_baru = tunggu(lambda: (v := versi_pratinjau(driver)) and v != versi_awal and v)
    assert int(versi_baru) > int(versi_awal)
    potret(driver, tmp_path, "3-tersimpan")

    tekan(driver, "#tombol-buat")
    tunggu(lambda: driver.find_elements(By.ID, "unduh-zip"), 240)
    tautan = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "#hasil-buat li a")]
    assert "konfigurasi-2023.toml" in tautan and "MANIFEST.json" in tautan
    potret(driver, tmp_path, "4-dibuat")
    tekan(driver, "#unduh-zip")
    zip_ = tunggu(lambda: next((p for p in (tmp_path / "unduhan").glob("*.zip")), None), 60)
    tunggu(lambda: zipfile.is_zipfile(zip_), 30)
    nama = zipfile.ZipFile(io.BytesIO(zip_.read_bytes())).namelist()
    assert "2023/keputusan-iku-dinas-sosial-kabupaten-buleleng-2023.docx" in nama
    assert lo is not None and lo.pid is not None and os.getpgid(lo.pid) == lo.pid


def test_program_tanda_tangan_dan_realisasi_di_peramban(layanan, driver, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    alamat, berkas, _ = layanan
    driver.get(alamat)
    tekan(driver, 'button[value="tambah:program"]')
    ketik(driver, "program.5.nama", "Program Pemberdayaan Fakir Miskin")
    ketik(driver, "program.5.anggaran", "1,5")
    tunggu(lambda: "harus rupiah utuh" in pesan(driver, "program.5.anggaran"), 30)  # checked while typing
    assert [e.text for e in driver.find_elements(By.CSS_SELECTOR, 'ol[data-daftar="program"] .nomor')][-1] == "6."
    potret(driver, tmp_path, "5-program-salah")
    ketik(driver, "program.5.anggaran", "75.000.000")
    tekan(driver, 'button[value="naik:program.5"]')
    Select(isian(driver, "format.tanda_tangan")).select_by_value("elektronik")
    Select(isian(driver, "iku.1.arah")).select_by_value("turun")
    ketik(driver, "iku.1.realisasi.2022", "5,2")
    driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", isian(driver, "iku.1.target.2023"))
    potret(driver, tmp_path, "7-realisasi")
    driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", isian(driver, "format.kertas"))
    potret(driver, tmp_path, "8-tanda-tangan")
    tekan(driver, "#tombol-simpan")
    tunggu(lambda: driver.find_elements(By.ID, "kabar") and "Tersimpan" in driver.find_element(By.ID, "kabar").text)
    data = tomllib.loads(berkas.read_text(encoding="utf-8"))
    assert data["program"][4] == {"nama": "Program Pemberdayaan Fakir Miskin", "anggaran": 75000000}
    assert data["format"]["tanda_tangan"] == "elektronik"
    assert data["iku"][1]["arah"] == "turun" and str(data["iku"][1]["realisasi"]["2022"]) == "5.2"
    driver.execute_script(
        "arguments[0].scrollIntoView({block: 'start'})", driver.find_element(By.ID, "bagian-perjanjian-kinerja")
    )
    potret(driver, tmp_path, "6-pk-dan-program")


def test_rupiah_tanggal_dan_pilihan_bawaan_di_peramban(layanan, driver, tmp_path: Path) -> None:
    """Issue 17.13: every digit of a 13-digit amount visible and grouped as typed; dates in Indonesian."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    alamat, berkas, _ = layanan
    driver.get(alamat)
    ketik(driver, "program.0.anggaran", "18456789000")
    anggaran = isian(driver, "program.0.anggaran")
    assert anggaran.get_attribute("value") == "18.456.789.000"
    assert driver.execute_script("return arguments[0].scrollWidth <= arguments[0].clientWidth", anggaran)
    ketik(driver, "program.0.realisasi_triwulan.1", "1500000000")  # a quarter's rupiah: as wide, as grouped
    triwulan = isian(driver, "program.0.realisasi_triwulan.1")
    assert triwulan.get_attribute("value") == "1.500.000.000"
    assert driver.execute_script("return arguments[0].scrollWidth <= arguments[0].clientWidth", triwulan)
    tanggal = isian(driver, "perjanjian_kinerja.tanggal")
    assert tanggal.get_attribute("type") == "text" and tanggal.get_attribute("value") == "16 Januari 2023"
    ketik(driver, "perjanjian_kinerja.tanggal", "17-01-2023")
    assert Select(isian(driver, "iku.1.arah")).options[0].text == "(bawaan: naik)"
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", anggaran)
    potret(driver, tmp_path, "9-rupiah")
    tekan(driver, "#tombol-simpan")
    tunggu(lambda: driver.find_elements(By.ID, "kabar") and "Tersimpan" in driver.find_element(By.ID, "kabar").text)
    data = tomllib.loads(berkas.read_text(encoding="utf-8"))
    assert data["program"][0]["anggaran"] == 18456789000
    assert data["program"][0]["realisasi_triwulan"] == {"1": 1500000000}
    assert str(data["perjanjian_kinerja"]["tanggal"]) == "2023-01-17"
    assert isian(driver, "program.0.anggaran").get_attribute("value") == "18.456.789.000"
    assert isian(driver, "perjanjian_kinerja.tanggal").get_attribute("value") == "17 Januari 2023"


def test_pratinjau_pk_dengan_tombol_bagiannya(layanan, driver, tmp_path: Path) -> None:
    """Issue 17.14: the PK section's button shows the PK's pages in the preview, from the warm LibreOffice."""
    from selenium.webdriver.common.by import By

    alamat, _, _ = layanan
    driver.get(alamat)
    versi_awal = tunggu(lambda: versi_pratinjau(driver))

    def judul_pratinjau() -> list[str]:
        return [h.text for h in driver.find_elements(By.CSS_SELECTOR, "#halaman-pratinjau h3")]

    assert judul_pratinjau() == ["Keputusan", "Lampiran"]
    tekan(driver, '#bagian-perjanjian-kinerja button.lihat-pratinjau[data-naskah="perjanjian_kinerja"]')
    tunggu(lambda: (v := versi_pratinjau(driver)) and v != versi_awal and judul_pratinjau() == ["Perjanjian Kinerja"])
    halaman = driver.find_elements(By.CSS_SELECTOR, "#halaman-pratinjau img.halaman")
    assert len(halaman) >= 2 and all(i.get_attribute("alt").startswith("Perjanjian Kinerja halaman") for i in halaman)
    potret(driver, tmp_path, "10-pratinjau-pk")


def test_label_butir_dari_server_juga_sesudah_seratus(tmp_path: Path, driver) -> None:
    """Issue 19.2: the page's script numbers lists with the server's labels (bahasa.label_butir), so a
    101st diktum added in the page reads KESERATUS SATU as printed, not KE101; removing the first item
    renumbers every label the same way; Mengingat follows [format] mengingat."""
    from selenium.webdriver.common.by import By

    from bantu import data_contoh, tulis_data
    from iku.bahasa import label_butir

    data = data_contoh()
    data["format"]["mengingat"] = "huruf"
    data["keputusan"]["menimbang"] = [f"bahwa butir pertimbangan ke-{n};" for n in range(1, 104)]
    data["keputusan"]["memutuskan"] = [f"Diktum ke-{n}." for n in range(1, 101)]
    berkas = tulis_data(tmp_path / "iku.toml", data)
    with tanpa_pratinjau(berkas, tmp_path) as alamat:
        driver.get(alamat)

        def label(daftar: str) -> list[str]:
            return driver.execute_script(
                "return Array.from(document.querySelectorAll("
                "'ol[data-daftar=\"' + arguments[0] + '\"] > li > .nomor')).map(s => s.textContent)",
                daftar,
            )

        def seharusnya(penomoran: str, jumlah: int) -> list[str]:
            return [label_butir(penomoran, n) for n in range(1, jumlah + 1)]

        assert label("keputusan.mengingat") == seharusnya("huruf", 7)
        tekan(driver, 'button.tambah[data-daftar="keputusan.memutuskan"]')
        tekan(driver, 'button.tambah[data-daftar="keputusan.memutuskan"]')
        assert label("keputusan.memutuskan") == seharusnya("diktum", 102)
        assert label("keputusan.memutuskan")[100:] == ["KESERATUS SATU", "KESERATUS DUA"]
        tekan(driver, 'button.tambah[data-daftar="keputusan.menimbang"]')
        tekan(driver, 'button[name="aksi"][value="hapus:keputusan.menimbang.0"]')
        assert label("keputusan.menimbang") == seharusnya("huruf", 103)
        assert label("keputusan.menimbang")[-1] == "cy."
        assert isian(driver, "keputusan.menimbang.0").get_attribute("value") == "bahwa butir pertimbangan ke-2;"
        terakhir = driver.find_element(By.CSS_SELECTOR, 'ol[data-daftar="keputusan.memutuskan"] > li:last-child')
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", terakhir)
        potret(driver, tmp_path, "11-diktum-keseratus")


def test_kolom_lampiran_dan_perubahan_di_peramban(tmp_path: Path, driver) -> None:
    """Issue 19.3: [lampiran] kolom is chosen item by item in the page (added by the script, each a
    choice of the model's column names) and [perubahan] typed in its own section; both are saved."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    berkas = salin_config(tmp_path / "iku.toml")
    with tanpa_pratinjau(berkas, tmp_path) as alamat:
        driver.get(alamat)
        for i, kolom in enumerate(("no", "indikator", "penanggung_jawab")):
            tekan(driver, 'button.tambah[data-daftar="lampiran.kolom"]')
            Select(isian(driver, f"lampiran.kolom.{i}")).select_by_value(kolom)
        tekan(driver, 'button[name="aksi"][value="naik:lampiran.kolom.2"]')
        nomor = driver.find_elements(By.CSS_SELECTOR, 'ol[data-daftar="lampiran.kolom"] > li > .nomor')
        assert [n.text for n in nomor] == ["1.", "2.", "3."]
        ketik(driver, "perubahan.nomor", "400.9/2248.1/Dinsos/2022")
        ketik(driver, "perubahan.tentang", "Penetapan Indikator Kinerja Utama")
        tekan(driver, 'button.tambah[data-daftar="perubahan.alasan_hapus"]')
        ketik(driver, "perubahan.alasan_hapus.0.kunci", "Persentase Penanganan PMKS")
        ketik(driver, "perubahan.alasan_hapus.0.nilai", "Diukur unit lain")
        driver.execute_script(
            "arguments[0].scrollIntoView({block: 'start'})", driver.find_element(By.ID, "daftar-lampiran.kolom")
        )
        potret(driver, tmp_path, "12-kolom-lampiran")
        tekan(driver, "#tombol-simpan")
        tunggu(lambda: driver.find_elements(By.ID, "kabar") and "Tersimpan" in driver.find_element(By.ID, "kabar").text)
        data = tomllib.loads(berkas.read_text(encoding="utf-8"))
        assert data["lampiran"] == {"kolom": ["no", "penanggung_jawab", "indikator"]}
        assert data["perubahan"] == {
            "nomor": "400.9/2248.1/Dinsos/2022",
            "tentang": "Penetapan Indikator Kinerja Utama",
            "alasan_hapus": {"Persentase Penanganan PMKS": "Diukur unit lain"},
        }
        bagian = driver.find_element(By.ID, "bagian-perubahan")
        driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", bagian)
        potret(driver, tmp_path, "13-perubahan")
