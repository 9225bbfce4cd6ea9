"""Within the year (issue 21): quarter keys, their checks, the quarter's capaian, the Rencana Aksi,
the Manual IKU and `iku triwulan N` (archive, verify, refusal), `iku capaian --triwulan N`."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from bantu import data_contoh, per_halaman, teks_docx, teks_pdf, tulis_data
from iku import capaian, triwulan
from iku.cli import main
from iku.galat import ConfigError
from iku.konfigurasi import baca
from iku.periksa.naskah import periksa_naskah

D = Decimal
INSTANSI = "dinas-sosial-kabupaten-buleleng-2023"


def jalankan(*args: str):
    return CliRunner().invoke(main, list(args))


def data_triwulan() -> dict:
    """The sample config with the quarter keys of both rows, a programme's quarterly budget,
    [rencana_aksi] and [manual_iku]."""
    d = data_contoh()
    d["iku"][0].update(
        target_triwulan={"1": 5.9, "2": 5.6, "3": 5.4, "4": 5.15},
        realisasi_triwulan={"1": 5.85, "2": 5.5},
        jenis_target="tetap",
        kegiatan=["Pemutakhiran data terpadu kesejahteraan sosial", "Penyaluran bantuan sosial tepat sasaran"],
        penanggung_jawab="Bidang Perlindungan dan Jaminan Sosial",
        definisi="Persentase penduduk di bawah garis kemiskinan",
        frekuensi="Triwulanan",
    )
    d["iku"][1].update(
        target_triwulan={"1": 1.5, "2": 3.5, "3": 5.2, "4": 6.86},
        realisasi_triwulan={"1": 1.4, "2": 3.6},
        kegiatan=["Pendataan PMKS"],
        penanggung_jawab="Bidang Rehabilitasi Sosial",
    )
    d["program"][0]["realisasi_triwulan"] = {"1": 1500000000, "2": 3300000000}
    d["rencana_aksi"] = {"tanggal": dt.date(2023, 1, 16)}
    d["manual_iku"] = {"tanggal": dt.date(2022, 3, 22)}
    return d


def tulis(tmp_path: Path, d: dict | None = None) -> Path:
    return tulis_data(tmp_path / "iku.toml", d or data_triwulan())


def baris(d: dict, i: int = 1, **ganti) -> dict:
    d["iku"][i].update(ganti)
    return d


# ---------------------------------------------------------------- model


def test_kunci_triwulan_hanya_satu_sampai_empat(tmp_path: Path) -> None:
    d = baris(data_triwulan(), target_triwulan={"1": 1, "5": 2})
    with pytest.raises(ConfigError) as galat:
        baca(tulis(tmp_path, d))
    assert "kunci triwulan harus 1, 2, 3 atau 4 (tertulis 5)" in galat.value.uraian()
    assert "iku[2].target_triwulan" in galat.value.uraian()


def test_jenis_target_lain_ditolak(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as galat:
        baca(tulis(tmp_path, baris(data_triwulan(), jenis_target="bulanan")))
    assert "jenis_target" in galat.value.uraian()


def test_kunci_triwulan_diurutkan(tmp_path: Path) -> None:
    d = baris(data_triwulan(), target_triwulan={"4": 6.86, "1": 1.5, "3": 5.2, "2": 3.5})
    assert list(baca(tulis(tmp_path, d)).config.iku[1].target_triwulan or {}) == ["1", "2", "3", "4"]


# ---------------------------------------------------------------- capaian of a quarter


def capaian_tw(tmp_path: Path, n: int, **ganti) -> capaian.Capaian:
    config = baca(tulis(tmp_path, baris(data_triwulan(), **ganti))).config
    return triwulan.capaian_triwulan(config.iku[1], n)


def test_capaian_triwulan_naik(tmp_path: Path) -> None:
    c = capaian_tw(tmp_path, 1)
    assert (c.target, c.realisasi, c.nilai, c.predikat) == (D("1.5"), D("1.4"), D("93.33"), "Sangat Tinggi")


def test_capaian_triwulan_turun_memakai_rumus_tahunan(tmp_path: Path) -> None:
    config = baca(tulis(tmp_path)).config
    c = triwulan.capaian_triwulan(config.iku[0], 2)  # turun: (2 x 5,6 - 5,5) / 5,6 x 100
    assert c.nilai == D("101.79") == capaian.hitung(D("5.6"), D("5.5"), "turun")
    assert c.teks() == {"target": "5,6", "realisasi": "5,5", "capaian": "101,79", "predikat": "Sangat Tinggi"}


def test_capaian_triwulan_di_atas_seratus(tmp_path: Path) -> None:
    c = capaian_tw(tmp_path, 2, realisasi_triwulan={"2": 7})
    assert c.nilai == D("200.00") and c.tercapai


def test_capaian_triwulan_target_nol(tmp_path: Path) -> None:
    c = capaian_tw(tmp_path, 1, target_triwulan={"1": 0, "2": 3.5}, realisasi_triwulan={"1": 2})
    assert c.nilai is None and c.teks()["capaian"] == "-" and c.predikat == "-"


def test_capaian_triwulan_tanpa_realisasi(tmp_path: Path) -> None:
    c = capaian_tw(tmp_path, 3)
    assert (c.target, c.realisasi, c.nilai) == (D("5.2"), None, None)
    assert c.teks()["realisasi"] == "-"


def test_kumulatif_juga_terhadap_target_tahun(tmp_path: Path) -> None:
    config = baca(tulis(tmp_path)).config
    lap = triwulan.laporan(config, 2)
    assert lap.baris[0].tahunan is None  # "tetap": no capaian against the year
    tahunan = lap.baris[1].tahunan
    assert tahunan is not None and (tahunan.target, tahunan.nilai) == (D("6.86"), D("52.48"))


def test_anggaran_triwulan(tmp_path: Path) -> None:
    config = baca(tulis(tmp_path)).config
    assert triwulan.anggaran_triwulan(config, 3) is None
    dana = triwulan.anggaran_triwulan(config, 2)
    assert dana is not None
    assert (dana.jumlah.realisasi, dana.jumlah.persen) == (D(3300000000), D("48.21"))
    assert dana.baris[0].persen == D("48.21") and dana.baris[1].realisasi is None


def test_kalimat_menyebut_yang_tertinggal(tmp_path: Path) -> None:
    config = baca(tulis(tmp_path)).config
    assert triwulan.kalimat(triwulan.laporan(config, 1)) == [
        "Pada Triwulan I tahun 2023, 2 (dua) indikator kinerja utama diukur; 1 (satu) indikator mencapai "
        "atau melampaui target triwulan (capaian 100% atau lebih).",
        "Indikator yang paling tertinggal dari targetnya: Persentase Penanganan PMKS (93,33%).",
        "Anggaran terserap sampai akhir Triwulan I sebesar Rp1.500.000.000 dari pagu Rp9.919.562.000; "
        "serapan setiap program tercantum pada tabel realisasi anggaran.",
    ]


# ---------------------------------------------------------------- check warnings


def peringatan_triwulan(tmp_path: Path, d: dict) -> list[str]:
    return [str(m) for m in periksa_naskah(baca(tulis(tmp_path, d))) if m.kunci and "target_triwulan" in m.kunci]


def test_tanpa_peringatan_bila_konsisten(tmp_path: Path) -> None:
    assert peringatan_triwulan(tmp_path, data_triwulan()) == []


def test_kumulatif_turun_diperingatkan(tmp_path: Path) -> None:
    d = baris(data_triwulan(), target_triwulan={"1": 1.5, "2": 3.5, "3": 3.2, "4": 6.86})
    (pesan,) = peringatan_triwulan(tmp_path, d)
    assert (
        '[iku[2].target_triwulan] target kumulatif "Persentase Penanganan PMKS" turun dari TW II (3,5) ke TW III (3,2)'
        in pesan
    )


def test_kumulatif_tw_empat_beda_dari_target_tahun(tmp_path: Path) -> None:
    d = baris(data_triwulan(), target_triwulan={"1": 1.5, "2": 3.5, "3": 5.2, "4": 7})
    (pesan,) = peringatan_triwulan(tmp_path, d)
    assert 'target kumulatif TW IV "Persentase Penanganan PMKS" (7) tidak sama dengan target tahun 2023 (6,86)' in pesan


def test_per_triwulan_jumlahnya_harus_target_tahun(tmp_path: Path) -> None:
    d = baris(data_triwulan(), jenis_target="per_triwulan", target_triwulan={"1": 1.5, "2": 2, "3": 1.7, "4": 1})
    (pesan,) = peringatan_triwulan(tmp_path, d)
    assert (
        'jumlah target per triwulan "Persentase Penanganan PMKS" (6,2) tidak sama dengan target tahun 2023 (6,86)'
        in pesan
    )
    d = baris(data_triwulan(), jenis_target="per_triwulan", target_triwulan={"1": 1.5, "2": 2, "3": 1.7, "4": 1.66})
    assert peringatan_triwulan(tmp_path, d) == []


def test_tetap_boleh_turun(tmp_path: Path) -> None:
    d = baris(data_triwulan(), 0, target_triwulan={"1": 5.9, "2": 5.6, "3": 5.4, "4": 5.0})
    assert peringatan_triwulan(tmp_path, d) == []  # a level, not a running total or a sum


# ---------------------------------------------------------------- documents of the set


@pytest.fixture(scope="module")
def set_tahun(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("set")
    config = tulis(folder)
    hasil = jalankan("generate", "--config", str(config), "--output", str(folder / "output"))
    assert hasil.exit_code == 0, hasil.output
    return folder


def test_rencana_aksi_teks_berurutan(set_tahun: Path) -> None:
    teks = [t for t in teks_docx(set_tahun / "output/2023" / f"rencana-aksi-{INSTANSI}.docx") if t]
    assert teks == [
        "RENCANA AKSI",
        "DINAS SOSIAL KABUPATEN BULELENG",
        "TAHUN 2023",
        *("NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "SATUAN", "TARGET 2023", "TW I", "TW II", "TW III"),
        *("TW IV", "KEGIATAN", "PENANGGUNG JAWAB"),
        *("1.", "Menurunnya Penduduk Miskin", "Persentase Penduduk Miskin", "%", "5,15", "5,9", "5,6", "5,4"),
        *("5,15", "1. Pemutakhiran data terpadu kesejahteraan sosial", "2. Penyaluran bantuan sosial tepat sasaran"),
        "Bidang Perlindungan dan Jaminan Sosial",
        *("2.", "Meningkatnya Penanganan PMKS", "Persentase Penanganan PMKS", "%", "6,86", "1,5", "3,5", "5,2"),
        *("6,86", "Pendataan PMKS", "Bidang Rehabilitasi Sosial"),
        "Singaraja, 16 Januari 2023",
        "Kepala Dinas Sosial Kabupaten Buleleng,",
        "I Putu Kariaman Putra, S.Sos, MM",
        "Pembina Tk.I (IV/b)",
        "NIP. 19691231 199103 1 053",
    ]


def test_manual_iku_satu_lembar_per_indikator(set_tahun: Path) -> None:
    teks = [t for t in teks_docx(set_tahun / "output/2023" / f"manual-iku-{INSTANSI}.docx") if t.strip()]
    kepala = ["MANUAL INDIKATOR KINERJA UTAMA", "DINAS SOSIAL KABUPATEN BULELENG", "TAHUN 2023-2026"]
    kedua = teks.index("INDIKATOR KINERJA UTAMA 2")
    assert teks[:4] == [*kepala, "INDIKATOR KINERJA UTAMA 1"] and teks[kedua - 3 : kedua] == kepala
    assert teks[4 : kedua - 3] == [
        *("Sasaran Strategis", "Menurunnya Penduduk Miskin", "Indikator Kinerja", "Persentase Penduduk Miskin"),
        *("Definisi", "Persentase penduduk di bawah garis kemiskinan", "Alasan"),
        "Meningkatkan dan pemerataan pelayanan sosial, sesuai dengan:\n"
        "1. Undang-Undang Nomor 13 Tahun 2011 tentang Penanganan Fakir Miskin",
        *("Formulasi/Cara Pengukuran", "Hasil Perhitungan BPS", "Satuan", "%"),
        *("Polaritas", "Minimal (semakin rendah semakin baik)", "Jenis Target"),
        "Tetap (tingkat yang diukur setiap triwulan)",
        *("Frekuensi Pengukuran", "Triwulanan", "Sumber Data", "Dinas Sosial Kabupaten Buleleng"),
        *("Penanggung Jawab", "Bidang Perlindungan dan Jaminan Sosial"),
    ]
    kedua_isi = teks[kedua + 1 :]
    formulasi = kedua_isi.index("Formulasi/Cara Pengukuran")
    assert kedua_isi[formulasi + 1 : formulasi + 4] == [  # the Lampiran's stacked fraction
        "Jumlah PMKS yang tertangani",
        "Jumlah PMKS yang ada",
        "×\xa0100%",
    ]
    assert kedua_isi[kedua_isi.index("Definisi") + 1] == "-"
    assert kedua_isi[kedua_isi.index("Polaritas") + 1] == "Maksimal (semakin tinggi semakin baik)"
    assert kedua_isi[-5:] == [  # signed once, under the last sheet
        "Singaraja, 22 Maret 2022",
        "Kepala Dinas Sosial Kabupaten Buleleng,",
        "I Putu Kariaman Putra, S.Sos, MM",
        "Pembina Tk.I (IV/b)",
        "NIP. 19691231 199103 1 053",
    ]
    assert teks.count("Singaraja, 22 Maret 2022") == 1


def test_rencana_aksi_di_bundel_dan_manifes(set_tahun: Path) -> None:
    folder = set_tahun / "output/2023"
    bundel = [t for t in teks_docx(folder / f"bundel-tanda-tangan-iku-{INSTANSI}.docx") if t]
    sendiri = [t for t in teks_docx(folder / f"rencana-aksi-{INSTANSI}.docx") if t]
    assert bundel[bundel.index("RENCANA AKSI") :] == sendiri  # after the Lampiran, whole
    assert bundel.index("RENCANA AKSI") > bundel.index("INDIKATOR KINERJA UTAMA (IKU)")
    tercatat = json.loads((folder / "MANIFEST.json").read_text(encoding="utf-8"))["sha256"]
    for nama in (f"rencana-aksi-{INSTANSI}.docx", f"rencana-aksi-{INSTANSI}.xlsx", f"manual-iku-{INSTANSI}.docx"):
        assert nama in tercatat


def test_rencana_aksi_xlsx_angka_sebagai_angka(set_tahun: Path) -> None:
    ws = load_workbook(set_tahun / "output/2023" / f"rencana-aksi-{INSTANSI}.xlsx")["Rencana Aksi"]
    assert [c.value for c in ws[4]][:9] == [
        *("NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "SATUAN", "TARGET 2023", "TW I", "TW II", "TW III", "TW IV")
    ]
    assert [ws.cell(6, k).value for k in range(5, 10)] == [6.86, 1.5, 3.5, 5.2, 6.86]


def test_tanpa_kunci_baru_tidak_ada_dokumen_baru(tmp_path: Path) -> None:
    d = data_contoh()
    hasil = jalankan("generate", "--config", str(tulis(tmp_path, d)), "--output", str(tmp_path / "out"))
    assert hasil.exit_code == 0, hasil.output
    nama = {p.name for p in (tmp_path / "out/2023").iterdir()}
    assert not any(n.startswith(("rencana-aksi", "manual-iku")) for n in nama)


# ---------------------------------------------------------------- iku triwulan N


def triwulan_di(set_tahun: Path, *extra: str):
    return jalankan("triwulan", *extra, "--config", str(set_tahun / "iku.toml"), "--output", str(set_tahun / "output"))


def test_laporan_triwulan_teks_berurutan(set_tahun: Path) -> None:
    hasil = triwulan_di(set_tahun, "2")
    assert hasil.exit_code == 0, hasil.output
    folder = set_tahun / "output/2023/triwulan-2"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [
            f"laporan-pengukuran-kinerja-triwulan-2-{INSTANSI}.docx",
            f"laporan-pengukuran-kinerja-triwulan-2-{INSTANSI}.xlsx",
            "konfigurasi-2023-triwulan-2.toml",
            "MANIFEST.json",
        ]
    )
    teks = [t for t in teks_docx(folder / f"laporan-pengukuran-kinerja-triwulan-2-{INSTANSI}.docx") if t]
    assert teks == [
        *("LAPORAN PENGUKURAN KINERJA", "TRIWULAN II TAHUN 2023", "DINAS SOSIAL KABUPATEN BULELENG"),
        "A. Capaian Indikator Kinerja",
        *("NO", "INDIKATOR KINERJA", "SATUAN", "TARGET TW II", "REALISASI TW II", "CAPAIAN (%)", "PREDIKAT"),
        *("TARGET 2023", "CAPAIAN THD. TARGET TAHUN (%)"),
        *("1.", "Persentase Penduduk Miskin", "%", "5,6", "5,5", "101,79", "Sangat Tinggi", "-", "-"),
        *("2.", "Persentase Penanganan PMKS", "%", "3,5", "3,6", "102,86", "Sangat Tinggi", "6,86", "52,48"),
        "B. Realisasi Anggaran",
        *("NO", "PROGRAM", "ANGGARAN (Rp)", "REALISASI S.D. TW II (Rp)", "SERAPAN (%)"),
        *("1.", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", "6.845.312.000", "3.300.000.000"),
        "48,21",
        *("2.", "Program Pemberdayaan Sosial", "412.500.000", "-", "-"),
        *("3.", "Program Rehabilitasi Sosial", "1.126.750.000", "-", "-"),
        *("4.", "Program Perlindungan dan Jaminan Sosial", "1.250.000.000", "-", "-"),
        *("5.", "Program Penanganan Bencana", "285.000.000", "-", "-"),
        *("JUMLAH", "9.919.562.000", "3.300.000.000", "48,21"),
        "Gambar 1. Target dan Realisasi Triwulan I-II Tahun 2023",
        "C. Analisis Capaian",
        "Pada Triwulan II tahun 2023, 2 (dua) indikator kinerja utama diukur; 2 (dua) indikator mencapai "
        "atau melampaui target triwulan (capaian 100% atau lebih).",
        "Anggaran terserap sampai akhir Triwulan II sebesar Rp3.300.000.000 dari pagu Rp9.919.562.000; "
        "serapan setiap program tercantum pada tabel realisasi anggaran.",
        "Singaraja, 30 Juni 2023",
        "Kepala Dinas Sosial Kabupaten Buleleng,",
        "I Putu Kariaman Putra, S.Sos, MM",
        "Pembina Tk.I (IV/b)",
        "NIP. 19691231 199103 1 053",
    ]
    with zipfile.ZipFile(folder / f"laporan-pengukuran-kinerja-triwulan-2-{INSTANSI}.docx") as z:
        assert any(n.startswith("word/media/") for n in z.namelist())  # the chart
    buku = load_workbook(folder / f"laporan-pengukuran-kinerja-triwulan-2-{INSTANSI}.xlsx")
    assert buku.properties.title == "Laporan Pengukuran Kinerja Triwulan II Dinas Sosial Kabupaten Buleleng Tahun 2023"
    assert buku.sheetnames == ["Triwulan II", "Anggaran"]
    ws = buku["Triwulan II"]
    assert [ws.cell(6, k).value for k in (5, 6, 9)] == [3.5, 3.6, 6.86]
    assert ws["G6"].value.startswith("=IF(") and "E6" in ws["G6"].value  # capaian: a live formula
    assert "I6" in ws["J6"].value and ws["J5"].value is None  # against the year: kumulatif rows only

    # the quarter is verified with the year, and a changed file of the quarter fails it
    assert jalankan("verify", str(set_tahun / "output/2023")).exit_code == 0
    arsip = jalankan("arsip", "--output", str(set_tahun / "output"))
    assert "  triwulan-2: utuh" in arsip.output
    salinan = folder / "konfigurasi-2023-triwulan-2.toml"
    asli = salinan.read_bytes()
    salinan.write_bytes(asli + b"\n# diubah\n")
    gagal = jalankan("verify", str(set_tahun / "output/2023"))
    assert gagal.exit_code == 6 and "triwulan-2/konfigurasi-2023-triwulan-2.toml" in gagal.output
    arsip = jalankan("arsip", "--output", str(set_tahun / "output"))
    assert arsip.exit_code == 6 and "  triwulan-2: TIDAK UTUH (1 masalah)" in arsip.output
    assert "  periksa : TIDAK UTUH (1 masalah)" in arsip.output  # a year is whole only with its quarters
    salinan.write_bytes(asli)

    # never replaced without --force; with it, the old quarter is kept
    lama = {p.name: p.read_bytes() for p in folder.iterdir()}
    tolak = triwulan_di(set_tahun, "2")
    assert tolak.exit_code == 5 and "arsip Triwulan II tahun 2023 sudah ada" in tolak.output
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == lama
    assert triwulan_di(set_tahun, "2", "--force").exit_code == 0
    (cadangan,) = (set_tahun / "output/2023").glob("triwulan-2.diganti-*")
    assert {p.name: p.read_bytes() for p in cadangan.iterdir()} == lama
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == lama  # the same input, the same bytes
    assert jalankan("verify", str(set_tahun / "output/2023")).exit_code == 0


def test_realisasi_kurang_tidak_menulis_apa_pun(set_tahun: Path) -> None:
    hasil = triwulan_di(set_tahun, "3")
    assert hasil.exit_code == 3
    assert 'realisasi triwulan III belum diisi untuk "Persentase Penduduk Miskin"' in hasil.output
    assert 'realisasi triwulan III belum diisi untuk "Persentase Penanganan PMKS"' in hasil.output
    assert not list((set_tahun / "output/2023").glob("*triwulan-3*"))


@pytest.mark.parametrize("n", ["0", "5", "dua"])
def test_triwulan_di_luar_satu_sampai_empat(set_tahun: Path, n: str) -> None:
    hasil = triwulan_di(set_tahun, n)
    assert hasil.exit_code == 2 and "triwulan harus 1, 2, 3 atau 4" in hasil.output


def test_triwulan_perlu_arsip_tahun(tmp_path: Path) -> None:
    hasil = jalankan("triwulan", "1", "--config", str(tulis(tmp_path)), "--output", str(tmp_path / "out"))
    assert hasil.exit_code == 5 and "arsip tahun 2023 belum ada" in hasil.output
    assert not (tmp_path / "out").exists()


def test_generate_force_membawa_triwulan(tmp_path: Path) -> None:
    config = str(tulis(tmp_path))
    keluar = str(tmp_path / "out")
    assert jalankan("generate", "--config", config, "--output", keluar).exit_code == 0
    assert jalankan("triwulan", "1", "--config", config, "--output", keluar).exit_code == 0
    tw1 = {p.name: p.read_bytes() for p in (tmp_path / "out/2023/triwulan-1").iterdir()}
    assert jalankan("generate", "--config", config, "--output", keluar, "--force").exit_code == 0
    assert {p.name: p.read_bytes() for p in (tmp_path / "out/2023/triwulan-1").iterdir()} == tw1
    assert jalankan("verify", keluar).exit_code == 0


def test_capaian_triwulan_di_terminal(tmp_path: Path) -> None:
    hasil = jalankan("capaian", "--config", str(tulis(tmp_path)), "--triwulan", "2")
    assert hasil.exit_code == 0, hasil.output
    baris = hasil.output.splitlines()
    assert baris[0] == "Capaian kinerja Triwulan II tahun 2023: Dinas Sosial Kabupaten Buleleng"
    assert baris[4].split() == [
        "1",
        "Persentase",
        "Penduduk",
        "Miskin",
        "%",
        "5,6",
        "5,5",
        "101,79",
        "Sangat",
        "Tinggi",
        "-",
    ]
    assert baris[5].split()[-5:] == ["3,6", "102,86", "Sangat", "Tinggi", "52,48"]
    assert jalankan("capaian", "--config", str(tulis(tmp_path)), "--triwulan", "3").exit_code == 3
    assert jalankan("capaian", "--config", str(tulis(tmp_path)), "--triwulan", "7").exit_code == 2


def test_capaian_triwulan_indikator_panjang_terbungkus_seperti_tahunan(tmp_path: Path) -> None:
    """The quarter's terminal table is the CLI's one table (cli.tabel_teks): a long indicator wraps
    under its column within LEBAR_INDIKATOR, the numbers of its first line stay right-aligned."""
    from iku import cli

    nama = "Persentase Penyandang Masalah Kesejahteraan Sosial yang Memperoleh Bantuan Sosial untuk Pemenuhan Kebutuhan Dasar"
    baris_ = jalankan(
        "capaian", "--config", str(tulis(tmp_path, baris(data_triwulan(), indikator=nama))), "--triwulan", "2"
    )
    baris_ = baris_.output.splitlines()
    kepala = next(b for b in baris_ if b.startswith("No"))
    kolom = kepala.index("Indikator Kinerja")
    mulai = baris_.index(next(b for b in baris_ if b.startswith(" 2  ")))
    akhir = next(i for i in range(mulai, len(baris_)) if baris_[i].startswith("--"))
    lanjutan = baris_[mulai + 1 : akhir]
    assert len(lanjutan) >= 2 and all(b[:kolom].strip() == "" for b in lanjutan)
    assert " ".join(b.strip() for b in [baris_[mulai][kolom : kolom + cli.LEBAR_INDIKATOR]] + lanjutan) == nama
    assert baris_[mulai].rstrip().endswith("52,48") and len(baris_[mulai].rstrip()) == len(kepala.rstrip())


@pytest.mark.pdf
def test_pdf_laporan_triwulan(tmp_path: Path) -> None:
    config = str(tulis(tmp_path))
    keluar = str(tmp_path / "out")
    assert jalankan("generate", "--config", config, "--output", keluar).exit_code == 0
    hasil = jalankan("triwulan", "1", "--config", config, "--output", keluar, "--pdf")
    assert hasil.exit_code == 0, hasil.output
    pdf = tmp_path / "out/2023/triwulan-1" / f"laporan-pengukuran-kinerja-triwulan-1-{INSTANSI}.pdf"
    teks = " ".join(teks_pdf(pdf).split())
    for bagian in (
        "LAPORAN PENGUKURAN KINERJA TRIWULAN I TAHUN 2023 DINAS SOSIAL KABUPATEN BULELENG",
        "Persentase Penanganan PMKS",
        "93,33",
        "Gambar 1. Target dan Realisasi Triwulan I Tahun 2023",
        "Indikator yang paling tertinggal dari targetnya: Persentase Penanganan PMKS (93,33%).",
        "Singaraja, 31 Maret 2023",
        "NIP. 19691231 199103 1 053",
    ):
        assert bagian in teks
    assert teks.index("93,33") < teks.index("C. Analisis Capaian") < teks.index("Singaraja, 31 Maret 2023")
    assert jalankan("verify", str(tmp_path / "out/2023")).exit_code == 0


# ---------------------------------------------------------------- new-year, diff


def test_tahun_baru_mengosongkan_nilai_triwulan(tmp_path: Path) -> None:
    hasil = jalankan("new-year", "--config", str(tulis(tmp_path)), "--to", str(tmp_path / "2024.toml"))
    assert hasil.exit_code == 0, hasil.output
    assert "nilai triwulan tahun 2023 dikosongkan (isi untuk 2024): iku[1].target_triwulan" in hasil.output
    assert "rencana_aksi.tanggal" in hasil.output.split("Masih harus diisi")[1]
    import tomllib

    data = tomllib.loads((tmp_path / "2024.toml").read_text(encoding="utf-8"))
    for b in data["iku"]:
        assert b["target_triwulan"] == {} and b["realisasi_triwulan"] == {}
    assert data["iku"][0]["jenis_target"] == "tetap" and data["iku"][1]["kegiatan"] == ["Pendataan PMKS"]
    assert data["program"][0]["realisasi_triwulan"] == {}
    assert data["rencana_aksi"]["tanggal"].startswith("ISI: tanggal Rencana Aksi (contoh 2024-01-16)")
    assert data["manual_iku"]["tanggal"] == dt.date(2022, 3, 22)


def test_diff_menampilkan_perubahan_triwulan(tmp_path: Path) -> None:
    lama = tulis(tmp_path)
    d = data_triwulan()
    d["iku"][1]["target_triwulan"]["2"] = 3.6
    d["iku"][1]["realisasi_triwulan"]["3"] = 5.0
    baru = tulis_data(tmp_path / "baru.toml", d)
    hasil = jalankan("diff", str(lama), str(baru), "--tanpa-warna")
    assert hasil.output.splitlines()[0].startswith("2 perubahan dari ")
    assert hasil.output.splitlines()[1:] == [
        "~ IKU baris 2, target TW II [iku[2].target_triwulan.2] diubah",
        "    - 3.5",
        "    + 3.6",
        "+ IKU baris 2, realisasi TW III [iku[2].realisasi_triwulan.3] ditambahkan",
        "    + 5.0",
    ]


def test_penyunting_isian_triwulan(tmp_path: Path) -> None:
    """The IKU row's form holds the quarter targets and realisasi (TW I-IV), jenis target, kegiatan;
    the programme its budget per quarter; saving unchanged changes no byte, a change only its line."""
    from werkzeug.datastructures import MultiDict

    from bantu import TEMPLATES, isian_formulir
    from iku.penyunting.aplikasi import Pengaturan, buat_aplikasi

    berkas = tulis(tmp_path)
    sebelum = berkas.read_text(encoding="utf-8")
    http = buat_aplikasi(Pengaturan(berkas, tmp_path / "output", TEMPLATES, "127.0.0.1", 8000)).test_client()

    def kirim(ubah: dict[str, str]) -> str:
        halaman = http.get("/", base_url="http://127.0.0.1:8000").get_data(as_text=True)
        isian = isian_formulir(halaman)
        data = [(k, ubah.get(k, v)) for k, v in isian] + [(k, v) for k, v in ubah.items() if k not in dict(isian)]
        r = http.post("/", data=MultiDict([*data, ("simpan", "1")]), base_url="http://127.0.0.1:8000")
        return r.get_data(as_text=True)

    halaman = http.get("/", base_url="http://127.0.0.1:8000").get_data(as_text=True)
    isian = dict(isian_formulir(halaman))
    assert [isian[f"iku.1.target_triwulan.{k}"] for k in "1234"] == ["1,5", "3,5", "5,2", "6,86"]
    assert [isian[f"iku.1.realisasi_triwulan.{k}"] for k in "1234"] == ["1,4", "3,6", "", ""]
    assert (isian["iku.0.jenis_target"], isian["iku.1.kegiatan.0"]) == ("tetap", "Pendataan PMKS")
    assert (isian["program.0.realisasi_triwulan.2"], isian["rencana_aksi.tanggal"]) == (
        "3.300.000.000",
        "16 Januari 2023",
    )
    assert 'for="isian-iku.1.target_triwulan.4">TW IV</label>' in halaman

    assert "Tersimpan." in kirim({}) and berkas.read_text(encoding="utf-8") == sebelum
    assert "Tersimpan." in kirim({"iku.1.realisasi_triwulan.3": "5,3", "iku.0.jenis_target": "kumulatif"})
    config = baca(berkas).config
    assert config.iku[1].realisasi_triwulan == {"1": D("1.4"), "2": D("3.6"), "3": D("5.3")}
    assert config.iku[0].jenis_target == "kumulatif"
    import difflib

    beda = [b for b in difflib.unified_diff(sebelum.splitlines(), berkas.read_text(encoding="utf-8").splitlines())]
    assert [b for b in beda[2:] if b[0] in "+-"] == [
        '-jenis_target = "tetap"',
        '+jenis_target = "kumulatif"',
        "+3 = 5.3",
    ]


def test_rencana_aksi_tanpa_target_triwulan_diperingatkan(tmp_path: Path) -> None:
    d = baris(data_triwulan(), target_triwulan={"1": 1.5, "2": 3.5})
    del d["iku"][0]["target_triwulan"]
    pesan = [str(m) for m in periksa_naskah(baca(tulis(tmp_path, d))) if "Rencana Aksi" in m.pesan]
    assert len(pesan) == 2
    assert (
        '[iku[1].indikator] Rencana Aksi: target triwulan "Persentase Penduduk Miskin" belum diisi untuk TW I, TW II, TW III, TW IV'
        in pesan[0]
    )
    assert (
        '[iku[2].target_triwulan] Rencana Aksi: target triwulan "Persentase Penanganan PMKS" belum diisi untuk TW III, TW IV'
        in pesan[1]
    )
    del d["rencana_aksi"]
    assert not [m for m in periksa_naskah(baca(tulis(tmp_path, d))) if "Rencana Aksi" in m.pesan]


@pytest.mark.pdf
def test_halaman_banyak_indikator_tanpa_judul_atau_tanda_tangan_sendirian(tmp_path: Path) -> None:
    """Twelve indicators: the Rencana Aksi runs over pages and the quarterly report's chart fills one;
    no page holds only a title or only a signature."""
    import copy

    d = data_triwulan()
    d["iku"] = [
        {**copy.deepcopy(b), "indikator": f"{b['indikator']} ke-{k}", "sasaran": f"{b['sasaran']} {k}"}
        for k in range(1, 7)
        for b in d["iku"]
    ]
    config, keluar = str(tulis(tmp_path, d)), str(tmp_path / "out")
    assert jalankan("generate", "--config", config, "--output", keluar, "--pdf").exit_code == 0
    assert jalankan("triwulan", "2", "--config", config, "--output", keluar, "--pdf").exit_code == 0
    ra = per_halaman(tmp_path / "out/2023" / f"rencana-aksi-{INSTANSI}.pdf")
    assert len(ra) > 1 and all("Persentase" in h for h in ra)  # every page carries indicator rows
    assert "Persentase Penanganan PMKS ke-6" in ra[-1] and "Singaraja, 16 Januari 2023" in ra[-1]
    manual = per_halaman(tmp_path / "out/2023" / f"manual-iku-{INSTANSI}.pdf")
    assert len(manual) == 12 and all(h.count("Sasaran Strategis") == 1 for h in manual)
    assert "Penanggung Jawab" in manual[-1] and "Singaraja, 22 Maret 2022" in manual[-1]
    lt = per_halaman(tmp_path / "out/2023/triwulan-2" / f"laporan-pengukuran-kinerja-triwulan-2-{INSTANSI}.pdf")
    assert "Persentase Penanganan PMKS ke-6" in lt[0]
    terakhir = lt[-1]
    assert "C. Analisis Capaian" in terakhir and "12 (dua belas) indikator" in terakhir
    assert "NIP. 19691231 199103 1 053" in terakhir
    assert lt[0].startswith("LAPORAN PENGUKURAN KINERJA TRIWULAN II TAHUN 2023")  # the title with its table
    assert all(not h.startswith("Singaraja") for h in lt)  # the signature never opens a page
    assert ["Gambar 1." in h for h in lt].count(True) == 1


def test_check_memeriksa_templat_laporan_triwulan(tmp_path: Path) -> None:
    import shutil

    from bantu import TEMPLATES

    templat = tmp_path / "templat"
    shutil.copytree(TEMPLATES, templat)
    berkas = templat / "laporan-triwulan.docx"
    with zipfile.ZipFile(berkas) as z:
        isi = {n: z.read(n) for n in z.namelist()}
    isi["word/document.xml"] = isi["word/document.xml"].replace(b"{{ lt.judul }}", b"{{ lt.judull }}")
    with zipfile.ZipFile(berkas, "w") as z:
        for n, d in isi.items():
            z.writestr(n, d)
    config = str(tulis(tmp_path))
    hasil = jalankan("check", "--config", config, "--templates", str(templat))
    assert hasil.exit_code == 1 and 'isian "lt.judull" tidak dikenal' in hasil.output
    assert jalankan("check", "--config", config).exit_code == 0


@pytest.mark.pdf
def test_rumus_xlsx_triwulan_dihitung_libreoffice_sama_dengan_laporan(tmp_path: Path) -> None:
    """The quarter's sheet recalculated by LibreOffice gives the report's capaian, predikat and the
    kumulatif rows' capaian against the year."""
    import openpyxl

    from iku import lembar_triwulan
    from iku.impor.berkas import diubah

    d = baris(data_triwulan(), 0, arah="naik", target_triwulan={"1": 0, "2": 4}, realisasi_triwulan={"1": 2, "2": 5})
    config = baca(tulis(tmp_path, d)).config
    xlsx = tmp_path / "tw.xlsx"
    xlsx.write_bytes(lembar_triwulan.tulis_triwulan(config, 2))
    with diubah(xlsx, "xlsx", "-") as hasil:
        buku = openpyxl.load_workbook(hasil, data_only=True)
    ws = buku["Triwulan II"]
    dihitung = [(r[6].value, r[7].value, r[9].value) for r in ws.iter_rows(min_row=5, max_row=6)]
    harapan = [
        (
            float(b.triwulan.nilai) if b.triwulan.nilai is not None else "-",
            b.triwulan.predikat,
            float(b.tahunan.nilai) if b.tahunan and b.tahunan.nilai is not None else None,
        )
        for b in triwulan.laporan(config, 2).baris
    ]
    assert dihitung == harapan == [(125.0, "Sangat Tinggi", None), (102.86, "Sangat Tinggi", 52.48)]


def test_salinan_konfigurasi_triwulan_berdiri_sendiri(tmp_path: Path) -> None:
    """The quarter keeps its config with the logo it refers to: the copy computes the same figures."""
    from bantu import tulis_png

    d = data_triwulan()
    d["instansi"]["logo"] = "aset/logo.png"
    (tmp_path / "aset").mkdir()
    tulis_png(tmp_path / "aset" / "logo.png")
    config, keluar = str(tulis(tmp_path, d)), str(tmp_path / "out")
    assert jalankan("generate", "--config", config, "--output", keluar).exit_code == 0
    assert jalankan("triwulan", "1", "--config", config, "--output", keluar).exit_code == 0
    folder = tmp_path / "out/2023/triwulan-1"
    assert (folder / "aset/logo.png").read_bytes() == (tmp_path / "aset/logo.png").read_bytes()
    salinan = jalankan("capaian", "--triwulan", "1", "--config", str(folder / "konfigurasi-2023-triwulan-1.toml"))
    asli = jalankan("capaian", "--triwulan", "1", "--config", config)
    assert salinan.exit_code == 0 and salinan.output == asli.output
    assert jalankan("verify", keluar).exit_code == 0
