"""Dokumen IKU (the IKU book): rendered from real configs into tmp_path and read back."""

from __future__ import annotations

import re
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from bantu import TEMPLATES, salin_config, teks_docx, teks_paragraf, teks_pdf
from iku import bahasa, gambar, grafik, konfigurasi
from iku.buat import Permintaan, generate, nama_berkas
from iku.konfigurasi import muat
from iku.naskah import blok, buku

TWIP_PER_CM = 567


def buat(tmp_path: Path, config_path: Path, nama: str = "out") -> dict[str, Path]:
    """Run the real generate into tmp_path; return the written files by kind."""
    bacaan = konfigurasi.baca(config_path)
    hasil = generate(Permintaan(bacaan, TEMPLATES, tmp_path / nama))
    return {
        jenis: next(p for p in hasil if p.name == nama_berkas(bacaan.config, f"{jenis}-iku"))
        for jenis in ("keputusan", "lampiran", "dokumen")
    }


@pytest.fixture(scope="module")
def referensi(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("referensi")
    return buat(folder, salin_config(folder / "iku.toml"))


def gaya_paragraf(path: Path, nama: str) -> list[str]:
    d = docx.Document(str(path))
    return [p.text for p in d.paragraphs if p.style is not None and p.style.name == nama]


def tabel_strategi(path: Path):
    d = docx.Document(str(path))
    return next(t for t in d.tables if t.cell(0, 0).text == "TUJUAN")


def sel_baris(tr) -> list:
    return tr.findall(qn("w:tc"))


def teks_sel(tc) -> str:
    return "\n".join(teks_paragraf(p) for p in tc.iter(qn("w:p")))


def baris_teks(tabel) -> list[list[str]]:
    return [[teks_sel(tc) for tc in sel_baris(tr)] for tr in tabel._tbl.findall(qn("w:tr"))]


# ---------------------------------------------------------------- the reference book

JUDUL_BAB = [
    "KATA PENGANTAR",
    "DAFTAR ISI",
    "BAB I PENDAHULUAN",
    "BAB II INDIKATOR KINERJA UTAMA",
    "BAB III PENUTUP",
    "LAMPIRAN",
]
JUDUL_SUB = [
    "1.1 Latar Belakang",
    "1.2 Struktur Organisasi Dinas Sosial Kabupaten Buleleng",
    "1.3 Tujuan Indikator Kinerja Utama",
    "2.1 Tujuan dan Sasaran Strategis",
    "2.2 Strategi dan Arah Kebijakan",
    "2.3 Indikator Kinerja Utama",
]


def test_buku_ditulis_bersama_keputusan_dan_lampiran(referensi):
    assert referensi["dokumen"].name == "dokumen-iku-dinas-sosial-kabupaten-buleleng-2023.docx"
    assert referensi["dokumen"].parent == referensi["keputusan"].parent


def test_judul_bab_dan_subbab_memakai_gaya_heading_bawaan_dan_berurutan(referensi):
    assert gaya_paragraf(referensi["dokumen"], "Heading 1") == JUDUL_BAB
    assert gaya_paragraf(referensi["dokumen"], "Heading 2") == JUDUL_SUB


def test_daftar_isi_field_toc_dengan_isi_yang_sama_dengan_judul(referensi):
    d = docx.Document(str(referensi["dokumen"]))
    instr = [e.text for e in d.element.body.iter(qn("w:instrText"))]
    assert ' TOC \\o "1-2" \\h \\z \\u ' in instr
    body = d.element.body
    awal = next(p for p in body.iter(qn("w:p")) if any("TOC" in (i.text or "") for i in p.iter(qn("w:instrText"))))
    isi, mulai = [], False
    for p in body.iter(qn("w:p")):
        mulai = mulai or p is awal
        if not mulai:
            continue
        if any(f.get(qn("w:fldCharType")) == "end" for f in p.iter(qn("w:fldChar"))):
            break
        if teks_paragraf(p).strip():
            isi.append(teks_paragraf(p).rstrip("\t"))
    harapan = JUDUL_BAB[:3] + JUDUL_SUB[:3] + [JUDUL_BAB[3]] + JUDUL_SUB[3:] + JUDUL_BAB[4:]
    assert isi == harapan


def test_settings_update_fields(referensi):
    with zipfile.ZipFile(referensi["dokumen"]) as z:
        settings = z.read("word/settings.xml").decode()
    assert re.search(r'<w:updateFields w:val="(true|1)"/>', settings)


def test_urutan_isi_buku(referensi):
    teks = "\n".join(teks_docx(referensi["dokumen"]))
    urutan = [
        "INDIKATOR KINERJA UTAMA",
        "TAHUN 2023-2026",
        "DINAS SOSIAL KABUPATEN BULELENG",
        "Laman:\u00a0http://dinsos.bulelengkab.go.id",
        "Pos-el:\u00a0dinassosialbuleleng@gmail.com",
        "Telepon:\u00a0(0362) 21248",
        "KATA PENGANTAR",
        "Puji dan syukur",
        "Singaraja, 22 Maret 2022",
        "I Putu Kariaman Putra, S.Sos, MM",
        "DAFTAR ISI",
        "BAB I PENDAHULUAN",
        "1.1 Latar Belakang",
        "1.2 Struktur",
        "1.3 Tujuan",
        "BAB II",
        "2.1 Tujuan",
        "2.2 Strategi",
        "Tabel 2.2.1",
        "2.3 Indikator",
        "BAB III PENUTUP",
        "LAMPIRAN",
        "MEMUTUSKAN:",
        "KEEMPAT",
        "Ditetapkan di Singaraja",
        "INDIKATOR KINERJA UTAMA (IKU)",
    ]
    sebelumnya = -1
    for u in urutan:  # each one after the previous: ValueError (a failure) when out of order or missing
        sebelumnya = teks.index(u, sebelumnya + 1)


def test_cacat_dokumen_rujukan_tidak_terulang(referensi):
    teks = "\n".join(teks_docx(referensi["dokumen"]))
    for cacat in (
        "Easurable",
        "Timelines",
        "LAMPIARAN",
        "KEBIKAJAN",
        "BAB IV",
        "TELEPEON",
        "Kahanaman",
        "Tidak Pidana",
        "Pada tanggal",
    ):
        assert cacat not in teks
    for benar in ("Spesifik", "Measurable", "Achievable", "Relevant", "Timely", "ARAH KEBIJAKAN"):
        assert benar in teks


def test_struktur_organisasi_berhuruf_bernomor_dan_dan(referensi):
    teks = teks_docx(referensi["dokumen"])
    awal = teks.index("a.\tKepala Dinas;")
    assert teks[awal : awal + 6] == [
        "a.\tKepala Dinas;",
        "b.\tSekretaris;",
        "c.\tSekretariat, membawahi:",
        "1.\tSubbagian Umum dan Keuangan; dan",
        "2.\tSubstansi Perencanaan;",
        "d.\tBidang Pelayanan dan Rehabilitasi Sosial, membawahi:",
    ]
    assert "g.\tUPTD; dan" in teks and "h.\tKelompok Jabatan Fungsional." in teks


def test_tabel_2_2_1_nilai_berurutan_dan_kondisi_akhir(referensi):
    baris = baris_teks(tabel_strategi(referensi["dokumen"]))
    assert baris[1][6:10] == ["2023", "2024", "2025", "2026"]
    assert baris[0][4] == "SATUAN" and [baris[3][4], baris[4][4]] == ["%", "%"]
    assert baris[0][5] == "KONDISI AWAL (2021)" and baris[0][7] == "KONDISI AKHIR (2026)"
    assert baris[2] == [str(n) for n in range(1, 17)]
    assert " ".join(baris[3][5:11]) == "6,12 5,15 4,9 4,8 4,6 4,6"
    assert " ".join(baris[4][5:11]) == "3,86 6,86 9,86 12,86 15,86 15,86"
    assert baris[3][0] == "Meningkatnya penanggulangan kemiskinan dan perlindungan sosial"
    assert baris[3][14] == "Hasil Perhitungan BPS"
    assert baris[4][14] == "Jumlah PMKS yang tertangani\nJumlah PMKS yang ada\n\u00d7\u00a0100%\n"


def test_tabel_2_2_1_gabungan_kolom_dan_judul_berulang(referensi):
    t = tabel_strategi(referensi["dokumen"])._tbl
    rows = t.findall(qn("w:tr"))
    vmerge = [[tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}") for tc in sel_baris(tr)] for tr in rows[3:5]]
    assert vmerge[0][0].get(qn("w:val")) == "restart" and vmerge[1][0].get(qn("w:val")) == "continue"
    assert vmerge[0][2].get(qn("w:val")) == "restart" and vmerge[1][2].get(qn("w:val")) == "restart"
    span = [tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}") for tc in sel_baris(rows[0])]
    assert [s.get(qn("w:val")) for s in span if s is not None] == ["4", "3"]
    assert all(tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None for tr in rows[:3])
    grid = [int(g.get(qn("w:w"))) for g in t.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")]
    assert len(grid) == 16 and min(grid) > 0.6 * TWIP_PER_CM
    assert abs(sum(grid) - 24.7 * TWIP_PER_CM) < 30


def test_tabel_di_halaman_mendatar_dan_nomor_halaman(referensi):
    d = docx.Document(str(referensi["dokumen"]))
    mendatar = [s.page_width > s.page_height for s in d.sections]
    assert mendatar == [False, False, False, True, False, False, True]
    nomor = [s._sectPr.find(qn("w:pgNumType")) for s in d.sections]
    assert nomor[1].get(qn("w:fmt")) == "lowerRoman" and nomor[1].get(qn("w:start")) == "1"
    assert nomor[2].get(qn("w:fmt")) == "decimal" and nomor[2].get(qn("w:start")) == "1"
    assert all(n is None or n.get(qn("w:start")) is None for n in nomor[3:5])
    body = list(d.element.body.iter(qn("w:p")))
    tabel = next(p for p in body if teks_paragraf(p) == "Tabel 2.2.1")
    sesudah = body[body.index(tabel) :]
    pemisah = next(p for p in sesudah if p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None)
    assert pemisah.find(f"{qn('w:pPr')}/{qn('w:sectPr')}/{qn('w:pgSz')}").get(qn("w:orient")) == "landscape"


def test_gambar_bagan_dan_grafik_ada(referensi):
    d = docx.Document(str(referensi["dokumen"]))
    inline = list(d.element.body.iter(qn("wp:inline")))
    assert len(inline) == 2  # no logo in the sample: organisation chart and target chart
    teks = teks_docx(referensi["dokumen"])
    assert "Bagan Struktur Organisasi Dinas Sosial Kabupaten Buleleng" in teks
    assert any(t.startswith("Gambar 2.2.1 Kondisi Awal (2021)") for t in teks)


def test_keputusan_dan_lampiran_di_buku_sama_dengan_yang_berdiri_sendiri(referensi):
    buku_teks = teks_docx(referensi["dokumen"])
    for jenis in ("keputusan", "lampiran"):
        sendiri = teks_docx(referensi[jenis])
        awal = next(i for i in range(len(buku_teks)) if buku_teks[i : i + len(sendiri)] == sendiri)
        assert awal > 0


def test_keluaran_stabil_byte_demi_byte(tmp_path):
    config = salin_config(tmp_path / "iku.toml")
    a, b = buat(tmp_path, config, "a"), buat(tmp_path, config, "b")
    assert a["dokumen"].read_bytes() == b["dokumen"].read_bytes()


def test_logo_di_sampul_dan_kop(tmp_path):
    from PIL import Image

    Image.new("RGB", (60, 80), (200, 150, 0)).save(tmp_path / "logo.png")
    config = salin_config(tmp_path / "iku.toml", {"# logo = ": 'logo = "logo.png"'})
    hasil = buat(tmp_path, config)
    d = docx.Document(str(hasil["dokumen"]))
    assert len(list(d.element.body.iter(qn("wp:inline")))) == 4  # cover, kop, chart, target chart


def test_teks_bawaan_bila_dokumen_tidak_diisi(tmp_path):
    teks = tmp_path / "x.toml"
    salin_config(teks)
    isi = teks.read_text(encoding="utf-8")
    awal, akhir = isi.index("[dokumen]"), isi.index("# Susunan organisasi")
    teks.write_text(isi[:awal] + isi[akhir:], encoding="utf-8")
    semua = "\n".join(teks_docx(buat(tmp_path, teks)["dokumen"]))
    assert "Puji syukur kami panjatkan" in semua
    assert "Singaraja, 22 Maret 2022" in semua  # the decree date when no tanggal_kata_pengantar
    assert "Pembangunan yang dilaksanakan melalui program" in semua


# ---------------------------------------------------------------- another agency, five years

LAIN = '''
tahun = 2025

[instansi]
nama = "Dinas Kesehatan Kota Contoh & Sekitarnya"
pemerintah = "Pemerintah Kota Contoh"
alamat = "Jalan Merdeka No. 1"
kota = "Contoh"
telepon = "(0361) 123456"

[format]
kertas = "F4"
huruf = "Arial"

[penandatangan]
jabatan = "Kepala Dinas Kesehatan Kota Contoh"
nama = "dr. Ni Made <b>Sari</b>, M.Kes"
pangkat = "Pembina Utama Muda (IV/c)"
nip = "197501012000122001"

[keputusan]
nomor = "440/77/Dinkes/2024"
tanggal = 2024-12-30
tempat = "Contoh"
tentang = "Penetapan Indikator Kinerja Utama Dinas Kesehatan Kota Contoh Tahun 2025-2029"
menimbang = ["bahwa untuk melaksanakan ketentuan peraturan perundang-undangan perlu menetapkan IKU;",
             "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Keputusan;"]
mengingat = ["Undang-Undang Nomor 25 Tahun 2004 tentang Sistem Perencanaan Pembangunan Nasional."]
memutuskan = ["IKU tercantum dalam Lampiran.", "Keputusan ini mulai berlaku pada tanggal ditetapkan."]

[rencana]
tahun_awal = 2025
tahun_akhir = 2029
tahun_kondisi_awal = 2023
tujuan = "Meningkatnya derajat kesehatan {{ 7*7 }} masyarakat"
indikator_tujuan = "Usia Harapan Hidup"

[dokumen]
kata_pengantar = """Paragraf pengantar pertama.
Baris kedua paragraf pertama.

Paragraf pengantar kedua."""
tanggal_kata_pengantar = 2025-01-06

[[struktur]]
nama = "Kepala Dinas"
[[struktur]]
nama = "Sekretariat"
membawahi = ["Subbagian Umum"]
[[struktur]]
nama = "Bidang Pelayanan Kesehatan"
membawahi = ["Seksi Rujukan", "Seksi Primer"]

[[iku]]
sasaran = "Meningkatnya Mutu Layanan"
indikator = "Indeks Kepuasan Masyarakat"
satuan = "nilai"
alasan = "Alasan satu"
formulasi = "Survei IKM"
sumber_data = "Bagian Umum"
kondisi_awal = 1250.5
target = { 2025 = 1300, 2026 = 1350.25, 2027 = 1400.5, 2028 = 1450.75, 2029 = 1500.125 }
strategi = "Strategi A"
arah_kebijakan = "Arah A"
acuan = "Acuan A"

[[iku]]
sasaran = "Meningkatnya Mutu Layanan"
indikator = "Persentase Puskesmas Terakreditasi"
satuan = "%"
alasan = "Alasan dua"
formulasi = { pembilang = "Puskesmas terakreditasi", penyebut = "Seluruh puskesmas", kali = "100%" }
sumber_data = "Bidang Pelayanan"
kondisi_awal = 80
target = { 2025 = 82.5, 2026 = 85, 2027 = 87.5, 2028 = 90, 2029 = 95.05 }

[[iku]]
sasaran = "Menurunnya Angka Kematian"
indikator = "Angka Kematian Ibu"
satuan = "per 100.000 KH"
alasan = "Alasan tiga"
formulasi = "Jumlah kematian ibu dibagi kelahiran hidup"
sumber_data = "Bidang Kesmas"
kondisi_awal = 2100.75
target = { 2025 = 2000, 2026 = 1900, 2027 = 1800, 2028 = 1700, 2029 = 1600.4 }
strategi = "Strategi C"

[[iku]]
sasaran = "Menurunnya Angka Kematian"
indikator = "Angka Kematian Bayi"
satuan = "per 1.000 KH"
alasan = "Alasan empat"
formulasi = "Jumlah kematian bayi"
sumber_data = "Bidang Kesmas"

[[iku]]
sasaran = "Menurunnya Angka Kematian"
indikator = "Angka Kematian Balita"
satuan = "per 1.000 KH"
alasan = "Alasan lima"
formulasi = "Jumlah kematian balita"
sumber_data = "Bidang Kesmas"
kondisi_awal = 12
target = { 2025 = 11.9, 2026 = 11.8, 2027 = 11.7, 2028 = 11.6, 2029 = 11.5 }

[[iku]]
sasaran = "Terkendalinya Penyakit"
indikator = "Cakupan Imunisasi"
satuan = "%"
alasan = "Alasan enam"
formulasi = "Anak diimunisasi"
sumber_data = "Bidang P2P"
kondisi_awal = 90.5
target = { 2025 = 91, 2026 = 92, 2027 = 93, 2028 = 94, 2029 = 95 }
acuan = "Permenkes"
'''


@pytest.fixture(scope="module")
def lain(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("lain")
    path = folder / "lain.toml"
    path.write_text(LAIN, encoding="utf-8")
    return buat(folder, path)


def test_lain_lima_tahun_angka_indonesia_dan_kondisi_akhir(lain):
    baris = baris_teks(tabel_strategi(lain["dokumen"]))
    assert baris[1][6:11] == ["2025", "2026", "2027", "2028", "2029"]
    assert baris[0][7] == "KONDISI AKHIR (2029)" and baris[0][5] == "KONDISI AWAL (2023)"
    assert baris[2] == [str(n) for n in range(1, 18)]
    data = baris[3:]
    assert len(data) == 6
    assert data[0][5:12] == ["1.250,5", "1.300", "1.350,25", "1.400,5", "1.450,75", "1.500,125", "1.500,125"]
    assert data[1][5:12] == ["80", "82,5", "85", "87,5", "90", "95,05", "95,05"]
    assert data[2][5:12] == ["2.100,75", "2.000", "1.900", "1.800", "1.700", "1.600,4", "1.600,4"]
    assert data[3][5:12] == ["-"] * 7  # no kondisi awal, no target: "-", kondisi akhir too
    assert [r[12] for r in data] == ["Strategi A", "-", "Strategi C", "-", "-", "-"]
    assert [r[13] for r in data] == ["Arah A", "-", "-", "-", "-", "-"]
    assert [r[14] for r in data] == ["Acuan A", "-", "-", "-", "-", "Permenkes"]
    for r in data:
        assert r[11] == r[10]  # kondisi akhir = the last year's target


def test_lain_tiga_kelompok_sasaran_digabung(lain):
    t = tabel_strategi(lain["dokumen"])._tbl
    rows = t.findall(qn("w:tr"))[3:]
    val = [sel_baris(tr)[2].find(f"{qn('w:tcPr')}/{qn('w:vMerge')}").get(qn("w:val")) for tr in rows]
    assert val == ["restart", "continue", "restart", "continue", "continue", "restart"]
    sasaran = [teks_sel(sel_baris(tr)[2]) for tr in rows]
    assert sasaran == ["Meningkatnya Mutu Layanan", "", "Menurunnya Angka Kematian", "", "", "Terkendalinya Penyakit"]
    grid = [int(g.get(qn("w:w"))) for g in t.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")]
    assert len(grid) == 17 and abs(sum(grid) - 28.0 * TWIP_PER_CM) < 30  # F4 landscape text width


def test_lain_semua_teks_config_tercetak_apa_adanya(lain):
    import tomllib

    data = tomllib.loads(LAIN)
    teks = "\n".join(teks_docx(lain["dokumen"]))
    harus = [
        data["instansi"]["nama"],
        data["instansi"]["nama"].upper(),
        data["penandatangan"]["nama"],
        data["penandatangan"]["pangkat"],
        data["rencana"]["tujuan"],
        data["rencana"]["indikator_tujuan"],
        "Paragraf pengantar pertama.",
        "Baris kedua paragraf pertama.",
        "Paragraf pengantar kedua.",
        "Contoh, 6 Januari 2025",
        "NIP. 19750101 200012 2 001",
        "TAHUN 2025-2029",
        "a.\tKepala Dinas;",
        "b.\tSekretariat, membawahi:",
        "1.\tSubbagian Umum;",
        "c.\tBidang Pelayanan Kesehatan, membawahi:",
        "1.\tSeksi Rujukan; dan",
        "2.\tSeksi Primer.",
        "selama 5 (lima) tahun",
    ]
    for iku in data["iku"]:
        harus += [iku["sasaran"], iku["indikator"], iku["sumber_data"]]
        harus += [v for k in ("strategi", "arah_kebijakan", "acuan") if (v := iku.get(k))]
        f = iku["formulasi"]
        harus += [f["pembilang"], f["penyebut"]] if isinstance(f, dict) else [f]
    for h in harus:
        assert h in teks, h
    assert "49" not in teks.split("kesehatan")[1][:20]  # {{ 7*7 }} is text, not evaluated
    assert "Meningkatnya derajat kesehatan {{ 7*7 }} masyarakat" in teks


def test_lain_kertas_f4_dan_halaman_mendatar(lain):
    d = docx.Document(str(lain["dokumen"]))
    for s in d.sections:
        ukuran = sorted((round(s.page_width / Mm(1)), round(s.page_height / Mm(1))))
        assert ukuran == [215, 330]
    assert [s.page_width > s.page_height for s in d.sections].count(True) == 2
    assert {p.text for p in d.paragraphs if p.style.name == "Heading 2"} >= {"2.2 Strategi dan Arah Kebijakan"}


@pytest.mark.parametrize("tahun_akhir, kolom", [(2025, 13), (2034, 22)])
def test_rentang_satu_sampai_sepuluh_tahun(tmp_path, tahun_akhir, kolom):
    rentang = range(2025, tahun_akhir + 1)
    target = "{ " + ", ".join(f"{t} = {t - 2000}.5" for t in rentang) + " }"
    teks = re.sub(r"(?m)^tahun_akhir = 2029$", f"tahun_akhir = {tahun_akhir}", LAIN)
    teks = re.sub(r"(?m)^target = .*$", f"target = {target}", teks)
    path = tmp_path / "c.toml"
    path.write_text(teks, encoding="utf-8")
    tabel = tabel_strategi(buat(tmp_path, path)["dokumen"])
    baris = baris_teks(tabel)
    assert baris[2] == [str(n) for n in range(1, kolom + 1)]
    assert baris[3][5 + len(rentang)] == baris[3][6 + len(rentang)] == f"{tahun_akhir - 2000},5"
    grid = [int(g.get(qn("w:w"))) for g in tabel._tbl.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")]
    assert len(grid) == kolom and abs(sum(grid) - 28.0 * TWIP_PER_CM) < 30


# ---------------------------------------------------------------- pieces


def test_romawi_dan_kerangka():
    assert [bahasa.romawi(n) for n in (1, 2, 3, 4, 9, 14, 40)] == ["I", "II", "III", "IV", "IX", "XIV", "XL"]


def test_penomor_judul_tabel_dan_gambar():
    """One caption numbering for the book (Tabel 2.2.1) and the LKjIP (Tabel 3.1, 3.2 ...)."""
    tabel, gambar_ = blok.penomor("Tabel", 3), blok.penomor("Gambar", "2.2")
    assert [tabel(), tabel(), gambar_(), tabel()] == ["Tabel 3.1", "Tabel 3.2", "Gambar 2.2.1", "Tabel 3.3"]


def test_paragraf_dipisah_baris_kosong():
    assert buku.paragraf("a\nb\n\n\nc  \r\n\r\nd") == [["a", "b"], ["c"], ["d"]]


def test_struktur_unit_terakhir_membawahi(tmp_path):
    config = muat(salin_config(tmp_path / "i.toml"))
    unit = config.struktur[:1] + config.struktur[2:4]
    daftar = buku.daftar_struktur(config.model_copy(update={"struktur": unit}))
    assert [u["teks"] for u in daftar] == [
        "Kepala Dinas;",
        "Sekretariat, membawahi:",
        "Bidang Pelayanan dan Rehabilitasi Sosial, membawahi:",
    ]
    assert [a["teks"] for a in daftar[1]["anak"]] == ["Subbagian Umum dan Keuangan; dan", "Substansi Perencanaan; dan"]
    assert daftar[2]["anak"][-1]["teks"] == "Substansi Rehabilitasi Tuna Sosial."


def test_png_deterministik_tanpa_metadata_waktu(tmp_path):
    kotak = [gambar.Kotak("Kepala"), gambar.Kotak("Sekretariat", ("Umum", "Keuangan")), gambar.Kotak("Bidang")]
    a = gambar.simpan(gambar.bagan_organisasi(kotak[0], kotak[1:]), tmp_path / "a", "bagan")
    b = gambar.simpan(gambar.bagan_organisasi(kotak[0], kotak[1:]), tmp_path / "b", "bagan")
    assert a.read_bytes() == b.read_bytes() and a.name == b.name
    assert b"tIME" not in a.read_bytes() and b"tEXt" not in a.read_bytes()


# ---------------------------------------------------------------- PDF


def ukuran_halaman(pdf: Path) -> list[tuple[float, float]]:
    keluaran = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "999", str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", keluaran)]


@pytest.mark.pdf
def test_pdf_buku_judul_tabel_dan_halaman_mendatar(referensi, tmp_path):
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/profil",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(referensi["dokumen"]),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    pdf = tmp_path / referensi["dokumen"].with_suffix(".pdf").name
    teks = teks_pdf(pdf)
    posisi = -1
    for judul in JUDUL_BAB[2:5] + ["Tabel 2.2.1", "MEMUTUSKAN:"]:
        posisi = teks.index(judul, posisi + 1)
    datar = " ".join(teks_pdf(pdf, layout=True).split())
    assert "6,12 5,15 4,9 4,8 4,6 4,6" in datar
    assert "3,86 6,86 9,86 12,86 15,86 15,86" in datar
    halaman = ukuran_halaman(pdf)
    a4 = (595.3, 841.9)
    assert any(abs(w - a4[1]) < 2 and abs(h - a4[0]) < 2 for w, h in halaman)  # landscape A4
    assert abs(halaman[0][0] - a4[0]) < 2 and abs(halaman[0][1] - a4[1]) < 2
    assert sum(1 for w, h in halaman if w > h) >= 2  # Tabel 2.2.1 and the lampiran


def test_tanpa_struktur_dan_tanpa_nilai_rencana(tmp_path):
    teks = re.sub(r"(?ms)^\[\[struktur\]\].*?(?=^\[\[iku\]\])", "", LAIN)
    for kunci in ("kondisi_awal", "target", "strategi", "arah_kebijakan", "acuan"):
        teks = re.sub(rf"(?m)^{kunci} = .*\n", "", teks)
    path = tmp_path / "kosong.toml"
    path.write_text(teks, encoding="utf-8")
    hasil = buat(tmp_path, path)["dokumen"]
    d = docx.Document(str(hasil))
    assert list(d.element.body.iter(qn("wp:inline"))) == []  # no chart to draw, no plan values to plot
    semua = teks_docx(hasil)
    assert not any(t.startswith(("a.\tKepala Dinas", "Bagan Struktur", "Gambar 2.2.1")) for t in semua)
    assert not any(t.endswith("sebagai berikut:") and "Susunan organisasi" in t for t in semua)
    for r in baris_teks(tabel_strategi(hasil))[3:]:
        assert r[5:15] == ["-"] * 10


# ---------------------------------------------------------------- many indicators, many units, six years


def banyak(n_iku: int, n_unit: int, kertas: str = "A4", nilai: str = "12345678.25") -> str:
    """LAIN with n_iku indicators in groups of three (six years of targets, long numbers)
    and n_unit units under the head, each with five sub-units."""
    teks = re.sub(r"(?ms)^\[\[(struktur|iku)\]\].*", "", LAIN)
    teks = teks.replace('kertas = "F4"', f'kertas = "{kertas}"')
    teks = re.sub(r"(?m)^tahun_akhir = 2029$", "tahun_akhir = 2030", teks)
    unit = ['[[struktur]]\nnama = "Kepala Dinas Kesehatan Kota Contoh"\n']
    for u in range(1, n_unit + 1):
        anak = ", ".join(f'"Seksi Pelayanan dan Pengawasan Mutu Kesehatan {u}.{k}"' for k in range(1, 6))
        unit.append(f'[[struktur]]\nnama = "Bidang Pelayanan Kesehatan Masyarakat {u}"\nmembawahi = [{anak}]\n')
    target = "{ " + ", ".join(f"{t} = {v}" for t, v in zip(range(2025, 2031), [nilai] * 6)) + " }"
    iku = [
        f'[[iku]]\nsasaran = "Sasaran Strategis Kelompok {i // 3 + 1:02d}"\n'
        f'indikator = "Indikator Kinerja {i + 1:02d}"\n'
        f'satuan = "%"\nalasan = "a"\nformulasi = "Formulasi {i + 1}"\nsumber_data = "Sumber {i + 1}"\n'
        f'kondisi_awal = {nilai}\ntarget = {target}\nstrategi = "Strategi {i + 1}"\n'
        for i in range(n_iku)
    ]
    return teks + "\n".join(unit + iku)


@pytest.fixture(scope="module")
def empat_puluh(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("empat_puluh")
    path = folder / "a.toml"
    path.write_text(banyak(40, 15), encoding="utf-8")
    return buat(folder, path)


def gambar_per_bagian(path: Path) -> list[tuple[Any, Any]]:
    """Every inline picture of the body with the sectPr of the section it stands in."""
    body = docx.Document(str(path)).element.body
    hasil, menunggu = [], []
    for elemen in body.iterchildren():
        menunggu += [(i, elemen) for i in elemen.iter(qn("wp:inline"))]
        sect = elemen if elemen.tag == qn("w:sectPr") else elemen.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
        if sect is not None:
            hasil += [(i, sect, p) for i, p in menunggu]
            menunggu = []
    return hasil


def test_setiap_gambar_muat_dalam_tinggi_halaman_bagiannya(empat_puluh, referensi, lain):
    for path in (empat_puluh["dokumen"], referensi["dokumen"], lain["dokumen"]):
        for inline, sect, _ in gambar_per_bagian(path):
            ukuran, margin = sect.find(qn("w:pgSz")), sect.find(qn("w:pgMar"))
            tinggi = int(ukuran.get(qn("w:h"))) - int(margin.get(qn("w:top"))) - int(margin.get(qn("w:bottom")))
            lebar = int(ukuran.get(qn("w:w"))) - int(margin.get(qn("w:left"))) - int(margin.get(qn("w:right")))
            cx, cy = (int(inline.find(qn("wp:extent")).get(k)) for k in ("cx", "cy"))
            assert cy / 635 <= tinggi - 2 * 20 * 14, path.name  # EMU -> twips; two caption lines of room
            assert cx / 635 <= lebar


def test_grafik_target_dibagi_dengan_judul_bernomor_dan_tetap_bersama(empat_puluh):
    teks = teks_docx(empat_puluh["dokumen"])
    judul = [t for t in teks if t.startswith("Gambar 2.2.1")]
    per = grafik.panel_per_gambar(297 - buku.MARGIN_ATAS_BAWAH_MM - buku.RUANG_JUDUL_MM)
    jumlah = -(-40 // per)
    assert per >= 4 and jumlah > 1
    assert judul == [
        f"Gambar 2.2.1 ({n}/{jumlah}) Kondisi Awal (2023) dan Target Indikator Kinerja Utama Tahun 2025-2030"
        for n in range(1, jumlah + 1)
    ]
    bagan = [t for t in teks if t.startswith("Bagan Struktur Organisasi")]
    assert len(bagan) > 1 and bagan[-1].endswith(f"({len(bagan)}/{len(bagan)})")
    inline = gambar_per_bagian(empat_puluh["dokumen"])
    assert len(inline) == jumlah + len(bagan)
    d = docx.Document(str(empat_puluh["dokumen"]))
    gaya = {s.style_id: s for s in d.styles if s.type == 1}
    for _, _, p in inline:  # each picture keeps with its caption, the paragraph right after it
        kode = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val"))
        assert p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None or gaya[kode].paragraph_format.keep_with_next
        sesudah = p.getnext()
        assert teks_paragraf(sesudah).startswith(("Gambar 2.2.1", "Bagan Struktur"))


def test_bagan_besar_dibagi_per_baris_unit(tmp_path):
    kotak = [
        gambar.Kotak(f"Bidang {u}", tuple(f"Seksi Panjang Sekali Namanya {u}.{k}" for k in range(6))) for u in range(16)
    ]
    bagian = gambar.bagan_terbagi(kotak[0], kotak[1:], 160, 200)
    assert len(bagian) > 1
    assert all(gambar.mm(b.height) <= 200 for b in bagian)
    assert all(b.width == gambar.px(160) for b in bagian)
    kecil = gambar.bagan_terbagi(kotak[0], kotak[1:4], 160, 200)
    assert len(kecil) == 1


def test_angka_tabel_2_2_1_tidak_terpotong_dan_teks_berbagi_sisa(empat_puluh, referensi, lain):
    from iku import tabel as render
    from iku import xml_word

    for path, huruf in (
        (empat_puluh["dokumen"], "Arial"),
        (referensi["dokumen"], "Bookman Old Style"),
        (lain["dokumen"], "Arial"),
    ):
        d = docx.Document(str(path))
        t = tabel_strategi(path)._tbl
        grid = [int(g.get(qn("w:w"))) for g in t.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")]
        margin = render._margin_sel_twip(t)
        gaya = render._ukuran_gaya(d)
        for tr in t.findall(qn("w:tr")):
            posisi = 0
            for tc in sel_baris(tr):
                rentang = xml_word.rentang(tc)
                ada = sum(grid[posisi : posisi + rentang]) - margin
                for p in tc.iter(qn("w:p")):
                    ukuran, tebal = render._huruf_paragraf(p, gaya)
                    for token in teks_paragraf(p).split():
                        if re.fullmatch(r"[-+]?\d[\d.,]*%?", token):
                            assert render.lebar_teks_twip(token, ukuran / 2, huruf, tebal) <= ada, (path.name, token)
                posisi += rentang
    for path, huruf in ((referensi["dokumen"], "Bookman Old Style"), (lain["dokumen"], "Arial")):
        t = tabel_strategi(path)._tbl  # room enough: no word breaks inside either
        grid = [int(g.get(qn("w:w"))) for g in t.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")]
        _, kata, _ = render.kebutuhan_kolom(t, render._ukuran_gaya(docx.Document(str(path))), huruf)
        assert all(g >= k + render._margin_sel_twip(t) for g, k in zip(grid, kata)), path.name
    # six years of 13-character numbers on A4: the table's font steps down, never under 6 pt
    ukuran = {int(v) for v in tabel_strategi(empat_puluh["dokumen"])._tbl.xpath(".//w:sz/@w:val")}
    assert ukuran and min(ukuran) >= 12
    # the sample's table (with its SATUAN column) steps down at most half a point from the template's 7 pt
    assert {int(v) for v in tabel_strategi(referensi["dokumen"])._tbl.xpath(".//w:r/w:rPr/w:sz/@w:val")} <= {13, 2}


def test_lebar_teks_menurut_huruf_dan_tebal():
    from iku import tabel

    assert tabel.lebar_teks_twip("12.345.678,25", 7, "Arial") > tabel.lebar_teks_twip("1.250,5", 7, "Arial")
    assert tabel.lebar_teks_twip("2025", 10, "Bookman Old Style") > tabel.lebar_teks_twip("2025", 10, "Arial")
    assert tabel.lebar_teks_twip("SASARAN", 7, "Arial", True) > tabel.lebar_teks_twip("SASARAN", 7, "Arial")
    assert abs(tabel.lebar_teks_twip("12.345.678,25", 7, "Arial") - 6.394 * 7 * 20) < 0.05 * 6.394 * 7 * 20


def test_baris_data_tabel_2_2_1_tidak_terbelah_dan_judul_berulang(empat_puluh, referensi):
    for path in (empat_puluh["dokumen"], referensi["dokumen"]):
        rows = tabel_strategi(path)._tbl.findall(qn("w:tr"))
        assert all(tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None for tr in rows[:3])
        assert all(tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for tr in rows[3:])
    # 40 rows over pages: the table and its continuations (iku/lanjutan.py), each under the same
    # three header rows, a continuing group's "(lanjutan)" row before its rows
    d = docx.Document(str(empat_puluh["dokumen"]))
    bagian = [t._tbl for t in d.tables if t.cell(0, 0).text == "TUJUAN"]
    data = [tr for t in bagian for tr in t.findall(qn("w:tr"))[3:] if not teks_sel(tr).endswith(" (lanjutan)")]
    assert len(data) == 40 and len(bagian) > 1


@pytest.mark.pdf
def test_pdf_empat_puluh_iku_angka_utuh_dan_semua_grafik_tampil(empat_puluh, tmp_path):
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/profil",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(empat_puluh["dokumen"]),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    pdf = tmp_path / empat_puluh["dokumen"].with_suffix(".pdf").name
    teks = teks_pdf(pdf)
    halaman = teks.split("\f")
    tabel = [h for h in halaman if "PENJELASAN" in h]
    token = " ".join(tabel).split()
    assert token.count("12.345.678,25") == 8 * 40  # kondisi awal, six years, kondisi akhir: each on one line
    assert "12.345.678,2" not in token and "1.250," not in token
    for n in range(1, 18):  # column numbers each on its own, never run together ("1011")
        assert str(n) in token
    assert "1011" not in token
    keluaran = subprocess.run(["pdfimages", "-list", str(pdf)], check=True, capture_output=True, text=True).stdout
    gambar_hal = [int(b.split()[0]) for b in keluaran.splitlines()[2:]]
    judul = [i + 1 for i, h in enumerate(halaman) for b in h.splitlines() if b.startswith("Gambar 2.2.1 (")]
    jumlah = len(judul)
    assert jumlah == -(-40 // grafik.panel_per_gambar(297 - 45 - buku.RUANG_JUDUL_MM))
    for k, h in enumerate(judul, start=1):  # each chart's caption on the page of its picture
        assert f"({k}/{jumlah})" in halaman[h - 1]
        assert h in gambar_hal


def test_grafik_per_gambar_menurut_kertas():
    from iku.model import KERTAS_MM

    ruang = {k: v[1] - buku.MARGIN_ATAS_BAWAH_MM - buku.RUANG_JUDUL_MM for k, v in KERTAS_MM.items()}
    assert grafik.panel_per_gambar(ruang["A4"]) == 6 and grafik.panel_per_gambar(ruang["F4"]) == 8
    for tinggi in ruang.values():  # the picture of a full set of panels fits the room left for it
        penuh = grafik.grafik([grafik.Seri("x", "%", ("2023",), (Decimal(1),))] * grafik.panel_per_gambar(tinggi))
        assert penuh.tinggi_mm <= tinggi
