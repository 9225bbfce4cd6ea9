"""Issue 24: regional variants of the decree, each opt-in, each read back by `iku impor`.

Every test starts from a provincial Dinas Kehutanan's config (tests/data/dishut-sumsel.toml) and
sets only its variant's keys, as that region's own decree prints it."""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn

from bantu import TEMPLATES, buat_naskah, teks_docx, teks_pdf, tulis_data, tulis_png
from iku import konfigurasi
from iku.buat import Permintaan, generate
from iku.cli import main
from iku.impor import impor

DASAR = Path(__file__).parent / "data" / "dishut-sumsel.toml"


def data_dasar(**bagian: dict[str, Any]) -> dict[str, Any]:
    """The base config with some tables' keys set (or replaced)."""
    data = tomllib.loads(DASAR.read_text(encoding="utf-8"))
    for nama, isi in bagian.items():
        data[nama] = {**data.get(nama, {}), **isi} if isinstance(data.get(nama), dict) else isi
    return data


def naskah(tmp_path: Path, data: dict[str, Any]) -> tuple[Path, Path]:
    """The decree and its Lampiran of a config."""
    return buat_naskah(tulis_data(tmp_path / "iku.toml", data), tmp_path / "naskah")


def diimpor(tmp_path: Path, keputusan: Path, lampiran: Path | None = None) -> dict[str, Any]:
    tujuan = tmp_path / "impor.toml"
    impor(keputusan, lampiran, tujuan)
    return tomllib.loads(tujuan.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- 1. Mengingat lettered a., b., c.


def test_mengingat_berhuruf(tmp_path):
    keputusan, _ = naskah(tmp_path, data_dasar(format={"mengingat": "huruf"}))
    teks = teks_docx(keputusan)
    mengingat = [t.split("\t") for t in teks[teks.index(next(t for t in teks if t.startswith("Mengingat"))) :][:3]]
    assert [(m[0], m[2], m[3][:30]) for m in mengingat] == [
        ("Mengingat", "a.", "Undang-Undang Nomor 41 Tahun 1"),
        ("", "b.", "Undang-Undang Nomor 23 Tahun 2"),
        ("", "c.", "Peraturan Presiden Nomor 29 Ta"),
    ]
    data = diimpor(tmp_path, keputusan)
    assert data["format"]["mengingat"] == "huruf"
    assert data["keputusan"]["mengingat"] == data_dasar()["keputusan"]["mengingat"]


def test_mengingat_bawaan_berangka(tmp_path):
    keputusan, _ = naskah(tmp_path, data_dasar())
    teks = teks_docx(keputusan)
    assert [t.split("\t")[2] for t in teks if t.split("\t")[-1].startswith(("Undang", "Peraturan"))] == [
        "1.",
        "2.",
        "3.",
    ]
    assert "mengingat" not in diimpor(tmp_path, keputusan).get("format", {})


# ---------------------------------------------------------------- 2. a nomor left blank for the agenda clerk

NOMOR_KOSONG = "    /KPTS/KEHUT/2024"


def test_nomor_berongga_tercetak_apa_adanya(tmp_path):
    keputusan, lampiran = naskah(tmp_path, data_dasar(keputusan={"nomor": NOMOR_KOSONG}))
    assert f"NOMOR {NOMOR_KOSONG}" in teks_docx(keputusan)
    assert f"NOMOR\t:\t{NOMOR_KOSONG}" in teks_docx(lampiran)
    for path in (keputusan, lampiran):  # Word and LibreOffice keep blanks only in preserved text
        xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
        t = re.search(r"<w:t( [^>]*)?>[^<]*/KPTS/KEHUT/2024</w:t>", xml)
        assert t and 'xml:space="preserve"' in (t.group(1) or "") and f">{NOMOR_KOSONG}<" in xml.replace("NOMOR ", "")
    assert diimpor(tmp_path, keputusan, lampiran)["keputusan"]["nomor"] == NOMOR_KOSONG


def test_nomor_berongga_tanpa_keluhan_check(tmp_path):
    config = tulis_data(tmp_path / "iku.toml", data_dasar(keputusan={"nomor": NOMOR_KOSONG}))
    hasil = CliRunner().invoke(main, ["check", "--strict", "--config", str(config)])
    assert hasil.exit_code == 0 and "tanpa peringatan" in hasil.output, hasil.output


# ---------------------------------------------------------------- 3. a faks number on the kop


def test_faks_di_kop_label_dan_nomor_utuh(tmp_path):
    keputusan, _ = naskah(tmp_path, data_dasar(instansi={"faks": "(0711) 352065"}))
    teks = teks_docx(keputusan)
    assert teks[1:5] == [
        "PEMERINTAH PROVINSI SUMATERA SELATAN",
        "DINAS KEHUTANAN",
        "Jalan Kapten A. Rivai Nomor 3, Palembang 30129, Telepon\u00a0(0711)\u00a0352064, "
        "Faksimile\u00a0(0711)\u00a0352065",
        "Pos-el:\u00a0dishut@sumselprov.go.id",
    ]
    instansi = diimpor(tmp_path, keputusan)["instansi"]
    assert (instansi["telepon"], instansi["faks"]) == ("(0711) 352064", "(0711) 352065")


def test_faks_diketik_dengan_telepon_diimpor(tmp_path):
    from iku.impor.kop import baca_kop

    kop = baca_kop(
        [
            "PEMERINTAH KABUPATEN SAMPANG",
            "BADAN PERENCANAAN",
            "Jl. Wahid Hasyim 2 Telp. (0323) 321001 Fax. (0323) 321002",
        ]
    )
    assert (kop["telepon"], kop["faks"]) == ("(0323) 321001", "(0323) 321002")


# ---------------------------------------------------------------- 4. "K E P U T U S A N"


def test_judul_berjarak_satu_kata_berjarak_huruf(tmp_path):
    keputusan, _ = naskah(tmp_path, data_dasar(format={"judul_berjarak": True}))
    teks = teks_docx(keputusan)
    assert teks[7:10] == [
        "KEPUTUSAN\nKEPALA DINAS KEHUTANAN PROVINSI SUMATERA SELATAN",
        "NOMOR 522/017/KPTS/KEHUT/2024",
        "TENTANG",
    ]
    d = docx.Document(str(keputusan))
    kata = next(
        r for r in d.element.body.iter(qn("w:r")) if "".join(t.text or "" for t in r.iter(qn("w:t"))) == "KEPUTUSAN"
    )
    assert kata.find(qn("w:br")) is not None, "KEPUTUSAN on its own line"
    assert kata.find(f"{qn('w:rPr')}/{qn('w:spacing')}").get(qn("w:val")) == "120"
    data = diimpor(tmp_path, keputusan)
    assert data["format"]["judul_berjarak"] is True
    assert data["penandatangan"]["jabatan"] == "Kepala Dinas Kehutanan Provinsi Sumatera Selatan"
    assert data["keputusan"]["nomor"] == "522/017/KPTS/KEHUT/2024"


def test_judul_diketik_berjarak_diimpor(tmp_path):
    d = docx.Document()
    for b in (
        "PEMERINTAH KABUPATEN SAMPANG",
        "BADAN PERENCANAAN PEMBANGUNAN DAERAH",
        "Jalan Wahid Hasyim Nomor 2, Sampang",
        "K E P U T U S A N",
        "KEPALA BADAN PERENCANAAN PEMBANGUNAN DAERAH KABUPATEN SAMPANG",
        "NOMOR : 050/12/434.102/2024",
        "TENTANG",
        "INDIKATOR KINERJA UTAMA TAHUN 2024",
        "",
        "Menimbang\t:\ta.\tbahwa perlu ditetapkan Indikator Kinerja Utama;",
        "Mengingat\t:\t1.\tUndang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;",
        "MEMUTUSKAN:",
        "KESATU\t:\tIndikator Kinerja Utama tercantum dalam Lampiran.",
    ):
        d.add_paragraph(b)
    d.save(str(tmp_path / "sk.docx"))
    data = diimpor(tmp_path, tmp_path / "sk.docx")
    assert data["format"]["judul_berjarak"] is True
    assert data["keputusan"]["nomor"] == "050/12/434.102/2024"
    assert data["keputusan"]["tentang"].upper() == "INDIKATOR KINERJA UTAMA TAHUN 2024"


# ---------------------------------------------------------------- 5. an IKU set for a whole Renstra period


def data_renstra() -> dict[str, Any]:
    """A provincial Bappeda's IKU for its whole Renstra period; the plan's targets only from 2019."""
    data = data_dasar(
        tahun=2019,
        keputusan={"tentang": "Indikator Kinerja Utama Badan Perencanaan Pembangunan Daerah Tahun 2016-2021"},
        rencana={"tahun_awal": 2019, "tahun_akhir": 2021, "tahun_kondisi_awal": 2018},
    )
    for baris in data["iku"]:
        baris["target"] = {str(t): v for t, v in zip(range(2019, 2022), baris["target"].values(), strict=True)}
    return data


def test_periode_renstra_di_judul(tmp_path):
    data = data_renstra()
    config = tulis_data(tmp_path / "iku.toml", data)
    hasil = CliRunner().invoke(main, ["generate", "--config", str(config), "--output", str(tmp_path / "arsip")])
    assert hasil.exit_code == 0, hasil.output
    folder = tmp_path / "arsip" / "2019"
    lampiran = teks_docx(next(folder.glob("lampiran-iku-*.docx")))
    judul = lampiran.index("INDIKATOR KINERJA UTAMA (IKU)")
    assert lampiran[judul : judul + 3] == [
        "INDIKATOR KINERJA UTAMA (IKU)",
        "DINAS KEHUTANAN PROVINSI SUMATERA SELATAN",
        "TAHUN 2016-2021",
    ]
    buku = teks_docx(next(folder.glob("dokumen-iku-*.docx")))
    assert [t for t in buku[:12] if t][:2] == ["INDIKATOR KINERJA UTAMA", "TAHUN 2016-2021"]
    # the book's target table keeps the plan's years
    tabel = buku.index("KONDISI AWAL (2018)")
    tahun = buku.index("2019", tabel)
    assert buku[tahun : tahun + 3] == ["2019", "2020", "2021"] and "2016" not in buku[tabel:tahun]
    assert docx.Document(str(next(folder.glob("keputusan-iku-*.docx")))).core_properties.subject == (
        "Indikator Kinerja Utama 2016-2021"
    )


# ---------------------------------------------------------------- 6. the Lampiran's columns per region

KOLOM_MADURA = ["no", "sasaran", "indikator", "satuan", "formulasi", "sumber_data", "penanggung_jawab"]


def data_kolom(kolom: list[str], **lain: Any) -> dict[str, Any]:
    data = data_dasar(lampiran={"kolom": kolom, **lain})
    for baris, pj in zip(data["iku"], ("Kepala Bidang RHL", "Kepala Bidang Perlindungan", "Kepala Bidang PHH")):
        baris["penanggung_jawab"] = pj
    return data


def tabel_iku(lampiran: Path):
    """The Lampiran's IKU table element (its first cell says NO)."""
    body = docx.Document(str(lampiran)).element.body
    return next(t for t in body.iter(qn("w:tbl")) if _teks_sel(t.find(f"{qn('w:tr')}/{qn('w:tc')}")) == "NO")


def kepala_dan_baris(lampiran: Path) -> tuple[list[list[str]], list[list[str]]]:
    """The IKU table's header rows and body rows, each cell's text; the body over the table's
    continuations on the next pages (iku/lanjutan.py), without their "(lanjutan)" rows."""
    body = docx.Document(str(lampiran)).element.body
    bagian = [t for t in body.iter(qn("w:tbl")) if _teks_sel(t.find(f"{qn('w:tr')}/{qn('w:tc')}")) == "NO"]
    baris = [[[_teks_sel(tc) for tc in tr.findall(qn("w:tc"))] for tr in t.findall(qn("w:tr"))] for t in bagian]
    badan = [b for bag in baris for b in bag[2:] if not (len(b) == 1 and b[0].endswith(" (lanjutan)"))]
    return baris[0][:2], badan[:-1]


def _teks_sel(tc) -> str:
    return " ".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.findall(qn("w:p"))).strip()


