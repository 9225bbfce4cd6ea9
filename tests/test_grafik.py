"""Charts (iku/grafik.py, matplotlib): negative values below the zero line, byte-stable PNG, the book's charts."""

from __future__ import annotations

import io
import zlib
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image

from bantu import salin_config
from iku import grafik
from iku.konfigurasi import muat
from iku.naskah import buku

D = Decimal
ABU_TARGET = int(grafik.WARNA_TARGET[1:3], 16)  # the targets' grey level in the 8-bit grey PNG

NEGATIF = grafik.Seri(
    "Laju Pertumbuhan Ekonomi",
    "%",
    ("2023", "2024", "2025"),
    (D("-5.15"), D("4.9"), D("2")),
    kondisi_awal=("2021", D("-1.5")),
)
DENGAN_REALISASI = grafik.Seri(
    "Persentase Penduduk Miskin",
    "%",
    ("2023", "2024", "2025", "2026"),
    (D("5.15"), D("4.9"), D("4.8"), D("4.6")),
    realisasi=(D("5.05"), None, None, None),
    kondisi_awal=("2021", D("6.12")),
)


def batang(ax) -> list:
    """The bars of a panel, left to right (patches with a fill, not the frame)."""
    return sorted((p for p in ax.patches), key=lambda p: p.get_x())


def test_nilai_negatif_di_bawah_garis_nol_geometri():
    figur = grafik.figur([NEGATIF])
    ax = figur.axes[0]
    tinggi = [b.get_height() for b in batang(ax)]
    dasar = [b.get_y() for b in batang(ax)]
    assert tinggi == pytest.approx([-1.5, -5.15, 4.9, 2])  # signed: -5,15 goes down, 4,9 up
    assert dasar == [0, 0, 0, 0]
    bawah, atas = ax.get_ylim()
    assert bawah < -5.15 < 0 < 4.9 < atas  # every bar (and room for its label) inside the axes
    assert [list(garis.get_ydata()) for garis in ax.lines] == [[0, 0]]  # the zero line
    label = {t.get_text(): t.xy[1] for t in ax.texts if t.get_text().startswith(("-", "4"))}
    assert label["-5,15"] == pytest.approx(-5.15) and label["4,9"] == pytest.approx(4.9)


def kolom_piksel(ax, x: float, tinggi_px: int) -> tuple[int, int]:
    """Pixel column of data x and pixel row of the zero line (rows counted from the top)."""
    px, py = ax.transData.transform((x, 0))
    return round(px), tinggi_px - round(py)


def test_nilai_negatif_di_bawah_garis_nol_piksel():
    """In the PNG itself: the -5,15 bar's pixels lie under the zero line, 4,9's above it, and -5,15 is longer."""
    png = grafik.grafik([NEGATIF])
    gambar = Image.open(io.BytesIO(png.data))
    assert gambar.mode == "L"
    ax = grafik.figur([NEGATIF]).axes[0]
    baris = {}
    for x in (1, 2):  # the 2023 (-5,15) and 2024 (4,9) targets
        kolom, nol = kolom_piksel(ax, x, gambar.height)
        isi = [y for y in range(gambar.height) if gambar.getpixel((kolom, y)) == ABU_TARGET]
        baris[x] = (min(isi), max(isi), nol)
    atas_neg, bawah_neg, nol = baris[1]
    atas_pos, bawah_pos, _ = baris[2]
    assert atas_neg > nol - 3 and bawah_neg > nol + 20  # drawn downward from the zero line
    assert bawah_pos < nol + 3 and atas_pos < nol - 20  # drawn upward
    assert (bawah_neg - atas_neg) > (bawah_pos - atas_pos)  # |-5,15| > 4,9


def chunk_png(data: bytes) -> list[bytes]:
    hasil, posisi = [], 8
    while posisi < len(data):
        panjang = int.from_bytes(data[posisi : posisi + 4], "big")
        hasil.append(data[posisi + 4 : posisi + 8])
        posisi += 12 + panjang
    return hasil


def test_png_sama_byte_demi_byte_tanpa_metadata(tmp_path):
    a = grafik.grafik([NEGATIF, DENGAN_REALISASI])
    assert grafik.grafik([NEGATIF, DENGAN_REALISASI]) is a  # drawn once per process
    grafik.lupakan()
    b = grafik.grafik([NEGATIF, DENGAN_REALISASI])  # drawn anew: the same bytes
    assert b is not a and a.data == b.data
    assert set(chunk_png(a.data)) <= {b"IHDR", b"pHYs", b"IDAT", b"IEND"}  # no tEXt, tIME, iTXt
    grafik.lupakan()
    assert zlib.crc32(a.data) == zlib.crc32(grafik.grafik([NEGATIF, DENGAN_REALISASI]).data)
    assert grafik.grafik([NEGATIF]).data != a.data


def test_ukuran_gambar_dan_panel_per_halaman():
    satu = grafik.grafik([NEGATIF])
    assert satu.lebar_mm == pytest.approx(160, abs=0.2) and satu.tinggi_mm == pytest.approx(grafik.PANEL_MM, abs=0.2)
    enam = grafik.grafik([NEGATIF] * 6)
    assert enam.tinggi_mm == pytest.approx(3 * grafik.PANEL_MM + 2 * grafik.JARAK_MM, abs=0.2)
    assert [grafik.panel_per_gambar(t) for t in (60, 127, 128, 227, 260)] == [2, 2, 4, 6, 8]


