"""What differs between two configs, clause by clause, for review before signing.

Works on the raw TOML data, so a draft still marked "ISI: ..." compares fine. Lists
are aligned with difflib (inserting one menimbang is one addition, not every later
item changed); [[iku]] and [[struktur]] rows are aligned by indikator / nama.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from . import bahasa
from .galat import ConfigError, Masalah
from .konfigurasi import baca_toml, nama_kunci
from .model import TRIWULAN
from .triwulan import nama_tw

IDENTITAS_BARIS = {"iku": "indikator", "struktur": "nama", "program": "nama"}
NAMA_BAGIAN = {"perjanjian_kinerja": "Perjanjian Kinerja"}
MIRIP_MINIMUM = 0.4  # below this, a removed and an added item are not one changed item


@dataclass(frozen=True)
class Perubahan:
    """One clause added, removed or changed."""

    jenis: str  # "tambah", "hapus" or "ubah"
    kunci: str
    label: str
    lama: str | None = None
    baru: str | None = None


Potongan = tuple[str, str]  # ("sama" | "hapus" | "tambah", text)


def kata_berbeda(lama: str, baru: str) -> tuple[list[Potongan], list[Potongan]]:
    """Both texts cut into runs of words: unchanged, removed (old side) and added (new side)."""
    a, b = re.findall(r"\s+|\S+", lama), re.findall(r"\s+|\S+", baru)
    sisi_lama: list[Potongan] = []
    sisi_baru: list[Potongan] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        sisi_lama.append(("sama" if tag == "equal" else "hapus", "".join(a[i1:i2])))
        sisi_baru.append(("sama" if tag == "equal" else "tambah", "".join(b[j1:j2])))
    return [p for p in sisi_lama if p[1]], [p for p in sisi_baru if p[1]]


# ---------------------------------------------------------------- labels and values

LABEL_DAFTAR = {
    "menimbang": lambda i: f"Menimbang huruf {bahasa.label_butir('huruf', i + 1).rstrip('.')}",
    "mengingat": lambda i: f"Mengingat angka {bahasa.label_butir('angka', i + 1).rstrip('.')}",
    "memutuskan": lambda i: f"Diktum {bahasa.label_butir('diktum', i + 1)}",
    "tembusan": lambda i: f"Tembusan angka {bahasa.label_butir('angka', i + 1).rstrip('.')}",
}


def label(loc: tuple[Any, ...], loc_lama: tuple[Any, ...] | None = None, nama: str | None = None) -> str:
    """How a clerk names the clause: 'Menimbang huruf c (dahulu huruf b)', 'IKU baris 2, satuan',
    'Program Rehabilitasi Sosial, anggaran' (a programme by its nama, when known)."""
    if len(loc) == 3 and loc[0] == "keputusan" and loc[1] in LABEL_DAFTAR and isinstance(loc[2], int):
        teks = LABEL_DAFTAR[loc[1]](loc[2])
        if loc_lama and loc_lama[2] != loc[2]:
            teks += f" (dahulu {LABEL_DAFTAR[loc[1]](loc_lama[2]).split(' ', 1)[1]})"
        return teks
    if loc and loc[0] in ("iku", "program") and len(loc) > 1:
        if loc[0] == "program" and nama:
            kepala = nama if nama.startswith("Program") else f'Program "{nama}"'
        else:
            kepala = f"{loc[0].upper() if loc[0] == 'iku' else 'Program'} baris {loc[1] + 1}"
        return kepala + (f", {label_triwulan(loc[2:]) or nama_kunci(loc[2:])}" if len(loc) > 2 else "")
    if loc and loc[0] in NAMA_BAGIAN:
        return ", ".join([NAMA_BAGIAN[loc[0]], *(str(k).replace("_", " ") for k in loc[1:])])
    return nama_kunci(loc)


def label_triwulan(loc: tuple[Any, ...]) -> str | None:
    """('target_triwulan', '2') -> 'target TW II'; None for any other key."""
    if len(loc) == 2 and loc[0] in ("target_triwulan", "realisasi_triwulan") and loc[1] in TRIWULAN:
        return f"{loc[0].removesuffix('_triwulan')} {nama_tw(int(loc[1]))}"
    return None


def cetak(nilai: Any) -> str:
    """A TOML value as the user wrote it, roughly."""
    if isinstance(nilai, bool):
        return "true" if nilai else "false"
    if isinstance(nilai, (dt.date, dt.datetime)):
        return nilai.isoformat()
    if isinstance(nilai, dict):
        return "{ " + ", ".join(f"{k} = {cetak(v)}" for k, v in nilai.items()) + " }"
    if isinstance(nilai, list):
        return "[" + ", ".join(cetak(v) for v in nilai) + "]"
    return str(nilai) if isinstance(nilai, (str, int, Decimal)) else repr(nilai)


# ---------------------------------------------------------------- comparing


def banding(
    lama: Any, baru: Any, loc: tuple[Any, ...] = (), loc_lama: tuple[Any, ...] | None = None, nama: str | None = None
) -> Iterator[Perubahan]:
    """Every difference between two values at loc (loc_lama: where the old one stood; nama: the
    name of the row they belong to, for the label)."""
    if isinstance(lama, dict) and isinstance(baru, dict):
        yield from _banding_tabel(lama, baru, loc, nama)
    elif isinstance(lama, list) and isinstance(baru, list):
        yield from _banding_daftar(lama, baru, loc)
    elif type(lama) is not type(baru) or lama != baru:
        yield Perubahan("ubah", nama_kunci(loc), label(loc, loc_lama, nama), cetak(lama), cetak(baru))


def _banding_tabel(
    lama: dict[str, Any], baru: dict[str, Any], loc: tuple[Any, ...], nama: str | None = None
) -> Iterator[Perubahan]:
    for kunci in [*lama, *(k for k in baru if k not in lama)]:
        sini = (*loc, kunci)
        if kunci not in baru:
            yield Perubahan("hapus", nama_kunci(sini), label(sini, nama=nama), lama=cetak(lama[kunci]))
        elif kunci not in lama:
            yield Perubahan("tambah", nama_kunci(sini), label(sini, nama=nama), baru=cetak(baru[kunci]))
        else:
            yield from banding(lama[kunci], baru[kunci], sini, nama=nama)


def _nama_baris(*butir: Any) -> str | None:
    """The nama of a row (a programme), from the first of the given versions that has one."""
    return next((b["nama"] for b in butir if isinstance(b, dict) and isinstance(b.get("nama"), str)), None)


def _identitas(nilai: Any, loc: tuple[Any, ...]) -> str:
    """What identifies a list item: a row's indikator / nama, otherwise the whole item."""
    kunci = IDENTITAS_BARIS.get(str(loc[-1])) if loc else None
    if isinstance(nilai, dict) and kunci in nilai:
        return cetak(nilai[kunci])
    return cetak(nilai)


