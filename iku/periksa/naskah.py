"""Drafting checks (Tata Naskah Dinas) on a config that already validates.

Each rule is a small function returning warnings as `Masalah` data; nothing here
prints or exits. A clean config yields an empty list.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterator
from typing import Any

from .. import aksara, bahasa
from ..aksara import HURUF_AKSARA, huruf_terpasang
from ..galat import Masalah
from ..huruf import tak_tergambar
from ..konfigurasi import Bacaan
from ..model import TRIWULAN
from ..naskah.blok import label_diketik, tanpa_label
from ..triwulan import nama_tw
from ..tte import isian_url_tak_dikenal
from .perubahan import alasan_perubahan, perubahan_diketik, semula_keputusan_yang_diubah
from .temuan import peringatan

UMUR_MASUK_MINIMUM = 18
UMUR_PENANDATANGAN_MAKSIMUM = 70
KEMIRIPAN_SASARAN = 0.85
BEDA_HURUF_MAKSIMUM = 2  # a typo changes a letter or two; more is another sasaran


Aturan = Callable[[Bacaan], Iterator[Masalah]]


# ---------------------------------------------------------------- typed numbering


def penomoran_diketik(n: Bacaan) -> Iterator[Masalah]:
    k = n.config.keputusan
    for kunci, daftar in (
        ("menimbang", k.menimbang),
        ("mengingat", k.mengingat),
        ("memutuskan", k.memutuskan),
        ("tembusan", k.tembusan),
    ):
        for i, butir in enumerate(daftar):
            label = label_diketik(butir)
            if label:
                dibuang = "; tidak ikut dicetak" if tanpa_label(butir) != butir else ""
                yield peringatan(
                    n,
                    ("keputusan", kunci, i),
                    f'penomoran diketik sendiri ("{label}") pada butir {kunci} ke-{i + 1}{dibuang}',
                    f"hapus '{label}'; program menambahkan labelnya",
                )


# ---------------------------------------------------------------- menimbang


def menimbang_bahwa(n: Bacaan) -> Iterator[Masalah]:
    for i, butir in enumerate(n.config.keputusan.menimbang):
        loc = ("keputusan", "menimbang", i)
        butir = tanpa_label(butir)
        if butir.startswith("Bahwa"):
            yield peringatan(
                n, loc, 'butir menimbang diawali "Bahwa" berhuruf kapital', 'tulis "bahwa" dengan huruf kecil'
            )
        elif not butir.startswith("bahwa "):
            yield peringatan(n, loc, 'butir menimbang tidak diawali kata "bahwa"', 'awali butir dengan "bahwa ..."')
        if not butir.endswith(";"):
            yield peringatan(n, loc, "butir menimbang tidak diakhiri titik koma", "akhiri butir dengan tanda ;")


def huruf_dirujuk(teks: str) -> set[str]:
    """Letters named by 'huruf a', 'huruf a dan huruf b', 'huruf a sampai dengan huruf c'."""
    rujukan = set(re.findall(r"\bhuruf\s+([a-z]{1,2})\b", teks))
    for awal, akhir in re.findall(r"\bhuruf\s+([a-z])\s+sampai\s+dengan\s+huruf\s+([a-z])\b", teks):
        rujukan |= {chr(k) for k in range(ord(awal), ord(akhir) + 1)}
    return rujukan


def menimbang_rujukan(n: Bacaan) -> Iterator[Masalah]:
    menimbang = n.config.keputusan.menimbang
    if len(menimbang) < 2:
        return
    loc = ("keputusan", "menimbang", len(menimbang) - 1)
    harus = [bahasa.huruf_urut(k) for k in range(1, len(menimbang))]
    contoh = (
        " dan ".join(f"huruf {h}" for h in harus)
        if len(harus) < 3
        else ", ".join(f"huruf {h}" for h in harus[:-1]) + f", dan huruf {harus[-1]}"
    )
    saran = f'tulis "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam {contoh}, perlu menetapkan ..."'
    if "sebagaimana dimaksud" not in menimbang[-1]:
        yield peringatan(n, loc, "butir menimbang terakhir tidak merujuk butir sebelumnya", saran)
        return
    kurang = [h for h in harus if h not in huruf_dirujuk(menimbang[-1])]
    if kurang:
        yield peringatan(
            n, loc, "butir menimbang terakhir belum menyebut " + ", ".join(f"huruf {h}" for h in kurang), saran
        )


# ---------------------------------------------------------------- mengingat


def mengingat_tanda_baca(n: Bacaan) -> Iterator[Masalah]:
    mengingat = n.config.keputusan.mengingat
    for i, butir in enumerate(mengingat):
        terakhir = i == len(mengingat) - 1
        akhir, nama = (".", "titik") if terakhir else (";", "titik koma")
        if not butir.endswith(akhir):
            yield peringatan(
                n,
                ("keputusan", "mengingat", i),
                f"butir mengingat {'terakhir ' if terakhir else ''}tidak diakhiri {nama}",
                f"akhiri butir dengan tanda {akhir}",
            )


# Hierarchy of legislation (UU 12/2011 Pasal 7 as drafted in decrees): pattern, rank, name.
JENJANG: list[tuple[str, int, str]] = [
    (r"Undang-Undang Dasar|UUD\b", 0, "Undang-Undang Dasar"),
    (r"Peraturan Pemerintah Pengganti Undang-Undang|Perp?pu\b", 2, "Peraturan Pemerintah Pengganti Undang-Undang"),
    (r"Undang-Undang|UU\b", 1, "Undang-Undang"),
    (r"Peraturan Pemerintah|PP\b", 3, "Peraturan Pemerintah"),
    (r"(Peraturan|Keputusan|Instruksi) Presiden|Perpres\b|Keppres\b|Inpres\b", 4, "Peraturan Presiden"),
    (r"(Peraturan|Keputusan) Menteri|Permen|Kepmen", 5, "Peraturan/Keputusan Menteri"),
    (r"Peraturan Daerah Provinsi|Perda Provinsi", 6, "Peraturan Daerah Provinsi"),
    (r"(Peraturan|Keputusan) Gubernur|Pergub\b", 7, "Peraturan Gubernur"),
    (r"Peraturan Daerah|Perda\b", 8, "Peraturan Daerah Kabupaten/Kota"),
    (r"(Peraturan|Keputusan) (Bupati|Wali ?kota)|Perbup\b|Perwal[i]?\b", 9, "Peraturan Bupati/Wali Kota"),
]


def jenjang(butir: str) -> tuple[int, str] | None:
    """Rank and kind of a citation, from how it begins; None when not recognised."""
    for pola, peringkat, nama in JENJANG:
        if re.match(pola, butir, flags=re.I):
            return peringkat, nama
    return None


def tahun_peraturan(butir: str) -> int | None:
    cocok = re.search(r"\bTahun\s+(\d{4})\b", butir, flags=re.I)
    return int(cocok.group(1)) if cocok else None


def mengingat_urutan(n: Bacaan) -> Iterator[Masalah]:
    sebelumnya: tuple[int, str, int | None] | None = None
    for i, butir in enumerate(n.config.keputusan.mengingat):
        butir = tanpa_label(butir)
        jenis = jenjang(butir)
        if jenis is None:
            continue
        sekarang = (*jenis, tahun_peraturan(butir))
        if sebelumnya:
            yield from _salah_urut(n, i, sebelumnya, sekarang)
        sebelumnya = sekarang


def _salah_urut(
    n: Bacaan, i: int, lalu: tuple[int, str, int | None], kini: tuple[int, str, int | None]
) -> Iterator[Masalah]:
    loc = ("keputusan", "mengingat", i)
    if kini[0] < lalu[0]:
        yield peringatan(
            n,
            loc,
            f"{kini[1]} tertulis sesudah {lalu[1]}, tidak urut jenjang peraturan",
            "urutkan: Undang-Undang, Perpu, Peraturan Pemerintah, Peraturan Presiden, "
            "Peraturan Menteri, Perda Provinsi, Perda Kabupaten/Kota, Peraturan Bupati/Wali Kota",
        )
    elif kini[0] == lalu[0] and kini[2] and lalu[2] and kini[2] < lalu[2]:
        yield peringatan(
            n,
            loc,
            f"{kini[1]} tahun {kini[2]} tertulis sesudah yang tahun {lalu[2]}",
            "dalam satu jenis peraturan, urutkan dari tahun terlama",
        )


def tentang_kecil(n: Bacaan) -> Iterator[Masalah]:
    k = n.config.keputusan
    for kunci, daftar in (("menimbang", k.menimbang), ("mengingat", k.mengingat)):
        for i, butir in enumerate(daftar):
            if re.search(r"\bTentang\b", butir):
                yield peringatan(
                    n,
                    ("keputusan", kunci, i),
                    'kata "Tentang" dalam kutipan peraturan berhuruf kapital',
                    'tulis "tentang" dengan huruf kecil',
                )


# ---------------------------------------------------------------- duplicates, diktum, nomor


def _sama(teks: str) -> str:
    return " ".join(tanpa_label(teks).casefold().split()).rstrip(".;, ")


def _ganda(daftar: list[str]) -> Iterator[tuple[int, int]]:
    """(later index, first index) of every item equal to an earlier one."""
    pertama: dict[str, int] = {}
    for i, teks in enumerate(daftar):
        kunci = _sama(teks)
        if kunci in pertama:
            yield i, pertama[kunci]
        pertama.setdefault(kunci, i)


def butir_ganda(n: Bacaan) -> Iterator[Masalah]:
    k = n.config.keputusan
    daftar = {
        ("keputusan", "menimbang"): k.menimbang,
        ("keputusan", "mengingat"): k.mengingat,
        ("keputusan", "memutuskan"): k.memutuskan,
    }
    for induk, isi in daftar.items():
        for i, j in _ganda(isi):
            yield peringatan(n, (*induk, i), f"butir ini sama dengan butir ke-{j + 1}", "hapus salah satunya")
    for i, j in _ganda([b.indikator for b in n.config.iku]):
        yield peringatan(
            n,
            ("iku", i, "indikator"),
            f"indikator ini sama dengan indikator iku ke-{j + 1}",
            "hapus baris [[iku]] yang ganda atau bedakan indikatornya",
        )


def diktum_berlaku(n: Bacaan) -> Iterator[Masalah]:
    memutuskan = n.config.keputusan.memutuskan
    if "mulai berlaku" not in memutuskan[-1].casefold():
        yield peringatan(
            n,
            ("keputusan", "memutuskan", len(memutuskan) - 1),
            "diktum terakhir tidak menyatakan kapan keputusan mulai berlaku",
            'tambahkan diktum terakhir "Keputusan ini mulai berlaku pada tanggal ditetapkan."',
        )


def tahun_nomor(n: Bacaan) -> Iterator[Masalah]:
    k = n.config.keputusan
    tahun = re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", k.nomor)
    if tahun and int(tahun[-1]) != k.tanggal.year:
        yield peringatan(
            n,
            ("keputusan", "nomor"),
            f"tahun pada nomor ({tahun[-1]}) berbeda dengan tahun tanggal penetapan ({k.tanggal.year})",
            "samakan tahun pada nomor dengan keputusan.tanggal",
        )


def tahun_dalam_rencana(n: Bacaan) -> Iterator[Masalah]:
    tahun, rencana = n.config.tahun, n.config.rencana
    if not rencana.tahun_awal <= tahun <= rencana.tahun_akhir:
        yield peringatan(
            n,
            ("tahun",),
            f"tahun {tahun} di luar rencana {rencana.tahun_awal}-{rencana.tahun_akhir}",
            "perbarui rencana.tahun_awal dan rencana.tahun_akhir (serta target setiap [[iku]]) atau periksa tahun",
        )


def tentang_tanda_baca(n: Bacaan) -> Iterator[Masalah]:
    if n.config.keputusan.tentang[-1] in ".,;:":
        yield peringatan(
            n, ("keputusan", "tentang"), "judul keputusan diakhiri tanda baca", "hapus tanda baca di akhir judul"
        )


# ---------------------------------------------------------------- penandatangan


def _pangkat_baku(teks: str) -> str:
    teks = re.sub(r"\b(Tk\.?|Tingkat)\s*I\b", "Tingkat I", teks, flags=re.I)
    return " ".join(teks.split()).strip(" ,;-/").casefold()


def pangkat_golongan(n: Bacaan) -> Iterator[Masalah]:
    pangkat = n.config.penandatangan.pangkat
    loc = ("penandatangan", "pangkat")
    if pangkat is None:  # the kepala daerah's own decree
        return
    cocok = re.search(r"\(?\s*\b(IV|III|II|I)\s*/\s*([a-e])\b\s*\)?", pangkat)
    if not cocok:
        yield peringatan(n, loc, "golongan ruang tidak tertulis", 'tulis misalnya "Pembina Tingkat I (IV/b)"')
        return
    golongan = f"{cocok.group(1)}/{cocok.group(2)}"
    baku = bahasa.GOLONGAN_PANGKAT.get(golongan)
    if baku is None:
        yield peringatan(n, loc, f"golongan {golongan} tidak ada", "golongan IV hanya sampai IV/e, I-III sampai /d")
    elif _pangkat_baku(pangkat[: cocok.start()] + pangkat[cocok.end() :]) != baku.casefold():
        yield peringatan(
            n,
            loc,
            f"pangkat tidak sesuai golongan {golongan}",
            f'pangkat golongan {golongan} adalah "{baku} ({golongan})"',
        )


def _tambah_tahun(tanggal: dt.date, tahun: int) -> dt.date:
    try:
        return tanggal.replace(year=tanggal.year + tahun)
    except ValueError:  # 29 February
        return tanggal.replace(year=tanggal.year + tahun, day=28)


def nip_masuk_akal(n: Bacaan) -> Iterator[Masalah]:
    if n.config.penandatangan.nip is None:  # the kepala daerah's own decree
        return
    nip, ditetapkan = bahasa.bersihkan_nip(n.config.penandatangan.nip), n.config.keputusan.tanggal
    lahir, tmt = bahasa.nip_lahir(nip), bahasa.nip_tmt(nip)
    loc = ("penandatangan", "nip")
    if tmt < _tambah_tahun(lahir, UMUR_MASUK_MINIMUM).replace(day=1):
        yield peringatan(
            n,
            loc,
            f"TMT CPNS pada NIP ({tmt:%m/%Y}) kurang dari {UMUR_MASUK_MINIMUM} tahun "
            f"sesudah tanggal lahir ({lahir:%d/%m/%Y})",
            "periksa angka NIP",
        )
    if tmt > ditetapkan:
        yield peringatan(n, loc, f"TMT CPNS pada NIP ({tmt:%m/%Y}) sesudah tanggal keputusan", "periksa angka NIP")
    if _tambah_tahun(lahir, UMUR_PENANDATANGAN_MAKSIMUM) < ditetapkan:
        yield peringatan(
            n,
            loc,
            f"menurut NIP penandatangan lahir {lahir:%d/%m/%Y}, lebih dari "
            f"{UMUR_PENANDATANGAN_MAKSIMUM} tahun pada tanggal keputusan",
            "periksa angka NIP",
        )


# ---------------------------------------------------------------- sasaran, spelling

KATA_BILANGAN = {
    "nol",
    "satu",
    "dua",
    "tiga",
    "empat",
    "lima",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
    "sepuluh",
    "sebelas",
    "seratus",
    "seribu",
    "belas",
    "puluh",
    "ratus",
    "ribu",
    "juta",
    "pertama",
}


def kata_bilangan(kata: str) -> bool:
    """2024, 01, III, dua, kedua, ke-2: a word that only numbers something."""
    kecil = kata.casefold()
    kecil = kecil[3:] if kecil.startswith("ke-") else kecil[2:] if kecil[2:] in KATA_BILANGAN else kecil
    return bool(re.fullmatch(r"\d+([.,/:–-]\d+)*", kecil) or bahasa.adalah_romawi(kata) or kecil in KATA_BILANGAN)


def beda_bilangan(a: str, b: str) -> bool:
    """a and b differ only in numbers: Kelompok 01/02, Tahun 2024/2025, Tahap I/II, Tahap Kedua/Ketiga."""
    kata_a, kata_b = re.findall(r"[\w–-]+", a), re.findall(r"[\w–-]+", b)
    beda = [
        kata_a[i1:i2] + kata_b[j1:j2]
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, kata_a, kata_b, autojunk=False).get_opcodes()
        if tag != "equal"
    ]
    return bool(beda) and all(kata_bilangan(k) for bagian in beda for k in bagian)


def salah_ketik(a: str, b: str) -> bool:
    """b looks like a mistyped a: differs in case or a letter or two, not by a different acronym or number."""
    if a == b or beda_bilangan(a, b):
        return False
    banding = difflib.SequenceMatcher(None, a.casefold(), b.casefold())
    beda = sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in banding.get_opcodes() if tag != "equal")
    if beda > BEDA_HURUF_MAKSIMUM or banding.ratio() < KEMIRIPAN_SASARAN:
        return False
    kata_lain = set(a.split()) ^ set(b.split())
    return not (kata_lain and all(k.isupper() for k in kata_lain))  # PMKS vs PSKS are two things


def sasaran_mirip(n: Bacaan) -> Iterator[Masalah]:
    pertama: dict[str, int] = {}
    for i, baris in enumerate(n.config.iku):
        if baris.sasaran in pertama:
            continue
        for lain, j in pertama.items():
            if salah_ketik(lain, baris.sasaran):
                yield peringatan(
                    n,
                    ("iku", i, "sasaran"),
                    f"sasaran hampir sama dengan sasaran iku ke-{j + 1} "
                    f'("{lain}"), sehingga menjadi kelompok tersendiri',
                    "bila maksudnya sama, salin tulisan sasaran itu persis",
                )
                break
        pertama[baris.sasaran] = i


def sasaran_terpisah(n: Bacaan) -> Iterator[Masalah]:
    terlihat: dict[str, int] = {}
    for i, baris in enumerate(n.config.iku):
        if baris.sasaran in terlihat and n.config.iku[i - 1].sasaran != baris.sasaran:
            yield peringatan(
                n,
                ("iku", i, "sasaran"),
                f"sasaran sama dengan iku ke-{terlihat[baris.sasaran] + 1} "
                "tetapi tidak berurutan, sehingga tercetak sebagai dua kelompok",
                "pindahkan blok [[iku]] ini tepat sesudah baris dengan sasaran yang sama",
            )
        terlihat.setdefault(baris.sasaran, i)


SALAH_EJA = {
    "Tidak Pidana": "Tindak Pidana",
    "Easurable": "Measurable",
    "Timelines": "Timely",
    "LAMPIARAN": "LAMPIRAN",
    "TELEPEON": "TELEPON",
    "KEBIKAJAN": "KEBIJAKAN",
}


def salah_eja(teks: str) -> Iterator[tuple[str, str]]:
    """(as written, correct) for every known misspelling in teks."""
    for salah, benar in SALAH_EJA.items():
        for cocok in re.finditer(rf"\b{re.escape(salah)}\b", teks, flags=re.I):
            yield cocok.group(0), benar


def _teks_data(nilai: Any, loc: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(nilai, str):
        yield loc, nilai
    elif isinstance(nilai, dict):
        for k, v in nilai.items():
            yield from _teks_data(v, (*loc, k))
    elif isinstance(nilai, list):
        for i, v in enumerate(nilai):
            yield from _teks_data(v, (*loc, i))


def ejaan(n: Bacaan) -> Iterator[Masalah]:
    for loc, teks in _teks_data(n.data):
        for salah, benar in salah_eja(teks):
            yield peringatan(n, loc, f'salah ketik "{salah}"', f'tulis "{benar}"')


# ---------------------------------------------------------------- Perjanjian Kinerja, programmes


def tanggal_pk(n: Bacaan) -> Iterator[Masalah]:
    pk = n.config.perjanjian_kinerja
    if pk is not None and pk.tanggal.year != n.config.tahun:
        yield peringatan(
            n,
            ("perjanjian_kinerja", "tanggal"),
            f"tanggal Perjanjian Kinerja ({bahasa.tanggal(pk.tanggal)}) tidak di tahun {n.config.tahun}",
            f"Perjanjian Kinerja tahun {n.config.tahun} ditandatangani pada awal tahun itu; periksa tanggal atau tahun",
        )


def program_ganda(n: Bacaan) -> Iterator[Masalah]:
    pertama: dict[str, int] = {}
    for i, program in enumerate(n.config.program):
        kunci = " ".join(program.nama.casefold().split())
        if kunci in pertama:
            yield peringatan(
                n,
                ("program", i, "nama"),
                f"nama program sama dengan program ke-{pertama[kunci] + 1}, "
                "sehingga program itu tercetak dua kali di lampiran Perjanjian Kinerja",
                "gabungkan anggarannya dalam satu blok [[program]] (sumber dana boleh ditulis "
                "di keterangan), atau perbaiki namanya",
            )
        pertama.setdefault(kunci, i)


def realisasi_program_lebih(n: Bacaan) -> Iterator[Masalah]:
    for i, program in enumerate(n.config.program):
        if program.realisasi is not None and program.realisasi > program.anggaran:
            yield peringatan(
                n,
                ("program", i, "realisasi"),
                f'realisasi program "{program.nama}" (Rp{bahasa.rupiah(program.realisasi)}) lebih besar '
                f"dari anggaran (Rp{bahasa.rupiah(program.anggaran)})",
                "periksa angkanya (angka nol berlebih?); bila pagunya berubah, tulis pagu sesudah perubahan "
                "pada anggaran",
            )


def _orang(nama: str) -> str:
    """A person's name without academic titles: "Dr. I Putu Suta, S.Sos., MM" -> "i putu suta"."""
    return " ".join(k for k in nama.split(",")[0].casefold().split() if not k.endswith("."))


