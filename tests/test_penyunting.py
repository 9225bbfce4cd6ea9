"""`iku serve`: the editor's pages through Flask's test client, on real files in tmp_path.

What a clerk relies on: every section has its fields (named by key path), a save writes
only what changed (comments and other lines byte for byte), a wrong value writes nothing
and keeps what was typed, a file changed on disk is never overwritten, and the generate
button writes the same archive as the command line.
"""

from __future__ import annotations

import io
import re
import tomllib
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from bantu import CONFIG_CONTOH, TEMPLATES, isian_formulir, salin_config, tanpa_bagian, teks_pdf
from iku.bahasa import label_butir
from iku.penyunting.aplikasi import Pengaturan, buat_aplikasi, host_diterima, loopback
from iku.penyunting.peta import dari_kunci

ALAMAT = "http://127.0.0.1:8000"


class Klien:
    """A browser tab: loads the page, edits fields, presses buttons."""

    def __init__(self, app) -> None:
        self.http = app.test_client()
        self.html = ""

    def buka(self) -> str:
        r = self.http.get("/", base_url=ALAMAT)
        assert r.status_code == 200
        self.html = r.get_data(as_text=True)
        return self.html

    def isian(self) -> list[tuple[str, str]]:
        return isian_formulir(self.html)

    def kirim(
        self,
        ubah: dict[str, str] | None = None,
        tombol: tuple[str, str] = ("simpan", "1"),
        tambahan: list[tuple[str, str]] | None = None,
        buang: tuple[str, ...] = (),
    ):
        ubah = ubah or {}
        isian = [(k, ubah.get(k, v)) for k, v in self.isian() if k not in buang]
        isian += [(k, v) for k, v in ubah.items() if k not in dict(isian)] + (tambahan or []) + [tombol]
        r = self.http.post("/", data=MultiDict(isian), base_url=ALAMAT)
        self.html = r.get_data(as_text=True)
        return r


@pytest.fixture
def berkas(tmp_path: Path) -> Path:
    return salin_config(tmp_path / "iku.toml")


@pytest.fixture
def app(berkas: Path):
    return buat_aplikasi(Pengaturan(berkas, berkas.parent / "output", TEMPLATES, "127.0.0.1", 8000))


@pytest.fixture
def tab(app) -> Klien:
    k = Klien(app)
    k.buka()
    return k


def nilai(html: str, nama: str) -> str | None:
    return dict(isian_formulir(html)).get(nama)


def pesan_di(html: str, nama: str) -> str:
    """The text of the message box beside one field."""
    cocok = re.search(rf'<div class="pesan" data-untuk="{re.escape(nama)}"[^>]*>(.*?)</div>', html, re.DOTALL)
    assert cocok, f"tidak ada kotak pesan untuk {nama}"
    return re.sub(r"<[^>]+>", "", cocok.group(1)).strip()


def beda_baris(a: str, b: str) -> list[tuple[str, str]]:
    return [(x, y) for x, y in zip(a.splitlines(), b.splitlines()) if x != y]


# ---------------------------------------------------------------- the page


def test_setiap_bagian_punya_isian_bernama_jalur_kunci(tab: Klien) -> None:
    nama = [k for k, _ in tab.isian()]
    for wajib in (
        "tahun",
        "instansi.nama",
        "format.kertas",
        "penandatangan.nip",
        "keputusan.nomor",
        "keputusan.tanggal",
        "keputusan.menimbang.0",
        "keputusan.mengingat.6",
        "keputusan.memutuskan.3",
        "rencana.tahun_awal",
        "dokumen.kata_pengantar",
        "struktur.2.nama",
        "struktur.2.membawahi.1",
        "iku.0.sasaran",
        "iku.0.formulasi",
        "iku.1.formulasi.pembilang",
        "iku.1.formulasi.penyebut",
        "iku.1.formulasi.kali",
        "iku.1.target.2024",
        "iku.0.kondisi_awal",
    ):
        assert wajib in nama
    assert re.search(r'<button[^>]*name="simpan"', tab.html) and re.search(r'<button[^>]*name="buat"', tab.html)
    assert nilai(tab.html, "iku.1.target.2024") == "9,86"
    assert nilai(tab.html, "keputusan.tanggal") == "22 Maret 2022"


def test_penomoran_seperti_tercetak(tab: Klien) -> None:
    halaman = re.sub(r"<template.*?</template>", "", tab.html, flags=re.DOTALL)
    nomor = re.findall(r'<span class="nomor">([^<]*)</span>', halaman)
    assert nomor[:2] == ["a.", "b."]
    assert nomor[2:9] == [f"{i}." for i in range(1, 8)]
    assert nomor[9:13] == ["KESATU", "KEDUA", "KETIGA", "KEEMPAT"]


def test_label_dan_nama_kunci() -> None:
    assert [label_butir("huruf", n) for n in (1, 2, 26, 27, 103)] == ["a.", "b.", "z.", "aa.", "cy."]
    assert [label_butir("diktum", n) for n in (1, 12, 100, 101)] == [
        "KESATU",
        "KEDUA BELAS",
        "KESERATUS",
        "KESERATUS SATU",
    ]
    assert label_butir("angka", 100) == "100."
    assert dari_kunci("keputusan.menimbang[3]") == "keputusan.menimbang.2"
    assert dari_kunci("iku[2].formulasi.pembilang") == "iku.1.formulasi.pembilang"


# ---------------------------------------------------------------- saving


def test_simpan_tanpa_perubahan_tidak_mengubah_satu_bita(tab: Klien, berkas: Path) -> None:
    sebelum = berkas.read_bytes()
    r = tab.kirim()
    assert r.status_code == 200 and "Tersimpan." in tab.html
    assert berkas.read_bytes() == sebelum


def test_satu_menimbang_diubah_hanya_barisnya_yang_berubah(tab: Klien, berkas: Path) -> None:
    sebelum = berkas.read_text(encoding="utf-8")
    tab.kirim({"keputusan.menimbang.0": "bahwa untuk menetapkan IKU perlu keputusan;"})
    sesudah = berkas.read_text(encoding="utf-8")
    assert beda_baris(sebelum, sesudah) == [
        (
            next(b for b in sebelum.splitlines() if b.startswith('    "bahwa untuk melaksanakan')),
            '    "bahwa untuk menetapkan IKU perlu keputusan;",',
        )
    ]
    assert len(sebelum.splitlines()) == len(sesudah.splitlines())


def test_target_dan_rumus_pecahan(tab: Klien, berkas: Path) -> None:
    tab.kirim(
        {
            "iku.1.target.2024": "9,90",
            "iku.1.formulasi.kali": "",
            "iku.0.formulasi.pembilang": "A",
            "iku.0.formulasi.penyebut": "B",
        }
    )
    data = tomllib.loads(berkas.read_text(encoding="utf-8"))
    assert "target = { 2023 = 6.86, 2024 = 9.90, 2025 = 12.86, 2026 = 15.86 }" in berkas.read_text(encoding="utf-8")
    assert data["iku"][1]["formulasi"] == {
        "pembilang": "Jumlah PMKS yang tertangani",
        "penyebut": "Jumlah PMKS yang ada",
    }
    assert data["iku"][0]["formulasi"] == {"pembilang": "A", "penyebut": "B"}


def test_nip_salah_tidak_menulis_dan_pesan_di_samping_isian(tab: Klien, berkas: Path) -> None:
    sebelum = berkas.read_bytes()
    r = tab.kirim({"penandatangan.nip": "1969 123", "instansi.kota": "Kota <b>Baru</b>"})
    assert r.status_code == 422
    assert berkas.read_bytes() == sebelum
    assert "NIP harus 18 angka" in pesan_di(tab.html, "penandatangan.nip")
    assert nilai(tab.html, "penandatangan.nip") == "1969 123"  # what was typed is kept
    assert nilai(tab.html, "instansi.kota") == "Kota <b>Baru</b>"
    assert "Belum disimpan" in tab.html


def test_tanggal_dan_angka_tak_sah(tab: Klien, berkas: Path) -> None:
    sebelum = berkas.read_bytes()
    r = tab.kirim({"keputusan.tanggal": "22 Maret", "iku.0.kondisi_awal": "enam", "keputusan.menimbang.1": " "})
    assert r.status_code == 422 and berkas.read_bytes() == sebelum
    assert "bukan tanggal yang sah" in pesan_di(tab.html, "keputusan.tanggal")
    assert "harus berupa angka" in pesan_di(tab.html, "iku.0.kondisi_awal")
    assert "tidak boleh kosong" in pesan_di(tab.html, "keputusan.menimbang.1")


def test_peringatan_tata_naskah_di_samping_isian(tab: Klien, berkas: Path) -> None:
    r = tab.kirim({"keputusan.menimbang.0": "a. bahwa sesuatu;"})
    assert r.status_code == 200  # a warning does not stop the save
    assert "a. bahwa sesuatu;" in berkas.read_text(encoding="utf-8")
    assert pesan_di(tab.html, "keputusan.menimbang.0")


