"""Capaian kinerja: the formulas of the contract, predikat, budget, Ikhtisar, `iku capaian`, check warnings."""

from __future__ import annotations

import copy
from decimal import ROUND_HALF_UP, Decimal, localcontext
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bantu import CONFIG_CONTOH, data_contoh, salin_config, tanpa_bagian, tulis_data
from iku import bahasa, capaian, cli
from iku.cli import main
from iku.galat import ConfigError
from iku.konfigurasi import baca
from iku.periksa.naskah import periksa_naskah

D = Decimal
TAHUN_RENCANA = ("2023", "2024", "2025", "2026")


def jalankan(*args: str):
    return CliRunner().invoke(main, list(args))


# ---------------------------------------------------------------- formulas


@pytest.mark.parametrize(
    "target, realisasi, arah, hasil",
    [
        ("5.15", "5.05", "turun", "101.94"),  # lower is better: under the target is a success
        ("6.86", "6.66", "naik", "97.08"),
        ("4", "5", "naik", "125.00"),  # above 100 % printed as computed
        ("10", "25", "turun", "0.00"),  # never below 0
        ("8", "0", "naik", "0.00"),  # a realisasi of 0 is a value, not a gap
        ("8", "0", "turun", "200.00"),
        ("1000", "970.85", "naik", "97.09"),  # exactly half: up (banker's rounding would give 97.08)
        ("1000", "970.849", "naik", "97.08"),
        ("3", "1", "naik", "33.33"),
        ("3", "2", "naik", "66.67"),
    ],
)
def test_rumus_capaian(target, realisasi, arah, hasil):
    nilai = capaian.hitung(D(target), D(realisasi), arah)
    assert nilai == D(hasil) and str(nilai) == hasil  # always two decimals


def test_target_nol_naik_tidak_terdefinisi():
    assert capaian.hitung(D(0), D("5"), "naik") is None
    assert capaian.hitung(D(0), D(0), "naik") is None
    assert capaian.predikat(None) == "-" and capaian.teks_capaian(None) == "-"


@pytest.mark.parametrize("realisasi, hasil", [("0", "100.00"), ("0.5", "0.00"), ("3", "0.00")])
def test_target_nol_turun(realisasi, hasil):
    """Issue 18 item 11: "jumlah temuan berulang" with target 0: none found meets it, any found misses."""
    nilai = capaian.hitung(D(0), D(realisasi), "turun")
    assert nilai == D(hasil) and str(nilai) == hasil
    assert capaian.predikat(nilai) == ("Sangat Tinggi" if realisasi == "0" else "Sangat Rendah")


@pytest.mark.parametrize(
    "nilai, predikat",
    [
        ("125.00", "Sangat Tinggi"),
        ("91.00", "Sangat Tinggi"),
        ("90.99", "Tinggi"),
        ("76.00", "Tinggi"),
        ("75.99", "Sedang"),
        ("66.00", "Sedang"),
        ("65.99", "Rendah"),
        ("51.00", "Rendah"),
        ("50.99", "Sangat Rendah"),
        ("0.00", "Sangat Rendah"),
    ],
)
def test_batas_predikat(nilai, predikat):
    assert capaian.predikat(D(nilai)) == predikat


@pytest.mark.parametrize(
    "nilai, teks", [("97.09", "97,09"), ("125", "125,00"), ("1234.5", "1.234,50"), ("0.005", "0,01"), ("100", "100,00")]
)
def test_persen_dua_desimal_indonesia(nilai, teks):
    assert bahasa.persen(D(nilai)) == teks


# ---------------------------------------------------------------- properties

angka = st.decimals(min_value=D("-1e6"), max_value=D("1e6"), places=3, allow_nan=False, allow_infinity=False)
positif = st.decimals(min_value=D("0.001"), max_value=D("1e6"), places=3)
tak_negatif = st.decimals(min_value=D(0), max_value=D("1e6"), places=3)