def pihak_kedua_sendiri(n: Bacaan) -> Iterator[Masalah]:
    pk, pertama = n.config.perjanjian_kinerja, n.config.penandatangan
    if pk is None:
        return
    kedua = pk.pihak_kedua
    nip_sama = (
        kedua.nip is not None
        and pertama.nip is not None
        and bahasa.bersihkan_nip(kedua.nip) == bahasa.bersihkan_nip(pertama.nip)
    )
    if _orang(kedua.nama) == _orang(pertama.nama) or nip_sama:
        yield peringatan(
            n,
            ("perjanjian_kinerja", "pihak_kedua"),
            f"pihak kedua ({kedua.nama}) sama dengan pihak pertama, yaitu penandatangan",
            "pihak kedua adalah atasan penandatangan (misalnya Bupati atau Sekretaris Daerah); "
            "periksa nama dan NIP pada perjanjian_kinerja.pihak_kedua",
        )


def tanggal_laporan_kinerja(n: Bacaan) -> Iterator[Masalah]:
    laporan, tahun = n.config.laporan_kinerja, n.config.tahun
    if laporan is None:
        return
    loc = ("laporan_kinerja", "tanggal")
    teks = bahasa.tanggal(laporan.tanggal)
    pk = n.config.perjanjian_kinerja
    if laporan.tanggal.year <= tahun:
        yield peringatan(
            n,
            loc,
            f"LKjIP tahun {tahun} bertanggal {teks}, saat tahun {tahun} belum berakhir",
            f"LKjIP disusun sesudah tahun yang dilaporkan, biasanya Januari-Maret {tahun + 1}; periksa tanggalnya",
        )
    elif pk is not None and laporan.tanggal < pk.tanggal:
        yield peringatan(
            n,
            loc,
            f"LKjIP bertanggal {teks}, sebelum tanggal Perjanjian Kinerja ({bahasa.tanggal(pk.tanggal)})",
            "periksa tanggal LKjIP dan perjanjian_kinerja.tanggal",
        )


