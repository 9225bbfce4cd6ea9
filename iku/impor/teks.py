"""Small text tools of the import: whitespace, typed labels, capitals, Indonesian dates."""

from __future__ import annotations

import datetime as dt
import re

from .. import bahasa

ORDINAL = {bahasa.ordinal_diktum(k): k for k in range(1, 41)} | {"PERTAMA": 1}
_ORDINAL = "|".join(sorted(ORDINAL, key=len, reverse=True)).replace(" ", r"\s+")
LABEL_HURUF = re.compile(r"^\s*\(?([a-zA-Z])[.)]\s*(?=\S)|^\s*\(?([a-zA-Z])[.)]\s*$")
LABEL_ANGKA = re.compile(r"^\s*\(?(\d{1,3})[.)](?!\d)\s*")
LABEL_PELURU = re.compile(r"^\s*[\u2022\u25cf\u25aa\u2013\u2014\-*]\s+")

BULAN = {
    "januari": 1,
    "februari": 2,
    "pebruari": 2,
    "maret": 3,
    "april": 4,
    "mei": 5,
    "juni": 6,
    "juli": 7,
    "agustus": 8,
    "agustur": 8,
    "september": 9,
    "oktober": 10,
    "nopember": 11,
    "november": 11,
    "desember": 12,
    "nop": 11,
    "des": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "agu": 8,
    "agt": 8,
    "sep": 9,
    "okt": 10,
}
KATA_KECIL = {
    "dan",
    "di",
    "ke",
    "dari",
    "yang",
    "atau",
    "untuk",
    "tentang",
    "atas",
    "pada",
    "dalam",
    "serta",
    "bagi",
    "oleh",
    "dengan",
    "terhadap",
    "sebagai",
    "antara",
    "melalui",
    "tanpa",
}
AKRONIM = {"RSUD", "UPTD", "UPT", "IKU", "RI", "DKI", "DIY", "OPD", "BUMD", "SAKIP", "LKJIP"}


def label_diktum(baris: str) -> tuple[int, str] | None:
    """KESATU : text -> (1, text). A capitalised ordinal is a label; 'Kedua' only before a colon or tab."""
    cocok = re.match(rf"^\s*({_ORDINAL})\b([ \t]*)([:.]?)\s*(.*)$", baris, re.I | re.S)
    if not cocok or not (cocok.group(1).isupper() or cocok.group(3) == ":" or "\t" in cocok.group(2)):
        return None
    return ORDINAL[" ".join(cocok.group(1).upper().split())], cocok.group(4)


def rapat(teks: str) -> str:
    """Spaces and tabs typed for alignment collapse to one space; line breaks kept, ends trimmed."""
    baris = [re.sub(r"[ \t\u00a0]+", " ", b).strip() for b in teks.split("\n")]
    return "\n".join(baris).strip()


def satu_baris(teks: str) -> str:
    return re.sub(r"\s+", " ", teks.replace("\u00a0", " ")).strip()


def kapital_semua(teks: str) -> bool:
    huruf = [h for h in teks if h.isalpha()]
    return bool(huruf) and all(h.isupper() for h in huruf)


def pulihkan_huruf(teks: str, sumber: list[str]) -> str:
    """A text printed in capitals, in its ordinary writing: as the same words are written elsewhere
    in the document (a menimbang quoting the tentang), else in title case."""
    if not kapital_semua(teks):
        return teks
    kunci = satu_baris(teks).casefold()
    for lain in sumber:
        lain = satu_baris(lain)
        posisi = lain.casefold().find(kunci)
        if posisi >= 0 and len(lain.casefold()) == len(lain):
            temu = lain[posisi : posisi + len(kunci)]
            if not kapital_semua(temu):
                return temu
    return huruf_judul(teks)


def huruf_judul(teks: str) -> str:
    """Title case the Indonesian way: small words lower, acronyms and roman numerals kept."""
    kata = satu_baris(teks).split(" ")
    return " ".join(_kata_judul(k, i == 0) for i, k in enumerate(kata))


def _kata_judul(kata: str, pertama: bool) -> str:
    inti = kata.strip("()[],.;:\"'")
    if (
        not inti
        or any(c.isdigit() for c in inti)
        or bahasa.adalah_romawi(inti)
        or (kata.startswith("(") and len(inti) <= 6)
    ):
        return kata
    tanpa_vokal = len(inti) > 1 and not re.search(r"[AEIOU]", inti) and inti not in ("JL", "JLN", "TLP", "GG")
    if inti.isupper() and not kata.endswith(".") and (inti in AKRONIM or tanpa_vokal):
        return kata  # DPRD, BPBD, PP, RSUD: acronyms stay in capitals
    if inti.casefold() in KATA_KECIL and not pertama:
        return kata.lower()
    return "-".join(b[:1].upper() + b[1:].lower() for b in kata.split("-"))


def tanggal(teks: str) -> dt.date | None:
    """'22 Maret 2022' (any case, misspelt Pebruari/Nopember too) or 22-03-2022 -> date; None when not a date."""
    cocok = re.search(r"(\d{1,2})\s*[-/ ]?\s*([A-Za-z]+)\.?\s*[-/ ]?\s*(\d{4})", teks)
    angka = re.search(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b", teks)
    try:
        if cocok and BULAN.get(cocok.group(2).casefold()):
            return dt.date(int(cocok.group(3)), BULAN[cocok.group(2).casefold()], int(cocok.group(1)))
        if angka:
            return dt.date(int(angka.group(3)), int(angka.group(2)), int(angka.group(1)))
    except ValueError:
        return None
    return None
