"""Context of the Dokumen IKU (the IKU book, templates/dokumen-iku.docx).

Every heading label ("BAB I", "1.2", "Tabel 2.2.1") is numbered here from one outline,
so the contents list and the body can never disagree. Texts the config leaves out get a
default written for the agency; missing plan values print as "-". The book also carries
the decree's own context (kop, judul, penandatangan ...) so its Keputusan and Lampiran
are the same blocks as the standalone documents.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from PIL import Image

from .. import bahasa, gambar
from .. import grafik as grafik_
from ..model import KERTAS_MM, Config, Iku, kepala_daerah
from . import blok, keputusan
from .blok import Gambar, periode, periode_judul

KOSONG = "-"
LEBAR_GAMBAR_MM = 160
# The book's portrait pages (templates/dokumen-iku.docx): top and bottom margins, in mm.
MARGIN_ATAS_BAWAH_MM = 20 + 25
# Room kept under a picture for its caption (up to three lines of 11 pt) and the space around it.
RUANG_JUDUL_MM = 25

# The book's outline: (key, title or None when the title depends on the config, level, numbered).
KERANGKA: list[tuple[str, str | None, int, bool]] = [
    ("pengantar", "KATA PENGANTAR", 1, False),
    ("daftar_isi", "DAFTAR ISI", 1, False),
    ("pendahuluan", "PENDAHULUAN", 1, True),
    ("latar", "Latar Belakang", 2, True),
    ("struktur", None, 2, True),
    ("tujuan_iku", "Tujuan Indikator Kinerja Utama", 2, True),
    ("bab_iku", "INDIKATOR KINERJA UTAMA", 1, True),
    ("tujuan_sasaran", "Tujuan dan Sasaran Strategis", 2, True),
    ("strategi", "Strategi dan Arah Kebijakan", 2, True),
    ("iku", "Indikator Kinerja Utama", 2, True),
    ("penutup", "PENUTUP", 1, True),
    ("lampiran", "LAMPIRAN", 1, False),
]


def kerangka(config: Config) -> list[dict[str, Any]]:
    """The outline numbered: BAB I, 1.1, 1.2 ... each with its key, level, label and full text."""
    entri = ((k, j or f"Struktur Organisasi {config.instansi.nama}", t, b) for k, j, t, b in KERANGKA)
    return blok.kerangka_bernomor(entri, lambda bab, sub: f"{bab}.{sub}")


def paragraf(teks: str) -> list[list[str]]:
    """Paragraphs split on blank lines; each paragraph a list of its lines (single newlines)."""
    blok = [b.strip() for b in teks.replace("\r\n", "\n").split("\n\n")]
    return [[baris.strip() for baris in b.split("\n") if baris.strip()] for b in blok if b]


def lama_tahun(config: Config) -> str:
    """'4 (empat) tahun'."""
    n = config.rencana.tahun_akhir - config.rencana.tahun_awal + 1
    return f"{n} ({bahasa.terbilang(n)}) tahun"


# ---------------------------------------------------------------- front matter


def sampul(config: Config) -> dict[str, Any]:
    i = config.instansi
    kontak = [f"Laman:\u00a0{i.laman}"] * bool(i.laman) + [f"Pos-el:\u00a0{i.email}"] * bool(i.email)
    return {
        "judul": "INDIKATOR KINERJA UTAMA",
        "periode": f"TAHUN {periode_judul(config)}",
        "pemerintah": "" if kepala_daerah(i) else i.pemerintah.upper(),  # the kepala daerah's set: named once
        "instansi": i.nama.upper(),
        "logo": Gambar(Path(i.logo), 45) if i.logo else None,
        "alamat": f"{i.alamat}, {i.kota}" + (f" {i.kode_pos}" if i.kode_pos else ""),
        "kontak": kontak + [f"Telepon:\u00a0{i.telepon}"],
    }


def pengantar_bawaan(config: Config) -> str:
    nama = config.instansi.nama
    return (
        f"Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa, karena atas berkat dan rahmat-Nya "
        f"Indikator Kinerja Utama {nama} Tahun {periode_judul(config)} dapat diselesaikan. Indikator Kinerja Utama "
        f"merupakan ukuran keberhasilan dari suatu tujuan dan sasaran strategis organisasi, yang wajib "
        f"ditetapkan secara formal oleh setiap instansi pemerintah.\n\n"
        f"Indikator Kinerja Utama ini menjadi acuan dalam perencanaan tahunan, perencanaan anggaran, "
        f"penyusunan perjanjian kinerja, pengukuran kinerja, pelaporan akuntabilitas kinerja, serta "
        f"evaluasi kinerja {nama}.\n\n"
        f"Kami menyampaikan terima kasih kepada semua pihak yang telah membantu penyusunan dokumen ini. "
        f"Semoga dokumen ini bermanfaat bagi peningkatan kinerja {nama}."
    )


def pengantar(config: Config) -> dict[str, Any]:
    d = config.dokumen
    tanggal = d.tanggal_kata_pengantar or config.keputusan.tanggal
    return {
        "paragraf": paragraf(d.kata_pengantar or pengantar_bawaan(config)),
        "tempat_tanggal": f"{config.keputusan.tempat}, {bahasa.tanggal(tanggal)}",
    }


# ---------------------------------------------------------------- BAB I


def latar_bawaan(config: Config) -> str:
    return (
        "Pembangunan yang dilaksanakan melalui program dan kegiatan diharapkan dapat meningkatkan taraf "
        "hidup dan kesejahteraan masyarakat. Untuk itu instansi pemerintah perlu menerapkan sistem yang "
        "mendukung pembangunan sejak perencanaan hingga evaluasi. Sebagai bentuk pertanggungjawaban kepada "
        "publik, diperlukan pengukuran kinerja untuk menunjukkan apakah sasaran telah berhasil dicapai.\n\n"
        "Peraturan Menteri Negara Pendayagunaan Aparatur Negara Nomor PER/09/M.PAN/5/2007 tentang Pedoman "
        "Umum Penetapan Indikator Kinerja Utama di Lingkungan Instansi Pemerintah mewajibkan pimpinan "
        f"instansi pemerintah menetapkan Indikator Kinerja Utama. Dokumen ini memuat Indikator Kinerja Utama "
        f"{config.instansi.nama} Tahun {periode_judul(config)}."
    )


def _akhiran(posisi: int, jumlah: int, penutup: str) -> str:
    """';' for every item, '; dan' for the one before last, penutup for the last."""
    if posisi == jumlah - 1:
        return penutup
    return "; dan" if posisi == jumlah - 2 else ";"


def daftar_struktur(config: Config) -> list[dict[str, Any]]:
    """a. b. c. units; a unit with sub-units reads ', membawahi:' and its 1. 2. list carries the ending."""
    unit, hasil = config.struktur, []
    for i, u in enumerate(unit):
        akhir = _akhiran(i, len(unit), ".")
        anak = [
            {"label": f"{j + 1}.", "teks": a + _akhiran(j, len(u.membawahi), akhir)} for j, a in enumerate(u.membawahi)
        ]
        teks = f"{u.nama}, membawahi:" if anak else u.nama + akhir
        hasil.append({"label": blok.label_huruf(i + 1), "teks": teks, "anak": anak})
    return hasil


def tinggi_gambar_mm(config: Config) -> float:
    """The tallest picture (with its caption under it) that fits a portrait page of the paper."""
    return KERTAS_MM[config.format.kertas][1] - MARGIN_ATAS_BAWAH_MM - RUANG_JUDUL_MM


def muat_halaman(png: Image.Image | gambar.Png, folder: Path, awalan: str, tinggi_mm: float) -> Gambar:
    """Save a picture to print LEBAR_GAMBAR_MM wide, or narrower when that would be taller than tinggi_mm."""
    png = png if isinstance(png, gambar.Png) else gambar.png(png)
    tinggi = png.tinggi_mm * LEBAR_GAMBAR_MM / png.lebar_mm
    lebar = LEBAR_GAMBAR_MM if tinggi <= tinggi_mm else math.floor(LEBAR_GAMBAR_MM * tinggi_mm / tinggi)
    return Gambar(gambar.simpan(png, folder, awalan), lebar)


def bagan(config: Config, folder: Path) -> list[dict[str, Any]]:
    """The organisation chart as pictures that each fit a page, each with its caption."""
    if not config.struktur:
        return []
    kotak = [gambar.Kotak(u.nama, tuple(u.membawahi)) for u in config.struktur]
    tinggi = tinggi_gambar_mm(config)
    bagian = gambar.bagan_png(kotak[0], tuple(kotak[1:]), LEBAR_GAMBAR_MM, tinggi)
    judul = f"Bagan Struktur Organisasi {config.instansi.nama}"
    return [
        {
            "gambar": muat_halaman(png, folder, "bagan", tinggi),
            "judul": judul if len(bagian) == 1 else f"{judul} ({n}/{len(bagian)})",
        }
        for n, png in enumerate(bagian, start=1)
    ]


def struktur(config: Config, folder: Path) -> dict[str, Any]:
    nama = config.instansi.nama
    susunan = (
        f"Susunan organisasi {nama} adalah sebagai berikut:"
        if config.struktur
        else f"Susunan organisasi {nama} ditetapkan dengan peraturan kepala daerah tentang kedudukan, "
        f"susunan organisasi, tugas dan fungsi serta tata kerja perangkat daerah."
    )
    return {
        "pengantar": f"{nama} dibentuk untuk memberikan pelayanan yang optimal kepada masyarakat. {susunan}",
        "daftar": daftar_struktur(config),
        "bagan": bagan(config, folder),
    }


# ---------------------------------------------------------------- BAB II


def sasaran(config: Config) -> list[dict[str, str]]:
    """Distinct sasaran in order, each with its indikator joined."""
    urut: dict[str, list[str]] = {}
    for b in config.iku:
        urut.setdefault(b.sasaran, [])
        if b.indikator not in urut[b.sasaran]:
            urut[b.sasaran].append(b.indikator)
    return [
        {"label": f"{n}.", "sasaran": s, "indikator": "; ".join(i)} for n, (s, i) in enumerate(urut.items(), start=1)
    ]


def angka_atau_kosong(nilai: Any) -> str:
    return KOSONG if nilai is None else bahasa.angka(nilai)


def baris_tabel(config: Config) -> list[dict[str, Any]]:
    """Tabel 2.2.1 rows: flags for the merged cells, numbers formatted, kondisi akhir computed."""
    hasil, sebelumnya = [], None
    for i, b in enumerate(config.iku):
        target = [angka_atau_kosong((b.target or {}).get(str(t))) for t in config.rencana.tahun]
        hasil.append(
            {
                **keputusan.baris_iku(b),
                "awal_sasaran": i == 0 or b.sasaran != sebelumnya,
                "sasaran": b.sasaran,
                "kondisi_awal": angka_atau_kosong(b.kondisi_awal),
                "target": target,
                "kondisi_akhir": target[-1],
                "strategi": b.strategi or KOSONG,
                "arah_kebijakan": b.arah_kebijakan or KOSONG,
                "acuan": b.acuan or KOSONG,
            }
        )
        sebelumnya = b.sasaran
    return hasil


def tabel(config: Config, label: str) -> dict[str, Any]:
    """Tabel 2.2.1 (or the LKjIP's table of targets), captioned label."""
    r = config.rencana
    tahun = [str(t) for t in r.tahun]
    return {
        "label": label,
        "judul": f"Tujuan, Sasaran Strategis, Strategi dan Arah Kebijakan {config.instansi.nama} "
        f"Tahun {periode(config)}",
        "tujuan": r.tujuan,
        "indikator_tujuan": r.indikator_tujuan,
        "tahun": tahun,
        "jumlah_tahun": len(tahun),
        "kondisi_awal": f"KONDISI AWAL ({r.tahun_kondisi_awal})",
        "kondisi_akhir": f"KONDISI AKHIR ({r.tahun_akhir})",
        "nomor": [str(n) for n in range(1, 13 + len(tahun))],
        "baris": baris_tabel(config),
    }


def seri_grafik(b: Iku, config: Config) -> grafik_.Seri | None:
    if b.kondisi_awal is None or not b.target:
        return None
    tahun = tuple(str(t) for t in config.rencana.tahun)
    return grafik_.Seri(
        b.indikator,
        b.satuan,
        tahun,
        tuple(b.target.get(t) for t in tahun),
        kondisi_awal=(str(config.rencana.tahun_kondisi_awal), b.kondisi_awal),
        arah=b.arah,
    )


def grafik(config: Config, folder: Path, label: str) -> list[dict[str, Any]]:
    """The target charts as pictures of at most panel_per_gambar indicators, so each fits a page;
    captioned label ('Gambar 2.2.1'), 'Gambar 2.2.1 (1/7) ...' when there are several."""
    seri = [s for s in (seri_grafik(b, config) for b in config.iku) if s]
    tinggi = tinggi_gambar_mm(config)
    per = grafik_.panel_per_gambar(tinggi)
    bagian = [seri[i : i + per] for i in range(0, len(seri), per)]
    judul = (
        f"Kondisi Awal ({config.rencana.tahun_kondisi_awal}) dan Target Indikator Kinerja Utama Tahun {periode(config)}"
    )
    return [
        {
            "gambar": muat_halaman(grafik_.grafik(b, LEBAR_GAMBAR_MM), folder, "grafik", tinggi),
            "judul": f"{label} {judul}" if len(bagian) == 1 else f"{label} ({n}/{len(bagian)}) {judul}",
        }
        for n, b in enumerate(bagian, start=1)
    ]


def bab_iku(config: Config, folder: Path, label: dict[str, str]) -> dict[str, Any]:
    r, nama = config.rencana, config.instansi.nama
    return {
        "periode": periode(config),
        "lama": lama_tahun(config),
        "tujuan": f"Tujuan {nama} adalah \u201c{r.tujuan}\u201d, dengan indikator tujuan "
        f"\u201c{r.indikator_tujuan}\u201d.",
        "sasaran": sasaran(config),
        "tabel": tabel(config, blok.penomor("Tabel", label["strategi"])()),
        "grafik": grafik(config, folder, blok.penomor("Gambar", label["strategi"])()),
    }


# ---------------------------------------------------------------- the whole book


def konteks(config: Config, folder_gambar: Path) -> dict[str, Any]:
    """Context of templates/dokumen-iku.docx; pictures are written into folder_gambar."""
    garis = kerangka(config)
    label = {g["kunci"]: g["label"] for g in garis}
    return {
        **keputusan.keputusan(config),
        "buku": {
            "instansi": config.instansi.nama,
            "sampul": sampul(config),
            "pengantar": pengantar(config),
            "judul": {g["kunci"]: g["teks"] for g in garis},
            "daftar_isi": blok.daftar_isi(garis),
            "latar": paragraf(config.dokumen.latar_belakang or latar_bawaan(config)),
            "struktur": struktur(config, folder_gambar),
            "bab_iku": bab_iku(config, folder_gambar, label),
            "lampiran": f"Keputusan {config.penandatangan.jabatan} Nomor {config.keputusan.nomor} "
            f"tentang {keputusan.tentang(config)}",
        },
    }