def test_teks_pengguna_tampil_sebagai_teks(tab: Klien, berkas: Path) -> None:
    jahat = 'bahwa <script>alert("x")</script> & {{ 7*7 }};'
    tab.kirim({"keputusan.menimbang.0": jahat})
    html = tab.buka()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; {{ 7*7 }}" in html
    assert tomllib.loads(berkas.read_text(encoding="utf-8"))["keputusan"]["menimbang"][0] == jahat


def test_baris_baru_textarea_dan_crlf(tab: Klien, berkas: Path) -> None:
    tab.kirim({"dokumen.latar_belakang": 'Paragraf satu.\r\n\r\nParagraf "dua" \\ tiga.'})
    teks = berkas.read_text(encoding="utf-8")
    assert "\r" not in teks
    assert tomllib.loads(teks)["dokumen"]["latar_belakang"] == 'Paragraf satu.\n\nParagraf "dua" \\ tiga.'


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.text(
        st.characters(blacklist_categories=("Cc", "Cs", "Co"), blacklist_characters="\ufffe\uffff"),
        min_size=1,
        max_size=60,
    ).filter(lambda t: t.strip() and not t.strip().startswith("ISI:"))
)
def test_teks_apa_pun_tersimpan_utuh(tmp_path: Path, teks: str) -> None:
    berkas = salin_config(tmp_path / "iku-h.toml")
    tab = Klien(buat_aplikasi(Pengaturan(berkas, tmp_path / "output", TEMPLATES, "127.0.0.1", 8000)))
    tab.buka()
    tab.kirim({"keputusan.tentang": teks})
    assert tomllib.loads(berkas.read_text(encoding="utf-8"))["keputusan"]["tentang"] == teks.strip()


# ---------------------------------------------------------------- lists


def test_urutan_di_server_tanpa_javascript(tab: Klien, berkas: Path) -> None:
    diktum = tomllib.loads(berkas.read_text(encoding="utf-8"))["keputusan"]["memutuskan"]
    sebelum = berkas.read_bytes()
    r = tab.kirim(tombol=("aksi", "naik:keputusan.memutuskan.1"))
    assert r.status_code == 200 and berkas.read_bytes() == sebelum  # moving is not saving
    assert nilai(tab.html, "keputusan.memutuskan.0") == diktum[1]
    tab.kirim(tombol=("aksi", "tambah:keputusan.mengingat"))
    assert nilai(tab.html, "keputusan.mengingat.7") == ""
    tab.kirim({"keputusan.mengingat.7": "Peraturan Bupati Buleleng Nomor 1 Tahun 2023 tentang Contoh."})
    tab.kirim(tombol=("aksi", "hapus:keputusan.menimbang.0"))
    tab.kirim()
    data = tomllib.loads(berkas.read_text(encoding="utf-8"))["keputusan"]
    assert data["memutuskan"] == [diktum[1], diktum[0], *diktum[2:]]
    assert data["mengingat"][-1].startswith("Peraturan Bupati Buleleng Nomor 1 Tahun 2023")
    assert len(data["menimbang"]) == 1


def test_tembusan_kosong_lalu_diisi(tab: Klien, berkas: Path) -> None:
    tab.kirim(tombol=("aksi", "tambah:keputusan.tembusan"))
    tab.kirim({"keputusan.tembusan.0": "Bupati Buleleng"})
    assert tomllib.loads(berkas.read_text(encoding="utf-8"))["keputusan"]["tembusan"] == ["Bupati Buleleng"]


def test_baris_iku_dipindah_membawa_catatannya(tab: Klien, berkas: Path) -> None:
    sebelum = berkas.read_text(encoding="utf-8")
    tab.kirim(tombol=("aksi", "turun:iku.0"))
    r = tab.kirim()
    assert r.status_code == 200, pesan_di(tab.html, "")
    sesudah = berkas.read_text(encoding="utf-8")
    data = tomllib.loads(sesudah)
    assert [b["indikator"] for b in data["iku"]] == ["Persentase Penanganan PMKS", "Persentase Penduduk Miskin"]

    def isi(teks: str) -> list[str]:
        return sorted(b for b in teks.splitlines() if b.strip())

    assert isi(sebelum) == isi(sesudah)  # the same lines, moved (blank lines may shift)
    assert sesudah.index("# Sasaran strategis.") > sesudah.index('indikator = "Persentase Penanganan PMKS"')
    assert sesudah.index("# Indikator Kinerja Utama: satu blok") < sesudah.index("[[iku]]")


def test_unit_dan_baris_iku_baru(tab: Klien, berkas: Path) -> None:
    tab.kirim(tombol=("aksi", "tambah:struktur"))
    tab.kirim({"struktur.8.nama": "Unit Pelaksana Teknis"}, tombol=("aksi", "tambah:struktur.8.membawahi"))
    tab.kirim({"struktur.8.membawahi.0": "Subbagian Tata Usaha"}, tombol=("aksi", "tambah:iku"))
    baru = {
        "iku.2.sasaran": "Meningkatnya Pelayanan",
        "iku.2.indikator": "Persentase Pelayanan",
        "iku.2.satuan": "%",
        "iku.2.alasan": "Alasan.",
        "iku.2.formulasi": "Rumus.",
        "iku.2.sumber_data": "Dinas",
    }
    r = tab.kirim(baru)  # the PK and the LKjIP need target[tahun] and realisasi[tahun] of the new row
    assert r.status_code == 422
    assert "target tahun 2023 belum ada" in pesan_di(tab.html, "iku.2.target")
    assert "realisasi tahun 2023 belum diisi" in pesan_di(tab.html, "iku.2.realisasi")
    assert nilai(tab.html, "iku.2.realisasi.2021") == ""  # one field per year, kondisi awal .. tahun
    r = tab.kirim({"iku.2.target.2023": "5", "iku.2.realisasi.2023": "4,75", "iku.2.arah": "turun"})
    assert r.status_code == 200, pesan_di(tab.html, "")
    data = tomllib.loads(berkas.read_text(encoding="utf-8"))
    assert data["struktur"][-1] == {"nama": "Unit Pelaksana Teknis", "membawahi": ["Subbagian Tata Usaha"]}
    assert data["iku"][-1]["formulasi"] == "Rumus." and data["iku"][-1]["target"] == {"2023": 5}
    assert data["iku"][-1]["realisasi"] == {"2023": 4.75} and data["iku"][-1]["arah"] == "turun"
    assert "laporan_kinerja" in data and "perjanjian_kinerja" in data


# ---------------------------------------------------------------- PK, programmes, LKjIP, signature


def test_isian_siklus_kinerja_bernama_kontrak_dan_berisi_nilai_berkas(tab: Klien) -> None:
    isian = dict(tab.isian())
    assert {
        k: isian.get(k)
        for k in (
            "perjanjian_kinerja.tanggal",
            "perjanjian_kinerja.tempat",
            "perjanjian_kinerja.pihak_kedua.jabatan",
            "perjanjian_kinerja.pihak_kedua.nama",
            "perjanjian_kinerja.pihak_kedua.nip",
            "perjanjian_kinerja.pembuka",
            "program.0.nama",
            "program.3.anggaran",
            "program.3.realisasi",
            "program.3.keterangan",
            "iku.0.arah",
            "iku.1.arah",
            "iku.0.realisasi.2021",
            "iku.0.realisasi.2022",
            "iku.1.realisasi.2023",
            "laporan_kinerja.tanggal",
            "laporan_kinerja.kata_pengantar",
            "format.tanda_tangan",
            "tte.url_verifikasi",
        )
    } == {
        "perjanjian_kinerja.tanggal": "16 Januari 2023",
        "perjanjian_kinerja.tempat": "Singaraja",
        "perjanjian_kinerja.pihak_kedua.jabatan": "Bupati Buleleng",
        "perjanjian_kinerja.pihak_kedua.nama": "I Gede Suyasa",
        "perjanjian_kinerja.pihak_kedua.nip": "",
        "perjanjian_kinerja.pembuka": "",
        "program.0.nama": "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
        "program.3.anggaran": "1.250.000.000",
        "program.3.realisasi": "1.187.500.000",
        "program.3.keterangan": "APBD dan DAK Nonfisik",
        "iku.0.arah": "turun",
        "iku.1.arah": "naik",
        "iku.0.realisasi.2021": "6,12",
        "iku.0.realisasi.2022": "5,9",
        "iku.1.realisasi.2023": "6,66",
        "laporan_kinerja.tanggal": "20 Februari 2024",
        "laporan_kinerja.kata_pengantar": "",
        "format.tanda_tangan": "",
        "tte.url_verifikasi": "",
    }
    assert isian["iku.1.analisis"].startswith("Penanganan PMKS pada tahun laporan mencapai 6,66%")
    assert "program.5.nama" not in isian and "iku.0.realisasi.2024" not in isian
    assert re.search(r'<input type="text" id="isian-perjanjian_kinerja.tanggal"', tab.html)  # no en-US calendar


