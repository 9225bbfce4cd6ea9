"""Archive without LibreOffice: byte-stable DOCX, signing bundle, manifest and verify,
all-or-nothing placement and --force backups."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from bantu import (
    NAMA_BUNDEL,
    TEMPLATES,
    generate_di,
    isi_folder,
    jumlah_dokumen_contoh,
    perlu_alat,
    salin_config,
    teks_docx,
)
from bantu import jalankan_generate as jalankan
from iku import arsip, manifes
from iku.cli import main


def test_dua_proses_menulis_byte_yang_sama(tmp_path: Path) -> None:
    config = salin_config(tmp_path / "iku.toml")
    satu = jalankan("--config", str(config), "--output", str(tmp_path / "a"), env={"TZ": "UTC"})
    dua = jalankan("--config", str(config), "--output", str(tmp_path / "b"), env={"TZ": "Asia/Makassar"})
    assert satu.returncode == dua.returncode == 0, satu.stderr + dua.stderr
    a, b = isi_folder(tmp_path / "a" / "2023"), isi_folder(tmp_path / "b" / "2023")
    assert sorted(a) == sorted(b)
    assert [n for n in a if n.endswith(".docx")] and NAMA_BUNDEL in a
    berbeda = [n for n in a if a[n] != b[n]]
    assert berbeda == []


def test_paket_berisi_simpanan_python_docx_bertanggal_tetap(arsip_contoh) -> None:
    """The packer uses python-docx's public save: the same entries, in the same order, with the
    same bytes; only the dates (the decree's) and the attributes are fixed."""
    import datetime as dt
    import io
    import zipfile

    from iku.paket import tulis_paket

    dokumen = docx.Document(str(arsip_contoh["keputusan-iku"]))
    simpanan = io.BytesIO()
    dokumen.save(simpanan)
    paket = tulis_paket(dokumen, dt.date(2022, 3, 22))
    with zipfile.ZipFile(simpanan) as asli, zipfile.ZipFile(io.BytesIO(paket)) as z:
        assert [(i.filename, asli.read(i)) for i in asli.infolist()] == [(i.filename, z.read(i)) for i in z.infolist()]
        assert {(i.date_time, i.external_attr >> 16, i.compress_type) for i in z.infolist()} == {
            ((2022, 3, 22, 0, 0, 0), 0o644, zipfile.ZIP_DEFLATED)
        }
    assert tulis_paket(dokumen, dt.date(2022, 3, 22)) == paket


def test_docx_tanpa_jejak_jam(tmp_path: Path) -> None:
    """Nothing in any DOCX part comes from the clock: not today's date, not the run's time."""
    import datetime as dt
    import zipfile

    folder = generate_di(tmp_path)
    hari_ini = dt.date.today()
    for berkas in folder.glob("*.docx"):
        with zipfile.ZipFile(berkas) as z:
            for info in z.infolist():
                assert info.date_time[:3] == (2022, 3, 22), (berkas.name, info.filename)
                isi = z.read(info.filename)
                assert hari_ini.isoformat().encode() not in isi, (berkas.name, info.filename)


def test_bundel_keputusan_lalu_lampiran_mendatar(tmp_path: Path) -> None:
    folder = generate_di(tmp_path)
    bundel = docx.Document(str(folder / NAMA_BUNDEL))
    pertama, kedua = bundel.sections
    assert pertama.orientation == WD_ORIENT.PORTRAIT and pertama.different_first_page_header_footer
    assert kedua.page_width > kedua.page_height and not kedua.different_first_page_header_footer
    sect = kedua._sectPr
    assert sect.find(qn("w:headerReference")) is None  # inherits "- N -" from the decree
    nomor = sect.find(qn("w:pgNumType"))
    assert nomor is None or nomor.get(qn("w:start")) is None  # numbering continues
    teks = teks_docx(folder / NAMA_BUNDEL)
    keputusan = teks_docx(next(folder.glob("keputusan-*.docx")))
    lampiran = teks_docx(next(folder.glob("lampiran-*.docx")))
    assert teks == keputusan + [""] + lampiran  # the section break after the decree's signature table


def test_bundel_menjaga_gaya_lampiran_yang_bernama_sama(tmp_path: Path) -> None:
    folder = generate_di(tmp_path)
    bundel = docx.Document(str(folder / NAMA_BUNDEL))
    lampiran = docx.Document(str(next(folder.glob("lampiran-*.docx"))))
    indent_asli = lampiran.styles["Tanda Tangan"].paragraph_format.left_indent
    semua = [Paragraph(p, bundel._body) for p in bundel.element.body.iter(qn("w:p"))]  # the lampiran's in its table
    jabatan = [p for p in semua if p.text.startswith("Kepala Dinas Sosial")]
    assert len(jabatan) == 2
    assert jabatan[0].style.name == "Tanda Tangan"
    assert jabatan[1].style.paragraph_format.left_indent == indent_asli != jabatan[0].style.paragraph_format.left_indent


def test_bundel_memakai_templat_instansi(tmp_path: Path) -> None:
    templat = tmp_path / "templat"
    shutil.copytree(TEMPLATES, templat)
    lampiran = docx.Document(str(templat / "lampiran.docx"))
    lampiran.add_paragraph("Catatan khusus instansi {{ tahun }}")
    lampiran.save(str(templat / "lampiran.docx"))
    folder = generate_di(tmp_path, "--templates", str(templat))
    assert "Catatan khusus instansi 2023-2026" in teks_docx(folder / NAMA_BUNDEL)  # tahun: the plan period


def test_manifes_mencatat_setiap_berkas(tmp_path: Path) -> None:
    folder = generate_di(tmp_path)
    isi = json.loads((folder / manifes.NAMA).read_text(encoding="utf-8"))
    berkas = sorted(p.name for p in folder.iterdir() if p.name != manifes.NAMA)
    assert sorted(isi["sha256"]) == berkas and "konfigurasi-2023.toml" in berkas
    for nama, hash_ in isi["sha256"].items():
        assert hashlib.sha256((folder / nama).read_bytes()).hexdigest() == hash_
    assert isi["alat"] == {"nama": "iku", "versi": "0.1.0"}
    assert isi["libreoffice"] is None  # no --pdf
    assert isi["huruf"] == manifes.huruf_terpakai("Bookman Old Style")  # what fontconfig substitutes here


def test_manifes_mencatat_pengganti_huruf_dari_fc_match() -> None:
    perlu_alat("fc-match")
    keluarga, gaya, berkas = manifes.huruf_terpakai("Bookman Old Style")["fc-match"].split(":", 2)
    assert keluarga and gaya and Path(berkas).is_file()


def test_verify_arsip_utuh(tmp_path: Path) -> None:
    folder = generate_di(tmp_path)
    hasil = CliRunner().invoke(main, ["verify", str(folder)])
    assert hasil.exit_code == 0, hasil.output
    # every document of the set (registry), the signing bundle, the spreadsheet and the config snapshot
    assert f"Arsip utuh: {jumlah_dokumen_contoh() + 2} berkas" in hasil.output


def test_verify_menyebut_berkas_berubah_hilang_dan_tambahan(tmp_path: Path) -> None:
    folder = generate_di(tmp_path)
    with open(folder / "konfigurasi-2023.toml", "a", encoding="utf-8") as f:
        f.write("# diubah\n")
    next(folder.glob("lampiran-*.docx")).unlink()
    (folder / "catatan.txt").write_text("tambahan", encoding="utf-8")
    hasil = CliRunner().invoke(main, ["verify", str(folder)])
    assert hasil.exit_code != 0
    assert "konfigurasi-2023.toml: berkas berubah" in hasil.output
    assert "lampiran-iku-dinas-sosial-kabupaten-buleleng-2023.docx: berkas hilang" in hasil.output
    assert "catatan.txt: berkas tambahan" in hasil.output
    assert "Traceback" not in hasil.output


def test_verify_tanpa_manifes(tmp_path: Path) -> None:
    hasil = CliRunner().invoke(main, ["verify", str(tmp_path)])
    assert hasil.exit_code != 0 and "MANIFEST.json tidak ada" in hasil.output


def test_force_menyimpan_arsip_lama_utuh(tmp_path: Path) -> None:
    folder = generate_di(tmp_path)
    lama = isi_folder(folder)
    (tmp_path / "iku.toml").write_text(
        (tmp_path / "iku.toml").read_text(encoding="utf-8").replace('tempat = "Singaraja"', 'tempat = "Buleleng"'),
        encoding="utf-8",
    )
    hasil = jalankan("--config", str(tmp_path / "iku.toml"), "--output", str(tmp_path / "output"), "--force")
    assert hasil.returncode == 0, hasil.stderr
    cadangan = [p for p in (tmp_path / "output").iterdir() if p.name.startswith("2023.diganti-")]
    assert len(cadangan) == 1 and isi_folder(cadangan[0]) == lama
    assert isi_folder(folder) != lama
    assert CliRunner().invoke(main, ["verify", str(cadangan[0])]).exit_code == 0


@pytest.mark.parametrize("tukar_atomik", [True, False])
def test_pasang_mengganti_tahun_sekaligus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tukar_atomik: bool) -> None:
    if not tukar_atomik:
        monkeypatch.setattr(arsip, "_tukar", lambda a, b: False)
    tujuan = tmp_path / "2023"
    tujuan.mkdir()
    (tujuan / "lama.txt").write_text("lama", encoding="utf-8")
    baru = tmp_path / f"{arsip.AWALAN_SEMENTARA}2023-1-x"
    baru.mkdir()
    (baru / "baru.txt").write_text("baru", encoding="utf-8")
    cadangan = arsip.pasang(baru, tujuan)
    assert [p.name for p in tujuan.iterdir()] == ["baru.txt"]
    assert cadangan is not None and [p.name for p in cadangan.iterdir()] == ["lama.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["2023", cadangan.name])


def pid_mati() -> int:
    proses = subprocess.Popen([sys.executable, "-c", "pass"])
    proses.wait()
    return proses.pid


def test_sisa_proses_mati_dirapikan_tanpa_membuang_set_lengkap(tmp_path: Path) -> None:
    pid = pid_mati()
    setengah = tmp_path / f"{arsip.AWALAN_SEMENTARA}2023-{pid}-abc"
    lengkap = tmp_path / f"{arsip.AWALAN_SIAP}2023-{pid}-abc"
    milik_proses_hidup = tmp_path / f"{arsip.AWALAN_SEMENTARA}2023-{os.getpid()}-abc"
    for folder in (setengah, lengkap, milik_proses_hidup):
        folder.mkdir()
        (folder / "isi.txt").write_text(folder.name, encoding="utf-8")
    arsip.bersihkan_sisa(tmp_path)
    assert not setengah.exists() and not lengkap.exists() and milik_proses_hidup.exists()
    disimpan = [p for p in tmp_path.iterdir() if p.name.startswith("2023.diganti-")]
    assert len(disimpan) == 1 and (disimpan[0] / "isi.txt").read_text(encoding="utf-8") == lengkap.name


def test_gagal_di_tengah_tidak_meninggalkan_tahun(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from iku import buat as gen
    from iku import konfigurasi

    def rusak(*_args, **_kwargs):
        raise RuntimeError("gagal di tengah")

    monkeypatch.setattr(gen.manifes, "tulis", rusak)
    config_path = salin_config(tmp_path / "iku.toml")
    permintaan = gen.Permintaan(konfigurasi.baca(config_path), TEMPLATES, tmp_path / "output")
    with pytest.raises(RuntimeError):
        gen.generate(permintaan)
    assert not (tmp_path / "output").exists()


def test_tanpa_libreoffice_pesan_jelas_dan_tidak_menulis(tmp_path: Path) -> None:
    kosong = tmp_path / "bin"
    kosong.mkdir()
    config = salin_config(tmp_path / "iku.toml")
    hasil = jalankan("--config", str(config), "--output", str(tmp_path / "output"), "--pdf", env={"PATH": str(kosong)})
    assert hasil.returncode != 0
    assert "LibreOffice tidak ditemukan" in hasil.stderr and "apt-get install libreoffice-writer-nogui" in hasil.stderr
    assert "Traceback" not in hasil.stderr
    assert not (tmp_path / "output").exists()


def test_bundel_tidak_merujuk_gaya_yang_tidak_ada(tmp_path: Path) -> None:
    """Unused styles are dropped from the bundle; every style still referred to is defined."""
    import zipfile

    from lxml import etree

    folder = generate_di(tmp_path)
    with zipfile.ZipFile(folder / NAMA_BUNDEL) as z:
        gaya = etree.fromstring(z.read("word/styles.xml"))
        rujukan = set()
        for nama in z.namelist():
            if nama.startswith("word/") and nama.endswith(".xml") and "stylesWithEffects" not in nama:
                akar = etree.fromstring(z.read(nama))
                rujukan |= {
                    e.get(qn("w:val"))
                    for e in akar.iter(
                        qn("w:pStyle"), qn("w:rStyle"), qn("w:tblStyle"), qn("w:basedOn"), qn("w:link"), qn("w:next")
                    )
                }
    ada = {s.get(qn("w:styleId")) for s in gaya.iter(qn("w:style"))}
    assert rujukan <= ada, rujukan - ada
    assert len(ada) < 60 and {"Diktum", "TandaTangan", "TandaTanganLampiran"} <= ada


def test_tanpa_python_uno_pesan_jelas(monkeypatch: pytest.MonkeyPatch) -> None:
    from iku import pdf
    from iku.galat import PdfError

    monkeypatch.setattr(pdf.os, "access", lambda *_args: False)  # no candidate python is usable
    with pytest.raises(PdfError) as info:
        pdf.python_uno("/usr/bin/soffice")
    assert "modul uno" in info.value.uraian() and "python3-uno" in info.value.uraian()


def test_batas_waktu_pdf_harus_angka(monkeypatch: pytest.MonkeyPatch) -> None:
    from iku import pdf
    from iku.galat import PdfError

    monkeypatch.setenv(pdf.ENV_BATAS, "lima")
    with pytest.raises(PdfError, match="bukan angka detik"):
        pdf.batas_detik()
    monkeypatch.setenv(pdf.ENV_BATAS, "12.5")
    assert pdf.batas_detik() == 12.5


def test_paket_dikompres_sekali_sama_dengan_tulis_ulang(arsip_contoh) -> None:
    """The zip python-docx wrote, dated and given attributes in place (each entry compressed
    once), is byte for byte the zip written anew from its entries; the central directory and
    every local header carry the decree's date."""
    import datetime as dt
    import io
    import struct
    import zipfile

    from iku.paket import kemas_ulang, zip_tetap

    dokumen = docx.Document(str(arsip_contoh["keputusan-iku"]))
    simpanan = io.BytesIO()
    dokumen.save(simpanan)
    with zipfile.ZipFile(io.BytesIO(simpanan.getvalue())) as asal:
        entri = [(i.filename, asal.read(i)) for i in asal.infolist()]
        lokal = [i.header_offset for i in asal.infolist()]
    tetap = kemas_ulang(simpanan.getvalue(), dt.date(2022, 3, 22))
    assert len(entri) > 5
    assert tetap == zip_tetap(entri, dt.date(2022, 3, 22))
    assert tetap != simpanan.getvalue()
    assert {struct.unpack_from("<HH", tetap, o + 10) for o in lokal} == {(0, (2022 - 1980) << 9 | 3 << 5 | 22)}
