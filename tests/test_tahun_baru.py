"""`iku new-year`: next year's draft keeps every comment, advances the IKU year, marks what to fill."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from bantu import CONFIG_CONTOH, salin_config, tanpa_bagian
from iku.cli import main
from iku.tahun_baru import tahun_berikut

BERUBAH = {
    "tahun": "tahun = 2024",
    "nomor": 'nomor = "ISI: nomor keputusan"',
    "tanggal": 'tanggal = "ISI: tanggal penetapan (contoh 2023-03-22)"',
    "tentang": 'tentang = "Penetapan Indikator Kinerja Utama (IKU) Dinas Sosial Kabupaten Buleleng Tahun 2024"',
    "tanggal_kata_pengantar": 'tanggal_kata_pengantar = "ISI: tanggal kata pengantar (contoh 2023-03-22)"',
    "tanggal_pk": 'tanggal = "ISI: tanggal Perjanjian Kinerja (contoh 2024-01-16)"',
    **{
        kunci: baris
        for i, (a, r) in enumerate(
            (
                (6845312000, 6512784350),
                (412500000, 398125000),
                (1126750000, 1084300000),
                (1250000000, 1187500000),
                (285000000, 261450000),
            )
        )
        for kunci, baris in (
            (f"anggaran{i}", f'anggaran = "ISI: pagu anggaran dalam rupiah, tanpa tanda kutip (tahun lalu {a})"'),
            (
                f"realisasi{i}",
                f'# realisasi = "ISI: realisasi anggaran 2024 dalam rupiah, tanpa tanda kutip (tahun lalu {r})"',
            ),
        )
    },
}


def jalankan(*args: str):
    return CliRunner().invoke(main, list(args))


def draf(tmp_path: Path, asal: Path = CONFIG_CONTOH) -> Path:
    tujuan = tmp_path / "iku-2024.toml"
    hasil = jalankan("new-year", "--config", str(asal), "--to", str(tujuan))
    assert hasil.exit_code == 0, hasil.output
    return tujuan


def test_hanya_baris_tahunan_yang_berubah(tmp_path: Path) -> None:
    lama = CONFIG_CONTOH.read_text(encoding="utf-8").splitlines()
    baru = draf(tmp_path).read_text(encoding="utf-8").splitlines()
    assert len(baru) == len(lama)
    laporan = lama.index("[laporan_kinerja]")  # the LKjIP section is commented out (next test)
    lama, baru = lama[:laporan], baru[:laporan]
    beda = [(a, b) for a, b in zip(lama, baru) if a != b]
    assert [b for _, b in beda if not b.startswith("    ")] == list(BERUBAH.values())
    menimbang = [(a, b) for a, b in beda if b.startswith("    ")]
    assert len(menimbang) == 1 and menimbang[0][0].replace("Tahun 2023;", "Tahun 2024;") == menimbang[0][1]
    assert all(a == b for a, b in zip(lama, baru) if a.lstrip().startswith("#"))


def test_laporan_kinerja_menjadi_catatan_yang_dapat_dipulihkan(tmp_path: Path) -> None:
    """Next year's LKjIP waits for next year's realisasi: its section stays in place behind one '#' a line."""
    lama = CONFIG_CONTOH.read_text(encoding="utf-8").splitlines()
    tujuan = tmp_path / "iku-2024.toml"
    hasil = jalankan("new-year", "--config", str(CONFIG_CONTOH), "--to", str(tujuan))
    assert "[laporan_kinerja] dijadikan catatan" in hasil.output and "realisasi 2024" in hasil.output
    baru = tujuan.read_text(encoding="utf-8").splitlines()
    awal = lama.index("[laporan_kinerja]")
    assert baru[awal : awal + 3] == ["# [laporan_kinerja]", "## " + lama[awal + 1][2:], "# tanggal = 2025-02-20"]
    for a, b in zip(lama[awal:], baru[awal:]):
        assert b == a == "" or b in (f"# {a}", f"#{a}", "# tanggal = 2025-02-20")
    pulih = [b[1:].removeprefix(" ") if b.startswith("# ") and not b.startswith("# #") else b[1:] for b in baru[awal:]]
    teks = "\n".join(baru[:awal] + pulih)
    assert tomllib.loads(teks)["laporan_kinerja"] == {"tanggal": dt.date(2025, 2, 20)}


def test_catatan_sebaris_dan_teks_multibaris_dipertahankan(tmp_path: Path) -> None:
    asal = salin_config(
        tmp_path / "iku.toml",
        {
            "tahun = ": "tahun = 2023   # tahun IKU",
            "tanggal = ": "tanggal = 2022-03-22  # dari buku agenda",
            "Dengan tersusunnya": "Dengan tersusunnya IKU Tahun 2023 ini, diharapkan ...",
        },
    )
    teks = draf(tmp_path, asal).read_text(encoding="utf-8")
    assert "tahun = 2024   # tahun IKU\n" in teks
    assert 'tanggal = "ISI: tanggal penetapan (contoh 2023-03-22)"  # dari buku agenda\n' in teks
    assert 'kata_pengantar = """\nPuji dan syukur' in teks
    assert "Dengan tersusunnya IKU Tahun 2024 ini" in teks