def test_kolom_pilihan_dengan_penjelasan_berdampingan(tmp_path):
    _, lampiran = naskah(tmp_path, data_kolom(KOLOM_MADURA))
    kepala, badan = kepala_dan_baris(lampiran)
    assert kepala == [
        ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA UTAMA", "SATUAN", "PENJELASAN", "PENANGGUNG JAWAB"],
        ["", "", "", "", "FORMULASI/ CARA PENGUKURAN", "SUMBER DATA", ""],
    ]
    assert badan[1] == [
        "",
        "",
        "Jumlah kejadian kebakaran hutan dan lahan",
        "kejadian",
        "Jumlah kejadian kebakaran hutan dan lahan dalam satu tahun",
        "Bidang Perlindungan Hutan",
        "Kepala Bidang Perlindungan",
    ]
    grid = tabel_iku(lampiran).findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")
    assert len(grid) == 7


def test_kolom_penjelasan_terpisah_tanpa_kelompok(tmp_path):
    kolom = ["no", "indikator", "alasan", "target", "sumber_data"]
    _, lampiran = naskah(tmp_path, data_kolom(kolom))
    kepala, badan = kepala_dan_baris(lampiran)
    assert kepala[0] == ["NO", "INDIKATOR KINERJA UTAMA", "ALASAN", "TARGET 2024", "SUMBER DATA"]
    assert [b[3] for b in badan] == ["15", "40", "4,5"]


