"""What the README, `--help` and the sample config tell a newcomer matches what the program does
(issue 17 item 21): every file written, every template, every choice of the sample's keys."""

from __future__ import annotations

import re

from click.testing import CliRunner

from bantu import AKAR, CONFIG_CONTOH
from iku import model
from iku.cli import main
from iku.konfigurasi import muat

README = (AKAR / "README.md").read_text(encoding="utf-8")


def bagian(judul: str) -> str:
    """One '## ' section of the README."""
    mulai = README.index(f"\n## {judul}\n")
    return README[mulai : README.index("\n## ", mulai + 1)]


def test_daftar_berkas_yang_ditulis_lengkap(arsip_contoh):
    pemakaian = bagian("Pemakaian")
    for jenis, path in arsip_contoh.items():
        nama = jenis if "." in jenis else f"`{jenis}-<instansi>-<tahun>{path.suffix}`"
        assert nama.replace("2023", "<tahun>") in pemakaian, jenis
    assert "laporan-kinerja" in arsip_contoh  # the sample has [laporan_kinerja]: the LKjIP is among them


def test_bantuan_generate_menyebut_setiap_dokumen():
    bantuan = " ".join(CliRunner().invoke(main, ["generate", "--help"]).output.split())
    for dokumen in ("Keputusan", "Lampiran", "buku IKU", "Perjanjian Kinerja", "Laporan Kinerja (LKjIP", "bundel"):
        assert dokumen in bantuan, dokumen


def test_daftar_templat_lengkap():
    templat = bagian("Menyunting templat di Word")
    daftar = re.search(r"Templat ada di `templates/` \(([^)]*)\)", templat)
    assert daftar is not None
    disebut = set(re.findall(r"`([a-z-]+\.docx)`", daftar.group(1)))
    assert disebut == {p.name for p in (AKAR / "iku" / "templates").glob("*.docx")}


def test_config_contoh_menyebut_pilihan_format_dan_tte():
    teks = CONFIG_CONTOH.read_text(encoding="utf-8")
    format_ = teks[teks.index("# Tata letak halaman") : teks.index("\n[penandatangan]\n")]  # with its comment
    for huruf in model.HURUF_DIKENAL:
        assert f'"{huruf}"' in format_, huruf
    assert "tanda_tangan" in format_
    for pilihan in ("basah", "elektronik", "srikandi"):
        assert f'"{pilihan}"' in format_, pilihan
    assert "[tte]" in teks and "url_verifikasi" in teks
    assert muat(CONFIG_CONTOH).format == model.Format()  # the sample's output stays as it was: the defaults
