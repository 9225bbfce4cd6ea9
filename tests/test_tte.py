"""Signature layouts: wet ink unchanged, electronic (QR + BSrE footer), SRIKANDI placeholders."""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from bantu import (
    CONFIG_CONTOH,
    TEMPLATES,
    config_ttd,
    data_contoh,
    lewat_libreoffice,
    pecah_run_ala_word,
    per_halaman,
    perlu_alat,
    teks_docx,
    tulis_data,
    tulis_naskah,
)
from iku import konfigurasi, tte
from iku.buat import Permintaan, generate, kemas, susun
from iku.galat import ConfigError
from iku.naskah import set_tahun
from iku.periksa.jalankan import periksa

JENIS = (
    "keputusan-iku",
    "lampiran-iku",
    "dokumen-iku",
    "bundel-tanda-tangan-iku",
    "perjanjian-kinerja",
    "laporan-kinerja",
)
BLOK_PER_JENIS = {
    "keputusan-iku": 1,
    "lampiran-iku": 1,
    "dokumen-iku": 3,
    "bundel-tanda-tangan-iku": 2,
    "perjanjian-kinerja": 2,  # the statement and its lampiran, pihak pertama only
    "laporan-kinerja": 3,  # the Kata Pengantar and the PK as its lampiran
}
BERSAMPUL = ("dokumen-iku", "laporan-kinerja")
NAMA = "I Putu Kariaman Putra, S.Sos, MM"
JABATAN = "Kepala Dinas Sosial Kabupaten Buleleng,"


def buat(config: Path, keluar: Path, templates: Path = TEMPLATES, pdf: bool = False) -> dict[str, Path]:
    paths = generate(Permintaan(konfigurasi.baca(config), templates, keluar, pdf=pdf))
    return {j: next(p for p in paths if p.name.startswith(j) and p.suffix == ".docx") for j in JENIS} | {
        f"{j}.pdf": p for j in JENIS for p in paths if p.name.startswith(j) and p.suffix == ".pdf"
    }


def teks_w_t(path: Path) -> list[str]:
    return [t.text or "" for t in docx.Document(str(path)).element.body.iter(qn("w:t"))]


# ---------------------------------------------------------------- basah


def tanpa_penanda(xml: bytes) -> bytes:
    """document.xml without the signing-space bookmarks (the only thing the wet-ink layout adds)."""
    return re.sub(rb'<w:bookmarkStart w:id="\d+" w:name="IkuTtd[A-Za-z0-9]+"/><w:bookmarkEnd w:id="\d+"/>', b"", xml)


def test_basah_hanya_menandai_ruang_tanda_tangan(tmp_path, monkeypatch):
    bacaan = konfigurasi.baca(CONFIG_CONTOH)
    sebelum = {}
    for j in set_tahun(bacaan.config):
        sebelum[j.jenis] = kemas(susun(bacaan, TEMPLATES, j, tmp_path), bacaan.config)
    monkeypatch.setattr("iku.rapi.tata_tanda_tangan", lambda *_: None)  # as the code was before layouts
    for j in set_tahun(bacaan.config):
        tanpa = kemas(susun(bacaan, TEMPLATES, j, tmp_path), bacaan.config)
        with zipfile.ZipFile(io.BytesIO(tanpa)) as a, zipfile.ZipFile(io.BytesIO(sebelum[j.jenis])) as b:
            assert a.read("word/document.xml") == tanpa_penanda(b.read("word/document.xml")), j.jenis
            assert b.read("word/document.xml").count(b'w:name="IkuTtdPenanda') >= 2, j.jenis


def test_basah_tertulis_sama_dengan_tanpa_kunci(tmp_path):
    tanpa = buat(CONFIG_CONTOH, tmp_path / "a")
    basah = buat(config_ttd(tmp_path, "basah"), tmp_path / "b")
    for j in JENIS:
        assert tanpa[j].read_bytes() == basah[j].read_bytes(), j
    assert not any(tte.TEKS_ELEKTRONIK in t for t in teks_docx(basah["keputusan-iku"]))


def test_cara_tanda_tangan_lain_ditolak(tmp_path):
    with pytest.raises(ConfigError) as galat:
        konfigurasi.baca(config_ttd(tmp_path, "stempel"))
    assert "format.tanda_tangan" in str(galat.value) and "srikandi" in str(galat.value)


