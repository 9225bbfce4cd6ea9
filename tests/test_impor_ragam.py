"""iku impor over agencies and layouts beyond a Dinas's wet-ink decree: every kind of agency's kop,
hand-typed fractions and title lines, our own electronic and SRIKANDI decrees, the book, PK and LKjIP."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.shared import Mm, Pt

from bantu import data_contoh, paragraf_sel, paragraf_terpotong, teks_docx, tulis_data
from iku import konfigurasi as config_mod
from iku.cli import main
from iku.galat import ImporError
from iku.impor import impor

MENIMBANG = [
    "bahwa untuk mengukur keberhasilan pelaksanaan tugas dan fungsi perlu ditetapkan Indikator Kinerja Utama;",
    "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Keputusan;",
]
MENGINGAT = [
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;",
    "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah;",
]
MEMUTUSKAN = [
    "Indikator Kinerja Utama sebagaimana tercantum dalam Lampiran Keputusan ini.",
    "Keputusan ini mulai berlaku pada tanggal ditetapkan.",
]
KOP_CAMAT = [
    "PEMERINTAH KABUPATEN KARANGASEM",
    "KECAMATAN SIDEMEN",
    "Jalan Raya Sidemen Telp. (0366) 5300123",
    "SIDEMEN 80864",
]
TENTANG_CAMAT = ["PENETAPAN INDIKATOR KINERJA UTAMA", "KECAMATAN SIDEMEN TAHUN 2024"]


def keputusan_diketik(
    path: Path,
    kop: list[str],
    jabatan: str,
    tentang: list[str] = TENTANG_CAMAT,
    lampiran: bool = False,
    formulasi: list[str] | None = None,
    garis_bawah: bool = False,
) -> Path:
    """A decree typed by hand the way a Kecamatan's clerk does: kop lines, the head's title in capitals
    (CAMAT, INSPEKTUR, ...), tab-aligned typed labels, runs split mid-word, F4 paper."""
    d = docx.Document()
    d.styles["Normal"].font.name = "Bookman Old Style"
    d.styles["Normal"].font.size = Pt(12)
    d.sections[0].page_width, d.sections[0].page_height = Mm(215), Mm(330)
    for b in (*kop, "", f"KEPUTUSAN {jabatan}", "NOMOR : 050/17/Kec.Sdm/2024", "", "TENTANG", *tentang, ""):
        paragraf_terpotong(d, b)
    paragraf_terpotong(d, f"{jabatan},")
    paragraf_terpotong(d, "")
    paragraf_terpotong(d, f"Menimbang\t:\ta.\t{MENIMBANG[0]}")
    paragraf_terpotong(d, f"\t\tb.\t{MENIMBANG[1]}")
    paragraf_terpotong(d, f"Mengingat\t:\t1.\t{MENGINGAT[0]}")
    paragraf_terpotong(d, f"\t\t2.\t{MENGINGAT[1]}")
    for b in ("MEMUTUSKAN", "Menetapkan\t:", f"KESATU\t:\t{MEMUTUSKAN[0]}", f"KEDUA\t:\t{MEMUTUSKAN[1]}", ""):
        paragraf_terpotong(d, b)
    for b in ("Ditetapkan di Sidemen", "pada tanggal 15 Januari 2024", f"{jabatan},", "", "", "I Wayan Sudarma, S.STP"):
        paragraf_terpotong(d, b)
    paragraf_terpotong(d, "Pembina (IV/a)")
    paragraf_terpotong(d, "NIP. 19750505 199803 1 004")
    if lampiran:
        d.add_page_break()
        tabel_lampiran(d, formulasi or ["Jumlah desa yang tertib administrasi"], garis_bawah)
    d.save(str(path))
    return path


def tabel_lampiran(d, formulasi: list[str], garis_bawah: bool) -> None:
    for b in (
        "LAMPIRAN KEPUTUSAN CAMAT SIDEMEN",
        "NOMOR : 050/17/Kec.Sdm/2024",
        "INDIKATOR KINERJA UTAMA",
        "KECAMATAN SIDEMEN",
        "TAHUN 2021-2026",
    ):
        paragraf_terpotong(d, b)
    t = d.add_table(rows=2, cols=7)
    judul = ("NO", "SASARAN", "INDIKATOR KINERJA UTAMA", "SATUAN", "ALASAN", "FORMULASI", "SUMBER DATA")
    for i, teks in enumerate(judul):
        t.cell(0, i).text = teks
    baris = ("1.", "Meningkatnya tertib administrasi desa", "Persentase desa tertib administrasi", "%")
    for i, teks in enumerate((*baris, "Mengukur pembinaan desa")):
        t.cell(1, i).text = teks
    paragraf_sel(t.cell(1, 5), formulasi)
    if garis_bawah:  # the numerator underlined run by run, as the clerk typed it
        for run in t.cell(1, 5).paragraphs[0].runs:
            run.underline = True
    t.cell(1, 6).text = "Kasi Pemerintahan"


def impor_ke(tmp_path: Path, keputusan: Path, lampiran: Path | None = None) -> tuple[dict, str, object]:
    tujuan = tmp_path / "impor.toml"
    laporan = impor(keputusan, lampiran, tujuan)
    teks = tujuan.read_text(encoding="utf-8")
    return tomllib.loads(teks), teks, laporan


# ---------------------------------------------------------------- 17.4 every kind of agency's kop


def test_kecamatan_nama_dari_kop_dan_jalan_bernama_kota(tmp_path):
    data, _, laporan = impor_ke(tmp_path, keputusan_diketik(tmp_path / "sk.docx", KOP_CAMAT, "CAMAT SIDEMEN"))
    assert data["instansi"] == {
        "nama": "Kecamatan Sidemen Kabupaten Karangasem",
        "pemerintah": "Pemerintah Kabupaten Karangasem",
        "alamat": "Jalan Raya Sidemen",
        "kota": "Sidemen",
        "kode_pos": "80864",
        "telepon": "(0366) 5300123",
    }
    assert data["penandatangan"]["jabatan"] == "Camat Sidemen"
    assert "instansi.nama" not in laporan.kurang


def test_kecamatan_diimpor_lalu_dibuat_kopnya_utuh(tmp_path):
    sk = keputusan_diketik(tmp_path / "sk.docx", KOP_CAMAT, "CAMAT SIDEMEN", lampiran=True)
    data, _, laporan = impor_ke(tmp_path, sk)
    assert set(laporan.kurang) == {"rencana.tahun_kondisi_awal", "rencana.tujuan", "rencana.indikator_tujuan"}
    data["rencana"] |= {k: data_contoh()["rencana"][k] for k in ("tahun_kondisi_awal", "tujuan", "indikator_tujuan")}
    folder = set_dibuat_dari(tulis_data(tmp_path / "terisi.toml", data), tmp_path / "output", "2024")
    teks = [t for t in teks_docx(berkas(folder, "keputusan-iku")) if t.strip()]
    assert teks[:4] == [
        "PEMERINTAH KABUPATEN KARANGASEM",
        "KECAMATAN SIDEMEN",
        "Jalan Raya Sidemen, Sidemen 80864, Telepon\u00a0(0366)\u00a05300123",
        "KEPUTUSAN CAMAT SIDEMEN",
    ]


@pytest.mark.parametrize(
    "kop, jabatan, nama, nama_kop",
    [
        (
            [
                "PEMERINTAH KOTA DENPASAR",
                "DINAS PENDIDIKAN KEPEMUDAAN DAN OLAHRAGA",
                "JALAN MAWAR NO. 7 TELP. 0361-222111",
            ],
            "KEPALA DINAS PENDIDIKAN KEPEMUDAAN DAN OLAHRAGA KOTA DENPASAR",
            "Dinas Pendidikan Kepemudaan dan Olahraga Kota Denpasar",
            None,
        ),
        (
            ["PEMERINTAH KOTA DENPASAR", "BADAN PENDAPATAN DAERAH", "Jl. Cok Agung Tresna No. 1, Denpasar 80235"],
            "KEPALA BADAN PENDAPATAN DAERAH KOTA DENPASAR",
            "Badan Pendapatan Daerah Kota Denpasar",
            None,
        ),
        (
            ["PEMERINTAH PROVINSI BALI", "INSPEKTORAT DAERAH", "Jalan Kapten Tantular No. 1, Denpasar, Telepon 227290"],
            "INSPEKTUR DAERAH PROVINSI BALI",
            "Inspektorat Daerah Provinsi Bali",
            None,
        ),
        (
            ["PEMERINTAH KABUPATEN BADUNG", "SEKRETARIAT DAERAH", "Jalan Raya Sempidi No. 1, Mangupura 80351"],
            "SEKRETARIS DAERAH KABUPATEN BADUNG",
            "Sekretariat Daerah Kabupaten Badung",
            None,
        ),
        (
            ["PEMERINTAH KABUPATEN BADUNG", "SEKRETARIAT DPRD", "Jalan Raya Sempidi No. 2, Mangupura 80351"],
            "SEKRETARIS DPRD KABUPATEN BADUNG",
            "Sekretariat DPRD Kabupaten Badung",
            None,
        ),
        (
            [
                "PEMERINTAH KOTA DENPASAR",
                "KECAMATAN DENPASAR SELATAN",
                "KELURAHAN SESETAN",
                "Jalan Raya Sesetan No. 50",
            ],
            "LURAH SESETAN",
            "Kelurahan Sesetan Kota Denpasar",
            None,
        ),
        (
            ["PEMERINTAH KABUPATEN BULELENG", "RUMAH SAKIT UMUM DAERAH", "Jalan Ngurah Rai No. 30 Telp. (0362) 22046"],
            "DIREKTUR RUMAH SAKIT UMUM DAERAH KABUPATEN BULELENG",
            "Rumah Sakit Umum Daerah Kabupaten Buleleng",
            None,
        ),
        (
            ["PEMERINTAH KABUPATEN GIANYAR", "SATUAN POLISI PAMONG PRAJA", "Jalan Ciung Wanara No. 2, Gianyar 80511"],
            "KEPALA SATUAN POLISI PAMONG PRAJA KABUPATEN GIANYAR",
            "Satuan Polisi Pamong Praja Kabupaten Gianyar",
            None,
        ),
        (  # the kop's own spelling when the head's title abbreviates it
            ["PEMERINTAH KABUPATEN BADUNG", "SEKRETARIAT DEWAN PERWAKILAN RAKYAT DAERAH", "Jalan Raya Sempidi No. 2"],
            "SEKRETARIS DPRD KABUPATEN BADUNG",
            "Sekretariat Dewan Perwakilan Rakyat Daerah Kabupaten Badung",
            None,
        ),
    ],
)
def test_kop_setiap_jenis_perangkat_daerah(tmp_path, kop, jabatan, nama, nama_kop):
    data, _, _ = impor_ke(tmp_path, keputusan_diketik(tmp_path / "sk.docx", kop, jabatan))
    assert data["instansi"]["nama"] == nama
    assert data["instansi"].get("nama_kop") == nama_kop  # the generator prints the kop's line by itself
    assert not data["instansi"]["alamat"].startswith("ISI:") and not data["instansi"]["kota"][:1].isdigit()


# ---------------------------------------------------------------- 17.5 a typed stacked fraction


@pytest.mark.parametrize(
    "formulasi",
    [
        ["Jumlah desa tertib administrasi", "Jumlah seluruh desa", "x 100%"],
        ["Jumlah desa tertib administrasi", "Jumlah seluruh desa x 100%"],
        ["Jumlah desa tertib administrasi\tx 100%", "Jumlah seluruh desa"],
    ],
)
def test_pecahan_diketik_pembilang_bergaris_bawah(tmp_path, formulasi):
    sk = keputusan_diketik(
        tmp_path / "sk.docx", KOP_CAMAT, "CAMAT SIDEMEN", lampiran=True, formulasi=formulasi, garis_bawah=True
    )
    data, _, _ = impor_ke(tmp_path, sk)
    assert data["iku"][0]["formulasi"] == {
        "pembilang": "Jumlah desa tertib administrasi",
        "penyebut": "Jumlah seluruh desa",
        "kali": "100%",
    }


# ---------------------------------------------------------------- 17.6 the heading line under TENTANG


@pytest.mark.parametrize(
    "tentang, harapan",
    [
        (  # the kop-style second line repeats the agency and region: not part of the title
            [
                "PENETAPAN INDIKATOR KINERJA UTAMA KECAMATAN SIDEMEN TAHUN 2024",
                "KECAMATAN SIDEMEN KABUPATEN KARANGASEM",
            ],
            "Penetapan Indikator Kinerja Utama Kecamatan Sidemen Tahun 2024",
        ),
        (
            ["PENETAPAN INDIKATOR KINERJA UTAMA KECAMATAN SIDEMEN", "KECAMATAN SIDEMEN KABUPATEN KARANGASEM"],
            "Penetapan Indikator Kinerja Utama Kecamatan Sidemen",
        ),
        (  # a line that continues the sentence is the title's continuation
            ["PENETAPAN INDIKATOR KINERJA UTAMA", "KECAMATAN SIDEMEN KABUPATEN KARANGASEM TAHUN 2024"],
            "Penetapan Indikator Kinerja Utama Kecamatan Sidemen Kabupaten Karangasem Tahun 2024",
        ),
    ],
)
def test_baris_kepala_di_bawah_tentang(tmp_path, tentang, harapan):
    kop = ["PEMERINTAH KABUPATEN KARANGASEM", "KECAMATAN SIDEMEN", "Jalan Raya Sidemen No. 1, Sidemen"]
    sk = keputusan_diketik(tmp_path / "sk.docx", kop, "CAMAT SIDEMEN", tentang=tentang)
    data, _, _ = impor_ke(tmp_path, sk)
    assert data["keputusan"]["tentang"] == harapan


# ---------------------------------------------------------------- 17.9 the plan period of the lampiran


def test_periode_rencana_dari_kepala_lampiran(tmp_path):
    """The Keputusan names no period; its Lampiran, a file of its own, heads its table "TAHUN 2021-2026"."""
    sk = keputusan_diketik(tmp_path / "sk.docx", KOP_CAMAT, "CAMAT SIDEMEN")
    d = docx.Document()
    tabel_lampiran(d, ["Jumlah desa yang tertib administrasi"], garis_bawah=False)
    d.save(str(tmp_path / "lampiran.docx"))
    data, teks, laporan = impor_ke(tmp_path, sk, tmp_path / "lampiran.docx")
    assert (data["tahun"], data["rencana"]["tahun_awal"], data["rencana"]["tahun_akhir"]) == (2024, 2021, 2026)
    assert "rencana.tahun_awal" not in laporan.kurang
    assert re.search(r"(?m)^tahun_awal = 2021 +#.*Tahun 2021-2026.* di Lampiran; periksa$", teks)
    assert re.search(r"(?m)^tahun_akhir = 2026 +#.*periksa$", teks)


# ---------------------------------------------------------------- 17.11 each key in its own table


def test_kunci_impor_di_atas_komentar_bagian_berikut(tmp_path):
    _, teks, _ = impor_ke(tmp_path, keputusan_diketik(tmp_path / "sk.docx", KOP_CAMAT, "CAMAT SIDEMEN"))
    assert 'kode_pos = "80864"' in teks
    bagian = re.split(r"(?m)^# -{20,}\n", teks.split("[[iku]]")[0])
    for isi in bagian[1:]:  # each section: its comment block, its [header], then its keys
        baris = [b for b in isi.splitlines() if b.strip() and not b.startswith("#")]
        assert not baris or baris[0].startswith("["), isi
    instansi = next(b for b in bagian if "[instansi]" in b)
    assert 'kode_pos = "80864"' in instansi


# ---------------------------------------------------------------- our own sets, made by `iku generate`

URL = "https://tte.bulelengkab.go.id/cek/{nomor}"


def set_dibuat(folder: Path, cara: str) -> Path:
    """The sample's set in a signing layout, written by `iku generate` as a user runs it."""
    data = data_contoh()
    data["format"]["tanda_tangan"] = cara
    if cara == "elektronik":
        data["tte"] = {"url_verifikasi": URL}
    config = tulis_data(folder / f"iku-{cara}.toml", data)
    hasil = CliRunner().invoke(main, ["generate", "--config", str(config), "--output", str(folder / "output")])
    assert hasil.exit_code == 0, hasil.output
    return folder / "output" / "2023"