@pytest.mark.parametrize(
    "lama, baru",
    [
        ("IKU Tahun 2023", "IKU Tahun 2024"),
        ("IKU TAHUN 2023", "IKU TAHUN 2024"),
        ("Tahun Anggaran 2023;", "Tahun Anggaran 2024;"),
        (
            "Peraturan Bupati Buleleng Nomor 9 Tahun 2023 tentang RPD",
            "Peraturan Bupati Buleleng Nomor 9 Tahun 2023 tentang RPD",
        ),
        ("Nomor 25 Tahun 2004", "Nomor 25 Tahun 2004"),
        ("Perbup Nomor: 9 Tahun 2023", "Perbup Nomor: 9 Tahun 2023"),
        ("Perbup No. 9 Tahun 2023", "Perbup No. 9 Tahun 2023"),
        ("Keputusan Nomor 050-5889 Tahun 2023", "Keputusan Nomor 050-5889 Tahun 2023"),
        ("Renstra Tahun 2023-2026", "Renstra Tahun 2023-2026"),
        ("Renstra Tahun 2023 - 2026", "Renstra Tahun 2023 - 2026"),
        ("Tahun 20231", "Tahun 20231"),
    ],
)
def test_tahun_yang_dimajukan(lama: str, baru: str) -> None:
    assert tahun_berikut(lama, 2023) == baru


def test_kutipan_peraturan_tidak_diubah(tmp_path: Path) -> None:
    perbup = "Peraturan Bupati Buleleng Nomor 9 Tahun 2023 tentang Indikator Kinerja Utama Tahun 2023."
    asal = salin_config(
        tmp_path / "iku.toml",
        {'    "Peraturan Bupati Buleleng': f'    "{perbup}",', 'acuan = "Data BPS"': 'acuan = "Data BPS Tahun 2023"'},
    )
    teks = draf(tmp_path, asal).read_text(encoding="utf-8")
    assert perbup in teks and 'acuan = "Data BPS Tahun 2023"' in teks


def test_draf_ditolak_generate_sampai_diisi(tmp_path: Path) -> None:
    tujuan = draf(tmp_path)
    keluaran = tmp_path / "output"
    ditolak = jalankan("generate", "--config", str(tujuan), "--output", str(keluaran))
    assert ditolak.exit_code == 3 and not keluaran.exists()
    for kunci in (
        "[keputusan.nomor] belum diisi",
        "[keputusan.tanggal] belum diisi",
        "[perjanjian_kinerja.tanggal] belum diisi",
        "[program[1].anggaran] belum diisi",
        "[program[5].anggaran] belum diisi",
    ):
        assert kunci in ditolak.output
    assert jalankan("check", "--config", str(tujuan)).exit_code == 1
    teks = isi_penanda(tujuan)
    cek = jalankan("check", "--config", str(tujuan), "--strict")
    assert cek.exit_code == 0, cek.output
    dibuat = jalankan("generate", "--config", str(tujuan), "--output", str(keluaran))
    assert dibuat.exit_code == 0, dibuat.output
    assert (keluaran / "2024" / "konfigurasi-2024.toml").read_text(encoding="utf-8") == teks


