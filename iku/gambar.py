"""Pictures of the IKU book drawn from the config: the organisation chart and the target chart.

Drawn with Pillow at print resolution. Output is deterministic (no timestamp or other
metadata in the PNG), so the same config gives the same picture bytes and the same DOCX.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from . import bahasa

DPI = 300
HITAM, PUTIH, ABU = 0, 255, 215
HURUF_BIASA = ("arial.ttf", "LiberationSans-Regular.ttf", "DejaVuSans.ttf")
HURUF_TEBAL = ("arialbd.ttf", "LiberationSans-Bold.ttf", "DejaVuSans-Bold.ttf")


def px(mm: float) -> int:
    """Millimetres on paper -> pixels at DPI."""
    return round(mm / 25.4 * DPI)


def mm(piksel: int) -> float:
    """Pixels at DPI -> millimetres on paper."""
    return piksel * 25.4 / DPI


@lru_cache(maxsize=None)
def huruf(ukuran: int, tebal: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """The first sans font found on this system (Pillow searches the system font folders)."""
    for nama in HURUF_TEBAL if tebal else HURUF_BIASA:
        try:
            return ImageFont.truetype(nama, ukuran)
        except OSError:
            continue
    return ImageFont.load_default(ukuran)


def bungkus(teks: str, font: ImageFont.ImageFont, lebar: int) -> list[str]:
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


def simpan(gambar: Image.Image, folder: Path, awalan: str) -> Path:
    """Write a PNG without metadata; the file name is its content hash (same picture, same name)."""
    penampung = io.BytesIO()
    gambar.save(penampung, format="PNG", optimize=False, dpi=(DPI, DPI))
    data = penampung.getvalue()
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


def _tinggi_kotak(baris: list[str], font: ImageFont.ImageFont) -> int:
    return len(baris) * round(font.size * 1.2) + 2 * PADAT


def _gambar_kotak(d: ImageDraw.ImageDraw, x: int, y: int, lebar: int, baris: list[str],
                  font: ImageFont.ImageFont, isi: int = PUTIH) -> int:
    """Draw a box with centred lines; return its height."""
    tinggi = _tinggi_kotak(baris, font)
    d.rectangle((x, y, x + lebar, y + tinggi), fill=isi, outline=HITAM, width=GARIS)
    langkah = round(font.size * 1.2)
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


def bagan_terbagi(kepala: Kotak, unit: list[Kotak], lebar_mm: float, tinggi_mm: float) -> list[Image.Image]:
    """The chart as one picture when it fits tinggi_mm; otherwise several, each with the head on
    top and as many rows of units (four to a row) as fit. A picture can still be taller than
    tinggi_mm when a single row is (the caller scales it down)."""
    lebar, batas = px(lebar_mm), px(tinggi_mm)
    if _tata_letak(kepala, unit, lebar)["tinggi"] <= batas or len(unit) <= 4:
        return [bagan_organisasi(kepala, unit, lebar_mm)]
    kelompok: list[list[Kotak]] = [[]]
    for awal in range(0, len(unit), 4):
        calon = kelompok[-1] + unit[awal:awal + 4]
        if kelompok[-1] and _tata_letak(kepala, calon, lebar)["tinggi"] > batas:
            kelompok.append(unit[awal:awal + 4])
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
        isi = unit[posisi:posisi + jumlah]
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


# ---------------------------------------------------------------- target chart

@dataclass(frozen=True)
class Seri:
    """One indicator: its name, unit, and (label, value) bars in order."""

    nama: str
    satuan: str
    nilai: tuple[tuple[str, Decimal], ...]


PANEL_MM = 62


def panel_per_gambar(tinggi_mm: float) -> int:
    """How many indicator panels (two to a row) fit in one picture at most tinggi_mm tall."""
    baris = max(1, int((px(tinggi_mm) + JARAK) // (px(PANEL_MM) + JARAK)))
    return 2 * baris


def grafik_target(seri: list[Seri], lebar_mm: float = 160) -> Image.Image:
    """Small multiples: one bar panel per indicator (kondisi awal in grey, targets in black)."""
    per_baris = 1 if len(seri) == 1 else 2
    lebar = px(lebar_mm)
    panel_l = (lebar - (per_baris - 1) * JARAK) // per_baris
    panel_t = px(PANEL_MM)
    n_baris = -(-len(seri) // per_baris)
    gambar = Image.new("L", (lebar, n_baris * panel_t + (n_baris - 1) * JARAK), PUTIH)
    d = ImageDraw.Draw(gambar)
    for i, s in enumerate(seri):
        x = (i % per_baris) * (panel_l + JARAK)
        y = (i // per_baris) * (panel_t + JARAK)
        _panel(d, x, y, panel_l, panel_t, s)
    return gambar


def _panel(d: ImageDraw.ImageDraw, x: int, y: int, lebar: int, tinggi: int, s: Seri) -> None:
    f_judul, f_teks = huruf(px(2.6), True), huruf(px(2.3))
    d.rectangle((x, y, x + lebar - 1, y + tinggi - 1), outline=HITAM, width=GARIS)
    judul = bungkus(f"{s.nama} ({s.satuan})", f_judul, lebar - 2 * PADAT)[:3]
    langkah = round(f_judul.size * 1.2)
    for i, teks in enumerate(judul):
        d.text((x + lebar / 2, y + PADAT + i * langkah), teks, fill=HITAM, font=f_judul, anchor="ma")
    dasar = y + tinggi - PADAT - round(f_teks.size * 1.3)
    puncak = y + PADAT + len(judul) * langkah + round(f_teks.size * 1.6)
    terbesar = max((abs(v) for _, v in s.nilai), default=Decimal(0)) or Decimal(1)
    lajur = (lebar - 2 * PADAT) / max(len(s.nilai), 1)
    d.line((x + PADAT, dasar, x + lebar - PADAT, dasar), fill=HITAM, width=GARIS)
    for i, (label, nilai) in enumerate(s.nilai):
        kiri = x + PADAT + i * lajur + lajur * 0.2
        kanan = x + PADAT + (i + 1) * lajur - lajur * 0.2
        atas = dasar - int((dasar - puncak) * float(abs(nilai) / terbesar))
        d.rectangle((round(kiri), atas, round(kanan), dasar), fill=ABU if i == 0 else 90, outline=HITAM, width=2)
        tengah = (kiri + kanan) / 2
        d.text((tengah, atas - px(0.6)), bahasa.angka(nilai), fill=HITAM, font=f_teks, anchor="md")
        d.text((tengah, dasar + px(0.8)), label, fill=HITAM, font=f_teks, anchor="ma")
