"""The Laporan Kinerja (LKjIP): every computed figure as printed, in document order, on the
reference config and on another agency with "naik" and "turun" rows, a zero target, a capaian
above 100 and a realisasi of 0; the year table's gaps; the PK lampiran equal to the standalone PK;
the TOC page numbers in the PDF."""

from __future__ import annotations

import copy
import re
import subprocess
from pathlib import Path

import pytest

from bantu import TEMPLATES, data_contoh, salin_config, teks_docx, teks_pdf, tulis_data, tulis_naskah
from iku import konfigurasi
from iku.buat import Permintaan, generate
from iku.naskah import DAFTAR
from iku.naskah.laporan_kinerja import KERANGKA

LK = next(j for j in DAFTAR if j.jenis == "laporan_kinerja")
PK = next(j for j in DAFTAR if j.jenis == "perjanjian_kinerja")
KEPALA_CAPAIAN = ["NO", "INDIKATOR KINERJA", "SATUAN", "TARGET", "REALISASI", "CAPAIAN (%)", "PREDIKAT"]


def tulis(tmp_path: Path, data: dict, jenis=LK) -> Path:
    """One document of a config, rendered as generate renders it."""
    bacaan = konfigurasi.baca(tulis_data(tmp_path / "iku.toml", data))
    return tulis_naskah(bacaan, jenis, tmp_path / f"{jenis.awalan_berkas}.docx")


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
            "Sasaran 1: Menurunnya Penduduk Miskin",  # a header row: repeated on every page of the group
            "1.",
            "Persentase Penduduk Miskin",
            "%",
            "5,15",
            "5,05",
            "101,94",
            "Sangat Tinggi",
            "Tabel 3.2",
            *KEPALA_CAPAIAN,
            "Sasaran 2: Meningkatnya Penanganan PMKS",
            "2.",
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
            "Gambar 3.1 Target dan Realisasi Persentase Penduduk Miskin (makin rendah makin baik) Tahun 2023-2026",
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
            "Rendah 0 indikator; Sangat Rendah 3 indikator.",
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
            "Sasaran 1: Sasaran Satu",
            "1.",
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
            "Sasaran 2: Sasaran Dua",
            "3.",
            "Kasus Baru",
            "%",
            "0",
            "3",
            "0,00",  # turun with target 0: any case above 0 misses it
            "Sangat Rendah",
            "4.",
            "Indeks Kepuasan",
            "%",
            "80",
            "0",
            "0,00",
            "Sangat Rendah",
            "Tabel 3.3",
            *KEPALA_CAPAIAN,
            "Sasaran 3: Sasaran Tiga",
            "5.",
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
            "0,00",
            "Sangat Rendah",
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
            "Gambar 3.1 Target dan Realisasi Angka Kemiskinan (makin rendah makin baik) Tahun 2023-2026",
            "Angka kemiskinan turun berkat <b>bantuan</b> & {{ pendampingan }}.",
            "Gambar 3.3 Target dan Realisasi Kasus Baru (makin rendah makin baik) Tahun 2023-2026",
            "Realisasi tahun 2023 sebesar 3% dari target 0%, dengan capaian 0,00% (predikat Sangat Rendah).",
            "Realisasi tahun 2023 sebesar 0% dari target 80%, dengan capaian 0,00% (predikat Sangat Rendah).",
            "Gambar 3.6 Target dan Realisasi Angka Putus Sekolah (makin rendah makin baik) Tahun 2023-2026",
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
        "Kasus Baru": ["%", "0", "3", "0,00", "Sangat Rendah"],
        "Indeks Kepuasan": ["%", "80", "0", "0,00", "Sangat Rendah"],
        "Angka Partisipasi": ["%", "90", "63", "70,00", "Sedang"],
        "Angka Putus Sekolah": ["%", "5", "12", "0,00", "Sangat Rendah"],
    }
    for indikator, sel in harapan.items():
        i = teks.index(indikator)
        assert teks[i + 1 : i + 6] == sel, indikator


