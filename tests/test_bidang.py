"""Complete fields and one zip entry per name, whatever template (Word- or LibreOffice-saved)."""

from __future__ import annotations

import collections
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from bantu import AKAR, TEMPLATES, data_contoh, jumlah_dokumen_contoh, perlu_alat, teks_paragraf, teks_pdf, tulis_data
from iku import konfigurasi
from iku.bidang import lengkapi_bidang
from iku.buat import Permintaan, generate
from iku.galat import PdfError
from iku.pdf import ke_pdf


@pytest.fixture(scope="module")
def templat_libreoffice(tmp_path_factory) -> Path:
    """The three default templates opened and saved again by LibreOffice, with no edits."""
    perlu_alat("soffice")
    folder = tmp_path_factory.mktemp("templat-lo")
    asal = sorted(TEMPLATES.glob("*.docx"))
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{folder}/profil",
            "--headless",
            "--convert-to",
            "docx",
            "--outdir",
            str(folder),
            *map(str, asal),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    assert sorted(p.name for p in folder.glob("*.docx")) == [p.name for p in asal]
    return folder


def buat(tmp_path: Path, templates: Path, pdf: bool = False) -> list[Path]:
    path = tulis_data(tmp_path / "iku.toml", data_contoh())
    return generate(Permintaan(konfigurasi.baca(path), templates, tmp_path / "output", pdf=pdf))


def nama_kembar(docx: Path) -> list[str]:
    return [n for n, c in collections.Counter(zipfile.ZipFile(docx).namelist()).items() if c > 1]


def tanda_bidang(docx: Path) -> list[str]:
    akar = parse_xml(zipfile.ZipFile(docx).read("word/document.xml"))
    return [e.get(qn("w:fldCharType")) for e in akar.iter(qn("w:fldChar"))]


def test_templat_gaya_word_satu_entri_per_nama(tmp_path):
    assert all("docProps/core.xml" in zipfile.ZipFile(t).namelist() for t in TEMPLATES.glob("*.docx"))
    for docx in (p for p in buat(tmp_path, TEMPLATES) if p.suffix == ".docx"):
        assert nama_kembar(docx) == [], docx.name
        periksa_properti_inti(docx)


@pytest.mark.pdf
def test_templat_libreoffice_satu_entri_per_nama_dan_properti_inti_sekali(tmp_path, templat_libreoffice):
    for docx in (p for p in buat(tmp_path, templat_libreoffice) if p.suffix == ".docx"):
        assert nama_kembar(docx) == [], docx.name
        periksa_properti_inti(docx)


NS_INTI = {
    "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "http://purl.org/dc/elements/1.1/",
    "http://purl.org/dc/terms/",
}


def periksa_properti_inti(docx: Path) -> None:
    """docProps/core.xml holds the decree's properties, each once, all in the core namespaces."""
    akar = parse_xml(zipfile.ZipFile(docx).read("docProps/core.xml"))
    tag = [e.tag for e in akar]
    assert len(tag) == len(set(tag)) and {t[1:].split("}")[0] for t in tag} <= NS_INTI, (docx.name, tag)
    nilai = {t.split("}")[1]: e.text for t, e in zip(tag, akar)}
    assert nilai["keywords"] == "IKU" and nilai["created"] == nilai["modified"], docx.name
    if docx.name.startswith(("perjanjian-kinerja", "laporan-kinerja")):  # own title and date (test_perjanjian_kinerja)
        return
    assert nilai["title"].startswith("Penetapan Indikator Kinerja Utama")
    assert nilai["created"] == "2022-03-22T00:00:00Z", docx.name


@pytest.mark.pdf
def test_daftar_isi_lengkap_dari_templat_libreoffice(tmp_path, templat_libreoffice):
    buku = next(p for p in buat(tmp_path, templat_libreoffice) if p.name.startswith("dokumen-iku"))
    assert tanda_bidang(buku) == ["begin", "separate", "end"]


@pytest.mark.pdf
def test_pdf_dari_templat_libreoffice(tmp_path, templat_libreoffice):
    pdf = [p for p in buat(tmp_path, templat_libreoffice, pdf=True) if p.suffix == ".pdf"]
    assert len(pdf) == jumlah_dokumen_contoh() and all(p.stat().st_size > 1000 for p in pdf)


