"""Issue 22: a decree amending an earlier one (Keputusan Perubahan, matrix, PK Perubahan, draft, archive)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tomllib
from pathlib import Path

import pytest
import tomlkit
from click.testing import CliRunner

from bantu import CONFIG_CONTOH, TEMPLATES, teks_docx
from iku.buat import Permintaan, generate
from iku.cli import main
from iku.galat import ConfigError
from iku.konfigurasi import baca

AKHIRAN = "-dinas-sosial-kabupaten-buleleng-2023.docx"
NOMOR_LAMA = "400.9/2248.1/Dinsos/2022"
NOMOR_BARU = "400.9/1520/Dinsos/2023"
TENTANG_LAMA = "Penetapan Indikator Kinerja Utama (IKU) Dinas Sosial Kabupaten Buleleng Tahun 2023"
JABATAN = "Kepala Dinas Sosial Kabupaten Buleleng"
BARIS_KETIGA = """
[[iku]]
sasaran = "Meningkatnya Penanganan PMKS"
indikator = "Jumlah Penerima Bantuan Sosial"
satuan = "orang"
alasan = "Mengukur jangkauan bantuan sosial"
formulasi = "Jumlah penerima bantuan sosial dalam satu tahun"
sumber_data = "Dinas Sosial Kabupaten Buleleng"
target = { 2023 = 1200, 2024 = 1300 }
realisasi = { 2023 = 1180 }
"""


def jalankan(*args: str):
    return CliRunner().invoke(main, list(args))


def asal_tiga_baris(folder: Path) -> Path:
    """The seed decree with a third IKU row (so one can be removed while others change)."""
    teks = CONFIG_CONTOH.read_text(encoding="utf-8")
    awal_pk = teks.index("\n# ----", teks.index('analisis = """\nPenanganan PMKS'))
    config = folder / "iku.toml"
    config.write_text(teks[:awal_pk] + "\n" + BARIS_KETIGA + teks[awal_pk:], encoding="utf-8")
    return config


def isi_draf(draf: Path, alasan: bool = True) -> None:
    """Fill the draft's ISI markers and amend the IKU: a target changed, an indicator renamed,
    one removed, one added, each with its reason."""
    doc = tomlkit.parse(draf.read_text(encoding="utf-8"))
    doc["keputusan"]["nomor"] = NOMOR_BARU
    doc["keputusan"]["tanggal"] = dt.date(2023, 7, 10)
    doc["perjanjian_kinerja"]["tanggal"] = dt.date(2023, 7, 12)
    iku = doc["iku"]
    iku[0]["target"]["2024"] = 4.75
    iku[1]["indikator"] = "Persentase Penanganan PMKS Terlantar"
    if alasan:
        iku[0]["alasan_perubahan"] = "Disesuaikan dengan RPD 2023-2026 hasil reviu"
        iku[1]["alasan_perubahan"] = "Nomenklatur disesuaikan dengan Permensos"
        doc["perubahan"]["alasan_hapus"] = {"Jumlah Penerima Bantuan Sosial": "Bukan ukuran hasil (outcome)"}
    del iku[2]
    baru = tomlkit.table()
    for kunci, nilai in {
        "sasaran": "Meningkatnya Kualitas Layanan Sosial",
        "indikator": "Indeks Kepuasan Masyarakat",
        "satuan": "indeks",
        "alasan": "Mengukur mutu layanan",
        "formulasi": {"pembilang": "Jumlah nilai survei", "penyebut": "Jumlah responden"},
        "sumber_data": "Dinas Sosial Kabupaten Buleleng",
        "target": {"2023": 80, "2024": 82.5},
        "realisasi": {"2023": 81},
        **({"alasan_perubahan": "Indikator baru hasil evaluasi SAKIP"} if alasan else {}),
    }.items():
        baru[kunci] = nilai
    iku.append(baru)
    draf.write_text(tomlkit.dumps(doc), encoding="utf-8")