def test_tanpa_program_tanpa_bagian_anggaran(tmp_path: Path) -> None:
    """Issue 18 item 12: no operator's note in the report: section B is left out, the rest renumbered."""
    d = data_contoh()
    del d["program"]
    teks = teks_docx(tulis(tmp_path, d))
    assert not [t for t in teks if "Realisasi Anggaran" in t or "belum dicantumkan" in t or "konfigurasi" in t]
    assert not [t for t in teks if t.startswith("Realisasi anggaran tahun")]
    akuntabilitas = bagian(teks, "BAB III AKUNTABILITAS KINERJA", "BAB IV PENUTUP")
    assert [t for t in akuntabilitas if re.match(r"^[A-Z]\. ", t)] == ["A. Capaian Kinerja Organisasi"]
    daftar = [t.rstrip("\t") for t in teks if t.endswith("\t")]
    assert daftar[daftar.index("BAB III AKUNTABILITAS KINERJA") + 1 :][:2] == [
        "A. Capaian Kinerja Organisasi",
        "BAB IV PENUTUP",
    ]


def test_realisasi_program_belum_diisi_tercetak_strip(tmp_path: Path) -> None:
    d = data_contoh()
    for p in d["program"][1:]:
        del p["realisasi"]
    teks = bagian(teks_docx(tulis(tmp_path, d)), "B. Realisasi Anggaran", "BAB IV PENUTUP")
    i = teks.index("Program Pemberdayaan Sosial")
    assert teks[i + 1 : i + 4] == ["412.500.000", "-", "-"]
    # JUMLAH: the sum of the budgets, and of the realisasi that are there; the % over the programmes
    # that have a realisasi (issue 18 item 10): 6.512.784.350 / 6.845.312.000, not / 9.919.562.000
    assert teks[teks.index("JUMLAH") + 1 : teks.index("JUMLAH") + 4] == ["9.919.562.000", "6.512.784.350", "95,14"]
    assert teks[teks.index("JUMLAH") + 4] == (
        "Realisasi Program Pemberdayaan Sosial, Program Rehabilitasi Sosial, Program Perlindungan dan Jaminan "
        "Sosial, dan Program Penanganan Bencana belum tersedia, sehingga tercetak \u201c-\u201d dan tidak dihitung "
        "dalam persentase serapan anggaran."
    )


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


# ---------------------------------------------------------------- issue 18: three unseen agencies


def rsud() -> dict:
    """An RSUD with a long name, a programme without realisasi and a sasaran of many indicators."""
    d = data_contoh()
    nama = "Rumah Sakit Umum Daerah dr. Soedono Madiun Provinsi Jawa Timur"
    d["instansi"].update(nama=nama, pemerintah="Pemerintah Provinsi Jawa Timur")
    d["penandatangan"].update(jabatan=f"Direktur {nama}", nama="dr. Bambang Wahyuono, Sp.PD, M.Kes")
    d["perjanjian_kinerja"]["pihak_kedua"] = {"jabatan": "Gubernur Jawa Timur", "nama": "Khofifah Indar Parawansa"}
    dasar = d["iku"][0]
    t = lambda a: {"2023": a, "2024": a, "2025": a, "2026": a}  # noqa: E731
    mutu = "Meningkatnya mutu pelayanan kesehatan rujukan yang paripurna, aman dan berorientasi pada pasien"
    d["iku"] = [
        baris(dasar, mutu, "Indeks Kepuasan Masyarakat terhadap Pelayanan Rumah Sakit", "naik", t(82), {"2023": 84.5}),
        baris(dasar, mutu, "Net Death Rate (angka kematian lebih dari 48 jam)", "turun", t(25), {"2023": 22}),
        baris(dasar, mutu, "Persentase Kejadian Infeksi Daerah Operasi", "turun", t(2), {"2023": 1.5}),
        baris(dasar, mutu, "Persentase Penyalahgunaan Obat Golongan Narkotika", "turun", t(1), {"2023": 0}),
        baris(dasar, mutu, "Bed Occupancy Rate", "naik", t(75), {"2023": 71.2}),
        baris(
            dasar, mutu, "Persentase Rekomendasi Hasil Audit Klinis yang Ditindaklanjuti", "naik", t(90), {"2023": 95}
        ),
        baris(dasar, mutu, "Waktu Tunggu Rawat Jalan", "turun", t(60), {"2023": 58}),
        baris(dasar, mutu, "Kepatuhan Identifikasi Pasien", "naik", t(100), {"2023": 100}),
        baris(dasar, mutu, "Kepatuhan Cuci Tangan Petugas Kesehatan", "naik", t(85), {"2023": 88.3}),
        baris(dasar, mutu, "Persentase Penyelesaian Pengaduan Pasien Tepat Waktu", "naik", t(95), {"2023": 97}),
        baris(dasar, mutu, "Emergency Response Time", "turun", t(5), {"2023": 4.5}),
        baris(dasar, mutu, "Kecepatan Respon terhadap Komplain", "naik", t(80), {"2023": 85}),
        *(
            baris(dasar, mutu, f"Kepatuhan Standar Pelayanan Instalasi {unit}", "naik", t(90), {"2023": 91})
            for unit in ("Gawat Darurat", "Rawat Inap", "Bedah Sentral", "Farmasi", "Laboratorium", "Radiologi")
        ),
        baris(
            dasar,
            "Meningkatnya akuntabilitas kinerja dan keuangan rumah sakit",
            "Nilai SAKIP",
            "naik",
            t(75),
            {"2023": 77.1},
        ),
    ]
    for b in d["iku"]:
        b["satuan"] = "indeks" if b["indikator"].startswith("Indeks") else "%"
    d["program"] = [
        {
            "nama": "Program Penunjang Urusan Pemerintahan Daerah Provinsi",
            "anggaran": 180000000000,
            "realisasi": 172026000000,
        },
        {
            "nama": "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat",
            "anggaran": 35550000000,
        },
        {"nama": "Program Peningkatan Kapasitas Sumber Daya Manusia Kesehatan", "anggaran": 0},
    ]
    return d


