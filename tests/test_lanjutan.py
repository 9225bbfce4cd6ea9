"""A sasaran group that continues on a new page is named there, "<sasaran> (lanjutan)", above its
first continuing row, in every table that groups by sasaran (issue 18 item 15): the Lampiran,
the book, the PK and the LKjIP, in the DOCX and in LibreOffice's PDF."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from bantu import TEMPLATES, baris_iku, data_contoh, halaman_pdf, teks_docx, tulis_data
from iku import konfigurasi
from iku.buat import Permintaan, generate
from iku.pdf import ke_pdf

SASARAN = [
    "Meningkatnya Kualitas Perlindungan, Rehabilitasi dan Jaminan Sosial bagi Penyandang Masalah "
    "Kesejahteraan Sosial di Seluruh Wilayah Kabupaten",
    "Menurunnya Jumlah Penduduk Miskin dan Rentan Miskin melalui Pemberdayaan Sosial dan Ekonomi Keluarga",
    "Meningkatnya Akuntabilitas Kinerja dan Tata Kelola Keuangan Perangkat Daerah",
    "Meningkatnya Kapasitas Penanganan Bencana dan Kesiapsiagaan Masyarakat",
]
UKURAN_KELOMPOK = (12, 14, 6, 8)  # 40 rows
DOKUMEN = ("lampiran", "perjanjian-kinerja", "laporan-kinerja", "dokumen")


def instansi(n: int, kertas: str, tanda_tangan: str, huruf: str = "Bookman Old Style") -> dict:
    """n IKU rows (the sample's two rows in turn, IndikatorNN) in groups of long sasaran names."""
    data = data_contoh()
    contoh = data["iku"]
    baris: list[dict] = []
    for sasaran, jumlah in zip(SASARAN, UKURAN_KELOMPOK):
        for _ in range(jumlah):
            if len(baris) < n:
                b = copy.deepcopy(contoh[len(baris) % 2])
                b.update(sasaran=sasaran, indikator=f"Indikator{len(baris) + 1:02d} persentase layanan sosial dasar")
                baris.append(b)
    data["iku"] = baris
    data["format"]["kertas"] = kertas
    data["format"]["huruf"] = huruf
    if tanda_tangan != "basah":
        data["format"]["tanda_tangan"] = tanda_tangan
        data["tte"] = {"url_verifikasi": "https://tte.bulelengkab.go.id/cek/{nomor}"}
    return data


VARIAN = {
    "a4-basah": ("A4", "basah", "Bookman Old Style"),
    "f4-elektronik": ("F4", "elektronik", "Bookman Old Style"),
    "a4-elektronik-arial": ("A4", "elektronik", "Arial"),
    "f4-basah-times": ("F4", "basah", "Times New Roman"),
}


def _buat(folder: Path, data: dict) -> list[Path]:
    path = tulis_data(folder / "iku.toml", data)
    return generate(Permintaan(konfigurasi.baca(path), TEMPLATES, folder / "output"))


def _kelompok(nomor: int) -> int:
    batas = 0
    for i, jumlah in enumerate(UKURAN_KELOMPOK):
        batas += jumlah
        if nomor <= batas:
            return i
    raise AssertionError(nomor)


def periksa_halaman(teks: str) -> list[str]:
    """What is wrong on one page: a group continuing without its label before its first row
    there, or a "(lanjutan)" that labels no continuing group."""
    datar = " ".join(teks.split())
    salah = []
    pertama: dict[int, tuple[int, int]] = {}
    for m in re.finditer(r"Indikator(\d\d)\b", datar):
        pertama.setdefault(_kelompok(int(m.group(1))), (m.start(), int(m.group(1))))
    berlabel = 0
    for kelompok, (posisi, nomor) in pertama.items():
        if nomor == 1 or _kelompok(nomor - 1) != kelompok:
            continue  # the group starts on this page
        label = datar.find(f"{' '.join(SASARAN[kelompok].split())} (lanjutan)")
        if not 0 <= label < posisi:
            salah.append(f"Indikator{nomor:02d} melanjutkan sasaran {kelompok + 1} tanpa label di atasnya")
        berlabel += 1
    if datar.count("(lanjutan)") != berlabel:
        salah.append(f"{datar.count('(lanjutan)')} kali (lanjutan), {berlabel} kelompok berlanjut")
    return salah


def halaman_tabel(halaman: list[str]) -> list[tuple[int, str]]:
    """The pages that hold a table of IKU rows (its header), but the LKjIP's Tabel 3.5 and 3.6
    after their first page: they list every indicator in one run, not grouped by sasaran."""
    lewati: set[int] = set()
    awal = next((i for i, h in enumerate(halaman) if re.search(r"(?m)^\s*Tabel 3\.5", h)), None)
    if awal is not None:
        akhir = next(i for i, h in enumerate(halaman) if i > awal and re.search(r"(?m)^\s*LAMPIRAN", h))
        lewati = set(range(awal + 1, akhir))
    return [(i + 1, h) for i, h in enumerate(halaman) if i not in lewati and "INDIKATOR" in h]


@pytest.fixture(scope="module")
def pdf(tmp_path_factory) -> dict[tuple[str, str], list[str]]:
    folder = tmp_path_factory.mktemp("lanjutan")
    docx_: dict[tuple[str, str], Path] = {}
    for nama, (kertas, ttd, huruf) in VARIAN.items():
        ditulis = _buat(folder / nama, instansi(40, kertas, ttd, huruf))
        for jenis in DOKUMEN:
            asal = next(p for p in ditulis if p.name.startswith(jenis) and p.suffix == ".docx")
            docx_[nama, jenis] = folder / f"{nama}-{asal.name}"
            docx_[nama, jenis].write_bytes(asal.read_bytes())
    kunci = list(docx_)
    hasil = ke_pdf([docx_[k] for k in kunci], folder)
    return {k: halaman_pdf(p) for k, p in zip(kunci, hasil.berkas)}


@pytest.mark.pdf
@pytest.mark.parametrize("varian", list(VARIAN))
@pytest.mark.parametrize("jenis", DOKUMEN)
def test_kelompok_berlanjut_diberi_label_di_setiap_halaman(pdf, varian, jenis):
    halaman = halaman_tabel(pdf[varian, jenis])
    salah = [f"halaman {n}: {s}" for n, teks in halaman for s in periksa_halaman(teks)]
    assert not salah, salah
    berlanjut = sum("(lanjutan)" in teks for _, teks in halaman)
    assert berlanjut >= 1, "40 baris dalam empat kelompok tidak muat satu halaman: harus ada kelompok berlanjut"


@pytest.mark.pdf
def test_label_sebelum_baris_pertama_yang_berlanjut_di_lampiran(pdf):
    """The Lampiran's groups of 12 and 14 tall rows continue over several pages: every one of them."""
    halaman = pdf["a4-basah", "lampiran"]
    lanjut = [h for h in halaman if "(lanjutan)" in h]
    assert len(lanjut) >= 10, len(lanjut)
    assert all(periksa_halaman(h) == [] for h in halaman)


def test_periksa_halaman_menemukan_kelompok_tanpa_label():
    """The page check itself fails a continuing group without its label, and a stray label."""
    assert periksa_halaman("Indikator03 persentase layanan") != []
    assert periksa_halaman(f"{SASARAN[0]} (lanjutan) Indikator03 persentase layanan") == []
    assert periksa_halaman(f"Indikator03 persentase layanan {SASARAN[0]} (lanjutan)") != []
    assert periksa_halaman(f"{SASARAN[1]} (lanjutan) Indikator01 persentase layanan") != []


def test_docx_bagian_lanjutan_di_halaman_baru_dengan_kepala_dan_label(tmp_path):
    """In the DOCX (as Word reads it): each continuation is a table after a paragraph that
    starts a new page, with the template's header rows (repeating) and, where a group continues,
    the sasaran followed by "(lanjutan)" before its rows."""
    ditulis = _buat(tmp_path, instansi(40, "A4", "basah"))
    lampiran = next(p for p in ditulis if p.name.startswith("lampiran") and p.suffix == ".docx")
    body = docx.Document(str(lampiran)).element.body
    tabel = [t for t in body.iterchildren(qn("w:tbl")) if "SASARAN" in _teks(t)]
    assert len(tabel) > 5
    for tbl in tabel[1:]:
        pemisah = tbl.getprevious()
        assert pemisah.find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}") is not None
        baris = tbl.findall(qn("w:tr"))
        assert [tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None for tr in baris[:2]] == [True, True]
        label = _teks(baris[2])
        if "(lanjutan)" in label:
            assert label.endswith(" (lanjutan)") and label[: -len(" (lanjutan)")] in SASARAN
            assert "Indikator" in _teks(baris[3])
        else:  # a group starts the page: its own number and sasaran
            assert re.match(r"\d+\.(" + "|".join(map(re.escape, SASARAN)) + ")Indikator", label), label
    assert sum("(lanjutan)" in _teks(t) for t in tabel) >= 10


