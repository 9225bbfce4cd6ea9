"""Loading and validation: every problem named with file, key, line and a fix, in Indonesian."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bantu import CONFIG_CONTOH, salin_config
from iku import konfigurasi as config
from iku.galat import ConfigError
from iku.model import Pecahan


def masalah(path):
    with pytest.raises(ConfigError) as info:
        config.muat(path)
    return info.value.masalah


def satu(path):
    semua = masalah(path)
    assert len(semua) == 1, [str(m) for m in semua]
    return semua[0]


def test_config_contoh_sah_dan_setia_pada_rujukan():
    c = config.muat(CONFIG_CONTOH)
    assert c.tahun == 2023 and c.penandatangan.nama == "I Putu Kariaman Putra, S.Sos, MM"
    assert c.keputusan.tanggal.isoformat() == "2022-03-22"
    assert len(c.keputusan.mengingat) == 7 and len(c.keputusan.memutuskan) == 4
    assert c.iku[0].kondisi_awal == Decimal("6.12") and c.iku[0].target["2024"] == Decimal("4.9")
    assert isinstance(c.iku[1].formulasi, Pecahan)
    assert "Tindak Pidana Korupsi" in c.keputusan.mengingat[1]


@pytest.mark.parametrize(
    "baris, kunci, kata",
    [
        ('tahun = "2023"', "tahun", "bilangan bulat"),
        ("tahun = 2023.5", "tahun", "bilangan bulat"),
        ('tanggal = "22 Maret 2022"', "keputusan.tanggal", "tanggal"),
        ("tanggal = 2022-03-22T10:00:00", "keputusan.tanggal", "tanggal"),
        ('nip = "19691231 199103 1 05"', "penandatangan.nip", "18 angka"),
        ('nip = "19691331 199103 1 053"', "penandatangan.nip", "tanggal lahir"),
        ('nip = "19691231 199113 1 053"', "penandatangan.nip", "bulan TMT"),
        ('nip = "19691231 199103 3 053"', "penandatangan.nip", "jenis kelamin"),
        ("nip = 196912311991031053", "penandatangan.nip", "teks"),
        ('kertas = "Letter"', "format.kertas", "A4"),
        ('huruf = "Comic Sans MS"', "format.huruf", "Bookman Old Style"),
        ("tembusan = []", None, None),
        ('tembusan = [""]', "keputusan.tembusan[1]", "kosong"),
        ('nama = "  "', "instansi.nama", "kosong"),
        ('nomor = "ISI: nomor keputusan"', "keputusan.nomor", "belum diisi"),
        ('satuan = "%\\u0007"', "iku[1].satuan", "karakter kendali"),
        ('kondisi_awal = "6,12"', "iku[1].kondisi_awal", "angka"),
        ("kondisi_awal = nan", "iku[1].kondisi_awal", "angka biasa"),
        ("tahun_akhir = 2020", "rencana.tahun_akhir", "sebelum tahun_awal"),
    ],
)
def test_nilai_salah_dinamai(tmp_path, baris, kunci, kata):
    awal = baris.split(" = ")[0] + " ="
    path = salin_config(tmp_path / "iku.toml", {awal: baris})
    if kunci is None:
        config.muat(path)
        return
    m = satu(path)
    assert m.kunci == kunci and kata in str(m) and m.berkas == path
    assert m.baris is not None and path.read_text().splitlines()[m.baris - 1].startswith(awal.split()[0])


@pytest.mark.parametrize("kunci", ["menimbang", "mengingat", "memutuskan"])
def test_daftar_wajib_tidak_boleh_kosong(tmp_path, kunci):
    teks = CONFIG_CONTOH.read_text()
    mulai = teks.index(f"\n{kunci} = [") + 1
    selesai = teks.index("\n]\n", mulai) + 2
    path = tmp_path / "iku.toml"
    path.write_text(teks[:mulai] + f"{kunci} = []\n" + teks[selesai:])
    m = satu(path)
    assert m.kunci == f"keputusan.{kunci}" and "tidak boleh kosong" in m.pesan
    assert path.read_text().splitlines()[m.baris - 1] == f"{kunci} = []"


def test_tanpa_baris_iku_ditolak(tmp_path):
    teks = CONFIG_CONTOH.read_text()
    path = tmp_path / "iku.toml"
    path.write_text(teks[: teks.index("[[iku]]")])
    m = satu(path)
    assert m.kunci == "iku" and "wajib" in m.pesan


def test_kunci_tidak_dikenal_diberi_saran(tmp_path):
    path = salin_config(tmp_path / "iku.toml", {"menimbang = [": "menimbangg = ["})
    semua = {m.kunci: m for m in masalah(path)}
    assert set(semua) == {"keputusan.menimbang", "keputusan.menimbangg"}
    assert "tidak dikenal" in semua["keputusan.menimbangg"].pesan
    assert 'maksud Anda "menimbang"' in semua["keputusan.menimbangg"].saran
    assert "wajib" in semua["keputusan.menimbang"].pesan


def test_kunci_wajib_hilang_menyebut_tabel(tmp_path):
    path = salin_config(tmp_path / "iku.toml", {"tempat =": "# tempat dihapus"})
    m = satu(path)
    assert m.kunci == "keputusan.tempat" and "[keputusan]" in m.saran
    assert path.read_text().splitlines()[m.baris - 1] == "[keputusan]"


def test_semua_masalah_dilaporkan_sekaligus(tmp_path):
    path = salin_config(
        tmp_path / "iku.toml",
        {
            "tahun = 2023": 'tahun = "dua ribu"',
            "tanggal = 2022": 'tanggal = "kemarin"',
            "nip =": 'nip = "123"',
            "kertas =": 'kertas = "B5"',
            "alamat =": 'alamatt = "Jl. X"',
        },
    )
    kunci = {m.kunci for m in masalah(path)}
    assert {
        "tahun",
        "keputusan.tanggal",
        "penandatangan.nip",
        "format.kertas",
        "instansi.alamat",
        "instansi.alamatt",
    } <= kunci


def test_sintaks_toml_salah_menyebut_baris(tmp_path):
    path = salin_config(tmp_path / "iku.toml", {"kota =": "kota = Singaraja"})
    m = satu(path)
    assert m.baris == path.read_text().splitlines().index("kota = Singaraja") + 1
    assert "TOML" in m.pesan and "tanda kutip" in m.saran


def test_target_harus_tepat_tahun_rencana(tmp_path):
    path = salin_config(
        tmp_path / "iku.toml",
        {"target = { 2023 = 5.15": "target = { 2023 = 5.15, 2024 = 4.9, 2025 = 4.8, 2027 = 4.6 }"},
    )
    m = satu(path)
    assert m.kunci == "iku[1].target" and "2027" in m.pesan and "2026" in m.pesan


def test_logo_yang_tidak_ada(tmp_path):
    path = salin_config(tmp_path / "iku.toml", {"# logo =": 'logo = "tidak-ada.png"'})
    m = satu(path)
    assert m.kunci == "instansi.logo" and "tidak-ada.png" in m.pesan


def test_berkas_tidak_ada_dan_bukan_utf8(tmp_path):
    assert "tidak ditemukan" in satu(tmp_path / "hilang.toml").pesan
    rusak = tmp_path / "rusak.toml"
    rusak.write_bytes('nama = "Dinas"\n'.encode("utf-16"))
    assert "UTF-8" in satu(rusak).pesan


def test_pecahan_kunci_salah(tmp_path):
    path = salin_config(
        tmp_path / "iku.toml", {"formulasi = { pembilang": 'formulasi = { pembilang = "A", penyebutt = "B" }'}
    )
    kunci = {m.kunci: m for m in masalah(path)}
    assert set(kunci) == {"iku[2].formulasi.penyebut", "iku[2].formulasi.penyebutt"}
    assert 'maksud Anda "penyebut"' in kunci["iku[2].formulasi.penyebutt"].saran


def test_logo_yang_bukan_gambar(tmp_path):
    (tmp_path / "logo.png").write_text("ini bukan gambar")
    path = salin_config(tmp_path / "iku.toml", {"# logo =": 'logo = "logo.png"'})
    m = satu(path)
    assert m.kunci == "instansi.logo" and "bukan gambar" in m.pesan and m.baris


def test_berkas_dengan_bom_windows_diterima(tmp_path):
    path = tmp_path / "iku.toml"
    path.write_bytes(b"\xef\xbb\xbf" + CONFIG_CONTOH.read_bytes())
    assert config.muat(path).tahun == 2023


def test_tanggal_mustahil_menyebut_kuncinya(tmp_path):
    path = salin_config(tmp_path / "iku.toml", {"tanggal = 2022": "tanggal = 2022-02-30"})
    m = satu(path)
    assert m.kunci == "keputusan.tanggal" and "tanggal tidak sah" in m.pesan
    assert path.read_text().splitlines()[m.baris - 1] == "tanggal = 2022-02-30"


def test_garis_miring_terbalik_dijelaskan(tmp_path):
    path = salin_config(tmp_path / "iku.toml", {"kota =": 'kota = "C:\\data"'})
    m = satu(path)
    assert m.kunci == "instansi.kota" and "garis miring terbalik" in m.pesan


def test_teks_sangat_panjang_ditolak_dengan_kuncinya(tmp_path):
    """Issue 17 item 17: a 10 MB alasan passed check, then generate ended in docxcompose's traceback."""
    from click.testing import CliRunner

    from iku.cli import main
    from iku.model import MAKS_PANJANG_TEKS

    path = salin_config(tmp_path / "iku.toml")
    teks = path.read_text(encoding="utf-8")
    awal = 'alasan = """Meningkatkan dan pemerataan pelayanan sosial, sesuai dengan:'
    path.write_text(teks.replace(awal, 'alasan = """' + "x" * 10_500_000 + " Meningkatkan", 1), encoding="utf-8")
    cek = CliRunner().invoke(main, ["check", "--config", str(path)])
    assert cek.exit_code == 1 and "Traceback" not in cek.output
    baris = teks.splitlines().index(next(b for b in teks.splitlines() if b.startswith(awal))) + 1
    assert f"{path}:{baris} [iku[1].alasan] teks terlalu panjang (10.500.0" in cek.output
    assert f"paling banyak {MAKS_PANJANG_TEKS:_} karakter".replace("_", ".") in cek.output
    assert "persingkat" in cek.output
    buat = CliRunner().invoke(main, ["generate", "--config", str(path), "--output", str(tmp_path / "output")])
    assert buat.exit_code == 3 and "Traceback" not in buat.output and "[iku[1].alasan]" in buat.output
    assert not (tmp_path / "output").exists()


