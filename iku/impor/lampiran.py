"""The lampiran's IKU table: columns known by their headings, rows read back into [[iku]] values.

A sasaran (or satuan, sumber data ...) in a vertically merged cell belongs to every row it spans,
and a sasaran left blank is the one above; a stacked fraction (a line under the numerator, a dashed line, or an equation) becomes
{pembilang, penyebut, kali}; the alasan keeps its line breaks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .baca import Isi, Paragraf, Sel, Tabel
from .teks import rapat, satu_baris

# heading words -> key; checked in this order (an "INDIKATOR SASARAN" column is the indikator)
KOLOM = [
    ("penanggung_jawab", ("PENANGGUNG JAWAB", "PENANGGUNGJAWAB")),
    ("target", ("TARGET",)),
    ("formulasi", ("FORMULASI", "CARA PENGUKURAN", "RUMUS")),
    ("alasan", ("ALASAN",)),
    ("sumber_data", ("SUMBER",)),
    ("keterangan", ("KETERANGAN", "KRITERIA")),
    ("satuan", ("SATUAN",)),
    ("indikator", ("INDIKATOR",)),
    ("sasaran", ("SASARAN",)),
    ("nomor", ("NO",)),
]
BERBARIS = {"alasan", "keterangan"}  # texts whose line breaks are kept
GARIS = re.compile(r"^\s*[-_\u2013\u2014=.]{3,}\s*(?:[xX\u00d7*]\s*(.+))?$")
KALI = re.compile(r"^\s*[xX\u00d7*]\s*(.+)$")
KALI_AKHIR = re.compile(r"^(.*\S)\s+[xX\u00d7*]\s*(\d[\d.,]*\s*%?)$")


TUJUAN = re.compile(r"^\s*Tujuan\b\s*(?:\d+\s*)?[:.]?\s*", re.I)  # a heading row "Tujuan: ..." over its sasaran


@dataclass
class BarisIku:
    """One row as read: its values and the group number typed in the NO column."""

    nilai: dict[str, Any] = field(default_factory=dict)
    nomor: str = ""


def cari_tabel(isi: Isi) -> Tabel | None:
    """The table whose headings name a sasaran and an indikator column; of several (a whole IKU book
    holds more), the one with an alasan column, else the last; with its continuations."""
    calon = []
    for tabel in _tabel_utuh(isi.blok):
        peran = set(kolom_tabel(tabel)[0].values())
        if {"sasaran", "indikator"} <= peran:
            calon.append(("alasan" in peran, tabel))
    return max(reversed(calon), key=lambda c: c[0])[1] if calon else None


def _tabel_utuh(blok: list[Paragraf | Tabel]) -> list[Tabel]:
    """The document's tables, each joined with the tables that continue it on the next pages (the
    same headings again, only empty paragraphs between, as iku and many clerks set a table
    broken by page): the continuation's heading rows left out."""
    hasil: list[Tabel] = []
    sambung = False  # the last table may still continue
    for b in blok:
        if isinstance(b, Paragraf):
            sambung = sambung and not (b.teks.strip() or b.gambar)
            continue
        peran, mulai = kolom_tabel(b)
        if sambung and peran and peran == kolom_tabel(hasil[-1])[0]:
            hasil[-1] = Tabel([*hasil[-1].baris, *b.baris[mulai:]])
        else:
            hasil.append(b)
        sambung = True
    return hasil


def kolom_tabel(tabel: Tabel) -> tuple[dict[int, str], int]:
    """Grid column -> key, and how many heading rows there are."""
    judul: dict[int, list[str]] = {}
    for n, baris in enumerate(tabel.baris):
        if n and _baris_data(baris):
            return _peran(judul), n
        for sel in baris:
            for kolom in range(sel.kolom, sel.kolom + sel.rentang):
                judul.setdefault(kolom, []).append(_teks_sel(sel, " ").upper())
    return _peran(judul), len(tabel.baris)


def _baris_data(baris: list[Sel]) -> bool:
    """A row of values: its first cell a row number (1. / 1), or text that is not a heading."""
    teks = [_teks_sel(s, " ") for s in baris]
    if _baris_judul(baris):
        return False
    if re.fullmatch(r"\d{1,4}\.?", teks[0] if teks else ""):
        return True
    return any(teks) and not all(s.lanjut or not t for s, t in zip(baris, teks))


def _baris_judul(baris: list[Sel]) -> bool:
    """The headings (typed again on a new page, too) or the 1 2 3 ... column-number row."""
    teks = [_teks_sel(s, " ") for s in baris]
    angka = [t.rstrip(".") for t in teks if t]
    if len(angka) > 2 and angka == [str(i) for i in range(1, len(angka) + 1)]:
        return True
    judul = [t for t in teks if t and t.upper() == t and any(_ada_kata(k, t) for _, kata in KOLOM for k in kata)]
    return len(judul) >= 2


def _peran(judul: dict[int, list[str]]) -> dict[int, str]:
    hasil: dict[int, str] = {}
    for kolom, teks in sorted(judul.items()):
        gabung = " ".join(teks)
        for kunci, kata in KOLOM:
            if kunci not in hasil.values() and any(_ada_kata(k, gabung) for k in kata):
                hasil[kolom] = kunci
                break
    return hasil


def _ada_kata(kata: str, teks: str) -> bool:
    return re.search(rf"(?<![A-Z]){re.escape(kata)}(?![A-Z])", teks) is not None


