"""The validated configuration: one agency, one IKU year.

Validation happens here, at the edge (strict types, unknown keys forbidden); code past
loading trusts these objects and never touches raw dicts.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    ValidationInfo,
    field_validator,
    model_validator,
)

from . import bahasa
from . import perubahan as kalimat_perubahan

HURUF_DIKENAL = ("Bookman Old Style", "Arial", "Times New Roman")
PENANDA_ISIAN = "ISI:"  # new-year drafts mark what must still be filled with this prefix
# A target or baseline is a percentage, a rate or a count: anything beyond these is a typo.
MAKS_DIGIT_BULAT = 15
MAKS_DESIMAL = 6
# One text value (a menimbang item, an alasan, a Kata Pengantar): about seven pages. Far longer values
# are a pasted file, not a clause, and past ~10 MB in one text node the DOCX cannot be read back.
MAKS_PANJANG_TEKS = 20_000


def _teks(nilai: str) -> str:
    """Plain text as it must appear: trimmed, not empty, no invisible control characters."""
    nilai = nilai.strip()
    if not nilai:
        raise ValueError("tidak boleh kosong")
    if len(nilai) > MAKS_PANJANG_TEKS:
        raise ValueError(
            f"teks terlalu panjang ({bahasa.angka(len(nilai))} karakter; paling banyak "
            f"{bahasa.angka(MAKS_PANJANG_TEKS)} karakter per nilai): persingkat teks ini, "
            "atau periksa apakah isi sebuah berkas tertempel tanpa sengaja"
        )
    for karakter in nilai:
        if karakter in "\ufffe\uffff" or (
            karakter not in "\n\t" and unicodedata.category(karakter) in ("Cc", "Cs", "Co")
        ):
            raise ValueError(f"memuat karakter kendali tak terlihat (U+{ord(karakter):04X})")
    if nilai.startswith(PENANDA_ISIAN):
        raise ValueError(f'belum diisi (masih bertanda "{PENANDA_ISIAN}")')
    return nilai


def _teks_diketik(nilai: str) -> str:
    """Text printed exactly as typed: checked like any text, but its blanks kept (a nomor left
    partly blank for the agenda clerk, "    /KPTS/KEHUT/2012", is written in by hand)."""
    _teks(nilai)
    return nilai


def _angka(nilai: Any) -> Decimal:
    """Numbers arrive as Decimal (floats parsed exactly) or int; never bool, str or NaN."""
    if isinstance(nilai, bool) or not isinstance(nilai, (int, Decimal)):
        raise ValueError("harus berupa angka tanpa tanda kutip, misalnya 6.12")
    angka = Decimal(nilai)
    if not angka.is_finite():
        raise ValueError("harus berupa angka biasa (bukan nan atau inf)")
    if angka and angka.adjusted() >= MAKS_DIGIT_BULAT:
        raise ValueError(
            f"angka terlalu besar untuk dicetak (paling banyak {MAKS_DIGIT_BULAT} angka "
            "sebelum koma); periksa angkanya, misalnya 1e28 tertulis tanpa sengaja"
        )
    if -angka.as_tuple().exponent > MAKS_DESIMAL:  # type: ignore[operator]
        raise ValueError(f"angka di belakang koma terlalu banyak (paling banyak {MAKS_DESIMAL})")
    return angka


def _tanggal(nilai: Any) -> Any:
    if isinstance(nilai, str) and nilai.startswith(PENANDA_ISIAN):
        raise ValueError(f'belum diisi (masih bertanda "{PENANDA_ISIAN}")')
    return nilai


def _rupiah(nilai: Any) -> Any:
    """Whole rupiah: an int >= 0 written without quotes, decimals or thousands dots."""
    if isinstance(nilai, str) and nilai.startswith(PENANDA_ISIAN):
        raise ValueError(f'belum diisi (masih bertanda "{PENANDA_ISIAN}")')
    if isinstance(nilai, Decimal) and nilai.is_finite():
        raise ValueError("harus rupiah utuh, tanpa sen dan tanpa titik desimal (misalnya 1250000000)")
    if isinstance(nilai, str):
        raise ValueError("harus berupa angka tanpa tanda kutip dan tanpa titik ribuan (misalnya 1250000000)")
    if isinstance(nilai, int) and not isinstance(nilai, bool) and nilai < 0:
        raise ValueError(f"tidak boleh negatif (tertulis {nilai}); tulis 0 bila tidak ada anggaran")
    if isinstance(nilai, int) and nilai >= 10**MAKS_DIGIT_BULAT:  # 1.000 triliun: no programme's budget
        raise ValueError(
            f"angka terlalu besar untuk anggaran sebuah program (paling banyak {MAKS_DIGIT_BULAT} angka, "
            "di bawah Rp1.000 triliun); periksa jumlah angka nol"
        )
    return nilai


Teks = Annotated[str, AfterValidator(_teks)]
TeksDiketik = Annotated[str, AfterValidator(_teks_diketik)]
Angka = Annotated[Decimal, BeforeValidator(_angka)]
_belum_diisi = _tanggal  # an "ISI: ..." marker in a number or NIP field says "belum diisi", not "wrong type"
Tahun = Annotated[int, Field(ge=1900, le=2200), BeforeValidator(_belum_diisi)]
Tanggal = Annotated[dt.date, BeforeValidator(_tanggal)]
DaftarTeks = Annotated[list[Teks], Field(min_length=1)]
Rupiah = Annotated[int, BeforeValidator(_rupiah)]
TRIWULAN = ("1", "2", "3", "4")


def _kunci_triwulan(nilai: dict[str, Any]) -> dict[str, Any]:
    """Quarter tables are keyed 1 to 4 (TW I-IV), written in quarter order in the model."""
    salah = [k for k in nilai if k not in TRIWULAN]
    if salah:
        raise ValueError(f"kunci triwulan harus 1, 2, 3 atau 4 (tertulis {', '.join(salah)})")
    return {k: nilai[k] for k in TRIWULAN if k in nilai}


Triwulan = Annotated[dict[str, Angka], AfterValidator(_kunci_triwulan)]
TriwulanRupiah = Annotated[dict[str, Rupiah], AfterValidator(_kunci_triwulan)]


class Dasar(BaseModel):
    """Every table of the config: strict types, no unknown keys, immutable."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Instansi(Dasar):
    nama: Teks
    pemerintah: Teks
    alamat: Teks
    kota: Teks
    telepon: Teks
    faks: Teks | None = None  # "Faksimile ..." after the telephone on the kop
    email: Teks | None = None
    laman: Teks | None = None
    logo: Teks | None = None
    kode_pos: Teks | None = None
    nama_kop: Teks | None = None
    nama_aksara: Teks | None = None  # the name in Balinese script (Unicode), above the Latin name on the kop