def test_teks_sepanjang_batas_dibuat(tmp_path):
    """A value of exactly the limit generates, also into the signing bundle (docxcompose)."""
    import docx
    from click.testing import CliRunner

    from bantu import teks_docx
    from iku.cli import main
    from iku.model import MAKS_PANJANG_TEKS

    path = salin_config(tmp_path / "iku.toml")
    teks = path.read_text(encoding="utf-8")
    awal = 'alasan = """Meningkatkan dan pemerataan pelayanan sosial, sesuai dengan:'
    panjang = ("pelayanan sosial " * MAKS_PANJANG_TEKS)[: MAKS_PANJANG_TEKS - 1] + "Z"
    alasan = 'alasan = """' + panjang + '"""\n'
    mulai = teks.index(awal)
    path.write_text(teks[:mulai] + alasan + teks[teks.index('"""', mulai + len(awal)) + 4 :], encoding="utf-8")
    assert len(config.muat(path).iku[0].alasan) == MAKS_PANJANG_TEKS
    buat = CliRunner().invoke(main, ["generate", "--config", str(path), "--output", str(tmp_path / "output")])
    assert buat.exit_code == 0, buat.output
    bundel = next((tmp_path / "output" / "2023").glob("bundel-*.docx"))
    assert panjang in "".join(teks_docx(bundel))
    assert docx.Document(str(bundel))  # the bundle opens
