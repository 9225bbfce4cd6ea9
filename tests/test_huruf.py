"""Text measurement with the fonts LibreOffice prints with, checked against LibreOffice's PDF,
on agencies of several shapes (issue 19 §1, issue 18 items 19-20, issue 17 item 19)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn
from instansi_bentuk import BENTUK, tulis_bentuk

from bantu import TEMPLATES, jalankan_generate, salin_config, teks_docx, teks_paragraf
from iku import huruf, tabel, tte
from iku.cli import main

TAK_ADA = "\U0001fae0"  # "melting face" (Unicode 14): no font of this machine draws it


def test_nama_huruf_ke_pengganti_linux():
    assert huruf.berkas_huruf("Arial").name == "LiberationSans-Regular.ttf"
    assert huruf.berkas_huruf("Arial", tebal=True).name == "LiberationSans-Bold.ttf"
    assert huruf.berkas_huruf("Times New Roman").name == "LiberationSerif-Regular.ttf"
    assert huruf.berkas_huruf("Bookman Old Style").name.startswith("URWBookman-Light")
    assert huruf.berkas_huruf("Bookman Old Style", tebal=True).name.startswith("URWBookman-Demi")


def test_lebar_dari_metrik_huruf():
    # Arial's (and Liberation Sans') digits advance 1139/2048 em; URW Bookman Light's 620/1000
    assert huruf.lebar_teks_twip("0123456789", 10, "Arial") == round(10 * 1139 / 2048 * 10 * 20)
    assert huruf.lebar_teks_twip("2025", 10, "Bookman Old Style") == round(4 * 0.620 * 10 * 20)
    assert huruf.lebar_teks_twip("Penganggaran", 7, "Bookman Old Style", tebal=True) > huruf.lebar_teks_twip(
        "Penganggaran", 7, "Bookman Old Style"
    )
    # a character the font lacks is measured in the last-resort font, not as nothing
    assert huruf.lebar_teks_twip("\u1b05", 12, "Arial") > 0


def test_huruf_tak_tercetak_diperingatkan_dengan_kunci(tmp_path):
    assert huruf.ada_huruf_lain_untuk(TAK_ADA) is False  # the premise: fontconfig knows no font for it
    path = salin_config(
        tmp_path / "iku.toml",
        {'nama = "I Putu': f'nama = "I Putu Kariaman Putra {TAK_ADA}, S.Sos, MM"'},
    )
    cek = CliRunner().invoke(main, ["check", "--config", str(path), "--templates", str(TEMPLATES)])
    assert "[penandatangan.nama]" in cek.output and "U+1FAE0" in cek.output, cek.output
    assert "kotak kosong" in cek.output
    hasil = CliRunner().invoke(
        main, ["generate", "--config", str(path), "--templates", str(TEMPLATES), "--output", str(tmp_path / "o")]
    )
    assert hasil.exit_code == 0 and "[penandatangan.nama]" in hasil.output and "U+1FAE0" in hasil.output


def test_huruf_latin_beraksen_tidak_diperingatkan(tmp_path):
    path = salin_config(tmp_path / "iku.toml", {'nama = "I Putu': 'nama = "I Putu Kariaman Putra Négara, S.Sos, MM"'})
    cek = CliRunner().invoke(main, ["check", "--config", str(path), "--templates", str(TEMPLATES)])
    assert "kotak kosong" not in cek.output, cek.output
    assert huruf.tak_tergambar(f"Négara ᬅ {TAK_ADA}", "Bookman Old Style") == [TAK_ADA]


# ---------------------------------------------------------------- against LibreOffice's PDF


@pytest.fixture(scope="module")
def bentuk_pdf(tmp_path_factory) -> dict[str, tuple[Path, Path]]:
    """Each agency shape generated with --pdf: name -> (config, year folder)."""
    hasil = {}
    for nama in BENTUK:
        folder = tmp_path_factory.mktemp(nama)
        config = tulis_bentuk(nama, folder)
        jalan = jalankan_generate("--config", str(config), "--output", str(folder / "out"), "--pdf")
        assert jalan.returncode == 0, jalan.stderr
        hasil[nama] = (config, folder / "out" / "2023")
    return hasil


def _baris_pdf(pdf: Path) -> list[str]:
    teks = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [b.strip() for b in teks.splitlines()]


def _kosakata(docx_path: Path) -> set[str]:
    """Every word and number of the document as the DOCX holds it (a broken word is none of them)."""
    kata: set[str] = set()
    for teks in teks_docx(docx_path):
        kata.update(re.findall(r"[A-Za-z]+(?:-[A-Za-z0-9]+)*", teks) + re.findall(r"[A-Za-z0-9]+(?:[.,][0-9]+)*", teks))
    return kata


def kata_patah(pdf: Path, kosakata: set[str]) -> list[str]:
    """Line ends that break a word or a number: "Penganggar|an" (its pieces joined make a word of
    the document, the first piece is none), or a short code broken at its hyphen ("PBB-|P2")."""
    patah = []
    baris = _baris_pdf(pdf)
    for a, b in zip(baris, baris[1:]):
        if not a or not b:
            continue
        akhir, awal = re.sub(r"^[^\w.,]+", "", a.split()[-1]), re.sub(r"[^\w.,]+$", "", b.split()[0])
        if akhir.endswith("-"):
            if re.fullmatch(r"[A-Z]{2,5}-", akhir) and re.fullmatch(r"[A-Z0-9]{1,4}", awal):
                patah.append(f"{akhir}|{awal}")
            continue
        akhir = re.sub(r"[^\w.,]+$", "", akhir)
        if akhir and awal and akhir + awal in kosakata and akhir not in kosakata:
            patah.append(f"{akhir}|{awal}")
    # pdftotext joins a line ending in a hyphen with the next line and drops the hyphen
    token = {re.sub(r"^\W+|\W+$", "", t) for b in baris for t in b.split()}
    for kata in sorted(kosakata):
        if re.fullmatch(r"[A-Z]{2,5}-[A-Z0-9]{1,4}", kata) and kata.replace("-", "") in token - kosakata:
            patah.append(kata.replace("-", "-|"))
    return patah


@pytest.mark.pdf
@pytest.mark.parametrize("nama", list(BENTUK))
def test_tidak_ada_kata_terpotong_di_pdf(bentuk_pdf, nama):
    _, folder = bentuk_pdf[nama]
    for awalan in ("lampiran-iku-", "dokumen-iku-", "perjanjian-kinerja-"):
        (pdf,) = folder.glob(f"{awalan}*.pdf")
        assert kata_patah(pdf, _kosakata(pdf.with_suffix(".docx"))) == [], pdf.name


def test_pendeteksi_kata_patah_menemukan_potongan(tmp_path):
    """The detector itself finds what it is for (a detector that never fires proves nothing)."""
    from docx import Document

    d = Document()
    d.add_paragraph("Bagian Persidanga\nn dan Penganggaran PBB-\nP2 SATUA\nN 9.919.562.00\n0 yang\nada")
    path = tmp_path / "patah.docx"
    d.save(str(path))
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        capture_output=True,
        check=True,
        timeout=300,
    )
    kosakata = {"Persidangan", "Penganggaran", "PBB-P2", "SATUAN", "9.919.562.000", "yang", "ada"}
    assert kata_patah(tmp_path / "patah.pdf", kosakata) == ["Persidanga|n", "SATUA|N", "9.919.562.00|0", "PBB-|P2"]


def _sel_teks(path: Path) -> list[tuple[str, int, int, bool]]:
    """(text, width in twips for the text, font size in half-points, bold) of each one-paragraph
    cell of the first table of a document, nested tables left out."""
    d = docx.Document(str(path))
    gaya = tabel._ukuran_gaya(d)
    tbl = d.tables[0]._tbl
    margin = tabel._margin_sel_twip(tbl)
    hasil = []
    for tc in tbl.iter(qn("w:tc")):
        if next(tc.iterancestors(qn("w:tbl"))) is not tbl or tc.find(f".//{qn('w:tbl')}") is not None:
            continue
        paragraf = [p for p in tc.findall(qn("w:p")) if teks_paragraf(p).strip()]
        lebar = tabel._lebar_sel(tc)
        if len(paragraf) != 1 or lebar is None or "\n" in teks_paragraf(paragraf[0]):
            continue
        ukuran, tebal = tabel._huruf_paragraf(paragraf[0], gaya)
        hasil.append((teks_paragraf(paragraf[0]).strip(), lebar - margin, ukuran, tebal))
    return hasil


def _baris_di_pdf(teks: str, baris: list[str]) -> int | None:
    """How many consecutive PDF lines make up teks (None when it is not found whole)."""
    for i, awal in enumerate(baris):
        if not awal or not teks.startswith(awal):
            continue
        gabung, n = awal, 1
        while len(gabung) < len(teks) and i + n < len(baris):
            gabung += (" " if not gabung.endswith("-") else "") + baris[i + n]
            n += 1
        if gabung == teks:
            return n
    return None


@pytest.mark.pdf
@pytest.mark.parametrize("nama", list(BENTUK))
def test_ramalan_jumlah_baris_sama_dengan_pdf(bentuk_pdf, nama):
    """The program's line-break prediction at the widths it computed is LibreOffice's."""
    _, folder = bentuk_pdf[nama]
    huruf_ = BENTUK[nama]()["format"]["huruf"]
    dibanding = 0
    for awalan in ("lampiran-iku-", "perjanjian-kinerja-"):
        (path,) = folder.glob(f"{awalan}*.docx")
        baris = _baris_pdf(path.with_suffix(".pdf"))
        for teks, lebar, ukuran, tebal in _sel_teks(path):
            ada = _baris_di_pdf(teks, baris)
            if ada is None or len(teks.split()) < 2:
                continue
            assert huruf.jumlah_baris(teks, lebar, ukuran / 2, huruf_, tebal) == ada, (path.name, teks, lebar)
            dibanding += 1
    assert dibanding >= 5


@pytest.mark.pdf
@pytest.mark.parametrize("nama", list(BENTUK))
def test_pecahan_tidak_terbelah_di_pdf(bentuk_pdf, nama):
    """Numerator, denominator and multiplier of the first row's fraction on one page."""
    data = BENTUK[nama]()
    _, folder = bentuk_pdf[nama]
    (pdf,) = folder.glob("lampiran-iku-*.pdf")
    pecahan = data["iku"][0]["formulasi"]
    halaman = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    halaman = [" ".join(h.split()) for h in halaman.split("\f")]
    bagian = [" ".join(pecahan["pembilang"].split()[-2:]), " ".join(pecahan["penyebut"].split()[-2:]), "× 100%"]
    letak = [next((i for i, h in enumerate(halaman) if b in h), None) for b in bagian]
    assert None not in letak and len(set(letak)) == 1, (bagian, letak)