@pytest.fixture(scope="module", params=["basah", "elektronik", "srikandi"])
def set_tahun(request, tmp_path_factory) -> tuple[str, Path]:
    return request.param, set_dibuat(tmp_path_factory.mktemp(request.param), request.param)


def berkas(folder: Path, awalan: str) -> Path:
    return next(folder.glob(f"{awalan}-*.docx"))


def isi_yang_kurang(tujuan: Path, asli: dict, ke: Path) -> Path:
    """What the clerk fills after an import: [rencana], and the signer where SRIKANDI left placeholders."""
    data = tomllib.loads(tujuan.read_text(encoding="utf-8"))
    data["rencana"] = asli["rencana"]
    for kunci in ("nama", "nip"):
        if data["penandatangan"][kunci].startswith("ISI:"):
            data["penandatangan"][kunci] = asli["penandatangan"][kunci]
    return tulis_data(ke, data)


# ---------------------------------------------------------------- 17.7 our electronic and SRIKANDI layouts


def test_tata_tanda_tangan_sendiri_dikenali(set_tahun, tmp_path):
    cara, folder = set_tahun
    asli = tomllib.loads(next(folder.glob("konfigurasi-*.toml")).read_text(encoding="utf-8"))
    keputusan, lampiran = berkas(folder, "keputusan-iku"), berkas(folder, "lampiran-iku")
    data, teks, laporan = impor_ke(tmp_path, keputusan, lampiran)
    assert "${" not in teks and "Ditandatangani" not in teks
    assert data["format"].get("tanda_tangan", "basah") == cara
    if cara != "basah":  # written under [format], below the sample's comment that explains it
        format_ = teks[teks.index("\n[format]") : teks.index("\n[penandatangan]")]
        assert f'\ntanda_tangan = "{cara}"' in format_ and "# Cara tanda tangan" in teks[: teks.index("\n[format]")]
    assert data["penandatangan"]["jabatan"] == "Kepala Dinas Sosial Kabupaten Buleleng"
    assert data["penandatangan"]["pangkat"] == "Pembina Tk.I (IV/b)"
    if cara == "srikandi":  # SRIKANDI fills these at signing: marked, never its placeholders as values
        for kunci in ("nomor", "tanggal"):
            assert data["keputusan"][kunci].startswith("ISI:"), kunci
        for kunci in ("nama", "nip"):
            assert data["penandatangan"][kunci].startswith("ISI:"), kunci
        assert {"penandatangan.nama", "penandatangan.nip", "keputusan.nomor"} <= set(laporan.kurang)
    else:
        assert data["keputusan"]["nomor"] == asli["keputusan"]["nomor"]
        assert data["penandatangan"]["nama"] == asli["penandatangan"]["nama"]
    assert data.get("tte") == asli.get("tte")
    assert laporan.janggal == []  # the QR code read back (zbarimg) gives the verification address
    # filled as the clerk would, the config makes the same decree again
    terisi = isi_yang_kurang(tmp_path / "impor.toml", asli, tmp_path / "terisi.toml")
    ulang = set_dibuat_dari(terisi, tmp_path / "ulang")
    assert teks_docx(berkas(ulang, "keputusan-iku")) == teks_docx(keputusan)
    assert teks_docx(berkas(ulang, "lampiran-iku")) == teks_docx(lampiran)


