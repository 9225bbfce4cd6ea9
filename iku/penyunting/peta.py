"""Form fields <-> config data.

A field's name is its key path with list items counted from 0 (`keputusan.menimbang.0`,
`iku.1.target.2024`, `iku.1.formulasi.pembilang`). The form is first gathered into a tree
of the texts as typed (`susun`), which is what the page shows again when something is
wrong; `ketik` turns that tree into TOML values. A text formula sits in the tree under
`formulasi.teks`, so the three fraction fields can stand beside it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from .. import bahasa
from ..galat import Masalah
from ..impor.teks import tanggal as baca_tanggal
from .skema import SKEMA, Isian, Skema

KENDALI = {"simpan", "buat", "aksi"}
ASAL = "_asal"  # a row's index in the file when the page was made ("" for a new row)
KOSONG = None  # a TOML value the form asks to be absent


# ---------------------------------------------------------------- names


def nama_isian(loc: Iterable[object]) -> str:
    """("keputusan", "menimbang", 0) -> keputusan.menimbang.0"""
    return ".".join(str(b) for b in loc)


def dari_kunci(kunci: str) -> str:
    """A problem's key (keputusan.menimbang[2], 1-based) -> the field name (keputusan.menimbang.1)."""
    return re.sub(r"\[(\d+)\]", lambda m: f".{int(m.group(1)) - 1}", kunci)


LABEL_CADANGAN = 100  # labels beyond the longest list, for items the page's script adds


def label_halaman(pohon: dict[str, Any]) -> dict[str, list[str]]:
    """The labels the page's script numbers its lists with, per numbering, as the documents print them
    (bahasa.label_butir): for every item now on the page and LABEL_CADANGAN more. An item added past
    them goes to the server, as without scripts."""
    jumlah = _terpanjang(pohon) + LABEL_CADANGAN
    return {p: [bahasa.label_butir(p, n) for n in range(1, jumlah + 1)] for p in bahasa.PENOMORAN}


def _terpanjang(simpul: Any) -> int:
    """The length of the longest list anywhere in the tree."""
    if isinstance(simpul, dict):
        return max((_terpanjang(v) for v in simpul.values()), default=0)
    if isinstance(simpul, list):
        return max([len(simpul), *(_terpanjang(v) for v in simpul)])
    return 0


# ---------------------------------------------------------------- form -> tree of texts


def susun(form: Iterable[tuple[str, str]], sk: Skema = SKEMA) -> dict[str, Any]:
    """The posted fields as a tree of texts (lists where the file has lists)."""
    pohon: dict[str, Any] = {}
    for nama, nilai in form:
        if nama in KENDALI or not nama or nama.startswith("_") and not nama.startswith(ASAL + "."):
            continue
        bagian = nama.split(".")
        if bagian[0] == ASAL:
            bagian = [*bagian[1:], ASAL]
        _taruh(pohon, bagian, nilai.replace("\r\n", "\n"))
    return _jadikan_daftar(pohon, (), sk)


def _taruh(pohon: dict[str, Any], bagian: list[str], nilai: str) -> None:
    for b in bagian[:-1]:
        anak = pohon.get(b)
        if not isinstance(anak, dict):
            anak = pohon[b] = {} if anak is None else {"teks": anak}
        pohon = anak
    if isinstance(pohon.get(bagian[-1]), dict):  # formulasi.teks typed after its fraction parts
        pohon[bagian[-1]]["teks"] = nilai
    else:
        pohon[bagian[-1]] = nilai


def _jadikan_daftar(simpul: Any, loc: tuple[str, ...], sk: Skema) -> Any:
    if not isinstance(simpul, dict):
        return simpul
    if sk.pola(loc) in sk.semua_daftar or sk.pola(loc) in sk.peta:
        urut = sorted((int(k), v) for k, v in simpul.items() if k.isdigit())
        return [_jadikan_daftar(v, (*loc, "0"), sk) for _, v in urut]
    hasil = {k: _jadikan_daftar(v, (*loc, k), sk) for k, v in simpul.items()}
    if loc and loc[-1] == "formulasi":
        hasil.setdefault("teks", "")
    return hasil