def test_arah_dan_tanda_tangan_adalah_pilihan(tab: Klien, berkas: Path) -> None:
    arah = re.search(r'<select id="isian-iku.0.arah" name="iku.0.arah">(.*?)</select>', tab.html, re.DOTALL)
    assert arah and re.findall(r'<option value="([^"]*)"', arah.group(1)) == ["", "naik", "turun"]
    assert '<option value="">(bawaan: naik)</option>' in arah.group(1)
    assert '<option value="turun" selected>turun: makin rendah makin baik</option>' in arah.group(1)
    ttd = re.search(
        r'<select id="isian-format.tanda_tangan" name="format.tanda_tangan">(.*?)</select>', tab.html, re.DOTALL
    )
    assert ttd and re.findall(r'<option value="([^"]*)"', ttd.group(1)) == ["", "basah", "elektronik", "srikandi"]
    sebelum = berkas.read_text(encoding="utf-8")
    r = tab.kirim({"iku.1.arah": "turun"})
    assert r.status_code == 200, pesan_di(tab.html, "")
    assert beda_baris(sebelum, berkas.read_text(encoding="utf-8")) == [('arah = "naik"', 'arah = "turun"')]


def test_tanda_tangan_elektronik(tab: Klien, berkas: Path) -> None:
    sebelum = berkas.read_text(encoding="utf-8")
    r = tab.kirim(
        {"format.tanda_tangan": "elektronik", "tte.url_verifikasi": "https://tte.bulelengkab.go.id/verifikasi/{nomor}"}
    )
    assert r.status_code == 200, pesan_di(tab.html, "")
    sesudah = berkas.read_text(encoding="utf-8")
    data = tomllib.loads(sesudah)
    assert data["format"] == {"kertas": "A4", "huruf": "Bookman Old Style", "tanda_tangan": "elektronik"}
    assert data["tte"] == {"url_verifikasi": "https://tte.bulelengkab.go.id/verifikasi/{nomor}"}
    assert 'huruf = "Bookman Old Style"\ntanda_tangan = "elektronik"\n' in sesudah
    baris = sesudah.splitlines()
    assert [
        b
        for b in baris
        if b
        not in (
            'tanda_tangan = "elektronik"',
            "[tte]",
            'url_verifikasi = "https://tte.bulelengkab.go.id/verifikasi/{nomor}"',
            "",
        )
    ] == [b for b in sebelum.splitlines() if b]  # every other line kept, in order
    assert nilai(tab.html, "format.tanda_tangan") == "elektronik"


def test_anggaran_program_diubah_hanya_barisnya(tab: Klien, berkas: Path) -> None:
    sebelum = berkas.read_text(encoding="utf-8")
    r = tab.kirim({"program.3.anggaran": "1.300.000.000"})  # thousands dots as a clerk types them
    assert r.status_code == 200, pesan_di(tab.html, "")
    assert beda_baris(sebelum, berkas.read_text(encoding="utf-8")) == [
        ("anggaran = 1250000000", "anggaran = 1300000000")
    ]
    assert nilai(tab.html, "program.3.anggaran") == "1.300.000.000"


@pytest.mark.parametrize(
    ("ketikan", "pesan"),
    [
        ("-5", "tidak boleh negatif"),
        ("1,5", "harus rupiah utuh"),
        ("1.5", "harus rupiah utuh"),
        ("", "wajib diisi"),
        ("satu juta", "harus rupiah utuh"),
    ],
)
def test_anggaran_salah_pesannya_di_samping_isian(tab: Klien, berkas: Path, ketikan: str, pesan: str) -> None:
    sebelum = berkas.read_bytes()
    r = tab.kirim({"program.2.anggaran": ketikan})
    assert r.status_code == 422 and berkas.read_bytes() == sebelum
    assert pesan in pesan_di(tab.html, "program.2.anggaran")
    assert nilai(tab.html, "program.2.anggaran") == ketikan
    assert '<a href="#isian-program.2.anggaran">Program 3: Anggaran (Rp)</a>' in tab.html


def test_nama_pihak_kedua_kosong_pesannya_di_samping_isian(tab: Klien, berkas: Path) -> None:
    r = tab.kirim({"perjanjian_kinerja.pihak_kedua.nama": " ", "perjanjian_kinerja.pihak_kedua.nip": "123"})
    assert r.status_code == 422
    assert "tidak boleh kosong" in pesan_di(tab.html, "perjanjian_kinerja.pihak_kedua.nama")
    assert "NIP harus 18 angka" in pesan_di(tab.html, "perjanjian_kinerja.pihak_kedua.nip")


def test_program_ditambah_dipindah_dan_dihapus(tab: Klien, berkas: Path) -> None:
    tab.kirim(tombol=("aksi", "tambah:program"))
    assert nilai(tab.html, "program.5.nama") == "" and nilai(tab.html, "_asal.program.5") == ""
    tab.kirim(
        {
            "program.5.nama": "Program Pemberdayaan Fakir Miskin",
            "program.5.anggaran": "75000000",
            "program.5.keterangan": "DAK",
        },
        tombol=("aksi", "naik:program.5"),
    )
    tab.kirim(tombol=("aksi", "hapus:program.1"))
    r = tab.kirim()
    assert r.status_code == 200, pesan_di(tab.html, "")
    teks = berkas.read_text(encoding="utf-8")
    program = tomllib.loads(teks)["program"]
    assert [p["nama"] for p in program] == [
        "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
        "Program Rehabilitasi Sosial",
        "Program Perlindungan dan Jaminan Sosial",
        "Program Pemberdayaan Fakir Miskin",
        "Program Penanganan Bencana",
    ]
    assert program[3] == {"nama": "Program Pemberdayaan Fakir Miskin", "anggaran": 75000000, "keterangan": "DAK"}
    assert "# Pagu anggaran (rupiah).\nanggaran = 6845312000\n" in teks  # the first block keeps its comments
    assert (
        teks.index("[[program]]")
        < teks.index("# Laporan Kinerja Instansi Pemerintah")
        < teks.index("[laporan_kinerja]")
    )


def test_bagian_opsional_yang_tidak_ada_tetap_tidak_ada(tab: Klien, berkas: Path) -> None:
    tanpa_bagian(berkas, "perjanjian_kinerja", "program", "laporan_kinerja")
    sebelum = berkas.read_bytes()
    tab.buka()
    assert "Bagian ini belum ada di berkas" in tab.html
    assert nilai(tab.html, "perjanjian_kinerja.tanggal") == "" and nilai(tab.html, "program.0.nama") is None
    assert tab.kirim().status_code == 200 and berkas.read_bytes() == sebelum  # empty fields write nothing
    r = tab.kirim(
        {
            "perjanjian_kinerja.tanggal": "2023-01-16",
            "perjanjian_kinerja.pihak_kedua.jabatan": "Bupati Buleleng",
            "perjanjian_kinerja.pihak_kedua.nama": "I Gede Suyasa",
        },
        tombol=("aksi", "tambah:program"),
    )
    r = tab.kirim({"program.0.nama": "Program Rehabilitasi Sosial", "program.0.anggaran": "1126750000"})
    assert r.status_code == 200, pesan_di(tab.html, "")
    teks = berkas.read_text(encoding="utf-8")
    assert teks.startswith(sebelum.decode("utf-8").rstrip("\n"))  # added after everything, nothing else touched
    data = tomllib.loads(teks)
    assert data["perjanjian_kinerja"] == {
        "tanggal": __import__("datetime").date(2023, 1, 16),
        "pihak_kedua": {"jabatan": "Bupati Buleleng", "nama": "I Gede Suyasa"},
    }
    assert data["program"] == [{"nama": "Program Rehabilitasi Sosial", "anggaran": 1126750000}]
    assert "laporan_kinerja" not in data and "tte" not in data


def test_bagian_opsional_dikosongkan_dihapus(tab: Klien, berkas: Path) -> None:
    r = tab.kirim({"laporan_kinerja.tanggal": ""})
    assert r.status_code == 200, pesan_di(tab.html, "")
    data = tomllib.loads(berkas.read_text(encoding="utf-8"))
    assert "laporan_kinerja" not in data and data["program"][-1]["nama"] == "Program Penanganan Bencana"
    r = tab.kirim({"perjanjian_kinerja.tanggal": ""})  # half empty: the missing date is said, nothing removed
    assert r.status_code == 422 and "wajib diisi" in pesan_di(tab.html, "perjanjian_kinerja.tanggal")
    tab.buka()
    sebelum = berkas.read_text(encoding="utf-8")
    pk = [k for k, _ in tab.isian() if k.startswith("perjanjian_kinerja.")]
    r = tab.kirim({k: "" for k in pk})
    assert r.status_code == 200, pesan_di(tab.html, "")
    teks = berkas.read_text(encoding="utf-8")
    assert (
        "perjanjian_kinerja" not in tomllib.loads(teks) and "Perjanjian Kinerja (PK)" in teks
    )  # its own comments stay
    program = sebelum.index("\n[[program]]") + 1
    judul_program = sebelum[sebelum.index("# ------", sebelum.index("\n[perjanjian_kinerja]")) : program]
    assert judul_program.startswith("# ------") and teks.endswith(judul_program + sebelum[program:])