# The papers a document can be laid out on, short and long side in mm (F4: the Indonesian folio).
KERTAS_MM = {"A4": (210, 297), "F4": (215, 330)}


class Format(Dasar):
    kertas: Literal["A4", "F4"] = "A4"  # one of KERTAS_MM
    huruf: Literal[HURUF_DIKENAL] = "Bookman Old Style"  # type: ignore[valid-type]
    tanda_tangan: Literal["basah", "elektronik", "srikandi"] = "basah"
    judul_berjarak: bool = False  # the document kind spaced out: "K E P U T U S A N"
    mengingat: Literal["angka", "huruf"] = "angka"  # Mengingat labelled 1., 2. or a., b. (regional style)


def _url_https(nilai: str) -> str:
    """A verification address a phone may open: https, a host, no spaces."""
    from urllib.parse import urlsplit

    bagian = urlsplit(nilai)
    if bagian.scheme.lower() != "https" or not bagian.netloc or any(c.isspace() for c in nilai):
        raise ValueError(
            "harus alamat https lengkap tanpa spasi, misalnya https://tte.bulelengkab.go.id/verifikasi/{nomor}"
        )
    return nilai


class Tte(Dasar):
    # what the QR code encodes; {nomor} and {dokumen} are replaced for each document
    url_verifikasi: Annotated[Teks, AfterValidator(_url_https)] | None = None


