"""`iku tandatangani` (PAdES with the agency's .p12) and `iku verify` on signed PDFs."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from bantu import buat_sertifikat, jumlah_dokumen_contoh
from iku import manifes, periksa_ttd, tandatangani
from iku.cli import main
from iku.daftar_arsip import periksa_arsip
from iku.galat import ArsipTidakCocok, TandaTanganError

pytestmark = pytest.mark.pdf

SANDI = b"rahasia-dinas"
KEPUTUSAN = "keputusan-iku-dinas-sosial-kabupaten-buleleng-2023"


@pytest.fixture(scope="module")
def sertifikat(tmp_path_factory) -> Path:
    return buat_sertifikat(tmp_path_factory.mktemp("sertifikat") / "kadis.p12", SANDI)


@pytest.fixture
def arsip(arsip_elektronik_pdf, tmp_path) -> Path:
    """A copy of the archived year (four PDF/A among the files) for one test to change."""
    return Path(shutil.copytree(arsip_elektronik_pdf, tmp_path / "2023"))


def isi_folder(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def bidang_tanda_tangan(pdf: Path, nama: str = tandatangani.NAMA_BIDANG) -> tuple[int, list[float]]:
    """Page index and rectangle of a signature field of a signed PDF."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    r = PdfFileReader(io.BytesIO(pdf.read_bytes()))
    bidang = next(f.get_object() for f in r.root["/AcroForm"]["/Fields"] if f.get_object()["/T"] == nama)
    nomor = _daftar_halaman(r.root.raw_get("/Pages")).index(bidang.raw_get("/P").idnum)
    return nomor, [float(x) for x in bidang["/Rect"]]


def _daftar_halaman(simpul) -> list[int]:
    """Object numbers of the pages, in order, walking the page tree."""
    objek = simpul.get_object()
    if objek["/Type"] == "/Page":
        return [simpul.idnum]
    return [n for anak in objek.raw_get("/Kids") for n in _daftar_halaman(anak)]


def test_menandatangani_setiap_pdf_dan_tanda_tangan_sah(arsip, sertifikat):
    pdf = sorted(arsip.glob("*.pdf"))
    ditulis = tandatangani.tandatangani(arsip, sertifikat, SANDI).berkas
    assert [p.name for p in ditulis] == [p.name[:-4] + "-ttd.pdf" for p in pdf]
    cocok, ttd = periksa_arsip(arsip)
    assert {p.name for p in ditulis} <= set(cocok)  # the manifest covers the signed copies
    assert [h.berkas for h in ttd] == ditulis
    assert all(h.utuh and h.penanda == "I Putu Kariaman Putra" and h.waktu is not None for h in ttd)
    catatan = json.loads((arsip / manifes.NAMA).read_text(encoding="utf-8"))["sha256"]
    assert all(catatan[p.name] == manifes.sha256(p) for p in ditulis)


def kata_halaman(pdf: Path, halaman: int) -> list[tuple[float, float, float, float, str]]:
    """The words of a page (index from 0): x0, y0, x1, y1 in PDF points, origin bottom left."""
    tinggi = float(re.search(r"Page +\d+ size:\s+[\d.]+ x ([\d.]+)", _pdfinfo(pdf, halaman)).group(1))
    xml = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(halaman + 1), "-l", str(halaman + 1), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pola = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    return [(float(a), tinggi - float(d), float(c), tinggi - float(b), t) for a, b, c, d, t in re.findall(pola, xml)]


def _pdfinfo(pdf: Path, halaman: int) -> str:
    nomor = str(halaman + 1)
    return subprocess.run(["pdfinfo", "-f", nomor, "-l", nomor, str(pdf)], capture_output=True, text=True).stdout


