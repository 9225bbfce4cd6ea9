"""`iku tandatangani` (PAdES with the agency's .p12) and `iku verify` on signed PDFs."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from bantu import buat_sertifikat, jumlah_dokumen_contoh
from iku import manifes, tandatangan
from iku.cli import main
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


def bidang_tanda_tangan(pdf: Path) -> tuple[int, list[float]]:
    """Page index and rectangle of the signature field of a signed PDF."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    r = PdfFileReader(io.BytesIO(pdf.read_bytes()))
    bidang = next(
        f.get_object() for f in r.root["/AcroForm"]["/Fields"] if f.get_object()["/T"] == tandatangan.NAMA_BIDANG
    )
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
    ditulis = tandatangan.tandatangani(arsip, sertifikat, SANDI)
    assert [p.name for p in ditulis] == [p.name[:-4] + "-ttd.pdf" for p in pdf]
    cocok, ttd = tandatangan.periksa_arsip_ttd(arsip)
    assert {p.name for p in ditulis} <= set(cocok)  # the manifest covers the signed copies
    assert [h.berkas for h in ttd] == ditulis
    assert all(h.utuh and h.penanda == "I Putu Kariaman Putra" and h.waktu is not None for h in ttd)
    catatan = json.loads((arsip / manifes.NAMA).read_text(encoding="utf-8"))["sha256"]
    assert all(catatan[p.name] == manifes.sha256(p) for p in ditulis)


def test_kotak_tanda_tangan_di_atas_nama_penandatangan(arsip, sertifikat):
    tandatangan.tandatangani(arsip, sertifikat, SANDI)
    letak = tandatangan.cari_letak(arsip / f"{KEPUTUSAN}.pdf", ["I Putu Kariaman Putra, S.Sos, MM"])
    assert letak is not None and letak.halaman == 1 and letak.elektronik  # page 2, beside the QR code
    halaman, (x0, y0, x1, y1) = bidang_tanda_tangan(arsip / f"{KEPUTUSAN}-ttd.pdf")
    assert halaman == letak.halaman
    assert x1 - x0 > 100 and y1 - y0 > 30
    assert letak.y_atas < y0 < letak.y_atas + 10 and x0 > letak.x0  # just above the name, right of the QR
    assert y1 <= letak.y_ruang  # below the jabatan line


def test_tak_terlihat(arsip, sertifikat):
    tandatangan.tandatangani(arsip, sertifikat, SANDI, terlihat=False)
    _, kotak = bidang_tanda_tangan(arsip / f"{KEPUTUSAN}-ttd.pdf")
    assert kotak[2] - kotak[0] == 0 and kotak[3] - kotak[1] == 0
    assert all(h.utuh for h in tandatangan.periksa_tanda_tangan(arsip))


def test_pdfa_tetap_pdfa_sesudah_ditandatangani(arsip, sertifikat):
    from pyhanko.pdf_utils.reader import PdfFileReader

    tandatangan.tandatangani(arsip, sertifikat, SANDI)
    for pdf in arsip.glob("*-ttd.pdf"):
        xmp = PdfFileReader(io.BytesIO(pdf.read_bytes())).root["/Metadata"].get_object().data
        assert b"pdfaid:part" in xmp and b"2" in xmp.split(b"pdfaid:part")[1][:6], pdf.name
        assert pdf.read_bytes().startswith((arsip / pdf.name.replace("-ttd", "")).read_bytes())  # incremental


def test_satu_byte_berubah_sesudah_ditandatangani_ditangkap_verify(arsip, sertifikat):
    tandatangan.tandatangani(arsip, sertifikat, SANDI)
    diubah = arsip / f"{KEPUTUSAN}-ttd.pdf"
    isi = bytearray(diubah.read_bytes())
    letak = isi.find(b"/Producer")
    isi[letak + 2] ^= 0x20  # one byte inside the signed range
    diubah.write_bytes(bytes(isi))
    with pytest.raises(ArsipTidakCocok) as galat:
        tandatangan.periksa_tanda_tangan(arsip)
    assert [m.berkas for m in galat.value.masalah] == [diubah]
    hasil = CliRunner().invoke(main, ["verify", str(arsip)])
    assert hasil.exit_code == 6
    assert f"{KEPUTUSAN}-ttd.pdf: tanda tangan elektronik tidak utuh" in hasil.output


def test_manifes_diperbarui_tanpa_berkas_sementara(arsip, sertifikat):
    tandatangan.tandatangani(arsip, sertifikat, SANDI)
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
        tandatangan.tandatangani(arsip, sertifikat, SANDI)
    assert galat.value.masalah[0].berkas == arsip / f"{KEPUTUSAN}.pdf"
    assert isi_folder(arsip) == sebelum


def test_arsip_berubah_tidak_ditandatangani(arsip, sertifikat):
    (arsip / f"{KEPUTUSAN}.pdf").write_bytes((arsip / f"{KEPUTUSAN}.pdf").read_bytes() + b"\n")
    sebelum = isi_folder(arsip)
    with pytest.raises(ArsipTidakCocok):
        tandatangan.tandatangani(arsip, sertifikat, SANDI)
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
    tandatangan.tandatangani(arsip, sertifikat, SANDI)
    sebelum = isi_folder(arsip)
    with pytest.raises(TandaTanganError) as galat:
        tandatangan.tandatangani(arsip, sertifikat, SANDI)
    assert "sudah ada" in galat.value.masalah[0].pesan
    assert isi_folder(arsip) == sebelum


def test_sertifikat_kedaluwarsa_ditolak(arsip, tmp_path):
    lama = buat_sertifikat(tmp_path / "lama.p12", SANDI, hari=-2)
    with pytest.raises(TandaTanganError) as galat:
        tandatangan.tandatangani(arsip, lama, SANDI)
    assert "tidak pada saat ini" in galat.value.masalah[0].pesan
    assert not list(arsip.glob("*-ttd.pdf"))