def acuan_half_up(pembilang: Decimal, penyebut: Decimal) -> Decimal:
    """Decimal's own ROUND_HALF_UP with precision enough to be exact for these inputs."""
    with localcontext() as k:
        k.prec = 200
        return (pembilang / penyebut * 100).quantize(D("0.01"), rounding=ROUND_HALF_UP)


@given(positif, tak_negatif)
def test_naik_dan_turun_setangkup(target, realisasi):
    """naik(T, R) == turun(T, 2T - R): the same distance from the target, mirrored."""
    assert capaian.hitung(target, realisasi, "naik") == capaian.hitung(target, 2 * target - realisasi, "turun")


@given(angka.filter(lambda t: t != 0), angka)
def test_turun_tidak_pernah_negatif(target, realisasi):
    assert capaian.hitung(target, realisasi, "turun") >= 0


@given(positif, tak_negatif)
def test_naik_tidak_negatif_dan_dibulatkan_setengah_ke_atas(target, realisasi):
    nilai = capaian.hitung(target, realisasi, "naik")
    assert nilai >= 0 and nilai == acuan_half_up(realisasi, target)
    assert nilai.as_tuple().exponent == -2


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from([1, 3, 5, 7]))
def test_setengah_persen_selalu_ke_atas(seperseribu, pembagi):
    """x.xx5 exactly (in thousandths of a percent) rounds up, whatever the even/odd digit before it."""
    if seperseribu % 10 != 5:
        seperseribu = seperseribu - seperseribu % 10 + 5
    target = D(pembagi)
    realisasi = D(seperseribu) / 100000 * target
    assert capaian.hitung(target, realisasi, "naik") == D((seperseribu + 5) // 10) / 100


@given(positif, tak_negatif, st.sampled_from(["naik", "turun"]))
def test_angka_sama_di_mana_pun(target, realisasi, arah):
    """The row, its printed text and the Ikhtisar all come from one computation."""
    baris = capaian.Capaian("x", "%", arah, target, realisasi, capaian.hitung(target, realisasi, arah))
    teks = baris.teks()
    assert teks["capaian"] == bahasa.persen(baris.nilai) and teks["predikat"] == capaian.predikat(baris.nilai)
    ik = capaian.ikhtisar([baris])
    assert ik.tercapai == (baris.nilai >= 100) and ik.per_predikat[teks["predikat"]] == 1


@given(st.lists(st.tuples(st.integers(0, 10**12), st.one_of(st.none(), st.integers(0, 10**12))), max_size=8))
def test_jumlah_anggaran(program):
    hasil = capaian.anggaran(program)
    assert hasil.jumlah.anggaran == sum(a for a, _ in program)
    ada = [r for _, r in program if r is not None]
    assert hasil.jumlah.realisasi == (sum(ada) if ada else None)
    # % absorbed: the realisasi known over the anggaran of those same programmes (issue 18 item 10)
    pagu_ada = sum(a for a, r in program if r is not None)
    assert hasil.jumlah.persen == (None if not ada or not pagu_ada else acuan_half_up(D(sum(ada)), D(pagu_ada)))
    assert hasil.tanpa_realisasi == [i for i, (_, r) in enumerate(program) if r is None]
    for (a, r), baris in zip(program, hasil.baris):
        assert baris.persen == (None if r is None or a == 0 else acuan_half_up(D(r), D(a)))


def test_program_tanpa_realisasi_tidak_dihitung_nol():
    """Issue 18 item 10 (the RSUD): 95,57 % absorbed, not 83,46 %."""
    hasil = capaian.anggaran([(10_000_000_000, 9_557_000_000), (1_451_000_000, None), (0, 0)])
    assert capaian.teks_anggaran(hasil.jumlah) == {
        "anggaran": "11.451.000.000",
        "realisasi": "9.557.000.000",
        "persen": "95,57",
    }
    assert capaian.teks_anggaran(hasil.terukur)["anggaran"] == "10.000.000.000"
    assert hasil.tanpa_realisasi == [1]


def test_anggaran_dicetak():
    hasil = capaian.anggaran([(1250000000, 1187500000), (D(750000000), D(600000000)), (0, None)])
    assert [capaian.teks_anggaran(b) for b in hasil.baris] == [
        {"anggaran": "1.250.000.000", "realisasi": "1.187.500.000", "persen": "95,00"},
        {"anggaran": "750.000.000", "realisasi": "600.000.000", "persen": "80,00"},
        {"anggaran": "0", "realisasi": "-", "persen": "-"},
    ]
    assert capaian.teks_anggaran(hasil.jumlah) == {
        "anggaran": "2.000.000.000",
        "realisasi": "1.787.500.000",
        "persen": "89,38",
    }  # the 0 budget without realisasi changes nothing


# ---------------------------------------------------------------- configs


def test_konfigurasi_rujukan():
    config = baca(CONFIG_CONTOH).config
    assert [c.teks() for c in capaian.tabel_capaian(config)] == [
        {"target": "5,15", "realisasi": "5,05", "capaian": "101,94", "predikat": "Sangat Tinggi"},
        {"target": "6,86", "realisasi": "6,66", "capaian": "97,08", "predikat": "Sangat Tinggi"},
    ]
    assert [c.teks() for c in capaian.capaian_akhir(config)] == [  # against target[2026]
        {"target": "4,6", "realisasi": "5,05", "capaian": "90,22", "predikat": "Tinggi"},
        {"target": "15,86", "realisasi": "6,66", "capaian": "41,99", "predikat": "Sangat Rendah"},
    ]
    assert capaian.tahun_realisasi(config) == [2021, 2022, 2023]
    assert capaian.riwayat_realisasi(config) == [["6,12", "5,9", "5,05"], ["3,86", "5,12", "6,66"]]
    ik = capaian.ikhtisar(capaian.tabel_capaian(config))
    assert (ik.jumlah, ik.tercapai, ik.tidak_terukur) == (2, 1, 0)
    assert ik.per_predikat == {"Sangat Tinggi": 2, "Tinggi": 0, "Sedang": 0, "Rendah": 0, "Sangat Rendah": 0}
    assert config.laporan_kinerja is not None and str(config.laporan_kinerja.tanggal) == "2024-02-20"


# (indikator, arah, target 2023, realisasi per year) -> expected capaian and predikat in 2023
BARIS_LAIN = [
    ("Persentase Penduduk Miskin", "turun", 5.15, {"2021": 6.12, "2023": 5.05}, "101,94", "Sangat Tinggi"),
    ("Persentase Desa Mandiri", "naik", 4, {"2022": 3, "2023": 5}, "125,00", "Sangat Tinggi"),
    ("Jumlah Kasus Gizi Buruk Baru", "naik", 0, {"2023": 3}, "-", "-"),
    ("Persentase Anak Terlantar Tertangani", "naik", 10, {"2023": 6}, "60,00", "Rendah"),
    ("Angka Pengangguran Terbuka", "turun", 10, {"2023": 25}, "0,00", "Sangat Rendah"),
    ("Persentase Lansia Terlayani", "naik", 8, {"2023": 0}, "0,00", "Sangat Rendah"),
    ("Persentase Layanan Sesuai Standar", "naik", 100, {"2023": 70}, "70,00", "Sedang"),
    ("Indeks Kepuasan Masyarakat", "naik", 100, {"2023": 80.5}, "80,50", "Tinggi"),
]


def config_lain(tmp_path: Path, laporan: bool = True) -> Path:
    """Another agency's year: naik and turun rows, a zero target, a capaian above 100 %, gaps in the years."""
    data = data_contoh()
    contoh = data["iku"][0]
    data["iku"] = []
    for n, (indikator, arah, target, realisasi, _, _) in enumerate(BARIS_LAIN):
        baris = copy.deepcopy(contoh)
        baris.update(
            indikator=indikator,
            arah=arah,
            realisasi=realisasi,
            satuan="%" if n != 2 else "kasus",
            sasaran=f"Sasaran {n // 3 + 1}",
            target={t: (target if t == "2023" else 1) for t in TAHUN_RENCANA},
        )
        baris.pop("analisis", None)
        data["iku"].append(baris)
    if not laporan:
        data.pop("laporan_kinerja")
    return tulis_data(tmp_path / "lain.toml", data)


def test_instansi_lain_naik_turun_nol_dan_di_atas_seratus(tmp_path):
    config = baca(config_lain(tmp_path)).config
    daftar = capaian.tabel_capaian(config)
    assert [(c.teks()["capaian"], c.predikat) for c in daftar] == [(b[4], b[5]) for b in BARIS_LAIN]
    ik = capaian.ikhtisar(daftar)
    assert (ik.jumlah, ik.tercapai, ik.tidak_terukur) == (8, 2, 1)
    assert ik.per_predikat == {"Sangat Tinggi": 2, "Tinggi": 1, "Sedang": 1, "Rendah": 1, "Sangat Rendah": 2}
    assert capaian.tahun_realisasi(config) == [2021, 2022, 2023]
    riwayat = capaian.riwayat_realisasi(config)
    assert riwayat[0] == ["6,12", "-", "5,05"] and riwayat[1] == ["-", "3", "5"] and riwayat[5] == ["-", "-", "0"]


# ---------------------------------------------------------------- validation


def test_arah_lain_ditolak_dengan_dua_pilihan(tmp_path):
    path = salin_config(tmp_path / "iku.toml", {'arah = "turun"': 'arah = "menurun"'})
    with pytest.raises(ConfigError) as err:
        baca(path)
    [m] = err.value.masalah
    assert m.kunci == "iku[1].arah" and "menurun" in m.pesan
    assert "'naik'" in m.saran and "'turun'" in m.saran
    assert path.read_text(encoding="utf-8").splitlines()[m.baris - 1] == 'arah = "menurun"'


def test_kunci_realisasi_harus_tahun(tmp_path):
    path = salin_config(tmp_path / "iku.toml", {"realisasi = { 2021 = 3.86": "realisasi = { dua = 5.12, 2023 = 6.66 }"})
    with pytest.raises(ConfigError) as err:
        baca(path)
    [m] = err.value.masalah
    assert m.kunci == "iku[2].realisasi" and '"dua"' in m.pesan and "tahun" in m.pesan
    assert path.read_text(encoding="utf-8").splitlines()[m.baris - 1].startswith("realisasi = { dua")


def test_laporan_perlu_target_dan_realisasi_tahun_ini_semua_sekaligus(tmp_path):
    path = salin_config(
        tmp_path / "iku.toml",
        {
            "realisasi = { 2021 = 6.12": "realisasi = { 2021 = 6.12, 2022 = 5.9 }",
            "realisasi = { 2021 = 3.86": "# realisasi belum ada",
        },
    )
    with pytest.raises(ConfigError) as err:
        baca(path)
    masalah = err.value.masalah
    assert [m.kunci for m in masalah] == ["iku[1].realisasi", "iku[2].realisasi"]
    baris = path.read_text(encoding="utf-8").splitlines()
    assert baris[masalah[0].baris - 1].startswith("realisasi = { 2021 = 6.12, 2022 = 5.9 }")
    assert baris[masalah[1].baris - 1] == "[[iku]]"  # no realisasi key at all: the row's header
    assert all("realisasi tahun 2023 belum diisi" in m.pesan for m in masalah)
    # without [laporan_kinerja] the same rows are valid (the LKjIP is not asked for)
    assert baca(salin_config(tmp_path / "tanpa.toml", {"realisasi = { 2021 = 3.86": "# -"}, laporan=False))


def test_laporan_tahun_di_luar_rencana_perlu_target(tmp_path):
    path = tanpa_bagian(salin_config(tmp_path / "iku.toml", {"tahun = ": "tahun = 2022"}), "perjanjian_kinerja")
    with pytest.raises(ConfigError) as err:
        baca(path)
    assert [m.kunci for m in err.value.masalah] == ["iku[1].target", "iku[2].target"]
    assert "target tahun 2022 belum diisi" in err.value.masalah[0].pesan


# ---------------------------------------------------------------- iku capaian


def test_perintah_capaian_rujukan():
    hasil = jalankan("capaian", "--config", str(CONFIG_CONTOH))
    assert hasil.exit_code == 0, hasil.output
    baris = hasil.output.splitlines()
    assert baris[0] == "Capaian kinerja tahun 2023: Dinas Sosial Kabupaten Buleleng"
    kepala = next(b for b in baris if b.startswith("No"))
    isi = [b for b in baris if b.lstrip().startswith(("1 ", "2 "))]
    assert isi[0].split() == [
        "1",
        "Persentase",
        "Penduduk",
        "Miskin",
        "%",
        "turun",
        "5,15",
        "5,05",
        "101,94",
        "Sangat",
        "Tinggi",
    ]
    assert isi[1].split()[-6:] == ["naik", "6,86", "6,66", "97,08", "Sangat", "Tinggi"]
    ujung = kepala.index("Capaian (%)") + len("Capaian (%)")
    for b, angka_ in zip(isi, ("101,94", "97,08")):  # numbers right-aligned under their heading
        assert b.index(angka_) + len(angka_) == ujung
    assert "2 indikator; 1 mencapai target (capaian 100% atau lebih)." in baris


def test_perintah_capaian_instansi_lain(tmp_path):
    hasil = jalankan("capaian", "--config", str(config_lain(tmp_path)))
    assert hasil.exit_code == 0, hasil.output
    for indikator, _, _, _, teks, predikat in BARIS_LAIN:
        b = next(b for b in hasil.output.splitlines() if indikator in b)
        kata = b.split()
        assert kata[-len(predikat.split()) :] == predikat.split() and teks in kata
    assert "1 indikator bertarget 0" in hasil.output


def test_perintah_capaian_indikator_panjang_terbungkus_dan_sejajar(tmp_path):
    nama = "Persentase Penyandang Masalah Kesejahteraan Sosial yang Memperoleh Bantuan Sosial untuk Pemenuhan Kebutuhan Dasar"
    path = salin_config(tmp_path / "iku.toml", {'indikator = "Persentase Penanganan PMKS"': f'indikator = "{nama}"'})
    baris = jalankan("capaian", "--config", str(path)).output.splitlines()
    kepala = next(b for b in baris if b.startswith("No"))
    mulai = baris.index(next(b for b in baris if b.startswith(" 2  ")))
    akhir = next(i for i in range(mulai, len(baris)) if baris[i].startswith("--"))
    lanjutan = baris[mulai + 1 : akhir]
    assert len(lanjutan) >= 2
    kolom = kepala.index("Indikator Kinerja")
    assert all(b[:kolom].strip() == "" and b[kolom:].strip() for b in lanjutan)  # wrapped under its column
    assert " ".join(b.strip() for b in [baris[mulai][kolom : kolom + cli.LEBAR_INDIKATOR]] + lanjutan) == nama
    assert all(len(b[kolom:].rstrip()) <= cli.LEBAR_INDIKATOR for b in lanjutan)


def test_perintah_capaian_tanpa_realisasi_tetap_mencetak_tabel(tmp_path):
    """Issue 17 item 15: mid-year monitoring: a missing realisasi prints "-" and is named, exit 0
    (the same file generates, so capaian does not refuse it)."""
    path = salin_config(tmp_path / "iku.toml", {"realisasi = { 2021 = 3.86": "# -"}, laporan=False)
    hasil = jalankan("capaian", "--config", str(path))
    assert hasil.exit_code == 0, hasil.output
    baris = hasil.output.splitlines()
    assert baris[0] == "Capaian kinerja tahun 2023: Dinas Sosial Kabupaten Buleleng"
    satu = next(b for b in baris if b.startswith(" 1 "))
    assert satu.split()[-6:] == ["turun", "5,15", "5,05", "101,94", "Sangat", "Tinggi"]
    dua = next(b for b in baris if b.startswith(" 2 "))
    assert dua.split()[-4:] == ["6,86", "-", "-", "-"]
    assert "2 indikator; 1 mencapai target (capaian 100% atau lebih)." in baris
    assert "1 indikator belum dapat dihitung (target atau realisasi tahun 2023 belum diisi):" in baris
    kurang = [b for b in baris if b.startswith("BELUM DIISI:")]
    assert len(kurang) == 1
    assert f"{path}:" in kurang[0] and "[iku[2].realisasi] realisasi tahun 2023 belum diisi" in kurang[0]
    assert "bertarget 0" not in hasil.output and "Traceback" not in hasil.output
    assert not hasattr(capaian, "tabel_terminal")  # the terminal table belongs to the CLI (issue 19 §4)


# ---------------------------------------------------------------- iku check


def test_check_rujukan_tanpa_peringatan_capaian():
    kunci = [m.kunci for m in periksa_naskah(baca(CONFIG_CONTOH))]
    assert not any(k and (k.endswith(("target", "realisasi")) or ".target." in k or ".realisasi." in k) for k in kunci)


def test_check_target_nol_persen_lebih_seratus_dan_realisasi_mendatang(tmp_path):
    path = salin_config(
        tmp_path / "iku.toml",
        {
            "target = { 2023 = 6.86": "target = { 2023 = 0, 2024 = 9.86, 2025 = 12.86, 2026 = 15.86 }",  # naik
            "realisasi = { 2021 = 3.86": "realisasi = { 2021 = 3.86, 2022 = 512, 2023 = 6.66, 2024 = 7 }",
        },
    )
    hasil = [m for m in periksa_naskah(baca(path)) if m.kunci and m.kunci.startswith("iku")]
    assert [m.kunci for m in hasil] == ["iku[2].target.2023", "iku[2].realisasi.2022", "iku[2].realisasi.2024"]
    nol, seratus, mendatang = hasil
    assert "bernilai 0" in nol.pesan and "tidak dapat dihitung" in nol.pesan
    assert "(512) lebih dari 100" in seratus.pesan and "%" in seratus.pesan
    assert "realisasi tahun 2024" in mendatang.pesan and "2023" in mendatang.pesan
    teks = path.read_text(encoding="utf-8").splitlines()
    assert teks[nol.baris - 1].startswith("target = { 2023 = 0")
    assert teks[mendatang.baris - 1].startswith("realisasi = { 2021 = 3.86, 2022 = 512")


def test_check_target_akhir_rencana_nol(tmp_path):
    """Capaian toward the end of the plan divides by target[tahun_akhir]: 0 there is warned too."""
    path = salin_config(
        tmp_path / "iku.toml",
        {"target = { 2023 = 6.86": "target = { 2023 = 6.86, 2024 = 9.86, 2025 = 12.86, 2026 = 0 }"},
    )
    hasil = [m for m in periksa_naskah(baca(path)) if m.kunci and m.kunci.startswith("iku")]
    assert [(m.kunci, "target tahun 2026 bernilai 0" in m.pesan) for m in hasil] == [("iku[2].target.2026", True)]
    assert capaian.capaian_akhir(baca(path).config)[1].teks()["capaian"] == "-"


def test_check_target_nol_turun_tidak_diperingatkan(tmp_path):
    """Issue 18 item 11: "jumlah temuan berulang" with target 0 is measured (100,00 or 0,00): no warning."""
    path = salin_config(
        tmp_path / "iku.toml",
        {"target = { 2023 = 5.15": "target = { 2023 = 0, 2024 = 0, 2025 = 0, 2026 = 0 }"},  # arah = "turun"
    )
    assert not [m for m in periksa_naskah(baca(path)) if m.kunci and m.kunci.startswith("iku")]
    assert capaian.tabel_capaian(baca(path).config)[0].teks()["capaian"] == "0,00"  # realisasi 5,05 above 0


def test_target_nol_tanpa_laporan_tidak_diperingatkan(tmp_path):
    path = salin_config(
        tmp_path / "iku.toml",
        {"target = { 2023 = 5.15": "target = { 2023 = 0, 2024 = 4.9, 2025 = 4.8, 2026 = 4.6 }"},
        laporan=False,
    )
    assert not [m for m in periksa_naskah(baca(path)) if m.kunci and m.kunci.startswith("iku")]


@pytest.mark.parametrize("satuan, diperingatkan", [("%", True), ("persen", True), ("Persen", True), ("orang", False)])
def test_check_nilai_persen_di_atas_seratus_menurut_satuan(tmp_path, satuan, diperingatkan):
    path = salin_config(
        tmp_path / "iku.toml",
        {
            'satuan = "%"': f'satuan = "{satuan}"',
            "target = { 2023 = 5.15": "target = { 2023 = 5.15, 2024 = 4.9, 2025 = 4.8, 2026 = 460 }",
        },
    )
    kunci = [m.kunci for m in periksa_naskah(baca(path)) if m.kunci and m.kunci.startswith("iku")]
    assert kunci == (["iku[1].target.2026"] if diperingatkan else [])


nilai_toml = st.decimals(min_value=D("0"), max_value=D("100000"), places=2)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(nilai_toml, nilai_toml, st.sampled_from(["naik", "turun"])), min_size=1, max_size=4))
def test_angka_terminal_sama_dengan_perhitungan(tmp_path, baris):
    """Whatever the values, `iku capaian` prints exactly the computed capaian and predikat of each row."""
    data = data_contoh()
    contoh = data["iku"][0]
    baris = [(D(repr(float(t_))), D(repr(float(r))), arah) for t_, r, arah in baris]  # as the file will hold them
    data["iku"] = [
        dict(
            copy.deepcopy(contoh),
            indikator=f"Indikator {n}",
            arah=arah,
            realisasi={"2023": float(r)},
            target={t: float(t_) for t in TAHUN_RENCANA},
        )
        for n, (t_, r, arah) in enumerate(baris, start=1)
    ]
    path = tulis_data(tmp_path / "acak.toml", data)
    keluaran = jalankan("capaian", "--config", str(path)).output.splitlines()
    for n, (t_, r, arah) in enumerate(baris, start=1):
        nilai = capaian.hitung(t_, r, arah)
        kata = next(b for b in keluaran if f"Indikator {n} " in b).split()
        assert kata[kata.index(arah) + 1 : kata.index(arah) + 4] == [
            bahasa.angka(t_),
            bahasa.angka(r),
            capaian.teks_capaian(nilai),
        ]
        assert " ".join(kata[kata.index(arah) + 4 :]) == capaian.predikat(nilai)


