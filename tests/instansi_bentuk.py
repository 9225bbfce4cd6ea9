"""Agencies of other shapes than the sample, as config data: a Sekretariat DPRD on A4 and a
Bappeda on F4 and A4, all in Bookman Old Style, with the long words and tall rows that broke
mid-word or split a fraction over two pages (issue 18 item 20, issue 19 §1), and a Kecamatan
on F4 in Arial, signed electronically, with the long compound words of a Camat's office."""

from __future__ import annotations

import copy
from pathlib import Path

from bantu import data_contoh, tulis_data

TIGA_PERATURAN = """Mewujudkan tata kelola persidangan dan penganggaran DPRD yang akuntabel, sesuai dengan:
1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah diubah beberapa kali terakhir dengan Undang-Undang Nomor 9 Tahun 2015 tentang Perubahan Kedua atas Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah
2. Peraturan Pemerintah Nomor 12 Tahun 2018 tentang Pedoman Penyusunan Tata Tertib Dewan Perwakilan Rakyat Daerah Provinsi, Kabupaten, dan Kota
3. Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017 tentang Tata Cara Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah, Tata Cara Evaluasi Rancangan Peraturan Daerah tentang Rencana Pembangunan Jangka Panjang Daerah dan Rencana Pembangunan Jangka Menengah Daerah"""


def _instansi(data: dict, nama: str, singkat: str) -> None:
    data["instansi"]["nama"] = nama
    data["penandatangan"]["jabatan"] = f"Kepala {nama}" if singkat == "Kepala" else f"Sekretaris {nama[12:]}"
    data["keputusan"]["tentang"] = f"Penetapan Indikator Kinerja Utama (IKU) {nama} Tahun 2023"
    data["keputusan"]["menimbang"][1] = (
        "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Keputusan "
        f"tentang Penetapan Indikator Kinerja Utama (IKU) {nama} Tahun 2023;"
    )


def sekretariat_dprd() -> dict:
    data = copy.deepcopy(data_contoh())
    _instansi(data, "Sekretariat Dewan Perwakilan Rakyat Daerah Kabupaten Buleleng", "Sekretaris")
    data["format"] = {"kertas": "A4", "huruf": "Bookman Old Style"}
    pertama, kedua = data["iku"][0], data["iku"][1]
    for baris in data["iku"]:
        baris.pop("keterangan", None)  # an unused KETERANGAN column
    pertama.update(
        sasaran="Meningkatnya Kualitas Fasilitasi Persidangan dan Penganggaran DPRD",
        indikator="Persentase Rekomendasi DPRD yang ditindaklanjuti",
        satuan="%",
        alasan=TIGA_PERATURAN,
        formulasi={
            "pembilang": "Jumlah rekomendasi DPRD yang ditindaklanjuti",
            "penyebut": "Jumlah rekomendasi DPRD",
            "kali": "100%",
        },
        sumber_data="Bagian Persidangan dan Penganggaran",
        strategi="Pengembangan fasilitasi persidangan dan penganggaran",
        arah_kebijakan="Peningkatan fasilitasi persidangan, penganggaran, dan pengawasan DPRD",
    )
    kedua.update(sumber_data="Bagian Persidangan dan Penganggaran")
    return data


def sekretariat_dprd_judul_panjang() -> dict:
    """The DPRD with a long TENTANG, so the Lampiran's table starts low on page 1, and a long
    fraction in a first row taller than half a page: the fraction straddled pages 1-2."""
    data = sekretariat_dprd()
    data["keputusan"]["tentang"] += " dan Perubahan Rencana Strategis" * 2
    pertama = data["iku"][0]
    pertama["alasan"] = (
        TIGA_PERATURAN.split("3. Peraturan Menteri")[0] + "3. Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017"
    )
    pertama["formulasi"] = {
        "pembilang": "Jumlah rekomendasi DPRD hasil persidangan dan pembahasan anggaran yang ditindaklanjuti oleh perangkat daerah terkait",
        "penyebut": "Jumlah rekomendasi DPRD hasil persidangan dan pembahasan anggaran yang disampaikan kepada kepala daerah",
        "kali": "100%",
    }
    return data