def test_kolom_target_buatan_dinyatakan_angka(tmp_path):
    """The TARGET column the template lacks is made from a SATUAN cell, but declared a column of
    numbers (tabel.GAYA_ANGKA), as the template's own number columns are: the layout reads the
    declaration, not the printed digits."""
    from iku import tabel

    _, lampiran = naskah(tmp_path, data_kolom(["no", "indikator", "alasan", "target", "sumber_data"]))
    d = docx.Document(str(lampiran))
    angka, _, hanya_angka = tabel.kebutuhan_kolom(tabel_iku(lampiran), tabel._ukuran_gaya(d), "Bookman Old Style")
    assert hanya_angka == [True, False, False, True, False]
    assert angka[0] > 0 and angka[3] > 0 and angka[1] == angka[2] == angka[4] == 0


def test_kolom_pilihan_pada_tabel_berjudul_walau_kepala_diubah(tmp_path):
    """The Lampiran's IKU table is the one the template titles "Indikator Kinerja Utama" (its
    declaration), not the one whose header reads as today's: an agency that re-words a header in
    Word still gets the columns its config chooses."""
    from bantu import tulis_naskah
    from iku.naskah import per_templat

    asal = TEMPLATES / "lampiran.docx"
    templat = tmp_path / "templat" / "lampiran.docx"
    templat.parent.mkdir()
    with zipfile.ZipFile(asal) as z:
        bagian = {n: z.read(n) for n in z.namelist()}
    xml = bagian["word/document.xml"].decode()
    assert "<w:t>KETERANGAN/ KRITERIA</w:t>" in xml
    bagian["word/document.xml"] = xml.replace("<w:t>KETERANGAN/ KRITERIA</w:t>", "<w:t>KETERANGAN</w:t>").encode()
    with zipfile.ZipFile(templat, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in bagian.items():
            z.writestr(n, data)
    bacaan = konfigurasi.baca(
        tulis_data(tmp_path / "iku.toml", data_kolom(["no", "indikator", "target", "keterangan"]))
    )
    lampiran = tulis_naskah(bacaan, per_templat()["lampiran.docx"], tmp_path / "hasil.docx", templat.parent)
    kepala, badan = kepala_dan_baris(lampiran)
    assert kepala[0] == ["NO", "INDIKATOR KINERJA UTAMA", "TARGET 2024", "KETERANGAN"]
    assert [b[2] for b in badan] == ["15", "40", "4,5"]


def test_kolom_tidak_dikenal_ditolak_dengan_daftarnya(tmp_path):
    config = tulis_data(tmp_path / "iku.toml", data_kolom(["no", "indikator", "pj"]))
    hasil = CliRunner().invoke(main, ["check", "--config", str(config)])
    assert hasil.exit_code == 1, hasil.output
    assert "lampiran.kolom" in hasil.output and "pj" in hasil.output
    assert "no, sasaran, indikator, satuan, alasan, formulasi, sumber_data, penanggung_jawab, target, keterangan" in (
        hasil.output
    )


# ---------------------------------------------------------------- 7. rows grouped under tujuan


def data_tujuan() -> dict[str, Any]:
    data = data_dasar(lampiran={"kelompok": "tujuan"})
    data["iku"][0]["tujuan"] = "Meningkatnya kelestarian hutan"
    data["iku"][2]["tujuan"] = "Meningkatnya kesejahteraan masyarakat sekitar hutan"
    return data


def test_baris_judul_tujuan_sebelum_kelompok_sasarannya(tmp_path):
    _, lampiran = naskah(tmp_path, data_tujuan())
    kepala, badan = kepala_dan_baris(lampiran)
    assert kepala[0] == [
        "NO",
        "SASARAN STRATEGIS",
        "INDIKATOR KINERJA UTAMA",
        "SATUAN",
        "PENJELASAN",
        "KETERANGAN/ KRITERIA",
    ]
    assert [b[:3] for b in badan] == [
        ["Tujuan: Meningkatnya kelestarian hutan"],
        ["1.", "Meningkatnya tutupan hutan", "Persentase luas lahan kritis yang direhabilitasi"],
        ["", "", "Jumlah kejadian kebakaran hutan dan lahan"],
        ["Tujuan: Meningkatnya kesejahteraan masyarakat sekitar hutan"],
        ["2.", "Meningkatnya nilai ekonomi hasil hutan", "Nilai produksi hasil hutan bukan kayu"],
    ]
    judul = tabel_iku(lampiran).findall(qn("w:tr"))[2].find(qn("w:tc"))
    assert judul.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}").get(qn("w:val")) == "8"