def test_tidak_menimpa_berkas_yang_ada(tmp_path: Path) -> None:
    tujuan = tmp_path / "iku-2024.toml"
    tujuan.write_text("# milik pengguna\n", encoding="utf-8")
    hasil = jalankan("new-year", "--config", str(CONFIG_CONTOH), "--to", str(tujuan))
    assert hasil.exit_code == 1 and "sudah ada" in hasil.output
    assert tujuan.read_text(encoding="utf-8") == "# milik pengguna\n"


def test_konfigurasi_salah_tidak_menulis_apa_pun(tmp_path: Path) -> None:
    asal = salin_config(tmp_path / "iku.toml", {"nip = ": 'nip = "123"'})
    hasil = jalankan("new-year", "--config", str(asal), "--to", str(tmp_path / "baru.toml"))
    assert hasil.exit_code == 3 and "[penandatangan.nip]" in hasil.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["iku.toml"]


def test_pesan_menyebut_yang_harus_diisi(tmp_path: Path) -> None:
    hasil = jalankan("new-year", "--config", str(CONFIG_CONTOH), "--to", str(tmp_path / "baru.toml"))
    assert "keputusan.nomor, keputusan.tanggal, dokumen.tanggal_kata_pengantar" in hasil.output
    assert "perjanjian_kinerja.tanggal, program[1].anggaran, program[2].anggaran" in hasil.output
    assert "program[5].anggaran" in hasil.output and "program[6]" not in hasil.output
    assert "keputusan.tentang" in hasil.output
    assert "realisasi setiap [[program]] dijadikan catatan bertanda ISI (angka tahun 2023" in hasil.output


def test_tanpa_pk_dan_program_tidak_ada_tanda_pk(tmp_path: Path) -> None:
    asal = tanpa_bagian(salin_config(tmp_path / "iku.toml", laporan=False), "perjanjian_kinerja", "program")
    hasil = jalankan("new-year", "--config", str(asal), "--to", str(tmp_path / "baru.toml"))
    assert hasil.exit_code == 0, hasil.output
    assert hasil.output.splitlines()[1:] == [
        "- tahun 2023 menjadi 2024 pada: tahun, keputusan.tentang, keputusan.menimbang[2]",
        "Masih harus diisi sebelum generate: keputusan.nomor, keputusan.tanggal, dokumen.tanggal_kata_pengantar",
    ]


def test_tahun_di_luar_rencana_diingatkan(tmp_path: Path) -> None:
    asal = salin_config(tmp_path / "iku.toml", {"tahun = ": "tahun = 2026"}, laporan=False)
    hasil = jalankan("new-year", "--config", str(asal), "--to", str(tmp_path / "baru.toml"))
    assert hasil.exit_code == 0 and "tahun 2027 di luar rencana 2023-2026" in hasil.output
    assert (tmp_path / "baru.toml").is_file()


def test_check_juga_mengingatkan_tahun_di_luar_rencana(tmp_path: Path) -> None:
    """new-year's note and check agree: the filled-in draft of a plan's last year is outside the plan."""
    asal = salin_config(tmp_path / "iku.toml", {"tahun = ": "tahun = 2026"}, laporan=False)
    tanpa_bagian(asal, "perjanjian_kinerja")  # with it, the missing 2027 targets are errors (test_perjanjian_kinerja)
    tujuan = tmp_path / "baru.toml"
    catatan = jalankan("new-year", "--config", str(asal), "--to", str(tujuan))
    assert "tahun 2027 di luar rencana 2023-2026" in catatan.output
    teks = isi_penanda(tujuan)
    cek = jalankan("check", "--config", str(tujuan), "--strict")
    assert cek.exit_code == 1
    peringatan = [b for b in cek.output.splitlines() if b.startswith("PERINGATAN")]
    nomor = teks.splitlines().index("tahun = 2027") + 1
    assert len(peringatan) == 1
    assert f"{tujuan}:{nomor} [tahun] tahun 2027 di luar rencana 2023-2026" in peringatan[0]
    assert "rencana.tahun_awal" in peringatan[0] and "rencana.tahun_akhir" in peringatan[0]