# ---------------------------------------------------------------- capaian (LKjIP)


def target_nol(n: Bacaan) -> Iterator[Masalah]:
    """The LKjIP divides by target[tahun] and by target[tahun_akhir] (capaian toward the plan's end);
    a "turun" target of 0 is measurable (realisasi 0 meets it), a "naik" one is not."""
    if n.config.laporan_kinerja is None:
        return
    tahun = sorted({str(n.config.tahun), str(n.config.rencana.tahun_akhir)})
    for i, baris in enumerate(n.config.iku):
        if baris.arah != "naik":
            continue
        for t in (t for t in tahun if (baris.target or {}).get(t) == 0):
            yield peringatan(
                n,
                ("iku", i, "target", t),
                f"target tahun {t} bernilai 0, sehingga capaian "
                'dan predikat indikator ini tidak dapat dihitung (tercetak "-" di LKjIP)',
                "isi target yang sebenarnya; biarkan 0 hanya bila memang tidak ada target",
            )


def _satuan_persen(satuan: str) -> bool:
    return satuan.strip().casefold() in ("%", "persen")


def persen_di_atas_seratus(n: Bacaan) -> Iterator[Masalah]:
    """Once per row, at its first value above 100, naming every such year; silenced by boleh_lebih_100."""
    for i, baris in enumerate(n.config.iku):
        if not _satuan_persen(baris.satuan) or baris.boleh_lebih_100:
            continue
        lebih = {
            kunci: [(tahun, nilai) for tahun, nilai in (getattr(baris, kunci) or {}).items() if nilai > 100]
            for kunci in ("target", "realisasi")
        }
        pertama = next(((kunci, nilai[0][0]) for kunci, nilai in lebih.items() if nilai), None)
        if pertama is None:
            continue
        rincian = "; ".join(
            f"{kunci} " + ", ".join(f"{tahun} ({bahasa.angka(nilai)})" for tahun, nilai in daftar)
            for kunci, daftar in lebih.items()
            if daftar
        )
        yield peringatan(
            n,
            ("iku", i, *pertama),
            f"{rincian} lebih dari 100 padahal satuannya %",
            "periksa angkanya (salah ketik titik desimal?) atau satuan indikatornya; bila indikator ini "
            "memang dapat melampaui 100% (misalnya target pendapatan 105%), tulis boleh_lebih_100 = true "
            "pada baris [[iku]] ini",
        )