def test_tujuan_berganti_di_tengah_sasaran_memecah_kelompok(tmp_path):
    data = data_tujuan()
    data["iku"][1]["tujuan"] = "Menurunnya kebakaran hutan"
    _, lampiran = naskah(tmp_path, data)
    _, badan = kepala_dan_baris(lampiran)
    assert [b[0] for b in badan] == [
        "Tujuan: Meningkatnya kelestarian hutan",
        "1.",
        "Tujuan: Menurunnya kebakaran hutan",
        "2.",
        "Tujuan: Meningkatnya kesejahteraan masyarakat sekitar hutan",
        "3.",
    ]


# ---------------------------------------------------------------- 8. the kepala daerah's own decree

PAPUA = Path(__file__).parent / "data" / "gubernur-papua.toml"


def test_keputusan_kepala_daerah_berkop_gubernur_tanpa_nip(tmp_path):
    config = tmp_path / "papua.toml"
    shutil.copyfile(PAPUA, config)
    tulis_png(tmp_path / "garuda.png")
    keputusan, lampiran = buat_naskah(config, tmp_path / "naskah")
    teks = [t for t in teks_docx(keputusan) if t.strip()]
    assert teks[:3] == ["GUBERNUR PAPUA", "KEPUTUSAN GUBERNUR PAPUA", "NOMOR 188.4/112/TAHUN 2024"]
    assert "PEMERINTAH" not in teks and not any(t.startswith(("Jalan", "Telepon")) for t in teks)
    assert teks[-3:] == ["pada tanggal 5 Februari 2024", "Gubernur Papua,", "Dr. Yohanes Mandowen, S.H., M.Si."]
    assert len(docx.Document(str(keputusan)).inline_shapes) == 1, "lambang di kop"
    kop = next(docx.Document(str(keputusan)).element.body.iter(qn("w:tbl")))
    (sel,) = kop.iter(qn("w:tc"))  # one full-width cell: the lambang centred above the title
    paragraf = sel.findall(qn("w:p"))
    assert paragraf[0].find(f".//{qn('w:drawing')}") is not None
    assert ["".join(t.text or "" for t in p.iter(qn("w:t"))).strip() for p in paragraf[1:]] == ["GUBERNUR PAPUA"]
    assert not any(t.startswith("NIP") for t in teks_docx(lampiran))
    hasil = CliRunner().invoke(main, ["check", "--config", str(config)])
    assert hasil.exit_code == 0, hasil.output