# ---------------------------------------------------------------- elektronik


@pytest.fixture(scope="module")
def elektronik(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("elektronik")
    return buat(config_ttd(folder, "elektronik"), folder / "output")


def test_elektronik_urutan_blok_tanda_tangan(elektronik):
    teks = teks_docx(elektronik["keputusan-iku"])
    i = teks.index(tte.TEKS_ELEKTRONIK)
    assert teks[i - 3 : i] == ["Ditetapkan di Singaraja", "pada tanggal 22 Maret 2022", ""]
    assert teks[i + 1 : i + 6] == [JABATAN, "", NAMA, "Pembina Tk.I (IV/b)", "NIP. 19691231 199103 1 053"]
    d = docx.Document(str(elektronik["keputusan-iku"]))
    paragraf = list(d.element.body.iter(qn("w:p")))
    assert paragraf[i + 2].find(f".//{qn('w:drawing')}") is not None  # the QR where the ink would be


@pytest.mark.parametrize("jenis", JENIS)
def test_elektronik_setiap_blok_setiap_dokumen(elektronik, jenis):
    teks = teks_docx(elektronik[jenis])
    assert teks.count(tte.TEKS_ELEKTRONIK) == BLOK_PER_JENIS[jenis]
    assert teks.count(NAMA) == BLOK_PER_JENIS[jenis]
    for i, t in enumerate(teks):
        if t == tte.TEKS_ELEKTRONIK:
            assert teks[i + 1] == JABATAN
    assert "cap" not in " ".join(teks).lower().split()


@pytest.mark.parametrize("jenis", JENIS)
def test_elektronik_kaki_di_setiap_jenis_halaman_kecuali_sampul(elektronik, jenis):
    d = docx.Document(str(elektronik[jenis]))
    genap = d.settings.element.find(qn("w:evenAndOddHeaders")) is not None
    for nomor, bagian in enumerate(d.sections):
        sampul = jenis in BERSAMPUL and nomor == 0  # the cover: all its text in the "Sampul" style
        jenis_kaki = ["default"] + ["first"] * bagian.different_first_page_header_footer + ["even"] * genap
        for kind in jenis_kaki:
            kaki = _kaki_berlaku(d, nomor, kind)
            teks_kaki = "".join(t.text or "" for t in kaki.iter(qn("w:t"))) if kaki is not None else ""
            assert (tte.KAKI_ELEKTRONIK in teks_kaki) != sampul, (nomor, kind)


def test_pk_elektronik_hanya_pihak_pertama_pihak_kedua_tinta_basah(elektronik):
    teks = teks_docx(elektronik["perjanjian-kinerja"])
    i = teks.index(tte.TEKS_ELEKTRONIK)
    assert teks[i - 3 : i + 2] == ["Pihak Kedua,", "Pihak Pertama,", "Bupati Buleleng,", tte.TEKS_ELEKTRONIK, JABATAN]
    assert teks[i + 2 : i + 9] == ["", "", "", "", "I Gede Suyasa", "", ""]  # wet-ink space, name kept
    assert teks[i + 9 : i + 13] == ["", NAMA, "Pembina Tk.I (IV/b)", "NIP. 19691231 199103 1 053"]
    d = docx.Document(str(elektronik["perjanjian-kinerja"]))
    paragraf = list(d.element.body.iter(qn("w:p")))
    gambar = [n for n, p in enumerate(paragraf) if p.find(f".//{qn('w:drawing')}") is not None]
    assert i + 9 in gambar and not [n for n in gambar if i < n < i + 9]  # the QR in the pihak pertama's column


def test_pk_pihak_kedua_elektronik_bila_dinyatakan(tmp_path):
    data = data_contoh()
    data["format"]["tanda_tangan"] = "elektronik"
    data["perjanjian_kinerja"]["pihak_kedua_elektronik"] = True
    hasil = buat(tulis_data(tmp_path / "iku.toml", data), tmp_path / "output")
    teks = teks_docx(hasil["perjanjian-kinerja"])
    i = teks.index("Pihak Kedua,")
    assert teks[i : i + 6] == [
        "Pihak Kedua,",
        "Pihak Pertama,",
        tte.TEKS_ELEKTRONIK,
        "Bupati Buleleng,",
        tte.TEKS_ELEKTRONIK,
        JABATAN,
    ]
    assert teks.count(tte.TEKS_ELEKTRONIK) == 4


def test_pk_srikandi_tanpa_isian_pengirim(tmp_path):
    """The PK does not go through SRIKANDI: both parties print in full (issue 18 item 2)."""
    hasil = buat(config_ttd(tmp_path, "srikandi"), tmp_path / "output")
    teks = teks_docx(hasil["perjanjian-kinerja"])
    assert not [t for t in teks if "${" in t]
    i = teks.index("Pihak Kedua,")
    assert teks[i + 2 : i + 4] == ["Bupati Buleleng,", JABATAN]
    assert "I Gede Suyasa" in teks and NAMA in teks


def _kaki_berlaku(d, nomor: int, kind: str):
    """The footer a section's pages of a kind show: its own, else the nearest earlier section's."""
    for bagian in reversed(d.sections[: nomor + 1]):
        for ref in bagian._sectPr.findall(qn("w:footerReference")):
            if ref.get(qn("w:type")) == kind:
                return d.part.related_parts[ref.get(qn("r:id"))].element
    return None


def test_elektronik_pada_templat_disunting_ala_word(tmp_path):
    templat = tmp_path / "templat"
    shutil.copytree(TEMPLATES, templat)
    for nama in ("keputusan.docx", "lampiran.docx", "dokumen-iku.docx"):
        pecah_run_ala_word(TEMPLATES / nama, templat / nama)
    hasil = buat(config_ttd(tmp_path, "elektronik"), tmp_path / "output", templates=templat)
    for jenis in JENIS:
        teks = teks_docx(hasil[jenis])
        assert teks.count(tte.TEKS_ELEKTRONIK) == BLOK_PER_JENIS[jenis], jenis
        assert teks[teks.index(tte.TEKS_ELEKTRONIK) + 1] == JABATAN


def _nama_kapital(asal: Path, tujuan: Path) -> None:
    """A copy of a template whose signer's name prints in capitals, as some agencies type it."""
    with zipfile.ZipFile(asal) as z:
        isi_ = {n: z.read(n) for n in z.namelist()}
    xml = isi_["word/document.xml"].decode("utf-8")
    assert "{{ penandatangan.nama }}" in xml
    isi_["word/document.xml"] = xml.replace("{{ penandatangan.nama }}", "{{ penandatangan.nama|upper }}").encode()
    with zipfile.ZipFile(tujuan, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in isi_.items():
            z.writestr(n, data)


@pytest.mark.parametrize("cara", ["elektronik", "srikandi"])
def test_ruang_tanda_tangan_dari_bentuk_blok_bukan_nama_tercetak(tmp_path, cara):
    """The signing space is found by the block's declared style and its shape (the empty lines
    the name follows), never by matching the printed name: a template that prints the name in
    capitals still gets the QR code beside the jabatan, or SRIKANDI's placeholders."""
    templat = tmp_path / "templat"
    shutil.copytree(TEMPLATES, templat)
    _nama_kapital(TEMPLATES / "keputusan.docx", templat / "keputusan.docx")
    hasil = buat(config_ttd(tmp_path, cara), tmp_path / "output", templates=templat)
    teks = teks_docx(hasil["keputusan-iku"])
    if cara == "elektronik":
        assert teks.count(tte.TEKS_ELEKTRONIK) == 1 and NAMA.upper() in teks
        penanda = {
            b.get(qn("w:name"))
            for b in docx.Document(str(hasil["keputusan-iku"])).element.body.iter(qn("w:bookmarkStart"))
        }
        assert {"IkuTtdPenanda1Qr", "IkuTtdPenanda1Nama"} <= penanda
    else:
        i = teks.index("${jabatan_pengirim},")
        assert teks[i : i + 4] == ["${jabatan_pengirim},", "${ttd_pengirim}", "${nama_pengirim}", "Pembina Tk.I (IV/b)"]
        assert NAMA.upper() not in teks


def png_qr(path: Path, tujuan: Path) -> Path:
    """The one picture of the document that is a readable QR code (the LKjIP also has charts)."""
    with zipfile.ZipFile(path) as z:
        media = [n for n in z.namelist() if n.startswith("word/media/") and n.endswith(".png")]
        terbaca = []
        for n in media:
            tujuan.write_bytes(z.read(n))
            if _zbar(tujuan).returncode == 0:
                terbaca.append(n)
        assert len(terbaca) == 1, terbaca
        tujuan.write_bytes(z.read(terbaca[0]))
    return tujuan


def _zbar(png: Path) -> subprocess.CompletedProcess:
    perlu_alat("zbarimg")
    return subprocess.run(["zbarimg", "--raw", "-q", str(png)], capture_output=True, text=True)


def baca_qr(png: Path) -> str:
    hasil = _zbar(png)
    assert hasil.returncode == 0, hasil.stderr
    return hasil.stdout.rstrip("\n")


def test_qr_terbaca_kembali_identitas_dokumen(elektronik, tmp_path):
    sidik = hashlib.sha256((elektronik["keputusan-iku"].parent / "konfigurasi-2023.toml").read_bytes()).hexdigest()
    harapan = {
        "keputusan-iku": "Keputusan Nomor 400.9/2248.1/Dinsos/2022 Tanggal 22-03-2022",
        "lampiran-iku": "Lampiran Keputusan Nomor 400.9/2248.1/Dinsos/2022 Tanggal 22-03-2022",
        "dokumen-iku": "Dokumen IKU Tanggal 22-03-2022",
        "perjanjian-kinerja": "Perjanjian Kinerja Tanggal 16-01-2023",
        "laporan-kinerja": "Laporan Kinerja Tanggal 20-02-2024",
    }
    for jenis, awal in harapan.items():
        teks = baca_qr(png_qr(elektronik[jenis], tmp_path / f"{jenis}.png"))
        assert teks == f"{awal} SHA-256 {sidik[:12]}", jenis
        assert len(teks) <= 90


def test_qr_url_verifikasi_dengan_nomor(tmp_path):
    data = data_contoh()
    data["format"]["tanda_tangan"] = "elektronik"
    data["tte"] = {"url_verifikasi": "https://tte.bulelengkab.go.id/cek/{nomor}?a=1"}
    hasil = buat(tulis_data(tmp_path / "iku.toml", data), tmp_path / "output")
    teks = baca_qr(png_qr(hasil["lampiran-iku"], tmp_path / "qr.png"))
    assert teks == "https://tte.bulelengkab.go.id/cek/400.9%2F2248.1%2FDinsos%2F2022?a=1"


def test_qr_url_verifikasi_menyebut_dokumennya(tmp_path):
    data = data_contoh()
    data["format"]["tanda_tangan"] = "elektronik"
    data["tte"] = {"url_verifikasi": "https://tte.denpasarkota.go.id/v/{dokumen}/{nomor}"}
    hasil = buat(tulis_data(tmp_path / "iku.toml", data), tmp_path / "output")
    assert baca_qr(png_qr(hasil["keputusan-iku"], tmp_path / "k.png")) == (
        "https://tte.denpasarkota.go.id/v/keputusan-iku-2023/400.9%2F2248.1%2FDinsos%2F2022"
    )
    assert baca_qr(png_qr(hasil["perjanjian-kinerja"], tmp_path / "pk.png")) == (
        "https://tte.denpasarkota.go.id/v/perjanjian-kinerja-2023/perjanjian-kinerja-2023"
    )


@pytest.mark.parametrize(
    "url", ["cek di kantor kecamatan", "javascript:alert(1)//{nomor}", "http://tte.contoh.go.id/{nomor}", "https://"]
)
def test_url_verifikasi_bukan_https_ditolak(tmp_path, url):
    data = data_contoh()
    data["format"]["tanda_tangan"] = "elektronik"
    data["tte"] = {"url_verifikasi": url}
    with pytest.raises(ConfigError) as galat:
        konfigurasi.baca(tulis_data(tmp_path / "iku.toml", data))
    assert "tte.url_verifikasi" in str(galat.value) and "https" in str(galat.value)


@pytest.mark.parametrize(
    ("cara", "url", "pesan"),
    [
        ("elektronik", "https://tte.contoh.go.id/{nomr}", "{nomr}"),
        ("elektronik", "https://tte.contoh.go.id/verifikasi", "tanpa {nomor}"),
        ("basah", "https://tte.contoh.go.id/{nomor}", "[tte] diabaikan"),
    ],
)
def test_url_verifikasi_diperingatkan(tmp_path, cara, url, pesan):
    data = data_contoh()
    data["format"]["tanda_tangan"] = cara
    data["tte"] = {"url_verifikasi": url}
    config = tulis_data(tmp_path / "iku.toml", data)
    peringatan = [m for m in periksa(config, TEMPLATES).peringatan if m.kunci == "tte.url_verifikasi"]
    assert [m for m in peringatan if pesan in m.pesan], peringatan
    baik = data_contoh()
    baik["format"]["tanda_tangan"] = "elektronik"
    baik["tte"] = {"url_verifikasi": "https://tte.contoh.go.id/{dokumen}/{nomor}"}
    bersih = periksa(tulis_data(tmp_path / "baik.toml", baik), TEMPLATES).peringatan
    assert not [m for m in bersih if m.kunci == "tte.url_verifikasi"]


def test_qr_modul_setengah_mm_dengan_zona_tenang():
    png, lebar_mm = tte.png_qr("Keputusan Nomor 400.9/2248.1/Dinsos/2022 Tanggal 22-03-2022 SHA-256 1f5fd698ee73")
    import segno

    modul = segno.make("Keputusan Nomor 400.9/2248.1/Dinsos/2022 Tanggal 22-03-2022 SHA-256 1f5fd698ee73", error="m")
    sisi = modul.symbol_size(scale=1, border=0)[0]
    assert lebar_mm / (sisi + 2 * tte.TEPI_QR) >= 0.5
    assert png.startswith(b"\x89PNG")


def test_elektronik_byte_identik_setiap_kali(elektronik, tmp_path):
    lagi = buat(elektronik["keputusan-iku"].parent / "konfigurasi-2023.toml", tmp_path / "lagi")
    for j in JENIS:
        assert lagi[j].read_bytes() == elektronik[j].read_bytes(), j


def test_qr_png_deterministik():
    assert tte.png_qr("Nomor: 1/2/3") == tte.png_qr("Nomor: 1/2/3")
    assert tte.png_qr("Nomor: 1/2/3")[0] != tte.png_qr("Nomor: 1/2/4")[0]


@pytest.mark.pdf
def test_elektronik_pdf_kaki_di_setiap_halaman(arsip_elektronik_pdf):
    for j in JENIS:
        pdf = next(arsip_elektronik_pdf.glob(f"{j}-*2023.pdf"))
        halaman = per_halaman(pdf)
        assert halaman, j
        for nomor, teks in enumerate(halaman, start=1):
            sampul = j in BERSAMPUL and nomor == 1
            assert ("Balai Besar Sertifikasi Elektronik (BSrE), Badan Siber dan Sandi Negara (BSSN)" in teks) != sampul
            assert ("alat bukti hukum yang sah" in teks) != sampul, (j, nomor)
        tanda = [n for n, t in enumerate(halaman) if "Ditandatangani secara elektronik oleh:" in t]
        assert len(tanda) >= 1 and all(NAMA in halaman[n] for n in tanda), j  # never split from the name


@pytest.mark.pdf
@pytest.mark.parametrize("jenis", ["perjanjian-kinerja", "keputusan-iku", "laporan-kinerja"])
def test_qr_terbaca_dari_pdf_150_dpi_tanpa_jpeg(arsip_elektronik_pdf, jenis, tmp_path):
    pdf = next(arsip_elektronik_pdf.glob(f"{jenis}-*2023.pdf"))
    halaman = next(n for n, t in enumerate(per_halaman(pdf), start=1) if "Ditandatangani secara elektronik oleh:" in t)
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-f", str(halaman), "-l", str(halaman), str(pdf), str(tmp_path / "h")],
        check=True,
    )
    teks = baca_qr(next(tmp_path.glob("h*.png")))
    nama = {"perjanjian-kinerja": "Perjanjian Kinerja", "keputusan-iku": "Keputusan", "laporan-kinerja": "Laporan"}
    assert teks.startswith(nama[jenis] + " ") and "SHA-256" in teks
    gambar = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert " jpeg " not in gambar and " image " in gambar  # lossless (Flate), not recompressed


@pytest.mark.pdf
def test_blok_tanda_tangan_keputusan_satu_halaman_dengan_diktum_terakhir(tmp_path):
    """Whatever the text length, "Ditetapkan di" to the NIP and the last diktum share a page
    (before the fix "Ditetapkan di" ended page 1 on these F4/Arial decrees, in all three layouts)."""
    from iku.naskah import per_templat
    from iku.pdf import ke_pdf

    docx_ = []
    for cara in ("basah", "elektronik", "srikandi"):
        for tambahan in (0, 18, 30):
            data = data_contoh()
            data["format"].update(tanda_tangan=cara, kertas="F4", huruf="Arial")
            data["keputusan"]["mengingat"] = data["keputusan"]["mengingat"][:1]
            data["keputusan"]["memutuskan"][1] += " kata" * tambahan
            bacaan = konfigurasi.baca(tulis_data(tmp_path / f"{cara}-{tambahan}.toml", data))
            docx_.append(tulis_naskah(bacaan, per_templat()["keputusan.docx"], tmp_path / f"{cara}-{tambahan}.docx"))
    for pdf in ke_pdf(docx_, tmp_path).berkas:
        halaman = per_halaman(pdf)
        di = [n for n, t in enumerate(halaman) if "Ditetapkan di" in t]
        nip = [n for n, t in enumerate(halaman) if re.search(r"NIP\. (\d|\$\{nip_pengirim\})", t)]
        akhir = [n for n, t in enumerate(halaman) if "mulai berlaku pada tanggal ditetapkan" in t]
        assert len(di) == 1 and di == nip == akhir, (pdf.name, di, nip, akhir)


# ---------------------------------------------------------------- srikandi


def isian_utuh(path: Path) -> None:
    """Every SRIKANDI placeholder whole inside one w:t."""
    semua = teks_w_t(path)
    for isian in tte.ISIAN_SRIKANDI:
        assert any(isian in t for t in semua), (path.name, isian)
    assert not [t for t in semua if "${" in t and not any(i in t for i in tte.ISIAN_SRIKANDI)]


@pytest.fixture(scope="module")
def srikandi(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("srikandi")
    return buat(config_ttd(folder, "srikandi"), folder / "output")


def test_srikandi_isian_di_tempatnya(srikandi):
    teks = teks_docx(srikandi["keputusan-iku"])
    assert "NOMOR ${nomor_naskah}" in teks
    i = teks.index("pada tanggal ${tanggal_naskah}")
    assert teks[i + 1 : i + 7] == [
        "",
        "${jabatan_pengirim},",
        "${ttd_pengirim}",
        "${nama_pengirim}",
        "Pembina Tk.I (IV/b)",
        "NIP. ${nip_pengirim}",
    ]
    lampiran = teks_docx(srikandi["lampiran-iku"])
    assert "NOMOR\t:\t${nomor_naskah}" in lampiran and "TANGGAL\t:\t${tanggal_naskah}" in lampiran
    assert not any("400.9/2248.1" in t or "22 Maret 2022" in t for t in teks + lampiran)


@pytest.mark.parametrize("jenis", ["keputusan-iku", "lampiran-iku", "bundel-tanda-tangan-iku"])
def test_srikandi_setiap_isian_utuh_dalam_satu_w_t(srikandi, jenis):
    isian_utuh(srikandi[jenis])


@pytest.mark.parametrize("jenis", ["dokumen-iku", "laporan-kinerja", "perjanjian-kinerja"])
def test_srikandi_hanya_keputusan_berisian(srikandi, jenis):
    """The book, the LKjIP and the PK never go through SRIKANDI: they print the real values (issue 18 item 9)."""
    teks = teks_docx(srikandi[jenis])
    assert not [t for t in teks if "${" in t]
    assert NAMA in teks and "NIP. 19691231 199103 1 053" in teks
    if jenis == "dokumen-iku":
        assert "NOMOR 400.9/2248.1/Dinsos/2022" in teks
        assert any("Nomor 400.9/2248.1/Dinsos/2022" in t for t in teks)  # the body's reference to the decree


def test_srikandi_nomor_dan_tanggal_boleh_masih_isi(tmp_path):
    ditandai = {"nomor": "ISI: nomor keputusan", "tanggal": "ISI: tanggal keputusan"}
    with pytest.raises(ConfigError):
        konfigurasi.baca(config_ttd(tmp_path, "basah", **ditandai))
    with pytest.raises(ConfigError):
        konfigurasi.baca(config_ttd(tmp_path, "elektronik", **ditandai))
    hasil = buat(config_ttd(tmp_path, "srikandi", **ditandai), tmp_path / "output")
    isian_utuh(hasil["keputusan-iku"])
    assert not any("ISI:" in t for t in teks_docx(hasil["keputusan-iku"]) + teks_docx(hasil["lampiran-iku"]))


def test_srikandi_tanggal_sama_di_teks_lain_tetap(tmp_path):
    """SRIKANDI's nomor and date stand where the template prints the decree's (the context gives
    them), not wherever the same characters appear: a Mengingat citing another regulation of the
    same date, and a diktum citing the nomor, keep their text."""
    data = data_contoh()
    data.setdefault("format", {})["tanda_tangan"] = "srikandi"
    mengingat = "Peraturan Bupati Buleleng Nomor 12 Tahun 2022 tanggal 22 Maret 2022 tentang Rencana Kerja."
    data["keputusan"]["mengingat"][-1] = data["keputusan"]["mengingat"][-1].rstrip(".") + ";"
    data["keputusan"]["mengingat"].append(mengingat)
    data["keputusan"]["memutuskan"][2] = "Keputusan 400.9/2248.1/Dinsos/2022 ini disampaikan kepada Bupati."
    hasil = buat(tulis_data(tmp_path / "iku.toml", data), tmp_path / "output")
    teks = teks_docx(hasil["keputusan-iku"])
    assert any(mengingat in t for t in teks), teks
    assert any("Keputusan 400.9/2248.1/Dinsos/2022 ini" in t for t in teks)
    assert "NOMOR ${nomor_naskah}" in teks and "pada tanggal ${tanggal_naskah}" in teks
    isian_utuh(hasil["keputusan-iku"])


def test_srikandi_templat_disunting_ala_word(tmp_path):
    templat = tmp_path / "templat"
    shutil.copytree(TEMPLATES, templat)
    for nama in ("keputusan.docx", "lampiran.docx"):
        pecah_run_ala_word(TEMPLATES / nama, templat / nama)
    assert "{{ penandatangan.nama }}" not in teks_w_t(templat / "keputusan.docx")  # really split
    hasil = buat(config_ttd(tmp_path, "srikandi"), tmp_path / "output", templates=templat)
    for jenis in ("keputusan-iku", "lampiran-iku"):
        isian_utuh(hasil[jenis])


@pytest.mark.pdf
def test_srikandi_lolos_pulang_pergi_libreoffice(tmp_path):
    templat = tmp_path / "templat"
    shutil.copytree(TEMPLATES, templat)
    lewat_libreoffice([TEMPLATES / "keputusan.docx", TEMPLATES / "lampiran.docx"], templat)
    hasil = buat(config_ttd(tmp_path, "srikandi"), tmp_path / "output", templates=templat)
    disimpan = lewat_libreoffice([hasil["keputusan-iku"], hasil["lampiran-iku"]], tmp_path / "disimpan-lo")
    for path in [hasil["keputusan-iku"], hasil["lampiran-iku"], *disimpan]:
        isian_utuh(path)


def test_check_srikandi_memperingatkan_templat_tanpa_tempat_isian(tmp_path):
    templat = tmp_path / "templat"
    shutil.copytree(TEMPLATES, templat)
    d = docx.Document(str(templat / "keputusan.docx"))
    for p in d.paragraphs:
        if "penandatangan.nip" in p.text:
            p._p.getparent().remove(p._p)
    d.save(str(templat / "keputusan.docx"))
    config = config_ttd(tmp_path, "srikandi")
    hasil = periksa(config, templat)  # the NIP is a required field: refused outright (issue 8 item 6)
    assert any("penandatangan.nip" in m.pesan and m.berkas == templat / "keputusan.docx" for m in hasil.galat)
    assert not [m for m in periksa(config, TEMPLATES).peringatan if "SRIKANDI" in m.pesan]
    basah = periksa(config_ttd(tmp_path, "basah"), templat)
    assert not [m for m in basah.peringatan if "SRIKANDI" in m.pesan]