def gambar_halaman(pdf: Path, halaman: int) -> list[tuple[float, float, float, float]]:
    """Boxes of the pictures drawn on a page (PDF points): the matrices before each "Do" of its content."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    r = PdfFileReader(io.BytesIO(pdf.read_bytes()))
    isi = _objek_halaman(r.root["/Pages"])[halaman]["/Contents"]
    data = b"".join(x.get_object().data for x in isi) if isinstance(isi, list) else isi.get_object().data
    kotak = []
    for a, _b, _c, d, e, f in re.findall(
        rb"([\d.-]+) ([\d.-]+) ([\d.-]+) ([\d.-]+) ([\d.-]+) ([\d.-]+) cm\s*/Im\w+ Do", data
    ):
        x0, y0 = float(e), float(f)
        kotak.append((x0, y0, x0 + float(a), y0 + float(d)))
    return kotak


def _objek_halaman(simpul) -> list:
    objek = simpul.get_object()
    if objek["/Type"] == "/Page":
        return [objek]
    return [h for anak in objek["/Kids"] for h in _objek_halaman(anak)]


def bertumpuk(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def periksa_kotak_di_ruang(asli: Path, bertanda: Path, bidang: str = tandatangani.NAMA_BIDANG) -> list[float]:
    """The visible box stands in the reserved space: over no word and no picture, inside the margins."""
    halaman, kotak = bidang_tanda_tangan(bertanda, bidang)
    assert kotak[2] - kotak[0] >= 90 and kotak[3] - kotak[1] >= 24, kotak
    lebar = float(re.search(r"Page +\d+ size:\s+([\d.]+)", _pdfinfo(asli, halaman)).group(1))
    assert kotak[0] >= tandatangani.TEPI_HALAMAN - 1 and kotak[2] <= lebar - tandatangani.TEPI_HALAMAN + 1
    kena = [k for k in kata_halaman(asli, halaman) if bertumpuk(kotak, k)]
    assert not kena, (asli.name, kotak, kena)
    assert not [g for g in gambar_halaman(asli, halaman) if bertumpuk(kotak, g)], asli.name
    return kotak


def test_kotak_tanda_tangan_di_ruang_yang_disediakan(arsip, sertifikat):
    hasil = tandatangani.tandatangani(arsip, sertifikat, SANDI)
    assert not hasil.peringatan
    for bertanda in hasil.berkas:
        asli = bertanda.with_name(bertanda.name.replace("-ttd", ""))
        periksa_kotak_di_ruang(asli, bertanda)
    halaman, (x0, y0, x1, y1) = bidang_tanda_tangan(arsip / f"{KEPUTUSAN}-ttd.pdf")
    kata = kata_halaman(arsip / f"{KEPUTUSAN}.pdf", halaman)
    nama = next(k for k in kata if k[4] == "Kariaman")
    jabatan = [k for k in kata if k[4] == "Buleleng," and k[1] > nama[3]]
    assert nama[3] <= y0 and y1 <= min(k[1] for k in jabatan)  # between the jabatan and the name
    qr = gambar_halaman(arsip / f"{KEPUTUSAN}.pdf", halaman)
    assert len(qr) == 1 and x0 >= qr[0][2]  # beside the QR code


def test_tak_terlihat(arsip, sertifikat):
    tandatangani.tandatangani(arsip, sertifikat, SANDI, terlihat=False)
    _, kotak = bidang_tanda_tangan(arsip / f"{KEPUTUSAN}-ttd.pdf")
    assert kotak[2] - kotak[0] == 0 and kotak[3] - kotak[1] == 0
    assert all(h.utuh for h in periksa_ttd.periksa_tanda_tangan(arsip))


def test_pdfa_tetap_pdfa_sesudah_ditandatangani(arsip, sertifikat):
    from pyhanko.pdf_utils.reader import PdfFileReader

    tandatangani.tandatangani(arsip, sertifikat, SANDI)
    for pdf in arsip.glob("*-ttd.pdf"):
        xmp = PdfFileReader(io.BytesIO(pdf.read_bytes())).root["/Metadata"].get_object().data
        assert b"pdfaid:part" in xmp and b"2" in xmp.split(b"pdfaid:part")[1][:6], pdf.name
        assert pdf.read_bytes().startswith((arsip / pdf.name.replace("-ttd", "")).read_bytes())  # incremental


def test_satu_byte_berubah_sesudah_ditandatangani_ditangkap_verify(arsip, sertifikat):
    tandatangani.tandatangani(arsip, sertifikat, SANDI)
    diubah = arsip / f"{KEPUTUSAN}-ttd.pdf"
    isi = bytearray(diubah.read_bytes())
    letak = isi.find(b"/Producer")
    isi[letak + 2] ^= 0x20  # one byte inside the signed range
    diubah.write_bytes(bytes(isi))
    with pytest.raises(ArsipTidakCocok) as galat:
        periksa_ttd.periksa_tanda_tangan(arsip)
    assert [m.berkas for m in galat.value.masalah] == [diubah]
    hasil = CliRunner().invoke(main, ["verify", str(arsip)])
    assert hasil.exit_code == 6
    assert f"{KEPUTUSAN}-ttd.pdf: tanda tangan elektronik tidak utuh" in hasil.output


def test_manifes_diperbarui_tanpa_berkas_sementara(arsip, sertifikat):
    tandatangani.tandatangani(arsip, sertifikat, SANDI)
    assert not [p for p in arsip.iterdir() if p.name.startswith(".")]
    hasil = CliRunner().invoke(main, ["verify", str(arsip)])
    assert hasil.exit_code == 0, hasil.output
    assert (
        hasil.output.count("Tanda tangan utuh:") == jumlah_dokumen_contoh() and "I Putu Kariaman Putra" in hasil.output
    )


@pytest.mark.parametrize("salah", ["sandi", "sertifikat"])
def test_sandi_atau_sertifikat_salah_tidak_menulis_apa_pun(arsip, sertifikat, tmp_path, salah):
    sebelum = isi_folder(arsip)
    berkas = sertifikat
    if salah == "sertifikat":
        berkas = tmp_path / "bukan.p12"
        berkas.write_bytes(b"ini bukan sertifikat")
    hasil = CliRunner().invoke(
        main,
        ["tandatangani", str(arsip), "--sertifikat", str(berkas), "--sandi-env", "SANDI_UJI"],
        env={"SANDI_UJI": "keliru" if salah == "sandi" else SANDI.decode()},
    )
    assert hasil.exit_code == TandaTanganError.kode == 8
    assert "sandi salah, atau berkas bukan sertifikat PKCS#12" in hasil.output
    assert "Traceback" not in hasil.output
    assert isi_folder(arsip) == sebelum


def test_pdf_rusak_tidak_menulis_apa_pun(arsip, sertifikat):
    (arsip / f"{KEPUTUSAN}.pdf").write_bytes(b"%PDF-1.7\nrusak\n")
    manifes.tulis(arsip, 2023, "Bookman Old Style", None)  # an archive that agrees with its damaged PDF
    sebelum = isi_folder(arsip)
    with pytest.raises(TandaTanganError) as galat:
        tandatangani.tandatangani(arsip, sertifikat, SANDI)
    assert galat.value.masalah[0].berkas == arsip / f"{KEPUTUSAN}.pdf"
    assert isi_folder(arsip) == sebelum


def test_arsip_berubah_tidak_ditandatangani(arsip, sertifikat):
    (arsip / f"{KEPUTUSAN}.pdf").write_bytes((arsip / f"{KEPUTUSAN}.pdf").read_bytes() + b"\n")
    sebelum = isi_folder(arsip)
    with pytest.raises(ArsipTidakCocok):
        tandatangani.tandatangani(arsip, sertifikat, SANDI)
    assert isi_folder(arsip) == sebelum


def test_sandi_dari_prompt_tidak_tampil(arsip, sertifikat):
    hasil = CliRunner().invoke(
        main, ["tandatangani", str(arsip), "--sertifikat", str(sertifikat)], input=SANDI.decode() + "\n"
    )
    assert hasil.exit_code == 0, hasil.output
    assert SANDI.decode() not in hasil.output
    assert len(list(arsip.glob("*-ttd.pdf"))) == jumlah_dokumen_contoh()


def test_variabel_sandi_tidak_ada(arsip, sertifikat):
    hasil = CliRunner().invoke(
        main, ["tandatangani", str(arsip), "--sertifikat", str(sertifikat), "--sandi-env", "TIDAK_ADA_SANDI_INI"]
    )
    assert hasil.exit_code == 8 and "TIDAK_ADA_SANDI_INI tidak ada" in hasil.output


def test_sudah_ditandatangani_tidak_ditimpa(arsip, sertifikat):
    tandatangani.tandatangani(arsip, sertifikat, SANDI)
    sebelum = isi_folder(arsip)
    with pytest.raises(TandaTanganError) as galat:
        tandatangani.tandatangani(arsip, sertifikat, SANDI)
    assert "sudah ada" in galat.value.masalah[0].pesan
    assert isi_folder(arsip) == sebelum


def test_sertifikat_kedaluwarsa_ditolak(arsip, tmp_path):
    lama = buat_sertifikat(tmp_path / "lama.p12", SANDI, hari=-2)
    with pytest.raises(TandaTanganError) as galat:
        tandatangani.tandatangani(arsip, lama, SANDI)
    assert "tidak pada saat ini" in galat.value.masalah[0].pesan
    assert not list(arsip.glob("*-ttd.pdf"))


def test_pihak_kedua_menandatangani_pk_yang_sudah_ditandatangani(arsip, sertifikat, tmp_path):
    bupati = buat_sertifikat(tmp_path / "bupati.p12", SANDI, nama="I Gede Suyasa")
    tandatangani.tandatangani(arsip, sertifikat, SANDI)
    pk = next(arsip.glob("perjanjian-kinerja-*-ttd.pdf"))
    pertama = pk.read_bytes()
    hasil = CliRunner().invoke(
        main,
        ["tandatangani", str(arsip), "--sertifikat", str(bupati), "--sandi-env", "S", "--pihak-kedua"],
        env={"S": SANDI.decode()},
    )
    assert hasil.exit_code == 0, hasil.output
    assert hasil.output.strip().endswith(pk.name) and "PERINGATAN" not in hasil.output
    assert pk.read_bytes().startswith(pertama)  # incremental: the first signature's bytes stay
    ttd = periksa_ttd.periksa_pdf(pk)
    assert [(h.penanda, h.bidang, h.utuh) for h in ttd] == [
        ("I Putu Kariaman Putra", tandatangani.NAMA_BIDANG, True),
        ("I Gede Suyasa", tandatangani.NAMA_BIDANG_PIHAK_KEDUA, True),
    ]
    asli = pk.with_name(pk.name.replace("-ttd", ""))
    kedua = periksa_kotak_di_ruang(asli, pk, tandatangani.NAMA_BIDANG_PIHAK_KEDUA)
    _, pertama_kotak = bidang_tanda_tangan(pk)
    assert kedua[2] < pertama_kotak[0]  # the pihak kedua's column is the left one
    verify = CliRunner().invoke(main, ["verify", str(arsip)])
    assert verify.exit_code == 0, verify.output
    assert f"{pk.name} — I Gede Suyasa" in verify.output and f"{pk.name} — I Putu Kariaman Putra" in verify.output
    lagi = CliRunner().invoke(
        main,
        ["tandatangani", str(arsip), "--sertifikat", str(bupati), "--sandi-env", "S", "--pihak-kedua"],
        env={"S": SANDI.decode()},
    )
    assert lagi.exit_code == 8 and "sudah ditandatangani pihak kedua" in lagi.output


def test_isi_diubah_sesudah_tanda_tangan_pertama_ditangkap(arsip, sertifikat):
    """A later revision that changes the page (not a countersignature) breaks the first signature."""
    from pyhanko.pdf_utils.generic import NameObject, NumberObject, TextStringObject
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    tandatangani.tandatangani(arsip, sertifikat, SANDI)
    pk = next(arsip.glob("perjanjian-kinerja-*-ttd.pdf"))
    w = IncrementalPdfFileWriter(io.BytesIO(pk.read_bytes()))
    halaman = w.root["/Pages"]["/Kids"][0].get_object()
    halaman[NameObject("/Rotate")] = NumberObject(90)
    w.update_container(halaman)
    info = w.trailer["/Info"].get_object()
    info[NameObject("/Title")] = TextStringObject("diubah")
    w.update_container(info)
    keluaran = io.BytesIO()
    w.write(keluaran)
    pk.write_bytes(keluaran.getvalue())
    assert [h.utuh for h in periksa_ttd.periksa_pdf(pk)] == [False]


def test_anotasi_sesudah_tanda_tangan_ditangkap(arsip, sertifikat):
    """A box drawn over the page after signing (an annotation, not a signature) breaks the signature."""
    from pyhanko.pdf_utils.generic import ArrayObject, DictionaryObject, NameObject, NumberObject, TextStringObject
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    tandatangani.tandatangani(arsip, sertifikat, SANDI)
    pk = next(arsip.glob("perjanjian-kinerja-*-ttd.pdf"))
    w = IncrementalPdfFileWriter(io.BytesIO(pk.read_bytes()))
    halaman = w.root["/Pages"]["/Kids"][0].get_object()
    catatan = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/FreeText"),
            NameObject("/Rect"): ArrayObject(
                [NumberObject(100), NumberObject(100), NumberObject(300), NumberObject(200)]
            ),
            NameObject("/Contents"): TextStringObject("nama lain"),
            NameObject("/DA"): TextStringObject("/Helv 12 Tf 0 g"),
        }
    )
    lama = list(halaman.raw_get("/Annots")) if "/Annots" in halaman else []
    halaman[NameObject("/Annots")] = ArrayObject([*lama, w.add_object(catatan)])
    w.update_container(halaman)
    keluaran = io.BytesIO()
    w.write(keluaran)
    pk.write_bytes(keluaran.getvalue())
    assert [h.utuh for h in periksa_ttd.periksa_pdf(pk)] == [False]


def test_pihak_kedua_sebelum_pihak_pertama_ditolak(arsip, sertifikat):
    with pytest.raises(TandaTanganError) as galat:
        tandatangani.tandatangani(arsip, sertifikat, SANDI, pihak_kedua=True)
    assert "belum ada Perjanjian Kinerja yang ditandatangani pihak pertama" in galat.value.masalah[0].pesan


def test_arsip_srikandi_tidak_ditandatangani(arsip, sertifikat):
    salinan = arsip / "konfigurasi-2023.toml"
    salinan.write_text(
        salinan.read_text(encoding="utf-8").replace('tanda_tangan = "elektronik"', 'tanda_tangan = "srikandi"'),
        encoding="utf-8",
    )
    sebelum = isi_folder(arsip)
    hasil = CliRunner().invoke(
        main, ["tandatangani", str(arsip), "--sertifikat", str(sertifikat), "--sandi-env", "S"], env={"S": "x"}
    )
    assert hasil.exit_code == 8
    assert "bertata tanda tangan SRIKANDI" in hasil.output and "${nomor_naskah}" in hasil.output
    assert isi_folder(arsip) == sebelum


def test_tanpa_ruang_bertanda_diperingatkan_bukan_diam(arsip, sertifikat):
    """A PDF without the layout's marks (made by an older version): signed invisibly, with a warning."""
    from pyhanko.pdf_utils.generic import NameObject
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    pdf = arsip / f"{KEPUTUSAN}.pdf"
    w = IncrementalPdfFileWriter(io.BytesIO(pdf.read_bytes()))
    del w.root[NameObject("/Dests")]
    w.update_root()
    keluaran = io.BytesIO()
    w.write(keluaran)
    pdf.write_bytes(keluaran.getvalue())
    manifes.tulis(arsip, 2023, "Bookman Old Style", None)
    hasil = CliRunner().invoke(
        main,
        ["tandatangani", str(arsip), "--sertifikat", str(sertifikat), "--sandi-env", "S"],
        env={"S": SANDI.decode()},
    )
    assert hasil.exit_code == 0, hasil.output
    baris = [b for b in hasil.output.splitlines() if b.startswith("PERINGATAN")]
    assert len(baris) == 1 and f"{KEPUTUSAN}.pdf" in baris[0] and "tidak ada ruang tanda tangan bertanda" in baris[0]
    _, kotak = bidang_tanda_tangan(arsip / f"{KEPUTUSAN}-ttd.pdf")
    assert kotak == [0, 0, 0, 0]


