"""Pages a Kepala Dinas can sign: no page holds only a heading, a title or a signature (in the PDF)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bantu import TEMPLATES, baris_iku, data_contoh, halaman_pdf, tulis_data
from iku import konfigurasi
from iku.buat import Permintaan, generate
from iku.pdf import ke_pdf

pytestmark = pytest.mark.pdf

TIGA_PERATURAN = (
    "Sesuai dengan:\n"
    "1. Undang-Undang Nomor 13 Tahun 2011 tentang Penanganan Fakir Miskin yang dibaca bersama perubahannya\n"
    "2. Peraturan Pemerintah Nomor 39 Tahun 2012 tentang Penyelenggaraan Kesejahteraan Sosial beserta perubahannya\n"
    "3. Peraturan Menteri Sosial Nomor 3 Tahun 2021 tentang Pengelolaan Data Terpadu Kesejahteraan Sosial\n"
) * 2


def varian() -> dict[str, dict]:
    hasil = {}
    for n in (6, 7, 11, 12):
        data = data_contoh()
        data["iku"] = baris_iku(n)
        hasil[f"{n}-baris"] = data
    data = data_contoh()
    data["iku"] = baris_iku(6)
    data["iku"][-1]["alasan"] = "Panjang " * 100
    hasil["baris-tinggi"] = data
    data = data_contoh()
    data["format"]["kertas"] = "F4"
    data["iku"] = baris_iku(3)
    data["iku"][0]["alasan"] = TIGA_PERATURAN
    hasil["f4-tiga-peraturan"] = data
    return hasil


# Which documents of each variant go to PDF (all in one LibreOffice run).
DIUBAH = {
    "6-baris": ("lampiran", "bundel", "dokumen"),
    "baris-tinggi": ("lampiran", "bundel"),
    "f4-tiga-peraturan": ("lampiran", "dokumen"),
}


@pytest.fixture(scope="module")
def pdf(tmp_path_factory) -> dict[tuple[str, str], list[str]]:
    """(variant, document) -> the text of each page of its PDF."""
    folder = tmp_path_factory.mktemp("halaman")
    docx: dict[tuple[str, str], Path] = {}
    for nama, data in varian().items():
        path = tulis_data(folder / nama / "iku.toml", data)
        ditulis = generate(Permintaan(konfigurasi.baca(path), TEMPLATES, folder / nama / "output"))
        for jenis in DIUBAH.get(nama, ("lampiran",)):
            asal = next(p for p in ditulis if p.name.startswith(jenis) and p.suffix == ".docx")
            docx[nama, jenis] = folder / f"{nama}-{asal.name}"  # one name per variant: one folder of PDFs
            docx[nama, jenis].write_bytes(asal.read_bytes())
    kunci = list(docx)
    hasil = ke_pdf([docx[k] for k in kunci], folder)
    return {k: halaman_pdf(p) for k, p in zip(kunci, hasil.berkas)}


def halaman_tanda_tangan(halaman: list[str]) -> str:
    return [h for h in halaman if "NIP. 19691231" in h][-1]


@pytest.mark.parametrize("nama, terakhir", [("6-baris", 6), ("7-baris", 7), ("11-baris", 11), ("12-baris", 12)])
def test_tanda_tangan_lampiran_sehalaman_dengan_baris_terakhir(pdf, nama, terakhir):
    halaman = halaman_tanda_tangan(pdf[nama, "lampiran"])
    assert f"Indikator{terakhir:02d}" in halaman, halaman


@pytest.mark.parametrize("jenis", ["bundel", "dokumen"])
def test_tanda_tangan_lampiran_di_bundel_dan_buku(pdf, jenis):
    assert "Indikator06" in halaman_tanda_tangan(pdf["6-baris", jenis])


@pytest.mark.parametrize("jenis", ["lampiran", "bundel"])
def test_baris_sangat_tinggi_terbelah_dan_tanda_tangan_tidak_sendiri(pdf, jenis):
    halaman = halaman_tanda_tangan(pdf["baris-tinggi", jenis])
    assert "Panjang" in halaman, halaman


@pytest.mark.parametrize("jenis", ["lampiran", "dokumen"])
def test_judul_lampiran_tidak_sendiri_di_halamannya(pdf, jenis):
    halaman = pdf["f4-tiga-peraturan", jenis]
    judul = next(h for h in halaman if "INDIKATOR KINERJA UTAMA (IKU)" in h and "TANGGAL" in h)
    assert "Indikator01" in judul and "Sesuai dengan:" in judul, judul


def test_pecahan_bersusun_diukur_di_lebar_selnya_sendiri():
    """A stacked fraction (a table nested in a cell) wraps in its own narrow cells: "Jumlah PMKS
    yang tertangani" in 1000 twips takes several lines. It was measured in the outer cell's
    width, the row predicted shorter than it printed, and a continuing group's row was pushed
    onto the next page without its "(lanjutan)" label (the book's Tabel 2.2.1 in Arial)."""
    import docx
    from docx.shared import Twips

    from iku.halaman import tinggi_baris_twip
    from iku.huruf import tinggi_satu_baris_twip
    from iku.tabel import _ukuran_gaya

    d = docx.Document()
    luar = d.add_table(rows=1, cols=1)
    sel = luar.cell(0, 0)
    sel.width = Twips(4000)
    sel.paragraphs[0].text = "Rumus"
    dalam = sel.add_table(rows=2, cols=1)
    for i, teks in enumerate(("Jumlah PMKS yang tertangani oleh dinas", "Jumlah PMKS yang ada")):
        dalam.cell(i, 0).width = Twips(1000)
        dalam.cell(i, 0).paragraphs[0].text = teks
    satu = tinggi_satu_baris_twip(11, "Arial")  # python-docx's default template: 11 pt
    tinggi = tinggi_baris_twip(luar._tbl, luar._tbl.tr_lst[0], _ukuran_gaya(d), "Arial")
    assert tinggi >= 7 * satu, (tinggi, satu)  # "Rumus", then 3 + 3 lines at least in 1000 twips


@pytest.mark.pdf
def test_tanda_tangan_pk_tidak_sendirian_dengan_nama_panjang(tmp_path: Path) -> None:
    """A PK whose agency and signer have long names fills page 1: its two-party signature table
    went alone to page 2. Every paragraph of the agreement kept with the next, taken for the
    "title" of the signature table, a chain LibreOffice gives up; only the last paragraph keeps
    with the signature (rapi.tanda_tangan_tidak_sendiri)."""
    import docx as python_docx
    import instansi_bentuk

    data = data_contoh()
    instansi_bentuk._instansi(
        data,
        "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana "
        "Kabupaten Buleleng",
        "Kepala",
    )
    data["penandatangan"]["nama"] = "Dr. Ir. I Gusti Ngurah Bagus Kusumaningratmadewanegara, S.T., M.T., M.Si."
    ditulis = generate(Permintaan(konfigurasi.baca(tulis_data(tmp_path / "iku.toml", data)), TEMPLATES, tmp_path))
    pk = next(p for p in ditulis if p.name.startswith("perjanjian-kinerja") and p.suffix == ".docx")
    isi = [p for p in python_docx.Document(str(pk)).paragraphs if p.text.startswith("Pihak pertama berjanji")]
    assert isi and not isi[0].paragraph_format.keep_with_next
    halaman = halaman_pdf(ke_pdf([pk], tmp_path / "pdf").berkas[0])
    ttd = next(h for h in halaman if "Pihak Pertama" in h)
    assert "Pihak kedua akan melakukan supervisi" in " ".join(ttd.split()), ttd


@pytest.mark.pdf
def test_buku_tanpa_halaman_kosong_sesudah_keputusan_elektronik(tmp_path: Path) -> None:
    """The book of a one-row agency signed electronically: the Keputusan's QR block ends at the
    foot of its page, and the empty paragraph that closes its section (after the signature
    table, at normal height) went to a page of its own: a blank page "- 3 -" before the Lampiran."""
    data = data_contoh()
    data["iku"] = data["iku"][:1]
    data["format"]["tanda_tangan"] = "elektronik"
    ditulis = generate(Permintaan(konfigurasi.baca(tulis_data(tmp_path / "iku.toml", data)), TEMPLATES, tmp_path))
    buku = next(p for p in ditulis if p.name.startswith("dokumen-iku") and p.suffix == ".docx")
    halaman = halaman_pdf(ke_pdf([buku], tmp_path / "pdf").berkas[0])
    kaki = "dokumen elektronik dan/atau hasil cetaknya"
    kosong = [
        i + 1
        for i, h in enumerate(halaman)
        if len(
            [b for b in h.splitlines() if b.strip() and kaki not in b and "Dokumen ini" not in b and "BSrE" not in b]
        )
        <= 1
    ]
    assert not kosong, [halaman[i - 1] for i in kosong]
