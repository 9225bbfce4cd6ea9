"""`iku kabupaten`: a kabupaten of five agencies of different kinds, built here in tmp_path."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from bantu import CONFIG_CONTOH, isi_folder, tanpa_bagian, tanpa_laporan, teks_docx, teks_pdf, tulis_png
from iku.cli import main

PEMDA = """\
tahun = 2023

[pemerintah]
nama = "Pemerintah Kabupaten Buleleng"
kepala = { jabatan = "Bupati Buleleng", nama = "Putu Agus Suradnyana" }
kota = "Singaraja"
LOGO

[keputusan]
nomor = "100.3.3.2/12/2023"
tanggal = 2023-01-10
tempat = "Singaraja"
tentang = "Penetapan Indikator Kinerja Utama Pemerintah Kabupaten Buleleng Tahun 2023-2026"
menimbang = ["bahwa untuk mengukur keberhasilan pencapaian sasaran RPD perlu ditetapkan Indikator Kinerja Utama;"]
mengingat = [
  "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;",
  "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah;",
]

[rencana]
dokumen = "DOKUMEN"
tahun_awal = 2023
tahun_akhir = 2026

[[sasaran]]
kode = "S1"
uraian = "Menurunnya angka kemiskinan"

[[sasaran]]
kode = "S2"
uraian = "Meningkatnya perlindungan sosial"

[[sasaran]]
kode = "S3"
uraian = "Meningkatnya akuntabilitas kinerja pemerintah daerah"

[[sasaran]]
kode = "S4"
uraian = "Meningkatnya kualitas lingkungan hidup"

[[iku]]
sasaran = "S1"
urusan = "Sosial"
indikator = "Persentase penduduk miskin"
satuan = "%"
arah = "turun"
kondisi_awal = 6.12
target = { 2023 = 5.9, 2024 = 5.6, 2025 = 5.3, 2026 = 5.0 }
penanggung_jawab = ["Dinas Sosial Kabupaten Buleleng", "Dinas Kesehatan Kabupaten Buleleng"]

[[iku]]
sasaran = "S1"
urusan = "Pemberdayaan Masyarakat dan Desa"
indikator = "Persentase desa mandiri"
satuan = "%"
target = { 2023 = 10, 2024 = 12 }
penanggung_jawab = ["Dinas Sosial Kabupaten Buleleng"]

[[iku]]
sasaran = "S2"
urusan = "Sosial"
indikator = "Persentase PMKS yang tertangani"
satuan = "%"
kondisi_awal = 80
target = { 2023 = 82, 2024 = 84 }
penanggung_jawab = ["Dinas Sosial Kabupaten Buleleng", "Badan Perencanaan Pembangunan Daerah Kabupaten Buleleng"]

