"""Next year's draft config from this year's: every comment and layout kept (tomlkit).

`tahun` goes up by one; "Tahun 2023" in the texts that name the IKU year follows it,
but never a legal citation ("Nomor 9 Tahun 2023", the mengingat list, an IKU row's
alasan and acuan) nor a plan period ("Tahun 2023-2026"). The decree's nomor and
tanggal, the Perjanjian Kinerja's tanggal and every programme's anggaran are replaced by
"ISI: ..." markers, which validation refuses until filled. Every programme's realisasi (last
year's figure) becomes an "ISI:" marker behind a "#", filled at the end of the new year.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.items import AoT, Array, String, Table

from .galat import DrafError, Masalah
from .konfigurasi import baca, nama_kunci
from .lokasi import KEPALA, cari_baris
from .model import PENANDA_ISIAN

# Texts that quote legislation: their years belong to the citation, not to the IKU year.
KUTIPAN = {("keputusan", "mengingat"), ("iku", "alasan"), ("iku", "acuan")}


@dataclass(frozen=True)
class Draf:
    """The new file's text and what the user must still do."""

    teks: str
    diisi: list[str]
    catatan: list[str]


def tahun_berikut(teks: str, lama: int) -> str:
    """Advance 'Tahun <lama>' to lama+1 unless it is a citation's year or a period's start."""
    pola = re.compile(rf"((?:Nomor|No\.)\s*:?\s*\S+\s+)?\b(Tahun(?:\s+Anggaran)?\s+){lama}(?!\d|\s*[-–/]\s*\d)", re.I)
    return pola.sub(lambda m: m.group(0) if m.group(1) else f"{m.group(2)}{lama + 1}", teks)


def ganti_teks(item: String, ubah: Callable[[str], str]) -> String:
    """Apply ubah to a string item, keeping its kind (basic, literal, multi-line) and raw layout."""
    baru = ubah(str(item))
    pembatas = item.type.value
    mentah = ubah(item.as_string()[len(pembatas) : -len(pembatas)])
    try:
        sama = tomllib.loads(f"x = {pembatas}{mentah}{pembatas}")["x"] == baru
    except tomllib.TOMLDecodeError:
        sama = False
    if sama:
        return String(item.type, baru, mentah, item.trivia)
    pengganti = tomlkit.string(baru, literal=item.type.is_literal(), multiline=item.type.is_multiline())
    pengganti.trivia.comment, pengganti.trivia.comment_ws = item.trivia.comment, item.trivia.comment_ws
    return pengganti


def _teks_tahun(wadah: Any, loc: tuple[Any, ...] = ()) -> Iterator[tuple[Any, Any, tuple[Any, ...]]]:
    """(container, key, path) of every string, skipping citations."""
    pasangan = wadah.items() if isinstance(wadah, (dict, Table)) else enumerate(wadah)
    for kunci, nilai in pasangan:
        sini = (*loc, kunci)
        if tuple(k for k in sini if not isinstance(k, int)) in KUTIPAN:
            continue
        if isinstance(nilai, String):
            yield wadah, kunci, sini
        elif isinstance(nilai, (dict, Table, Array, AoT, list)):
            yield from _teks_tahun(nilai, sini)


def _majukan_teks(doc: Any, lama: int) -> list[str]:
    """Advance the IKU year in every text; return the keys changed."""
    diubah = []
    for wadah, kunci, loc in list(_teks_tahun(doc)):
        item = wadah[kunci]
        if tahun_berikut(str(item), lama) != str(item):
            wadah[kunci] = ganti_teks(item, lambda t: tahun_berikut(t, lama))
            diubah.append(nama_kunci(loc))
    return diubah


def _tanda_isian(doc: Any, tanggal: dt.date) -> list[str]:
    """Replace what every year must fill anew by "ISI: ..." markers; return their keys."""
    contoh = _tahun_depan(tanggal).isoformat()
    keputusan = doc["keputusan"]
    keputusan["nomor"] = ganti_teks(keputusan["nomor"], lambda _t: f"{PENANDA_ISIAN} nomor keputusan")
    keputusan["tanggal"] = isian(keputusan["tanggal"], f"{PENANDA_ISIAN} tanggal penetapan (contoh {contoh})")
    diisi = ["keputusan.nomor", "keputusan.tanggal"]
    dokumen = doc.get("dokumen")
    if dokumen is not None and "tanggal_kata_pengantar" in dokumen:
        dokumen["tanggal_kata_pengantar"] = isian(
            dokumen["tanggal_kata_pengantar"], f"{PENANDA_ISIAN} tanggal kata pengantar (contoh {contoh})"
        )
        diisi.append("dokumen.tanggal_kata_pengantar")
    return diisi + _tanda_isian_pk(doc)