def inspektorat() -> dict:
    """A provincial Inspektorat: mostly lower-is-better rows, a zero target met and one missed."""
    d = data_contoh()
    d["instansi"].update(
        nama="Inspektorat Provinsi Nusa Tenggara Barat", pemerintah="Pemerintah Provinsi Nusa Tenggara Barat"
    )
    d["penandatangan"].update(jabatan="Inspektur Provinsi Nusa Tenggara Barat")
    dasar = d["iku"][0]
    t = lambda a, b, c, e: {"2023": a, "2024": b, "2025": c, "2026": e}  # noqa: E731
    d["iku"] = [
        baris(dasar, "Meningkatnya kualitas pengawasan", "Jumlah Temuan Berulang", "turun", t(0, 0, 0, 0), {"2023": 0}),
        baris(
            dasar,
            "Meningkatnya kualitas pengawasan",
            "Jumlah Temuan BPK yang Tidak Ditindaklanjuti",
            "turun",
            t(0, 0, 0, 0),
            {"2023": 2},
        ),
        baris(
            dasar, "Meningkatnya kualitas pengawasan", "Jumlah Kasus Pungutan Liar", "turun", t(4, 3, 2, 1), {"2023": 5}
        ),
        baris(
            dasar,
            "Meningkatnya kapabilitas APIP",
            "Jumlah Auditor Bersertifikat Baru",
            "naik",
            t(0, 2, 3, 4),
            {"2023": 1},
        ),
    ]
    for b in d["iku"]:
        b["satuan"] = "kasus" if b["indikator"] != "Jumlah Auditor Bersertifikat Baru" else "orang"
    d["program"] = [{"nama": "Program Penyelenggaraan Pengawasan", "anggaran": 5000000000, "realisasi": 4750000000}]
    return d


def bapenda() -> dict:
    """A Badan Pendapatan: rupiah targets, "Realisasi ..." indicators, a "nilai" unit."""
    d = data_contoh()
    d["instansi"].update(nama="Badan Pendapatan Daerah Kota Contoh", pemerintah="Pemerintah Kota Contoh")
    d["penandatangan"].update(jabatan="Kepala Badan Pendapatan Daerah Kota Contoh")
    dasar = d["iku"][0]
    t = lambda a: {"2023": a, "2024": a, "2025": a, "2026": a}  # noqa: E731
    d["iku"] = [
        baris(
            dasar,
            "Meningkatnya pendapatan daerah",
            "Realisasi Pendapatan Asli Daerah",
            "naik",
            t(987654321000),
            {"2023": 1000000000000},
        ),
        baris(dasar, "Meningkatnya kualitas tata kelola", "Nilai Evaluasi SAKIP", "naik", t(85.5), {"2023": 88.12}),
    ]
    d["iku"][0]["satuan"] = "Rupiah"
    d["iku"][1]["satuan"] = "Nilai"
    return d


def tulis_agen(tmp_path: Path, data: dict) -> list[str]:
    return teks_docx(tulis(tmp_path, data))


