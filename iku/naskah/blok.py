"""Blocks every document of a set shares: pictures, numbered lists, letterhead, signer, and the
layout each document declares to the layout pass (`Tata`, with its signature's `TataTtd` and
the text of its QR code).

Templates receive only strings, lists and small dicts (plus `Gambar` for pictures);
every number, date, label and capitalisation is decided here, never in a template.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

from .. import bahasa
from ..kolom_lampiran import SusunanLampiran
from ..model import Config, kepala_daerah


@dataclass(frozen=True)
class TataTtd:
    """The signature layout of one document: how it is signed, whether the config names a signer
    (a document without one, the Pemda's signed by hand, is left as it is) and whether he has a
    NIP, what the QR code says, and whether the PK's countersigner signs electronically too."""

    cara: str = "basah"  # "basah", "elektronik" or "srikandi"
    ditandatangani: bool = False  # the config names the signer: his signing spaces are marked
    ber_nip: bool = True  # the signer has a NIP: the block's last line after his name is it
    teks_qr: str = ""
    pihak_kedua_elektronik: bool = False  # the countersigner signs electronically too


# SRIKANDI's placeholders for the decree's nomor and date (SRIKANDI fills both when it numbers it)
ISIAN_NOMOR, ISIAN_TANGGAL = "${nomor_naskah}", "${tanggal_naskah}"


def teks_qr(url: str | None, jenis: str, kode: str, nomor: str, tanggal: dt.date, mentah: bytes) -> str:
    """What a document's QR code says, short enough for large modules: the agency's verification
    address for this document, else its kind, nomor (when it has one), date and a short hash of
    the config it was made from."""
    if url:
        return url.replace("{nomor}", quote(nomor or kode, safe="")).replace("{dokumen}", quote(kode, safe=""))
    sidik = hashlib.sha256(mentah).hexdigest()[:12]
    return " ".join([jenis, *([f"Nomor {nomor}"] if nomor else []), f"Tanggal {tanggal:%d-%m-%Y}", f"SHA-256 {sidik}"])


@dataclass(frozen=True)
class Tata:
    """A document's layout as its context declares it to the layout pass (iku/rapi.py): page, font,
    labels, properties, signature."""

    kertas: str
    huruf: str
    label_diktum: tuple[str, ...]
    tanggal: dt.date
    judul: str
    subjek: str
    pengarang: str
    tanda_tangan: TataTtd = TataTtd()  # wet ink unless the config says otherwise
    judul_berjarak: bool = False  # "K E P U T U S A N" (format.judul_berjarak)
    lampiran: SusunanLampiran | None = None  # the Lampiran's own columns ([lampiran])
    kop_kepala_daerah: bool = False  # the Gubernur/Bupati's own letterhead (model.kepala_daerah)


T = TypeVar("T")


@dataclass(frozen=True)
class Gambar:
    """A picture for the renderer to embed (docxtpl needs the template to build one)."""

    path: Path
    lebar_mm: float


def periode(config: Config) -> str:
    """The plan period every document prints: '2023-2026', or '2025' for a one-year plan."""
    r = config.rencana
    return f"{r.tahun_awal}-{r.tahun_akhir}" if r.tahun_akhir != r.tahun_awal else str(r.tahun_awal)


# "TAHUN 2016-2021", "Tahun 2016 - 2021", "TAHUN 2016 s.d. 2021": a tentang naming a whole Renstra period
PERIODE_TENTANG = re.compile(
    r"\bTAHUN\s+((?:19|20)\d\d)\s*(?:[-\u2013]|s\.?\s?d\.?|sampai(?:\s+dengan)?)\s*((?:19|20)\d\d)\b", re.I
)


def periode_tentang(config: Config) -> str | None:
    """The period the tentang names ("... TAHUN 2016-2021": an IKU set for a whole Renstra period), or None."""
    cocok = PERIODE_TENTANG.search(config.keputusan.tentang)
    return f"{cocok.group(1)}-{cocok.group(2)}" if cocok else None


def periode_judul(config: Config) -> str:
    """The period the titles print: the tentang's when it names one, else the plan's (periode)."""
    return periode_tentang(config) or periode(config)


# ---------------------------------------------------------------- numbered lists

# Labels a clerk may type before an item although the program numbers it (check warns about
# them, the context removes them, so "a. a. bahwa" is never printed).
ORDINAL = "|".join(sorted({bahasa.ordinal_diktum(k) for k in range(1, 41)} | {"PERTAMA"}, key=len, reverse=True))
LABEL = re.compile(
    r"^\s*(?:"
    r"\((?:[a-zA-Z]|\d{1,3})\)\s+"  # (a) (1)
    r"|(?:[a-zA-Z]|\d{1,3})[.)]\s+"  # a. a) 1. 1)
    r"|\d{1,3}[.)](?=[^\W\d_])"  # 1.Undang-Undang (but not 1.000)
    rf"|(?:{ORDINAL})\b\s*[:.]?\s*"  # KESATU: / KESATU
    rf"|(?i:{ORDINAL})\s*[:.]\s*"  # Kesatu: (without the colon "Kedua" is a word)
    r")"
)


def label_diketik(butir: str) -> str | None:
    """The numbering typed before an item ('a.', '(1)', 'KESATU:'), or None."""
    cocok = LABEL.match(butir)
    return cocok.group(0).strip() if cocok else None


def tanpa_label(butir: str) -> str:
    """The item without a typed label ('a. bahwa ...' -> 'bahwa ...'); kept whole when nothing else remains."""
    cocok = LABEL.match(butir)
    sisa = butir[cocok.end() :].strip() if cocok else ""
    return sisa or butir


def berlabel(teks: list[str], label: Any) -> list[dict[str, str]]:
    """Number a list: each item gets the label the drafting rules give its position
    (a label the clerk typed is dropped first: periksa warns about it)."""
    return [{"label": label(i), "teks": tanpa_label(t)} for i, t in enumerate(teks, start=1)]


def berlabel_jika_banyak(teks: list[str], label: Any) -> list[dict[str, str]]:
    """Like berlabel, but a single item carries no letter or number (UU 12/2011, Lampiran II)."""
    if len(teks) == 1:
        return [{"label": "", "teks": tanpa_label(teks[0])}]
    return berlabel(teks, label)


def label_huruf(nomor: int) -> str:
    return bahasa.label_butir("huruf", nomor)


def label_angka(nomor: int) -> str:
    return bahasa.label_butir("angka", nomor)


def kerangka_bernomor(
    entri: Iterable[tuple[str, str, int, bool]], label_sub: Callable[[int, int], str]
) -> list[dict[str, Any]]:
    """An outline (key, title, level, numbered) numbered as printed: BAB I, BAB II ... for chapters and
    label_sub(bab, sub) for their sections; each entry with its key, level, BAB number, label and text."""
    hasil, bab, sub = [], 0, 0
    for kunci, judul, tingkat, bernomor in entri:
        label = ""
        if bernomor and tingkat == 1:
            bab, sub = bab + 1, 0
            label = f"BAB {bahasa.romawi(bab)}"
        elif bernomor:
            sub += 1
            label = label_sub(bab, sub)
        teks = f"{label} {judul}" if label else judul
        hasil.append({"kunci": kunci, "tingkat": tingkat, "bab": bab, "label": label, "judul": judul, "teks": teks})
    return hasil


def bagian(isi: T | None, nama: str) -> T:
    """The config's [nama] table a document is made from (the registry makes the document only
    when the config has it: asked for without it is a programming error)."""
    if isi is None:
        raise ValueError(f"konfigurasi ini tidak memuat [{nama}]")
    return isi


def tempat_tanggal(config: Config, tanggal: dt.date) -> str:
    """Singaraja, 16 Januari 2023: where the agency signs (the PK's place when given, else the
    decree's) and when."""
    pk = config.perjanjian_kinerja
    return f"{(pk.tempat if pk else None) or config.keputusan.tempat}, {bahasa.tanggal(tanggal)}"


def daftar_isi(garis: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The contents list of a numbered outline (kerangka_bernomor): each heading as printed, with its level."""
    return [{"teks": g["teks"], "tingkat": g["tingkat"]} for g in garis]


def penomor(awalan: str, bagian: int | str) -> Callable[[], str]:
    """Caption labels of one chapter or section, one call per caption in the order printed:
    penomor("Tabel", 3) gives 'Tabel 3.1', 'Tabel 3.2' ...; penomor("Gambar", "2.2") 'Gambar 2.2.1'."""
    nomor = itertools.count(1)
    return lambda: f"{awalan} {bagian}.{next(nomor)}"


def tata_dokumen(config: Config, tanggal: dt.date, judul: str, subjek: str) -> Tata:
    """Page, font and properties of an agency document that has no diktum (PK, LKjIP, Rencana Aksi ...)."""
    return Tata(
        kertas=config.format.kertas,
        huruf=config.format.huruf,
        label_diktum=(),
        tanggal=tanggal,
        judul=judul,
        subjek=subjek,
        pengarang=config.instansi.nama,
    )


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
    if kepala_daerah(i):
        return kop_kepala_daerah(config)
    # no-break spaces: a telephone number never wraps inside the letterhead
    telepon = "Telepon\u00a0" + i.telepon.replace(" ", "\u00a0")
    if i.faks:  # the same rule: label and number never split
        telepon += ", Faksimile\u00a0" + i.faks.replace(" ", "\u00a0")
    alamat = f"{i.alamat}, {i.kota}" + (f" {i.kode_pos}" if i.kode_pos else "") + f", {telepon}"
    kontak = [f"Laman:\u00a0{i.laman}"] * bool(i.laman) + [f"Pos-el:\u00a0{i.email}"] * bool(
        i.email
    )  # label with its value
    return {
        "pemerintah": i.pemerintah.upper(),
        "aksara": i.nama_aksara or "",  # the name in Balinese script, above the Latin one (Pergub Bali 80/2018)
        "nama": nama_kop(config),
        "alamat": alamat,
        "kontak": "   ".join(kontak),
        "logo": Gambar(Path(i.logo), 22) if i.logo else None,
    }


def kop_kepala_daerah(config: Config) -> dict[str, Any]:
    """The kepala daerah's own letterhead: his title ("GUBERNUR PAPUA") under the lambang, no
    government line above it and no office address below (never a line "PEMERINTAH" alone)."""
    i = config.instansi
    return {
        "pemerintah": "",
        "aksara": i.nama_aksara or "",
        "nama": config.penandatangan.jabatan.rstrip(",").upper(),
        "alamat": "",
        "kontak": "",
        "logo": Gambar(Path(i.logo), 22) if i.logo else None,
    }


def penandatangan(config: Config) -> dict[str, str]:
    p = config.penandatangan
    return {
        "jabatan": p.jabatan.rstrip(",") + ",",
        "nama": p.nama,
        "pangkat": p.pangkat or "",  # the kepala daerah signs without pangkat and NIP
        "nip": f"NIP. {bahasa.nip_cetak(p.nip)}" if p.nip else "",
    }
