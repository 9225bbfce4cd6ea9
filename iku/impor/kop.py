"""The letterhead: pemerintah, the agency's line, address, city, telephone, faks, e-mail, website."""

from __future__ import annotations

import re

from .teks import huruf_judul, kapital_semua, satu_baris

# A contact on a kop line, taken off the line before its name and address are read: its key, the words that
# label it (a regex alternation), its value, and whether it needs its label. An e-mail or a web address shows
# what it is; a number is a telephone or a faks only by its label ("Telp./Faks." labels one number: the telephone).
NOMOR = r"[+(]?\d[\d()\s.\-\u2013/]*\d\)?"
KONTAK = (
    ("email", r"Pos-el|E-?mail|Surel", r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", False),
    ("laman", r"Laman|Website|Web|Situs", r"(?:https?://|www\.)[^\s,;]+", False),
    ("telepon", r"(?:Telepon|Telepeon|Telp|Tlp|Telefon|Phone|Tel)\b\.?(?:\s*/\s*(?:Faks|Fax))?", NOMOR, True),
    ("faks", r"Faks|Fax|Faksimile", NOMOR, True),
)


def _pola_kontak(label: str, nilai: str, label_wajib: bool) -> re.Pattern[str]:
    if label_wajib:  # with the comma or semicolon that joins it to what comes before on the line
        return re.compile(rf"[,;]?\s*\b(?:{label})\b\.?\s*:?\s*({nilai})", re.I)
    return re.compile(rf"(?:(?:{label})\s*:?\s*)?({nilai})", re.I)


POLA_KONTAK = {kunci: _pola_kontak(label, nilai, wajib) for kunci, label, nilai, wajib in KONTAK}
JALAN = re.compile(r"^\s*(?:Jalan|Jln?\.?|JL\.?)\s", re.I)
INSTANSI = re.compile(
    r"^\s*(?:DINAS|BADAN|KANTOR|SEKRETARIAT|INSPEKTORAT|SATUAN|RUMAH\s+SAKIT|RSUD|UPTD|UPT|"
    r"KECAMATAN|KELURAHAN|BAGIAN|DESA)\b",
    re.I,
)
KODE_POS = re.compile(r"^(.*?)[\s,-]*(?:Kode\s*Pos\s*:?\s*)?\b(\d{5})$", re.I)


def baca_kop(baris: list[str]) -> dict[str, str]:
    """What the kop lines say; only the keys found."""
    isi = [satu_baris(b) for b in baris if satu_baris(b)]
    pemerintah = [i for i, b in enumerate(isi) if re.match(r"(?i)PEMERINTAH\b", b)]
    if pemerintah:  # the kop starts at its last PEMERINTAH line (a whole IKU book may come before it)
        isi = isi[pemerintah[-1] :]
    hasil: dict[str, str] = {}
    sisa = []
    for b in isi:
        for kunci, pola in POLA_KONTAK.items():
            b = _ambil(b, pola, kunci, hasil)
        if b:
            sisa.append(b)
    return hasil | _nama_dan_alamat(sisa)


def _ambil(b: str, pola: re.Pattern[str], kunci: str, hasil: dict[str, str]) -> str:
    cocok = pola.search(b)
    if not cocok:
        return b
    hasil.setdefault(kunci, cocok.group(1).strip().rstrip("."))
    return (b[: cocok.start()] + " " + b[cocok.end() :]).strip(" ,;:")


def _nama_dan_alamat(sisa: list[str]) -> dict[str, str]:
    hasil: dict[str, str] = {}
    awal = next((i for i, b in enumerate(sisa) if re.match(r"(?i)PEMERINTAH\b", b)), None)
    if awal is not None:
        hasil["pemerintah"] = _biasa(sisa[awal])
        sisa = sisa[awal + 1 :]
    for b in sisa:
        if "alamat" not in hasil and not JALAN.match(b) and _baris_instansi(b, "nama_kop" in hasil, awal is not None):
            hasil["nama_kop"] = b.upper()  # of a unit under another (Kecamatan, then Kelurahan): the last
        elif JALAN.match(b) or ("alamat" not in hasil and any(c.isdigit() for c in b)):
            hasil |= _alamat(b)
        elif "kota" not in hasil and len(b.split()) <= 4 and not any(c.isdigit() for c in b[:-5]):
            hasil |= _kota(b)
    if "alamat" in hasil and "kota" in hasil:
        hasil["alamat"] = _tanpa_kota(hasil["alamat"], hasil["kota"])
    return hasil


def _baris_instansi(b: str, sudah: bool, ada_pemerintah: bool) -> bool:
    """The agency's own line: the first after PEMERINTAH, or any naming a kind of agency
    (a Kelurahan's kop names its Kecamatan first)."""
    if any(c.isdigit() for c in b):
        return False
    return bool(INSTANSI.match(b)) or (ada_pemerintah and not sudah)


def _tanpa_kota(alamat: str, kota: str) -> str:
    """'Jl. Veteran No. 7 Singaraja' -> 'Jl. Veteran No. 7' (the city is printed after it); a street
    named after the town ('Jalan Raya Sidemen') keeps its name: only a city after a house number goes."""
    if not alamat.casefold().endswith(" " + kota.casefold()):
        return alamat
    jalan = alamat[: -len(kota)].rstrip(" ,")
    return jalan if any(c.isdigit() for c in jalan.split(" ")[-1]) else alamat


def _alamat(b: str) -> dict[str, str]:
    """'Jalan Veteran No. 7, Singaraja 81119' -> alamat, kota, kode pos; without commas, the
    postal code at the end is still taken off."""
    bagian = [x.strip() for x in b.split(",") if x.strip()]
    if len(bagian) > 1 and not any(c.isdigit() for c in KODE_POS.sub(r"\1", bagian[-1])):
        return {"alamat": _biasa(", ".join(bagian[:-1]))} | _kota(bagian[-1])
    alamat = ", ".join(bagian)
    kode = re.search(r"\s*[-,]?\s*(?:Kode\s*Pos\s*:?\s*)?\b(\d{5})$", alamat, re.I)
    if kode and kode.start() > 0:
        return {"alamat": _biasa(alamat[: kode.start()]), "kode_pos": kode.group(1)}
    return {"alamat": _biasa(alamat)}


def _kota(b: str) -> dict[str, str]:
    cocok = KODE_POS.match(b.strip())
    if cocok and cocok.group(1).strip():
        return {"kota": _biasa(cocok.group(1).strip(" ,-")), "kode_pos": cocok.group(2)}
    return {"kota": _biasa(b)}


def _biasa(teks: str) -> str:
    """A kop line typed in capitals, in ordinary case ('JALAN VETERAN NO 7' -> 'Jalan Veteran No 7')."""
    return huruf_judul(teks) if kapital_semua(teks) else teks