def test_pejabat_tanpa_nip_tetap_ditolak(tmp_path):
    data = data_dasar()
    del data["penandatangan"]["nip"]
    hasil = CliRunner().invoke(main, ["check", "--config", str(tulis_data(tmp_path / "iku.toml", data))])
    assert hasil.exit_code == 1 and "[penandatangan.nip] wajib diisi tetapi tidak ada" in hasil.output, hasil.output


# ---------------------------------------------------------------- 9. Aksara Bali on the kop

AKSARA = "\u1b24\u1b36\u1b26\u1b32\u1b44 \u1b27\u1b3e\u1b26\u1b26\u1b2b\u1b26\u1b44 \u1b2b\u1b40\u1b24\u1b2e\u1b44"


def data_bali(aksara: str = AKSARA) -> dict[str, Any]:
    """A provincial DPMPTSP in Bali: its name in Balinese script above the Latin one."""
    nama = "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Provinsi Bali"
    return data_dasar(
        instansi={"nama": nama, "pemerintah": "Pemerintah Provinsi Bali", "nama_aksara": aksara, "kota": "Denpasar"},
        penandatangan={"jabatan": f"Kepala {nama}"},
    )


def test_aksara_bali_di_atas_nama_latin_dengan_hurufnya(tmp_path):
    keputusan, _ = naskah(tmp_path, data_bali())
    teks = teks_docx(keputusan)
    assert teks[1:4] == [
        "PEMERINTAH PROVINSI BALI",
        AKSARA,
        "DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU",
    ]
    d = docx.Document(str(keputusan))
    run = next(r for r in d.element.body.iter(qn("w:r")) if "".join(t.text or "" for t in r.iter(qn("w:t"))) == AKSARA)
    assert run.find(f"{qn('w:rPr')}/{qn('w:rFonts')}").get(qn("w:ascii")) == "Noto Sans Balinese"
    fonts = {e.get(qn("w:ascii")) for e in d.element.body.iter(qn("w:rFonts"))}
    assert fonts == {"Noto Sans Balinese"}  # the other runs keep the styles' font
    config = tmp_path / "iku.toml"
    assert "tanpa peringatan" in CliRunner().invoke(main, ["check", "--config", str(config)]).output