class Penandatangan(Dasar):
    """The signer. pangkat and nip are required of an official (konfigurasi.ttd_wajib); the kepala
    daerah signing his own decree (kepala_daerah) has neither."""

    jabatan: Teks
    nama: Teks
    pangkat: Teks | None = None
    nip: Annotated[str, BeforeValidator(_belum_diisi), AfterValidator(bahasa.periksa_nip)] | None = None


class Keputusan(Dasar):
    nomor: TeksDiketik
    tanggal: Tanggal
    tempat: Teks
    tentang: Teks
    menimbang: DaftarTeks  # with [perubahan] it may be left out: the default is filled in (isian_perubahan)
    mengingat: DaftarTeks
    memutuskan: DaftarTeks  # likewise
    tembusan: list[Teks] = []


class Perubahan(Dasar):
    """[perubahan]: this config amends an earlier decree (its nomor, date and subject)."""

    nomor: Teks
    tanggal: Tanggal | None = None
    tentang: Teks
    ke: Annotated[int, Field(ge=1, le=40)] = 1  # 1 "Perubahan atas", 2 "Perubahan Kedua atas", ...
    semula: Teks | None = None  # the amended decree's config, relative to this file (like logo)
    alasan_hapus: dict[str, Teks] = {}  # indikator removed -> why (the matrix's Alasan)


KOLOM_LAMPIRAN = (
    "no",
    "sasaran",
    "indikator",
    "satuan",
    "alasan",
    "formulasi",
    "sumber_data",
    "penanggung_jawab",
    "target",
    "keterangan",
)


def _kolom_lampiran(kolom: list[str]) -> list[str]:
    asing = [k for k in kolom if k not in KOLOM_LAMPIRAN]
    if asing:
        raise ValueError(f"kolom tidak dikenal: {', '.join(asing)}; yang dapat dipakai: {', '.join(KOLOM_LAMPIRAN)}")
    ganda = sorted({k for k in kolom if kolom.count(k) > 1})
    if ganda:
        raise ValueError(f"kolom disebut dua kali: {', '.join(ganda)}")
    if "indikator" not in kolom:
        raise ValueError("kolom indikator wajib ada: Lampiran menetapkan indikator")
    return kolom


class Lampiran(Dasar):
    """[lampiran]: the Lampiran's columns and grouping, when the region's decree differs from today's."""

    kolom: Annotated[list[str], AfterValidator(_kolom_lampiran)] | None = None
    kelompok: Literal["sasaran", "tujuan"] = "sasaran"  # "tujuan": a heading row per iku[].tujuan


class Periode(Dasar):
    """A plan's span of years (the OPD's Renstra, the Pemda's RPJMD/RPD): one to ten years, in order."""

    tahun_awal: Tahun
    tahun_akhir: Tahun

    @field_validator("tahun_akhir")
    @classmethod
    def _urutan_tahun(cls, akhir: int, info: ValidationInfo) -> int:
        awal = info.data.get("tahun_awal")
        if awal is not None and akhir < awal:
            raise ValueError(f"tahun_akhir tidak boleh sebelum tahun_awal ({awal})")
        if awal is not None and akhir - awal > 9:
            raise ValueError("rentang tahun_awal sampai tahun_akhir paling lama 10 tahun")
        return akhir

    @property
    def tahun(self) -> list[int]:
        """Every year of the plan, in order."""
        return list(range(self.tahun_awal, self.tahun_akhir + 1))


class Rencana(Periode):
    tahun_kondisi_awal: Tahun
    tujuan: Teks
    indikator_tujuan: Teks


class Dokumen(Dasar):
    kata_pengantar: Teks | None = None
    tanggal_kata_pengantar: Tanggal | None = None
    latar_belakang: Teks | None = None


class Unit(Dasar):
    nama: Teks
    membawahi: list[Teks] = []