@pytest.fixture(scope="module")
def set_perubahan(tmp_path_factory) -> dict[str, Path]:
    """The original decree archived, its amendment drafted by `iku perubahan`, filled and generated."""
    folder = tmp_path_factory.mktemp("perubahan")
    generate(Permintaan(baca(asal_tiga_baris(folder)), TEMPLATES, folder / "output"))
    draf = folder / "perubahan.toml"
    hasil = jalankan("perubahan", str(folder / "output" / "2023" / "konfigurasi-2023.toml"), "--to", str(draf))
    assert hasil.exit_code == 0, hasil.output
    shutil.copyfile(draf, folder / "draf-asli.toml")  # as drafted, before it was filled
    isi_draf(draf)
    paths = generate(Permintaan(baca(draf), TEMPLATES, folder / "output"))
    return {
        "folder": folder,
        "draf": draf,
        "teks_draf": folder / "draf-asli.toml",
        **{p.name.removesuffix(AKHIRAN): p for p in paths},
    }


def draf_mutlak(set_perubahan: dict, kunci: str) -> str:
    """The drafted amendment config (set_perubahan[kunci]) with its `semula` and other output/2023/
    paths made absolute, so the copy can be read from any folder."""
    return (
        set_perubahan[kunci]
        .read_text(encoding="utf-8")
        .replace('"output/2023/', f'"{set_perubahan["folder"]}/output/2023/')
    )


def test_draf_perubahan_diisi_dari_keputusan_lama(set_perubahan) -> None:
    asli = set_perubahan["teks_draf"].read_text(encoding="utf-8")
    data = tomllib.loads(asli)
    assert data["perubahan"] == {
        "nomor": NOMOR_LAMA,
        "tanggal": dt.date(2022, 3, 22),
        "tentang": TENTANG_LAMA,
        "ke": 1,
        "semula": "output/2023/konfigurasi-2023.toml",
    }
    assert data["keputusan"]["nomor"].startswith("ISI:") and data["keputusan"]["tanggal"].startswith("ISI:")
    assert data["perjanjian_kinerja"]["perubahan"] is True
    assert "menimbang" not in data["keputusan"] and "memutuskan" not in data["keputusan"]
    lama = (set_perubahan["folder"] / "iku.toml").read_text(encoding="utf-8")
    catatan = [b for b in lama.splitlines() if b.lstrip().startswith("#")]
    assert all(b in asli.splitlines() for b in catatan)  # every comment kept


def test_draf_ditolak_generate_sampai_diisi(set_perubahan, tmp_path: Path) -> None:
    draf = tmp_path / "perubahan.toml"
    draf.write_text(
        draf_mutlak(set_perubahan, "teks_draf"),
        encoding="utf-8",
    )
    hasil = jalankan("generate", "--config", str(draf), "--output", str(tmp_path / "keluaran"))
    assert hasil.exit_code == ConfigError.kode
    assert "keputusan.nomor" in hasil.output and "keputusan.tanggal" in hasil.output
    assert not (tmp_path / "keluaran").exists()


def test_draf_tidak_menimpa_berkas(set_perubahan) -> None:
    sebelum = set_perubahan["draf"].read_bytes()
    asal = set_perubahan["folder"] / "output" / "2023"  # the year's folder names its config
    hasil = jalankan("perubahan", str(asal), "--to", str(set_perubahan["draf"]))
    assert hasil.exit_code == 1 and "Draf keputusan perubahan tidak dibuat" in hasil.output
    assert "berkas tujuan sudah ada dan tidak ditimpa" in hasil.output
    assert set_perubahan["draf"].read_bytes() == sebelum