# ---------------------------------------------------------------- conflicts


def test_berkas_berubah_di_disk_ditolak_dan_perubahannya_ditunjukkan(tab: Klien, berkas: Path) -> None:
    teks = berkas.read_text(encoding="utf-8").replace('kota = "Singaraja"', 'kota = "Denpasar"')
    berkas.write_text(teks, encoding="utf-8")
    r = tab.kirim({"keputusan.nomor": "400.9/1/Dinsos/2023"})
    assert r.status_code == 409
    assert berkas.read_text(encoding="utf-8") == teks  # the other edit is kept
    assert "-kota = &#34;Singaraja&#34;" in tab.html and "+kota = &#34;Denpasar&#34;" in tab.html
    assert nilai(tab.html, "keputusan.nomor") == "400.9/1/Dinsos/2023"  # nothing typed is lost


def test_tab_kedua_yang_basi_ditolak(app, berkas: Path) -> None:
    satu, dua = Klien(app), Klien(app)
    satu.buka(), dua.buka()
    assert satu.kirim({"keputusan.tempat": "Buleleng"}).status_code == 200
    assert dua.kirim({"keputusan.nomor": "X/1"}).status_code == 409
    data = tomllib.loads(berkas.read_text(encoding="utf-8"))["keputusan"]
    assert data["tempat"] == "Buleleng" and data["nomor"] == "400.9/2248.1/Dinsos/2022"


# ---------------------------------------------------------------- security


def test_tanpa_token_ditolak(tab: Klien, berkas: Path) -> None:
    sebelum = berkas.read_bytes()
    assert tab.kirim({"keputusan.nomor": "X"}, buang=("_token",)).status_code == 403
    assert tab.kirim({"keputusan.nomor": "X", "_token": "palsu"}).status_code == 403
    lain = Klien(tab.http.application)  # another browser: no session, so no token
    r = lain.http.post("/", data={"_token": "", "simpan": "1"}, base_url=ALAMAT)
    assert r.status_code == 403 and berkas.read_bytes() == sebelum


def test_host_dan_origin_asing_ditolak(tab: Klien, berkas: Path) -> None:
    assert tab.http.get("/", base_url="http://contoh.jahat:8000").status_code == 400
    assert tab.http.get("/", base_url="http://127.0.0.1:9999").status_code == 400
    sebelum = berkas.read_bytes()
    r = tab.http.post(
        "/", data=MultiDict(tab.isian() + [("simpan", "1")]), base_url=ALAMAT, headers={"Origin": "http://contoh.jahat"}
    )
    assert r.status_code == 403 and berkas.read_bytes() == sebelum
    assert tab.http.get("/", base_url="http://localhost:8000").status_code == 200


def test_alamat_yang_diterima() -> None:
    p = Pengaturan(Path("x"), Path("o"), Path("t"), "127.0.0.1", 8000)
    assert host_diterima("127.0.0.1:8000", p) and host_diterima("localhost:8000", p)
    assert not host_diterima("rebind.contoh:8000", p) and not host_diterima("127.0.0.1", p)
    semua = Pengaturan(Path("x"), Path("o"), Path("t"), "0.0.0.0", 8000)
    assert host_diterima("192.168.1.5:8000", semua) and not host_diterima("rebind.contoh:8000", semua)
    assert loopback("127.0.0.1") and loopback("::1") and not loopback("0.0.0.0")


def test_permintaan_terlalu_besar(tab: Klien, berkas: Path) -> None:
    sebelum = berkas.read_bytes()
    r = tab.kirim({"keputusan.tentang": "x" * (3 * 1024 * 1024)})
    assert r.status_code == 413 and berkas.read_bytes() == sebelum


def test_kepala_keamanan(tab: Klien) -> None:
    r = tab.http.get("/", base_url=ALAMAT)
    assert "script-src 'self'" in r.headers["Content-Security-Policy"]
    assert "<script>" not in r.get_data(as_text=True).replace('<script src="/static/penyunting.js" defer></script>', "")


# ---------------------------------------------------------------- generate, download, diff


def test_buat_unduh_dan_zip(tab: Klien, berkas: Path) -> None:
    r = tab.kirim(tombol=("buat", "1"))
    assert r.status_code == 200 and "dokumen tahun 2023 dibuat" in tab.html
    folder = berkas.parent / "output" / "2023"
    tautan = re.findall(r'href="(/berkas/2023/[^"]+)"', tab.html)
    assert {t.rsplit("/", 1)[1] for t in tautan} == {p.name for p in folder.iterdir()}
    unduhan = tab.http.get("/berkas/2023/konfigurasi-2023.toml", base_url=ALAMAT)
    assert unduhan.data == berkas.read_bytes()
    z = zipfile.ZipFile(io.BytesIO(tab.http.get("/berkas/2023.zip", base_url=ALAMAT).data))
    assert sorted(z.namelist()) == sorted(f"2023/{p.name}" for p in folder.iterdir())


def test_tahun_yang_ada_ditolak_kecuali_dikonfirmasi(tab: Klien, berkas: Path) -> None:
    tab.kirim(tombol=("buat", "1"))
    folder = berkas.parent / "output" / "2023"
    manifes = (folder / "MANIFEST.json").read_bytes()
    tab.kirim(tombol=("buat", "1"))
    assert "arsip tahun 2023 sudah ada dan tidak ditimpa" in tab.html
    assert (folder / "MANIFEST.json").read_bytes() == manifes
    tab.kirim(tombol=("buat", "1"), tambahan=[("_ganti", "ya")])
    assert "dokumen tahun 2023 dibuat" in tab.html
    assert [p.name for p in (berkas.parent / "output").iterdir() if p.name.startswith("2023") and p.name != "2023"]


@pytest.mark.parametrize(
    "jalur",
    [
        "/berkas/2023/..%2Fiku.toml",
        "/berkas/2023/../../iku.toml",
        "/berkas/2023/%2Fetc%2Fpasswd",
        "/berkas/2024/MANIFEST.json",
        "/berkas/2023/tidak-ada.docx",
        "/pratinjau/1/0.png",
    ],
)
def test_unduhan_hanya_dari_daftar_arsip(tab: Klien, jalur: str) -> None:
    tab.kirim(tombol=("buat", "1"))
    assert tab.http.get(jalur, base_url=ALAMAT).status_code == 404


def test_beda_dengan_arsip_tahun_lalu(tab: Klien) -> None:
    assert 'href="/beda"' not in tab.html
    tab.kirim(tombol=("buat", "1"))
    tab.kirim({"keputusan.tempat": "Buleleng"})
    assert 'href="/beda"' in tab.html
    html = tab.http.get("/beda", base_url=ALAMAT).get_data(as_text=True)
    assert "konfigurasi-2023.toml" in html and "keputusan.tempat" in html
    assert "<del>Singaraja</del>" in html and "<ins>Buleleng</ins>" in html


def test_periksa_sambil_mengetik_tidak_menulis(tab: Klien, berkas: Path) -> None:
    sebelum = berkas.read_bytes()
    isian = dict(tab.isian())
    isian["penandatangan.nip"] = "12"
    r = tab.http.post("/periksa", data=MultiDict(list(isian.items())), base_url=ALAMAT)
    assert r.status_code == 200 and berkas.read_bytes() == sebelum
    assert "NIP harus 18 angka" in r.json["galat"]["penandatangan.nip"][0]


def test_berkas_toml_rusak_ditunjukkan(berkas: Path, app) -> None:
    berkas.write_text(
        berkas.read_text(encoding="utf-8").replace('kota = "Singaraja"', "kota = Singaraja"), encoding="utf-8"
    )
    html = app.test_client().get("/", base_url=ALAMAT).get_data(as_text=True)
    assert "tidak dapat dibuka sebagai formulir" in html and "baris" in html
    assert 'id="formulir"' not in html


def test_contoh_tidak_berubah() -> None:
    """The sample config the other tests copy is untouched by them."""
    assert CONFIG_CONTOH.read_text(encoding="utf-8").startswith("# ====")


# ---------------------------------------------------------------- the command


def _serve(berkas: Path, *argumen: str):
    import subprocess
    import sys

    from bantu import AKAR

    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "iku.cli",
            "serve",
            "--config",
            str(berkas),
            "--port",
            "0",
            "--no-browser",
            "--output",
            str(berkas.parent / "output"),
            *argumen,
        ],
        cwd=AKAR,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _kelompok_hidup(pgid: int) -> list[str]:
    """Processes still in a process group (LibreOffice and its helper live in their own)."""
    hidup = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                stat = (proc / "stat").read_text()
            except OSError:
                continue
            keadaan, _, kelompok = stat.rsplit(")", 1)[1].split()[:3]
            if int(kelompok) == pgid and keadaan != "Z":  # a zombie has ended; only its reaping is left
                hidup.append(stat.split()[1])
    return hidup