def test_karakter_tak_tergambar_diperingatkan(tmp_path):
    config = tulis_data(tmp_path / "iku.toml", data_bali(AKSARA + " \u2603"))
    hasil = CliRunner().invoke(main, ["check", "--config", str(config)])
    assert "[instansi.nama_aksara] karakter yang tidak dapat digambar huruf Noto Sans Balinese: \u2603 (U+2603)" in (
        hasil.output
    ), hasil.output


# ---------------------------------------------------------------- 10. impor reads the variants back


def test_kolom_dan_penanggung_jawab_diimpor(tmp_path):
    data = data_kolom(["no", "sasaran", "indikator", "satuan", "formulasi", "target", "penanggung_jawab"])
    keputusan, lampiran = naskah(tmp_path, data)
    impor_ = diimpor(tmp_path, keputusan, lampiran)
    assert impor_["lampiran"]["kolom"] == data["lampiran"]["kolom"]
    assert [b["penanggung_jawab"] for b in impor_["iku"]] == [b["penanggung_jawab"] for b in data["iku"]]
    assert [b["target"] for b in impor_["iku"]] == [{"2024": 15}, {"2024": 40}, {"2024": 4.5}]
    assert impor_["iku"][0]["formulasi"] == data["iku"][0]["formulasi"]


def test_judul_tujuan_diimpor(tmp_path):
    data = data_tujuan()
    keputusan, lampiran = naskah(tmp_path, data)
    impor_ = diimpor(tmp_path, keputusan, lampiran)
    assert impor_["lampiran"]["kelompok"] == "tujuan" and "kolom" not in impor_["lampiran"]
    assert [b["tujuan"] for b in impor_["iku"]] == [
        "Meningkatnya kelestarian hutan",
        "Meningkatnya kelestarian hutan",
        "Meningkatnya kesejahteraan masyarakat sekitar hutan",
    ]
    assert [b["indikator"] for b in impor_["iku"]] == [b["indikator"] for b in data["iku"]]


def test_tanpa_ragam_impor_tanpa_kunci_baru(tmp_path):
    keputusan, lampiran = naskah(tmp_path, data_dasar())
    impor_ = diimpor(tmp_path, keputusan, lampiran)
    assert "lampiran" not in impor_ and not {"tujuan", "penanggung_jawab"} & set(impor_["iku"][0])
    assert not {"mengingat", "judul_berjarak"} & set(impor_.get("format", {}))


# ---------------------------------------------------------------- the variants as a reader sees them (PDF)


@pytest.mark.pdf
def test_ragam_di_pdf(tmp_path):
    """A Bali agency's decree with every layout variant: the blank nomor, the spaced title, the Balinese
    script (its font embedded) and its own Lampiran columns, in the PDF text."""
    data = data_bali()
    data["keputusan"]["nomor"] = NOMOR_KOSONG
    data["format"] = {"judul_berjarak": True, "mengingat": "huruf"}
    data["lampiran"] = {"kolom": KOLOM_MADURA}
    for baris, pj in zip(data["iku"], ("Kepala Bidang Penanaman Modal", "Kepala Bidang Perizinan", "Sekretaris")):
        baris["penanggung_jawab"] = pj
    config = tulis_data(tmp_path / "iku.toml", data)
    paths = generate(Permintaan(konfigurasi.baca(config), TEMPLATES, tmp_path / "output", pdf=True))
    pdf = {p.name.split("-")[0]: p for p in paths if p.suffix == ".pdf"}
    keputusan = teks_pdf(pdf["keputusan"], layout=True)
    assert re.search(r"(?m)^\s*K E P U T U S A N\s*$", keputusan)
    assert re.search(r"NOMOR {3,}/KPTS/KEHUT/2024", keputusan), "the blank kept"
    assert re.search(r"(?m)^Mengingat\s+:\s+a\.\s+Undang-Undang", keputusan)
    assert AKSARA.split()[0] in teks_pdf(pdf["keputusan"])
    fonts = subprocess.run(["pdffonts", str(pdf["keputusan"])], capture_output=True, text=True, check=True).stdout
    assert re.search(r"NotoSansBalinese\S*\s+TrueType.*\syes\s", fonts), fonts
    lampiran = teks_pdf(pdf["lampiran"], layout=True)
    assert re.search(r"NOMOR\s+:\s{3,}/KPTS/KEHUT/2024", lampiran)
    kepala = lampiran[lampiran.index("TAHUN 2024-2026") : lampiran.index("Persentase luas")]
    for judul in ("NO", "SASARAN", "STRATEGIS", "INDIKATOR", "SATUAN", "PENJELASAN", "FORMULASI/ CARA", "SUMBER DATA"):
        assert judul in kepala, judul
    assert re.search(r"PENANGGUNG\s[\s\S]*JAWAB", kepala)
    assert re.search(r"(?m)^\s+PENJELASAN\s*$", kepala), "one PENJELASAN over the formulasi and sumber data"
    assert "ALASAN" not in lampiran and "KETERANGAN" not in lampiran