def persen_negatif(n: Bacaan) -> Iterator[Masalah]:
    for i, baris in enumerate(n.config.iku):
        if not _satuan_persen(baris.satuan):
            continue
        for tahun, nilai in (baris.realisasi or {}).items():
            if nilai < 0:
                yield peringatan(
                    n,
                    ("iku", i, "realisasi", tahun),
                    f"realisasi tahun {tahun} negatif ({bahasa.angka(nilai)}) padahal satuannya %",
                    "periksa tanda minusnya; biarkan bila indikator ini memang dapat negatif (misalnya laju "
                    "pertumbuhan)",
                )


def realisasi_sebelum_kondisi_awal(n: Bacaan) -> Iterator[Masalah]:
    """The LKjIP's yearly table starts at tahun_kondisi_awal: earlier years are not printed."""
    awal = n.config.rencana.tahun_kondisi_awal
    for i, baris in enumerate(n.config.iku):
        lama = [t for t in baris.realisasi or {} if t.isdigit() and int(t) < awal]
        if lama:
            yield peringatan(
                n,
                ("iku", i, "realisasi", lama[0]),
                f"realisasi tahun {', '.join(lama)} sebelum tahun kondisi awal ({awal}): tidak dicetak di LKjIP",
                f"hapus nilai itu, atau ubah rencana.tahun_kondisi_awal bila tabel realisasi harus mulai {lama[0]}",
            )


