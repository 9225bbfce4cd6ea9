"""Signature layouts: wet ink unchanged, electronic (QR + BSrE footer), SRIKANDI placeholders."""

from __future__ import annotations

import hashlib
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
)
from iku import isi, konfigurasi, tte
from iku.buat import Permintaan, generate
from iku.galat import ConfigError
from iku.naskah import set_tahun, tata
from iku.periksa import periksa

JENIS = ("keputusan-iku", "lampiran-iku", "dokumen-iku", "bundel-tanda-tangan-iku")
BLOK_PER_JENIS = {"keputusan-iku": 1, "lampiran-iku": 1, "dokumen-iku": 3, "bundel-tanda-tangan-iku": 2}
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


def test_basah_sama_byte_dengan_tanpa_langkah_tanda_tangan(tmp_path, monkeypatch):
    bacaan = konfigurasi.baca(CONFIG_CONTOH)
    sebelum = {}
    for j in set_tahun(bacaan.config):
        konteks = j.konteks(bacaan.config, tmp_path)
        sebelum[j.jenis] = isi.isi_bytes(TEMPLATES / j.templat, konteks, tata(bacaan.config, bacaan.mentah))
    monkeypatch.setattr("iku.rapi.tata_tanda_tangan", lambda *_: None)  # as the code was before layouts
    for j in set_tahun(bacaan.config):
        konteks = j.konteks(bacaan.config, tmp_path)
        assert isi.isi_bytes(TEMPLATES / j.templat, konteks, tata(bacaan.config)) == sebelum[j.jenis], j.jenis


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
def test_elektronik_kaki_di_setiap_jenis_halaman(elektronik, jenis):
    d = docx.Document(str(elektronik[jenis]))
    genap = d.settings.element.find(qn("w:evenAndOddHeaders")) is not None
    for nomor, bagian in enumerate(d.sections):
        jenis_kaki = ["default"] + ["first"] * bagian.different_first_page_header_footer + ["even"] * genap
        for kind in jenis_kaki:
            kaki = _kaki_berlaku(d, nomor, kind)
            assert kaki is not None, (nomor, kind)
            assert tte.KAKI_ELEKTRONIK in "".join(t.text or "" for t in kaki.iter(qn("w:t"))), (nomor, kind)


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


def png_qr(path: Path, tujuan: Path) -> Path:
    with zipfile.ZipFile(path) as z:
        media = [n for n in z.namelist() if n.startswith("word/media/") and n.endswith(".png")]
        assert len(media) == 1, media
        tujuan.write_bytes(z.read(media[0]))
    return tujuan


def baca_qr(png: Path) -> str:
    perlu_alat("zbarimg")
    hasil = subprocess.run(["zbarimg", "--raw", "-q", str(png)], capture_output=True, text=True, check=True)
    return hasil.stdout.rstrip("\n")


def test_qr_terbaca_kembali_identitas_dokumen(elektronik, tmp_path):
    teks = baca_qr(png_qr(elektronik["keputusan-iku"], tmp_path / "qr.png"))
    mentah = (elektronik["keputusan-iku"].parent / "konfigurasi-2023.toml").read_bytes()
    assert teks.splitlines() == [
        "Keputusan Kepala Dinas Sosial Kabupaten Buleleng",
        "Nomor: 400.9/2248.1/Dinsos/2022",
        "Tanggal: 22 Maret 2022",
        f"Penandatangan: {NAMA}, NIP. 19691231 199103 1 053",
        f"SHA-256 konfigurasi: {hashlib.sha256(mentah).hexdigest()}",
    ]


def test_qr_url_verifikasi_dengan_nomor(tmp_path):
    data = data_contoh()
    data["format"]["tanda_tangan"] = "elektronik"
    data["tte"] = {"url_verifikasi": "https://tte.bulelengkab.go.id/cek/{nomor}?a=1"}
    hasil = buat(tulis_data(tmp_path / "iku.toml", data), tmp_path / "output")
    teks = baca_qr(png_qr(hasil["lampiran-iku"], tmp_path / "qr.png"))
    assert teks == "https://tte.bulelengkab.go.id/cek/400.9%2F2248.1%2FDinsos%2F2022?a=1"


def test_elektronik_byte_identik_setiap_kali(elektronik, tmp_path):
    lagi = buat(elektronik["keputusan-iku"].parent / "konfigurasi-2023.toml", tmp_path / "lagi")
    for j in JENIS:
        assert lagi[j].read_bytes() == elektronik[j].read_bytes(), j


def test_qr_png_deterministik():
    assert tte.png_qr("Nomor: 1/2/3") == tte.png_qr("Nomor: 1/2/3")
    assert tte.png_qr("Nomor: 1/2/3") != tte.png_qr("Nomor: 1/2/4")


@pytest.mark.pdf
def test_elektronik_pdf_kaki_di_setiap_halaman(arsip_elektronik_pdf):
    for j in JENIS:
        pdf = next(arsip_elektronik_pdf.glob(f"{j}-*2023.pdf"))
        halaman = per_halaman(pdf)
        assert halaman, j
        for nomor, teks in enumerate(halaman, start=1):
            assert "Balai Besar Sertifikasi Elektronik (BSrE), Badan Siber dan Sandi Negara (BSSN)" in teks, (j, nomor)
            assert "alat bukti hukum yang sah" in teks, (j, nomor)
        tanda = [n for n, t in enumerate(halaman) if "Ditandatangani secara elektronik oleh:" in t]
        assert len(tanda) >= 1 and all(NAMA in halaman[n] for n in tanda), j  # never split from the name


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


def test_srikandi_nomor_dan_tanggal_boleh_masih_isi(tmp_path):
    ditandai = {"nomor": "ISI: nomor keputusan", "tanggal": "ISI: tanggal keputusan"}
    with pytest.raises(ConfigError):
        konfigurasi.baca(config_ttd(tmp_path, "basah", **ditandai))
    with pytest.raises(ConfigError):
        konfigurasi.baca(config_ttd(tmp_path, "elektronik", **ditandai))
    hasil = buat(config_ttd(tmp_path, "srikandi", **ditandai), tmp_path / "output")
    isian_utuh(hasil["keputusan-iku"])
    assert not any("ISI:" in t for t in teks_docx(hasil["keputusan-iku"]) + teks_docx(hasil["lampiran-iku"]))


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
