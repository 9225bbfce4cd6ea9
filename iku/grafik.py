"""Charts of the documents, drawn with matplotlib: the one way to draw a chart.

One panel per indicator, its values over the years as bars: kondisi awal (light grey) and the
targets (dark grey), optionally realisasi (hatched) beside each target. Bars grow from a zero
line, so a negative value goes below it. Value labels are Indonesian numbers (bahasa.angka).
Output is deterministic PNG bytes (Agg backend, fixed DPI, DejaVu Sans which ships with
matplotlib, no metadata in the file): the same series give the same bytes, so the DOCX that
holds them stays byte-stable.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from . import bahasa, gambar
from .model import Config, Iku

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

DPI = 300
PANEL_MM = 62
JARAK_MM = 4
PADAT_MM = 1.5
HURUF = "DejaVu Sans"
PT_JUDUL, PT_TEKS = 7.4, 6.5
MM_PER_PT = 25.4 / 72
LEBAR_HURUF = 0.62  # average advance of DejaVu Sans, in em: to wrap and to decide rotation
LEBAR_HURUF_TEBAL = 0.72  # the same for DejaVu Sans Bold (titles)
WARNA_AWAL, WARNA_TARGET, WARNA_REALISASI = "#d7d7d7", "#5a5a5a", "#ffffff"
GARIS_PT = 0.6
KOSONG = "-"
MAKIN_RENDAH = "(makin rendah makin baik)"
BATAS_FLOAT = 1e300  # heights beyond this are drawn at it (the config may hold any finite Decimal)
RC: dict[str, Any] = {
    "font.family": HURUF,
    "font.size": PT_TEKS,
    "hatch.linewidth": 0.5,
    "hatch.color": "black",
    "text.hinting": "default",
    "axes.unicode_minus": False,
}


@dataclass(frozen=True)
class Seri:
    """One indicator over the years: a target per year, optionally kondisi awal and realisasi."""

    nama: str
    satuan: str
    tahun: tuple[str, ...]
    target: tuple[Decimal | None, ...]
    realisasi: tuple[Decimal | None, ...] | None = None
    kondisi_awal: tuple[str, Decimal] | None = None  # (year, value), drawn first
    arah: str = "naik"  # "turun": lower is better, said under the title


def seri_target_realisasi(baris: Iku, config: Config) -> Seri:
    """An indicator's targets and realisasi over the plan years (LKjIP), kondisi awal first when known;
    a year without a value draws no bar and prints "-"."""
    tahun = tuple(str(t) for t in config.rencana.tahun)
    awal = None if baris.kondisi_awal is None else (str(config.rencana.tahun_kondisi_awal), baris.kondisi_awal)
    return Seri(
        baris.indikator,
        baris.satuan,
        tahun,
        tuple((baris.target or {}).get(t) for t in tahun),
        tuple((baris.realisasi or {}).get(t) for t in tahun),
        awal,
        baris.arah,
    )


def panel_per_gambar(tinggi_mm: float) -> int:
    """How many indicator panels (two to a row) fit in one picture at most tinggi_mm tall."""
    return 2 * max(1, int((tinggi_mm + JARAK_MM) // (PANEL_MM + JARAK_MM)))


def grafik(seri: list[Seri], lebar_mm: float = 160) -> gambar.Png:
    """Small multiples, two panels to a row (one when alone), as deterministic PNG bytes.

    Each chart is drawn once per process: the same series at the same width give the same
    bytes, so a document filled again (the editor's next preview) takes them as they are."""
    return _grafik(tuple(seri), lebar_mm)


def lupakan() -> None:
    """Forget every picture drawn so far (charts and organisation charts): the next is drawn anew,
    as in a new run (tests of determinism, benchmark rounds)."""
    _grafik.cache_clear()
    gambar.bagan_png.cache_clear()


@lru_cache(maxsize=gambar.SIMPANAN_GAMBAR)
def _grafik(seri: tuple[Seri, ...], lebar_mm: float) -> gambar.Png:
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    with matplotlib.rc_context(RC):  # type: ignore[arg-type]  # (the stubs list every rc key)
        kanvas = FigureCanvasAgg(figur(list(seri), lebar_mm))
        kanvas.draw()
    rgba = kanvas.buffer_rgba()
    # Grey levels only: saved as 8-bit grey by Pillow without metadata (gambar.png), a quarter of
    # the RGBA bytes to compress; matplotlib's own writer would add a Software text chunk.
    return gambar.png(Image.frombuffer("RGBA", (rgba.shape[1], rgba.shape[0]), rgba, "raw", "RGBA", 0, 1).convert("L"))


def figur(seri: list[Seri], lebar_mm: float = 160) -> Figure:
    """The matplotlib figure of grafik() (Agg canvas, no pyplot state); axes in the order of seri."""
    import matplotlib

    with matplotlib.rc_context(RC):  # type: ignore[arg-type]
        return _figur(seri, lebar_mm)


def _figur(seri: list[Seri], lebar_mm: float) -> Figure:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    per_baris = 1 if len(seri) == 1 else 2
    n_baris = -(-len(seri) // per_baris)
    tinggi_mm = n_baris * PANEL_MM + (n_baris - 1) * JARAK_MM
    figur_ = Figure(figsize=(lebar_mm / 25.4, tinggi_mm / 25.4), dpi=DPI, facecolor="white")
    FigureCanvasAgg(figur_)
    lebar_panel = (lebar_mm - (per_baris - 1) * JARAK_MM) / per_baris
    for i, s in enumerate(seri):
        x = (i % per_baris) * (lebar_panel + JARAK_MM)
        y = tinggi_mm - (i // per_baris) * (PANEL_MM + JARAK_MM) - PANEL_MM  # from the bottom
        _panel(figur_, Kotak(x, y, lebar_panel, PANEL_MM, lebar_mm, tinggi_mm), s)
    return figur_


@dataclass(frozen=True)
class Kotak:
    """A panel's place in the figure, in mm from the bottom left; converted to figure fractions."""

    x: float
    y: float
    lebar: float
    tinggi: float
    lebar_figur: float
    tinggi_figur: float

    def pecahan(self, x: float, y: float, lebar: float, tinggi: float) -> tuple[float, float, float, float]:
        """A rectangle given in mm inside the panel, as figure fractions."""
        return (
            (self.x + x) / self.lebar_figur,
            (self.y + y) / self.tinggi_figur,
            lebar / self.lebar_figur,
            tinggi / self.tinggi_figur,
        )


def judul_panel(s: Seri, lebar_mm: float) -> list[str]:
    """The panel's title 'Indikator (satuan)' wrapped to the panel, at most three lines; a
    lower-is-better indicator gets a line saying so (a tall bar is not an achievement)."""
    per_baris = max(10, int(lebar_mm / (PT_JUDUL * MM_PER_PT * LEBAR_HURUF_TEBAL)))
    baris = textwrap.wrap(f"{s.nama} ({s.satuan})", per_baris)
    if len(baris) > 3:
        baris = baris[:2] + [textwrap.shorten(" ".join(baris[2:]), per_baris, placeholder=" …")]
    return baris + textwrap.wrap(MAKIN_RENDAH, per_baris) * (s.arah == "turun")


def _panel(figur_: Figure, k: Kotak, s: Seri) -> None:
    from matplotlib.patches import Rectangle

    tepi = GARIS_PT * 1.5 * MM_PER_PT / 2  # the frame's line stays inside the picture
    x, y, lebar, tinggi = k.pecahan(tepi, tepi, k.lebar - 2 * tepi, k.tinggi - 2 * tepi)
    figur_.add_artist(
        Rectangle(
            (x, y), lebar, tinggi, transform=figur_.transFigure, fill=False, edgecolor="black", linewidth=GARIS_PT * 1.5
        )
    )
    judul = judul_panel(s, k.lebar - 2 * PADAT_MM)
    figur_.text(
        *_tengah_atas(k),
        "\n".join(judul),
        ha="center",
        va="top",
        fontsize=PT_JUDUL,
        fontweight="bold",
        linespacing=1.15,
        transform=figur_.transFigure,
    )
    atas = PADAT_MM + len(judul) * PT_JUDUL * MM_PER_PT * 1.15 + 1
    if s.realisasi is not None:
        _legenda(figur_, k, atas, s.kondisi_awal is not None)
        atas += PT_TEKS * MM_PER_PT * 1.6
    bawah = PADAT_MM + PT_TEKS * MM_PER_PT * 1.6  # room for the year labels
    ax = figur_.add_axes(k.pecahan(PADAT_MM, bawah, k.lebar - 2 * PADAT_MM, k.tinggi - atas - bawah))
    gambar_batang(ax, s, (k.lebar - 2 * PADAT_MM, k.tinggi - atas - bawah))


def _tengah_atas(k: Kotak) -> tuple[float, float]:
    x, y, _, _ = k.pecahan(k.lebar / 2, k.tinggi - PADAT_MM, 0, 0)
    return x, y


def _legenda(figur_: Figure, k: Kotak, atas: float, ada_awal: bool) -> None:
    from matplotlib.patches import Patch

    tanda = [Patch(facecolor=WARNA_AWAL, edgecolor="black", linewidth=GARIS_PT, label="Kondisi awal")] * ada_awal
    tanda += [
        Patch(facecolor=WARNA_TARGET, edgecolor="black", linewidth=GARIS_PT, label="Target"),
        Patch(facecolor=WARNA_REALISASI, edgecolor="black", linewidth=GARIS_PT, hatch="////", label="Realisasi"),
    ]
    x, y, _, _ = k.pecahan(k.lebar / 2, k.tinggi - atas, 0, 0)
    figur_.legend(
        handles=tanda,
        loc="upper center",
        bbox_to_anchor=(x, y),
        ncol=len(tanda),
        frameon=False,
        fontsize=PT_TEKS,
        handlelength=1.2,
        handleheight=0.8,
        columnspacing=1.0,
        borderpad=0,
        borderaxespad=0,
    )


# ---------------------------------------------------------------- the bars of one panel


@dataclass(frozen=True)
class Batang:
    """One bar to draw: its column, offset within the column, value and fill."""

    kolom: int
    geser: float
    nilai: Decimal | None
    warna: str
    arsir: str | None = None


def daftar_batang(s: Seri) -> tuple[list[str], list[Batang], float]:
    """Column labels, the bars, and the bar width (in columns): realisasi beside its target."""
    label = ([s.kondisi_awal[0]] if s.kondisi_awal else []) + list(s.tahun)
    awal = 1 if s.kondisi_awal else 0
    berdua = s.realisasi is not None
    lebar = 0.36 if berdua else 0.6
    batang = [Batang(0, 0, s.kondisi_awal[1], WARNA_AWAL)] if s.kondisi_awal else []
    for i, nilai in enumerate(s.target):
        batang.append(Batang(awal + i, -lebar / 2 if berdua else 0, nilai, WARNA_TARGET))
        if berdua:
            batang.append(Batang(awal + i, lebar / 2, s.realisasi[i], WARNA_REALISASI, "////"))  # type: ignore[index]
    return label, batang, lebar


def gambar_batang(ax: Axes, s: Seri, ukuran_mm: tuple[float, float]) -> None:
    """Bars from a zero line, value labels above (below for a negative value), years under the axes."""
    label, batang, lebar = daftar_batang(s)
    teks = [bahasa.angka(b.nilai) if b.nilai is not None else KOSONG for b in batang]
    tegak = _label_tegak(teks, lebar * ukuran_mm[0] / max(len(label), 1))
    ax.set_ylim(*batas_sumbu([b.nilai for b in batang], teks, tegak, ukuran_mm[1]))
    ax.set_xlim(-0.5, len(label) - 0.5)
    for arsir in (None, "////"):  # one bar() call per fill kind: far cheaper than one per bar
        ada = [b for b in batang if b.nilai is not None and b.arsir == arsir]
        if ada:
            tinggi = [ke_float(b.nilai) for b in ada]  # type: ignore[arg-type]
            ax.bar(
                [b.kolom + b.geser for b in ada],
                tinggi,
                width=lebar,
                color=[b.warna for b in ada],
                edgecolor="black",
                linewidth=GARIS_PT,
                hatch=arsir,
                zorder=2,
            )
    for b, t in zip(batang, teks):
        _label_nilai(ax, b.kolom + b.geser, b.nilai, t, tegak)
    ax.axhline(0, color="black", linewidth=GARIS_PT * 1.5, zorder=3)
    _rapikan_sumbu(ax, label)


def ke_float(nilai: Decimal) -> float:
    """A value's height for drawing only (labels print the Decimal): beyond float range, the range's edge."""
    return max(-BATAS_FLOAT, min(BATAS_FLOAT, float(nilai)))


def _label_tegak(teks: list[str], lebar_batang_mm: float) -> bool:
    """Labels turn upright when the widest would not fit over its bar."""
    terlebar = max((len(t) for t in teks), default=0) * PT_TEKS * MM_PER_PT * LEBAR_HURUF
    return terlebar > lebar_batang_mm * 1.3


def batas_sumbu(nilai: list[Decimal | None], teks: list[str], tegak: bool, tinggi_mm: float) -> tuple[float, float]:
    """Y limits holding zero, every bar and room for its label beyond the bar's end."""
    angka = [ke_float(v) for v in nilai if v is not None] + [0.0]
    rendah, tinggi = min(angka), max(angka)
    label_mm = (
        max((len(t) for t in teks), default=1) * PT_TEKS * MM_PER_PT * LEBAR_HURUF
        if tegak
        else PT_TEKS * MM_PER_PT * 1.3
    ) + 1
    porsi = min(0.45, label_mm / max(tinggi_mm, 1))
    sisi = (tinggi > 0) + (rendah < 0) or 1
    rentang = (tinggi - rendah) or 1.0
    total = rentang / (1 - sisi * porsi) if sisi * porsi < 0.9 else rentang * 10
    return (
        rendah - porsi * total if rendah < 0 else 0.0,
        tinggi + porsi * total if tinggi > 0 or rendah == 0 else 0.05 * total,
    )  # zero line off the title


def _label_nilai(ax: Axes, x: float, nilai: Decimal | None, teks: str, tegak: bool) -> None:
    negatif = nilai is not None and nilai < 0
    ax.annotate(
        teks,
        (x, ke_float(nilai or Decimal(0))),
        xytext=(0, -1.5 if negatif else 1.5),
        textcoords="offset points",
        ha="center",
        va="top" if negatif else "bottom",
        rotation=90 if tegak else 0,
        fontsize=PT_TEKS,
        zorder=4,
        annotation_clip=False,
    )


def _rapikan_sumbu(ax: Axes, label: list[str]) -> None:
    """No frame and no y scale (every bar carries its value); years under the axes."""
    ax.set_axis_off()  # cheaper than styling ticks: the years are plain texts under the axes
    for x, teks in enumerate(label):
        ax.annotate(
            teks,
            (x, 0),
            xycoords=("data", "axes fraction"),
            xytext=(0, -1.5),
            textcoords="offset points",
            ha="center",
            va="top",
            fontsize=PT_TEKS,
            annotation_clip=False,
        )