@pytest.mark.pdf
@pytest.mark.parametrize("nama", [n for n in BENTUK if n != "dprd-a4-judul-panjang"])
def test_lampiran_judul_dan_tanda_tangan_tidak_sendirian(bentuk_pdf, nama):
    """The first IKU row starts on the title's page (split when it cannot fit there whole), and the
    signature shares its page with the end of the table: no page holds only a title or a signature.
    (Where even the row's stacked fraction cannot fit under a five-line TENTANG, as in
    dprd-a4-judul-panjang, the row goes whole to page 2: a fraction never splits.)"""
    data = BENTUK[nama]()
    _, folder = bentuk_pdf[nama]
    (pdf,) = folder.glob("lampiran-iku-*.pdf")
    halaman = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    halaman = [" ".join(h.split()) for h in halaman.split("\f") if h.strip()]
    assert " ".join(data["iku"][0]["indikator"].split()[:2]) in halaman[0]
    nip = "NIP. " + data["penandatangan"]["nip"][:8]
    terakhir = next(i for i, h in enumerate(halaman) if nip in h)
    sebelum_jabatan = halaman[terakhir].split(data["penandatangan"]["jabatan"].split()[0])[0]
    kepala = {"NO", "SASARAN", "STRATEGIS", "INDIKATOR", "KINERJA", "UTAMA", "SATUAN", "PENJELASAN", "ALASAN"}
    kepala |= {"FORMULASI/", "CARA", "PENGUKURAN", "SUMBER", "DATA", "KETERANGAN/", "KRITERIA", "-", str(terakhir + 1)}
    kepala |= set(tte.TEKS_ELEKTRONIK.split())  # the electronic layout's line above the jabatan is the block's own
    assert set(sebelum_jabatan.split()) - kepala, f"halaman {terakhir + 1} hanya memuat tanda tangan"


