"""Recognise the parts of a decree in its lines: kop, title block, konsiderans, diktum, signature.

The decree is read line by line (a table row's cells side by side, separated by tabs) and cut
into its parts by their headings (Menimbang, Mengingat, MEMUTUSKAN, Ditetapkan di, Tembusan).
Typed labels ("a.", "1.", "KESATU :") and Word's own numbering are both taken off; a clause
that runs over several paragraphs (or pages) is joined back into one item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import zip_longest
from typing import Any

from ..tte import TEKS_ELEKTRONIK, TTD
from .baca import Isi, Paragraf, Tabel
from .kop import INSTANSI
from .teks import (
    LABEL_ANGKA,
    LABEL_HURUF,
    LABEL_PELURU,
    kapital_semua,
    label_diktum,
    pulihkan_huruf,
    rapat,
    satu_baris,
    tanggal,
)

KEPALA = {
    # one colon separates the heading from its first item; a colon after it is the item's own text
    "menimbang": re.compile(r"^\s*Menimbang\b\s*:?[ \t]*", re.I),
    "mengingat": re.compile(r"^\s*Mengingat\b\s*:?[ \t]*", re.I),
    "memperhatikan": re.compile(r"^\s*Memperhatikan\b\s*:?[ \t]*", re.I),
    "memutuskan": re.compile(r"^\s*M\s*E\s*M\s*U\s*T\s*U\s*S\s*K\s*A\s*N\s*:?\s*$", re.I),
    "menetapkan": re.compile(r"^\s*Menetapkan\b[\s:]*", re.I),
    "ditetapkan": re.compile(r"^\s*(?:Ditetapkan|Dikeluarkan)\s+di\b[\s:]*", re.I),
    "tembusan": re.compile(r"^\s*Tembusan\b[^:]*:?\s*", re.I),
}
# in capitals (or spaced out, "K E P U T U S A N"): a sentence in a book naming the decree is no title
JUDUL = re.compile(r"^\s*(?:KEPUTUSAN|K[ \t]+E[ \t]+P[ \t]+U[ \t]+T[ \t]+U[ \t]+S[ \t]+A[ \t]+N)\b")
JUDUL_BIASA = re.compile(r"^\s*KEPUTUSAN\b", re.I)  # a title typed in ordinary case, when none is in capitals
BERJARAK = re.compile(r"^\s*K[ \t]+E[ \t]+P[ \t]+U[ \t]+T[ \t]+U[ \t]+S[ \t]+A[ \t]+N\b")
NOMOR = re.compile(r"^\s*NOMOR\b\s*:?\s*", re.I)
BERONGGA = re.compile(r"^[ \u00a0]+/|[ \u00a0]{2,}/|/[ \u00a0]{2,}")  # a blank left for the agenda number
TENTANG = re.compile(r"^\s*TENTANG\b\s*:?\s*", re.I)
PADA_TANGGAL = re.compile(r"^\s*(?:pada\s+)?tanggal\b\s*:?\s*", re.I)
NIP = re.compile(r"^\s*NIP\b\.?\s*:?\s*(\d[\d\s.\-]*|\$\{nip_pengirim\})", re.I)  # or SRIKANDI's placeholder
LAMPIRAN = re.compile(r"^\s*LAMPIRAN\b", re.I)
WILAYAH = re.compile(r"^\s*(?:KABUPATEN|KOTA|PROVINSI)\b", re.I)
GOLONGAN = re.compile(r"\(?\b(I{1,3}|IV)\s*/\s*[a-eA-E]\)?")
BUTIR_TUNGGAL = re.compile(r"^[\u2022\u25cf\u25aa\u2013\u2014\-*] (?! )")  # a bullet typed with one space, not a tab
PANGKAT = ("Pembina", "Penata", "Pengatur", "Juru")


@dataclass
class Daftar:
    """One numbered list as typed: each item's label as written and its text over paragraphs."""

    butir: list[list[str]] = field(default_factory=list)
    label: list[str] = field(default_factory=list)
    asli: list[str] = field(default_factory=list)  # each item's first line as typed, label included

    def baru(self, label: str, teks: str, asli: str = "") -> None:
        self.butir.append([teks])
        self.label.append(label)
        self.asli.append(asli or teks)

    def sambung(self, teks: str) -> None:
        if self.butir:
            self.butir[-1].append(teks)
        else:
            self.baru("", teks)

    def teks(self) -> list[str]:
        butir = self.butir
        if len(butir) == 1 and BUTIR_TUNGGAL.match(self.asli[0]):
            butir = [[self.asli[0], *butir[0][1:]]]  # a single item has no label (UU 12/2011): its "- " is text
        return [t for t in (satu_baris(" ".join(b)) for b in butir) if t]