def test_keputusan_judul_mengingat_diktum_berurutan(set_perubahan) -> None:
    teks = [t for t in teks_docx(set_perubahan["keputusan-iku"]) if t.strip()]
    judul = f"PERUBAHAN ATAS KEPUTUSAN {JABATAN.upper()} NOMOR {NOMOR_LAMA} TENTANG {TENTANG_LAMA.upper()}"
    mengingat_lama = f"Keputusan {JABATAN} Nomor {NOMOR_LAMA} tentang {TENTANG_LAMA}."
    kesatu = (
        f"Lampiran Keputusan {JABATAN} Nomor {NOMOR_LAMA} tentang {TENTANG_LAMA}, diubah sehingga menjadi "
        "sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini."
    )
    urutan = [
        f"KEPUTUSAN {JABATAN.upper()}",
        f"NOMOR {NOMOR_BARU}",
        judul,
        "Menimbang",
        "Mengingat",
        mengingat_lama,
        "MEMUTUSKAN:",
        f"KEPUTUSAN {JABATAN.upper()} TENTANG {judul}.",
        kesatu,
        "Keputusan ini mulai berlaku pada tanggal ditetapkan.",
        "pada tanggal 10 Juli 2023",
    ]
    posisi = [next(i for i, t in enumerate(teks) if u in t) for u in urutan]
    assert posisi == sorted(posisi), list(zip(urutan, posisi))
    mengingat = [t.strip() for t in teks[posisi[4] : posisi[6]]]
    assert mengingat[-1] == f"8.\t{mengingat_lama}"
    assert mengingat[-2].endswith("Tahun 2023-2026;")  # the earlier last item now ends with ";"
    menimbang = teks[posisi[3] : posisi[4]]
    assert menimbang[0].endswith(
        f"telah ditetapkan dengan Keputusan {JABATAN} Nomor {NOMOR_LAMA} tentang {TENTANG_LAMA};"
    )
    assert "perlu dilakukan perubahan;" in menimbang[1]
    assert menimbang[2].endswith(
        f"tentang Perubahan atas Keputusan {JABATAN} Nomor {NOMOR_LAMA} tentang {TENTANG_LAMA};"
    )
    assert [t.split("\t")[0] for t in teks if t.startswith(("KESATU", "KEDUA", "KETIGA"))] == ["KESATU", "KEDUA"]


def test_kepala_lampiran_menyebut_keputusan_perubahan(set_perubahan) -> None:
    teks = teks_docx(set_perubahan["lampiran-iku"])
    assert f"NOMOR\t:\t{NOMOR_BARU}" in teks and "TANGGAL\t:\t10 Juli 2023" in teks
    assert f"TENTANG\t:\tPERUBAHAN ATAS KEPUTUSAN {JABATAN.upper()} NOMOR {NOMOR_LAMA} TENTANG" in "\n".join(teks)
    assert "Indeks Kepuasan Masyarakat" in teks and "Jumlah Penerima Bantuan Sosial" not in teks


def test_matriks_satu_kelompok_per_indikator_berubah(set_perubahan) -> None:
    import docx

    tabel = docx.Document(str(set_perubahan["matriks-perubahan-iku"])).tables[0]
    baris = [[c.text for c in r.cells] for r in tabel.rows]
    assert baris[0] == ["NO", "KOMPONEN", "SEMULA", "MENJADI", "ALASAN PERUBAHAN"]
    isi = [b for b in baris[1:] if b[0][:-1].isdigit()]
    alasan_1, alasan_2 = "Disesuaikan dengan RPD 2023-2026 hasil reviu", "Nomenklatur disesuaikan dengan Permensos"
    alasan_3, alasan_4 = "Bukan ukuran hasil (outcome)", "Indikator baru hasil evaluasi SAKIP"
    assert isi == [
        ["1.", "Indikator", "Persentase Penduduk Miskin", "Persentase Penduduk Miskin", alasan_1],
        ["1.", "Target 2024", "4,9", "4,75", alasan_1],
        ["2.", "Indikator", "Persentase Penanganan PMKS", "Persentase Penanganan PMKS Terlantar", alasan_2],
        ["3.", "Indikator (dihapus)", "Jumlah Penerima Bantuan Sosial", "-", alasan_3],
        ["3.", "Sasaran", "Meningkatnya Penanganan PMKS", "-", alasan_3],
        ["3.", "Satuan", "orang", "-", alasan_3],
        ["3.", "Formulasi", "Jumlah penerima bantuan sosial dalam satu tahun", "-", alasan_3],
        ["3.", "Target 2023", "1.200", "-", alasan_3],
        ["3.", "Target 2024", "1.300", "-", alasan_3],
        ["4.", "Indikator (ditambah)", "-", "Indeks Kepuasan Masyarakat", alasan_4],
        ["4.", "Sasaran", "-", "Meningkatnya Kualitas Layanan Sosial", alasan_4],
        ["4.", "Satuan", "-", "indeks", alasan_4],
        ["4.", "Formulasi", "-", "Jumlah nilai survei / Jumlah responden", alasan_4],
        ["4.", "Target 2023", "-", "80", alasan_4],
        ["4.", "Target 2024", "-", "82,5", alasan_4],
    ]
    teks = teks_docx(set_perubahan["matriks-perubahan-iku"])
    assert f"Semula\t:\tKeputusan {JABATAN} Nomor {NOMOR_LAMA} tentang {TENTANG_LAMA}" in teks


