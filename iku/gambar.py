"""Pictures of the documents: the PNG container they share, and the organisation chart.

The organisation chart is drawn with Pillow at print resolution (the charts of values are
matplotlib's, in iku/grafik.py). Output is deterministic (no timestamp or other metadata in
the PNG), so the same config gives the same picture bytes and the same DOCX.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

Huruf = ImageFont.FreeTypeFont | ImageFont.ImageFont  # a TrueType font, or Pillow's own when none is found


DPI = 300
SIMPANAN_GAMBAR = 32  # pictures kept drawn per process (PNG bytes, a few hundred kB at most each)
HITAM, PUTIH, ABU = 0, 255, 215
HURUF_BIASA = ("arial.ttf", "LiberationSans-Regular.ttf", "DejaVuSans.ttf")
HURUF_TEBAL = ("arialbd.ttf", "LiberationSans-Bold.ttf", "DejaVuSans-Bold.ttf")


def px(mm: float) -> int:
    """Millimetres on paper -> pixels at DPI."""
    return round(mm / 25.4 * DPI)


def mm(piksel: int) -> float:
    """Pixels at DPI -> millimetres on paper."""
    return piksel * 25.4 / DPI


@cache
def huruf(ukuran: int, tebal: bool = False) -> Huruf:
    """The first sans font found on this system (Pillow searches the system font folders)."""
    for nama in HURUF_TEBAL if tebal else HURUF_BIASA:
        try:
            return ImageFont.truetype(nama, ukuran)
        except OSError:
            continue
    return ImageFont.load_default(ukuran)


def bungkus(teks: str, font: Huruf, lebar: int) -> list[str]:
    """Greedy word wrap to lebar pixels; a single overlong word stays on its own line."""
    baris: list[str] = []
    for bagian in teks.splitlines() or [""]:
        sekarang = ""
        for kata in bagian.split():
            calon = f"{sekarang} {kata}".strip()
            if sekarang and font.getlength(calon) > lebar:
                baris.append(sekarang)
                calon = kata
            sekarang = calon
        baris.append(sekarang)
    return baris


@dataclass(frozen=True)
class Png:
    """A picture as PNG bytes and its printed size."""

    data: bytes
    lebar_mm: float
    tinggi_mm: float


def png(gambar: Image.Image) -> Png:
    """A Pillow picture (at DPI) as PNG bytes without metadata."""
    penampung = io.BytesIO()
    gambar.save(penampung, format="PNG", optimize=False, dpi=(DPI, DPI))
    return Png(penampung.getvalue(), mm(gambar.width), mm(gambar.height))


def simpan(gambar: Image.Image | Png, folder: Path, awalan: str) -> Path:
    """Write a PNG; the file name is its content hash (same picture, same name)."""
    data = (gambar if isinstance(gambar, Png) else png(gambar)).data
    folder.mkdir(parents=True, exist_ok=True)
    tujuan = folder / f"{awalan}-{hashlib.sha256(data).hexdigest()[:16]}.png"
    if not tujuan.exists():
        sementara = tujuan.with_suffix(".tmp")
        sementara.write_bytes(data)
        sementara.replace(tujuan)
    return tujuan


# ---------------------------------------------------------------- organisation chart


@dataclass(frozen=True)
class Kotak:
    """One unit of the chart and the units under it."""

    nama: str
    anak: tuple[str, ...] = ()


GARIS = 3
JARAK = px(4)
PADAT = px(1.5)


def _tinggi_kotak(baris: list[str], font: Huruf) -> int:
    return len(baris) * round(getattr(font, "size", 10) * 1.2) + 2 * PADAT


def _gambar_kotak(
    d: ImageDraw.ImageDraw, x: int, y: int, lebar: int, baris: list[str], font: Huruf, isi: int = PUTIH
) -> int:
    """Draw a box with centred lines; return its height."""
    tinggi = _tinggi_kotak(baris, font)
    d.rectangle((x, y, x + lebar, y + tinggi), fill=isi, outline=HITAM, width=GARIS)
    langkah = round(getattr(font, "size", 10) * 1.2)
    for i, teks in enumerate(baris):
        d.text((x + lebar / 2, y + PADAT + i * langkah + langkah / 2), teks, fill=HITAM, font=font, anchor="mm")
    return tinggi


def _baris_anak(jumlah: int, paling_banyak: int = 4) -> list[int]:
    """Split the units under the head into rows of at most four, as even as possible."""
    if jumlah == 0:
        return []
    n_baris = -(-jumlah // paling_banyak)
    per = -(-jumlah // n_baris)
    return [min(per, jumlah - i * per) for i in range(n_baris)]


def _kolom(d: ImageDraw.ImageDraw | None, x: int, y: int, lebar: int, unit: Kotak) -> int:
    """One unit with its sub-units stacked under it; return the column height (draws if d)."""
    f_unit, f_anak = huruf(px(2.6), True), huruf(px(2.3))
    baris = bungkus(unit.nama, f_unit, lebar - 2 * PADAT)
    tinggi = _tinggi_kotak(baris, f_unit)
    if d:
        _gambar_kotak(d, x, y, lebar, baris, f_unit, isi=ABU)
    masuk = px(3)
    atas = y + tinggi
    for nama in unit.anak:
        b = bungkus(nama, f_anak, lebar - masuk - 2 * PADAT)
        kotak_y = y + tinggi + JARAK // 2
        t = _tinggi_kotak(b, f_anak)
        if d:
            tengah = kotak_y + t // 2
            d.line((x + masuk // 2, atas, x + masuk // 2, tengah), fill=HITAM, width=GARIS)
            d.line((x + masuk // 2, tengah, x + masuk, tengah), fill=HITAM, width=GARIS)
            _gambar_kotak(d, x + masuk, kotak_y, lebar - masuk, b, f_anak)
        atas = kotak_y + t // 2
        tinggi += JARAK // 2 + t
    return tinggi


def bagan_organisasi(kepala: Kotak, unit: list[Kotak], lebar_mm: float = 160) -> Image.Image:
    """Head on top; the other units in rows under it, each with its sub-units stacked below."""
    lebar = px(lebar_mm)
    tata = _tata_letak(kepala, unit, lebar)
    gambar = Image.new("L", (lebar, tata["tinggi"]), PUTIH)
    _gambar_bagan(ImageDraw.Draw(gambar), kepala, unit, tata, lebar)
    return gambar


@lru_cache(maxsize=SIMPANAN_GAMBAR)
def bagan_png(kepala: Kotak, unit: tuple[Kotak, ...], lebar_mm: float, tinggi_mm: float) -> tuple[Png, ...]:
    """bagan_terbagi's pictures as PNG, drawn once per process: the IKU book and the LKjIP of a
    set show the same organisation chart."""
    return tuple(png(g) for g in bagan_terbagi(kepala, list(unit), lebar_mm, tinggi_mm))


def bagan_terbagi(kepala: Kotak, unit: list[Kotak], lebar_mm: float, tinggi_mm: float) -> list[Image.Image]:
    """The chart as one picture when it fits tinggi_mm; otherwise several, each with the head on
    top and as many rows of units (four to a row) as fit. A picture can still be taller than
    tinggi_mm when a single row is (the caller scales it down)."""
    lebar, batas = px(lebar_mm), px(tinggi_mm)
    if _tata_letak(kepala, unit, lebar)["tinggi"] <= batas or len(unit) <= 4:
        return [bagan_organisasi(kepala, unit, lebar_mm)]
    kelompok: list[list[Kotak]] = [[]]
    for awal in range(0, len(unit), 4):
        calon = kelompok[-1] + unit[awal : awal + 4]
        if kelompok[-1] and _tata_letak(kepala, calon, lebar)["tinggi"] > batas:
            kelompok.append(unit[awal : awal + 4])
        else:
            kelompok[-1] = calon
    return [bagan_organisasi(kepala, k, lebar_mm) for k in kelompok]


def _tata_letak(kepala: Kotak, unit: list[Kotak], lebar: int) -> dict:
    """Box sizes and row positions. Several rows hang from a spine on the left margin."""
    f_kepala = huruf(px(3), True)
    lebar_kepala = min(lebar - 2 * GARIS, px(60))
    b_kepala = bungkus(kepala.nama, f_kepala, lebar_kepala - 2 * PADAT)
    y = GARIS + _tinggi_kotak(b_kepala, f_kepala)
    jumlah_baris = _baris_anak(len(unit))
    kiri = GARIS + (px(4) if len(jumlah_baris) > 1 else 0)
    baris, posisi = [], 0
    for jumlah in jumlah_baris:
        isi = unit[posisi : posisi + jumlah]
        posisi += jumlah
        kolom = (lebar - kiri - GARIS - (jumlah - 1) * JARAK) // jumlah
        y += 2 * JARAK
        pusat = [kiri + i * (kolom + JARAK) + kolom // 2 for i in range(jumlah)]
        baris.append({"y": y, "isi": isi, "kolom": kolom, "kiri": kiri, "pusat": pusat})
        y += max(_kolom(None, 0, 0, kolom, u) for u in isi)
    return {"kepala": (lebar_kepala, b_kepala, f_kepala), "baris": baris, "tinggi": y + GARIS * 2}


def _gambar_bagan(d: ImageDraw.ImageDraw, kepala: Kotak, unit: list[Kotak], tata: dict, lebar: int) -> None:
    lebar_kepala, b_kepala, f_kepala = tata["kepala"]
    tengah = lebar // 2
    bawah = GARIS + _gambar_kotak(d, tengah - lebar_kepala // 2, GARIS, lebar_kepala, b_kepala, f_kepala, isi=ABU)
    baris = tata["baris"]
    if not baris:
        return
    tulang = GARIS + px(1.5)  # the spine, used when the units take several rows
    d.line((tengah, bawah, tengah, baris[0]["y"] - JARAK), fill=HITAM, width=GARIS)
    if len(baris) > 1:
        d.line((tulang, baris[0]["y"] - JARAK, tulang, baris[-1]["y"] - JARAK), fill=HITAM, width=GARIS)
    for n, b in enumerate(baris):
        bus = b["y"] - JARAK
        ujung = b["pusat"] + ([tengah] if n == 0 else []) + ([tulang] if len(baris) > 1 else [])
        d.line((min(ujung), bus, max(ujung), bus), fill=HITAM, width=GARIS)
        for i, u in enumerate(b["isi"]):
            d.line((b["pusat"][i], bus, b["pusat"][i], b["y"]), fill=HITAM, width=GARIS)
            _kolom(d, b["kiri"] + i * (b["kolom"] + JARAK), b["y"], b["kolom"], u)