@dataclass
class Bagian:
    """The decree's lines sorted into its parts."""

    kop: list[str] = field(default_factory=list)
    judul: list[str] = field(default_factory=list)
    daftar: dict[str, Daftar] = field(default_factory=dict)
    tempat: str | None = None
    ttd: list[str] = field(default_factory=list)
    sesudah: list[str] = field(default_factory=list)
    pola_judul: re.Pattern[str] = JUDUL
    mengingat_huruf: bool = False  # Mengingat lettered a., b. (some regions' style) instead of 1., 2.

    def pola(self, nama: str) -> re.Pattern[str]:
        """The label pattern of a list's items."""
        if nama == "menimbang" or (nama == "mengingat" and self.mengingat_huruf):
            return LABEL_HURUF
        return LABEL_ANGKA

    def ke(self, nama: str) -> Daftar:
        return self.daftar.setdefault(nama, Daftar())


# ---------------------------------------------------------------- lines in order


def baris_dokumen(isi: Isi, kecuali: Any = None) -> list[str]:
    """Every line of the body in order; a table row's cells side by side, tab-separated.
    The table `kecuali` (the IKU table, when the lampiran is in the same file) is left out."""
    hasil: list[str] = []
    for blok in isi.blok:
        if blok is kecuali:
            continue
        if isinstance(blok, Paragraf):
            hasil.extend(_baris_paragraf(blok))
        else:
            hasil.extend(_baris_tabel(blok))
    return hasil


def _baris_paragraf(p: Paragraf) -> list[str]:
    baris = p.teks.split("\n")
    if p.label:
        baris[0] = f"{p.label}\t{baris[0]}"
    return baris


def _baris_tabel(tabel: Tabel) -> list[str]:
    hasil: list[str] = []
    for baris in tabel.baris:
        kolom = [[b for p in sel.paragraf for b in _baris_paragraf(p)] for sel in baris]
        kolom = [k for k in kolom if any(b.strip() for b in k)]
        hasil.extend("\t".join(bagian) for bagian in zip_longest(*kolom, fillvalue=""))
    return hasil


# ---------------------------------------------------------------- cutting into parts


def pilah(baris: list[str]) -> Bagian:
    """Sort the lines into kop, title, lists, signature and what follows it."""
    bagian, keadaan = Bagian(), "kop"
    if not any(JUDUL.match(b) for b in baris):
        bagian.pola_judul = JUDUL_BIASA
    for b in baris:
        keadaan = _langkah(bagian, keadaan, b)
        if keadaan == "selesai":
            break
    return bagian


def _langkah(bagian: Bagian, keadaan: str, b: str) -> str:
    if keadaan == "kop":
        return _kop(bagian, b)
    if keadaan in ("judul", "menimbang", "mengingat", "memperhatikan"):
        return _konsiderans(bagian, keadaan, b)
    if keadaan == "diktum":
        return _diktum(bagian, b)
    if keadaan == "ttd" and not (KEPALA["tembusan"].match(b) or LAMPIRAN.match(b)):  # a signer without NIP
        bagian.ttd.append(b)
        return "sesudah" if NIP.match(b) else "ttd"
    return _sesudah(bagian, keadaan, b)


def _kop(bagian: Bagian, b: str) -> str:
    if bagian.pola_judul.match(b):
        bagian.judul.append(b)
        return "judul"
    bagian.kop.append(b)
    return "kop"


def _konsiderans(bagian: Bagian, keadaan: str, b: str) -> str:
    for nama in ("menimbang", "mengingat", "memperhatikan"):
        cocok = KEPALA[nama].match(b)
        if cocok:
            if nama == "mengingat":
                pertama = re.sub(r"^[ \t]*:?[ \t]*", "", b[cocok.end() :])
                bagian.mengingat_huruf = bool(LABEL_HURUF.match(pertama)) and not LABEL_ANGKA.match(pertama)
            _butir(bagian.ke(nama), b[cocok.end() :], bagian.pola(nama), True)
            return nama
    if KEPALA["memutuskan"].match(b) or KEPALA["menetapkan"].match(b):
        return "diktum"
    if keadaan == "judul":
        bagian.judul.append(b)
    else:
        _butir(bagian.ke(keadaan), b, bagian.pola(keadaan))
    return keadaan