@pytest.mark.pdf
def test_serve_berhenti_dengan_libreoffice_nya(berkas: Path) -> None:
    import json
    import signal
    import time
    import urllib.request

    proses = _serve(berkas)
    try:
        baris = proses.stdout.readline()
        assert "Tekan Ctrl-C untuk berhenti" in baris
        alamat = re.search(r"http://127\.0\.0\.1:\d+/", baris).group(0)
        assert "Penyunting IKU" in urllib.request.urlopen(alamat, timeout=60).read().decode()
        akhir = time.monotonic() + 240
        while json.loads(urllib.request.urlopen(alamat + "pratinjau.json", timeout=60).read())["versi"] == 0:
            assert time.monotonic() < akhir
            time.sleep(0.3)
        pembantu = [
            p
            for p in Path("/proc").iterdir()
            if p.name.isdigit() and _cmdline(p).find("lo_pembantu.py") >= 0 and f"iku-lo-{proses.pid}-" in _cmdline(p)
        ]
        assert len(pembantu) == 1 and _kelompok_hidup(int(pembantu[0].name))  # LibreOffice warm, in its group
    finally:
        proses.send_signal(signal.SIGTERM)
        proses.communicate(timeout=60)
    assert _kelompok_hidup(int(pembantu[0].name)) == []


def _cmdline(proc: Path) -> str:
    try:
        return (proc / "cmdline").read_bytes().decode(errors="replace")
    except OSError:
        return ""


def test_serve_memperingatkan_host_bukan_loopback(berkas: Path) -> None:
    import signal

    proses = _serve(berkas, "--host", "0.0.0.0")
    try:
        assert "http://0.0.0.0:" in proses.stdout.readline()
    finally:
        proses.send_signal(signal.SIGTERM)
        _, galat = proses.communicate(timeout=60)
    assert "PERINGATAN: --host 0.0.0.0" in galat


def test_serve_berkas_tidak_ada(tmp_path: Path) -> None:
    proses = _serve(tmp_path / "tidak-ada.toml")
    keluar, galat = proses.communicate(timeout=60)
    assert proses.returncode == 3 and "berkas konfigurasi tidak ditemukan" in galat and "Traceback" not in galat


@pytest.mark.pdf
def test_buat_dengan_pdf(tab: Klien, berkas: Path) -> None:
    r = tab.kirim(tombol=("buat", "1"), tambahan=[("_pdf", "ya")])
    assert r.status_code == 200, pesan_di(tab.html, "")
    assert 'href="/berkas/2023/keputusan-iku-dinas-sosial-kabupaten-buleleng-2023.pdf"' in tab.html
    assert (berkas.parent / "output" / "2023" / "keputusan-iku-dinas-sosial-kabupaten-buleleng-2023.pdf").is_file()


# ---------------------------------------------------------------- a save that adds a key (issue 17.1)

ANALISIS_PMKS = (
    'analisis = """\nPenanganan PMKS pada tahun laporan mencapai 6,66% dari target 6,86%. Target belum sepenuhnya'
    " tercapai karena sebagian PMKS belum terdata pada awal tahun; pendataan bersama pekerja sosial masyarakat"
    ' di setiap kecamatan dilanjutkan pada tahun berikutnya.\n"""\n'
)


def _tanpa(berkas: Path, *teks: str) -> str:
    """Take lines out of the config file (a key the form will then add); the text as now on disk."""
    isi = berkas.read_text(encoding="utf-8")
    for t in teks:
        assert isi.count(t) == 1, t
        isi = isi.replace(t, "")
    berkas.write_text(isi, encoding="utf-8")
    return isi


@pytest.mark.parametrize(
    ("buang", "ubah", "tombol_tambah", "jangkar", "sisipan"),
    [
        pytest.param(
            (),
            {"instansi.nama_kop": "Dinas Sosial"},
            None,
            'laman = "http://dinsos.bulelengkab.go.id"\n',
            'nama_kop = "Dinas Sosial"\n',
            id="nama-pada-kop",
        ),
        pytest.param(
            (ANALISIS_PMKS,),
            {"iku.1.analisis": "Target hampir tercapai."},
            None,
            "realisasi = { 2021 = 3.86, 2022 = 5.12, 2023 = 6.66 }\n",
            'analisis = "Target hampir tercapai."\n',
            id="analisis",
        ),
        pytest.param(
            ('arah = "naik"\n',),
            {"iku.1.arah": "naik"},
            None,
            'pada tahun berikutnya.\n"""\n',
            'arah = "naik"\n',
            id="arah",
        ),
        pytest.param(
            ("tembusan = []\n",),
            {"keputusan.tembusan.0": "Bupati Buleleng"},
            "tambah:keputusan.tembusan",
            '"Keputusan ini mulai berlaku pada tanggal ditetapkan.",\n]\n',
            'tembusan = ["Bupati Buleleng"]\n',
            id="tembusan",
        ),
        pytest.param(
            (),
            {"perjanjian_kinerja.penutup": "Demikian perjanjian ini dibuat."},
            None,
            'pihak_kedua = { jabatan = "Bupati Buleleng", nama = "I Gede Suyasa" }\n',
            'penutup = "Demikian perjanjian ini dibuat."\n',
            id="kalimat-penutup-pk",
        ),
    ],
)
def test_kunci_baru_sesudah_nilai_terakhir_tabelnya(
    app,
    berkas: Path,
    buang: tuple[str, ...],
    ubah: dict[str, str],
    tombol_tambah: str | None,
    jangkar: str,
    sisipan: str,
) -> None:
    """The key goes under the table's last value, above the comments heading the next section; all else kept."""
    sebelum = _tanpa(berkas, *buang)
    tab = Klien(app)
    tab.buka()
    if tombol_tambah:
        tab.kirim(tombol=("aksi", tombol_tambah))
    r = tab.kirim(ubah)
    assert r.status_code == 200 and "Tersimpan." in tab.html, pesan_di(tab.html, "")
    assert sebelum.count(jangkar) == 1
    assert berkas.read_text(encoding="utf-8") == sebelum.replace(jangkar, jangkar + sisipan)


def test_unit_baru_di_bawah_unit_terakhir_di_atas_catatan_iku(tab: Klien, berkas: Path) -> None:
    sebelum = berkas.read_text(encoding="utf-8")
    tab.kirim(tombol=("aksi", "tambah:struktur"))
    tab.kirim({"struktur.8.nama": "Unit Pelaksana Teknis"}, tombol=("aksi", "tambah:struktur.6.membawahi"))
    r = tab.kirim({"struktur.6.membawahi.0": "UPTD Panti Sosial"})
    assert r.status_code == 200, pesan_di(tab.html, "")
    uptd, jangkar = 'nama = "UPTD"\n', '[[struktur]]\nnama = "Kelompok Jabatan Fungsional"\n'
    sisipan = '\n[[struktur]]\nnama = "Unit Pelaksana Teknis"\n'
    assert berkas.read_text(encoding="utf-8") == sebelum.replace(jangkar, jangkar + sisipan).replace(
        uptd, uptd + 'membawahi = ["UPTD Panti Sosial"]\n'
    )


def test_program_baru_di_bawah_program_terakhir(tab: Klien, berkas: Path) -> None:
    sebelum = berkas.read_text(encoding="utf-8")
    tab.kirim(tombol=("aksi", "tambah:program"))
    r = tab.kirim({"program.5.nama": "Program Pemberdayaan Fakir Miskin", "program.5.anggaran": "75.000.000"})
    assert r.status_code == 200, pesan_di(tab.html, "")
    jangkar = 'nama = "Program Penanganan Bencana"\nanggaran = 285000000\nrealisasi = 261450000\nketerangan = "APBD"\n'
    sisipan = '\n[[program]]\nnama = "Program Pemberdayaan Fakir Miskin"\nanggaran = 75000000\n'
    assert berkas.read_text(encoding="utf-8") == sebelum.replace(jangkar, jangkar + sisipan)