# ---------------------------------------------------------------- config data -> tree of texts


def dari_data(data: dict[str, Any], sk: Skema = SKEMA) -> dict[str, Any]:
    """The parsed file as the texts the form shows; each row remembers where it came from."""
    pohon = _teks_dari(data, (), sk)
    for tabel in sk.baris:
        for i, baris in enumerate(pohon.get(tabel[0], []) or []):
            if isinstance(baris, dict):
                baris[ASAL] = str(i)
    return pohon


def _teks_dari(nilai: Any, loc: tuple[object, ...], sk: Skema) -> Any:
    if isinstance(nilai, dict) and sk.pola(loc) in sk.peta:  # name -> text: a list of pairs in the form
        return [{"kunci": k, "nilai": _teks_dari(v, (*loc, k), sk)} for k, v in nilai.items()]
    if loc and loc[-1] == "formulasi":
        return (
            {"teks": "", **{k: _teks_dari(v, (*loc, k), sk) for k, v in nilai.items()}}
            if isinstance(nilai, dict)
            else {"teks": _teks_dari(nilai, (*loc, "teks"), sk)}
        )
    if isinstance(nilai, dict):
        return {k: _teks_dari(v, (*loc, k), sk) for k, v in nilai.items()}
    if isinstance(nilai, list):
        return [_teks_dari(v, (*loc, i), sk) for i, v in enumerate(nilai)]
    if isinstance(nilai, bool):
        return "true" if nilai else "false"  # the values of a yes/no select (benar)
    if isinstance(nilai, Decimal):
        return str(nilai).replace(".", ",")
    if isinstance(nilai, dt.date):
        return bahasa.tanggal(nilai)  # 22 Maret 2022, as printed; read back by tanggal()
    definisi = sk.cari(loc)
    if definisi and definisi.jenis == "rupiah" and isinstance(nilai, int) and not isinstance(nilai, bool):
        return bahasa.rupiah(nilai)  # 18.456.789.000; read back by rupiah()
    return str(nilai)


# ---------------------------------------------------------------- tree of texts -> TOML values


def ketik(pohon: dict[str, Any], sk: Skema = SKEMA) -> tuple[dict[str, Any], dict[str, Masalah]]:
    """TOML values from the typed texts; a text that is no date/number stays text, with a problem."""
    galat: dict[str, Masalah] = {}
    return _ketik(pohon, (), galat, sk), galat


def _ketik(simpul: Any, loc: tuple[object, ...], galat: dict[str, Masalah], sk: Skema) -> Any:
    if isinstance(simpul, list) and sk.pola(loc) in sk.peta:  # the pairs typed: name -> text, unnamed ones dropped
        pasangan = [p for p in simpul if isinstance(p, dict) and str(p.get("kunci", "")).strip()]
        peta = {p["kunci"].strip(): _ketik(p.get("nilai", ""), (*loc, p["kunci"].strip()), galat, sk) for p in pasangan}
        return {k: v for k, v in peta.items() if v is not KOSONG} or KOSONG
    if isinstance(simpul, list) and sk.pola(loc) in sk.boleh_tiada:  # empty: the default ([lampiran] kolom)
        return [v.strip() for v in simpul if isinstance(v, str) and v.strip()] or KOSONG
    if isinstance(simpul, list):
        return [_ketik(v, (*loc, i), galat, sk) for i, v in enumerate(simpul)]
    if isinstance(simpul, dict) and loc and loc[-1] == "formulasi":
        return _formulasi(simpul)
    if isinstance(simpul, dict) and len(loc) == 1 and loc[0] in sk.opsional and not terisi(simpul):
        return KOSONG  # an optional section left empty is not written
    if isinstance(simpul, dict):
        hasil = {k: (_asal(v) if k == ASAL else _ketik(v, (*loc, k), galat, sk)) for k, v in simpul.items()}
        return _tanpa_kosong(hasil) if len(loc) > 2 and loc[-1] in sk.tahunan else hasil
    definisi = sk.cari(loc)
    if definisi:
        return _nilai(simpul, definisi, nama_isian(loc), galat)
    return simpul.strip() if isinstance(simpul, str) else simpul  # a list item, as the document prints it