def test_rsud_program_tanpa_realisasi_bukan_nol(tmp_path: Path) -> None:
    """Item 10: 172.026.000.000 / 180.000.000.000 = 95,57 % absorbed, not / 215.550.000.000 (79,81 %);
    the report names the programmes without realisasi, in the Ikhtisar and under the table."""
    teks = tulis_agen(tmp_path, rsud())
    program = (
        "Realisasi Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat dan Program "
        "Peningkatan Kapasitas Sumber Daya Manusia Kesehatan belum tersedia,"
    )
    belum = f"{program} dan tidak dihitung dalam persentase serapan anggaran."
    belum_tabel = f"{program} sehingga tercetak \u201c-\u201d dan tidak dihitung dalam persentase serapan anggaran."
    berurutan(
        teks,
        [
            "IKHTISAR EKSEKUTIF",
            "Realisasi anggaran tahun 2023 program yang realisasinya tersedia sebesar Rp172.026.000.000 dari pagu "
            "Rp180.000.000.000, atau terserap 95,57% (pagu seluruh program Rp215.550.000.000).",
            belum,
            "DAFTAR ISI",
            "B. Realisasi Anggaran",
            "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat",
            "35.550.000.000",
            "-",
            "-",
            "JUMLAH",
            "215.550.000.000",
            "172.026.000.000",
            "95,57",
            belum_tabel,
            "BAB IV PENUTUP",
        ],
    )
    assert not [t for t in teks if "79,81" in t]


def test_inspektorat_target_nol(tmp_path: Path) -> None:
    """Item 11: turun with target 0 is met by 0 (100,00) and missed above it (0,00); naik stays "-"."""
    teks = tulis_agen(tmp_path, inspektorat())
    tabel = bagian(teks, "Tabel 3.1", "Tabel 3.3")
    harapan = {
        "Jumlah Temuan Berulang": ["kasus", "0", "0", "100,00", "Sangat Tinggi"],
        "Jumlah Temuan BPK yang Tidak Ditindaklanjuti": ["kasus", "0", "2", "0,00", "Sangat Rendah"],
        "Jumlah Kasus Pungutan Liar": ["kasus", "4", "5", "75,00", "Sedang"],
        "Jumlah Auditor Bersertifikat Baru": ["orang", "0", "1", "-", "-"],
    }
    for indikator, sel in harapan.items():
        i = tabel.index(indikator)
        assert tabel[i + 1 : i + 6] == sel, indikator
    berurutan(
        teks,
        [
            "Gambar 3.1 Target dan Realisasi Jumlah Temuan Berulang (makin rendah makin baik) Tahun 2023-2026",
            "Realisasi tahun 2023 sebesar 0 kasus dari target 0 kasus, dengan capaian 100,00% (predikat Sangat Tinggi).",
            "Gambar 3.2 Target dan Realisasi Jumlah Temuan BPK yang Tidak Ditindaklanjuti (makin rendah makin baik) "
            "Tahun 2023-2026",
            "Gambar 3.4 Target dan Realisasi Jumlah Auditor Bersertifikat Baru Tahun 2023-2026",
            "Realisasi tahun 2023 sebesar 1 orang dengan target 0 orang; capaiannya tidak dapat dihitung karena "
            "targetnya 0.",
        ],
    )


def test_bapenda_kata_realisasi_rupiah_dan_nilai(tmp_path: Path) -> None:
    """Item 17: no "Realisasi Realisasi", Rp before the amount, "nilai" not repeated after a number."""
    teks = tulis_agen(tmp_path, bapenda())
    berurutan(
        teks,
        [
            "Gambar 3.1 Target dan Realisasi Pendapatan Asli Daerah Tahun 2023-2026",
            "Realisasi tahun 2023 sebesar Rp1.000.000.000.000 dari target Rp987.654.321.000, dengan capaian "
            "101,25% (predikat Sangat Tinggi).",
            "Gambar 3.2 Target dan Realisasi Nilai Evaluasi SAKIP Tahun 2023-2026",
            "Realisasi tahun 2023 sebesar 88,12 dari target 85,5, dengan capaian 103,06% (predikat Sangat Tinggi).",
        ],
    )
    assert not [t for t in teks if re.search(r"Realisasi Realisasi|\d Rupiah|\d [Nn]ilai", t)]