KECAMATAN = """\
tahun = 2024

[instansi]
nama = "Kecamatan Sidemen"
pemerintah = "Pemerintah Kabupaten Karangasem"
alamat = "Jalan Raya Sidemen"
kota = "Sidemen"
telepon = "(0363) 23001"

# Kertas F4 sesuai kebiasaan kecamatan.
[format]
kertas = "F4"

[penandatangan]
jabatan = "Camat Sidemen"
nama = "I Wayan Sukadana, S.Sos."
pangkat = "Pembina"
nip = "197203151993031007"

[keputusan]
nomor = "050/12/KEC.SDM/2024"
tanggal = 2024-01-15
tempat = "Sidemen"
tentang = "Indikator Kinerja Utama Kecamatan Sidemen"
menimbang = ["bahwa untuk mengukur keberhasilan kecamatan perlu ditetapkan indikator kinerja utama;"]
mengingat = ["Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah."]
memutuskan = ["Indikator Kinerja Utama Kecamatan Sidemen sebagaimana tercantum dalam Lampiran."]

# Rencana Strategis kecamatan.
[rencana]
tahun_awal = 2024
tahun_akhir = 2026
tahun_kondisi_awal = 2023
tujuan = "Meningkatnya kualitas pelayanan kecamatan"
indikator_tujuan = "Indeks kepuasan masyarakat"

[[iku]]
sasaran = "Meningkatnya Kualitas Pelayanan Publik Kecamatan"
indikator = "Indeks Kepuasan Masyarakat"
satuan = "nilai"
alasan = "Mengukur mutu pelayanan kecamatan."
formulasi = "Hasil survei kepuasan masyarakat"
sumber_data = "Kecamatan Sidemen"
"""


def test_config_kecamatan_disimpan_tanpa_perubahan_tetap_sama(tmp_path: Path) -> None:
    berkas = tmp_path / "kecamatan.toml"
    berkas.write_text(KECAMATAN, encoding="utf-8")
    tab = Klien(buat_aplikasi(Pengaturan(berkas, tmp_path / "output", TEMPLATES, "127.0.0.1", 8000)))
    tab.buka()
    r = tab.kirim()
    assert r.status_code == 200 and "Tersimpan." in tab.html, pesan_di(tab.html, "")
    assert berkas.read_text(encoding="utf-8") == KECAMATAN


def test_simpan_dan_buat_dengan_kunci_baru(tab: Klien, berkas: Path) -> None:
    r = tab.kirim({"instansi.nama_kop": "Dinas Sosial"}, tombol=("buat", "1"))
    assert r.status_code == 200 and "dokumen tahun 2023 dibuat" in tab.html, pesan_di(tab.html, "")
    assert tomllib.loads(berkas.read_text(encoding="utf-8"))["instansi"]["nama_kop"] == "Dinas Sosial"
    assert (berkas.parent / "output" / "2023" / "konfigurasi-2023.toml").read_bytes() == berkas.read_bytes()


# ---------------------------------------------------------------- what a save keeps (issue 17.12)


def test_angka_tetap_berkoma_sesudah_simpan(tab: Klien, berkas: Path) -> None:
    assert nilai(tab.html, "iku.1.target.2024") == "9,86"
    r = tab.kirim({"keputusan.tempat": "Singaraja "})
    assert r.status_code == 200 and "Tersimpan." in tab.html
    assert nilai(tab.html, "iku.1.target.2024") == "9,86"
    assert nilai(tab.html, "iku.0.kondisi_awal") == "6,12"


PERPRES = '    "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah;",\n'


@pytest.mark.parametrize(
    ("ubah", "tombol", "ganti"),
    [
        pytest.param(
            {"keputusan.mengingat.1": "Undang-Undang Nomor 1 Tahun 2020;"},
            None,
            [("mengingat.1", '    "Undang-Undang Nomor 1 Tahun 2020;",\n')],
            id="butir-diubah",
        ),
        pytest.param({}, "hapus:keputusan.mengingat.1", [("mengingat.1", "")], id="butir-dihapus"),
        pytest.param(
            {},
            "naik:keputusan.mengingat.3",
            [("mengingat.2", "mengingat.3"), ("mengingat.3", "mengingat.2")],
            id="butir-dipindah",
        ),
    ],
)
def test_catatan_di_dalam_daftar_tetap_ada(
    app, berkas: Path, ubah: dict[str, str], tombol: str | None, ganti: list[tuple[str, str]]
) -> None:
    asli = berkas.read_text(encoding="utf-8")
    butir = re.findall(r'^    "[^\n]*",\n', asli.split("mengingat = [\n", 1)[1].split("]\n", 1)[0], re.MULTILINE)
    catatan = "    # Diurutkan menurut tahun.\n"
    sebelum = asli.replace(PERPRES, catatan + PERPRES)
    berkas.write_text(sebelum, encoding="utf-8")
    tab = Klien(app)
    tab.buka()
    if tombol:
        tab.kirim(ubah, tombol=("aksi", tombol))
    r = tab.kirim(ubah)
    assert r.status_code == 200 and "Tersimpan." in tab.html, pesan_di(tab.html, "")
    penanda = {f"mengingat.{i}": f"\x00{i}\x00" for i in range(len(butir))}
    harapan = sebelum
    for i, b in enumerate(butir):
        harapan = harapan.replace(b, penanda[f"mengingat.{i}"], 1)
    for lama, baru in ganti:
        harapan = harapan.replace(penanda[lama], f"\x01{baru}\x01" if baru.startswith("mengingat.") else baru, 1)
    for i, b in enumerate(butir):
        harapan = harapan.replace(penanda[f"mengingat.{i}"], b).replace(f"\x01mengingat.{i}\x01", b)
    assert berkas.read_text(encoding="utf-8") == harapan
    assert catatan in harapan


def test_daftar_satu_baris_tetap_satu_baris(app, berkas: Path) -> None:
    sebelum = berkas.read_text(encoding="utf-8").replace(
        "tembusan = []\n", 'tembusan = ["Bupati Buleleng", "Inspektur Kabupaten Buleleng", "Arsip"]\n'
    )
    berkas.write_text(sebelum, encoding="utf-8")
    tab = Klien(app)
    tab.buka()
    r = tab.kirim({"keputusan.tembusan.1": "Inspektur Daerah"})
    assert r.status_code == 200, pesan_di(tab.html, "")
    assert berkas.read_text(encoding="utf-8") == sebelum.replace(
        '"Inspektur Kabupaten Buleleng", "Arsip"]', '"Inspektur Daerah", "Arsip"]'
    )
    tab.kirim(tombol=("aksi", "tambah:keputusan.tembusan"))
    r = tab.kirim({"keputusan.tembusan.3": "Sekretaris Daerah"})
    assert r.status_code == 200, pesan_di(tab.html, "")
    assert 'tembusan = ["Bupati Buleleng", "Inspektur Daerah", "Arsip", "Sekretaris Daerah"]\n' in berkas.read_text(
        encoding="utf-8"
    )


def test_daftar_berbaris_tetap_berbaris(tab: Klien, berkas: Path) -> None:
    sebelum = berkas.read_text(encoding="utf-8")
    tab.kirim(tombol=("aksi", "tambah:keputusan.mengingat"))
    r = tab.kirim({"keputusan.mengingat.7": "Peraturan Bupati Buleleng Nomor 2 Tahun 2023."})
    assert r.status_code == 200, pesan_di(tab.html, "")
    jangkar = 'Tahun 2023-2026.",\n]\n'
    assert sebelum.count(jangkar) == 1
    harapan = sebelum.replace(jangkar, jangkar[:-2] + '    "Peraturan Bupati Buleleng Nomor 2 Tahun 2023.",\n]\n')
    assert berkas.read_text(encoding="utf-8") == harapan


# ---------------------------------------------------------------- rupiah, dates, defaults (issue 17.13)


def test_rupiah_bertitik_ribuan_dan_cukup_lebar(tab: Klien, berkas: Path) -> None:
    assert nilai(tab.html, "program.0.anggaran") == "6.845.312.000"
    assert re.search(r'<input type="text" id="isian-program.0.anggaran"[^>]*class="rupiah"', tab.html)
    r = tab.kirim({"program.0.anggaran": "18.456.789.000", "program.0.realisasi": "18456789000"})
    assert r.status_code == 200, pesan_di(tab.html, "")
    teks = berkas.read_text(encoding="utf-8")
    assert "\nanggaran = 18456789000\n" in teks and "\nrealisasi = 18456789000\n" in teks
    assert nilai(tab.html, "program.0.anggaran") == nilai(tab.html, "program.0.realisasi") == "18.456.789.000"
    gaya = (Path(__file__).parent.parent / "iku/penyunting/static/gaya.css").read_text(encoding="utf-8")
    assert re.search(r"input\.rupiah \{[^}]*min-width: 17ch", gaya)  # "999.999.999.999.999" fits


@pytest.mark.parametrize(
    ("ketikan", "tanggal"),
    [
        ("15 Januari 2024", "2024-01-15"),
        ("15 januari 2024", "2024-01-15"),
        ("15 Jan 2024", "2024-01-15"),
        ("5 Pebruari 2024", "2024-02-05"),
        ("15-01-2024", "2024-01-15"),
        ("15/1/2024", "2024-01-15"),
        ("15.01.2024", "2024-01-15"),
        ("2024-01-15", "2024-01-15"),
    ],
)
def test_tanggal_cara_indonesia(tab: Klien, berkas: Path, ketikan: str, tanggal: str) -> None:
    assert nilai(tab.html, "keputusan.tanggal") == "22 Maret 2022"
    sebelum = berkas.read_text(encoding="utf-8")
    r = tab.kirim({"keputusan.tanggal": ketikan})
    assert r.status_code == 200, pesan_di(tab.html, "keputusan.tanggal")
    assert beda_baris(sebelum, berkas.read_text(encoding="utf-8")) == [("tanggal = 2022-03-22", f"tanggal = {tanggal}")]
    bulan = {"01": "Januari", "02": "Februari"}[tanggal[5:7]]
    assert nilai(tab.html, "keputusan.tanggal") == f"{int(tanggal[8:])} {bulan} 2024"


