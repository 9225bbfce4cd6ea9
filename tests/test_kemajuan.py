"""Progress per document on a terminal, quiet otherwise (issue 8, item 15)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from bantu import TEMPLATES, awalan_dokumen_contoh, data_contoh, tulis_data
from iku import cli, konfigurasi
from iku.buat import Permintaan, generate

NAMA = "dinas-sosial-kabupaten-buleleng-2023"


def jalankan_generate(tmp_path):
    config = tulis_data(tmp_path / "iku.toml", data_contoh())
    return CliRunner().invoke(cli.main, ["generate", "--config", str(config), "--output", str(tmp_path / "out")])


def test_di_terminal_setiap_dokumen_dikabarkan(tmp_path, monkeypatch):
    monkeypatch.setattr(cli, "di_terminal", lambda: True)
    hasil = jalankan_generate(tmp_path)
    assert hasil.exit_code == 0, hasil.output
    awalan = awalan_dokumen_contoh()
    assert hasil.stderr.splitlines() == [
        f"[{i}/{len(awalan)}] {n}-{NAMA}.docx disusun" for i, n in enumerate(awalan, start=1)
    ]
    assert "disusun" not in hasil.stdout  # stdout stays the list of files written


def test_bukan_terminal_diam(tmp_path):
    hasil = jalankan_generate(tmp_path)
    assert hasil.exit_code == 0 and hasil.stderr == ""


@pytest.mark.pdf
def test_kemajuan_pdf_per_dokumen(tmp_path):
    kabar: list[str] = []
    bacaan = konfigurasi.baca(tulis_data(tmp_path / "iku.toml", data_contoh()))
    generate(Permintaan(bacaan, TEMPLATES, tmp_path / "out", pdf=True, kemajuan=kabar.append))
    pdf = [k for k in kabar if k.startswith("[PDF")]
    awalan = awalan_dokumen_contoh()
    assert pdf == [f"[PDF {i}/{len(awalan)}] {n}-{NAMA}.pdf dibuat" for i, n in enumerate(awalan, start=1)]
    assert kabar.index(f"PDF/A: LibreOffice mengubah {len(awalan)} dokumen ...") < kabar.index(pdf[0])