def test_pk_perubahan_judul(set_perubahan) -> None:
    teks = teks_docx(set_perubahan["perjanjian-kinerja"])
    assert "PERJANJIAN KINERJA PERUBAHAN TAHUN 2023" in teks
    assert "PERJANJIAN KINERJA TAHUN 2023" not in teks
    assert "82,5" not in teks and "80" in teks  # the revised targets of the year


def test_check_memperingatkan_baris_berubah_tanpa_alasan(set_perubahan, tmp_path: Path) -> None:
    draf = tmp_path / "perubahan.toml"
    draf.write_text(
        draf_mutlak(set_perubahan, "teks_draf"),
        encoding="utf-8",
    )
    isi_draf(draf, alasan=False)
    hasil = jalankan("check", "--config", str(draf))
    assert hasil.exit_code == 0, hasil.output
    for kunci in ("iku[1].indikator", "iku[2].indikator", "iku[3].indikator", "perubahan.alasan_hapus"):
        assert f"[{kunci}]" in hasil.output, hasil.output
    assert '"Jumlah Penerima Bantuan Sosial" dihapus tanpa alasan' in hasil.output
    bersih = jalankan("check", "--config", str(set_perubahan["draf"]))
    assert "alasan" not in bersih.output, bersih.output


def test_arsip_perubahan_dibuat_ulang_sendiri(set_perubahan, tmp_path: Path, monkeypatch) -> None:
    """The archived amendment's config regenerates by itself, unedited, wherever the archive is
    moved and from any working directory: its semula is archived beside it (semula/) and the copy's
    [perubahan].semula points there; the set made again is the archived one, byte for byte."""
    from bantu import isi_folder

    asli = set_perubahan["folder"] / "output" / "2023" / "perubahan-1"
    data = tomllib.loads((asli / "konfigurasi-2023.toml").read_text(encoding="utf-8"))
    assert data["perubahan"]["semula"] == "semula/konfigurasi-2023.toml"
    lama = set_perubahan["folder"] / "output" / "2023" / "konfigurasi-2023.toml"
    assert (asli / "semula" / "konfigurasi-2023.toml").read_bytes() == lama.read_bytes()
    # apart from semula, the archived config is the validated one, comments and layout kept
    draf = set_perubahan["draf"].read_text(encoding="utf-8").splitlines()
    arsip_ = (asli / "konfigurasi-2023.toml").read_text(encoding="utf-8").splitlines()
    assert [b for b in arsip_ if not b.startswith("semula =")] == [b for b in draf if not b.startswith("semula =")]
    pindah = tmp_path / "dipindah" / "perubahan-1"
    shutil.copytree(asli, pindah)
    lain = tmp_path / "tempat-lain"
    lain.mkdir()
    monkeypatch.chdir(lain)
    hasil = jalankan("generate", "--config", str(pindah / "konfigurasi-2023.toml"), "--output", "ulang")
    assert hasil.exit_code == 0, hasil.output
    assert isi_folder(lain / "ulang" / "2023" / "perubahan-1") == isi_folder(asli)
    assert jalankan("verify", str(pindah)).exit_code == 0