@pytest.mark.parametrize(
    "ketikan", ["01/15/2024", "31 Februari 2024", "15 Jnuari 2024", "15 Januari", "tgl 15-01-2024"]
)
def test_tanggal_salah_pesannya_jelas(tab: Klien, berkas: Path, ketikan: str) -> None:
    sebelum = berkas.read_bytes()
    r = tab.kirim({"keputusan.tanggal": ketikan})
    assert r.status_code == 422 and berkas.read_bytes() == sebelum
    pesan = pesan_di(tab.html, "keputusan.tanggal")
    assert "bukan tanggal yang sah" in pesan and "15 Januari 2024" in pesan and "15-01-2024" in pesan
    assert nilai(tab.html, "keputusan.tanggal") == ketikan


def test_pilihan_bawaan_menyebut_nilainya(tab: Klien) -> None:
    bawaan = {
        nama: re.search(rf'<select id="isian-{re.escape(nama)}"[^>]*>\s*<option value="">([^<]*)</option>', tab.html)
        for nama in ("format.kertas", "format.huruf", "format.tanda_tangan", "iku.0.arah")
    }
    assert {k: v.group(1) if v else None for k, v in bawaan.items()} == {
        "format.kertas": "(bawaan: A4)",
        "format.huruf": "(bawaan: Bookman Old Style)",
        "format.tanda_tangan": "(bawaan: basah)",
        "iku.0.arah": "(bawaan: naik)",
    }


# ---------------------------------------------------------------- preview of the section's document (issue 17.14)


def _token(html: str) -> str:
    return re.search(r'name="_token" value="([^"]+)"', html).group(1)


def test_tanpa_pratinjau_tidak_ada_tombolnya(tab: Klien) -> None:
    assert "lihat-pratinjau" not in tab.html
    r = tab.http.post("/pratinjau", data={"_token": _token(tab.html), "naskah": "dokumen"}, base_url=ALAMAT)
    assert r.status_code == 404


@pytest.fixture
def dengan_pratinjau(berkas: Path):
    from iku.penyunting.pratinjau import LibreOfficeHangat, Pratinjau

    lo = LibreOfficeHangat()
    try:
        pt = Pratinjau(lo, berkas, TEMPLATES)
        app = buat_aplikasi(Pengaturan(berkas, berkas.parent / "output", TEMPLATES, "127.0.0.1", 8000), pt)
        yield Klien(app), pt
    finally:
        lo.hentikan()


def _pratinjau(tab: Klien, pt, naskah: str | None = None) -> tuple[dict, str]:
    """Press a section's preview button (or none), wait, and read what the pictures' PDFs say."""
    if naskah is not None:
        r = tab.http.post("/pratinjau", data={"_token": _token(tab.html), "naskah": naskah}, base_url=ALAMAT)
        assert r.status_code == 200
    assert pt.tunggu(240)
    keadaan = tab.http.get("/pratinjau.json", base_url=ALAMAT).get_json()
    assert keadaan["galat"] is None, keadaan["galat"]
    gambar = [tab.http.get(src, base_url=ALAMAT) for daftar in keadaan["halaman"].values() for src in daftar]
    assert gambar and all(g.status_code == 200 and g.data.startswith(b"\x89PNG") for g in gambar)
    folder = pt.gambar(keadaan["versi"], 0).parent
    teks = "\n".join(teks_pdf(p) for p in sorted(folder.glob("*.pdf")))
    return keadaan, teks


@pytest.mark.pdf
def test_pratinjau_dokumen_bagian_yang_disunting(dengan_pratinjau) -> None:
    tab, pt = dengan_pratinjau
    tab.buka()
    tombol = re.findall(r'<button type="button" class="lihat-pratinjau" data-naskah="([^"]+)"', tab.html)
    assert set(tombol) == {"keputusan", "dokumen", "perjanjian_kinerja", "laporan_kinerja"}
    r = tab.http.post("/pratinjau", data={"_token": _token(tab.html), "naskah": "../x"}, base_url=ALAMAT)
    assert r.status_code == 400
    assert tab.http.post("/pratinjau", data={"naskah": "dokumen"}, base_url=ALAMAT).status_code == 403

    keadaan, teks = _pratinjau(tab, pt, "perjanjian_kinerja")
    assert keadaan["naskah"] == "perjanjian_kinerja" and list(keadaan["halaman"]) == ["Perjanjian Kinerja"]
    assert "PERJANJIAN KINERJA TAHUN 2023" in teks and "I Gede Suyasa" in teks

    tab.buka()
    r = tab.kirim({"perjanjian_kinerja.penutup": "Kalimat penutup yang baru."})
    assert r.status_code == 200, pesan_di(tab.html, "")
    pt.minta_dari_berkas()  # what a save asks for: the document chosen stays the one shown
    keadaan, teks = _pratinjau(tab, pt)
    assert list(keadaan["halaman"]) == ["Perjanjian Kinerja"] and "Kalimat penutup yang baru." in teks

    keadaan, teks = _pratinjau(tab, pt, "laporan_kinerja")
    assert list(keadaan["halaman"]) == ["Laporan Kinerja"] and "LAPORAN KINERJA" in teks.upper()
    keadaan, teks = _pratinjau(tab, pt, "dokumen")
    assert list(keadaan["halaman"]) == ["Dokumen IKU"] and "KATA PENGANTAR" in teks
    keadaan, teks = _pratinjau(tab, pt, "keputusan")
    assert list(keadaan["halaman"]) == ["Keputusan", "Lampiran"] and "MEMUTUSKAN" in teks


@pytest.mark.pdf
def test_pratinjau_bagian_yang_belum_ada_pesannya_jelas(berkas: Path, dengan_pratinjau) -> None:
    tab, pt = dengan_pratinjau
    tanpa_bagian(berkas, "perjanjian_kinerja")
    tab.buka()
    r = tab.http.post("/pratinjau", data={"_token": _token(tab.html), "naskah": "perjanjian_kinerja"}, base_url=ALAMAT)
    assert r.status_code == 200 and pt.tunggu(240)
    galat = tab.http.get("/pratinjau.json", base_url=ALAMAT).get_json()["galat"]
    assert galat == "Perjanjian Kinerja belum dapat dipratinjau: bagian [perjanjian_kinerja] belum ada di berkas"


# ---------------------------------------------------------------- a row written after other tables

BARIS_DI_AKHIR = """
[[iku]]
sasaran = "Meningkatnya kualitas pelayanan publik"
indikator = "Indeks Kepuasan Masyarakat"
satuan = "nilai"
alasan = "Mengukur mutu pelayanan"
formulasi = "Survei kepuasan masyarakat"
sumber_data = "Bagian Umum"
target = { 2023 = 82, 2024 = 83, 2025 = 84, 2026 = 85 }
realisasi = { 2023 = 81 }
"""


def test_baris_iku_di_akhir_berkas_simpan_tanpa_perubahan_sama_bita(tmp_path: Path) -> None:
    """A [[iku]] row appended at the end of the file (after [perjanjian_kinerja] ...): tomlkit gathers such
    rows when it parses, so an unchanged save rewrote the file with the row moved."""
    berkas = salin_config(tmp_path / "iku.toml")
    berkas.write_text(berkas.read_text(encoding="utf-8") + BARIS_DI_AKHIR, encoding="utf-8")
    sebelum = berkas.read_bytes()
    tab = Klien(buat_aplikasi(Pengaturan(berkas, tmp_path / "output", TEMPLATES, "127.0.0.1", 8000)))
    tab.buka()
    assert nilai(tab.html, "iku.2.indikator") == "Indeks Kepuasan Masyarakat"
    assert tab.kirim().status_code == 200 and berkas.read_bytes() == sebelum
    r = tab.kirim({"iku.2.satuan": "indeks"})
    assert r.status_code == 200 and tomllib.loads(berkas.read_text(encoding="utf-8"))["iku"][2]["satuan"] == "indeks"
    peringatan = re.findall(r'<li class="peringatan">(.*?)</li>', tab.html, re.DOTALL)
    assert any("susunan berkas berubah saat disimpan" in p for p in peringatan)  # the clerk is told the row moved


# ---------------------------------------------------------------- fields generated from the model (issue 19.3)