def terisi(simpul: Any) -> bool:
    """Whether anything was typed anywhere in a part of the form."""
    if isinstance(simpul, dict):
        return any(terisi(v) for k, v in simpul.items() if k != ASAL)
    if isinstance(simpul, list):
        return any(terisi(v) for v in simpul)
    return bool(str(simpul).strip())


def _asal(teks: str) -> int | None:
    return int(teks) if teks.isdigit() else None


def _tanpa_kosong(target: dict[str, Any]) -> dict[str, Any] | None:
    isi = {k: v for k, v in target.items() if v is not KOSONG}
    return isi or KOSONG


def _formulasi(simpul: dict[str, str]) -> Any:
    """A fraction when its numerator or denominator is filled, else the text formula."""
    pecahan = {k: simpul.get(k, "").strip() for k in ("pembilang", "penyebut", "kali")}
    if pecahan["pembilang"] or pecahan["penyebut"]:
        return {k: v for k, v in pecahan.items() if v or k != "kali"}
    return simpul.get("teks", "").strip()


def _nilai(teks: str, definisi: Isian, nama: str, galat: dict[str, Masalah]) -> Any:
    if not teks.strip():
        if definisi.wajib and definisi.jenis in ("tanggal", "bulat", "rupiah"):
            galat[nama] = Masalah("wajib diisi", kunci=nama, saran=CONTOH[definisi.jenis])
        return teks if definisi.wajib else KOSONG
    try:
        return UBAH.get(definisi.jenis, str)(teks.strip())
    except ValueError:
        galat[nama] = Masalah(PESAN[definisi.jenis], kunci=nama, saran=CONTOH[definisi.jenis])
        return teks


def angka(teks: str) -> Decimal:
    """6.12 or 6,12 (one decimal sign; no thousands separators in a form)."""
    bersih = teks.replace(",", ".") if teks.count(",") == 1 and "." not in teks else teks
    try:
        nilai = Decimal(bersih)
    except InvalidOperation:
        raise ValueError(teks) from None
    if not nilai.is_finite():
        raise ValueError(teks)
    return nilai


def rupiah(teks: str) -> int:
    """Whole rupiah: 1250000000 or 1.250.000.000 (a minus sign is left for validation to refuse)."""
    bersih = teks.replace(" ", "")
    if not re.fullmatch(r"-?(\d+|\d{1,3}(\.\d{3})+)", bersih):
        raise ValueError(teks)
    return int(bersih.replace(".", ""))


def tanggal(teks: str) -> dt.date:
    """15 Januari 2024, 15-01-2024, 15/1/2024, 15.01.2024 (day first, as written in Indonesia) or 2024-01-15."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", teks):
        return dt.date.fromisoformat(teks)
    if not re.fullmatch(r"\d{1,2}(\s+[A-Za-z]+\s+|\s*([-/.])\s*\d{1,2}\s*\2\s*)\d{4}", teks):
        raise ValueError(teks)
    nilai = baca_tanggal(teks)
    if nilai is None:
        raise ValueError(teks)
    return nilai


def bulat(teks: str) -> int:
    if not re.fullmatch(r"\d{1,4}", teks):
        raise ValueError(teks)
    return int(teks)


def benar(teks: str) -> bool:
    """A yes/no choice: the select's value "true" or "false"."""
    if teks not in ("true", "false"):
        raise ValueError(teks)
    return teks == "true"


UBAH = {"tanggal": tanggal, "bulat": bulat, "angka": angka, "rupiah": rupiah, "benar": benar}
PESAN = {
    "tanggal": "bukan tanggal yang sah",
    "bulat": "harus berupa tahun (angka)",
    "angka": "harus berupa angka",
    "rupiah": "harus rupiah utuh: angka saja, tanpa sen dan tanpa koma",
    "benar": "pilih ya atau tidak",
}
CONTOH = {
    "tanggal": "tulis hari, bulan, tahun, misalnya 15 Januari 2024 atau 15-01-2024",
    "bulat": "tulis empat angka, misalnya 2023",
    "angka": "misalnya 6,12 atau 15",
    "rupiah": "misalnya 1250000000 atau 1.250.000.000",
    "benar": "pilih dari daftar",
}


