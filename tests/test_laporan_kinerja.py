"""The Laporan Kinerja (LKjIP): every computed figure as printed, in document order, on the
reference config and on another agency with "naik" and "turun" rows, a zero target, a capaian
above 100 and a realisasi of 0; the year table's gaps; the PK lampiran equal to the standalone PK;
the TOC page numbers in the PDF."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest

from bantu import TEMPLATES, data_contoh, salin_config, teks_docx, teks_pdf, tulis_data
from iku import isi, konfigurasi
from iku.buat import Permintaan, generate
from iku.naskah import DAFTAR, tata_naskah
from iku.naskah.laporan_kinerja import KERANGKA

LK = next(j for j in DAFTAR if j.jenis == "laporan_kinerja")
PK = next(j for j in DAFTAR if j.jenis == "perjanjian_kinerja")
KEPALA_CAPAIAN = ["NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "TARGET", "REALISASI", "CAPAIAN (%)", "PREDIKAT"]


def tulis(tmp_path: Path, data: dict, jenis=LK) -> Path:
    """One document of a config, rendered as generate renders it."""
    config = konfigurasi.baca(tulis_data(tmp_path / "iku.toml", data)).config
    return isi.render(
        TEMPLATES / jenis.templat,
        jenis.konteks(config, tmp_path),
        tata_naskah(jenis, config),
        tmp_path / f"{jenis.awalan_berkas}.docx",
    )


def berurutan(teks: list[str], harapan: list[str]) -> None:
    """Every expected paragraph appears, in this order (others may stand between)."""
    posisi = 0
    for h in harapan:
        assert h in teks[posisi:], f"{h!r} tidak ada sesudah paragraf {posisi}: {teks[posisi : posisi + 8]}"
        posisi = teks.index(h, posisi) + 1


def bagian(teks: list[str], awal: str, akhir: str) -> list[str]:
    """The paragraphs from the heading awal (its last occurrence: the TOC names it first) to akhir."""
    mulai = len(teks) - 1 - teks[::-1].index(awal)
    return teks[mulai : teks.index(akhir, mulai)]


# ---------------------------------------------------------------- the reference agency


@pytest.fixture(scope="module")
def rujukan(tmp_path_factory) -> Path:
    return tulis(tmp_path_factory.mktemp("lk"), data_contoh())


def test_rujukan_sampul_pengantar_dan_ikhtisar(rujukan: Path) -> None:
    teks = teks_docx(rujukan)
    berurutan(
        teks,
        [
            "LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP)",
            "TAHUN 2023",
            "DINAS SOSIAL KABUPATEN BULELENG",
            "KATA PENGANTAR",
            "Singaraja, 20 Februari 2024",
            "Kepala Dinas Sosial Kabupaten Buleleng,",
            "I Putu Kariaman Putra, S.Sos, MM",
            "NIP. 19691231 199103 1 053",
            "IKHTISAR EKSEKUTIF",
            "Dari 2 (dua) Indikator Kinerja Utama, 1 (satu) indikator mencapai atau melampaui target "
            "(capaian 100% atau lebih).",
            "Menurut predikat capaian: Sangat Tinggi 2 indikator; Tinggi 0 indikator; Sedang 0 indikator; "
            "Rendah 0 indikator; Sangat Rendah 0 indikator.",
            "Realisasi anggaran tahun 2023 sebesar Rp9.444.159.350 dari pagu Rp9.919.562.000, atau terserap 95,21%.",
            "DAFTAR ISI",
        ],
    )


def test_rujukan_angka_capaian_berurutan(rujukan: Path) -> None:
    teks = bagian(teks_docx(rujukan), "BAB III AKUNTABILITAS KINERJA", "BAB IV PENUTUP")
    berurutan(
        teks,
        [
            "Tabel 3.1",
            "Capaian Kinerja Sasaran \u201cMenurunnya Penduduk Miskin\u201d Tahun 2023",
            *KEPALA_CAPAIAN,
            "1.",
            "Menurunnya Penduduk Miskin",
            "Persentase Penduduk Miskin",
            "%",
            "5,15",
            "5,05",
            "101,94",
            "Sangat Tinggi",
            "Tabel 3.2",
            *KEPALA_CAPAIAN,
            "2.",
            "Meningkatnya Penanganan PMKS",
            "Persentase Penanganan PMKS",
            "%",
            "6,86",
            "6,66",
            "97,08",
            "Sangat Tinggi",
            "Tabel 3.3",
            "Perbandingan Realisasi Kinerja Tahun 2021-2023",
            "2021",
            "2022",
            "2023",
            "1.",
            "Persentase Penduduk Miskin",
            "%",
            "6,12",
            "5,9",
            "5,05",
            "2.",
            "Persentase Penanganan PMKS",
            "%",
            "3,86",
            "5,12",
            "6,66",
            "Tabel 3.4",
            "Capaian Kinerja Tahun 2023 terhadap Target Akhir Periode Rencana (2026)",
            "TARGET 2026",
            "REALISASI 2023",
            # turun: (2 x 4,6 - 5,05) / 4,6 = 90,2173.. ; naik: 6,66 / 15,86 = 41,99..
            "1.",
            "Persentase Penduduk Miskin",
            "%",
            "4,6",
            "5,05",
            "90,22",
            "Tinggi",
            "2.",
            "Persentase Penanganan PMKS",
            "%",
            "15,86",
            "6,66",
            "41,99",
            "Sangat Rendah",
            "Gambar 3.1 Target dan Realisasi Persentase Penduduk Miskin Tahun 2023-2026",
            "Gambar 3.2 Target dan Realisasi Persentase Penanganan PMKS Tahun 2023-2026",
            "B. Realisasi Anggaran",
            "Tabel 3.5",
            "NO",
            "PROGRAM",
            "ANGGARAN (Rp)",
            "REALISASI (Rp)",
            "%",
            "1.",
            "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
            "6.845.312.000",
            "6.512.784.350",
            "95,14",
            "JUMLAH",
            "9.919.562.000",
            "9.444.159.350",
            "95,21",
        ],
    )


def test_daftar_isi_dan_judul_dari_satu_kerangka(rujukan: Path) -> None:
    teks = teks_docx(rujukan)
    judul = [
        "KATA PENGANTAR",
        "IKHTISAR EKSEKUTIF",
        "DAFTAR ISI",
        "BAB I PENDAHULUAN",
        "A. Latar Belakang",
        "B. Struktur Organisasi Dinas Sosial Kabupaten Buleleng",
        "BAB II PERENCANAAN KINERJA",
        "A. Tujuan dan Sasaran",
        "B. Indikator Kinerja Utama dan Target",
        "C. Perjanjian Kinerja Tahun 2023",
        "BAB III AKUNTABILITAS KINERJA",
        "A. Capaian Kinerja Organisasi",
        "B. Realisasi Anggaran",
        "BAB IV PENUTUP",
        "LAMPIRAN",
    ]
    assert len(judul) == len(KERANGKA)
    daftar = teks[teks.index("DAFTAR ISI") + 1 :]
    assert [t.rstrip("\t") for t in daftar if t.endswith("\t")][: len(judul)] == judul
    berurutan(teks[teks.index("BAB I PENDAHULUAN") :], judul[3:])


def test_lampiran_sama_dengan_perjanjian_kinerja(rujukan: Path, tmp_path: Path) -> None:
    pk = teks_docx(tulis(tmp_path, data_contoh(), PK))
    lk = teks_docx(rujukan)
    assert lk[-len(pk) :] == pk
    assert lk[-len(pk) - 1] == "LAMPIRAN"


def test_tanpa_laporan_kinerja_tidak_ada_berkas(tmp_path: Path) -> None:
    config = salin_config(tmp_path / "iku.toml", laporan=False)
    paths = generate(Permintaan(konfigurasi.baca(config), TEMPLATES, tmp_path / "keluaran"))
    assert paths and not [p for p in paths if "laporan-kinerja" in p.name]
    assert not list((tmp_path / "keluaran").rglob("laporan-kinerja*"))


def test_properti_dokumen_sendiri(rujukan: Path) -> None:
    import docx

    inti = docx.Document(str(rujukan)).core_properties
    assert inti.title == "Laporan Kinerja Instansi Pemerintah Dinas Sosial Kabupaten Buleleng Tahun 2023"
    assert inti.created.date().isoformat() == "2024-02-20"


# ---------------------------------------------------------------- another agency


def baris(dasar: dict, sasaran: str, indikator: str, arah: str, target: dict, realisasi: dict) -> dict:
    b = copy.deepcopy(dasar)
    b.update(sasaran=sasaran, indikator=indikator, arah=arah, target=target, realisasi=realisasi, kondisi_awal=1)
    b.pop("analisis", None)
    return b


def data_lain() -> dict:
    """Six rows: turun 105,00; naik 125,00; target 0; realisasi 0; Sedang; turun below zero."""
    d = data_contoh()
    d["instansi"].update(nama="Dinas Pendidikan Kabupaten Contoh", pemerintah="Pemerintah Kabupaten Contoh")
    dasar = d["iku"][0]
    t = lambda a, b, c, e: {"2023": a, "2024": b, "2025": c, "2026": e}  # noqa: E731
    d["iku"] = [
        baris(dasar, "Sasaran Satu", "Angka Kemiskinan", "turun", t(10, 9.5, 9, 8), {"2021": 11.5, "2023": 9.5}),
        baris(dasar, "Sasaran Satu", "Cakupan Layanan", "naik", t(80, 85, 90, 100), {"2022": 90, "2023": 100}),
        baris(dasar, "Sasaran Dua", "Kasus Baru", "turun", t(0, 0, 0, 0), {"2023": 3}),
        baris(dasar, "Sasaran Dua", "Indeks Kepuasan", "naik", t(80, 82, 85, 90), {"2023": 0}),
        baris(dasar, "Sasaran Tiga", "Angka Partisipasi", "naik", t(90, 92, 95, 100), {"2023": 63}),
        baris(dasar, "Sasaran Tiga", "Angka Putus Sekolah", "turun", t(5, 4, 4, 3), {"2023": 12}),
    ]
    d["iku"][0]["analisis"] = "Angka kemiskinan turun berkat <b>bantuan</b> & {{ pendampingan }}."
    d["program"] = [
        {"nama": "Program Satu", "anggaran": 1000000000, "realisasi": 900000000},
        {"nama": "Program Dua", "anggaran": 500000000, "realisasi": 500000000},
    ]
    d["laporan_kinerja"] = {
        "tanggal": d["laporan_kinerja"]["tanggal"],
        "kata_pengantar": "Pengantar kami.\n\nTerima kasih.",
    }
    return d


@pytest.fixture(scope="module")
def lain(tmp_path_factory) -> Path:
    return tulis(tmp_path_factory.mktemp("lain"), data_lain())


def test_lain_ikhtisar(lain: Path) -> None:
    teks = teks_docx(lain)
    berurutan(
        teks,
        [
            "KATA PENGANTAR",
            "Pengantar kami.",
            "Terima kasih.",
            "IKHTISAR EKSEKUTIF",
            "Dari 6 (enam) Indikator Kinerja Utama, 2 (dua) indikator mencapai atau melampaui target "
            "(capaian 100% atau lebih).",
            "Menurut predikat capaian: Sangat Tinggi 2 indikator; Tinggi 0 indikator; Sedang 1 indikator; "
            "Rendah 0 indikator; Sangat Rendah 2 indikator.",
            '1 (satu) indikator bertarget 0 sehingga capaian dan predikatnya tidak dapat dihitung (tercetak "-").',
            "Realisasi anggaran tahun 2023 sebesar Rp1.400.000.000 dari pagu Rp1.500.000.000, atau terserap 93,33%.",
            "DAFTAR ISI",
        ],
    )


def test_lain_angka_capaian_berurutan(lain: Path) -> None:
    teks = bagian(teks_docx(lain), "BAB III AKUNTABILITAS KINERJA", "BAB IV PENUTUP")
    berurutan(
        teks,
        [
            "Tabel 3.1",
            *KEPALA_CAPAIAN,
            "1.",
            "Sasaran Satu",
            "Angka Kemiskinan",
            "%",
            "10",
            "9,5",
            "105,00",
            "Sangat Tinggi",  # (20 - 9,5) / 10
            "2.",
            "Cakupan Layanan",
            "%",
            "80",
            "100",
            "125,00",
            "Sangat Tinggi",
            "Tabel 3.2",
            *KEPALA_CAPAIAN,
            "3.",
            "Sasaran Dua",
            "Kasus Baru",
            "%",
            "0",
            "3",
            "-",
            "-",
            "4.",
            "Indeks Kepuasan",
            "%",
            "80",
            "0",
            "0,00",
            "Sangat Rendah",
            "Tabel 3.3",
            *KEPALA_CAPAIAN,
            "5.",
            "Sasaran Tiga",
            "Angka Partisipasi",
            "%",
            "90",
            "63",
            "70,00",
            "Sedang",
            "6.",
            "Angka Putus Sekolah",
            "%",
            "5",
            "12",
            "0,00",
            "Sangat Rendah",  # (10 - 12) / 5 < 0
            "Tabel 3.4",
            "Perbandingan Realisasi Kinerja Tahun 2021-2023",
            "2021",
            "2022",
            "2023",
            "1.",
            "Angka Kemiskinan",
            "%",
            "11,5",
            "-",
            "9,5",
            "2.",
            "Cakupan Layanan",
            "%",
            "-",
            "90",
            "100",
            "3.",
            "Kasus Baru",
            "%",
            "-",
            "-",
            "3",
            "4.",
            "Indeks Kepuasan",
            "%",
            "-",
            "-",
            "0",
            "Tabel 3.5",
            "TARGET 2026",
            "REALISASI 2023",
            "1.",
            "Angka Kemiskinan",
            "%",
            "8",
            "9,5",
            "81,25",
            "Tinggi",
            "2.",
            "Cakupan Layanan",
            "%",
            "100",
            "100",
            "100,00",
            "Sangat Tinggi",
            "3.",
            "Kasus Baru",
            "%",
            "0",
            "3",
            "-",
            "-",
            "4.",
            "Indeks Kepuasan",
            "%",
            "90",
            "0",
            "0,00",
            "Sangat Rendah",
            "5.",
            "Angka Partisipasi",
            "%",
            "100",
            "63",
            "63,00",
            "Rendah",
            "6.",
            "Angka Putus Sekolah",
            "%",
            "3",
            "12",
            "0,00",
            "Sangat Rendah",
            "Gambar 3.1 Target dan Realisasi Angka Kemiskinan Tahun 2023-2026",
            "Angka kemiskinan turun berkat <b>bantuan</b> & {{ pendampingan }}.",
            "Gambar 3.3 Target dan Realisasi Kasus Baru Tahun 2023-2026",
            "Realisasi tahun 2023 sebesar 3% dengan target 0%; capaiannya tidak dapat dihitung karena targetnya 0.",
            "Realisasi tahun 2023 sebesar 0% dari target 80%, dengan capaian 0,00% (predikat Sangat Rendah).",
            "Gambar 3.6 Target dan Realisasi Angka Putus Sekolah Tahun 2023-2026",
            "Tabel 3.6",
            "1.",
            "Program Satu",
            "1.000.000.000",
            "900.000.000",
            "90,00",
            "2.",
            "Program Dua",
            "500.000.000",
            "500.000.000",
            "100,00",
            "JUMLAH",
            "1.500.000.000",
            "1.400.000.000",
            "93,33",
        ],
    )


def test_lain_lampiran_sama_dengan_perjanjian_kinerja(lain: Path, tmp_path: Path) -> None:
    pk = teks_docx(tulis(tmp_path, data_lain(), PK))
    assert teks_docx(lain)[-len(pk) :] == pk
    assert "DINAS PENDIDIKAN KABUPATEN CONTOH" in pk


def test_tanpa_perjanjian_kinerja_tanpa_lampiran(tmp_path: Path) -> None:
    d = data_contoh()
    del d["perjanjian_kinerja"]
    teks = teks_docx(tulis(tmp_path, d))
    assert "LAMPIRAN" not in teks and "C. Perjanjian Kinerja Tahun 2023" not in teks
    assert "BAB IV PENUTUP" in teks and "101,94" in teks


# ---------------------------------------------------------------- PDF


def nomor_halaman(halaman: str) -> str:
    return [b.strip() for b in halaman.splitlines() if b.strip()][-1]


@pytest.mark.pdf
@pytest.mark.parametrize("nama", ["rujukan", "lain"])
def test_pdf_angka_dan_nomor_halaman_daftar_isi(nama: str, request, tmp_path: Path) -> None:
    from iku.pdf import ke_pdf

    sumber = request.getfixturevalue(nama)
    pdf = ke_pdf([sumber], tmp_path).berkas[0]
    halaman = teks_pdf(pdf, layout=True).split("\f")
    daftar = next(i for i, h in enumerate(halaman) if "DAFTAR ISI" in h and "Halaman" in h)
    isi_daftar = halaman[daftar]
    judul = [
        "BAB I PENDAHULUAN",
        "BAB II PERENCANAAN KINERJA",
        "BAB III AKUNTABILITAS KINERJA",
        "A. Capaian Kinerja Organisasi",
        "B. Realisasi Anggaran",
        "BAB IV PENUTUP",
        "LAMPIRAN",
    ]
    for j in judul:
        m = re.search(rf"^\s*{re.escape(j)}\s*\.*\s*(\d+)\s*$", isi_daftar, re.M)
        assert m, f"{j} tanpa nomor halaman di daftar isi"
        tempat = [i for i, h in enumerate(halaman) if i > daftar and j in [b.strip() for b in h.splitlines()]]
        assert tempat and nomor_halaman(halaman[tempat[0]]) == m.group(1), j
    semua = " ".join(" ".join(halaman).split())
    angka = (
        ["101,94", "97,08", "90,22", "41,99", "95,14", "9.444.159.350", "95,21"]
        if nama == "rujukan"
        else ["105,00", "125,00", "0,00", "70,00", "81,25", "63,00", "1.400.000.000", "93,33"]
    )
    for a in angka:
        assert a in semua, a


def test_lain_baris_capaian_utuh_bersebelahan(lain: Path) -> None:
    """Each row's cells side by side, exactly: no "-" borrowed from another row."""
    teks = bagian(teks_docx(lain), "Tabel 3.1", "Tabel 3.4")
    harapan = {
        "Angka Kemiskinan": ["%", "10", "9,5", "105,00", "Sangat Tinggi"],
        "Cakupan Layanan": ["%", "80", "100", "125,00", "Sangat Tinggi"],
        "Kasus Baru": ["%", "0", "3", "-", "-"],
        "Indeks Kepuasan": ["%", "80", "0", "0,00", "Sangat Rendah"],
        "Angka Partisipasi": ["%", "90", "63", "70,00", "Sedang"],
        "Angka Putus Sekolah": ["%", "5", "12", "0,00", "Sangat Rendah"],
    }
    for indikator, sel in harapan.items():
        i = teks.index(indikator)
        assert teks[i + 1 : i + 6] == sel, indikator