class Pecahan(Dasar):
    pembilang: Teks
    penyebut: Teks
    kali: Teks | None = None


def _jenis_formulasi(nilai: Any) -> str:
    return "pecahan" if isinstance(nilai, (dict, Pecahan)) else "teks"


Formulasi = Annotated[
    Annotated[Teks, Tag("teks")] | Annotated[Pecahan, Tag("pecahan")],
    Discriminator(_jenis_formulasi),
]


class Iku(Dasar):
    sasaran: Teks
    indikator: Teks
    satuan: Teks
    alasan: Teks
    formulasi: Formulasi
    sumber_data: Teks
    keterangan: Teks | None = None
    kondisi_awal: Angka | None = None
    target: dict[str, Angka] | None = None
    strategi: Teks | None = None
    arah_kebijakan: Teks | None = None
    acuan: Teks | None = None
    arah: Literal["naik", "turun"] = "naik"  # "turun": lower is better (capaian computed the other way)
    realisasi: dict[str, Angka] | None = None  # measured values, year -> number (LKjIP)
    analisis: Teks | None = None
    tujuan: Teks | None = None  # the tujuan heading the row sits under ([lampiran] kelompok = "tujuan")
    penanggung_jawab: Teks | None = None  # who answers for it: Rencana Aksi, Manual IKU, the Lampiran's column
    boleh_lebih_100: bool = False  # a % indicator that may exceed 100 (no ">100" warning in check)
    sasaran_pemda: Teks | None = None  # the kode of the Pemda sasaran it supports (iku kabupaten: the cascade)
    alasan_perubahan: Teks | None = None  # why this row differs from the amended decree's (matrix)
    # Within the year (Rencana Aksi, quarterly report, Manual IKU): quarter "1".."4" -> number.
    target_triwulan: Triwulan | None = None
    realisasi_triwulan: Triwulan | None = None
    jenis_target: Literal["kumulatif", "tetap", "per_triwulan"] = "kumulatif"
    kegiatan: list[Teks] = []
    definisi: Teks | None = None
    frekuensi: Teks | None = None


class LaporanKinerja(Dasar):
    """[laporan_kinerja]: present -> the year's LKjIP."""

    tanggal: Tanggal
    kata_pengantar: Teks | None = None


class PihakKedua(Dasar):
    """The superior who countersigns the Perjanjian Kinerja (the Bupati for a Kepala Dinas)."""

    jabatan: Teks
    nama: Teks
    pangkat: Teks | None = None
    nip: Annotated[str, AfterValidator(bahasa.periksa_nip)] | None = None


class PerjanjianKinerja(Dasar):
    """The January agreement on the year's targets; fixed sentences may be overridden."""

    tanggal: Tanggal
    tempat: Teks | None = None
    pihak_kedua: PihakKedua
    pembuka: Teks | None = None
    janji: Teks | None = None
    penutup: Teks | None = None
    pihak_kedua_elektronik: bool = False  # layout "elektronik": the pihak kedua signs electronically too
    perubahan: bool = False  # the revised agreement: "PERJANJIAN KINERJA PERUBAHAN TAHUN ..."


class Program(Dasar):
    """One programme of the year with its budget (PK lampiran, LKjIP)."""

    nama: Teks
    anggaran: Rupiah
    realisasi: Rupiah | None = None
    keterangan: Teks | None = None
    realisasi_triwulan: TriwulanRupiah | None = None  # budget absorbed by the end of each quarter


class RencanaAksi(Dasar):
    """[rencana_aksi]: present -> the year's Rencana Aksi (signed with the Perjanjian Kinerja)."""

    tanggal: Tanggal


class ManualIku(Dasar):
    """[manual_iku]: present -> the Manual IKU, one sheet per indicator."""

    tanggal: Tanggal


