"""`iku perubahan`: the amending decree's draft config from the amended one (tomlkit, comments kept).

The values stay; `[perubahan]` names the decree being amended (for a second amendment, still the
original decree, as UU 12/2011 Lampiran II cites it), `ke` one more than the old one's, `semula`
the old config relative to the new file. The new decree's nomor and tanggal are "ISI: ..." markers,
refused by generate until filled. The old Menimbang and diktum spoke of the original decree: they
become comments, so the amendment's default wording applies unless the clerk restores them.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

import tomlkit

from .beda import berkas_konfigurasi
from .galat import DrafError, DrafPerubahanError
from .konfigurasi import baca
from .lokasi import KEPALA, cari_baris
from .model import PENANDA_ISIAN, Config
from .tahun_baru import Draf, ganti_teks, isian, tulis_baru

KALIMAT_BAWAAN = ("menimbang", "memutuskan")


def nilai_perubahan(config: Config, semula: str) -> dict[str, Any]:
    """[perubahan] of a decree amending config's: the original decree, and which amendment this is."""
    p, k = config.perubahan, config.keputusan
    if p is None:
        isi: dict[str, Any] = {"nomor": k.nomor, "tanggal": k.tanggal, "tentang": k.tentang, "ke": 1}
    else:
        isi = {"nomor": p.nomor, "tanggal": p.tanggal, "tentang": p.tentang, "ke": p.ke + 1}
    return {**{kunci: nilai for kunci, nilai in isi.items() if nilai is not None}, "semula": semula}


def teks_perubahan(nilai: dict[str, Any]) -> str:
    """The [perubahan] table as it is inserted, with a comment on each key."""
    tabel = tomlkit.table()
    tabel.add(tomlkit.comment("Keputusan ini mengubah keputusan berikut (diisi oleh iku perubahan)."))
    catatan = {
        "nomor": "nomor keputusan yang diubah",
        "tanggal": "tanggal keputusan yang diubah",
        "tentang": "judul keputusan yang diubah (sesudah kata TENTANG)",
        "ke": '1 "Perubahan atas", 2 "Perubahan Kedua atas", ...',
        "semula": "konfigurasi keputusan yang diubah, relatif terhadap berkas ini (untuk matriks perubahan)",
    }
    for kunci, isi in nilai.items():
        item = tomlkit.item(isi)
        item.comment(catatan[kunci])
        tabel.add(kunci, item)
    doc = tomlkit.document()
    doc.add("perubahan", tabel)
    return tomlkit.dumps(doc)


def sisipkan_sesudah_keputusan(teks: str, bagian: str) -> str:
    """Put a section after [keputusan], before the comments that introduce the next table."""
    baris = teks.splitlines(keepends=True)
    awal = next(i for i, b in enumerate(baris) if (m := KEPALA.match(b)) and m.group(2) == "keputusan")
    berikut = next((i for i in range(awal + 1, len(baris)) if KEPALA.match(baris[i])), len(baris))
    while berikut > awal + 1 and (baris[berikut - 1].lstrip().startswith("#") or not baris[berikut - 1].strip()):
        berikut -= 1
    return "".join([*baris[:berikut], "\n", bagian, *baris[berikut:]])


def sisipkan_sesudah(teks: str, loc: tuple[str, ...], baris_baru: str) -> str:
    """A line put right after the (one-line) key at loc, or after its table's header."""
    nomor = cari_baris(teks, loc) or cari_baris(teks, loc[:-1])
    baris = teks.splitlines(keepends=True)
    return "".join([*baris[: nomor or 0], baris_baru, *baris[nomor or 0 :]])