def realisasi_sesudah_tahun(n: Bacaan) -> Iterator[Masalah]:
    for i, baris in enumerate(n.config.iku):
        for tahun in baris.realisasi or {}:
            if tahun.isdigit() and int(tahun) > n.config.tahun:
                yield peringatan(
                    n,
                    ("iku", i, "realisasi", tahun),
                    f"realisasi tahun {tahun} diisi, padahal tahun "
                    f"laporan ini {n.config.tahun}: realisasi tahun yang belum berjalan",
                    f"hapus realisasi {tahun}, atau periksa kunci tahun di bagian atas berkas",
                )


def target_triwulan(n: Bacaan) -> Iterator[Masalah]:
    """Quarter targets read by jenis_target: a running total never goes down and ends at the
    year's target; per-quarter amounts add up to it."""
    tahun = str(n.config.tahun)
    for i, b in enumerate(n.config.iku):
        tw = b.target_triwulan or {}
        setahun = (b.target or {}).get(tahun)
        loc = ("iku", i, "target_triwulan")
        if n.config.rencana_aksi is not None and len(tw) < 4:
            kurang = ", ".join(nama_tw(int(k)) for k in TRIWULAN if k not in tw)
            yield peringatan(
                n,
                loc if tw else ("iku", i, "indikator"),
                f'Rencana Aksi: target triwulan "{b.indikator}" belum diisi untuk {kurang} (tercetak "-")',
                "isi target_triwulan = { 1 = ..., 2 = ..., 3 = ..., 4 = ... } pada baris [[iku]] ini",
            )
        if b.jenis_target == "kumulatif":
            urut = [(int(k), v) for k, v in tw.items()]
            for (k1, v1), (k2, v2) in zip(urut, urut[1:]):
                if v2 < v1:
                    yield peringatan(
                        n,
                        loc,
                        f'target kumulatif "{b.indikator}" turun dari {nama_tw(k1)} ({bahasa.angka(v1)}) '
                        f"ke {nama_tw(k2)} ({bahasa.angka(v2)})",
                        'target kumulatif adalah jumlah berjalan; periksa angkanya, atau tulis jenis_target = "tetap"',
                    )
            if "4" in tw and setahun is not None and tw["4"] != setahun:
                yield peringatan(
                    n,
                    loc,
                    f'target kumulatif TW IV "{b.indikator}" ({bahasa.angka(tw["4"])}) tidak sama dengan '
                    f"target tahun {tahun} ({bahasa.angka(setahun)})",
                    f"samakan target TW IV dengan target {tahun}",
                )
        elif b.jenis_target == "per_triwulan" and tw and setahun is not None and sum(tw.values()) != setahun:
            yield peringatan(
                n,
                loc,
                f'jumlah target per triwulan "{b.indikator}" ({bahasa.angka(sum(tw.values()))}) tidak sama '
                f"dengan target tahun {tahun} ({bahasa.angka(setahun)})",
                f"isi keempat triwulan sehingga jumlahnya sama dengan target {tahun}",
            )