def test_pengali_di_samping_garis_pecahan(tmp_path):
    """Numerator and denominator take the same height (the shorter given space away from the
    bar), so the multiplier, centred in its cell, stands beside the bar."""
    config = tulis_bentuk("dprd-a4", tmp_path)
    hasil = CliRunner().invoke(main, ["generate", "--config", str(config), "--output", str(tmp_path / "o")])
    assert hasil.exit_code == 0, hasil.output
    (path,) = (tmp_path / "o" / "2023").glob("lampiran-iku-*.docx")
    d = docx.Document(str(path))
    gaya = tabel._ukuran_gaya(d)
    bersarang = [t for t in d.element.body.iter(qn("w:tbl")) if t.getparent().tag == qn("w:tc")]
    assert bersarang
    for t in bersarang:
        sel = t.find(qn("w:tr")).findall(qn("w:tc"))
        pembilang, penyebut = sel[0].findall(qn("w:p"))
        lebar = tabel._lebar_sel(sel[0]) - tabel._margin_sel_twip(t)
        tinggi = []
        for p, sisi in ((pembilang, "before"), (penyebut, "after")):
            ukuran, tebal = tabel._huruf_paragraf(p, gaya)
            baris = huruf.jumlah_baris(teks_paragraf(p), lebar, ukuran / 2, "Bookman Old Style", tebal)
            spasi = p.find(f"{qn('w:pPr')}/{qn('w:spacing')}")
            tambahan = int(spasi.get(qn(f"w:{sisi}"), "0")) if spasi is not None else 0
            tinggi.append(baris * huruf.tinggi_satu_baris_twip(ukuran / 2, "Bookman Old Style", tebal) + tambahan)
        assert tinggi[0] == tinggi[1] and tinggi[0] > 0
        assert sel[1].find(f"{qn('w:tcPr')}/{qn('w:vAlign')}").get(qn("w:val")) == "center"
    assert any(
        int(p.find(f"{qn('w:pPr')}/{qn('w:spacing')}").get(qn("w:after"), "0")) > 0
        for t in bersarang
        for p in t.find(qn("w:tr")).find(qn("w:tc")).findall(qn("w:p"))[1:]
        if p.find(f"{qn('w:pPr')}/{qn('w:spacing')}") is not None
    ) or any(
        int(p.find(f"{qn('w:pPr')}/{qn('w:spacing')}").get(qn("w:before"), "0")) > 0
        for t in bersarang
        for p in t.find(qn("w:tr")).find(qn("w:tc")).findall(qn("w:p"))[:1]
        if p.find(f"{qn('w:pPr')}/{qn('w:spacing')}") is not None
    )


