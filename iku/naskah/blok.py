"""Blocks every document of a set shares: pictures, numbered lists, letterhead, signer.

Templates receive only strings, lists and small dicts (plus `Gambar` for pictures);
every number, date, label and capitalisation is decided here, never in a template.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import bahasa
from ..model import Config


@dataclass(frozen=True)
class Gambar:
    """A picture for the renderer to embed (docxtpl needs the template to build one)."""

    path: Path
    lebar_mm: float


def berlabel(teks: list[str], label: Any) -> list[dict[str, str]]:
    """Number a list: each item gets the label the drafting rules give its position."""
    return [{"label": label(i), "teks": t} for i, t in enumerate(teks, start=1)]


def label_huruf(nomor: int) -> str:
    return f"{bahasa.huruf_urut(nomor)}."


def label_angka(nomor: int) -> str:
    return f"{nomor}."


def nama_kop(config: Config) -> str:
    """Agency line of the letterhead: without the region the PEMERINTAH line already names."""
    instansi = config.instansi
    if instansi.nama_kop:
        return instansi.nama_kop.upper()
    wilayah = re.sub(r"^pemerintah\s+", "", instansi.pemerintah, flags=re.I)
    nama = re.sub(rf"\s+{re.escape(wilayah)}$", "", instansi.nama, flags=re.I)
    return (nama or instansi.nama).upper()


def kop(config: Config) -> dict[str, Any]:
    i = config.instansi
    # no-break spaces: a telephone number never wraps inside the letterhead
    telepon = "Telepon\u00a0" + i.telepon.replace(" ", "\u00a0")
    alamat = f"{i.alamat}, {i.kota}" + (f" {i.kode_pos}" if i.kode_pos else "") + f", {telepon}"
    kontak = [f"Laman:\u00a0{i.laman}"] * bool(i.laman) + [f"Pos-el:\u00a0{i.email}"] * bool(i.email)  # label with its value
    return {
        "pemerintah": i.pemerintah.upper(),
        "nama": nama_kop(config),
        "alamat": alamat,
        "kontak": "   ".join(kontak),
        "logo": Gambar(Path(i.logo), 22) if i.logo else None,
    }


def penandatangan(config: Config) -> dict[str, str]:
    p = config.penandatangan
    return {
        "jabatan": p.jabatan.rstrip(",") + ",",
        "nama": p.nama,
        "pangkat": p.pangkat,
        "nip": f"NIP. {bahasa.nip_cetak(p.nip)}",
    }