def _tanda_isian_pk(doc: Any) -> list[str]:
    """The Perjanjian Kinerja's date and every programme's budget are the new year's own."""
    diisi = []
    pk = doc.get("perjanjian_kinerja")
    if pk is not None and "tanggal" in pk and isinstance(pk["tanggal"], dt.date):
        contoh = _tahun_depan(pk["tanggal"]).isoformat()
        pk["tanggal"] = isian(pk["tanggal"], f"{PENANDA_ISIAN} tanggal Perjanjian Kinerja (contoh {contoh})")
        diisi.append("perjanjian_kinerja.tanggal")
    for i, program in enumerate(doc.get("program", [])):
        if "anggaran" in program:
            program["anggaran"] = isian(
                program["anggaran"],
                f"{PENANDA_ISIAN} pagu anggaran dalam rupiah, tanpa tanda kutip (tahun lalu {program['anggaran']})",
            )
            diisi.append(nama_kunci(("program", i, "anggaran")))
    return diisi


KUNCI_TRIWULAN = ("target_triwulan", "realisasi_triwulan")


def _kosongkan_triwulan(doc: Any) -> list[str]:
    """Quarter targets and realisasi belong to their year: the keys stay, their values go ({})."""
    kosong = []
    for bagian, kunci_ in (("iku", KUNCI_TRIWULAN), ("program", ("realisasi_triwulan",))):
        for i, baris in enumerate(doc.get(bagian, [])):
            for kunci in kunci_:
                if kunci in baris and len(baris[kunci]):
                    lama = baris[kunci]
                    baru = tomlkit.inline_table()
                    trivia = getattr(lama, "trivia", None)
                    if trivia is not None:
                        baru.trivia.comment, baru.trivia.comment_ws = trivia.comment, trivia.comment_ws
                    baris[kunci] = baru
                    kosong.append(nama_kunci((bagian, i, kunci)))
    return kosong


def _tanda_isian_rencana_aksi(doc: Any) -> list[str]:
    """The Rencana Aksi is signed anew each January (with the PK)."""
    ra = doc.get("rencana_aksi")
    if ra is None or not isinstance(ra.get("tanggal"), dt.date):
        return []
    contoh = _tahun_depan(ra["tanggal"]).isoformat()
    ra["tanggal"] = isian(ra["tanggal"], f"{PENANDA_ISIAN} tanggal Rencana Aksi (contoh {contoh})")
    return ["rencana_aksi.tanggal"]


def isian(lama: Any, teks: str) -> Any:
    """A marker string in place of a date, keeping the line's comment."""
    baru = tomlkit.string(teks)
    baru.trivia.comment, baru.trivia.comment_ws = lama.trivia.comment, lama.trivia.comment_ws
    return baru


def _tahun_depan(tanggal: dt.date) -> dt.date:
    try:
        return tanggal.replace(year=tanggal.year + 1)
    except ValueError:  # 29 February
        return tanggal.replace(year=tanggal.year + 1, day=28)


def buat_draf(teks: str, tanggal: dt.date, rencana: tuple[int, int]) -> Draf:
    """Next year's config text from this year's (already validated) text."""
    doc = tomlkit.parse(teks)
    lama = int(doc["tahun"])
    doc["tahun"] = _ganti_angka(doc["tahun"], lama + 1)
    diubah = _majukan_teks(doc, lama)
    diisi = _tanda_isian(doc, tanggal)
    catatan = [f"tahun {lama} menjadi {lama + 1} pada: " + ", ".join(["tahun", *diubah])]
    realisasi_program = _tanda_realisasi_program(doc, lama + 1)
    if realisasi_program:
        catatan.append(
            f"realisasi setiap [[program]] dijadikan catatan bertanda ISI (angka tahun {lama} bukan realisasi "
            f"{lama + 1}): pada akhir tahun {lama + 1} hapus tanda # di depannya dan isi angkanya"
        )
    dikosongkan = _kosongkan_triwulan(doc)
    if dikosongkan:
        catatan.append(f"nilai triwulan tahun {lama} dikosongkan (isi untuk {lama + 1}): " + ", ".join(dikosongkan))
    diisi += _tanda_isian_rencana_aksi(doc)
    ada_laporan = _majukan_tanggal_laporan(doc)
    if ada_laporan:
        catatan.append(
            f"[laporan_kinerja] dijadikan catatan (#): LKjIP {lama + 1} baru dapat dibuat setelah "
            f"realisasi {lama + 1} setiap [[iku]] diisi; saat itu hapus tanda # pertama di setiap barisnya"
        )
    if lama + 1 > rencana[1]:
        catatan.append(
            f"tahun {lama + 1} di luar rencana {rencana[0]}-{rencana[1]}: perbarui tabel [rencana] "
            "dan target setiap [[iku]]"
        )
    teks_baru = jadikan_catatan(tomlkit.dumps(doc), realisasi_program)
    return Draf(laporan_jadi_catatan(teks_baru) if ada_laporan else teks_baru, diisi, catatan)