JABATAN_143 = (
    "Camat Sukasada selaku Koordinator Penyelenggaraan Pemerintahan, Pelayanan Publik, serta Pemberdayaan "
    "Masyarakat Kecamatan di Kabupaten Buleleng"
)


@pytest.fixture(scope="module", params=["elektronik", "basah"])
def arsip_kecamatan(tmp_path_factory, request) -> Path:
    """A Kecamatan on F4 without a verification URL, with a 143-character jabatan and a Bupati as
    pihak kedua (who signs electronically too), electronic and wet-ink layouts (issue 18's agencies)."""
    from bantu import TEMPLATES, data_contoh, tulis_data
    from iku import konfigurasi
    from iku.buat import Permintaan, generate

    folder = tmp_path_factory.mktemp(f"kecamatan-{request.param}")
    data = data_contoh()
    data["instansi"]["nama"] = "Kecamatan Sukasada"
    data["format"].update(tanda_tangan=request.param, kertas="F4")
    data["penandatangan"]["jabatan"] = JABATAN_143
    data["perjanjian_kinerja"]["pihak_kedua"] = {"jabatan": "Bupati Buleleng", "nama": "I Gede Suyasa"}
    data["perjanjian_kinerja"]["pihak_kedua_elektronik"] = True
    config = tulis_data(folder / "iku.toml", data)
    generate(Permintaan(konfigurasi.baca(config), TEMPLATES, folder / "output", pdf=True))
    return folder / "output" / "2023"