def test_satu_penomoran_per_indikator_di_semua_tabel(tmp_path: Path) -> None:
    """Item 18: Tabel 2.1, Tabel 2.2 and BAB III's tables number rows per indicator (1. to 19.), each
    sasaran in its own header row; amounts of the budget table right-aligned like the PK's."""
    path = tulis(tmp_path, rsud())
    teks = teks_docx(path)
    for awal, akhir in (
        ("Tabel 2.1", "C. Perjanjian Kinerja Tahun 2023"),
        ("Tabel 2.2", "BAB III AKUNTABILITAS KINERJA"),
    ):
        tabel = bagian(teks, awal, akhir)
        assert [t for t in tabel if re.fullmatch(r"\d+\.", t)] == [f"{n}." for n in range(1, 20)], awal
        # a group continuing on a new page is named again there "(lanjutan)" (test_lanjutan.py)
        assert [t for t in tabel if t.startswith("Sasaran ") and not t.endswith(" (lanjutan)")] == [
            "Sasaran 1: Meningkatnya mutu pelayanan kesehatan rujukan yang paripurna, aman dan berorientasi pada pasien",
            "Sasaran 2: Meningkatnya akuntabilitas kinerja dan keuangan rumah sakit",
        ]
    import docx

    d = docx.Document(str(path))
    anggaran = next(t for t in d.tables if len(t.columns) == 5 and t.rows[0].cells[2].text == "ANGGARAN (Rp)")
    for baris_ in anggaran.rows[1:]:
        for sel in baris_.cells[2:]:
            assert sel.paragraphs[0].alignment == 2, sel.text  # WD_ALIGN_PARAGRAPH.RIGHT


def kata_utuh_di_pdf(teks: str, kalimat: list[str]) -> list[str]:
    """Words of kalimat that the PDF text does not hold whole (a word broken over two lines)."""
    token = {k.strip("().,;:%") for k in teks.split()}
    return [k for s in kalimat for k in re.findall(r"[A-Za-z]{4,}", s) if k not in token]


@pytest.mark.pdf
def test_pdf_rsud_tabel_mendatar_sasaran_berulang_dan_tanda_tangan(tmp_path: Path) -> None:
    """Items 14, 15 and 18 in the PDF: Tabel 2.1 on a landscape page in the body's table font, no word
    broken; a sasaran group that continues on the next page has its sasaran on that page too; BAB
    III's first page holds its first table; the lampiran's signature never stands alone."""
    from bantu import halaman_pdf
    from iku.pdf import ke_pdf

    data = rsud()
    pdf = ke_pdf([tulis(tmp_path, data)], tmp_path).berkas[0]
    halaman = halaman_pdf(pdf)
    ukuran = [
        (float(w), float(h))
        for w, h in re.findall(
            r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)",
            subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True).stdout,
        )
    ]
    mendatar = [i for i, (w, h) in enumerate(ukuran) if w > h]
    t21 = next(i for i, h in enumerate(halaman) if re.search(r"^\s*Tabel 2\.1\s*$", h, re.M))
    assert t21 in mendatar
    bab3 = next(i for i, h in enumerate(halaman) if "BAB III AKUNTABILITAS KINERJA" in h and i > t21)
    assert "Tabel 3.1" in halaman[bab3] and "Kepatuhan Identifikasi Pasien" in halaman[bab3]
    # every landscape page that holds a row of sasaran 1 also names it: the header row repeats
    baris_1 = [b["indikator"] for b in data["iku"][:-1]]
    sasaran_1 = "Sasaran 1: Meningkatnya mutu pelayanan kesehatan rujukan"
    dengan_baris = [i for i in mendatar if any(b in " ".join(halaman[i].split()) for b in baris_1)]
    assert len(dengan_baris) > 3  # three tables group by sasaran: at least one continues on a new page
    for i in dengan_baris:
        if "Tabel 3.3" in halaman[i] or "Tabel 3.4" in halaman[i]:
            continue  # the tables without a sasaran column
        assert sasaran_1 in " ".join(halaman[i].split()), i + 1
    semua = "\n".join(halaman[i] for i in mendatar)
    assert not kata_utuh_di_pdf(semua, [b["indikator"] for b in data["iku"]] + KEPALA_CAPAIAN)
    # the lampiran's statement: its closing paragraph stays with the two signatures
    lampiran = next(i for i, h in enumerate(halaman) if re.search(r"^\s*LAMPIRAN\s*$", h, re.M) and i > bab3)
    ttd = next(i for i in range(lampiran, len(halaman)) if "Pihak Kedua," in halaman[i])  # the signature labels
    assert "Pihak kedua akan melakukan supervisi" in " ".join(halaman[ttd].split())