def _butir(daftar: Daftar, baris: str, pola: re.Pattern[str], kepala: bool = False) -> None:
    """One line of a list: a new item when it starts with a label, else the item's continuation.
    A colon before it is the separator ("\t:\tb." typed on each line, or the heading's own colon on
    the next line); the heading's line has had its colon taken: one after that is the item's text."""
    isi = baris.lstrip(" \t")
    pemisah = re.match(r":[ \t]+", isi)
    sesudah = isi[pemisah.end() :] if pemisah else ""
    if pemisah and (pola.match(sesudah) or LABEL_PELURU.match(sesudah) or (not kepala and not daftar.butir)):
        isi = sesudah
    cocok = pola.match(isi) or LABEL_PELURU.match(isi)
    if cocok:
        daftar.baru(_label(cocok.group(0)), isi[cocok.end() :], isi)
    elif isi.strip():
        daftar.sambung(isi)


def _label(teks: str) -> str:
    return teks.strip().strip("()")


def _diktum(bagian: Bagian, b: str) -> str:
    cocok = KEPALA["ditetapkan"].match(b)
    if cocok:
        bagian.tempat = satu_baris(b[cocok.end() :]) or None
        return "ttd"
    label = label_diktum(b.lstrip(" \t"))
    if label:
        bagian.ke("memutuskan").baru(str(label[0]), label[1])
    elif "memutuskan" in bagian.daftar and b.strip():
        bagian.ke("memutuskan").sambung(b)
    return "diktum"


def _sesudah(bagian: Bagian, keadaan: str, b: str) -> str:
    if LAMPIRAN.match(b) and not KEPALA["tembusan"].match(b):
        return "selesai"
    cocok = KEPALA["tembusan"].match(b)
    if cocok:
        b, keadaan = b[cocok.end() :], "tembusan"
    if keadaan == "tembusan" and b.strip():
        tembusan = bagian.ke("tembusan")
        if LABEL_ANGKA.match(b.lstrip()) or LABEL_PELURU.match(b.lstrip()) or not any(tembusan.label):
            _butir_tembusan(tembusan, b)
        else:
            tembusan.sambung(b)
    elif b.strip():
        bagian.sesudah.append(b)
    return keadaan


def _butir_tembusan(tembusan: Daftar, b: str) -> None:
    isi = b.strip(" \t:")
    cocok = LABEL_ANGKA.match(isi) or LABEL_PELURU.match(isi)
    tembusan.baru(_label(cocok.group(0)) if cocok else "", isi[cocok.end() :] if cocok else isi)


# ---------------------------------------------------------------- reading each part


def judul(baris: list[str]) -> dict[str, str]:
    """Nomor, tentang (as printed) and the jabatan named in the title."""
    berjarak = bool(baris) and bool(BERJARAK.match(baris[0]))
    bersih = [rapat(b.replace("\t", " ")) for b in baris]
    if berjarak:
        bersih[0] = BERJARAK.sub("KEPUTUSAN", bersih[0])
    hasil: dict[str, str] = {"jabatan_judul": satu_baris(JUDUL_BIASA.sub("", bersih[0])) if bersih else ""}
    if berjarak:
        hasil["berjarak"] = "ya"
    tentang: list[str] | None = None
    for b, asli in zip(bersih[1:], baris[1:], strict=True):
        if tentang is not None:
            if (not b and any(tentang)) or _baris_jabatan(b, hasil["jabatan_judul"]) or _baris_kop(b, tentang):
                break
            tentang.append(b)
        elif NOMOR.match(b):
            hasil["nomor"] = nomor(asli)
        elif TENTANG.match(b):
            tentang = [TENTANG.sub("", b)]
        elif b and not hasil["jabatan_judul"]:
            hasil["jabatan_judul"] = b
    if tentang:
        hasil["tentang"] = satu_baris(" ".join(tentang)).rstrip(".")
    return {k: v for k, v in hasil.items() if v}


def nomor(baris: str) -> str:
    """The nomor after "NOMOR" (and its colon): blanks left for the agenda clerk ("    /KPTS/2012",
    "800/    /2012") kept as typed; other spaces typed for alignment collapse."""
    cocok = re.match(r"^\s*NOMOR\b(?:[ \t]*:)?[ \t]?", baris, re.I)
    sisa = (baris[cocok.end() :] if cocok else baris).rstrip()
    return sisa if BERONGGA.search(sisa) else rapat(sisa.replace("\t", " ")).lstrip(": ")