def test_jabatan_143_huruf_ruang_dan_halaman(arsip_kecamatan, tmp_path):
    assert len(JABATAN_143) == 143
    arsip = Path(shutil.copytree(arsip_kecamatan, tmp_path / "2023"))
    pk = next(arsip.glob("perjanjian-kinerja-*2023.pdf"))
    halaman = [
        " ".join(h.split())
        for h in subprocess.run(["pdftotext", str(pk), "-"], capture_output=True, text=True).stdout.split("\f")
    ]
    tanda = [h for h in halaman if "Pihak Pertama," in h]
    assert len(tanda) == 2 and "penghargaan dan sanksi." in tanda[0]  # never alone on its page
    elektronik = "Ditandatangani secara elektronik oleh:"
    assert all(h.count(elektronik) == (2 if "elektronik" in arsip_kecamatan.parent.parent.name else 0) for h in tanda)
    kadis = buat_sertifikat(tmp_path / "camat.p12", SANDI)
    bupati = buat_sertifikat(tmp_path / "bupati.p12", SANDI, nama="I Gede Suyasa")
    hasil = tandatangani.tandatangani(arsip, kadis, SANDI)
    assert not hasil.peringatan
    for bertanda in hasil.berkas:
        periksa_kotak_di_ruang(bertanda.with_name(bertanda.name.replace("-ttd", "")), bertanda)
    kedua = tandatangani.tandatangani(arsip, bupati, SANDI, pihak_kedua=True)
    assert not kedua.peringatan and [p.name for p in kedua.berkas] == [pk.name[:-4] + "-ttd.pdf"]
    periksa_kotak_di_ruang(pk, kedua.berkas[0], tandatangani.NAMA_BIDANG_PIHAK_KEDUA)
    _, ttd = periksa_arsip(arsip)
    assert [h.penanda for h in ttd if h.berkas == kedua.berkas[0]] == ["I Putu Kariaman Putra", "I Gede Suyasa"]
    assert all(h.utuh for h in ttd)