def test_setiap_kunci_model_punya_isian_atau_disebut_tetap() -> None:
    """The page's fields come from the model: every key of the config is a field, a list or a row of
    the form (a table of year -> number or indikator -> alasan: a field per entry)."""
    from iku.model import Config
    from iku.penyunting.skema import SKEMA
    from iku.rujukan import SEMUA, kunci_model, semua_kunci

    dikenal = set(SKEMA.isian) | set(SKEMA.daftar) | SKEMA.baris
    tanpa_isian = [
        k.tertulis
        for k in semua_kunci(kunci_model(Config))
        if k.jenis not in ("tabel",)
        and k.jalur not in dikenal
        and (*k.jalur, SEMUA) not in dikenal  # a year/quarter table: a field per year
    ]
    assert tanpa_isian == []


def test_perubahan_diisi_di_formulir_dan_disimpan(tab: Klien, berkas: Path) -> None:
    """[perubahan] had no fields (kept on save only): now it is a section of the page, written as typed."""
    sebelum = berkas.read_text(encoding="utf-8")
    assert nilai(tab.html, "perubahan.nomor") == "" and nilai(tab.html, "perubahan.ke") == ""
    r = tab.kirim(
        {
            "perubahan.nomor": "400.9/2248.1/Dinsos/2022",
            "perubahan.tanggal": "22 Maret 2022",
            "perubahan.tentang": "Penetapan Indikator Kinerja Utama Dinas Sosial",
            "perubahan.ke": "2",
        }
    )
    assert r.status_code == 200, pesan_di(tab.html, "")
    teks = berkas.read_text(encoding="utf-8")
    assert teks.startswith(sebelum.rstrip("\n"))  # added at the end, nothing else touched
    assert tomllib.loads(teks)["perubahan"] == {
        "nomor": "400.9/2248.1/Dinsos/2022",
        "tanggal": __import__("datetime").date(2022, 3, 22),
        "tentang": "Penetapan Indikator Kinerja Utama Dinas Sosial",
        "ke": 2,
    }
    tab.buka()
    assert nilai(tab.html, "perubahan.ke") == "2" and nilai(tab.html, "perubahan.tanggal") == "22 Maret 2022"
    disimpan = berkas.read_text(encoding="utf-8")
    assert tab.kirim().status_code == 200 and berkas.read_text(encoding="utf-8") == disimpan  # byte-stable
    r = tab.kirim({"perubahan.ke": "41"})
    assert r.status_code == 422 and "41 di luar batas" in pesan_di(tab.html, "perubahan.ke")
    assert berkas.read_text(encoding="utf-8") == disimpan


def test_perubahan_dengan_alasan_hapus_tetap_utuh(tab: Klien, berkas: Path) -> None:
    """A [perubahan] written by hand, with its alasan_hapus table: untouched it stays byte for byte;
    one field changed, only its line changes."""
    tambahan = (
        "\n[perubahan]\n"
        '# keputusan yang diubah\nnomor = "400.9/2248.1/Dinsos/2022"  # dari buku agenda\n'
        "tanggal = 2022-03-22\n"
        'tentang = "Penetapan Indikator Kinerja Utama"\n'
        'alasan_hapus = { "Persentase Penanganan PMKS" = "Diukur unit lain" }\n'
    )
    berkas.write_text(berkas.read_text(encoding="utf-8") + tambahan, encoding="utf-8")
    sebelum = berkas.read_text(encoding="utf-8")
    tab.buka()
    assert nilai(tab.html, "perubahan.nomor") == "400.9/2248.1/Dinsos/2022"
    assert nilai(tab.html, "perubahan.alasan_hapus.0.kunci") == "Persentase Penanganan PMKS"
    assert nilai(tab.html, "perubahan.alasan_hapus.0.nilai") == "Diukur unit lain"
    assert tab.kirim().status_code == 200 and berkas.read_text(encoding="utf-8") == sebelum
    r = tab.kirim({"perubahan.ke": "3"})
    assert r.status_code == 200, pesan_di(tab.html, "")
    sesudah = berkas.read_text(encoding="utf-8")
    assert sesudah == sebelum + "ke = 3\n"  # after the table's last value
    assert tomllib.loads(sesudah)["perubahan"]["alasan_hapus"] == {"Persentase Penanganan PMKS": "Diukur unit lain"}


def test_alasan_hapus_ditambah_diubah_dan_dihapus(tab: Klien, berkas: Path) -> None:
    """[perubahan] alasan_hapus (indikator -> alasan) as pairs of fields: added, changed, removed."""
    berkas.write_text(
        berkas.read_text(encoding="utf-8")
        + '\n[perubahan]\nnomor = "400.9/2248.1/Dinsos/2022"\ntentang = "Penetapan IKU"\n'
        + 'alasan_hapus = { "Persentase A" = "Diukur unit lain" }\n',
        encoding="utf-8",
    )
    tab.buka()
    tab.kirim(tombol=("aksi", "tambah:perubahan.alasan_hapus"))
    r = tab.kirim({"perubahan.alasan_hapus.1.kunci": "Jumlah B.1", "perubahan.alasan_hapus.1.nilai": "Digabung"})
    assert r.status_code == 200, pesan_di(tab.html, "")
    teks = berkas.read_text(encoding="utf-8")
    assert tomllib.loads(teks)["perubahan"]["alasan_hapus"] == {
        "Persentase A": "Diukur unit lain",
        "Jumlah B.1": "Digabung",
    }
    r = tab.kirim({"perubahan.alasan_hapus.0.nilai": "Diukur Bappeda"})
    assert r.status_code == 200, pesan_di(tab.html, "")
    assert beda_baris(teks, berkas.read_text(encoding="utf-8")) == [
        (
            'alasan_hapus = { "Persentase A" = "Diukur unit lain", "Jumlah B.1" = "Digabung"}',
            'alasan_hapus = { "Persentase A" = "Diukur Bappeda", "Jumlah B.1" = "Digabung"}',
        )
    ]
    tab.kirim(tombol=("aksi", "hapus:perubahan.alasan_hapus.0"))
    r = tab.kirim(tombol=("aksi", "hapus:perubahan.alasan_hapus.0"))
    r = tab.kirim()
    assert r.status_code == 200, pesan_di(tab.html, "")
    assert "alasan_hapus" not in tomllib.loads(berkas.read_text(encoding="utf-8"))["perubahan"]


def test_kolom_lampiran_dipilih_diurutkan_dan_dikosongkan(tab: Klien, berkas: Path) -> None:
    """[lampiran] kolom: a list of choices (the Literal's names) that can be added, moved and emptied;
    emptied, the key is removed (the default columns), never written as an empty list."""
    pilihan = re.search(r'<template data-untuk="lampiran.kolom">.*?</template>', tab.html, re.DOTALL)
    assert pilihan and re.findall(r'<option value="([^"]*)"', pilihan.group(0)) == [
        "",
        *__import__("iku.model").model.KOLOM_LAMPIRAN,
    ]
    sebelum = berkas.read_text(encoding="utf-8")
    kolom = ["no", "indikator", "satuan", "penanggung_jawab"]
    r = tab.kirim({f"lampiran.kolom.{i}": k for i, k in enumerate(kolom)})
    assert r.status_code == 200, pesan_di(tab.html, "")
    assert tomllib.loads(berkas.read_text(encoding="utf-8"))["lampiran"] == {"kolom": kolom}
    assert berkas.read_text(encoding="utf-8").startswith(sebelum.rstrip("\n"))
    tab.kirim(tombol=("aksi", "naik:lampiran.kolom.3"))
    assert [nilai(tab.html, f"lampiran.kolom.{i}") for i in range(4)] == [
        "no",
        "indikator",
        "penanggung_jawab",
        "satuan",
    ]
    r = tab.kirim()
    assert r.status_code == 200, pesan_di(tab.html, "")
    assert tomllib.loads(berkas.read_text(encoding="utf-8"))["lampiran"]["kolom"] == [
        "no",
        "indikator",
        "penanggung_jawab",
        "satuan",
    ]
    r = tab.kirim({"lampiran.kolom.1": "pj"})
    assert r.status_code == 422 and "pj" in pesan_di(tab.html, "lampiran.kolom")
    tab.buka()
    r = tab.kirim(buang=tuple(f"lampiran.kolom.{i}" for i in range(4)))
    assert r.status_code == 200, pesan_di(tab.html, "")
    assert "lampiran" not in tomllib.loads(berkas.read_text(encoding="utf-8"))


def test_skema_dari_model_apa_pun() -> None:
    """skema_dari_model is generic: the kabupaten's pemda.toml model gets its fields, lists and rows too."""
    from iku.kabupaten.model import Pemda
    from iku.penyunting.skema import skema_dari_model

    s = skema_dari_model(Pemda)
    assert {("pemerintah", "kepala", "nama"), ("rencana", "dokumen"), ("iku", "*", "target", "*")} <= set(s.isian)
    assert s.isian[("rencana", "dokumen")].pilihan == ("RPJMD", "RPD")
    assert set(s.daftar) == {
        ("keputusan", "menimbang"),
        ("keputusan", "mengingat"),
        ("keputusan", "memutuskan"),
        ("iku", "*", "penanggung_jawab"),
    }
    assert s.baris == {("sasaran",), ("iku",)}