def logo_dalam_folder(n: Bacaan) -> Iterator[Masalah]:
    """The archive keeps the logo under the path the config gives; outside its folder it cannot."""
    logo = (n.data.get("instansi") or {}).get("logo")
    if isinstance(logo, str) and (logo.startswith("/") or ".." in re.split(r"[/\\]", logo)):
        yield peringatan(
            n,
            ("instansi", "logo"),
            "logo berada di luar folder konfigurasi, sehingga tidak ikut "
            "diarsipkan dan arsip tahun ini tidak dapat dibuat ulang sendiri",
            'pindahkan logo ke folder konfigurasi (atau subfoldernya) dan tulis jalurnya, misalnya logo = "logo.png"',
        )


def tte_terpakai(n: Bacaan) -> Iterator[Masalah]:
    """[tte] url_verifikasi: only the electronic layout prints a QR code, and the address names the document."""
    url = n.config.tte.url_verifikasi
    if url is None:
        return
    loc = ("tte", "url_verifikasi")
    if n.config.format.tanda_tangan != "elektronik":
        yield peringatan(
            n,
            loc,
            f'[tte] diabaikan: tata tanda tangan "{n.config.format.tanda_tangan}" tidak mencetak kode QR',
            'hapus [tte], atau tulis tanda_tangan = "elektronik" pada [format]',
        )
    salah = isian_url_tak_dikenal(url)
    if salah:
        yield peringatan(
            n,
            loc,
            f"url_verifikasi memuat {', '.join(salah)} yang tidak dikenal (tercetak apa adanya di kode QR)",
            "isian yang dikenal hanya {nomor} dan {dokumen}",
        )
    if "{nomor}" not in url:
        yield peringatan(
            n,
            loc,
            "url_verifikasi tanpa {nomor}: setiap kode QR menunjuk alamat yang sama, tidak menyebut naskahnya",
            "tambahkan {nomor}, misalnya https://tte.contoh.go.id/verifikasi/{nomor}",
        )