def test_bidang_terbuka_ditutup_sesudah_entri_terakhir():
    gaya = '<w:pPr><w:pStyle w:val="TOC1"/></w:pPr>'
    body = parse_xml(
        f"<w:body {nsdecls('w')}>"
        f'<w:p>{gaya}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \\o "1-2" </w:instrText></w:r>'
        f'<w:r><w:fldChar w:fldCharType="separate"/></w:r></w:p>'
        f"<w:p>{gaya}<w:r><w:t>BAB I</w:t></w:r></w:p><w:p>{gaya}<w:r><w:t>BAB II</w:t></w:r></w:p>"
        f'<w:p><w:r><w:t>Isi</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:body>'
    )
    isi = body.findall(qn("w:p"))[3]
    isi.remove(isi.findall(qn("w:r"))[1])  # as LibreOffice's save and docxtpl leave it: no end
    lengkapi_bidang(body, {"TOC1"})
    akhir = [p for p in body.findall(qn("w:p")) if p.xpath('.//w:fldChar[@w:fldCharType="end"]')]
    assert [p.xpath("string(.)") for p in akhir] == ["BAB II"]


def test_tanda_akhir_tanpa_awal_dibuang():
    body = parse_xml(
        f'<w:body {nsdecls("w")}><w:p><w:r><w:t>a</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:body>'
    )
    lengkapi_bidang(body, set())
    assert not list(body.iter(qn("w:fldChar"))) and len(list(body.iter(qn("w:r")))) == 1


@pytest.mark.pdf
def test_pesan_pdf_menyebut_dokumen_bukan_folder_sementara(tmp_path):
    sementara = tmp_path / ".sedang-ditulis-2023-1-abc"
    sementara.mkdir()
    rusak = sementara / "dokumen-iku-contoh-2023.docx"
    with zipfile.ZipFile(rusak, "w") as z:
        z.writestr("[Content_Types].xml", "bukan xml")
    with pytest.raises(PdfError) as galat:
        ke_pdf([rusak], sementara)
    pesan = str(galat.value)
    assert "dokumen-iku-contoh-2023.docx" in pesan and ".sedang-ditulis" not in pesan, pesan
    shutil.rmtree(sementara)


def entri_daftar_isi(docx: Path) -> list[str]:
    """The paragraphs of the Daftar Isi field's result, from its begin to its end mark, with text."""
    akar = parse_xml(zipfile.ZipFile(docx).read("word/document.xml"))
    hasil, di_dalam = [], False
    for p in akar.iter(qn("w:p")):
        tanda = [e.get(qn("w:fldCharType")) for e in p.iter(qn("w:fldChar"))]
        di_dalam = di_dalam or "begin" in tanda
        if di_dalam and teks_paragraf(p).strip():
            hasil.append(teks_paragraf(p))
        if di_dalam and "end" in tanda:
            return hasil
    return hasil


def test_daftar_isi_tanpa_pdf_berisi_entri(tmp_path):
    buku = next(p for p in buat(tmp_path, TEMPLATES) if p.name.startswith("dokumen-iku"))
    entri = entri_daftar_isi(buku)
    assert [e.split("\t")[0] for e in entri][:3] == ["KATA PENGANTAR", "DAFTAR ISI", "BAB I PENDAHULUAN"]
    assert entri[-1].startswith("LAMPIRAN")


def halaman_bernomor(pdf: Path) -> dict[str, list[str]]:
    """The PDF's pages by the page number printed at their foot (the last line), each page's lines
    with their spaces collapsed."""
    hasil = {}
    for halaman in teks_pdf(pdf, layout=True).split("\f"):
        baris = [" ".join(b.split()) for b in halaman.splitlines() if b.strip()]
        if baris:
            hasil.setdefault(baris[-1], baris)
    return hasil


@pytest.mark.pdf
def test_daftar_isi_docx_bernomor_halaman_seperti_pdf(tmp_path):
    """The page numbers the DOCX's Daftar Isi shows (book and LKjIP) are the PDF's: each entry
    is printed as that number in the PDF's own table of contents, and its heading stands on the
    PDF page whose foot carries that number."""
    ditulis = buat(tmp_path, TEMPLATES, pdf=True)
    buku = next(p for p in ditulis if p.name.startswith("dokumen-iku") and p.suffix == ".docx")
    lkjip = next(p for p in ditulis if p.name.startswith("laporan-kinerja") and p.suffix == ".docx")
    for docx, jumlah in ((buku, 12), (lkjip, 15)):
        entri = [e.split("\t") for e in entri_daftar_isi(docx)]
        assert len(entri) == jumlah and all(len(e) == 2 and re.fullmatch(r"[ivx]+|\d+", e[1]) for e in entri), entri
        pdf = " ".join(teks_pdf(docx.with_suffix(".pdf")).split())
        per_nomor = halaman_bernomor(docx.with_suffix(".pdf"))
        for judul, halaman in entri:
            assert re.search(re.escape(judul) + r"\s*\.{3,}\s*" + halaman + r"\b", pdf), (judul, halaman)
            assert " ".join(judul.split()) in per_nomor[halaman], (docx.name, judul, halaman)
    assert (
        subprocess.run(
            [sys.executable, "-m", "iku.cli", "verify", str(buku.parent)], cwd=AKAR, capture_output=True
        ).returncode
        == 0
    )  # the manifest holds the numbered DOCX