[[iku]]
sasaran = "S3"
urusan = "Pengawasan"
indikator = "Nilai SAKIP Pemerintah Kabupaten"
satuan = "nilai"
kondisi_awal = 60.5
target = { 2023 = 62, 2024 = 65, 2025 = 68, 2026 = 70 }
penanggung_jawab = ["Inspektorat Daerah Kabupaten Buleleng"]
keterangan = "Hasil evaluasi KemenPANRB"
"""

BARIS_TAMBAHAN = """
[[iku]]
sasaran = "Meningkatnya kualitas pelayanan publik"
indikator = "Indeks Kepuasan Masyarakat"
satuan = "nilai"
alasan = "Mengukur mutu pelayanan kecamatan"
formulasi = "Survei kepuasan masyarakat"
sumber_data = "Kecamatan Sukasada"
kondisi_awal = 80
target = { 2023 = 82, 2024 = 83, 2025 = 84, 2026 = 85 }
sasaran_pemda = "S3"
"""

MISKIN = 'indikator = "Persentase Penduduk Miskin"'
PMKS = 'indikator = "Persentase Penanganan PMKS"'


def _instansi(folder: Path, berkas: str, nama: str, kode: tuple[str | None, str | None], **pilihan: object) -> Path:
    """The sample config as another agency: its name, the Pemda sasaran of its two rows, and a variation."""
    teks = CONFIG_CONTOH.read_text(encoding="utf-8")
    if not pilihan.get("laporan", True):
        teks = tanpa_laporan(teks)
    teks = teks.replace("Dinas Sosial Kabupaten Buleleng", nama)
    for indikator, k in zip((MISKIN, PMKS), kode):
        if k:
            teks = teks.replace(indikator, f'{indikator}\nsasaran_pemda = "{k}"', 1)
    for kunci, nilai in dict(pilihan.get("format", {})).items():  # type: ignore[call-overload]
        teks = re.sub(rf"(?m)^{kunci} = .*$", f'{kunci} = "{nilai}"', teks, count=1)
    teks += str(pilihan.get("tambah", ""))
    path = folder / berkas
    path.write_text(teks, encoding="utf-8")
    if pilihan.get("tanpa"):
        tanpa_bagian(path, *pilihan["tanpa"])  # type: ignore[misc]
    return path


def buat_folder(folder: Path, dokumen: str = "RPD", logo: bool = False, jumlah: int = 5) -> Path:
    """pemda.toml and five agencies: the sample; an electronic-signature Inspektorat; a Bappeda on F4 in
    Arial that names no Pemda sasaran; a Kecamatan with a third row; a Dinas Kesehatan without PK or LKjIP."""
    folder.mkdir(parents=True, exist_ok=True)
    if logo:
        tulis_png(folder / "garuda.png", 60, 64)
    (folder / "pemda.toml").write_text(
        PEMDA.replace("DOKUMEN", dokumen).replace("LOGO", 'logo = "garuda.png"' if logo else ""), encoding="utf-8"
    )
    semua = [
        lambda: _instansi(folder, "dinsos.toml", "Dinas Sosial Kabupaten Buleleng", ("S1", "S2")),
        lambda: _instansi(
            folder,
            "inspektorat.toml",
            "Inspektorat Daerah Kabupaten Buleleng",
            ("S3", None),
            laporan=False,
            format={"tanda_tangan": "elektronik"},
        ),
        lambda: _instansi(
            folder,
            "bappeda.toml",
            "Badan Perencanaan Pembangunan Daerah Kabupaten Buleleng",
            (None, None),
            laporan=False,
            format={"kertas": "F4", "huruf": "Arial"},
        ),
        lambda: _instansi(
            folder,
            "kecamatan.toml",
            "Kecamatan Sukasada",
            ("S1", None),
            laporan=False,
            format={"huruf": "Times New Roman"},
            tambah=BARIS_TAMBAHAN,
        ),
        lambda: _instansi(
            folder,
            "dinkes.toml",
            "Dinas Kesehatan Kabupaten Buleleng",
            ("S1", "S2"),
            tanpa=("perjanjian_kinerja", "program", "laporan_kinerja"),
        ),
    ]
    for buat in semua[:jumlah]:
        buat()
    if jumlah < 5:  # penanggung jawab must be agencies of the folder
        teks = (folder / "pemda.toml").read_text(encoding="utf-8")
        teks = teks.replace(', "Dinas Kesehatan Kabupaten Buleleng"', "").replace(
            ', "Badan Perencanaan Pembangunan Daerah Kabupaten Buleleng"', ""
        )
        (folder / "pemda.toml").write_text(teks, encoding="utf-8")
    return folder


def jalankan(*argumen: str):
    return CliRunner().invoke(main, ["kabupaten", *argumen])


@pytest.fixture(scope="module")
def kabupaten(tmp_path_factory) -> tuple[Path, Path]:
    """The five-agency folder written once with --jobs 2: (folder, DIR/2023)."""
    akar = tmp_path_factory.mktemp("kabupaten")
    folder = buat_folder(akar / "kab")
    hasil = jalankan(str(folder), "--output", str(akar / "out"), "--jobs", "2")
    assert hasil.exit_code == 0, hasil.output
    return folder, akar / "out" / "2023"


# ---------------------------------------------------------------- what it writes


def test_setiap_instansi_sama_dengan_iku_generate(kabupaten, tmp_path: Path) -> None:
    folder, tahun = kabupaten
    nama_folder = sorted(p.name for p in tahun.iterdir() if p.is_dir())
    assert nama_folder == [
        "badan-perencanaan-pembangunan-daerah-kabupaten-buleleng",
        "dinas-kesehatan-kabupaten-buleleng",
        "dinas-sosial-kabupaten-buleleng",
        "inspektorat-daerah-kabupaten-buleleng",
        "kecamatan-sukasada",
        "pemda",
    ]
    for config in sorted(folder.glob("*.toml")):
        if config.name == "pemda.toml":
            continue
        keluaran = tmp_path / config.stem
        hasil = CliRunner().invoke(main, ["generate", "--config", str(config), "--output", str(keluaran)])
        assert hasil.exit_code == 0, hasil.output
        dibuat = isi_folder(keluaran / "2023")
        slug = next(n for n in dibuat if n.startswith("keputusan-iku-")).removeprefix("keputusan-iku-")[:-10]
        assert isi_folder(tahun / slug) == dibuat, config.name


def test_jobs_1_dan_jobs_2_menulis_byte_yang_sama(kabupaten, tmp_path: Path) -> None:
    folder, tahun = kabupaten
    hasil = jalankan(str(folder), "--output", str(tmp_path / "out"), "--jobs", "1")
    assert hasil.exit_code == 0, hasil.output
    satu, dua = isi_folder(tmp_path / "out" / "2023"), isi_folder(tahun)
    assert sorted(satu) == sorted(dua)
    assert [n for n in satu if satu[n] != dua[n]] == []


def test_manifes_diterima_iku_verify(kabupaten) -> None:
    _, tahun = kabupaten
    for folder in (tahun, tahun / "pemda", tahun / "kecamatan-sukasada"):
        hasil = CliRunner().invoke(main, ["verify", str(folder)])
        assert hasil.exit_code == 0, hasil.output
    assert "pemda/rekap-iku-pemerintah-kabupaten-buleleng-2023.xlsx" in (tahun / "MANIFEST.json").read_text()


def test_keputusan_pemda_berkop_kepala_daerah_tanpa_nip(kabupaten) -> None:
    _, tahun = kabupaten
    teks = [t for t in teks_docx(tahun / "pemda" / "keputusan-iku-pemerintah-kabupaten-buleleng-2023.docx") if t]
    assert teks[:6] == [
        "BUPATI BULELENG",
        "KEPUTUSAN BUPATI BULELENG",
        "NOMOR 100.3.3.2/12/2023",
        "TENTANG",
        "PENETAPAN INDIKATOR KINERJA UTAMA PEMERINTAH KABUPATEN BULELENG TAHUN 2023-2026",
        "BUPATI BULELENG,",
    ]
    assert teks[-4:] == [
        "Ditetapkan di Singaraja",
        "pada tanggal 10 Januari 2023",
        "BUPATI BULELENG,",
        "Putu Agus Suradnyana",
    ]
    assert not any("NIP" in t or "PEMERINTAH KABUPATEN BULELENG" == t for t in teks)
    diktum = [t for t in teks if t.startswith(("KESATU", "KEDUA", "KETIGA"))]
    assert len(diktum) == 3 and "sebagaimana tercantum dalam Lampiran" in diktum[0]


def test_lampiran_pemda_dikelompokkan_per_sasaran_dengan_tabel_target(kabupaten) -> None:
    _, tahun = kabupaten
    teks = [t for t in teks_docx(tahun / "pemda" / "lampiran-iku-pemerintah-kabupaten-buleleng-2023.docx") if t]
    kepala = teks.index("NO")
    assert teks[kepala : kepala + 6] == [
        "NO",
        "BIDANG URUSAN PEMERINTAHAN",
        "SASARAN RPD",
        "INDIKATOR KINERJA UTAMA",
        "SKPD PENANGGUNG JAWAB",
        "KET.",
    ]
    assert teks[kepala + 6 : kepala + 11] == [
        "1.",
        "Sosial",
        "Menurunnya angka kemiskinan",
        "Persentase penduduk miskin",
        "Dinas Sosial Kabupaten Buleleng\nDinas Kesehatan Kabupaten Buleleng",
    ]
    target = teks.index("TARGET INDIKATOR KINERJA UTAMA TAHUN 2023-2026")
    assert teks[target + 1 : target + 9] == [
        "NO",
        "INDIKATOR KINERJA UTAMA",
        "SATUAN",
        "KONDISI AWAL (2022)",
        "TARGET 2023",
        "TARGET 2024",
        "TARGET 2025",
        "TARGET 2026",
    ]
    assert teks[target + 9 : target + 17] == [
        "1.",
        "Persentase penduduk miskin",
        "%",
        "6,12",
        "5,9",
        "5,6",
        "5,3",
        "5,0",
    ]
    assert teks[target + 17 : target + 24] == ["2.", "Persentase desa mandiri", "%", "-", "10", "12", "-"]
    assert teks[target + 25 : target + 33] == ["3.", "Persentase PMKS yang tertangani", "%", "80", "82", "84", "-", "-"]
    # the second row of sasaran S1 continues the merged sasaran cell
    kedua = teks.index("Pemberdayaan Masyarakat dan Desa")
    assert teks[kedua - 1 : kedua + 3] == [
        "2.",
        "Pemberdayaan Masyarakat dan Desa",
        "Persentase desa mandiri",
        "Dinas Sosial Kabupaten Buleleng",
    ]
    with zipfile.ZipFile(tahun / "pemda" / "lampiran-iku-pemerintah-kabupaten-buleleng-2023.docx") as z:
        assert z.read("word/document.xml").count(b'w:vMerge w:val="continue"') == 1
    assert teks[-2:] == ["BUPATI BULELENG,", "Putu Agus Suradnyana"]


def test_matriks_kaskade_menurut_sasaran_dan_instansi(kabupaten) -> None:
    _, tahun = kabupaten
    teks = [t for t in teks_docx(tahun / "pemda" / "matriks-kaskade-iku-pemerintah-kabupaten-buleleng-2023.docx") if t]
    s1 = teks.index("S1. Menurunnya angka kemiskinan")
    s2 = teks.index("S2. Meningkatnya perlindungan sosial")
    assert teks[s1 + 1 : s2 - 1] == [
        "Persentase penduduk miskin\nPersentase desa mandiri",
        "Dinas Kesehatan Kabupaten Buleleng",  # agencies in file-name order
        "Persentase Penduduk Miskin",
        "%",
        "5,15",
        "Dinas Sosial Kabupaten Buleleng",
        "Persentase Penduduk Miskin",
        "%",
        "5,15",
        "Kecamatan Sukasada",
        "Persentase Penduduk Miskin",
        "%",
        "5,15",
    ]
    s4 = teks.index("S4. Meningkatnya kualitas lingkungan hidup")
    assert teks[s4 + 1 :] == ["-", "-", "-"]


def test_rekap_xlsx_dibaca_kembali(kabupaten) -> None:
    _, tahun = kabupaten
    buku = openpyxl.load_workbook(tahun / "pemda" / "rekap-iku-pemerintah-kabupaten-buleleng-2023.xlsx")
    assert buku.sheetnames == ["IKU Pemda", "IKU Perangkat Daerah", "Kaskade"]
    pemda = [list(r) for r in buku["IKU Pemda"].iter_rows(min_row=5, values_only=True)]
    assert pemda[0][:9] == [
        "NO",
        "KODE SASARAN",
        "SASARAN RPD",
        "BIDANG URUSAN PEMERINTAHAN",
        "INDIKATOR KINERJA UTAMA",
        "SATUAN",
        "ARAH",
        "KONDISI AWAL (2022)",
        "TARGET 2023",
    ]
    assert pemda[1][:12] == [1, "S1", "Menurunnya angka kemiskinan", "Sosial", "Persentase penduduk miskin", "%"] + [
        "turun",
        6.12,
        5.9,
        5.6,
        5.3,
        5,
    ]
    assert pemda[2][4:12] == ["Persentase desa mandiri", "%", "naik", None, 10, 12, None, None]
    assert pemda[3][8:12] == [82, 84, None, None]
    instansi = [list(r) for r in buku["IKU Perangkat Daerah"].iter_rows(min_row=6, values_only=True)]
    assert len(instansi) == 11  # 2 + 2 + 2 + 3 + 2 rows
    assert [(r[1], r[-1]) for r in instansi[:2]] == [
        ("Badan Perencanaan Pembangunan Daerah Kabupaten Buleleng", None),
        ("Badan Perencanaan Pembangunan Daerah Kabupaten Buleleng", None),
    ]
    assert ("Kecamatan Sukasada", "Indeks Kepuasan Masyarakat", "S3") in {(r[1], r[3], r[-1]) for r in instansi}
    assert all(isinstance(r[6], (int, float)) for r in instansi)
    kaskade = [list(r) for r in buku["Kaskade"].iter_rows(min_row=6, values_only=True)]
    assert kaskade[-1] == ["S4", "Meningkatnya kualitas lingkungan hidup", None, None, None, None, None]
    assert buku["Kaskade"].freeze_panes == "A6"


def test_rekap_xlsx_stabil(kabupaten, tmp_path: Path) -> None:
    from iku.kabupaten.baca import baca_kabupaten
    from iku.kabupaten.lembar import tulis

    folder, tahun = kabupaten
    assert (
        tulis(baca_kabupaten(folder))
        == (tahun / "pemda" / "rekap-iku-pemerintah-kabupaten-buleleng-2023.xlsx").read_bytes()
    )


def test_rpjmd_menamai_kolom_sasaran(tmp_path: Path) -> None:
    from iku.kabupaten.baca import baca_kabupaten
    from iku.kabupaten.naskah import lampiran, matriks

    k = baca_kabupaten(buat_folder(tmp_path / "kab", dokumen="RPJMD", jumlah=2))
    assert lampiran(k)["kolom_sasaran"] == matriks(k)["kolom_sasaran"] == "SASARAN RPJMD"


# ---------------------------------------------------------------- refusals and warnings


def test_check_melaporkan_celah_tanpa_menulis(tmp_path: Path) -> None:
    folder = buat_folder(tmp_path / "kab")
    hasil = CliRunner().invoke(main, ["kabupaten", str(folder), "--check", "--output", str(tmp_path / "out")])
    assert hasil.exit_code == 0, hasil.output
    assert not (tmp_path / "out").exists()
    celah = [b for b in hasil.output.splitlines() if "sasaran" in b and b.startswith("PERINGATAN")]
    assert any(
        'pemda.toml:37 [sasaran[4]] sasaran S4 "Meningkatnya kualitas lingkungan hidup" tidak didukung' in b
        for b in celah
    )
    assert any(
        "bappeda.toml" in b
        and 'indikator "Badan Perencanaan Pembangunan Daerah Kabupaten Buleleng" menyebut sasaran Pemda' in b
        for b in celah
    )
    assert any(
        "[iku[3].penanggung_jawab[2]]" in b
        and 'penanggung jawab "Badan Perencanaan Pembangunan Daerah Kabupaten Buleleng" tidak punya indikator di bawah sasaran S2'
        in b
        for b in celah
    )
    assert len(celah) == 3
    assert hasil.output.splitlines()[-1].startswith("OK: 5 perangkat daerah")


def _ganti(path: Path, lama: str, baru: str) -> None:
    teks = path.read_text(encoding="utf-8")
    assert lama in teks
    path.write_text(teks.replace(lama, baru, 1), encoding="utf-8")


def test_semua_kesalahan_semua_berkas_sekaligus(tmp_path: Path) -> None:
    folder = buat_folder(tmp_path / "kab")
    _ganti(folder / "inspektorat.toml", "tahun = 2023", "tahun = 2024")
    (folder / "dinsos-salinan.toml").write_bytes((folder / "dinsos.toml").read_bytes())
    _ganti(folder / "pemda.toml", 'sasaran = "S3"', 'sasaran = "S9"')
    _ganti(
        folder / "pemda.toml", '["Inspektorat Daerah Kabupaten Buleleng"]', '["Dinas Pariwisata Kabupaten Buleleng"]'
    )
    _ganti(folder / "dinkes.toml", 'sasaran_pemda = "S2"', 'sasaran_pemda = "S7"')
    _ganti(folder / "bappeda.toml", "[instansi]", '[instansi]\nnama_lengkap = "Bappeda"')
    hasil = jalankan(str(folder), "--output", str(tmp_path / "out"))
    assert hasil.exit_code == 3, hasil.output
    assert not (tmp_path / "out").exists()
    keluaran = hasil.output
    assert "Konfigurasi tidak dapat dipakai (6 masalah):" in keluaran
    baris_s7 = _baris(folder / "dinkes.toml", 'sasaran_pemda = "S7"')
    harapan = [
        f'{folder / "pemda.toml"}, baris 69: [iku[4].sasaran] kode sasaran "S9" tidak ada',
        f"{folder / 'bappeda.toml'}, baris 25: [instansi.nama_lengkap] kunci tidak dikenal",
        f'{folder / "dinkes.toml"}, baris {baris_s7}: [iku[2].sasaran_pemda] kode sasaran "S7" tidak ada',
        f"{folder / 'inspektorat.toml'}, baris 20: [tahun] tahun 2024 berbeda dengan tahun 2023 di pemda.toml",
        f'{folder / "pemda.toml"}, baris 75: [iku[4].penanggung_jawab[1]] penanggung jawab "Dinas Pariwisata Kabupaten Buleleng" bukan perangkat daerah',
        f'{folder / "dinsos.toml"}, baris 26: [instansi.nama] perangkat daerah "Dinas Sosial Kabupaten Buleleng" sudah dikonfigurasi di dinsos-salinan.toml',
    ]
    for h in harapan:
        assert h in keluaran, h
    assert keluaran.count("bukan perangkat daerah") == 1  # Bappeda's refused config still names an agency


def _baris(path: Path, teks: str) -> int:
    """The line (from 1) where teks stands in a file (the sample config's comments move lines)."""
    return next(i for i, b in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if teks in b)


def test_pemda_toml_salah_dilaporkan_bersama_konfigurasi_instansi(tmp_path: Path) -> None:
    folder = buat_folder(tmp_path / "kab", jumlah=2)
    _ganti(folder / "pemda.toml", 'dokumen = "RPD"', 'dokumen = "RPJPD"\nkepala_daerah = "x"')
    _ganti(folder / "inspektorat.toml", 'satuan = "%"', 'satuan = ""')
    hasil = jalankan(str(folder), "--check")
    assert hasil.exit_code == 3
    assert "[rencana.dokumen] nilai 'RPJPD' tidak dikenal" in hasil.output
    assert "[rencana.kepala_daerah] kunci tidak dikenal" in hasil.output
    baris = _baris(folder / "inspektorat.toml", 'satuan = ""')
    assert f"inspektorat.toml, baris {baris}: [iku[1].satuan] tidak boleh kosong" in hasil.output


def test_tahun_pemda_di_luar_rencana(tmp_path: Path) -> None:
    folder = buat_folder(tmp_path / "kab", jumlah=2)
    _ganti(folder / "pemda.toml", "tahun_awal = 2023", "tahun_awal = 2024")
    hasil = jalankan(str(folder), "--check")
    assert hasil.exit_code == 3
    assert f"{folder / 'pemda.toml'}, baris 1: [tahun] tahun 2023 di luar rentang rencana 2024-2026" in hasil.output
    assert "[iku[1].target] tahun di luar rentang rencana 2024-2026: 2023" in hasil.output


def test_lambang_pemda_yang_bukan_gambar(tmp_path: Path) -> None:
    """pemda.toml's logo is checked as an agency's is: a file that exists but is no readable image
    is named with its file, key and line (before, generate failed in a worker on it)."""
    folder = buat_folder(tmp_path / "kab", logo=True, jumlah=2)
    (folder / "garuda.png").write_text("ini bukan gambar", encoding="utf-8")
    for argumen in (["--check"], ["--output", str(tmp_path / "out")]):
        hasil = jalankan(str(folder), *argumen)
        assert hasil.exit_code == 3, hasil.output
        baris = _baris(folder / "pemda.toml", 'logo = "garuda.png"')
        assert (
            f"{folder / 'pemda.toml'}, baris {baris}: [pemerintah.logo] "
            'berkas logo "garuda.png" bukan gambar PNG/JPG yang dapat dibaca'
        ) in hasil.output
    assert not (tmp_path / "out").exists()


def templat_diubah(tujuan: Path, ganti: dict[str, tuple[bytes, bytes]]) -> Path:
    """A copy of the default templates, with bytes replaced in some templates' document.xml
    ({template: (old, new)}), as an agency's Word edit would."""
    import shutil

    from iku.buat import TEMPLAT_BAWAAN

    shutil.copytree(TEMPLAT_BAWAAN, tujuan)
    for nama, (lama, baru) in ganti.items():
        with zipfile.ZipFile(TEMPLAT_BAWAAN / nama) as asal, zipfile.ZipFile(tujuan / nama, "w") as z:
            for info in asal.infolist():
                isi = asal.read(info)
                if info.filename == "word/document.xml":
                    assert lama in isi, nama
                    isi = isi.replace(lama, baru)
                z.writestr(info, isi)
    return tujuan


def test_check_mengisi_templat_pemda(tmp_path: Path) -> None:
    """--check fills the Pemda's templates in memory: a broken one is named (exit 4), nothing written."""
    from iku.galat import TemplateError
    from iku.kabupaten.baca import baca_kabupaten
    from iku.kabupaten.buat import periksa_templat

    k = baca_kabupaten(buat_folder(tmp_path / "kab", jumlah=2))
    assert periksa_templat(k) == []
    templat = templat_diubah(tmp_path / "templat", {"pemda-kaskade.docx": (b"{{ b.indikator }}", b"{{ b.indikatr }}")})
    with pytest.raises(TemplateError) as galat:
        periksa_templat(k, templat)
    assert [m.berkas for m in galat.value.masalah] == [templat / "pemda-kaskade.docx"]


def test_templates_instansi_dipakai_setiap_perangkat_daerah_dan_pemda(tmp_path: Path) -> None:
    """--templates as on generate: every agency's set and the Pemda's documents are filled from the
    agency's Word-edited templates, and each agency's folder is still what generate writes with them."""
    folder = buat_folder(tmp_path / "kab", jumlah=2)
    templat = templat_diubah(
        tmp_path / "templat",
        {
            "keputusan.docx": (b"<w:t>MEMUTUSKAN:</w:t>", b"<w:t>MEMUTUSKAN DENGAN TEMPLAT DAERAH:</w:t>"),
            "pemda-keputusan.docx": (b"<w:t>MEMUTUSKAN:</w:t>", b"<w:t>MEMUTUSKAN OLEH BUPATI:</w:t>"),
        },
    )
    assert "--templates" in jalankan("--help").output
    periksa = jalankan(str(folder), "--check", "--templates", str(templat))
    assert periksa.exit_code == 0, periksa.output
    hasil = jalankan(str(folder), "--output", str(tmp_path / "out"), "--templates", str(templat), "--jobs", "1")
    assert hasil.exit_code == 0, hasil.output
    tahun = tmp_path / "out" / "2023"
    (pemda,) = (tahun / "pemda").glob("keputusan-*.docx")
    assert "MEMUTUSKAN OLEH BUPATI:" in teks_docx(pemda)
    config = folder / "dinsos.toml"
    sendiri = CliRunner().invoke(
        main, ["generate", "--config", str(config), "--templates", str(templat), "--output", str(tmp_path / "g")]
    )
    assert sendiri.exit_code == 0, sendiri.output
    dibuat = isi_folder(tmp_path / "g" / "2023")
    assert isi_folder(tahun / "dinas-sosial-kabupaten-buleleng") == dibuat
    keputusan = next(n for n in dibuat if n.startswith("keputusan-iku-"))
    assert "MEMUTUSKAN DENGAN TEMPLAT DAERAH:" in teks_docx(tahun / "dinas-sosial-kabupaten-buleleng" / keputusan)


def test_check_memeriksa_templates_instansi(tmp_path: Path) -> None:
    """--check --templates checks every agency's config against the agency's templates, as
    `iku check --templates` does: an unknown field is named with its template (exit 4), nothing written."""
    folder = buat_folder(tmp_path / "kab", jumlah=2)
    templat = templat_diubah(tmp_path / "templat", {"lampiran.docx": (b"{{ b.indikator }}", b"{{ b.indikatr }}")})
    hasil = jalankan(str(folder), "--check", "--templates", str(templat), "--output", str(tmp_path / "out"))
    assert hasil.exit_code == 4, hasil.output
    assert f"{templat / 'lampiran.docx'}" in hasil.output and "b.indikatr" in hasil.output
    assert jalankan(str(folder), "--check").exit_code == 0
    assert not (tmp_path / "out").exists()


def test_folder_tanpa_pemda_toml(tmp_path: Path) -> None:
    (tmp_path / "kab").mkdir()
    hasil = jalankan(str(tmp_path / "kab"), "--check")
    assert hasil.exit_code == 3
    assert "pemda.toml tidak ada di folder ini" in hasil.output
    assert "tidak ada konfigurasi perangkat daerah" in hasil.output


def test_tahun_yang_ada_ditolak_tanpa_force_dan_disimpan_dengan_force(tmp_path: Path) -> None:
    folder = buat_folder(tmp_path / "kab", jumlah=2)
    keluaran = tmp_path / "out"
    assert jalankan(str(folder), "--output", str(keluaran), "--jobs", "1").exit_code == 0
    lama = isi_folder(keluaran / "2023")
    hasil = jalankan(str(folder), "--output", str(keluaran))
    assert hasil.exit_code == 5 and "arsip tahun 2023 sudah ada" in hasil.output
    assert jalankan(str(folder), "--output", str(keluaran), "--force").exit_code == 0
    cadangan = [p for p in keluaran.iterdir() if p.name.startswith("2023.diganti-")]
    assert len(cadangan) == 1 and isi_folder(cadangan[0]) == lama
    assert sorted(p.name for p in keluaran.iterdir() if p.name.startswith(".")) == []


def test_kegagalan_di_proses_pekerja_tidak_meninggalkan_tahun(tmp_path: Path) -> None:
    """A template missing in a worker: the error comes back whole, and no year or staging is left."""
    import shutil

    from iku.buat import TEMPLAT_BAWAAN
    from iku.galat import TemplateError
    from iku.kabupaten.baca import baca_kabupaten
    from iku.kabupaten.buat import PermintaanKabupaten, buat_kabupaten

    templat = tmp_path / "templat"
    shutil.copytree(TEMPLAT_BAWAAN, templat)
    (templat / "lampiran.docx").unlink()
    k = baca_kabupaten(buat_folder(tmp_path / "kab", jumlah=2))
    with pytest.raises(TemplateError) as galat:
        buat_kabupaten(PermintaanKabupaten(k, tmp_path / "out", templat, jobs=2))
    assert galat.value.masalah[0].berkas == templat / "lampiran.docx"
    assert not (tmp_path / "out").exists()  # the folder this run created is gone with the staging


@pytest.mark.pdf
def test_sigterm_di_tengah_tidak_meninggalkan_tahun(tmp_path: Path) -> None:
    """Stopped while the workers convert: exit 143, no year, no staging folder left behind."""
    import os
    import signal
    import subprocess
    import sys
    import time

    folder = buat_folder(tmp_path / "kab", jumlah=4)
    keluaran = tmp_path / "out"
    proses = subprocess.Popen(
        [sys.executable, "-m", "iku.cli", "kabupaten", str(folder), "--output", str(keluaran), "--pdf", "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    batas = time.monotonic() + 120
    while not list(keluaran.glob(".sedang-ditulis-*/*/*.docx")) and time.monotonic() < batas:
        time.sleep(0.2)
    assert proses.poll() is None, proses.communicate()
    time.sleep(1)
    os.kill(proses.pid, signal.SIGTERM)
    _, galat = proses.communicate(timeout=120)
    assert proses.returncode == 128 + signal.SIGTERM, galat
    assert not keluaran.exists() or list(keluaran.iterdir()) == []


def test_sasaran_pemda_sah_untuk_generate_sendiri(tmp_path: Path) -> None:
    from iku.konfigurasi import baca

    config = _instansi(tmp_path, "dinsos.toml", "Dinas Sosial Kabupaten Buleleng", ("S1", "S2"))
    assert [b.sasaran_pemda for b in baca(config).config.iku] == ["S1", "S2"]


# ---------------------------------------------------------------- PDF


@pytest.mark.pdf
def test_pdf_lampiran_pemda_dan_kop_lambang(tmp_path: Path) -> None:
    folder = buat_folder(tmp_path / "kab", logo=True, jumlah=2)
    hasil = jalankan(str(folder), "--output", str(tmp_path / "out"), "--pdf", "--jobs", "2")
    assert hasil.exit_code == 0, hasil.output
    pemda = tmp_path / "out" / "2023" / "pemda"
    lampiran = teks_pdf(pemda / "lampiran-iku-pemerintah-kabupaten-buleleng-2023.pdf", layout=True)
    kepala = next(b for b in lampiran.splitlines() if b.lstrip().startswith("NO "))
    assert re.search(r"NO\s+SASARAN RPD\s+INDIKATOR KINERJA UTAMA\s+KET\.", kepala), kepala
    assert "BIDANG URUSAN" in lampiran and "SKPD PENANGGUNG" in lampiran
    assert re.search(r"1\.\s+Sosial\s+Menurunnya angka\s+Persentase penduduk miskin\s+Dinas Sosial Kabupaten", lampiran)
    keputusan = teks_pdf(pemda / "keputusan-iku-pemerintah-kabupaten-buleleng-2023.pdf")
    assert keputusan.lstrip().startswith("BUPATI BULELENG\nKEPUTUSAN BUPATI BULELENG")
    assert "NIP" not in keputusan
    with zipfile.ZipFile(pemda / "keputusan-iku-pemerintah-kabupaten-buleleng-2023.docx") as z:
        assert any(n.startswith("word/media/") for n in z.namelist())  # the lambang
    for instansi in ("dinas-sosial-kabupaten-buleleng", "inspektorat-daerah-kabupaten-buleleng"):
        assert (tmp_path / "out" / "2023" / instansi / f"keputusan-iku-{instansi}-2023.pdf").is_file()
    assert CliRunner().invoke(main, ["verify", str(tmp_path / "out" / "2023")]).exit_code == 0
    # with --pdf too (the book's Daftar Isi gets LibreOffice's page numbers) the DOCX are generate's
    sendiri = CliRunner().invoke(
        main, ["generate", "--config", str(folder / "dinsos.toml"), "--output", str(tmp_path / "gen"), "--pdf"]
    )
    assert sendiri.exit_code == 0, sendiri.output
    dibuat = {n: b for n, b in isi_folder(tmp_path / "gen" / "2023").items() if n.endswith((".docx", ".xlsx", ".toml"))}
    kabupaten = isi_folder(tmp_path / "out" / "2023" / "dinas-sosial-kabupaten-buleleng")
    assert sorted(kabupaten) == sorted(isi_folder(tmp_path / "gen" / "2023"))
    assert {n: kabupaten[n] for n in dibuat} == dibuat
