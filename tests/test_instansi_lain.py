"""End to end, as the contract runs it, on another agency's config (city, F4, Arial, logo)."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
from docx.oxml.ns import qn

from bantu import jalankan_generate, teks_docx, tulis_png

DATA = Path(__file__).parent / "data" / "dinkes-kota-contoh.toml"


def siapkan(tmp_path: Path) -> Path:
    config = tmp_path / "dinkes.toml"
    shutil.copyfile(DATA, config)
    tulis_png(tmp_path / "logo.png")
    return config


def test_instansi_lain_lengkap(tmp_path):
    hasil = jalankan_generate("--config", str(siapkan(tmp_path)), "--output", str(tmp_path / "arsip"))
    assert hasil.returncode == 0, hasil.stderr
    folder = tmp_path / "arsip" / "2025"
    keputusan = folder / "keputusan-iku-dinas-kesehatan-kota-contoh-2025.docx"
    teks = teks_docx(keputusan)
    assert teks[1:4] == [
        "PEMERINTAH KOTA CONTOH",
        "DINAS KESEHATAN",
        "Jalan Merdeka Nomor 12, Contoh 80111, Telepon\u00a0(0361)\u00a0222333",
    ]
    assert "KEPUTUSAN KEPALA DINAS KESEHATAN KOTA CONTOH" in teks and "NOMOR 440/115/Dinkes/2025" in teks
    menimbang = [t for t in teks if t.split("\t")[-1].startswith("bahwa")]
    assert [t.split("\t")[2] for t in menimbang] == ["a.", "b.", "c."]
    assert any(t.startswith("KEDUA\t:\tKeputusan ini mulai berlaku") for t in teks)
    assert "pada tanggal 6 Januari 2025" in teks and "NIP. 19750512 200012 2 002" in teks
    assert teks[-3:] == ["Tembusan:", "1.\tWali Kota Contoh", "2.\tInspektur Kota Contoh"]
    d = docx.Document(str(keputusan))
    assert len(d.inline_shapes) == 1, "logo di kop"
    assert (round(d.sections[0].page_width.mm), round(d.sections[0].page_height.mm)) == (215, 330)
    lampiran = teks_docx(folder / "lampiran-iku-dinas-kesehatan-kota-contoh-2025.docx")
    assert "Akreditasi menjamin mutu layanan & keselamatan pasien" in lampiran
    assert "Akreditasi oleh lembaga independen <LPA>" in lampiran
    assert "\u00d7\u00a0100.000" in lampiran and ["1.", "2."] == [t for t in lampiran if t in ("1.", "2.", "3.")]


def test_logo_hilang_ditolak_tanpa_tulisan(tmp_path):
    config = siapkan(tmp_path)
    (tmp_path / "logo.png").unlink()
    hasil = jalankan_generate("--config", str(config), "--output", str(tmp_path / "arsip"))
    assert hasil.returncode != 0 and "instansi.logo" in hasil.stderr and "logo.png" in hasil.stderr
    assert "Traceback" not in hasil.stderr and not (tmp_path / "arsip").exists()


def test_fonts_arial_di_semua_gaya(tmp_path):
    jalankan_generate("--config", str(siapkan(tmp_path)), "--output", str(tmp_path / "arsip"))
    d = docx.Document(str(tmp_path / "arsip" / "2025" / "lampiran-iku-dinas-kesehatan-kota-contoh-2025.docx"))
    assert {rf.get(qn("w:ascii")) for rf in d.styles.element.iter(qn("w:rFonts"))} == {"Arial"}