def test_realisasi_di_samping_target_dan_celah_tanpa_batang():
    ax = grafik.figur([DENGAN_REALISASI]).axes[0]
    bar = batang(ax)
    assert [round(b.get_height(), 2) for b in bar] == [6.12, 5.15, 5.05, 4.9, 4.8, 4.6]  # realisasi only for 2023
    target, realisasi = bar[1], bar[2]
    assert realisasi.get_x() > target.get_x() and realisasi.get_hatch() == "////" and not target.get_hatch()
    teks = [t.get_text() for t in ax.texts]
    assert teks.count("-") == 3  # the missing realisasi print "-"
    assert ["2021", "2023", "2024", "2025", "2026"] == [t for t in teks if t.isdigit() and len(t) == 4]
    legenda = [t.get_text() for t in grafik.figur([DENGAN_REALISASI]).legends[0].get_texts()]
    assert legenda == ["Kondisi awal", "Target", "Realisasi"]


def test_label_angka_indonesia_dan_tegak_bila_lebar():
    besar = grafik.Seri(
        "x",
        "rupiah",
        ("2025", "2026", "2027", "2028", "2029", "2030"),
        (D("12345678.25"),) * 6,
        kondisi_awal=("2023", D("12345678.25")),
    )
    ax = grafik.figur([besar, NEGATIF]).axes[0]
    label = [t for t in ax.texts if "," in t.get_text()]
    assert [t.get_text() for t in label] == ["12.345.678,25"] * 7
    assert all(t.get_rotation() == 90 for t in label)
    assert all(t.get_rotation() == 0 for t in grafik.figur([NEGATIF]).axes[0].texts)


def test_judul_panjang_dibungkus_paling_banyak_tiga_baris():
    panjang = grafik.Seri("Persentase " * 30, "%", ("2023",), (D(1),))
    judul = grafik.judul_panel(panjang, 75)
    assert len(judul) == 3 and judul[-1].endswith("…")


def test_buku_menggambar_target_negatif_di_bawah_nol(tmp_path):
    """Issue 8 item 5: the book's target chart of a row with negative values, read back from the picture file."""
    config = muat(
        salin_config(
            tmp_path / "iku.toml",
            {
                "kondisi_awal = 6.12": "kondisi_awal = -1.5",
                "target = { 2023 = 5.15": "target = { 2023 = -5.15, 2024 = 4.9, 2025 = 4.8, 2026 = 4.6 }",
            },
        )
    )
    [isi] = buku.grafik(config, tmp_path / "gambar", "Gambar 2.2.1")
    assert isi["judul"].startswith("Gambar 2.2.1 Kondisi Awal (2021)")
    gambar = Image.open(Path(isi["gambar"].path))
    ax = grafik.figur([buku.seri_grafik(b, config) for b in config.iku]).axes[0]
    kolom, nol = kolom_piksel(ax, 1, gambar.height)  # 2023's target, -5,15
    isi_kolom = [y for y in range(gambar.height) if gambar.getpixel((kolom, y)) == ABU_TARGET]
    assert min(isi_kolom) >= nol - 3 and max(isi_kolom) > nol + 20


def test_seri_target_dan_realisasi_dari_konfigurasi(tmp_path):
    config = muat(salin_config(tmp_path / "iku.toml"))
    seri = grafik.seri_target_realisasi(config.iku[0], config)
    assert seri.tahun == ("2023", "2024", "2025", "2026") and seri.kondisi_awal == ("2021", D("6.12"))
    assert seri.target == (D("5.15"), D("4.9"), D("4.8"), D("4.6"))
    assert seri.realisasi == (D("5.05"), None, None, None)  # realisasi of later years not known yet


def test_angka_sangat_besar_tetap_tergambar():
    """Any finite number of the config draws (issue 8 item 7): labels print it, heights stop at float's range."""
    besar = grafik.Seri("x", "%", ("2023", "2024"), (D("1e28"), D("-1e400")))
    ax = grafik.figur([besar]).axes[0]
    assert "10.000.000.000.000.000.000.000.000.000" in [t.get_text() for t in ax.texts]
    assert [b.get_height() for b in batang(ax)] == [1e28, -grafik.BATAS_FLOAT]
    assert grafik.grafik([besar]).data.startswith(b"\x89PNG")


def test_grafik_turun_menyebut_makin_rendah_makin_baik():
    """Issue 18 item 16: a tall realisasi bar of a lower-is-better indicator is no achievement."""
    from dataclasses import replace

    turun = replace(DENGAN_REALISASI, arah="turun")
    figur = grafik.figur([turun])
    judul = [t.get_text() for t in figur.texts]
    assert judul == ["Persentase Penduduk Miskin (%)\n(makin rendah makin baik)"]
    assert [t.get_text() for t in grafik.figur([DENGAN_REALISASI]).texts] == ["Persentase Penduduk Miskin (%)"]
    assert grafik.grafik([turun]).data != grafik.grafik([DENGAN_REALISASI]).data