def set_dibuat_dari(config: Path, folder: Path, tahun: str = "2023") -> Path:
    hasil = CliRunner().invoke(main, ["generate", "--config", str(config), "--output", str(folder)])
    assert hasil.exit_code == 0, hasil.output
    config_mod.muat(config)
    return folder / tahun


# ---------------------------------------------------------------- 17.8 the book: only the kop's picture is the logo


def test_buku_tanpa_logo_bagan_bukan_logo(set_tahun, tmp_path):
    """The sample has no logo; its book holds the organisation chart, graphs (and QR codes) before the decree."""
    _, folder = set_tahun
    data, teks, laporan = impor_ke(tmp_path, berkas(folder, "dokumen-iku"))
    assert laporan.logo is None and "logo" not in data["instansi"] and not list(tmp_path.glob("impor-logo.*"))
    assert data["instansi"]["nama"] == "Dinas Sosial Kabupaten Buleleng" and laporan.jumlah_iku == 2


def test_buku_dengan_logo_di_kop(tmp_path):
    from bantu import tulis_png

    data = data_contoh()
    tulis_png(tmp_path / "logo.png")
    data["instansi"]["logo"] = "logo.png"
    tulis_data(tmp_path / "iku.toml", data)
    folder = set_dibuat_dari(tmp_path / "iku.toml", tmp_path / "output")
    _, _, laporan = impor_ke(tmp_path, berkas(folder, "dokumen-iku"))
    assert laporan.logo is not None and laporan.logo.read_bytes() == (tmp_path / "logo.png").read_bytes()


