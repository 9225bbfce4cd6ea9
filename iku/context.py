"""Validated Config -> template context: labels, groups, and text already formatted.

Templates receive only strings, lists and small dicts (plus `Gambar` for pictures);
every number, date, label and capitalisation is decided here, never in a template.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import bahasa
from .model import Config, Iku, Pecahan


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
    kontak = [f"Laman: {i.laman}"] * bool(i.laman) + [f"Pos-el: {i.email}"] * bool(i.email)
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


def judul(config: Config) -> dict[str, str]:
    k = config.keputusan
    keputusan = f"KEPUTUSAN {config.penandatangan.jabatan.upper()}"
    return {
        "keputusan": keputusan,
        "jabatan": config.penandatangan.jabatan.upper().rstrip(",") + ",",
        "nomor": k.nomor,
        "tentang": k.tentang.upper(),
        "menetapkan": f"{keputusan} TENTANG {k.tentang.upper()}.",
        "tanggal": bahasa.tanggal(k.tanggal),
        "tempat": k.tempat,
    }


def kelompok_iku(baris: list[Iku]) -> list[dict[str, Any]]:
    """Consecutive rows with the same sasaran form one numbered group."""
    kelompok: list[dict[str, Any]] = []
    for b in baris:
        if not kelompok or kelompok[-1]["sasaran"] != b.sasaran:
            kelompok.append({"nomor": f"{len(kelompok) + 1}.", "sasaran": b.sasaran, "baris": []})
        kelompok[-1]["baris"].append(baris_iku(b))
    return kelompok


def baris_iku(b: Iku) -> dict[str, Any]:
    pecahan = b.formulasi if isinstance(b.formulasi, Pecahan) else None
    return {
        "indikator": b.indikator,
        "satuan": b.satuan,
        "alasan": b.alasan,
        "formulasi": None if pecahan else b.formulasi,
        "pecahan": pecahan.model_dump() if pecahan else None,
        "sumber_data": b.sumber_data,
        "keterangan": b.keterangan or "",
    }


def keputusan(config: Config) -> dict[str, Any]:
    """Context of templates/keputusan.docx and templates/lampiran.docx."""
    k = config.keputusan
    return {
        "tahun": str(config.tahun),
        "kop": kop(config),
        "judul": judul(config),
        "menimbang": berlabel(k.menimbang, label_huruf),
        "mengingat": berlabel(k.mengingat, label_angka),
        "diktum": berlabel(k.memutuskan, bahasa.ordinal_diktum),
        "tembusan": berlabel(k.tembusan, label_angka),
        "penandatangan": penandatangan(config),
        "instansi": {"nama": config.instansi.nama, "nama_kapital": config.instansi.nama.upper()},
        "kelompok_iku": kelompok_iku(config.iku),
    }