@pytest.mark.parametrize("nama", ["dprd-a4", "bappeda-f4", "kecamatan-f4"])
def test_kolom_kosong_memberi_ruang_kepada_kolom_teks(tmp_path, nama):
    """An unused KETERANGAN column shrinks to its bold header's longest word; the room goes to
    the columns whose text wraps (agencies of several shapes, fonts and papers)."""
    huruf_ = BENTUK[nama]()["format"]["huruf"]
    config = tulis_bentuk(nama, tmp_path)
    hasil = CliRunner().invoke(main, ["generate", "--config", str(config), "--output", str(tmp_path / "o")])
    assert hasil.exit_code == 0, hasil.output
    (path,) = (tmp_path / "o" / "2023").glob("lampiran-iku-*.docx")
    d = docx.Document(str(path))
    t = d.tables[0]._tbl
    grid = [int(g.get(qn("w:w"))) for g in t.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")]
    _, kata, _ = tabel.kebutuhan_kolom(t, tabel._ukuran_gaya(d), huruf_)
    tepi = tabel._margin_sel_twip(t) + tabel.SELA_TWIP
    kepala = huruf.lebar_teks_twip("KETERANGAN/", 8, huruf_, tebal=True)
    assert kata[-1] >= kepala and grid[-1] == kata[-1] + tepi  # bold header word, not less
    assert all(g >= k + tabel._margin_sel_twip(t) for g, k in zip(grid, kata))
    templat = docx.Document(str(TEMPLATES / "lampiran.docx")).tables[0]._tbl
    asal = [int(g.get(qn("w:w"))) for g in templat.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")]
    teks = [1, 2, 4, 5, 6]  # SASARAN, INDIKATOR, ALASAN, FORMULASI, SUMBER DATA: their text wraps
    assert grid[-1] < asal[-1] and sum(grid[i] for i in teks) - sum(asal[i] for i in teks) >= asal[-1] - grid[-1]