# ---------------------------------------------------------------- 17.10 a PK or LKjIP given as the decree


@pytest.mark.parametrize(
    "awalan, nama", [("perjanjian-kinerja", "Perjanjian Kinerja"), ("laporan-kinerja", "Laporan Kinerja")]
)
def test_pk_atau_lkjip_sebagai_keputusan_disebut_namanya(set_tahun, tmp_path, awalan, nama):
    _, folder = set_tahun
    with pytest.raises(ImporError) as galat:
        impor(berkas(folder, awalan), None, tmp_path / "baru.toml")
    pesan = galat.value.masalah[0].pesan
    assert f"berkas ini {nama}" in pesan and "Lampiran (tabel IKU)" not in pesan, pesan
    assert not (tmp_path / "baru.toml").exists()


def test_judul_berhuruf_biasa_tetap_judul(tmp_path):
    """KEPUTUSAN in capitals is the title (a book's sentence "Keputusan Kepala ... Nomor ..." is not);
    a decree whose title is typed in ordinary case is still read."""
    d = docx.Document()
    for b in (
        "Keputusan Kepala Dinas Perhubungan",
        "Tentang",
        "Indikator Kinerja Utama",
        "",
        "Menimbang : bahwa perlu;",
    ):
        d.add_paragraph(b)
    for b in ("MEMUTUSKAN:", "KESATU : Berlaku."):
        d.add_paragraph(b)
    d.save(str(tmp_path / "sk.docx"))
    data, _, _ = impor_ke(tmp_path, tmp_path / "sk.docx")
    assert data["instansi"]["nama"] == "Dinas Perhubungan"
    assert data["keputusan"]["tentang"] == "Indikator Kinerja Utama"


def test_titik_dua_kepala_di_baris_berikutnya(tmp_path):
    """ "Menimbang" alone on its line and its colon before the text on the next: the colon is no text."""
    d = docx.Document()
    for b in (
        "KEPUTUSAN KEPALA DINAS SOSIAL",
        "TENTANG",
        "INDIKATOR KINERJA UTAMA",
        "",
        "Menimbang",
        ":\tbahwa perlu;",
    ):
        d.add_paragraph(b)
    for b in ("Mengingat", ":\t1.\tUndang-Undang;", "\t:\t2.\tPeraturan;", "MEMUTUSKAN:", "KESATU : Berlaku."):
        d.add_paragraph(b)
    d.save(str(tmp_path / "sk.docx"))
    data, _, _ = impor_ke(tmp_path, tmp_path / "sk.docx")
    assert data["keputusan"]["menimbang"] == ["bahwa perlu;"]
    assert data["keputusan"]["mengingat"] == ["Undang-Undang;", "Peraturan;"]