def _tanda_realisasi_program(doc: Any, tahun: int) -> list[tuple[Any, ...]]:
    """Last year's programme realisasi is not next year's: each becomes an "ISI:" marker, to be put
    behind a "#" (the draft stays valid for the January PK); return their key paths."""
    diganti = []
    for i, program in enumerate(doc.get("program", [])):
        if "realisasi" in program:
            program["realisasi"] = isian(
                program["realisasi"],
                f"{PENANDA_ISIAN} realisasi anggaran {tahun} dalam rupiah, tanpa tanda kutip "
                f"(tahun lalu {program['realisasi']})",
            )
            diganti.append(("program", i, "realisasi"))
    return diganti


def jadikan_catatan(teks: str, kunci: list[tuple[Any, ...]]) -> str:
    """One "# " before the line of each key (a one-line value): removing it gives the key back.
    A key not on a line of its own (an inline table) keeps its live "ISI:" marker: refused until filled."""
    baris = teks.splitlines(keepends=True)
    for loc in kunci:
        nomor = cari_baris(teks, loc)
        if nomor is not None and baris[nomor - 1].lstrip().startswith(str(loc[-1])):
            baris[nomor - 1] = "# " + baris[nomor - 1]
    return "".join(baris)


def _majukan_tanggal_laporan(doc: Any) -> bool:
    """The LKjIP's date one year on; False when the config has no [laporan_kinerja]."""
    laporan = doc.get("laporan_kinerja")
    if laporan is None:
        return False
    tanggal = laporan.get("tanggal")
    if isinstance(tanggal, dt.date):
        baru = tomlkit.item(_tahun_depan(tanggal))
        lama: Any = tanggal  # a tomlkit Date: a date with the line's comment (trivia)
        baru.trivia.comment, baru.trivia.comment_ws = lama.trivia.comment, lama.trivia.comment_ws
        laporan["tanggal"] = baru
    return True


def laporan_jadi_catatan(teks: str) -> str:
    """Next year's LKjIP needs next year's realisasi, not known yet: the [laporan_kinerja] section
    stays where it is, one "#" before each of its lines ("# " before a key, so its own comments
    read "## ..."): removing the first "#" of every line gives the section back."""
    baris = teks.splitlines(keepends=True)
    awal = next(i for i, b in enumerate(baris) if (m := KEPALA.match(b)) and m.group(2) == "laporan_kinerja")
    dalam_string = False
    for i in range(awal, len(baris)):
        if i > awal and not dalam_string and KEPALA.match(baris[i]):
            break
        kode = dalam_string or not baris[i].lstrip().startswith("#")
        if baris[i].strip():
            baris[i] = ("# " if kode else "#") + baris[i]
        dalam_string = dalam_string != ((baris[i].count('"""') + baris[i].count("'''")) % 2 == 1)
    return "".join(baris)


def _ganti_angka(lama: Any, nilai: int) -> Any:
    baru = tomlkit.integer(nilai)
    baru.trivia.comment, baru.trivia.comment_ws = lama.trivia.comment, lama.trivia.comment_ws
    return baru


def tahun_baru(asal: Path, tujuan: Path) -> Draf:
    """Write next year's draft of asal to tujuan; refuse an existing tujuan; nothing written on error."""
    bacaan = baca(asal)
    config = bacaan.config
    draf = buat_draf(bacaan.teks, config.keputusan.tanggal, (config.rencana.tahun_awal, config.rencana.tahun_akhir))
    tulis_baru(tujuan, draf.teks)
    return draf


def tulis_baru(tujuan: Path, teks: str) -> None:
    try:
        with tujuan.open("x", encoding="utf-8", newline="") as berkas:
            berkas.write(teks)
    except FileExistsError:
        raise DrafError(
            Masalah(
                "berkas tujuan sudah ada dan tidak ditimpa",
                berkas=tujuan,
                saran="pilih nama lain untuk --to, atau pindahkan berkas itu dahulu",
            )
        ) from None
    except OSError as exc:
        raise DrafError(
            Masalah(
                f"berkas tujuan tidak dapat ditulis ({exc.strerror})",
                berkas=tujuan,
                saran="periksa bahwa foldernya ada dan boleh ditulisi",
            )
        ) from None