def _baris_kop(b: str, tentang: list[str]) -> bool:
    """A line under the title that names the agency and region again, kop-style ("KECAMATAN BONTOA
    KABUPATEN MAROS"), once the title already named the agency or ended with its year; a line that
    continues the title's sentence is kept."""
    if not any(tentang) or not (INSTANSI.match(b) or WILAYAH.match(b)):
        return False
    judul = satu_baris(" ".join(tentang)).casefold()
    instansi = satu_baris(re.split(r"(?i)\b(?:KABUPATEN|KOTA|PROVINSI)\b", b)[0]) or b
    return bool(re.search(r"\d{4}$", judul)) or instansi.casefold() in judul


def _baris_jabatan(b: str, jabatan: str) -> bool:
    return bool(jabatan) and b.rstrip(",").casefold() == jabatan.rstrip(",").casefold()


def penandatangan(baris: list[str], sumber: list[str]) -> dict[str, Any]:
    """The signature block: tanggal, jabatan (over one or more lines), nama, pangkat, NIP."""
    hasil: dict[str, Any] = {}
    isi = [satu_baris(b) for b in baris if satu_baris(b)]
    sisa = []
    for b in isi:
        if b == TEKS_ELEKTRONIK:  # our electronic layout's line above the jabatan
            hasil["tanda_tangan"] = "elektronik"
        elif b == TTD:  # SRIKANDI's signature placeholder stands in the ink space
            hasil["tanda_tangan"] = "srikandi"
        elif PADA_TANGGAL.match(b) and "tanggal" not in hasil:
            hasil["tanggal_teks"] = PADA_TANGGAL.sub("", b)
            hasil["tanggal"] = tanggal(b)
        elif nip := NIP.match(b):
            hasil["nip"] = re.sub(r"\D", "", nip.group(1))  # 19691231 199103 1 053, or with dots
        elif not re.fullmatch(r"(?i)(ttd\.?|cap|dto\.?|\(?tanda tangan\)?)", b):
            sisa.append(b)
    return hasil | _nama_jabatan(sisa, sumber)


def _nama_jabatan(sisa: list[str], sumber: list[str]) -> dict[str, str]:
    hasil = {}
    if sisa and _seperti_pangkat(sisa[-1]):
        hasil["pangkat"] = sisa.pop()
    if sisa:
        hasil["nama"] = sisa.pop()
    if sisa:
        jabatan = satu_baris(" ".join(sisa)).rstrip(",").strip()
        hasil["jabatan"] = pulihkan_huruf(jabatan, sumber) if kapital_semua(jabatan) else jabatan
    return hasil


def _seperti_pangkat(teks: str) -> bool:
    return bool(GOLONGAN.search(teks)) or teks.split(" ")[0].rstrip(",") in PANGKAT


JABATAN_INSTANSI = [  # the head's title -> the agency's name
    (re.compile(r"^Kepala\s+(.+)$", re.I), r"\1"),
    (re.compile(r"^Camat\s+(.+)$", re.I), r"Kecamatan \1"),
    (re.compile(r"^Lurah\s+(.+)$", re.I), r"Kelurahan \1"),
    (re.compile(r"^Inspektur\s+(.+)$", re.I), r"Inspektorat \1"),
    (re.compile(r"^Sekretaris\s+(.+)$", re.I), r"Sekretariat \1"),
    (re.compile(r"^Direktur(?:\s+Utama)?\s+(.+)$", re.I), r"\1"),
]


def nama_instansi(
    jabatan: str | None,
    jabatan_judul: str | None,
    sumber: list[str],
    kop: str | None = None,
    wilayah: str | None = None,
) -> str | None:
    """The agency's name: the signer's jabatan without 'Kepala' (or the title's, in ordinary case);
    else the kop's agency line, else the head's title made the agency's (Camat -> Kecamatan,
    Inspektur -> Inspektorat, ...); the last two with the region of the kop's PEMERINTAH line."""
    calon = [c for c in (jabatan, pulihkan_huruf(jabatan_judul, sumber) if jabatan_judul else None) if c]
    for c in calon:
        cocok = re.search(r"\bKepala\s+(.+)$", c, re.I)
        if cocok:
            return cocok.group(1).rstrip(",").strip()
    nama = pulihkan_huruf(kop, sumber) if kop else None
    for c in calon if nama is None else []:
        nama = next((pola.sub(ganti, c.rstrip(",").strip()) for pola, ganti in JABATAN_INSTANSI if pola.match(c)), None)
        if nama:
            break
    if nama and wilayah and wilayah.casefold() not in nama.casefold():
        nama = f"{nama} {wilayah}"
    return nama