class Config(Dasar):
    """The whole configuration file."""

    tahun: Tahun
    instansi: Instansi
    format: Format = Format()
    penandatangan: Penandatangan
    keputusan: Keputusan
    rencana: Rencana
    dokumen: Dokumen = Dokumen()
    struktur: list[Unit] = []
    iku: Annotated[list[Iku], Field(min_length=1)]
    perjanjian_kinerja: PerjanjianKinerja | None = None
    program: list[Program] = []
    laporan_kinerja: LaporanKinerja | None = None
    tte: Tte = Tte()
    perubahan: Perubahan | None = None
    rencana_aksi: RencanaAksi | None = None
    manual_iku: ManualIku | None = None
    lampiran: Lampiran = Lampiran()

    @model_validator(mode="before")
    @classmethod
    def _isian_srikandi(cls, data: Any) -> Any:
        """In `srikandi` SRIKANDI fills the nomor and date at signing: ISI markers are not refused.
        An amending decree without Menimbang or diktum gets the default ones."""
        return isian_perubahan(isian_srikandi(data))


def kepala_daerah(instansi: Any) -> bool:
    """A decree of the kepala daerah himself: the "agency" is the regional government (instansi.nama
    equal to pemerintah), signed by the Gubernur/Bupati/Wali Kota. Works on raw data too."""
    if isinstance(instansi, Instansi):
        instansi = instansi.model_dump()
    if not isinstance(instansi, dict):
        return False
    nama, pemerintah = instansi.get("nama"), instansi.get("pemerintah")
    return (
        isinstance(nama, str)
        and isinstance(pemerintah, str)
        and nama.strip().casefold() == pemerintah.strip().casefold()
    )


ISIAN_NOMOR_SRIKANDI = "${nomor_naskah}"


def _bertanda(nilai: Any) -> bool:
    return isinstance(nilai, str) and nilai.strip().startswith(PENANDA_ISIAN)


def isian_srikandi(data: Any) -> Any:
    """A copy of data with an ISI-marked nomor/tanggal stood in for, when the layout is srikandi.

    The nomor becomes SRIKANDI's placeholder; the date becomes 1 January of `tahun` (printed nowhere:
    every printed date of the decree is SRIKANDI's placeholder in this layout)."""
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("format"), dict)
        or data["format"].get("tanda_tangan") != "srikandi"
        or not isinstance(data.get("keputusan"), dict)
    ):
        return data
    keputusan = dict(data["keputusan"])
    if _bertanda(keputusan.get("nomor")):
        keputusan["nomor"] = ISIAN_NOMOR_SRIKANDI
    if _bertanda(keputusan.get("tanggal")) and isinstance(data.get("tahun"), int):
        keputusan["tanggal"] = dt.date(data["tahun"], 1, 1)
    return {**data, "keputusan": keputusan}


def isian_perubahan(data: Any) -> Any:
    """A copy of data whose amending decree gets the default Menimbang and diktum when none is typed.

    Filled before validation, so every reader (documents, check, diff labels) sees the same items;
    from raw values: when they are wrong, their own errors are reported and this text is never used."""
    if not (isinstance(data, dict) and isinstance(data.get("perubahan"), dict)):
        return data
    keputusan = data.get("keputusan")
    if not isinstance(keputusan, dict) or ("menimbang" in keputusan and "memutuskan" in keputusan):
        return data
    p, instansi, ttd = data["perubahan"], data.get("instansi"), data.get("penandatangan")
    ke = p.get("ke", 1)
    unsur = (
        str(instansi.get("nama", "")) if isinstance(instansi, dict) else "",
        str(ttd.get("jabatan", "")) if isinstance(ttd, dict) else "",
        ke if isinstance(ke, int) and ke >= 1 else 1,
        str(p.get("nomor", "")),
        p.get("tanggal") if isinstance(p.get("tanggal"), dt.date) else None,
        str(p.get("tentang", "")),
    )
    keputusan = dict(keputusan)
    keputusan.setdefault("menimbang", kalimat_perubahan.menimbang(*unsur))
    keputusan.setdefault("memutuskan", kalimat_perubahan.diktum(*unsur[1:]))
    return {**data, "keputusan": keputusan}