def test_perubahan_kedua(set_perubahan, tmp_path: Path) -> None:
    """A second amendment names the original decree again, 'PERUBAHAN KEDUA ATAS', and `ke` = 2."""
    # the archived amendment is self-contained (its semula archived beside it): a copy of it serves
    shutil.copytree(set_perubahan["folder"] / "output" / "2023" / "perubahan-1", tmp_path / "arsip")
    salinan = tmp_path / "arsip" / "konfigurasi-2023.toml"
    draf = tmp_path / "kedua.toml"
    assert jalankan("perubahan", str(salinan), "--to", str(draf)).exit_code == 0
    data = tomllib.loads(draf.read_text(encoding="utf-8"))
    assert data["perubahan"]["ke"] == 2 and data["perubahan"]["nomor"] == NOMOR_LAMA
    assert data["perubahan"]["semula"] == "arsip/konfigurasi-2023.toml"
    # the first amendment's reasons are not the second's
    assert "alasan_hapus" not in data["perubahan"] and not any("alasan_perubahan" in b for b in data["iku"])
    teks = draf.read_text(encoding="utf-8").replace(
        'nomor = "ISI: nomor keputusan perubahan"', 'nomor = "400.9/2001/Dinsos/2023"'
    )
    teks = teks.replace(
        next(b for b in teks.splitlines() if b.startswith('tanggal = "ISI: tanggal penetapan')), "tanggal = 2023-10-02"
    )
    teks = teks.replace(
        next(b for b in teks.splitlines() if b.startswith('tanggal = "ISI: tanggal Perjanjian')), "tanggal = 2023-10-03"
    )
    draf.write_text(teks, encoding="utf-8")
    paths = generate(Permintaan(baca(draf), TEMPLATES, tmp_path / "output"))
    assert paths[0].parent == tmp_path / "output" / "2023" / "perubahan-2"
    keputusan = "\n".join(teks_docx(paths[0]))
    assert f"PERUBAHAN KEDUA ATAS KEPUTUSAN {JABATAN.upper()} NOMOR {NOMOR_LAMA} TENTANG" in keputusan
    assert f"Nomor {NOMOR_LAMA} tentang {TENTANG_LAMA} sebagaimana telah diubah." in keputusan
    matriks = "\n".join(teks_docx(next(p for p in paths if p.name.startswith("matriks-perubahan-iku"))))
    # compared with the first amendment: it is what "semula" names, and nothing of the IKU changed
    assert f"Semula\t:\tKeputusan {JABATAN} Nomor {NOMOR_BARU} tentang Perubahan atas Keputusan" in matriks
    assert "Indikator" not in matriks.split("ALASAN PERUBAHAN", 1)[1]


def test_arsip_perubahan_di_dalam_tahun_dan_verify(set_perubahan, tmp_path: Path) -> None:
    output = tmp_path / "output"
    shutil.copytree(set_perubahan["folder"] / "output", output)
    tahun = output / "2023"
    assert (tahun / "MANIFEST.json").is_file() and (tahun / "perubahan-1" / "MANIFEST.json").is_file()
    catatan = json.loads((tahun / "MANIFEST.json").read_text(encoding="utf-8"))["sha256"]
    assert not any(n.startswith("perubahan-") for n in catatan)
    assert f"matriks-perubahan-iku{AKHIRAN}" not in catatan  # the original's set is untouched
    arsip = jalankan("arsip", "--output", str(output))
    assert arsip.exit_code == 0, arsip.output
    assert arsip.output.index("2023  ") < arsip.output.index("2023/perubahan-1  ")
    assert f"nomor   : {NOMOR_BARU}" in arsip.output and f"nomor   : {NOMOR_LAMA}" in arsip.output
    verify = jalankan("verify", str(output))
    assert verify.exit_code == 0, verify.output
    assert str(tahun / "perubahan-1") in verify.output and f"di {tahun}\n" in verify.output
    (tahun / "perubahan-1" / f"keputusan-iku{AKHIRAN}").write_bytes(b"diubah")
    rusak = jalankan("verify", str(tahun))
    assert rusak.exit_code == 6 and f"perubahan-1/keputusan-iku{AKHIRAN}" in rusak.output