def test_angka_sangat_besar_tercetak_tanpa_galat():
    """Issue 8 item 7's numbers: any finite number prints (no decimal.InvalidOperation)."""
    baris = capaian.Capaian("x", "%", "naik", D("1e28"), D("5e27"), capaian.hitung(D("1e28"), D("5e27"), "naik"))
    assert baris.teks() == {
        "target": "10.000.000.000.000.000.000.000.000.000",
        "realisasi": "5.000.000.000.000.000.000.000.000.000",
        "capaian": "50,00",
        "predikat": "Sangat Rendah",
    }
    assert capaian.teks_capaian(capaian.hitung(D("1e-30"), D("1e30"), "naik")) == "100" + ".000" * 20 + ",00"


def test_check_dan_capaian_dengan_angka_1e28(tmp_path):
    path = salin_config(
        tmp_path / "iku.toml",
        {
            "kondisi_awal = 6.12": "kondisi_awal = 1e28",
            "realisasi = { 2021 = 3.86": "realisasi = { 2021 = 3.86, 2023 = 1e28 }",
        },
    )
    # a number past what a document can print is refused, naming its key (issue 8 item 7)
    cek = jalankan("check", "--config", str(path))
    assert cek.exit_code == 1 and "Traceback" not in cek.output and "iku[1].kondisi_awal" in cek.output
    hasil = jalankan("capaian", "--config", str(path))
    assert hasil.exit_code == 3 and "Traceback" not in hasil.output and "iku[2].realisasi" in hasil.output