# ---------------------------------------------------------------- the editor keeps the new keys


def test_penyunting_menyimpan_tanpa_merusak_kunci_ragam(tmp_path):
    from werkzeug.datastructures import MultiDict

    from bantu import isian_formulir
    from iku.penyunting.aplikasi import Pengaturan, buat_aplikasi

    data = data_kolom(KOLOM_MADURA, kelompok="tujuan")
    data["format"] = {"judul_berjarak": True, "mengingat": "huruf"}
    data["instansi"] |= {"faks": "(0711) 352065", "nama_aksara": AKSARA}
    data["keputusan"]["nomor"] = NOMOR_KOSONG
    data["iku"][0]["tujuan"] = "Meningkatnya kelestarian hutan"
    berkas = tulis_data(tmp_path / "iku.toml", data)
    app = buat_aplikasi(Pengaturan(berkas, tmp_path / "output", TEMPLATES, "127.0.0.1", 8000))
    http = app.test_client()
    html = http.get("/", base_url="http://127.0.0.1:8000").get_data(as_text=True)
    isian = dict(isian_formulir(html))
    assert isian["instansi.faks"] == "(0711) 352065" and isian["format.mengingat"] == "huruf"
    assert isian["lampiran.kelompok"] == "tujuan" and isian["instansi.nama_aksara"] == AKSARA
    assert isian["format.judul_berjarak"] == "true"
    assert isian["keputusan.nomor"] == NOMOR_KOSONG and isian["iku.0.tujuan"] == "Meningkatnya kelestarian hutan"
    kirim = [(k, "Sekayu" if k == "keputusan.tempat" else v) for k, v in isian_formulir(html)] + [("simpan", "1")]
    r = http.post("/", data=MultiDict(kirim), base_url="http://127.0.0.1:8000")
    assert "Tersimpan." in r.get_data(as_text=True)
    baru = tomllib.loads(berkas.read_text(encoding="utf-8"))
    assert baru["keputusan"]["tempat"] == "Sekayu"
    for bagian in ("format", "lampiran", "instansi"):
        assert baru[bagian] == data[bagian], bagian
    assert baru["keputusan"]["nomor"] == NOMOR_KOSONG
    assert [b.get("penanggung_jawab") for b in baru["iku"]] == [b.get("penanggung_jawab") for b in data["iku"]]


def test_nomor_berongga_di_buku(tmp_path):
    config = tulis_data(tmp_path / "iku.toml", data_dasar(keputusan={"nomor": NOMOR_KOSONG}))
    hasil = CliRunner().invoke(main, ["generate", "--config", str(config), "--output", str(tmp_path / "arsip")])
    assert hasil.exit_code == 0, hasil.output
    buku = teks_docx(next((tmp_path / "arsip" / "2024").glob("dokumen-iku-*.docx")))
    assert f"NOMOR {NOMOR_KOSONG}" in buku and f"NOMOR\t:\t{NOMOR_KOSONG}" in buku
    assert any(f"Nomor {NOMOR_KOSONG} tentang" in t for t in buku)
    xml = zipfile.ZipFile(next((tmp_path / "arsip" / "2024").glob("dokumen-iku-*.docx"))).read("word/document.xml")
    assert xml.decode("utf-8").count(f'xml:space="preserve">NOMOR {NOMOR_KOSONG}<') == 1


def test_set_kepala_daerah_sampul_menyebut_pemerintah_sekali(tmp_path):
    config = tmp_path / "papua.toml"
    shutil.copyfile(PAPUA, config)
    tulis_png(tmp_path / "garuda.png")
    hasil = CliRunner().invoke(main, ["generate", "--config", str(config), "--output", str(tmp_path / "arsip")])
    assert hasil.exit_code == 0, hasil.output
    buku = teks_docx(next((tmp_path / "arsip" / "2024").glob("dokumen-iku-*.docx")))
    sampul = [t for t in buku[: buku.index("KATA PENGANTAR")] if t.strip()]
    assert sampul.count("PEMERINTAH PROVINSI PAPUA") == 1, sampul
    assert "GUBERNUR PAPUA" in buku and not any(t.startswith("NIP") for t in buku)


