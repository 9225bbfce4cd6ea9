"""One period everywhere, and a single consideration without a label (issue 8, item 8)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bantu import TEMPLATES, data_contoh, teks_docx, tulis_data
from iku import konfigurasi
from iku.buat import Permintaan, generate


def buat(tmp_path: Path, data: dict) -> dict[str, list[str]]:
    """Generate the set; the text of each document by its kind."""
    bacaan = konfigurasi.baca(tulis_data(tmp_path / "iku.toml", data))
    ditulis = generate(Permintaan(bacaan, TEMPLATES, tmp_path / "out"))
    return {
        jenis: teks_docx(next(p for p in ditulis if p.name.startswith(f"{jenis}-iku")))
        for jenis in ("keputusan", "lampiran", "dokumen")
    }


def rencana_lima_tahun() -> dict:
    data = data_contoh()
    data["tahun"] = 2025
    data["rencana"].update({"tahun_awal": 2025, "tahun_akhir": 2029, "tahun_kondisi_awal": 2024})
    data["keputusan"]["tentang"] = "Penetapan Indikator Kinerja Utama Dinas Sosial Tahun 2025-2029"
    for baris in data["iku"]:
        baris["target"] = {str(t): 5 for t in range(2025, 2030)}
        baris.pop("realisasi")
    del data["laporan_kinerja"]  # a report on 2025 waits for the 2025 realisasi
    data["perjanjian_kinerja"]["tanggal"] = data["perjanjian_kinerja"]["tanggal"].replace(year=2025)
    return data


@pytest.fixture(scope="module")
def lima_tahun(tmp_path_factory) -> dict[str, list[str]]:
    return buat(tmp_path_factory.mktemp("periode"), rencana_lima_tahun())


def test_judul_lampiran_memakai_periode_rencana(lima_tahun):
    lampiran, buku = lima_tahun["lampiran"], lima_tahun["dokumen"]
    judul = lampiran.index("INDIKATOR KINERJA UTAMA (IKU)")
    assert lampiran[judul + 2] == "TAHUN 2025-2029"
    assert "TAHUN 2025" not in lampiran
    assert buku.count("TAHUN 2025-2029") >= 2  # cover and the book's Lampiran
    assert "TAHUN 2025" not in buku


def test_menimbang_dan_mengingat_tunggal_tanpa_label(tmp_path):
    data = data_contoh()
    data["keputusan"]["menimbang"] = ["bahwa untuk melaksanakan ketentuan Peraturan Menteri perlu menetapkan IKU;"]
    data["keputusan"]["mengingat"] = ["Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah."]
    keputusan = buat(tmp_path, data)["keputusan"]
    assert "Menimbang\t:\t\tbahwa untuk melaksanakan ketentuan Peraturan Menteri perlu menetapkan IKU;" in keputusan
    assert "Mengingat\t:\t\tUndang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah." in keputusan
    assert not any(b.startswith(("Menimbang\t:\ta.", "Mengingat\t:\t1.")) for b in keputusan)


def test_dua_butir_tetap_berlabel(tmp_path):
    keputusan = buat(tmp_path, data_contoh())["keputusan"]
    assert any(b.startswith("Menimbang\t:\ta.\tbahwa") for b in keputusan)
    assert any(b.startswith("\t\tb.\tbahwa") for b in keputusan)