def test_tanpa_program_tanpa_tabel_anggaran(tmp_path: Path) -> None:
    d = data_contoh()
    del d["program"]
    teks = teks_docx(tulis(tmp_path, d))
    anggaran = bagian(teks, "B. Realisasi Anggaran", "BAB IV PENUTUP")
    assert anggaran[1:] == ["Program dan anggaran tahun 2023 belum dicantumkan pada konfigurasi."]
    assert not [t for t in teks if t.startswith("Realisasi anggaran tahun")]


def test_realisasi_program_belum_diisi_tercetak_strip(tmp_path: Path) -> None:
    d = data_contoh()
    for p in d["program"][1:]:
        del p["realisasi"]
    teks = bagian(teks_docx(tulis(tmp_path, d)), "B. Realisasi Anggaran", "BAB IV PENUTUP")
    i = teks.index("Program Pemberdayaan Sosial")
    assert teks[i + 1 : i + 4] == ["412.500.000", "-", "-"]
    # JUMLAH: the sum of the budgets, and of the realisasi that are there
    assert teks[teks.index("JUMLAH") + 1 : teks.index("JUMLAH") + 4] == ["9.919.562.000", "6.512.784.350", "65,66"]


def test_logo_di_sampul_dan_di_lampiran_pk(tmp_path: Path) -> None:
    import zipfile

    from bantu import tulis_png

    d = data_contoh()
    d["instansi"]["logo"] = "logo.png"
    tulis_png(tmp_path / "logo.png")
    path = tulis(tmp_path, d)
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    sampul = xml.index("LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP)")
    pk = xml.index("PERJANJIAN KINERJA TAHUN 2023")
    gambar = [i for i in range(len(xml)) if xml.startswith("<w:drawing>", i)]
    # cover logo, org chart, two charts, then the PK's logo above its heading
    assert len(gambar) == 5
    assert sampul < gambar[0] < xml.index("KATA PENGANTAR")
    assert xml.rindex("BAB IV PENUTUP") < gambar[-1] < pk
