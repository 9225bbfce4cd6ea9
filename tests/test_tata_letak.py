"""Layout of the decree and the book: label columns, words never broken, letterhead and lists."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from bantu import TEMPLATES, data_contoh, kata_pdf, tulis_data
from iku import konfigurasi
from iku.bahasa import ordinal_diktum
from iku.buat import Permintaan, generate


def buat(tmp_path: Path, data: dict, pdf: bool = False) -> dict[str, Path]:
    path = tulis_data(tmp_path / "iku.toml", data)
    ditulis = generate(Permintaan(konfigurasi.baca(path), TEMPLATES, tmp_path / "output", pdf=pdf))
    return {p.name.split("-")[0] + p.suffix: p for p in ditulis}


def dengan_diktum(n: int) -> dict:
    data = data_contoh()
    data["keputusan"]["memutuskan"] = [f"Diktum nomor {i} berisi ketentuan." for i in range(1, n + 1)]
    return data


def tab_gaya(path: Path, nama: str) -> list[int]:
    return [t.position.twips for t in docx.Document(str(path)).styles[nama].paragraph_format.tab_stops]


@pytest.mark.parametrize("n", [4, 13, 40])
def test_titik_dua_konsiderans_menetapkan_dan_diktum_satu_kolom(tmp_path, n):
    for jenis in ("keputusan.docx", "dokumen.docx"):
        path = buat(tmp_path / jenis, dengan_diktum(n))[jenis]
        konsiderans, menetapkan, diktum = (tab_gaya(path, g) for g in ("Konsiderans", "Menetapkan", "Diktum"))
        assert konsiderans[0] == menetapkan[0] == diktum[0], (konsiderans, menetapkan, diktum)
        assert konsiderans[1] == menetapkan[1] == diktum[1]  # letters of Menimbang where the diktum text starts
        for nama, teks in (("Konsiderans", konsiderans[2]), ("Menetapkan", menetapkan[1]), ("Diktum", diktum[1])):
            format_ = docx.Document(str(path)).styles[nama].paragraph_format
            assert format_.left_indent.twips == -format_.first_line_indent.twips == teks, nama  # lines hang


@pytest.mark.pdf
def test_pdf_titik_dua_satu_kolom_dengan_tiga_belas_diktum(tmp_path):
    kata = kata_pdf(buat(tmp_path, dengan_diktum(13), pdf=True)["keputusan.pdf"])
    label = {"Menimbang", "Mengingat", "Menetapkan", "KESATU", "KEDUA", "BELAS"}
    kolom = [b[1] for a, b in zip(kata, kata[1:]) if a[3] in label and b[3] == ":" and a[:1] == b[:1]
             and abs(a[2] - b[2]) < 1]
    assert len(kolom) == 3 + 2 + 2 and max(kolom) - min(kolom) < 1, kolom  # KEDUA BELAS, KETIGA BELAS
