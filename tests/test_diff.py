"""`iku diff`: exactly the changed clauses, lists aligned, words highlighted only in colour."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from bantu import CONFIG_CONTOH, salin_config
from iku.beda import Perubahan, beda, kata_berbeda, pasangkan
from iku.cli import main

MENIMBANG_A = '    "bahwa untuk melaksanakan'
UU_19 = '    "Undang-Undang Nomor 19 Tahun 2019'


def baris_contoh(awal: str) -> str:
    return next(b for b in CONFIG_CONTOH.read_text(encoding="utf-8").splitlines() if b.startswith(awal))


def jalankan(*args: str):
    return CliRunner().invoke(main, list(args))


def berbeda(tmp_path: Path, ganti: dict[str, str], tambahan: str = "") -> list[Perubahan]:
    baru = salin_config(tmp_path / "baru.toml", ganti)
    if tambahan:
        baru.write_text(baru.read_text(encoding="utf-8") + tambahan, encoding="utf-8")
    return beda(CONFIG_CONTOH, baru)


def test_sama_tidak_ada_perbedaan() -> None:
    hasil = jalankan("diff", str(CONFIG_CONTOH), str(CONFIG_CONTOH))
    assert hasil.exit_code == 0 and hasil.output == "Tidak ada perbedaan.\n"


def test_menimbang_disisipkan_satu_tambahan(tmp_path: Path) -> None:
    sisipan = "bahwa Indikator Kinerja Utama perlu ditinjau setiap tahun;"
    hasil = berbeda(tmp_path, {MENIMBANG_A: baris_contoh(MENIMBANG_A) + f'\n    "{sisipan}",'})
    assert hasil == [Perubahan("tambah", "keputusan.menimbang[2]", "Menimbang huruf b", baru=sisipan)]


def test_satu_kata_mengingat_diubah(tmp_path: Path) -> None:
    lama = baris_contoh(UU_19)
    hasil = berbeda(tmp_path, {UU_19: lama.replace("Perubahan Kedua", "Perubahan Ketiga")})
    assert [(p.jenis, p.kunci, p.label) for p in hasil] == [("ubah", "keputusan.mengingat[2]", "Mengingat angka 2")]
    sisi_lama, sisi_baru = kata_berbeda(hasil[0].lama, hasil[0].baru)
    assert [t for j, t in sisi_lama if j == "hapus"] == ["Kedua"]
    assert [t for j, t in sisi_baru if j == "tambah"] == ["Ketiga"]
    assert "".join(t for _, t in sisi_baru) == hasil[0].baru


def test_butir_dihapus_dan_tembusan_ditambah(tmp_path: Path) -> None:
    hasil = berbeda(tmp_path, {UU_19: "", "tembusan = []": 'tembusan = ["Bupati Buleleng"]'})
    assert [(p.jenis, p.kunci) for p in hasil] == [
        ("hapus", "keputusan.mengingat[2]"),
        ("tambah", "keputusan.tembusan[1]"),
    ]
    assert hasil[0].lama == baris_contoh(UU_19).strip()[1:-2]


def test_diktum_diberi_label_ordinal_lama_dan_baru(tmp_path: Path) -> None:
    diktum = '    "Penyusunan laporan'
    hasil = berbeda(tmp_path, {diktum: baris_contoh(diktum).replace("kepada Bupati", "kepada Bupati Buleleng")})
    assert [p.label for p in hasil] == ["Diktum KETIGA"]


def test_satu_kolom_iku_diubah(tmp_path: Path) -> None:
    hasil = berbeda(tmp_path, {'satuan = "%"': 'satuan = "persen"'})
    assert [(p.kunci, p.label, p.lama, p.baru) for p in hasil] == [
        ("iku[1].satuan", "IKU baris 1, satuan", "%", "persen")
    ]


def test_target_dan_baris_iku_baru(tmp_path: Path) -> None:
    baris = (
        "\n[[iku]]\n"
        + "\n".join(
            f'{k} = "{v}"'
            for k, v in (
                ("sasaran", "Meningkatnya Penanganan PMKS"),
                ("indikator", "Persentase Anak Terlantar yang Tertangani"),
                ("satuan", "%"),
                ("alasan", "Uji"),
                ("formulasi", "Uji"),
                ("sumber_data", "Uji"),
            )
        )
        + "\n"
    )
    hasil = berbeda(
        tmp_path,
        {"target = { 2023 = 5.15": "target = { 2023 = 5.2, 2024 = 4.9, 2025 = 4.8, 2026 = 4.6 }"},
        tambahan=baris,
    )
    assert [(p.jenis, p.kunci) for p in hasil] == [("ubah", "iku[1].target.2023"), ("tambah", "iku[3]")]
    assert "indikator = Persentase Anak Terlantar yang Tertangani" in hasil[1].baru.splitlines()


def test_pasangkan_butir_yang_mirip() -> None:
    assert pasangkan(["bahwa a b c;", "bahwa x y;"], ["bahwa a b c d;", "Sama sekali lain", "bahwa x y z;"]) == [
        (0, 0),
        (None, 1),
        (1, 2),
    ]
    assert pasangkan(["qqqq"], ["zzzz"]) == [(0, None), (None, 0)]


def test_arsip_tahun_lalu_dan_draf(tmp_path: Path) -> None:
    keluaran = tmp_path / "output"
    assert jalankan("generate", "--config", str(CONFIG_CONTOH), "--output", str(keluaran)).exit_code == 0
    draf = tmp_path / "iku-2024.toml"
    assert jalankan("new-year", "--config", str(CONFIG_CONTOH), "--to", str(draf)).exit_code == 0
    arsip = keluaran / "2023" / "konfigurasi-2023.toml"
    assert {p.kunci for p in beda(arsip, draf)} == {
        "tahun",
        "keputusan.nomor",
        "keputusan.tanggal",
        "keputusan.tentang",
        "keputusan.menimbang[2]",
        "dokumen.tanggal_kata_pengantar",
        "perjanjian_kinerja.tanggal",
        "laporan_kinerja",
        *(f"program[{i}].{k}" for i in range(1, 6) for k in ("anggaran", "realisasi")),
    }
    assert beda(keluaran / "2023", draf) == beda(arsip, draf)


def test_perjanjian_kinerja_dan_program_diberi_label(tmp_path: Path) -> None:
    pihak = 'pihak_kedua = { jabatan = "Bupati Buleleng"'
    hasil = berbeda(
        tmp_path,
        {
            "tanggal = 2023-01-16": "tanggal = 2023-01-20",
            pihak: 'pihak_kedua = { jabatan = "Penjabat Bupati Buleleng", nama = "I Gede Suyasa" }',
            "anggaran = 412500000": "anggaran = 500000000",
            'nama = "Program Rehabilitasi Sosial"': 'nama = "Program Rehabilitasi Sosial Dasar"',
        },
        tambahan='\n[[program]]\nnama = "Program Pengelolaan Taman Makam Pahlawan"\nanggaran = 150000000\n',
    )
    assert [(p.jenis, p.kunci, p.label, p.lama, p.baru) for p in hasil] == [
        ("ubah", "perjanjian_kinerja.tanggal", "Perjanjian Kinerja, tanggal", "2023-01-16", "2023-01-20"),
        (
            "ubah",
            "perjanjian_kinerja.pihak_kedua.jabatan",
            "Perjanjian Kinerja, pihak kedua, jabatan",
            "Bupati Buleleng",
            "Penjabat Bupati Buleleng",
        ),
        ("ubah", "program[2].anggaran", "Program Pemberdayaan Sosial, anggaran", "412500000", "500000000"),
        (
            "ubah",
            "program[3].nama",
            "Program Rehabilitasi Sosial, nama",
            "Program Rehabilitasi Sosial",
            "Program Rehabilitasi Sosial Dasar",
        ),
        (
            "tambah",
            "program[6]",
            "Program Pengelolaan Taman Makam Pahlawan",
            None,
            "nama = Program Pengelolaan Taman Makam Pahlawan\nanggaran = 150000000",
        ),
    ]


def test_program_dinamai_menurut_namanya(tmp_path: Path) -> None:
    """Issue 17 item 21: programmes were named by position ("Program baris 2"), a removed one too."""
    teks = CONFIG_CONTOH.read_text(encoding="utf-8")
    blok = (
        '[[program]]\nnama = "Program Pemberdayaan Sosial"\nanggaran = 412500000\n'
        'realisasi = 398125000\nketerangan = "APBD"\n\n'
    )
    assert blok in teks
    baru = tmp_path / "baru.toml"
    baru.write_text(teks.replace(blok, "").replace("anggaran = 285000000", "anggaran = 300000000"), encoding="utf-8")
    hasil = jalankan("diff", str(CONFIG_CONTOH), str(baru))
    assert hasil.exit_code == 0, hasil.output
    kepala = [b for b in hasil.output.splitlines() if not b.startswith(" ")][1:]
    assert kepala == [
        "- Program Pemberdayaan Sosial [program[2]] dihapus",
        "~ Program Penanganan Bencana, anggaran [program[4].anggaran] diubah",
    ]
    tanpa_kata_program = salin_config(
        tmp_path / "lain.toml", {'nama = "Program Penanganan Bencana"': 'nama = "Penanganan Bencana"'}
    )
    ganti_nama = tanpa_kata_program.read_text(encoding="utf-8").replace("anggaran = 285000000", "anggaran = 1")
    tanpa_kata_program.write_text(ganti_nama, encoding="utf-8")
    awal = salin_config(tmp_path / "awal.toml", {'nama = "Program Penanganan Bencana"': 'nama = "Penanganan Bencana"'})
    assert [p.label for p in beda(awal, tanpa_kata_program)] == ['Program "Penanganan Bencana", anggaran']


def test_keluaran_polos_dan_berwarna(tmp_path: Path) -> None:
    baru = salin_config(tmp_path / "baru.toml", {'satuan = "%"': 'satuan = "persen"'})
    polos = jalankan("diff", str(CONFIG_CONTOH), str(baru))
    assert polos.exit_code == 0 and "\x1b[" not in polos.output
    assert polos.output.splitlines() == [
        f"1 perubahan dari {CONFIG_CONTOH} ke {baru}:",
        "~ IKU baris 1, satuan [iku[1].satuan] diubah",
        "    - %",
        "    + persen",
    ]
    berwarna = jalankan("diff", str(CONFIG_CONTOH), str(baru), "--warna")
    assert "\x1b[" in berwarna.output and "persen" in berwarna.output


def test_toml_rusak_ditolak(tmp_path: Path) -> None:
    rusak = tmp_path / "rusak.toml"
    rusak.write_text("tahun = \n", encoding="utf-8")
    hasil = jalankan("diff", str(CONFIG_CONTOH), str(rusak))
    assert hasil.exit_code == 3 and "rusak.toml" in hasil.output and "baris 1" in hasil.output


teks_acak = st.text(alphabet=st.sampled_from(list("ab ;.\n")), max_size=40)


@given(teks_acak, teks_acak)
def test_potongan_kata_menyusun_kembali_kedua_teks(lama: str, baru: str) -> None:
    sisi_lama, sisi_baru = kata_berbeda(lama, baru)
    assert "".join(t for _, t in sisi_lama) == lama and "".join(t for _, t in sisi_baru) == baru
    assert {j for j, _ in sisi_lama} <= {"sama", "hapus"} and {j for j, _ in sisi_baru} <= {"sama", "tambah"}


@given(st.lists(teks_acak, max_size=6), st.lists(teks_acak, max_size=6))
def test_pasangkan_memakai_setiap_butir_sekali_berurutan(a: list[str], b: list[str]) -> None:
    pasangan = pasangkan(a, b)
    assert sorted(i for i, _ in pasangan if i is not None) == list(range(len(a)))
    assert sorted(j for _, j in pasangan if j is not None) == list(range(len(b)))
    berpasangan = [(i, j) for i, j in pasangan if i is not None and j is not None]
    assert berpasangan == sorted(berpasangan) and [j for _, j in berpasangan] == sorted(j for _, j in berpasangan)