def test_perubahan_tidak_menimpa_arsip_perubahan(set_perubahan, tmp_path: Path) -> None:
    output = tmp_path / "output"
    shutil.copytree(set_perubahan["folder"] / "output", output)
    config = tmp_path / "perubahan.toml"
    config.write_text(
        draf_mutlak(set_perubahan, "draf"),
        encoding="utf-8",
    )
    hasil = jalankan("generate", "--config", str(config), "--output", str(output))
    assert hasil.exit_code == 5 and "perubahan ke-1 sudah ada" in hasil.output
    asli = (output / "2023" / "MANIFEST.json").read_bytes()
    assert jalankan("generate", "--config", str(config), "--output", str(output), "--force").exit_code == 0
    assert len(list((output / "2023").glob("perubahan-1.diganti-*"))) == 1
    assert (output / "2023" / "MANIFEST.json").read_bytes() == asli
    assert jalankan("verify", str(output / "2023")).exit_code == 0


@pytest.mark.parametrize(
    ("ubah", "kunci", "pesan"),
    [
        (lambda p: p.pop("nomor"), "perubahan.nomor", "wajib diisi"),
        (lambda p: p.pop("tentang"), "perubahan.tentang", "wajib diisi"),
        (lambda p: p.update(ke=0), "perubahan.ke", "tulis 1 untuk perubahan pertama"),
        (
            lambda p: p.update(semula="tidak-ada/konfigurasi-2023.toml"),
            "perubahan.semula",
            "tidak-ada/konfigurasi-2023.toml",
        ),
        (lambda p: p.update(semula="lain.toml"), "perubahan.semula", "bukan Dinas Sosial"),
    ],
)
def test_perubahan_yang_ditolak(set_perubahan, tmp_path: Path, ubah, kunci: str, pesan: str) -> None:
    lain = tomllib.loads(CONFIG_CONTOH.read_text(encoding="utf-8"))
    teks_lain = CONFIG_CONTOH.read_text(encoding="utf-8").replace(
        'nama = "Dinas Sosial Kabupaten Buleleng"', 'nama = "Dinas Kesehatan Kabupaten Buleleng"'
    )
    assert lain["instansi"]["nama"] == "Dinas Sosial Kabupaten Buleleng"
    (tmp_path / "lain.toml").write_text(teks_lain, encoding="utf-8")
    doc = tomlkit.parse(set_perubahan["draf"].read_text(encoding="utf-8"))
    doc["perubahan"]["semula"] = str(set_perubahan["folder"] / "output" / "2023" / "konfigurasi-2023.toml")
    ubah(doc["perubahan"])
    config = tmp_path / "perubahan.toml"
    config.write_text(tomlkit.dumps(doc), encoding="utf-8")
    hasil = jalankan("generate", "--config", str(config), "--output", str(tmp_path / "keluaran"))
    assert hasil.exit_code == ConfigError.kode, hasil.output
    assert f"[{kunci}]" in hasil.output and pesan in hasil.output, hasil.output
    assert not (tmp_path / "keluaran").exists()


