"""Layout of the decree and the book: label columns, words never broken, letterhead and lists."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import docx.table
import pytest
from docx.oxml.ns import qn

from bantu import TEMPLATES, data_contoh, kata_pdf, teks_docx, teks_paragraf, tulis_data
from iku import konfigurasi
from iku.buat import Permintaan, generate


def buat(tmp_path: Path, data: dict, pdf: bool = False) -> dict[str, Path]:
    path = tulis_data(tmp_path / "iku.toml", data)
    ditulis = generate(Permintaan(konfigurasi.baca(path), TEMPLATES, tmp_path / "output", pdf=pdf))
    return {p.name.split("-")[0] + p.suffix: p for p in ditulis}


def dengan_diktum(n: int) -> dict:
    data = data_contoh()
    data["keputusan"]["memutuskan"] = [f"Diktum nomor {i} berisi ketentuan." for i in range(1, n + 1)]
    return data


def tab_gaya(path: Path, nama: str) -> list[int]:
    return [t.position.twips for t in docx.Document(str(path)).styles[nama].paragraph_format.tab_stops]


@pytest.mark.parametrize("n", [4, 13, 40])
def test_titik_dua_konsiderans_menetapkan_dan_diktum_satu_kolom(tmp_path, n):
    for jenis in ("keputusan.docx", "dokumen.docx"):
        path = buat(tmp_path / jenis, dengan_diktum(n))[jenis]
        konsiderans, menetapkan, diktum = (tab_gaya(path, g) for g in ("Konsiderans", "Menetapkan", "Diktum"))
        assert konsiderans[0] == menetapkan[0] == diktum[0], (konsiderans, menetapkan, diktum)
        assert konsiderans[1] == menetapkan[1] == diktum[1]  # letters of Menimbang where the diktum text starts
        for nama, teks in (("Konsiderans", konsiderans[2]), ("Menetapkan", menetapkan[1]), ("Diktum", diktum[1])):
            format_ = docx.Document(str(path)).styles[nama].paragraph_format
            assert format_.left_indent.twips == -format_.first_line_indent.twips == teks, nama  # lines hang


@pytest.mark.pdf
def test_pdf_titik_dua_satu_kolom_dengan_tiga_belas_diktum(tmp_path):
    kata = kata_pdf(buat(tmp_path, dengan_diktum(13), pdf=True)["keputusan.pdf"])
    label = {"Menimbang", "Mengingat", "Menetapkan", "KESATU", "KEDUA", "BELAS"}
    kolom = [
        b[1]
        for a, b in zip(kata, kata[1:])
        if a[3] in label and b[3] == ":" and a[:1] == b[:1] and abs(a[2] - b[2]) < 1
    ]
    assert len(kolom) == 3 + 2 + 2 and max(kolom) - min(kolom) < 1, kolom  # KEDUA BELAS, KETIGA BELAS


def agensi_lain() -> dict:
    """35 sasaran of one row each (two-digit numbers), a unit with sub-units, a fraction with kali,
    long words in the narrow SUMBER DATA column."""
    data = data_contoh()
    contoh = data["iku"][1]
    assert isinstance(contoh["formulasi"], dict) and contoh["formulasi"]["kali"] == "100%"
    data["iku"] = [
        dict(
            contoh,
            sasaran=f"Sasaran nomor {n}",
            indikator=f"Indikator {n}",
            sumber_data="Bidang Pengendalian dan Pengembangan Kesejahteraan",
        )
        for n in range(1, 36)
    ]
    return data


@pytest.fixture(scope="module")
def lain(tmp_path_factory) -> dict[str, Path]:
    return buat(tmp_path_factory.mktemp("lain"), agensi_lain(), pdf=True)


def test_label_kop_menyatu_dengan_isinya(lain):
    kop = "\n".join(teks_docx(lain["keputusan.docx"])[:6])
    assert "Pos-el:\u00a0dinassosialbuleleng@gmail.com" in kop and "Laman:\u00a0http" in kop, kop
    sampul = "\n".join(teks_docx(lain["dokumen.docx"]))
    assert "Pos-el:\u00a0" in sampul and "Telepon:\u00a0" in sampul, sampul


def test_rentang_tahun_dan_pos_el_tidak_terputus_di_tanda_hubung(lain):
    for jenis in ("keputusan.docx", "dokumen.docx", "bundel.docx"):
        with zipfile.ZipFile(lain[jenis]) as z:
            xml = "".join(z.read(n).decode() for n in z.namelist() if re.match(r"word/(document|header\d*)\.xml", n))
        assert not re.search(r"\d{4}-\d{4}|Pos-el", xml), jenis
        assert "<w:noBreakHyphen/>" in xml
    assert "TAHUN 2023-2026" in teks_docx(lain["dokumen.docx"])  # printed as a hyphen


def test_membawahi_tetap_dengan_butirnya(lain):
    d = docx.Document(str(lain["dokumen.docx"]))
    pengantar = [p for p in d.paragraphs if p.text.rstrip().endswith("membawahi:")]
    assert pengantar and all(p.paragraph_format.keep_with_next for p in pengantar)


@pytest.mark.pdf
def test_nomor_sasaran_dua_angka_tidak_menempel(lain):
    kata = kata_pdf(lain["dokumen.pdf"])
    pasangan = [
        (a, b)
        for a, b, c in zip(kata, kata[1:], kata[2:])
        if re.fullmatch(r"\d+\.", a.teks) and b.teks == "Sasaran" and c.teks == ":"
    ]
    assert len(pasangan) == 35
    assert all(b.x - a.x_akhir > 4 for a, b in pasangan), [(a.teks, round(b.x - a.x_akhir, 1)) for a, b in pasangan]
    assert len({round(b.x) for _, b in pasangan}) == 1  # "Sasaran" in one column


@pytest.mark.pdf
def test_kali_seratus_persen_di_samping_garis_pecahan(lain):
    kata = kata_pdf(lain["lampiran.pdf"])
    for i, k in enumerate(kata):
        if k.teks == "\u00d7":
            atas = [w for w in kata[i - 6 : i] if w.teks in ("Jumlah", "PMKS", "yang", "tertangani")]
            bawah = [w for w in kata[i + 1 : i + 20] if w.teks == "Jumlah"][:1]  # the denominator's first word
            assert atas and bawah and k.x > max(w.x_akhir for w in atas), k
            assert min(w.y for w in atas) < k.y < max(w.y for w in bawah), k
            break
    else:
        pytest.fail("tanda × tidak ada di PDF lampiran")


def test_tabel_2_2_1_berkolom_satuan(tmp_path):
    data = data_contoh()
    data["iku"][0]["satuan"] = "per 100.000 KH"
    d = docx.Document(str(buat(tmp_path, data)["dokumen.docx"]))
    tabel = next(t for t in d.tables if t.cell(0, 0).text == "TUJUAN")
    assert tabel.cell(0, 4).text == "SATUAN"
    assert [tabel.cell(3, 3).text, tabel.cell(3, 4).text, tabel.cell(3, 5).text] == [
        data["iku"][0]["indikator"],
        "per 100.000 KH",
        "6,12",
    ]


def test_angka_dinyatakan_gaya_karakter_bukan_ditebak_dari_teks():
    """A number is what the template declares one (a run in the character style "Angka", or a
    style based on it, as an agency may make in Word), never what merely looks like one: digits
    typed in a plain run are words; "-" (no value) leaves a number column one."""
    from docx.enum.style import WD_STYLE_TYPE

    from iku import tabel

    d = docx.Document()
    angka = d.styles.add_style("Angka", WD_STYLE_TYPE.CHARACTER)
    turunan = d.styles.add_style("Angka Merah", WD_STYLE_TYPE.CHARACTER)
    turunan.base_style = angka
    t = d.add_table(rows=3, cols=4)
    kepala = t.rows[0]._tr.get_or_add_trPr()
    kepala.append(kepala.makeelement(qn("w:tblHeader"), {}))
    for i, judul in enumerate(("TEKS", "ANGKA", "TURUNAN", "KOSONG")):
        t.cell(0, i).text = judul
    for baris, (polos, nilai, lain, kosong) in enumerate(
        (("1.234.567", "12,5", "99", "-"), ("2025", "-", "7", "-")), 1
    ):
        t.cell(baris, 0).paragraphs[0].add_run(polos)
        t.cell(baris, 1).paragraphs[0].add_run(nilai, style="Angka")
        t.cell(baris, 2).paragraphs[0].add_run(lain, style="Angka Merah")
        t.cell(baris, 3).paragraphs[0].add_run(kosong)
    gaya = tabel._ukuran_gaya(d)
    assert gaya.angka == {d.styles["Angka"].style_id, d.styles["Angka Merah"].style_id}
    lebar, kata, hanya_angka = tabel.kebutuhan_kolom(t._tbl, gaya, "Arial")
    assert lebar[0] == 0 and lebar[1] > 0 and lebar[2] > 0 and lebar[3] == 0
    assert hanya_angka == [False, True, True, True] and kata[0] > 0


def test_kolom_lampiran_tidak_lebih_sempit_dari_kata_terpanjangnya(lain):
    from iku import tabel

    d = docx.Document(str(lain["lampiran.docx"]))
    t = d.tables[-1]._tbl
    grid = [int(g.get(qn("w:w"))) for g in t.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")]
    _, kata, _ = tabel.kebutuhan_kolom(t, tabel._ukuran_gaya(d), "Bookman Old Style")
    assert all(g >= k + tabel._margin_sel_twip(t) for g, k in zip(grid, kata)), (grid, kata)
    assert sum(grid) == 14003  # still the landscape A4 text width


@pytest.mark.pdf
def test_kata_panjang_utuh_di_pdf_lampiran(lain):
    kata = {k.teks for k in kata_pdf(lain["lampiran.pdf"])}
    assert {"Pengendalian", "Kesejahteraan"} <= kata and not {"Pengendalia", "Kesejahteraa"} & kata


def test_tabel_2_2_1_sepuluh_tahun_a4_dibagi_dua_tanpa_kata_terpotong(tmp_path):
    from iku import tabel

    data = data_contoh()
    data["rencana"]["tahun_akhir"] = 2032
    for baris in data["iku"]:
        # ten years of seven-digit numbers: with the fonts' real widths, ten short ones fit on A4
        baris["target"] = {str(t): 1234567.5 for t in range(2023, 2033)}
    path = buat(tmp_path, data)["dokumen.docx"]
    d = docx.Document(str(path))
    pertama = next(t for t in d.tables if t.cell(0, 0).text == "TUJUAN")._tbl
    kedua = pertama.getnext().getnext().getnext()  # after the caption's two paragraphs
    assert kedua.tag == qn("w:tbl") and docx.table.Table(kedua, d._body).cell(0, 0).text == "SASARAN"
    judul = [teks_paragraf(p) for p in (pertama.getnext(), pertama.getnext().getnext())]
    assert judul[0] == "Tabel 2.2.1 (lanjutan)" and judul[1].startswith("Tujuan, Sasaran Strategis")
    teks_kedua = "\n".join(teks_paragraf(p) for p in kedua.iter(qn("w:p")))
    assert all(str(t) in teks_kedua for t in range(2023, 2033)) and "2023" not in "".join(
        teks_paragraf(p) for p in pertama.iter(qn("w:p"))
    )
    gaya = tabel._ukuran_gaya(d)
    for t in (pertama, kedua):
        assert all(tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None for tr in t.findall(qn("w:tr"))[:3])
        grid = [int(g.get(qn("w:w"))) for g in t.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")]
        _, kata, _ = tabel.kebutuhan_kolom(t, gaya, "Bookman Old Style")
        assert all(g >= k + tabel._margin_sel_twip(t) for g, k in zip(grid, kata)), (grid, kata)


@pytest.mark.parametrize("jenis", ["lampiran-iku", "dokumen-iku", "perjanjian-kinerja", "laporan-kinerja"])
def test_setiap_angka_tabel_data_templat_bawaan_dinyatakan(arsip_contoh, jenis):
    """The default templates declare every number their data tables print (the character style
    "Angka"): a body cell of the sample whose whole text is a number (a row number, a target, a
    realisation, a rupiah amount) is a declared number. A template edit that drops the style
    from a field makes this fail, before the layout starts measuring that column as words."""
    from iku import tabel

    d = docx.Document(str(arsip_contoh[jenis]))
    gaya = tabel._ukuran_gaya(d)
    diperiksa = 0
    for tbl in d.element.body.iter(qn("w:tbl")):
        induk = next(tbl.iterancestors(qn("w:tbl")), tbl)
        if not tabel.tabel_data(induk):
            continue
        for tr in tbl.findall(qn("w:tr")):
            if tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None:
                continue
            for p in tr.iter(qn("w:p")):
                kata = tabel.kata_paragraf(p, gaya.angka)
                if len(kata) == 1 and re.fullmatch(r"\d[\d.,]*%?", kata[0][0]):
                    assert kata[0][1], (jenis, kata[0][0])
                    diperiksa += 1
    assert diperiksa >= 2  # the Lampiran prints only its row numbers