def sekretariat_dprd_satu_baris_f4() -> dict:
    """The DPRD on F4 with one IKU row only, taller than the room under the Lampiran's title: the
    row moved whole to page 2, leaving the title alone on page 1 and the signature on page 3."""
    data = sekretariat_dprd()
    data["format"]["kertas"] = "F4"
    data["iku"] = data["iku"][:1]
    return data


def bappeda(kertas: str) -> dict:
    data = copy.deepcopy(data_contoh())
    _instansi(data, "Badan Perencanaan Pembangunan Daerah Kabupaten Buleleng", "Kepala")
    data["format"] = {"kertas": kertas, "huruf": "Bookman Old Style"}
    pertama, kedua = data["iku"][0], data["iku"][1]
    for baris in data["iku"]:
        baris.pop("keterangan", None)  # an unused KETERANGAN column
    pertama.update(
        sasaran="Meningkatnya Kualitas Perencanaan dan Pengembangan Pembangunan Daerah",
        indikator="Persentase Rekomendasi Pengembangan yang diakomodasi dalam RKPD",
        formulasi={
            "pembilang": "Jumlah rekomendasi pengembangan yang diakomodasi",
            "penyebut": "Jumlah rekomendasi pengembangan",
            "kali": "100%",
        },
        sumber_data="Bidang Penelitian dan Pengembangan",
    )
    kedua.update(
        indikator="Persentase penduduk yang membayar PBB-P2 tepat waktu",
        sumber_data="Bidang Perencanaan Pengembangan dan Pendapatan",
    )
    return data


def kecamatan_f4() -> dict:
    data = copy.deepcopy(data_contoh())
    nama = "Kecamatan Sukasada Kabupaten Buleleng"
    data["instansi"]["nama"] = nama
    data["penandatangan"]["jabatan"] = "Camat Sukasada"
    data["keputusan"]["tentang"] = f"Penetapan Indikator Kinerja Utama (IKU) {nama} Tahun 2023"
    data["keputusan"]["menimbang"][1] = (
        "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Keputusan "
        f"tentang Penetapan Indikator Kinerja Utama (IKU) {nama} Tahun 2023;"
    )
    data["format"] = {"kertas": "F4", "huruf": "Arial", "tanda_tangan": "elektronik"}
    pertama, kedua = data["iku"][0], data["iku"][1]
    for baris in data["iku"]:
        baris.pop("keterangan", None)  # an unused KETERANGAN column
    pertama.update(
        sasaran="Meningkatnya Ketenteraman, Ketertiban Umum dan Pemberdayaan Kemasyarakatan",
        indikator="Persentase Penyelenggaraan Pemberdayaan Kemasyarakatan yang terkoordinasikan",
        formulasi={
            "pembilang": "Jumlah kegiatan pemberdayaan kemasyarakatan yang terkoordinasikan",
            "penyebut": "Jumlah kegiatan pemberdayaan kemasyarakatan",
            "kali": "100%",
        },
        sumber_data="Seksi Pemberdayaan Masyarakat dan Kesejahteraan Sosial",
    )
    kedua.update(
        indikator="Persentase Penanganan Gangguan Ketenteraman dan Ketertiban Umum",
        sumber_data="Seksi Ketenteraman dan Ketertiban Umum",
    )
    return data


BENTUK = {
    "dprd-a4": sekretariat_dprd,
    "dprd-a4-judul-panjang": sekretariat_dprd_judul_panjang,
    "dprd-f4-satu-baris": sekretariat_dprd_satu_baris_f4,
    "bappeda-f4": lambda: bappeda("F4"),
    "bappeda-a4": lambda: bappeda("A4"),
    "kecamatan-f4": kecamatan_f4,
}


def tulis_bentuk(nama: str, folder: Path) -> Path:
    """The agency's config written as folder/<nama>.toml."""
    return tulis_data(folder / f"{nama}.toml", BENTUK[nama]())
