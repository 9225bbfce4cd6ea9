"""Indonesian formatting in one place: dates, numbers, ordinals, letters, Roman numerals, NIP, pangkat."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal, localcontext

from babel.dates import format_date
from num2words import num2words

LOCALE = "id"

GOLONGAN_PANGKAT = {
    "I/a": "Juru Muda",
    "I/b": "Juru Muda Tingkat I",
    "I/c": "Juru",
    "I/d": "Juru Tingkat I",
    "II/a": "Pengatur Muda",
    "II/b": "Pengatur Muda Tingkat I",
    "II/c": "Pengatur",
    "II/d": "Pengatur Tingkat I",
    "III/a": "Penata Muda",
    "III/b": "Penata Muda Tingkat I",
    "III/c": "Penata",
    "III/d": "Penata Tingkat I",
    "IV/a": "Pembina",
    "IV/b": "Pembina Tingkat I",
    "IV/c": "Pembina Utama Muda",
    "IV/d": "Pembina Utama Madya",
    "IV/e": "Pembina Utama",
}


def tanggal(nilai: dt.date) -> str:
    """22 Maret 2022: day in digits, month in full, four-digit year."""
    return format_date(nilai, "d MMMM yyyy", locale=LOCALE)


def angka(nilai: Decimal | int) -> str:
    """6,12; 1.250,5; 4,90 — decimal comma, '.' between thousands, decimals as written.

    Written out from the digits themselves (no arithmetic context), so no finite number can fail.
    """
    teks = format(Decimal(nilai), "f")
    tanda = "-" if teks.startswith("-") else ""
    bulat, _, pecahan = teks.lstrip("-").partition(".")
    kelompok = [bulat[max(i - 3, 0) : i] for i in range(len(bulat), 0, -3)][::-1]
    return tanda + ".".join(kelompok) + ("," + pecahan if pecahan else "")


def persen(nilai: Decimal) -> str:
    """97,09; 125,00; 1.234,50 — a percentage with exactly two decimals (rounded half up)."""
    with localcontext() as konteks:
        konteks.prec = max(28, nilai.adjusted() + 4)  # room for every digit before the two decimals
        return angka(nilai.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def ordinal_diktum(nomor: int) -> str:
    """KESATU, KEDUA, ..., KESEBELAS, KEDUA BELAS, KEDUA PULUH SATU."""
    if nomor < 1:
        raise ValueError("nomor diktum dimulai dari 1")
    if nomor == 1:
        return "KESATU"
    return num2words(nomor, lang=LOCALE, to="ordinal").upper()


def terbilang(nomor: int) -> str:
    """empat, dua belas: a number in words."""
    return num2words(nomor, lang=LOCALE)


def huruf_urut(nomor: int) -> str:
    """a, b, ..., z, aa, ab, ... (bijective base 26) for menimbang items."""
    if nomor < 1:
        raise ValueError("nomor huruf dimulai dari 1")
    hasil = ""
    while nomor:
        nomor, sisa = divmod(nomor - 1, 26)
        hasil = chr(ord("a") + sisa) + hasil
    return hasil


PENOMORAN = ("huruf", "angka", "diktum")  # a., b. ... aa.; 1., 2.; KESATU, KEDUA


def label_butir(penomoran: str, nomor: int) -> str:
    """The label printed before item `nomor` (from 1) of a numbered list: "c.", "3." or "KETIGA".

    The one implementation: the documents, the editor (its page and script get them from the
    server) and the diff's names of clauses all number through it."""
    if penomoran == "huruf":
        return f"{huruf_urut(nomor)}."
    if penomoran == "diktum":
        return ordinal_diktum(nomor)
    if penomoran == "angka":
        if nomor < 1:
            raise ValueError("nomor butir dimulai dari 1")
        return f"{nomor}."
    raise ValueError(f"penomoran tidak dikenal: {penomoran} (yang ada: {', '.join(PENOMORAN)})")


def bersihkan_nip(nip: str) -> str:
    """The NIP's digits, spaces removed."""
    return "".join(nip.split())


def periksa_nip(nip: str) -> str:
    """Return the 18 digits of a valid NIP or raise ValueError saying what is wrong."""
    angka_nip = bersihkan_nip(nip)
    if len(angka_nip) != 18 or not angka_nip.isascii() or not angka_nip.isdigit():
        raise ValueError(f"NIP harus 18 angka (tertulis {len(angka_nip)} karakter)")
    try:
        dt.date(int(angka_nip[0:4]), int(angka_nip[4:6]), int(angka_nip[6:8]))
    except ValueError:
        raise ValueError(f"8 angka pertama NIP ({angka_nip[:8]}) bukan tanggal lahir yang sah (TTTTBBHH)") from None
    if not 1 <= int(angka_nip[12:14]) <= 12:
        raise ValueError(f"bulan TMT CPNS pada NIP ({angka_nip[12:14]}) harus 01 sampai 12")
    if angka_nip[14] not in "12":
        raise ValueError(f"angka jenis kelamin pada NIP ({angka_nip[14]}) harus 1 (laki-laki) atau 2 (perempuan)")
    return angka_nip


def nip_lahir(nip: str) -> dt.date:
    """Birth date encoded in a valid NIP."""
    return dt.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))


def nip_tmt(nip: str) -> dt.date:
    """First day of the TMT CPNS month encoded in a valid NIP."""
    return dt.date(int(nip[8:12]), int(nip[12:14]), 1)


def nip_cetak(nip: str) -> str:
    """19691231 199103 1 053: groups 8-6-1-3."""
    d = bersihkan_nip(nip)
    return f"{d[0:8]} {d[8:14]} {d[14]} {d[15:18]}"


def rupiah(nilai: int) -> str:
    """1.250.000.000: whole rupiah, '.' between thousands, no decimals."""
    return angka(int(nilai))


def rangkai(butir: list[str]) -> str:
    """'A', 'A dan B', 'A, B, dan C'."""
    if len(butir) < 3:
        return " dan ".join(butir)
    return f"{', '.join(butir[:-1])}, dan {butir[-1]}"


def romawi(nomor: int) -> str:
    """1 -> I, 4 -> IV, 14 -> XIV."""
    hasil = ""
    for nilai, huruf in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        jumlah, nomor = divmod(nomor, nilai)
        hasil += huruf * jumlah
    return hasil


ROMAWI = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")


def adalah_romawi(teks: str) -> bool:
    """III, XIV, MMXXIV: a Roman numeral as romawi() writes it (capitals); not "", not "IIII"."""
    return bool(teks) and ROMAWI.fullmatch(teks) is not None