# ---------------------------------------------------------------- characters no font draws


def sebut_karakter(daftar: list[str]) -> str:
    """ᬅ (U+1B05), ✓ (U+2713): characters named so the clerk can find them, even when they print as boxes."""
    return ", ".join(f"{c} (U+{ord(c):04X})" for c in daftar)


def tak_tercetak(n: Bacaan) -> Iterator[Masalah]:
    """A character that neither the document's font (as LibreOffice resolves it) nor any other
    installed font can draw prints as an empty box: say so, naming the key."""
    nama_huruf = n.config.format.huruf
    for loc, teks in _teks_data(n.data):
        if teks.isascii():
            continue
        hilang = tak_tergambar(teks, nama_huruf)
        if hilang:
            yield peringatan(
                n,
                loc,
                f"huruf {sebut_karakter(hilang)} tidak dapat dicetak dengan {nama_huruf} maupun huruf lain yang terpasang; "
                "di PDF tercetak sebagai kotak kosong",
                "ganti dengan huruf Latin, atau pasang huruf yang memuatnya",
            )


def lampiran_lengkap(n: Bacaan) -> Iterator[Masalah]:
    """The Lampiran's chosen columns and tujuan headings need their values in the rows."""
    lampiran, iku = n.config.lampiran, n.config.iku
    if lampiran.kelompok == "tujuan" and iku[0].tujuan is None:
        yield peringatan(
            n,
            ("iku", 0, "tujuan"),
            'lampiran.kelompok = "tujuan", tetapi baris IKU pertama tanpa tujuan: tidak ada judul tujuan di atasnya',
            'tulis tujuan = "..." pada baris [[iku]] pertama (baris berikutnya mengikutinya sampai tujuan lain)',
        )
    if "penanggung_jawab" in (lampiran.kolom or []):
        for i, b in enumerate(iku):
            if b.penanggung_jawab is None:
                yield peringatan(
                    n,
                    ("iku", i),
                    "kolom penanggung jawab Lampiran kosong pada baris ini",
                    'tulis penanggung_jawab = "..." pada baris [[iku]] ini',
                )