def jadikan_catatan(teks: str, loc: tuple[str, ...], keterangan: str) -> str:
    """The lines of one key (however many its value spans) turned into comments, with a note above."""
    nomor = cari_baris(teks, loc)
    if nomor is None:
        return teks
    baris = teks.splitlines(keepends=True)
    awal = nomor - 1
    akhir = awal + 1
    while akhir < len(baris):
        try:
            tomllib.loads("".join(baris[awal:akhir]))
            break
        except tomllib.TOMLDecodeError:
            akhir += 1
    isi = ["# " + b if b.strip() else b for b in baris[awal:akhir]]
    return "".join([*baris[:awal], f"# {keterangan}\n", *isi, *baris[akhir:]])


def buat_draf(teks: str, config: Config, semula: str) -> Draf:
    """The amending config's text from the amended one's (already validated) text."""
    doc = tomlkit.parse(teks)
    keputusan = doc["keputusan"]
    keputusan["nomor"] = ganti_teks(keputusan["nomor"], lambda _t: f"{PENANDA_ISIAN} nomor keputusan perubahan")
    keputusan["tanggal"] = isian(
        keputusan["tanggal"], f"{PENANDA_ISIAN} tanggal penetapan keputusan perubahan (tahun-bulan-hari, tanpa kutip)"
    )
    diisi = ["keputusan.nomor", "keputusan.tanggal"]
    catatan = []
    pk = doc.get("perjanjian_kinerja")
    if pk is not None:
        if "tanggal" in pk:
            pk["tanggal"] = isian(pk["tanggal"], f"{PENANDA_ISIAN} tanggal Perjanjian Kinerja Perubahan")
            diisi.append("perjanjian_kinerja.tanggal")
    nilai = nilai_perubahan(config, semula)
    pk_perubahan = pk is not None and "perubahan" not in pk
    # the reasons given for an earlier amendment are not this one's: the matrix and check ask anew
    lama = [i for i, baris in enumerate(doc.get("iku", [])) if baris.pop("alasan_perubahan", None) is not None]
    if lama:
        catatan.append(
            "alasan_perubahan perubahan sebelumnya dihapus dari [[iku]] ke-" + ", ".join(str(i + 1) for i in lama)
        )
    if "perubahan" in doc:
        doc["perubahan"].pop("alasan_hapus", None)
        for kunci, isi in nilai.items():
            doc["perubahan"][kunci] = isi
        teks_baru = tomlkit.dumps(doc)
    else:
        teks_baru = sisipkan_sesudah_keputusan(tomlkit.dumps(doc), teks_perubahan(nilai))
    if pk_perubahan:
        teks_baru = sisipkan_sesudah(
            teks_baru, ("perjanjian_kinerja", "tanggal"), "perubahan = true  # Perjanjian Kinerja Perubahan\n"
        )
    for kunci in KALIMAT_BAWAAN:
        if kunci in keputusan:
            teks_baru = jadikan_catatan(
                teks_baru,
                ("keputusan", kunci),
                f"Dijadikan catatan oleh iku perubahan: tanpa {kunci}, keputusan perubahan memakai kalimat "
                "bawaannya; hapus tanda # di depan baris-baris berikut bila hendak memakai kalimat sendiri.",
            )
            catatan.append(f"keputusan.{kunci} dijadikan catatan (#): kalimat bawaan keputusan perubahan dipakai")
    catatan.append(
        "tulis alasan_perubahan pada setiap [[iku]] yang diubah atau ditambah, dan "
        '[perubahan] alasan_hapus = { "<indikator lama>" = "..." } untuk indikator yang dihapus'
    )
    return Draf(teks_baru, diisi, catatan)


def perubahan(asal: Path, tujuan: Path) -> Draf:
    """Write the amending draft of asal to tujuan; refuse an existing tujuan; nothing written on error."""
    asal = berkas_konfigurasi(asal)  # a year's archive folder names its konfigurasi-<tahun>.toml
    bacaan = baca(asal)
    semula = Path(os.path.relpath(asal.resolve(), tujuan.resolve().parent)).as_posix()
    draf = buat_draf(bacaan.teks, bacaan.config, semula)
    try:
        tulis_baru(tujuan, draf.teks)
    except DrafError as exc:
        raise DrafPerubahanError(exc.masalah) from None
    return draf