def test_tanpa_perubahan_menimbang_tetap_wajib(tmp_path: Path) -> None:
    teks = CONFIG_CONTOH.read_text(encoding="utf-8")
    awal = teks.index("menimbang = [")
    config = tmp_path / "iku.toml"
    config.write_text(teks[:awal] + teks[teks.index("]\n", awal) + 2 :], encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        baca(config)
    assert [m.kunci for m in exc.value.masalah] == ["keputusan.menimbang"]


def test_tahun_dibuat_ulang_tetap_memuat_perubahannya(set_perubahan, tmp_path: Path) -> None:
    """--force on the original year keeps the old set aside whole (its amendments included), and its
    amendments stay in the year."""
    output = tmp_path / "output"
    shutil.copytree(set_perubahan["folder"] / "output", output)
    manifes = (output / "2023" / "perubahan-1" / "MANIFEST.json").read_bytes()
    asal = set_perubahan["folder"] / "iku.toml"
    hasil = jalankan("generate", "--config", str(asal), "--output", str(output), "--force")
    assert hasil.exit_code == 0, hasil.output
    assert (output / "2023" / "perubahan-1" / "MANIFEST.json").read_bytes() == manifes
    (cadangan,) = output.glob("2023.diganti-*")
    assert (cadangan / "perubahan-1" / "MANIFEST.json").read_bytes() == manifes
    verify = jalankan("verify", str(output))
    assert verify.exit_code == 0 and "perubahan-1" in verify.output, verify.output


def test_penyunting_menyimpan_keputusan_perubahan_apa_adanya(set_perubahan, tmp_path: Path) -> None:
    """The editor saves one changed field of an amendment: [perubahan] and the left-out Menimbang stay as they are."""
    from test_penyunting import Klien

    from iku.penyunting.aplikasi import Pengaturan, buat_aplikasi

    berkas = tmp_path / "perubahan.toml"
    teks = draf_mutlak(set_perubahan, "draf")
    berkas.write_text(teks, encoding="utf-8")
    tab = Klien(buat_aplikasi(Pengaturan(berkas, tmp_path / "output", TEMPLATES, "127.0.0.1", 8000)))
    tab.buka()
    assert tab.kirim({"instansi.telepon": "(0362) 99999"}).status_code == 200
    assert berkas.read_text(encoding="utf-8") == teks.replace('telepon = "(0362) 21248"', 'telepon = "(0362) 99999"')
    assert baca(berkas).config.keputusan.memutuskan[-1] == "Keputusan ini mulai berlaku pada tanggal ditetapkan."


@pytest.mark.pdf
def test_pdf_keputusan_perubahan_dan_matriks(set_perubahan, tmp_path: Path) -> None:
    import re
    import subprocess

    from bantu import halaman_pdf, teks_pdf

    config = tmp_path / "perubahan.toml"
    config.write_text(
        draf_mutlak(set_perubahan, "draf"),
        encoding="utf-8",
    )
    paths = generate(Permintaan(baca(config), TEMPLATES, tmp_path / "output", pdf=True))
    pdf = {p.name.removesuffix(AKHIRAN.replace(".docx", ".pdf")): p for p in paths if p.suffix == ".pdf"}
    keputusan = " ".join(teks_pdf(pdf["keputusan-iku"]).split())
    assert f"PERUBAHAN ATAS KEPUTUSAN {JABATAN.upper()} NOMOR {NOMOR_LAMA}" in keputusan
    assert f"2023-2026; Keputusan {JABATAN} Nomor {NOMOR_LAMA} tentang {TENTANG_LAMA}. MEMUTUSKAN" in keputusan
    matriks = halaman_pdf(pdf["matriks-perubahan-iku"])
    semua = " ".join(" ".join(matriks).split())
    assert "MATRIKS PERUBAHAN INDIKATOR KINERJA UTAMA (IKU)" in semua and "Target 2024 4,9 4,75" in semua
    assert "Indikator (dihapus)" in semua and "Indikator (ditambah)" in semua
    assert "I Putu Kariaman Putra" in matriks[-1] and "ALASAN PERUBAHAN" in matriks[-1]  # never alone on a page
    info = subprocess.run(["pdfinfo", str(pdf["matriks-perubahan-iku"])], capture_output=True, text=True).stdout
    assert re.search(r"Page size:\s+841\.\d+ x 595\.\d+", info), info  # A4 landscape, as the Lampiran
    assert "PERJANJIAN KINERJA PERUBAHAN TAHUN 2023" in teks_pdf(pdf["perjanjian-kinerja"])


def test_pk_perubahan_bukan_teks(tmp_path: Path) -> None:
    teks = CONFIG_CONTOH.read_text(encoding="utf-8").replace(
        "[perjanjian_kinerja]\n", '[perjanjian_kinerja]\nperubahan = "ya"\n'
    )
    config = tmp_path / "iku.toml"
    config.write_text(teks, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        baca(config)
    (masalah,) = exc.value.masalah
    assert masalah.kunci == "perjanjian_kinerja.perubahan" and masalah.pesan == "harus true atau false"


def test_check_judul_perubahan_diketik_tanpa_tabel_perubahan(tmp_path: Path) -> None:
    teks = CONFIG_CONTOH.read_text(encoding="utf-8").replace(
        f'tentang = "{TENTANG_LAMA}"',
        f'tentang = "Perubahan atas Keputusan {JABATAN} Nomor {NOMOR_LAMA} tentang {TENTANG_LAMA}"',
    )
    config = tmp_path / "iku.toml"
    config.write_text(teks, encoding="utf-8")
    hasil = jalankan("check", "--config", str(config))
    assert "[keputusan.tentang]" in hasil.output and "tabel [perubahan] tidak ada" in hasil.output, hasil.output


def test_check_semula_bukan_keputusan_yang_diubah(set_perubahan, tmp_path: Path) -> None:
    config = tmp_path / "perubahan.toml"
    config.write_text(
        draf_mutlak(set_perubahan, "draf").replace(f'nomor = "{NOMOR_LAMA}"', 'nomor = "400.9/9999/Dinsos/2022"'),
        encoding="utf-8",
    )
    hasil = jalankan("check", "--config", str(config))
    assert "[perubahan.semula]" in hasil.output, hasil.output
    assert f"berkas semula adalah keputusan nomor {NOMOR_LAMA}, padahal" in hasil.output


def test_arsip_berisi_perubahan_saja(set_perubahan, tmp_path: Path) -> None:
    """An amendment archived where the original year is not: the year is no broken archive."""
    output = tmp_path / "output"
    shutil.copytree(set_perubahan["folder"] / "output" / "2023" / "perubahan-1", output / "2023" / "perubahan-1")
    arsip = jalankan("arsip", "--output", str(output))
    assert arsip.exit_code == 0, arsip.output
    assert arsip.output.startswith("2023/perubahan-1  ") and "TIDAK UTUH" not in arsip.output
    for folder in (output, output / "2023"):
        verify = jalankan("verify", str(folder))
        assert verify.exit_code == 0 and str(output / "2023" / "perubahan-1") in verify.output, verify.output


def test_sisa_perubahan_yang_terhenti_dirapikan(tmp_path: Path) -> None:
    """A killed amendment run leaves its staging inside the year: tidied like a year's, named after it."""
    import subprocess
    import sys

    from iku import arsip

    proses = subprocess.Popen([sys.executable, "-c", "pass"])
    proses.wait()
    tahun = tmp_path / "2023"
    setengah = tahun / f"{arsip.AWALAN_SEMENTARA}perubahan-1-{proses.pid}-abc"
    lengkap = tahun / f"{arsip.AWALAN_SIAP}perubahan-1-{proses.pid}-abc"
    for folder in (setengah, lengkap):
        folder.mkdir(parents=True)
    assert arsip.bukan_isi_tahun(setengah.name) and arsip.bukan_isi_tahun(lengkap.name)
    arsip.bersihkan_sisa(tahun)
    assert not setengah.exists() and not lengkap.exists()
    assert [p.name.split(".diganti-")[0] for p in tahun.iterdir()] == ["perubahan-1"]