def test_kolom_dan_tujuan_juga_di_lampiran_buku(tmp_path):
    data = data_kolom(["no", "indikator", "satuan", "target", "penanggung_jawab", "keterangan"], kelompok="tujuan")
    data["iku"][0]["tujuan"] = "Meningkatnya kelestarian hutan"
    config = tulis_data(tmp_path / "iku.toml", data)
    hasil = CliRunner().invoke(main, ["generate", "--config", str(config), "--output", str(tmp_path / "arsip")])
    assert hasil.exit_code == 0, hasil.output
    folder = tmp_path / "arsip" / "2024"
    for awalan in ("lampiran-iku", "dokumen-iku"):
        kepala, badan = kepala_dan_baris(next(folder.glob(f"{awalan}-*.docx")))
        assert kepala[0] == [
            "NO",
            "INDIKATOR KINERJA UTAMA",
            "SATUAN",
            "TARGET 2024",
            "PENANGGUNG JAWAB",
            "KETERANGAN/ KRITERIA",
        ], awalan
        assert badan[0] == ["Tujuan: Meningkatnya kelestarian hutan"], awalan
        assert badan[1][:5] == [
            "1.",
            "Persentase luas lahan kritis yang direhabilitasi",
            "%",
            "15",
            "Kepala Bidang RHL",
        ]


def test_check_mengingatkan_nilai_kolom_dan_tujuan_yang_kosong(tmp_path):
    data = data_kolom(KOLOM_MADURA, kelompok="tujuan")
    del data["iku"][2]["penanggung_jawab"]
    hasil = CliRunner().invoke(main, ["check", "--config", str(tulis_data(tmp_path / "iku.toml", data))])
    assert "[iku[1].tujuan] " in hasil.output and "tanpa tujuan" in hasil.output, hasil.output
    assert "[iku[3]] kolom penanggung jawab Lampiran kosong" in hasil.output, hasil.output
    assert "[iku[2]] kolom penanggung" not in hasil.output


def test_keputusan_kepala_daerah_diimpor(tmp_path):
    config = tmp_path / "papua.toml"
    shutil.copyfile(PAPUA, config)
    tulis_png(tmp_path / "garuda.png")
    keputusan, lampiran = buat_naskah(config, tmp_path / "naskah")
    tujuan = tmp_path / "impor.toml"
    laporan = impor(keputusan, lampiran, tujuan)
    data = tomllib.loads(tujuan.read_text(encoding="utf-8"))
    assert data["instansi"]["nama"] == data["instansi"]["pemerintah"] == "Pemerintah Provinsi Papua"
    assert data["instansi"]["kota"] == "Jayapura" and laporan.logo is not None
    assert data["penandatangan"] == {"jabatan": "Gubernur Papua", "nama": "Dr. Yohanes Mandowen, S.H., M.Si."}
    assert not {"penandatangan.pangkat", "penandatangan.nip"} & set(laporan.kurang)


def test_penyunting_memilih_kelompok_tujuan(tmp_path):
    from werkzeug.datastructures import MultiDict

    from bantu import isian_formulir
    from iku.penyunting.aplikasi import Pengaturan, buat_aplikasi

    data = data_tujuan()
    del data["lampiran"]
    berkas = tulis_data(tmp_path / "iku.toml", data)
    http = buat_aplikasi(Pengaturan(berkas, tmp_path / "output", TEMPLATES, "127.0.0.1", 8000)).test_client()
    html = http.get("/", base_url="http://127.0.0.1:8000").get_data(as_text=True)
    assert dict(isian_formulir(html))["lampiran.kelompok"] == ""
    pilih = {"lampiran.kelompok": "tujuan", "format.judul_berjarak": "true"}
    kirim = [(k, pilih.get(k, v)) for k, v in isian_formulir(html)] + [("simpan", "1")]
    r = http.post("/", data=MultiDict(kirim), base_url="http://127.0.0.1:8000")
    assert "Tersimpan." in r.get_data(as_text=True)
    baru = tomllib.loads(berkas.read_text(encoding="utf-8"))
    assert baru["lampiran"] == {"kelompok": "tujuan"} and baru["format"]["judul_berjarak"] is True
