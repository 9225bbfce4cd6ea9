"""`iku serve --kabupaten FOLDER`: a kabupaten of five agencies built here, through Flask's test client.

The landing page lists every agency with the counts `iku check` gives, pemda.toml's state and the
gap report `iku kabupaten --check` gives; each agency opens in today's form under its own address,
with today's guarantees (byte-stable, nothing written on error); pemda.toml opens in its own form,
read from its model, with the same guarantees.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from test_kabupaten import buat_folder
from werkzeug.datastructures import MultiDict

from bantu import TEMPLATES, isian_formulir
from iku.kabupaten.baca import baca_kabupaten
from iku.kabupaten.kaskade import celah
from iku.penyunting.aplikasi import Pengaturan, buat_aplikasi
from iku.periksa.jalankan import periksa

ALAMAT = "http://127.0.0.1:8000"


class Tab:
    """A browser tab on one page of the server: load it, change fields, press a button."""

    def __init__(self, http, jalur: str) -> None:
        self.http, self.jalur, self.html = http, jalur, ""

    def buka(self) -> str:
        r = self.http.get(self.jalur, base_url=ALAMAT)
        assert r.status_code == 200, r.get_data(as_text=True)[:500]
        self.html = r.get_data(as_text=True)
        return self.html

    def kirim(self, ubah: dict[str, str] | None = None, tombol: tuple[str, str] = ("simpan", "1")):
        ubah = ubah or {}
        isian = [(k, ubah.get(k, v)) for k, v in isian_formulir(self.html)]
        isian += [(k, v) for k, v in ubah.items() if k not in dict(isian)] + [tombol]
        aksi = re.search(r'<form method="post" action="([^"]+)" id="formulir"', self.html)
        assert aksi, "halaman tanpa formulir"
        r = self.http.post(aksi.group(1), data=MultiDict(isian), base_url=ALAMAT)
        self.html = r.get_data(as_text=True)
        return r


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return buat_folder(tmp_path / "kab")


@pytest.fixture
def http(folder: Path):
    p = Pengaturan(folder / "pemda.toml", folder.parent / "output", TEMPLATES, "127.0.0.1", 8000, folder)
    return buat_aplikasi(p).test_client()


def teks(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&#34;", '"')


def baris_tabel(html: str) -> dict[str, list[str]]:
    """The landing page's agency table: file -> its cells' text."""
    hasil = {}
    for tr in re.findall(r'<tr id="instansi-[^"]+"[^>]*>(.*?)</tr>', html, re.DOTALL):
        sel = [teks(t).strip() for t in re.findall(r"<td[^>]*>(.*?)</td>", tr, re.DOTALL)]
        hasil[sel[0]] = sel[1:]
    return hasil


def pesan_di(html: str, nama: str) -> str:
    cocok = re.search(rf'<div class="pesan" data-untuk="{re.escape(nama)}"[^>]*>(.*?)</div>', html, re.DOTALL)
    assert cocok, f"tidak ada kotak pesan untuk {nama}"
    return teks(cocok.group(1)).strip()


# ---------------------------------------------------------------- the landing page


def test_beranda_mendaftar_instansi_dengan_hasil_iku_check(folder: Path, http) -> None:
    (folder / "inspektorat.toml").write_text(
        (folder / "inspektorat.toml").read_text(encoding="utf-8").replace('nip = "', 'nip = "12', 1), encoding="utf-8"
    )  # a NIP of 20 digits: an error of iku check
    html = Tab(http, "/").buka()
    tabel = baris_tabel(html)
    assert list(tabel) == ["bappeda.toml", "dinkes.toml", "dinsos.toml", "inspektorat.toml", "kecamatan.toml"]
    for berkas, sel in tabel.items():
        hasil = periksa(folder / berkas, TEMPLATES)
        assert sel[1:3] == [str(len(hasil.galat)), str(len(hasil.peringatan))], berkas
        assert sel[3] == "Sunting"
    assert tabel["inspektorat.toml"][:2] == ["Inspektorat Daerah Kabupaten Buleleng", "1"]
    assert tabel["dinsos.toml"][:3] == ["Dinas Sosial Kabupaten Buleleng", "0", "0"]
    assert re.search(r'<tr id="instansi-inspektorat" class="ada-galat">', html)
    tautan = re.findall(r'<a href="([^"]+)" class="buka">', html)
    assert tautan == [f"/instansi/{b.removesuffix('.toml')}/" for b in tabel]
    assert 'href="/pemda/" id="buka-pemda"' in html
    # an agency with an error: iku kabupaten refuses, and says why, with the file and a link to the field
    assert "1 kesalahan" in teks(html) and "iku kabupaten belum dapat membuat dokumen" in teks(html)
    assert re.search(r'<a href="/instansi/inspektorat/#isian-penandatangan\.nip">NIP harus 18 angka', html)


def test_beranda_menampilkan_celah_kaskade(folder: Path, http) -> None:
    html = Tab(http, "/").buka()
    celah_html = re.search(r'<ul id="celah">(.*?)</ul>', html, re.DOTALL)
    assert celah_html, "laporan celah tidak tampil"
    butir = [teks(b).strip() for b in re.findall(r"<li[^>]*>(.*?)</li>", celah_html.group(1), re.DOTALL)]
    harapan = celah(baca_kabupaten(folder))
    assert len(butir) == len(harapan) == 3
    for b, m in zip(butir, harapan):
        assert m.pesan in b and (m.saran or "") in b and str(m.berkas.name) in b
    assert butir[0].startswith("pemda.toml:") and 'sasaran S4 "Meningkatnya kualitas lingkungan hidup"' in butir[0]
    assert butir[1].startswith("bappeda.toml:") and "menyebut sasaran Pemda" in butir[1]
    assert "Celah kaskade (3)" in teks(html) and "0 kesalahan, 0 peringatan" in teks(html)
    assert re.search(r'<a href="/pemda/#isian-sasaran\.3">sasaran S4', html)


def test_beranda_tahun_berbeda_ditolak_seperti_iku_kabupaten(folder: Path, http) -> None:
    berkas = folder / "kecamatan.toml"
    berkas.write_text(berkas.read_text(encoding="utf-8").replace("tahun = 2023", "tahun = 2024", 1), encoding="utf-8")
    pemda = folder / "pemda.toml"
    pemda.write_text(
        pemda.read_text(encoding="utf-8").replace('["Inspektorat', '["Inspektorat Wilayah'), encoding="utf-8"
    )
    html = Tab(http, "/").buka()
    assert '<ul id="celah">' not in html
    galat = teks(re.search(r'<ul id="galat-kabupaten">(.*?)</ul>', html, re.DOTALL).group(1))
    assert "kecamatan.toml:" in galat and "tahun 2024 berbeda dengan tahun 2023 di pemda.toml" in galat
    assert 'penanggung jawab "Inspektorat Wilayah Daerah Kabupaten Buleleng" bukan perangkat daerah' in galat
    assert re.search(r'<p id="status-pemda" class="ada-galat">1 kesalahan, 0 peringatan', html)


# ---------------------------------------------------------------- an agency's form under its own address


def test_instansi_dibuka_di_alamatnya_sendiri(http) -> None:
    tab = Tab(http, "/instansi/dinsos/")
    html = tab.buka()
    assert 'action="/instansi/dinsos/" id="formulir" data-periksa="/instansi/dinsos/periksa"' in html
    assert 'data-keadaan="/instansi/dinsos/pratinjau.json" data-pilih="/instansi/dinsos/pratinjau"' in html
    assert 'href="/" id="ke-kabupaten"' in html
    assert 'name="buat"' not in html and "iku kabupaten" in html
    assert dict(isian_formulir(html))["instansi.nama"] == "Dinas Sosial Kabupaten Buleleng"
    r = http.get("/instansi/tidak-ada/", base_url=ALAMAT)
    assert r.status_code == 404 and 'href="/"' in r.text and "Berkas itu tidak ada di folder ini" in r.text
    for jalur in ("/instansi/tidak-ada/", "/instansi/pemda/", "/instansi/..%2Fpemda/", "/instansi/dinsos/beda"):
        assert http.get(jalur, base_url=ALAMAT).status_code == 404, jalur


def test_instansi_disimpan_dengan_jaminan_yang_sama(folder: Path, http) -> None:
    kecamatan = folder / "kecamatan.toml"  # its third [[iku]] row is written at the end of the file
    sebelum = kecamatan.read_bytes()
    tab = Tab(http, "/instansi/kecamatan/")
    tab.buka()
    assert tab.kirim().status_code == 200 and kecamatan.read_bytes() == sebelum  # byte-stable round trip

    berkas = folder / "inspektorat.toml"
    sebelum = berkas.read_bytes()
    tab = Tab(http, "/instansi/inspektorat/")
    tab.buka()
    r = tab.kirim({"penandatangan.nip": "1969 1231"})
    assert r.status_code == 422 and berkas.read_bytes() == sebelum  # nothing written on error
    assert "NIP harus 18 angka" in pesan_di(tab.html, "penandatangan.nip")
    assert dict(isian_formulir(tab.html))["penandatangan.nip"] == "1969 1231"

    tab.buka()
    r = tab.kirim({"keputusan.nomor": "000.8.3/999/INSP/2023"})
    assert r.status_code == 200 and "Tersimpan." in tab.html
    lama, baru = sebelum.decode().splitlines(), berkas.read_text(encoding="utf-8").splitlines()
    assert [(a, b) for a, b in zip(lama, baru) if a != b] == [
        (next(x for x in lama if x.startswith("nomor = ")), 'nomor = "000.8.3/999/INSP/2023"')
    ]
    assert tomllib.loads(berkas.read_text(encoding="utf-8"))["iku"][0]["sasaran_pemda"] == "S3"  # unknown to the form
    assert http.post("/instansi/inspektorat/", data={"buat": "1"}, base_url=ALAMAT).status_code == 403  # no token
    token = dict(isian_formulir(tab.html))["_token"]
    assert http.post("/instansi/inspektorat/", data={"_token": token, "buat": "1"}, base_url=ALAMAT).status_code == 404


def test_periksa_sambil_mengetik_di_alamat_instansi(folder: Path, http) -> None:
    tab = Tab(http, "/instansi/bappeda/")
    tab.buka()
    isian = dict(isian_formulir(tab.html)) | {"keputusan.tanggal": "32 Maret 2023"}
    sebelum = (folder / "bappeda.toml").read_bytes()
    r = http.post("/instansi/bappeda/periksa", data=MultiDict(list(isian.items())), base_url=ALAMAT)
    assert r.status_code == 200 and r.get_json()["galat"]["keputusan.tanggal"][0].startswith("bukan tanggal yang sah")
    assert (folder / "bappeda.toml").read_bytes() == sebelum


# ---------------------------------------------------------------- pemda.toml's own form


def test_formulir_pemda_dari_modelnya(folder: Path, http) -> None:
    tab = Tab(http, "/pemda/")
    html = tab.buka()
    nilai = dict(isian_formulir(html))
    assert nilai["tahun"] == "2023" and nilai["pemerintah.kepala.jabatan"] == "Bupati Buleleng"
    assert nilai["keputusan.tanggal"] == "10 Januari 2023" and nilai["rencana.dokumen"] == "RPD"
    assert nilai["sasaran.3.kode"] == "S4" and nilai["iku.0.kondisi_awal"] == "6,12"
    assert [nilai[f"iku.0.target.{t}"] for t in range(2023, 2027)] == ["5,9", "5,6", "5,3", "5,0"]
    assert (
        nilai["iku.1.target.2025"] == "" and nilai["iku.0.penanggung_jawab.1"] == "Dinas Kesehatan Kabupaten Buleleng"
    )
    assert nilai["iku.0.arah"] == "turun" and nilai["iku.1.arah"] == ""
    assert '<label for="isian-iku.0.urusan">Bidang urusan pemerintahan</label>' in html
    label = re.findall(r'<ol class="butir-butir" data-daftar="keputusan.mengingat".*?</ol>', html, re.DOTALL)[0]
    assert re.findall(r'<span class="nomor">([^<]*)</span>', label) == ["1.", "2."]
    assert re.search(r'<option value="RPJMD">RPJMD</option><option value="RPD" selected>RPD</option>', html)
    assert 'href="/" id="ke-kabupaten"' in html and 'name="buat"' not in html


def test_pemda_disimpan_tanpa_perubahan_sama_bita(folder: Path, http) -> None:
    sebelum = (folder / "pemda.toml").read_bytes()
    tab = Tab(http, "/pemda/")
    tab.buka()
    assert tab.kirim().status_code == 200 and "Tersimpan." in tab.html
    assert (folder / "pemda.toml").read_bytes() == sebelum


def test_pemda_satu_isian_diubah_hanya_barisnya(folder: Path, http) -> None:
    berkas = folder / "pemda.toml"
    sebelum = berkas.read_text(encoding="utf-8")
    tab = Tab(http, "/pemda/")
    tab.buka()
    r = tab.kirim({"keputusan.nomor": "100.3.3.2/99/2023", "iku.1.target.2025": "14"})
    assert r.status_code == 200, pesan_di(tab.html, "")
    baru = berkas.read_text(encoding="utf-8")
    beda = [(a, b) for a, b in zip(sebelum.splitlines(), baru.splitlines()) if a != b]
    assert [a for a, _ in beda] == ['nomor = "100.3.3.2/12/2023"', "target = { 2023 = 10, 2024 = 12 }"]
    assert beda[0][1] == 'nomor = "100.3.3.2/99/2023"'
    assert tomllib.loads(beda[1][1]) == {"target": {"2023": 10, "2024": 12, "2025": 14}}
    baca_kabupaten(folder)  # still a valid kabupaten


@pytest.mark.parametrize(
    ("ubah", "nama", "pesan"),
    [
        (
            {"iku.3.penanggung_jawab.0": "Dinas Pariwisata Kabupaten Buleleng"},
            "iku.3.penanggung_jawab.0",
            'penanggung jawab "Dinas Pariwisata Kabupaten Buleleng" bukan perangkat daerah di folder ini',
        ),
        ({"iku.2.sasaran": "S9"}, "iku.2.sasaran", 'kode sasaran "S9" tidak ada di [[sasaran]] pemda.toml'),
        ({"keputusan.tanggal": "10 Jnauari 2023"}, "keputusan.tanggal", "bukan tanggal yang sah"),
        ({"iku.0.kondisi_awal": "enam"}, "iku.0.kondisi_awal", "harus berupa angka"),
        ({"rencana.dokumen": "Renstra"}, "rencana.dokumen", "RPJMD"),
    ],
)
def test_pemda_salah_tidak_ditulis_dan_pesannya_jelas(folder: Path, http, ubah, nama: str, pesan: str) -> None:
    sebelum = (folder / "pemda.toml").read_bytes()
    tab = Tab(http, "/pemda/")
    tab.buka()
    r = tab.kirim(ubah)
    assert r.status_code == 422 and (folder / "pemda.toml").read_bytes() == sebelum
    assert pesan in pesan_di(tab.html, nama)
    assert "Belum disimpan" in tab.html and dict(isian_formulir(tab.html))[nama] == next(iter(ubah.values()))


def test_pemda_sasaran_dihapus_dan_celahnya_hilang(folder: Path, http) -> None:
    tab = Tab(http, "/pemda/")
    tab.buka()
    r = tab.kirim(tombol=("aksi", "hapus:sasaran.3"))  # without scripts: the server removes the row
    assert r.status_code == 200 and "sasaran.3.kode" not in dict(isian_formulir(tab.html))
    r = tab.kirim()
    assert r.status_code == 200, pesan_di(tab.html, "")
    data = tomllib.loads((folder / "pemda.toml").read_text(encoding="utf-8"))
    assert [s["kode"] for s in data["sasaran"]] == ["S1", "S2", "S3"] and len(data["iku"]) == 4
    html = Tab(http, "/").buka()
    assert "Celah kaskade (2)" in teks(html) and "S4" not in teks(
        re.search(r'<ul id="celah">.*?</ul>', html, re.DOTALL)[0]
    )


def test_pemda_baris_iku_baru_dengan_penanggung_jawab(folder: Path, http) -> None:
    tab = Tab(http, "/pemda/")
    tab.buka()
    tab.kirim(tombol=("aksi", "tambah:iku"))
    tab.kirim(tombol=("aksi", "tambah:iku.4.penanggung_jawab"))
    r = tab.kirim(
        {
            "iku.4.sasaran": "S4",
            "iku.4.urusan": "Lingkungan Hidup",
            "iku.4.indikator": "Indeks Kualitas Lingkungan Hidup",
            "iku.4.satuan": "indeks",
            "iku.4.target.2023": "70,5",
            "iku.4.penanggung_jawab.0": "Kecamatan Sukasada",
        }
    )
    assert r.status_code == 200, pesan_di(tab.html, "")
    baris = tomllib.loads((folder / "pemda.toml").read_text(encoding="utf-8"))["iku"][4]
    assert baris == {
        "sasaran": "S4",
        "urusan": "Lingkungan Hidup",
        "indikator": "Indeks Kualitas Lingkungan Hidup",
        "satuan": "indeks",
        "target": {"2023": 70.5},
        "penanggung_jawab": ["Kecamatan Sukasada"],
    }
    assert baca_kabupaten(folder).pemda.pemda.iku[4].penanggung_jawab == ["Kecamatan Sukasada"]


def test_pemda_berubah_di_disk_tidak_ditimpa(folder: Path, http) -> None:
    tab = Tab(http, "/pemda/")
    tab.buka()
    berkas = folder / "pemda.toml"
    berkas.write_text(berkas.read_text(encoding="utf-8").replace("Singaraja", "Kota Singaraja", 1), encoding="utf-8")
    sesudah = berkas.read_bytes()
    r = tab.kirim({"keputusan.nomor": "100.3.3.2/99/2023"})
    assert r.status_code == 409 and berkas.read_bytes() == sesudah and 'id="konflik"' in tab.html


# ---------------------------------------------------------------- the command


def test_serve_kabupaten_dari_baris_perintah(folder: Path) -> None:
    import signal
    import subprocess
    import sys
    import urllib.request

    from bantu import AKAR

    perintah = [sys.executable, "-m", "iku.cli", "serve", "--kabupaten", str(folder), "--port", "0", "--no-browser"]
    proses = subprocess.Popen(perintah, cwd=AKAR, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        baris = proses.stdout.readline()
        assert f"(kabupaten {folder})" in baris
        alamat = re.search(r"http://127\.0\.0\.1:\d+/", baris).group(0)
        html = urllib.request.urlopen(alamat, timeout=120).read().decode()
        assert list(baris_tabel(html))[:2] == ["bappeda.toml", "dinkes.toml"] and "Celah kaskade (3)" in teks(html)
        assert "IKU Pemerintah Daerah" in urllib.request.urlopen(alamat + "pemda/", timeout=60).read().decode()
    finally:
        proses.send_signal(signal.SIGTERM)
        proses.communicate(timeout=60)

    (folder / "pemda.toml").unlink()
    tanpa = subprocess.run(perintah, cwd=AKAR, capture_output=True, text=True, timeout=60)
    assert tanpa.returncode == 3 and "pemda.toml" in tanpa.stderr and "Traceback" not in tanpa.stderr


def test_berkas_instansi_rusak_tetap_terdaftar(folder: Path, http) -> None:
    (folder / "dinkes.toml").write_text('tahun = 2023\n[instansi\nnama = "Dinas Kesehatan"\n', encoding="utf-8")
    html = Tab(http, "/").buka()
    assert baris_tabel(html)["dinkes.toml"][:2] == ["(nama tidak terbaca)", "1"]
    assert "dinkes.toml:2" in teks(re.search(r'<ul id="galat-kabupaten">(.*?)</ul>', html, re.DOTALL).group(1))
    form = Tab(http, "/instansi/dinkes/").buka()
    assert "tidak dapat dibuka sebagai formulir" in form and 'id="formulir"' not in form