# ---------------------------------------------------------------- list operations


def ubah_daftar(pohon: dict[str, Any], aksi: str, sk: Skema = SKEMA) -> None:
    """Apply one button press: naik/turun/hapus:PATH.INDEX or tambah:PATH (in place)."""
    perintah, _, nama = aksi.partition(":")
    bagian = nama.split(".")
    if perintah == "tambah":
        daftar = _daftar_di(pohon, bagian, sk)
        if daftar is not None:
            tempat = sk.pola(tuple(_loc(bagian)))
            daftar.append({ASAL: ""} if tempat in sk.baris else {"kunci": "", "nilai": ""} if tempat in sk.peta else "")
        return
    if not bagian[-1].isdigit():
        return
    daftar, i = _daftar_di(pohon, bagian[:-1], sk), int(bagian[-1])
    if daftar is None or not 0 <= i < len(daftar):
        return
    if perintah == "hapus":
        del daftar[i]
    elif perintah in ("naik", "turun"):
        j = i - 1 if perintah == "naik" else i + 1
        if 0 <= j < len(daftar):
            daftar[i], daftar[j] = daftar[j], daftar[i]


def _loc(bagian: list[str]) -> list[object]:
    return [int(b) if b.isdigit() else b for b in bagian]


def _daftar_di(pohon: dict[str, Any], bagian: list[str], sk: Skema) -> list[Any] | None:
    """The list at a path, created when a known list is still absent (tembusan = [])."""
    if sk.pola(tuple(_loc(bagian))) not in sk.semua_daftar | sk.peta:
        return None
    simpul: Any = pohon
    for b in bagian[:-1]:
        simpul = (
            simpul[int(b)]
            if isinstance(simpul, list) and b.isdigit()
            else simpul.get(b)
            if isinstance(simpul, dict)
            else None
        )
        if simpul is None:
            return None
    if isinstance(simpul, dict):
        return simpul.setdefault(bagian[-1], [])
    return None


# ---------------------------------------------------------------- names a clerk reads


def judul_isian(nama: str, sk: Skema = SKEMA) -> str:
    """A field's name as the page says it: "Mengingat 7.", "IKU baris 2: Target 2024"."""
    bagian = nama.split(".")
    loc = tuple(
        int(b) if b.isdigit() and not (i > 1 and bagian[i - 1] in sk.tahunan) else b for i, b in enumerate(bagian)
    )
    daftar = {p: (d.label, sk.penomoran(d, {})) for p, d in sk.daftar.items()}
    awal = ""
    if len(loc) > 1 and loc[0] in sk.baris_dibaca and isinstance(loc[1], int):
        awal = f"{sk.baris_dibaca[str(loc[0])]} {loc[1] + 1}"
    if len(loc) > 1 and isinstance(loc[-1], int) and sk.pola(loc[:-1]) in daftar:
        judul, penomoran = daftar[sk.pola(loc[:-1])]
        sisa = f"{judul} {bahasa.label_butir(penomoran, loc[-1] + 1)}"
    elif sk.pola(loc) in daftar:
        sisa = daftar[sk.pola(loc)][0]
    elif loc[0] == "iku" and loc[-1] in ("target", "realisasi", "formulasi") and awal:
        sisa = str(loc[-1]).capitalize()
    elif loc[0] in sk.bagian_dibaca and sk.pola(loc) in sk.isian:
        sisa = f"{sk.bagian_dibaca[str(loc[0])]}: {sk.isian[sk.pola(loc)].label}"
    elif sk.pola(loc) in sk.isian:
        sisa = sk.isian[sk.pola(loc)].label + (f" {loc[-1]}" if sk.pola(loc)[-1] == "*" else "")
    else:
        sisa = "" if awal else nama
    return ": ".join(x for x in (awal, sisa) if x)