def _teks_sel(sel: Sel, pemisah: str) -> str:
    return rapat(pemisah.join(p.teks for p in sel.paragraf))


# ---------------------------------------------------------------- rows


def baca_baris(tabel: Tabel) -> list[BarisIku]:
    """Every IKU row in order; merged and blank sasaran cells filled from the row above."""
    peran, mulai = kolom_tabel(tabel)
    hasil: list[BarisIku] = []
    atas: dict[str, Any] = {}
    tujuan: str | None = None
    for baris in tabel.baris[mulai:]:
        if _baris_judul(baris):
            continue
        judul_tujuan = _tujuan(baris, peran)
        if judul_tujuan:
            tujuan = judul_tujuan
            continue
        nilai, nomor = _nilai_baris(baris, peran, atas)
        if tujuan is not None:
            nilai["tujuan"] = tujuan
        if not any(v for k, v in nilai.items() if k not in ("sasaran", "nomor", "tujuan")):
            continue  # an empty line in the table
        if not nilai.get("indikator") and hasil:
            _sambung(hasil[-1], nilai)  # the rest of the row above, carried over a page
            continue
        hasil.append(BarisIku(nilai, nomor))
        atas = nilai
    return hasil


def _tujuan(baris: list[Sel], peran: dict[int, str]) -> str | None:
    """The tujuan a full-width heading row names ("Tujuan: Meningkatnya ..."), or None."""
    isi = [s for s in baris if _teks_sel(s, " ")]
    if len(isi) != 1 or isi[0].rentang < max(2, len(peran) - 1):
        return None
    teks = _teks_sel(isi[0], " ")
    cocok = TUJUAN.match(teks)
    return satu_baris(teks[cocok.end() :]) or None if cocok else None


def kolom_pilihan(tabel: Tabel) -> list[str]:
    """The table's columns in order, as [lampiran] kolom names them."""
    peran, _ = kolom_tabel(tabel)
    return ["no" if k == "nomor" else k for _, k in sorted(peran.items())]


def _nilai_baris(baris: list[Sel], peran: dict[int, str], atas: dict[str, Any]) -> tuple[dict[str, Any], str]:
    nilai: dict[str, Any] = {}
    nomor = ""
    for sel in baris:
        kunci = peran.get(sel.kolom)
        if kunci is None:
            continue
        isi = _isi_sel(sel, kunci)
        if kunci == "nomor":
            nomor = "" if sel.lanjut else isi
        elif (sel.lanjut and kunci != "indikator") or (kunci == "sasaran" and not isi):
            nilai[kunci] = atas.get(kunci, "")  # a merged cell (satuan, sumber data, ...) holds for every row
        else:
            nilai[kunci] = isi
    return nilai, nomor


def _isi_sel(sel: Sel, kunci: str) -> Any:
    if kunci == "formulasi":
        return formulasi(sel.paragraf)
    if kunci in BERBARIS:
        return rapat("\n".join(map(dengan_label, sel.paragraf)))
    return satu_baris(" ".join(map(dengan_label, sel.paragraf)))


def dengan_label(p: Paragraf) -> str:
    """A cell paragraph with Word's numbering written out ("1. Undang-Undang ..."), as the clerk sees it."""
    return f"{p.label} {p.teks}" if p.label else p.teks


def _sambung(baris: BarisIku, lanjutan: dict[str, Any]) -> None:
    for kunci, teks in lanjutan.items():
        if kunci != "sasaran" and teks and isinstance(teks, str) and isinstance(baris.nilai.get(kunci), str):
            pemisah = "\n" if kunci in BERBARIS else " "
            baris.nilai[kunci] = (baris.nilai[kunci] + pemisah + teks).strip()


def formulasi(paragraf: list[Paragraf]) -> str | dict[str, str]:
    """A formula as text, or as a fraction when it is stacked."""
    teks = [satu_baris(p.teks) for p in paragraf]
    for p in paragraf:
        if p.pecahan and p.pecahan[0].strip() and p.pecahan[1].strip():
            return _pecahan([p.pecahan[0]], [p.pecahan[1]], p.pecahan[2])
    for i, p in enumerate(paragraf):
        garis = GARIS.match(p.teks)
        if garis and 0 < i < len(paragraf) - 1:
            return _pecahan(teks[:i], teks[i + 1 :], garis.group(1) or "")
        if p.garis_bawah and i < len(paragraf) - 1 and teks[i]:
            return _pecahan(teks[: i + 1], teks[i + 1 :], "")
    return rapat("\n".join(map(dengan_label, paragraf)))


def _pecahan(atas: list[str], bawah: list[str], kali: str) -> dict[str, str]:
    bawah = [b for b in bawah if b]
    if not kali and bawah and KALI.match(bawah[-1]):
        kali = KALI.match(bawah.pop()).group(1)  # type: ignore[union-attr]
    pembilang, penyebut = satu_baris(" ".join(atas)), satu_baris(" ".join(bawah))
    if not kali and (cocok := KALI_AKHIR.match(penyebut)):  # "... x 100%" typed beside a line
        penyebut, kali = cocok.group(1), cocok.group(2)
    elif not kali and (cocok := KALI_AKHIR.match(pembilang)):
        pembilang, kali = cocok.group(1), cocok.group(2)
    hasil = {"pembilang": pembilang, "penyebut": penyebut}
    kali = satu_baris(re.sub(r"^\s*[xX\u00d7*]\s*", "", kali))
    return hasil | ({"kali": kali} if kali else {})