def _teks(e) -> str:
    return "".join(t.text or "" for t in e.iter(qn("w:t")))


def test_instansi_satu_baris_tanpa_lanjutan(tmp_path):
    ditulis = _buat(tmp_path, instansi(1, "A4", "basah"))
    for path in ditulis:
        if path.suffix == ".docx":
            assert not any("(lanjutan)" in t for t in teks_docx(path)), path.name


def test_impor_membaca_lampiran_bersambung(tmp_path):
    """iku impor reads a Lampiran broken by page (the continuation tables, their "(lanjutan)"
    rows) as one table: every row once, with its own sasaran."""
    from iku.impor.baca import baca
    from iku.impor.lampiran import baca_baris, cari_tabel

    ditulis = _buat(tmp_path, instansi(40, "A4", "basah"))
    lampiran = next(p for p in ditulis if p.name.startswith("lampiran") and p.suffix == ".docx")
    tabel = cari_tabel(baca(docx.Document(str(lampiran))))
    assert tabel is not None
    baris = baca_baris(tabel)
    assert [b.nilai["indikator"] for b in baris] == [
        f"Indikator{i:02d} persentase layanan sosial dasar" for i in range(1, 41)
    ]
    assert [b.nilai["sasaran"] for b in baris] == [SASARAN[_kelompok(i)] for i in range(1, 41)]


@pytest.mark.pdf
def test_lampiran_tidak_putus_terlalu_awal(tmp_path):
    """The sample's Lampiran with 40 rows of six lines (A4 landscape, Bookman): page 1 has room
    for two rows under the heading block and the title, a later page for five under its header
    rows and label. The header rows were measured with their merged cells counted in both rows,
    and "NOMOR<tab>:<tab>400.9/..." under the heading as one word wrapped over two lines: page 1
    held one row and each later page four, leaving a third of every page blank."""
    data = data_contoh()
    data["iku"] = baris_iku(40)
    ditulis = _buat(tmp_path, data)
    lampiran = next(p for p in ditulis if p.name.startswith("lampiran") and p.suffix == ".docx")
    halaman = halaman_pdf(ke_pdf([lampiran], tmp_path).berkas[0])
    per_halaman = [re.findall(r"Indikator(\d\d)", h) for h in halaman]
    assert len(per_halaman[0]) >= 2, per_halaman
    assert all(len(n) >= 5 for n in per_halaman[1:-1]), per_halaman
    for teks, nomor in zip(halaman[1:], per_halaman[1:]):  # a group of two continues where its second row leads
        assert ("(lanjutan)" in teks) == (int(nomor[0]) % 2 == 0), teks