def aksara_tergambar(n: Bacaan) -> Iterator[Masalah]:
    """instansi.nama_aksara is printed in Noto Sans Balinese: a character it cannot draw prints as a box."""
    nama_aksara = n.config.instansi.nama_aksara
    if nama_aksara is None:
        return
    loc = ("instansi", "nama_aksara")
    if not huruf_terpasang():
        yield peringatan(
            n,
            loc,
            f"huruf {HURUF_AKSARA} tidak terpasang: aksara Bali pada kop tercetak sebagai kotak",
            "pasang paket fonts-noto-core (Debian/Ubuntu) atau huruf Noto Sans Balinese",
        )
        return
    kurang = aksara.tak_tergambar(nama_aksara)
    if kurang:
        yield peringatan(
            n,
            loc,
            f"karakter yang tidak dapat digambar huruf {HURUF_AKSARA}: {sebut_karakter(kurang)}",
            "tulis nama dengan aksara Bali (Unicode U+1B00-U+1B7F) saja, tanpa huruf Latin atau lambang lain",
        )


ATURAN: list[Aturan] = [
    tahun_dalam_rencana,
    aksara_tergambar,
    lampiran_lengkap,
    penomoran_diketik,
    tahun_nomor,
    tentang_tanda_baca,
    menimbang_bahwa,
    menimbang_rujukan,
    mengingat_tanda_baca,
    mengingat_urutan,
    tentang_kecil,
    butir_ganda,
    diktum_berlaku,
    pangkat_golongan,
    nip_masuk_akal,
    sasaran_mirip,
    sasaran_terpisah,
    alasan_perubahan,
    perubahan_diketik,
    semula_keputusan_yang_diubah,
    tanggal_pk,
    program_ganda,
    ejaan,
    target_nol,
    persen_di_atas_seratus,
    persen_negatif,
    realisasi_sesudah_tahun,
    realisasi_sebelum_kondisi_awal,
    realisasi_program_lebih,
    pihak_kedua_sendiri,
    tanggal_laporan_kinerja,
    logo_dalam_folder,
    tte_terpakai,
    tak_tercetak,
    target_triwulan,
]


def periksa_naskah(n: Bacaan) -> list[Masalah]:
    """Every drafting warning for one validated config, in file order."""
    hasil = [m for aturan in ATURAN for m in aturan(n)]
    return sorted(hasil, key=lambda m: m.baris or 0)