def test_catatan_di_dalam_daftar_dipertahankan(tmp_path: Path) -> None:
    awal = '    "bahwa berdasarkan pertimbangan'
    baris = next(b for b in CONFIG_CONTOH.read_text(encoding="utf-8").splitlines() if b.startswith(awal))
    asal = salin_config(tmp_path / "iku.toml", {awal: "    # butir penutup, merujuk huruf a\n" + baris + "  # judul"})
    teks = draf(tmp_path, asal).read_text(encoding="utf-8")
    assert (
        "    # butir penutup, merujuk huruf a\n" + baris.replace("Tahun 2023;", "Tahun 2024;") + "  # judul\n" in teks
    )


@given(
    st.lists(
        st.sampled_from(["Tahun", "TAHUN", " ", "2023", "Nomor", "9", "-", "2026", "Anggaran", "x", ":"]), max_size=12
    )
)
def test_hanya_angka_tahun_yang_berganti(potongan: list[str]) -> None:
    teks = "".join(potongan)
    hasil = tahun_berikut(teks, 2023)
    assert hasil.replace("2024", "2023") == teks
    assert ("Tahun 2024" in hasil) <= ("Tahun 2023" in teks)


def isi_penanda(draf: Path) -> str:
    """Fill a new-year draft's "ISI:" markers as the secretariat would; return the new text."""
    teks = draf.read_text(encoding="utf-8")
    for lama, baru in (
        ('"ISI: nomor keputusan"', '"400.9/1001/Dinsos/2023"'),
        ('"ISI: tanggal penetapan (contoh 2023-03-22)"', "2023-03-20"),
        ('"ISI: tanggal kata pengantar (contoh 2023-03-22)"', "2023-03-20"),
    ):
        teks = teks.replace(lama, baru)
    teks = re.sub(r'"ISI: tanggal Perjanjian Kinerja \(contoh (\d{4}-\d\d-\d\d)\)"', r"\1", teks)
    teks = re.sub(r'"ISI: pagu anggaran[^"]*\(tahun lalu (\d+)\)"', lambda m: str(int(m.group(1)) + 1000000), teks)
    draf.write_text(teks, encoding="utf-8")
    return teks


def test_realisasi_program_tahun_lalu_bukan_nilai_hidup(tmp_path: Path) -> None:
    """Issue 17 item 20: last year's programme realisasi stayed live (printed as 2024's in the LKjIP).
    It becomes a comment marked "ISI:" in place; the draft stays valid for the January PK."""
    tujuan = draf(tmp_path)
    teks = tujuan.read_text(encoding="utf-8")
    data = tomllib.loads(teks.replace('"ISI: ', '"'))
    assert [p.get("realisasi") for p in data["program"]] == [None] * 5
    baris = teks.splitlines()
    diisi = [b for b in baris if b.startswith("# realisasi = ")]
    assert diisi == [
        f'# realisasi = "ISI: realisasi anggaran 2024 dalam rupiah, tanpa tanda kutip (tahun lalu {r})"'
        for r in (6512784350, 398125000, 1084300000, 1187500000, 261450000)
    ]
    lama = CONFIG_CONTOH.read_text(encoding="utf-8").splitlines()
    assert [i for i, b in enumerate(baris) if b.startswith("# realisasi = ")] == [
        i for i, b in enumerate(lama) if re.match(r"realisasi = \d+$", b)
    ]  # each in its own place
    hasil = jalankan("new-year", "--config", str(CONFIG_CONTOH), "--to", str(tmp_path / "lagi.toml"))
    assert "realisasi setiap [[program]] dijadikan catatan bertanda ISI" in hasil.output
    isi_penanda(tujuan)
    assert jalankan("check", "--config", str(tujuan), "--strict").exit_code == 0
    pulih = tujuan.read_text(encoding="utf-8").replace("# realisasi = ", "realisasi = ", 1)
    tujuan.write_text(pulih, encoding="utf-8")
    ditolak = jalankan("check", "--config", str(tujuan))
    assert ditolak.exit_code == 1 and "[program[1].realisasi] belum diisi" in ditolak.output