def _banding_daftar(lama: list[Any], baru: list[Any], loc: tuple[Any, ...]) -> Iterator[Perubahan]:
    for i, j in pasangan_daftar(lama, baru, loc):
        yield from _satu_butir(lama, baru, loc, i, j)


def pasangan_daftar(lama: list[Any], baru: list[Any], loc: tuple[Any, ...]) -> list[tuple[int | None, int | None]]:
    """Old and new items of the list at loc paired in order: (i, j) the same item (perhaps changed),
    (i, None) removed, (None, j) added. Rows are identified by indikator / nama (IDENTITAS_BARIS);
    in a changed stretch a renamed row pairs with its most similar new one."""
    a, b = [_identitas(x, loc) for x in lama], [_identitas(x, loc) for x in baru]
    pasangan: list[tuple[int | None, int | None]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            pasangan += list(zip(range(i1, i2), range(j1, j2)))
            continue
        pasangan += [
            (None if i is None else i1 + i, None if j is None else j1 + j) for i, j in pasangkan(a[i1:i2], b[j1:j2])
        ]
    return pasangan


def _satu_butir(
    lama: list[Any], baru: list[Any], loc: tuple[Any, ...], i: int | None, j: int | None
) -> Iterator[Perubahan]:
    if i is None and j is not None:
        sini = (*loc, j)
        yield Perubahan("tambah", nama_kunci(sini), label(sini, nama=_nama_baris(baru[j])), baru=_cetak_butir(baru[j]))
    elif j is None and i is not None:
        sini = (*loc, i)
        yield Perubahan("hapus", nama_kunci(sini), label(sini, nama=_nama_baris(lama[i])), lama=_cetak_butir(lama[i]))
    elif i is not None and j is not None:
        yield from banding(lama[i], baru[j], (*loc, j), (*loc, i), _nama_baris(lama[i], baru[j]))


def _cetak_butir(nilai: Any) -> str:
    if isinstance(nilai, dict):
        return "\n".join(f"{k} = {cetak(v)}" for k, v in nilai.items())
    return cetak(nilai)


def pasangkan(a: list[str], b: list[str]) -> list[tuple[int | None, int | None]]:
    """Pair a changed block's old and new items in order, each with its most similar partner."""
    pasangan: list[tuple[int | None, int | None]] = []
    berikut = 0
    for i, teks in enumerate(a):
        skor = [(difflib.SequenceMatcher(None, teks, b[j]).ratio(), j) for j in range(berikut, len(b))]
        rasio, j = max(skor, default=(0.0, -1))
        if rasio < MIRIP_MINIMUM:
            pasangan.append((i, None))
            continue
        pasangan += [(None, k) for k in range(berikut, j)] + [(i, j)]
        berikut = j + 1
    return pasangan + [(None, k) for k in range(berikut, len(b))]


def berkas_konfigurasi(path: Path) -> Path:
    """A config file, or the one archived in a year folder (output/2023/konfigurasi-2023.toml)."""
    if not path.is_dir():
        return path
    calon = sorted(path.glob("konfigurasi-*.toml"))
    if len(calon) != 1:
        raise ConfigError(
            Masalah(
                "folder ini tidak memuat tepat satu konfigurasi-<tahun>.toml",
                berkas=path,
                saran="sebut berkas konfigurasinya langsung",
            )
        )
    return calon[0]


def beda(lama: Path, baru: Path) -> list[Perubahan]:
    """Every clause that differs between two config files, in file order."""
    return list(banding(baca_toml(berkas_konfigurasi(lama)).data, baca_toml(berkas_konfigurasi(baru)).data))
