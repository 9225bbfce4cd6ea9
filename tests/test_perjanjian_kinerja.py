"""The Perjanjian Kinerja: text in order, target and programme tables, errors, template, PDF pages."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bantu import TEMPLATES, data_contoh, jalankan_generate, salin_config, teks_docx, teks_pdf, tulis_data, tulis_naskah
from iku import bahasa, konfigurasi
from iku.buat import Permintaan, generate
from iku.naskah import DAFTAR
from iku.naskah.perjanjian_kinerja import JANJI, PEMBUKA, PENUTUP, perjanjian

PK = next(j for j in DAFTAR if j.jenis == "perjanjian_kinerja")


def tulis_pk(tmp_path: Path, data: dict, nama: str = "pk.docx") -> Path:
    """Only the PK document of a config, rendered as generate renders it."""
    return tulis_naskah(konfigurasi.baca(tulis_data(tmp_path / "iku.toml", data)), PK, tmp_path / nama)


def berurutan(teks: list[str], harapan: list[str]) -> None:
    """Every expected paragraph appears, in this order (others may stand between)."""
    posisi = 0
    for h in harapan:
        assert h in teks[posisi:], f"{h!r} tidak ada sesudah paragraf {posisi}: {teks[posisi : posisi + 5]}"
        posisi = teks.index(h, posisi) + 1


def jumlah_ditulis(teks: list[str]) -> str:
    return teks[teks.index("JUMLAH") + 1]


# ---------------------------------------------------------------- the reference agency


@pytest.fixture(scope="module")
def rujukan(tmp_path_factory) -> Path:
    return tulis_pk(tmp_path_factory.mktemp("pk"), data_contoh())


def test_pernyataan_berurutan(rujukan: Path) -> None:
    data = data_contoh()
    teks = teks_docx(rujukan)
    pihak_kedua = data["perjanjian_kinerja"]["pihak_kedua"]
    berurutan(
        teks,
        [
            "PEMERINTAH KABUPATEN BULELENG",
            "PERJANJIAN KINERJA TAHUN 2023",
            "DINAS SOSIAL KABUPATEN BULELENG",
            PEMBUKA,
            "Nama\t:\tI Putu Kariaman Putra, S.Sos, MM",
            "Jabatan\t:\tKepala Dinas Sosial Kabupaten Buleleng",
            "selanjutnya disebut pihak pertama.",
            f"Nama\t:\t{pihak_kedua['nama']}",
            f"Jabatan\t:\t{pihak_kedua['jabatan']}",
            "selaku atasan pihak pertama, selanjutnya disebut pihak kedua.",
            JANJI,
            PENUTUP,
            "Singaraja, 16 Januari 2023",
            "Pihak Kedua,",
            "Pihak Pertama,",
            "Bupati Buleleng,",
            "Kepala Dinas Sosial Kabupaten Buleleng,",
            pihak_kedua["nama"],
            "I Putu Kariaman Putra, S.Sos, MM",
            "Pembina Tk.I (IV/b)",
            "NIP. 19691231 199103 1 053",
            "LAMPIRAN",
        ],
    )
    assert "Juni" not in " ".join(teks) and "2023-01-16" not in " ".join(teks)


def test_lampiran_memuat_target_tahun_ini_dan_program(rujukan: Path) -> None:
    data = data_contoh()
    teks = teks_docx(rujukan)
    lampiran = teks[teks.index("LAMPIRAN") :]
    harapan = [
        "PERJANJIAN KINERJA TAHUN 2023",
        "DINAS SOSIAL KABUPATEN BULELENG",
        "NO",
        "SASARAN STRATEGIS",
        "INDIKATOR KINERJA",
        "SATUAN",
        "TARGET",
    ]
    for nomor, baris in enumerate(data["iku"], start=1):
        target = bahasa.angka(konfigurasi.muat(Path("config/iku.toml")).iku[nomor - 1].target["2023"])
        harapan += [f"{nomor}.", baris["sasaran"], baris["indikator"], baris["satuan"], target]
    harapan += ["NO", "PROGRAM", "ANGGARAN (Rp)", "KETERANGAN"]
    for nomor, program in enumerate(data["program"], start=1):
        harapan += [f"{nomor}.", program["nama"], bahasa.rupiah(program["anggaran"]), program["keterangan"]]
    harapan += [
        "JUMLAH",
        bahasa.rupiah(sum(p["anggaran"] for p in data["program"])),
        "Singaraja, 16 Januari 2023",
        "Pihak Kedua,",
        "Pihak Pertama,",
        "NIP. 19691231 199103 1 053",
    ]
    berurutan(lampiran, harapan)
    assert ["5,15", "6,86"] == [t for t in lampiran if t in ("5,15", "6,86")]
    assert jumlah_ditulis(lampiran) == "9.919.562.000"


def test_tanda_tangan_dua_kali_dan_nip_pihak_kedua_hanya_bila_ada(rujukan: Path, tmp_path: Path) -> None:
    teks = teks_docx(rujukan)
    assert teks.count("Pihak Kedua,") == 2 and teks.count("Pihak Pertama,") == 2
    assert teks.count("NIP. 19691231 199103 1 053") == 2 and sum(t.startswith("NIP.") for t in teks) == 2
    data = data_contoh()
    data["perjanjian_kinerja"]["pihak_kedua"] = {
        "jabatan": "Sekretaris Daerah Kabupaten Buleleng,",
        "nama": "Gede Suyasa",
        "pangkat": "Pembina Utama Madya (IV/d)",
        "nip": "197001011990031002",
    }
    teks = teks_docx(tulis_pk(tmp_path, data))
    assert teks.count("NIP. 19700101 199003 1 002") == 2 and teks.count("Pembina Utama Madya (IV/d)") == 2
    assert "Jabatan\t:\tSekretaris Daerah Kabupaten Buleleng" in teks  # one comma, not two
    assert teks.count("Sekretaris Daerah Kabupaten Buleleng,") == 2


def test_sasaran_berurutan_digabung_dan_bernomor(tmp_path: Path) -> None:
    data = data_contoh()
    baris = dict(
        data["iku"][1],
        indikator="Jumlah PMKS yang Tertangani",
        satuan="orang",
        target={"2023": 1250, "2024": 1300, "2025": 1350, "2026": 1400},
    )
    data["iku"].insert(2, baris)
    path = tulis_pk(tmp_path, data)
    teks = teks_docx(path)
    lampiran = teks[teks.index("LAMPIRAN") :]
    assert [t for t in lampiran if re.fullmatch(r"\d+\.", t)][:2] == ["1.", "2."]
    assert "3." not in lampiran[: lampiran.index("PROGRAM")]
    berurutan(
        lampiran,
        [
            "2.",
            "Meningkatnya Penanganan PMKS",
            "Persentase Penanganan PMKS",
            "6,86",
            "Jumlah PMKS yang Tertangani",
            "orang",
            "1.250",
        ],
    )
    assert lampiran.count("Meningkatnya Penanganan PMKS") == 1
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    tabel_a = re.findall(r"<w:tbl>.*?</w:tbl>", xml, re.S)[1]
    assert len(re.findall(r'<w:vMerge w:val="restart"/>', tabel_a)) == 4  # no and sasaran of two groups
    assert len(re.findall(r"<w:vMerge w:val=\"continue\"/>", tabel_a)) == 2  # the second row of group 2


def test_rujukan_sama_dengan_golden(rujukan: Path) -> None:
    golden = Path(__file__).parent / "golden" / "perjanjian-kinerja.txt"
    assert teks_docx(rujukan) == [b.replace("\\n", "\n") for b in golden.read_text(encoding="utf-8").splitlines()]


def test_properti_dokumen_milik_pk(rujukan: Path) -> None:
    import docx

    inti = docx.Document(str(rujukan)).core_properties
    assert inti.title == "Perjanjian Kinerja Tahun 2023"
    assert inti.subject == "Perjanjian Kinerja Dinas Sosial Kabupaten Buleleng Tahun 2023"
    assert inti.created.date().isoformat() == "2023-01-16"


def test_baris_tidak_terpotong_dan_kepala_berulang(rujukan: Path) -> None:
    xml = zipfile.ZipFile(rujukan).read("word/document.xml").decode()
    tabel = re.findall(r"<w:tbl>.*?</w:tbl>", xml, re.S)
    isi_tabel = [t for t in tabel if "TARGET" in t or "ANGGARAN" in t]
    assert len(isi_tabel) == 2
    for t in isi_tabel:
        baris = re.findall(r"<w:tr[ >].*?</w:tr>", t, re.S)
        assert "<w:tblHeader/>" in baris[0] and all("<w:cantSplit/>" in b for b in baris)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=10**13), min_size=1, max_size=20))
def test_jumlah_adalah_jumlah_tepat(anggaran: list[int]) -> None:
    config = konfigurasi.muat(Path("config/iku.toml"))
    program = [config.program[0].model_copy(update={"anggaran": a}) for a in anggaran]
    pk = perjanjian(config.model_copy(update={"program": program}))
    assert int(pk["jumlah_anggaran"].replace(".", "")) == sum(anggaran)
    assert [int(r["anggaran"].replace(".", "")) for r in pk["program"]] == anggaran
    assert re.fullmatch(r"\d{1,3}(\.\d{3})*", pk["jumlah_anggaran"])


# ---------------------------------------------------------------- sections present or not


def test_tanpa_program_tabel_b_tidak_dicetak(tmp_path: Path) -> None:
    data = data_contoh()
    del data["program"]
    path = tulis_pk(tmp_path, data)
    teks = teks_docx(path)
    assert "PROGRAM" not in teks and "JUMLAH" not in teks and "ANGGARAN (Rp)" not in teks
    assert "TARGET" in teks and teks.count("Pihak Pertama,") == 2
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    assert xml.count("<w:tbl>") == 3  # statement signatures, table A, lampiran signatures


def test_tanpa_bagian_pk_tidak_ada_berkas_pk(tmp_path: Path) -> None:
    data = data_contoh()
    del data["perjanjian_kinerja"]
    path = tulis_data(tmp_path / "iku.toml", data)
    paths = generate(Permintaan(konfigurasi.baca(path), TEMPLATES, tmp_path / "output"))
    assert not any("perjanjian" in p.name for p in paths)
    assert not list((tmp_path / "output").rglob("perjanjian*"))


def test_pk_masuk_arsip_dan_manifes(tmp_path: Path) -> None:
    import json

    path = tulis_data(tmp_path / "iku.toml", data_contoh())
    paths = generate(Permintaan(konfigurasi.baca(path), TEMPLATES, tmp_path / "output"))
    nama = "perjanjian-kinerja-dinas-sosial-kabupaten-buleleng-2023.docx"
    assert nama in [p.name for p in paths]
    manifes = json.loads((tmp_path / "output" / "2023" / "MANIFEST.json").read_text(encoding="utf-8"))
    assert nama in json.dumps(manifes)


def test_teks_bermusuhan_tercetak_apa_adanya(tmp_path: Path) -> None:
    data = data_contoh()
    jahat = "A & B <b>tebal</b> {{ x }} {% if %}"
    data["perjanjian_kinerja"]["pihak_kedua"] = {"jabatan": f"Bupati {jahat}", "nama": f"Nama {jahat}"}
    data["perjanjian_kinerja"]["janji"] = f"Janji {jahat}"
    data["program"][0]["nama"] = f"Program {jahat}"
    data["program"][0]["keterangan"] = f"Ket {jahat}"
    data["iku"][0]["indikator"] = f"Indikator {jahat}"
    teks = teks_docx(tulis_pk(tmp_path, data))
    for harapan in (
        f"Nama\t:\tNama {jahat}",
        f"Jabatan\t:\tBupati {jahat}",
        f"Bupati {jahat},",
        f"Janji {jahat}",
        f"Program {jahat}",
        f"Ket {jahat}",
        f"Indikator {jahat}",
    ):
        assert harapan in teks, harapan
    assert teks.count(f"Nama {jahat}") == 2


def test_logo_di_atas_judul_bila_diisi(tmp_path: Path) -> None:
    from bantu import tulis_png

    data = data_contoh()
    data["instansi"]["logo"] = "logo.png"
    tulis_png(tmp_path / "logo.png")
    path = tulis_pk(tmp_path, data)
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    awal = xml.index("<w:body>")
    assert xml.index("<w:drawing>", awal) < xml.index("PEMERINTAH KABUPATEN BULELENG") and xml.count("<w:drawing>") == 1
    assert teks_docx(path)[:2] == ["", "PEMERINTAH KABUPATEN BULELENG"]  # the logo's own paragraph


def test_kalimat_baku_dapat_diganti(tmp_path: Path) -> None:
    data = data_contoh()
    data["perjanjian_kinerja"].update(pembuka="Pembuka sendiri:", penutup="Penutup sendiri.")
    data["perjanjian_kinerja"].pop("tempat")
    teks = teks_docx(tulis_pk(tmp_path, data))
    berurutan(
        teks,
        [
            "Pembuka sendiri:",
            "selanjutnya disebut pihak pertama.",
            JANJI,
            "Penutup sendiri.",
            "Singaraja, 16 Januari 2023",
        ],
    )  # the place of the decree when tempat is left out
    assert PEMBUKA not in teks and PENUTUP not in teks


# ---------------------------------------------------------------- errors


def test_semua_kesalahan_sekaligus_tanpa_menulis(tmp_path: Path) -> None:
    data = data_contoh()
    del data["iku"][1]["target"]
    data["perjanjian_kinerja"] = {"tanggal": "16 Januari 2023"}
    data["program"][0]["anggaran"] = -1
    data["program"][1]["anggaran"] = 412500000.5
    path = tulis_data(tmp_path / "iku.toml", data)
    hasil = jalankan_generate("--config", str(path), "--output", str(tmp_path / "output"))
    assert hasil.returncode == 3, hasil.stderr
    assert not (tmp_path / "output").exists()
    baris = path.read_text(encoding="utf-8").splitlines()
    galat = hasil.stderr
    assert "5 masalah" in galat and "Traceback" not in galat
    nomor_iku = [i for i, b in enumerate(baris, start=1) if b.strip() == "[[iku]]"][1]
    assert re.search(rf"baris {nomor_iku}: \[iku\[2\]\.target\] target tahun 2023 belum ada", galat)
    assert "[perjanjian_kinerja.tanggal] harus berupa tanggal" in galat
    assert "[perjanjian_kinerja.pihak_kedua] wajib diisi" in galat
    assert "[program[1].anggaran] tidak boleh negatif" in galat
    assert "[program[2].anggaran] harus rupiah utuh" in galat


@pytest.mark.parametrize(
    "nilai, kata",
    [
        ('"ISI: anggaran dalam rupiah"', "belum diisi"),
        ('"1.250.000.000"', "tanpa tanda kutip"),
        ("1.25e9", "rupiah utuh"),
        ("true", "bilangan bulat"),
    ],
)
def test_anggaran_yang_tidak_sah(tmp_path: Path, nilai: str, kata: str) -> None:
    path = tulis_data(tmp_path / "iku.toml", data_contoh())
    teks = path.read_text(encoding="utf-8").replace("anggaran = 412500000", f"anggaran = {nilai}", 1)
    path.write_text(teks, encoding="utf-8")
    with pytest.raises(konfigurasi.ConfigError) as info:
        konfigurasi.baca(path)
    [masalah] = info.value.masalah
    assert masalah.kunci == "program[2].anggaran" and kata in masalah.pesan
    assert teks.splitlines()[masalah.baris - 1].startswith("anggaran = ")


@pytest.mark.parametrize(
    "lama, baru, kunci, saran",
    [
        ("anggaran = 412500000", "angaran = 412500000", "program[2].angaran", 'maksud Anda "anggaran"?'),
        (
            'pihak_kedua = { jabatan = "Bupati Buleleng"',
            'pihak_kedua = { jabatn = "Bupati Buleleng"',
            "perjanjian_kinerja.pihak_kedua.jabatn",
            'maksud Anda "jabatan"?',
        ),
        (
            'tempat = "Singaraja"\n# Pihak kedua',
            'tempt = "Singaraja"\n# Pihak kedua',
            "perjanjian_kinerja.tempt",
            'maksud Anda "tempat"?',
        ),
    ],
)
def test_kunci_salah_ketik_diberi_saran(tmp_path: Path, lama: str, baru: str, kunci: str, saran: str) -> None:
    path = salin_config(tmp_path / "iku.toml")
    teks = path.read_text(encoding="utf-8")
    assert lama in teks
    path.write_text(teks.replace(lama, baru, 1), encoding="utf-8")
    with pytest.raises(konfigurasi.ConfigError) as info:
        konfigurasi.baca(path)
    cocok = [m for m in info.value.masalah if m.kunci == kunci]
    assert cocok and cocok[0].saran == saran and "tidak dikenal" in cocok[0].pesan


def test_target_tahun_ini_ada_tetapi_baris_tanpa_target_hanya_dengan_pk(tmp_path: Path) -> None:
    data = data_contoh()
    del data["iku"][0]["target"], data["laporan_kinerja"]  # the LKjIP would need the target too
    with pytest.raises(konfigurasi.ConfigError) as info:
        konfigurasi.baca(tulis_data(tmp_path / "a.toml", data))
    assert [m.kunci for m in info.value.masalah] == ["iku[1].target"]
    assert "hapus tabel [perjanjian_kinerja]" in info.value.masalah[0].saran
    del data["perjanjian_kinerja"]
    assert konfigurasi.baca(tulis_data(tmp_path / "b.toml", data)).config.perjanjian_kinerja is None


def test_tahun_di_luar_rencana_dengan_pk_menyebut_setiap_baris(tmp_path: Path) -> None:
    data = data_contoh()
    data["tahun"] = 2027
    del data["laporan_kinerja"]  # it would also ask for realisasi 2027
    with pytest.raises(konfigurasi.ConfigError) as info:
        konfigurasi.baca(tulis_data(tmp_path / "iku.toml", data))
    assert [m.kunci for m in info.value.masalah] == ["iku[1].target", "iku[2].target"]
    assert all("target tahun 2027 belum ada" in m.pesan for m in info.value.masalah)


# ---------------------------------------------------------------- the template


def test_check_templates_memeriksa_templat_pk(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from iku.cli import main

    folder = tmp_path / "templat"
    shutil.copytree(TEMPLATES, folder)
    bersih = CliRunner().invoke(main, ["check", "--config", "config/iku.toml", "--templates", str(folder)])
    assert bersih.exit_code == 0, bersih.output
    dokumen = folder / "perjanjian-kinerja.docx"
    with (
        zipfile.ZipFile(TEMPLATES / "perjanjian-kinerja.docx") as asal,
        zipfile.ZipFile(dokumen, "w", zipfile.ZIP_DEFLATED) as baru,
    ):
        for item in asal.infolist():
            isi_ = asal.read(item.filename)
            if item.filename == "word/document.xml":
                isi_ = isi_.replace(b"{{ pk.pembuka }}", b"{{ pk.pembukaan }}")
            baru.writestr(item, isi_)
    rusak = CliRunner().invoke(main, ["check", "--config", "config/iku.toml", "--templates", str(folder)])
    assert rusak.exit_code == 1
    assert "perjanjian-kinerja.docx" in rusak.output and "pk.pembukaan" in rusak.output


def test_tanpa_pk_templat_pk_tidak_diperiksa(tmp_path: Path) -> None:
    """A config without the section does not make the document: its template is no concern of check."""
    from iku.periksa.jalankan import periksa

    data = data_contoh()
    del data["perjanjian_kinerja"], data["program"]
    hasil = periksa(tulis_data(tmp_path / "iku.toml", data), TEMPLATES)
    assert hasil.galat == [] and hasil.peringatan == []


def test_wajib_pk_ada_di_templat_bawaan() -> None:
    from iku.periksa.jalankan import periksa_berkas

    bacaan = konfigurasi.baca(Path("config/iku.toml"))
    hasil = periksa_berkas(TEMPLATES / PK.templat, PK.konteks(bacaan.config, Path(".")), bacaan)
    assert hasil.galat == [] and hasil.peringatan == []


# ---------------------------------------------------------------- as printed


def lain_f4() -> dict:
    """An agency unlike the sample: F4, fifteen rows in uneven groups, long names, many programmes."""
    data = data_contoh()
    data["format"]["kertas"] = "F4"
    data["instansi"]["nama"] = "Dinas Pemberdayaan Masyarakat, Desa, Perempuan dan Perlindungan Anak Kabupaten Buleleng"
    data["penandatangan"]["jabatan"] = (
        "Kepala Dinas Pemberdayaan Masyarakat, Desa, Perempuan dan Perlindungan Anak Kabupaten Buleleng"
    )
    data["perjanjian_kinerja"]["pihak_kedua"] = {
        "jabatan": "Penjabat Bupati Buleleng",
        "nama": "Dr. Ir. Ketut Lihadnyana, M.M.A.",
        "pangkat": "Pembina Utama Madya (IV/d)",
        "nip": "196803121994031007",
    }
    contoh = data["iku"][1]
    baris = []
    for i in range(15):
        kelompok = i // 4 + 1
        baris.append(
            dict(
                contoh,
                sasaran=f"Meningkatnya Kualitas Pelayanan dan Perlindungan Kelompok Rentan "
                f"Tahap {kelompok} di Seluruh Desa dan Kelurahan",
                indikator=f"Persentase Desa yang Menerapkan Standar Pelayanan Minimal Bidang {i + 1} "
                "secara Penuh dan Berkelanjutan",
                target={"2023": 10 + i + 0.25, "2024": 20, "2025": 30, "2026": 40},
            )
        )
    data["iku"] = baris
    data["program"] = [
        {
            "nama": f"Program Peningkatan Partisipasi Masyarakat dalam Pembangunan Desa Tahap {i + 1}",
            "anggaran": 1234567890 * (i + 1),
            "keterangan": "APBD Kabupaten dan Dana Alokasi Khusus",
        }
        for i in range(12)
    ]
    return data


def pdf_pk(tmp_path: Path, data: dict) -> Path:
    from iku.pdf import ke_pdf

    return ke_pdf([tulis_pk(tmp_path, data)], tmp_path).berkas[0]


@pytest.mark.pdf
@pytest.mark.parametrize("nama", ["rujukan", "f4-panjang"])
def test_pdf_tanda_tangan_berdampingan_dan_lampiran_halaman_sendiri(tmp_path: Path, nama: str) -> None:
    data = data_contoh() if nama == "rujukan" else lain_f4()
    pdf = pdf_pk(tmp_path, data)
    halaman = teks_pdf(pdf, layout=True).split("\f")
    halaman = [h for h in halaman if h.strip()]
    assert re.search(r"(?m)^\s*Pihak Kedua,\s{4,}Pihak Pertama,\s*$", halaman[0])
    assert "selaku atasan pihak pertama" in halaman[0] and "SASARAN STRATEGIS" not in halaman[0]
    assert re.match(r"\s*-\s*2\s*-\s+LAMPIRAN\s", halaman[1])  # page 2 begins with the lampiran
    assert "SASARAN STRATEGIS" in halaman[1]
    akhir = halaman[-1]
    assert re.search(r"(?m)^\s*Pihak Kedua,\s{4,}Pihak Pertama,\s*$", akhir)
    assert "JUMLAH" in akhir  # the signature never stands alone on the last page
    pihak_kedua = data["perjanjian_kinerja"]["pihak_kedua"]["nama"]
    assert re.search(rf"(?m)^\s*{re.escape(pihak_kedua)}\s{{4,}}{re.escape(data['penandatangan']['nama'])}", akhir)
    jumlah = bahasa.rupiah(sum(p["anggaran"] for p in data["program"]))
    assert jumlah in akhir


@pytest.mark.pdf
def test_pdf_f4_kepala_tabel_berulang(tmp_path: Path) -> None:
    pdf = pdf_pk(tmp_path, lain_f4())
    halaman = [h for h in teks_pdf(pdf, layout=True).split("\f") if h.strip()]
    assert len(halaman) >= 3
    berisi_target = [h for h in halaman[1:] if re.search(r"Persentase Desa", h)]
    assert len(berisi_target) >= 2 and all("SASARAN STRATEGIS" in h for h in berisi_target)
    semua = " ".join(" ".join(h.split()) for h in halaman)
    for i in range(15):
        assert f"{10 + i},25" in semua


@pytest.mark.pdf
def test_pdf_tanda_tangan_tidak_pernah_sendirian(tmp_path: Path) -> None:
    """Whatever the table's length, the last page holds the table's last rows with the signatures."""
    from iku.pdf import ke_pdf

    berkas, kasus = [], []
    for n in range(13, 19):  # around the length where table B first runs over the lampiran page
        data = data_contoh()
        data["program"] = [
            dict(data["program"][i % 5], nama=f"Program Nomor {i + 1} untuk Pengujian Batas Halaman") for i in range(n)
        ]
        kasus.append(("Program Nomor", n))
        berkas.append(data)
    for n in range(14, 26, 3):  # no programmes: table A is the last table
        data = data_contoh()
        del data["program"]
        data["iku"] = [
            dict(
                data["iku"][i % 2],
                sasaran=f"Sasaran {i // 3 + 1}",
                indikator=f"Indikator Nomor {i + 1} untuk Pengujian Batas Halaman yang Panjang",
            )
            for i in range(n)
        ]
        kasus.append(("Indikator Nomor", n))
        berkas.append(data)
    docx_ = []
    for i, data in enumerate(berkas):
        (tmp_path / str(i)).mkdir()
        docx_.append(tulis_pk(tmp_path / str(i), data, f"pk-{i}.docx"))
    for pdf, (baris, n) in zip(ke_pdf(docx_, tmp_path).berkas, kasus):
        halaman = [h for h in teks_pdf(pdf, layout=True).split("\f") if h.strip()]
        assert halaman[-1].count(baris) >= 1 and "Pihak Pertama," in halaman[-1], (baris, n)
        assert sum(h.count(baris) for h in halaman) == n  # every row printed once
