"""The validated configuration: one agency, one IKU year.

Validation happens here, at the edge (strict types, unknown keys forbidden); code past
loading trusts these objects and never touches raw dicts.
"""

from __future__ import annotations

import datetime as dt
import typing
import unicodedata
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Jenis:
    """A value type's name where the base type does not say it (rupiah, a quarter table, a formula):
    read by iku/rujukan.py for the key reference and the editor's form fields."""

    nama: str


def kunci(judul: str, arti: str = "", *, contoh: str = "", tercetak: str = "", **lain: Any) -> Any:
    """A key's documentation, written once, on the model: its title (the form's label), its meaning
    (the reference's "arti" and the form's help), an example as written in TOML and where it is
    printed. `lain`: isian ("panjang" or "paragraf": a textarea; "jalur": a file path), nama_pilihan
    (each choice in words), wajib_bila (when an optional key is required after all), penomoran (the
    labels of a list). docs/kunci-konfigurasi.md and the editor's forms are generated from it."""
    return Field(title=judul, description=arti, json_schema_extra={"contoh": contoh, "tercetak": tercetak, **lain})


Teks = Annotated[str, AfterValidator(_teks)]
TeksDiketik = Annotated[str, AfterValidator(_teks_diketik)]
Angka = Annotated[Decimal, BeforeValidator(_angka)]
_belum_diisi = _tanggal  # an "ISI: ..." marker in a number or NIP field says "belum diisi", not "wrong type"
Tahun = Annotated[int, Field(ge=1900, le=2200), BeforeValidator(_belum_diisi)]
Tanggal = Annotated[dt.date, BeforeValidator(_tanggal)]
DaftarTeks = Annotated[list[Teks], Field(min_length=1)]
Rupiah = Annotated[int, BeforeValidator(_rupiah), Jenis("rupiah")]
TRIWULAN = ("1", "2", "3", "4")


def _kunci_triwulan(nilai: dict[str, Any]) -> dict[str, Any]:
    """Quarter tables are keyed 1 to 4 (TW I-IV), written in quarter order in the model."""
    salah = [k for k in nilai if k not in TRIWULAN]
    if salah:
        raise ValueError(f"kunci triwulan harus 1, 2, 3 atau 4 (tertulis {', '.join(salah)})")
    return {k: nilai[k] for k in TRIWULAN if k in nilai}


Tahunan = Annotated[dict[str, Angka], Jenis("tahunan")]  # year -> number
Triwulan = Annotated[dict[str, Angka], AfterValidator(_kunci_triwulan), Jenis("triwulan")]
TriwulanRupiah = Annotated[dict[str, Rupiah], AfterValidator(_kunci_triwulan), Jenis("triwulan")]

_PARAGRAF = "paragraf"
_PANJANG = "panjang"


class Dasar(BaseModel):
    """Every table of the config: strict types, no unknown keys, immutable."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Instansi(Dasar):
    nama: Annotated[
        Teks,
        kunci(
            "Nama perangkat daerah",
            "Nama lengkap perangkat daerah, tanpa singkatan",
            contoh='"Dinas Sosial Kabupaten Buleleng"',
            tercetak="kop, judul, sampul buku, nama berkas",
        ),
    ]
    pemerintah: Annotated[
        Teks,
        kunci(
            "Pemerintah daerah",
            "Pemerintah daerah induknya",
            contoh='"Pemerintah Kabupaten Buleleng"',
            tercetak="baris pertama kop, sampul",
        ),
    ]
    alamat: Annotated[
        Teks,
        kunci(
            "Alamat kantor", "Alamat kantor (jalan dan nomor)", contoh='"Jalan Veteran No. 7"', tercetak="kop, sampul"
        ),
    ]
    kota: Annotated[Teks, kunci("Kota", "Kota tempat kantor", contoh='"Singaraja"', tercetak="kop, sampul")]
    telepon: Annotated[Teks, kunci("Telepon", "Nomor telepon kantor", contoh='"(0362) 21248"', tercetak="kop, sampul")]
    faks: Annotated[
        Teks | None,
        kunci(
            "Faksimile",
            'Nomor faksimile; tercetak "Faksimile ..." sesudah telepon pada kop, label dan nomornya tidak pernah '
            "terpisah baris",
            contoh='"(0711) 352065"',
            tercetak="kop",
        ),
    ] = None
    email: Annotated[
        Teks | None,
        kunci(
            "Pos-el (e-mail)",
            "Alamat pos-el",
            contoh='"dinassosialbuleleng@gmail.com"',
            tercetak='kop ("Pos-el:"), sampul',
        ),
    ] = None
    laman: Annotated[
        Teks | None,
        kunci(
            "Laman (website)",
            "Alamat laman",
            contoh='"http://dinsos.bulelengkab.go.id"',
            tercetak='kop ("Laman:"), sampul',
        ),
    ] = None
    logo: Annotated[
        Teks | None,
        kunci(
            "Berkas logo",
            "Logo daerah, berkas PNG/JPG relatif terhadap folder berkas konfigurasi",
            contoh='"logo-buleleng.png"',
            tercetak="kiri kop, sampul buku",
            isian="jalur",
        ),
    ] = None
    kode_pos: Annotated[
        Teks | None, kunci("Kode pos", "Kode pos, sesudah kota", contoh='"81113"', tercetak="kop, sampul")
    ] = None
    nama_kop: Annotated[
        Teks | None,
        kunci(
            "Nama pada kop",
            "Baris nama dinas pada kop bila berbeda dari nama lengkap tanpa nama daerah",
            contoh='"Dinas Sosial"',
            tercetak="kop",
        ),
    ] = None
    nama_aksara: Annotated[
        Teks | None,
        kunci(
            "Nama dalam aksara Bali",
            "Nama instansi dalam aksara Bali (Unicode), tercetak di atas nama Latin pada kop (Pergub Bali "
            "80/2018) dengan huruf Noto Sans Balinese yang ikut tertanam di PDF; karakter yang tidak dapat "
            "digambar huruf itu diperingatkan `iku check`",
            contoh='"ᬤᬶᬦᬲ᭄ ᬧᬾᬦᬦᬫᬦ᭄ ᬫᭀᬤᬮ᭄"',
            tercetak="kop",
        ),
    ] = None


# The papers a document can be laid out on, short and long side in mm (F4: the Indonesian folio).
KERTAS_MM = {"A4": (210, 297), "F4": (215, 330)}


class Format(Dasar):
    kertas: Annotated[
        Literal["A4", "F4"],  # one of KERTAS_MM
        kunci(
            "Ukuran kertas",
            "Ukuran kertas: A4 (Permendagri 1/2023) atau F4 (215 x 330 mm)",
            contoh='"F4"',
            tercetak="semua halaman",
        ),
    ] = "A4"
    huruf: Annotated[
        Literal[HURUF_DIKENAL],  # type: ignore[valid-type]
        kunci("Jenis huruf", "Jenis huruf 12 pt semua dokumen", contoh='"Arial"', tercetak="semua teks"),
    ] = "Bookman Old Style"
    tanda_tangan: Annotated[
        Literal["basah", "elektronik", "srikandi"],
        kunci(
            "Cara tanda tangan",
            'Cara tanda tangan: `"basah"` (tinta), `"elektronik"` (QR dan catatan BSrE di setiap halaman) atau '
            '`"srikandi"` (templat SRIKANDI dengan `${nomor_naskah}` dan kawan-kawan: nomor, tanggal dan tanda '
            "tangan diisi oleh SRIKANDI)",
            contoh='"elektronik"',
            tercetak="setiap blok tanda tangan, kaki halaman",
            nama_pilihan=["basah (tinta)", "elektronik (TTE, kode QR)", "srikandi (templat SRIKANDI)"],
        ),
    ] = "basah"
    judul_berjarak: Annotated[
        bool,
        kunci(
            "Judul keputusan berjarak",
            '`true`: kata KEPUTUSAN pada judul dicetak berjarak ("K E P U T U S A N") di barisnya sendiri, '
            "seperti keputusan banyak daerah; jaraknya tata letak (jarak huruf), teksnya tetap satu kata",
            contoh="true",
            tercetak="judul keputusan",
            nama_pilihan=["ya: K E P U T U S A N", "tidak: KEPUTUSAN"],
        ),
    ] = False
    mengingat: Annotated[
        Literal["angka", "huruf"],
        kunci(
            "Label butir Mengingat",
            'Label butir Mengingat: `"angka"` (1., 2.) atau `"huruf"` (a., b., seperti keputusan beberapa daerah)',
            contoh='"huruf"',
            tercetak="Mengingat keputusan",
            nama_pilihan=["angka: 1., 2., 3.", "huruf: a., b., c."],
        ),
    ] = "angka"


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
    url_verifikasi: Annotated[
        Annotated[Teks, AfterValidator(_url_https)] | None,
        kunci(
            "Alamat verifikasi pada kode QR",
            "Alamat verifikasi yang dikodekan QR setiap naskah; harus alamat `https://` lengkap. `{nomor}` "
            "diganti nomor naskah (Keputusan dan Lampirannya; naskah tanpa nomor: nama berkasnya, misalnya "
            "`perjanjian-kinerja-2023`), `{dokumen}` diganti jenis naskah (`keputusan-iku-2023`, "
            "`perjanjian-kinerja-2023`, ...). `check` memperingatkan bila `{nomor}` tidak ada, bila ada isian "
            '`{...}` lain, dan bila tata tanda tangan bukan `"elektronik"`. Bila kosong, QR memuat jenis naskah, '
            "nomornya, tanggalnya dan 12 huruf awal SHA-256 konfigurasi",
            contoh='"https://tte.bulelengkab.go.id/cek/{dokumen}/{nomor}"',
            tercetak="QR pada blok tanda tangan (`elektronik`)",
        ),
    ] = None


_WAJIB_KECUALI_KEPALA_DAERAH = (
    "kecuali pada keputusan kepala daerah sendiri: `instansi.nama` sama dengan `instansi.pemerintah`, "
    "ditandatangani Gubernur/Bupati/Wali Kota, blok tanda tangan tanpa pangkat dan NIP"
)


class Penandatangan(Dasar):
    """The signer. pangkat and nip are required of an official (konfigurasi.ttd_wajib); the kepala
    daerah signing his own decree (kepala_daerah) has neither."""

    jabatan: Annotated[
        Teks,
        kunci(
            "Jabatan",
            "Jabatan lengkap (koma di akhir ditambahkan program)",
            contoh='"Kepala Dinas Sosial Kabupaten Buleleng"',
            tercetak="judul keputusan, setiap blok tanda tangan",
        ),
    ]
    nama: Annotated[
        Teks,
        kunci(
            "Nama lengkap beserta gelar",
            "Nama lengkap beserta gelar",
            contoh='"I Putu Kariaman Putra, S.Sos, MM"',
            tercetak="setiap blok tanda tangan",
        ),
    ]
    pangkat: Annotated[
        Teks | None,
        kunci(
            "Pangkat dan golongan",
            "Pangkat dan golongan ruang",
            contoh='"Pembina Tk.I (IV/b)"',
            tercetak="setiap blok tanda tangan",
            wajib_bila=_WAJIB_KECUALI_KEPALA_DAERAH,
        ),
    ] = None
    nip: Annotated[
        Annotated[str, BeforeValidator(_belum_diisi), AfterValidator(bahasa.periksa_nip)] | None,
        kunci(
            "NIP",
            "NIP 18 angka (spasi boleh): lahir, TMT, jenis kelamin, urut",
            contoh='"196912311991031053"',
            tercetak='"NIP. 19691231 199103 1 053"',
            wajib_bila="kecuali pada keputusan kepala daerah sendiri",
        ),
    ] = None


_KECUALI_PERUBAHAN = "kecuali dengan `[perubahan]`: bila dihapus, "


class Keputusan(Dasar):
    nomor: Annotated[
        TeksDiketik,
        kunci(
            "Nomor keputusan",
            "Nomor keputusan dari buku agenda; tercetak persis seperti diketik, termasuk spasi yang dikosongkan "
            'untuk petugas agenda (`"    /KPTS/KEHUT/2024"`)',
            contoh='"400.9/2248.1/Dinsos/2022"',
            tercetak="NOMOR keputusan, kepala lampiran",
        ),
    ]
    tanggal: Annotated[
        Tanggal,
        kunci(
            "Tanggal penetapan",
            "Tanggal penetapan",
            contoh="2022-03-22",
            tercetak='"pada tanggal 22 Maret 2022", kepala lampiran',
        ),
    ]
    tempat: Annotated[
        Teks, kunci("Ditetapkan di", "Tempat penetapan", contoh='"Singaraja"', tercetak='"Ditetapkan di Singaraja"')
    ]
    tentang: Annotated[
        Teks,
        kunci(
            "Tentang",
            "Judul keputusan sesudah kata TENTANG, tanpa titik di akhir (dengan `[perubahan]` judul dicetak dari "
            '`[perubahan]`: "Perubahan atas Keputusan ...")',
            contoh='"Penetapan Indikator Kinerja Utama ..."',
            tercetak="TENTANG (huruf kapital), Menetapkan",
            isian=_PANJANG,
        ),
    ]
    menimbang: Annotated[
        DaftarTeks,
        kunci(
            "Menimbang",
            'Butir konsiderans, masing-masing diawali "bahwa" dan diakhiri ";"',
            contoh='["bahwa ...;", "bahwa ...;"]',
            tercetak="Menimbang a., b., c.",
            penomoran="huruf",
            wajib_bila=_KECUALI_PERUBAHAN + "Menimbang bawaan keputusan perubahan",
        ),
    ]  # with [perubahan] it may be left out: the default is filled in (isian_perubahan)
    mengingat: Annotated[
        DaftarTeks,
        kunci(
            "Mengingat",
            'Dasar hukum, urut menurut jenjang peraturan lalu tahun; ";" (terakhir "."). Labelnya menurut '
            "`format.mengingat`",
            contoh='["Undang-Undang Nomor 25 Tahun 2004 tentang ...;"]',
            tercetak="Mengingat 1., 2., 3.",
            penomoran="format.mengingat",
        ),
    ]
    memutuskan: Annotated[
        DaftarTeks,
        kunci(
            "Memutuskan (diktum)",
            'Diktum; yang terakhir biasanya "Keputusan ini mulai berlaku pada tanggal ditetapkan."',
            contoh='["Indikator Kinerja Utama ... tercantum dalam Lampiran ..."]',
            tercetak="KESATU, KEDUA, ...",
            penomoran="diktum",
            wajib_bila=_KECUALI_PERUBAHAN + 'diktum bawaan "Lampiran Keputusan ... diubah ..." dan "mulai berlaku"',
        ),
    ]  # likewise
    tembusan: Annotated[
        list[Teks],
        kunci(
            "Tembusan",
            "Tembusan",
            contoh='["Bupati Buleleng"]',
            tercetak="Tembusan: 1., 2. (kiri bawah)",
            penomoran="angka",
        ),
    ] = []


class Perubahan(Dasar):
    """[perubahan]: this config amends an earlier decree (its nomor, date and subject)."""

    nomor: Annotated[
        Teks,
        kunci(
            "Nomor keputusan yang diubah",
            "Nomor keputusan yang diubah (untuk perubahan kedua dan seterusnya: keputusan asalnya)",
            contoh='"400.9/2248.1/Dinsos/2022"',
            tercetak="judul, Mengingat, Menimbang, diktum, matriks",
        ),
    ]
    tanggal: Annotated[
        Tanggal | None,
        kunci(
            "Tanggal keputusan yang diubah",
            "Tanggal keputusan yang diubah; tahunnya dicetak bila nomor belum memuatnya",
            contoh="2022-03-22",
            tercetak='Mengingat ("Nomor ... Tahun 2022")',
        ),
    ] = None
    tentang: Annotated[
        Teks,
        kunci(
            "Tentang (keputusan yang diubah)",
            "Judul keputusan yang diubah (sesudah kata TENTANG)",
            contoh='"Penetapan Indikator Kinerja Utama ..."',
            tercetak="judul, Mengingat, diktum",
            isian=_PANJANG,
        ),
    ]
    ke: Annotated[
        int,
        Field(ge=1, le=40),
        kunci(
            "Perubahan ke",
            'Perubahan ke berapa: 1 "Perubahan atas", 2 "Perubahan Kedua atas", ...',
            contoh="2",
            tercetak="judul, nama folder arsip `perubahan-2`",
        ),
    ] = 1
    semula: Annotated[
        Teks | None,
        kunci(
            "Konfigurasi keputusan yang diubah",
            "Konfigurasi keputusan yang diubah, relatif terhadap berkas ini (seperti `logo`); harus konfigurasi "
            "perangkat daerah yang sama. Arsip perubahan menyimpan salinannya di `semula/` dan salinan "
            "konfigurasinya menunjuk ke sana",
            contoh='"../output/2023/konfigurasi-2023.toml"',
            tercetak="`matriks-perubahan-iku-<instansi>-<tahun>.docx`",
            isian="jalur",
        ),
    ] = None
    alasan_hapus: Annotated[
        dict[str, Teks],
        kunci(
            "Alasan indikator dihapus",
            "Alasan setiap indikator yang dihapus, menurut nama indikator lamanya",
            contoh='{ "Persentase Penanganan PMKS" = "Diukur unit lain" }',
            tercetak="matriks perubahan, kolom Alasan",
        ),
    ] = {}  # indikator removed -> why (the matrix's Alasan)


KolomLampiran = Literal[
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
]
KOLOM_LAMPIRAN: tuple[str, ...] = typing.get_args(KolomLampiran)


def _kolom_lampiran(kolom: Any) -> Any:
    """Said before each name is checked: which names are unknown (with the usable ones), twice, or missing."""
    if not isinstance(kolom, list):
        return kolom
    asing = [str(k) for k in kolom if k not in KOLOM_LAMPIRAN]
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

    kolom: Annotated[
        Annotated[list[KolomLampiran], BeforeValidator(_kolom_lampiran)] | None,
        kunci(
            "Kolom tabel Lampiran",
            "Kolom tabel Lampiran sesuai keputusan daerah, berurutan; `penanggung_jawab` diisi dari "
            "`iku[].penanggung_jawab`, `target` dari target tahun `tahun`. Judul PENJELASAN hanya di atas "
            "`alasan`/`formulasi`/`sumber_data` yang berdampingan; lebar kolom dihitung dari isinya. Bila tidak "
            "diisi: kolom hari ini. Nama kolom lain ditolak dengan daftar yang dapat dipakai",
            contoh='["no", "sasaran", "indikator", "satuan", "formulasi", "sumber_data", "penanggung_jawab"]',
            tercetak="tabel Lampiran (juga di buku)",
            penomoran="angka",
        ),
    ] = None
    kelompok: Annotated[
        Literal["sasaran", "tujuan"],
        kunci(
            "Pengelompokan baris Lampiran",
            '`"tujuan"`: baris dikelompokkan juga per `iku[].tujuan`, dengan baris judul tujuan selebar tabel '
            "(isi Tujuan pada baris IKU)",
            contoh='"tujuan"',
            tercetak="tabel Lampiran",
            nama_pilihan=["sasaran saja", "tujuan, lalu sasaran (isi Tujuan pada baris IKU)"],
        ),
    ] = "sasaran"


class Periode(Dasar):
    """A plan's span of years (the OPD's Renstra, the Pemda's RPJMD/RPD): one to ten years, in order."""

    tahun_awal: Annotated[
        Tahun,
        kunci("Tahun awal rencana", "Tahun pertama rencana", contoh="2023", tercetak="periode buku, kolom Tabel 2.2.1"),
    ]
    tahun_akhir: Annotated[
        Tahun,
        kunci(
            "Tahun akhir rencana",
            "Tahun terakhir rencana (paling lama 10 tahun)",
            contoh="2026",
            tercetak="periode buku, KONDISI AKHIR",
        ),
    ]

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
    tahun_kondisi_awal: Annotated[
        Tahun, kunci("Tahun kondisi awal", "Tahun kondisi awal", contoh="2021", tercetak="KONDISI AWAL (2021)")
    ]
    tujuan: Annotated[
        Teks,
        kunci(
            "Tujuan perangkat daerah",
            "Tujuan perangkat daerah",
            contoh='"Meningkatnya penanggulangan kemiskinan ..."',
            tercetak="buku BAB II, Tabel 2.2.1",
            isian=_PANJANG,
        ),
    ]
    indikator_tujuan: Annotated[
        Teks,
        kunci(
            "Indikator tujuan",
            "Indikator tujuan",
            contoh='"Persentase penduduk miskin"',
            tercetak="buku BAB II, Tabel 2.2.1",
            isian=_PANJANG,
        ),
    ]


class Dokumen(Dasar):
    kata_pengantar: Annotated[
        Teks | None,
        kunci(
            "Kata Pengantar",
            "Kata Pengantar; paragraf dipisahkan satu baris kosong. Bila tidak diisi, teks bawaan",
            contoh='"""Puji dan syukur ..."""',
            tercetak="buku, KATA PENGANTAR",
            isian=_PARAGRAF,
        ),
    ] = None
    tanggal_kata_pengantar: Annotated[
        Tanggal | None,
        kunci(
            "Tanggal Kata Pengantar",
            "Tanggal Kata Pengantar; bila tidak diisi, tanggal keputusan",
            contoh="2022-03-22",
            tercetak="buku, di bawah Kata Pengantar",
        ),
    ] = None
    latar_belakang: Annotated[
        Teks | None,
        kunci(
            "Latar Belakang (BAB I 1.1)",
            "Latar belakang; bila tidak diisi, teks bawaan",
            contoh='"""Pembangunan ..."""',
            tercetak="buku, 1.1 Latar Belakang",
            isian=_PARAGRAF,
        ),
    ] = None


class Unit(Dasar):
    nama: Annotated[
        Teks, kunci("Nama unit", "Nama unit", contoh='"Sekretariat"', tercetak="buku 1.2 (a., b.) dan bagannya")
    ]
    membawahi: Annotated[
        list[Teks],
        kunci(
            "Membawahi",
            "Unit di bawahnya",
            contoh='["Subbagian Umum dan Keuangan"]',
            tercetak="buku 1.2 (1., 2.) dan bagannya",
            penomoran="angka",
        ),
    ] = []


class Pecahan(Dasar):
    pembilang: Annotated[
        Teks,
        kunci(
            "Pembilang (di atas garis)",
            "Pembilang pecahan",
            contoh='"Jumlah PMKS yang tertangani"',
            tercetak="di atas garis pecahan",
        ),
    ]
    penyebut: Annotated[
        Teks,
        kunci(
            "Penyebut (di bawah garis)",
            "Penyebut pecahan",
            contoh='"Jumlah PMKS yang ada"',
            tercetak="di bawah garis pecahan",
        ),
    ]
    kali: Annotated[
        Teks | None, kunci("Pengali", "Pengali di samping pecahan", contoh='"100%"', tercetak='"× 100%"')
    ] = None


def _jenis_formulasi(nilai: Any) -> str:
    return "pecahan" if isinstance(nilai, (dict, Pecahan)) else "teks"


Formulasi = Annotated[
    Annotated[Teks, Tag("teks")] | Annotated[Pecahan, Tag("pecahan")],
    Discriminator(_jenis_formulasi),
    Jenis("formulasi"),
]


class Iku(Dasar):
    sasaran: Annotated[
        Teks,
        kunci(
            "Sasaran strategis",
            "Sasaran strategis; baris berurutan dengan sasaran yang sama digabung menjadi satu kelompok",
            contoh='"Menurunnya Penduduk Miskin"',
            tercetak="lampiran (SASARAN STRATEGIS), buku",
            isian=_PANJANG,
        ),
    ]
    indikator: Annotated[
        Teks,
        kunci(
            "Indikator kinerja",
            "Indikator kinerja utama",
            contoh='"Persentase Penduduk Miskin"',
            tercetak="lampiran, buku, grafik",
            isian=_PANJANG,
        ),
    ]
    satuan: Annotated[Teks, kunci("Satuan", "Satuan", contoh='"%"', tercetak="lampiran, buku")]
    alasan: Annotated[
        Teks,
        kunci(
            "Alasan",
            "Alasan (baris baru dipertahankan)",
            contoh='"Meningkatkan ... sesuai dengan: ..."',
            tercetak="lampiran (ALASAN)",
            isian=_PANJANG,
        ),
    ]
    formulasi: Annotated[
        Formulasi,
        kunci(
            "Formulasi (teks)",
            "Formulasi/cara pengukuran: teks, atau pecahan bertumpuk (pembilang, penyebut, pengali)",
            contoh='"Hasil Perhitungan BPS"',
            tercetak="lampiran (FORMULASI)",
            isian=_PANJANG,
        ),
    ]
    sumber_data: Annotated[
        Teks,
        kunci(
            "Sumber data", "Sumber data", contoh='"Dinas Sosial Kabupaten Buleleng"', tercetak="lampiran (SUMBER DATA)"
        ),
    ]
    keterangan: Annotated[
        Teks | None,
        kunci(
            "Keterangan",
            "Keterangan/kriteria",
            contoh='"BPS adalah Badan Pusat Statistik"',
            tercetak="lampiran (KETERANGAN)",
            isian=_PANJANG,
        ),
    ] = None
    kondisi_awal: Annotated[
        Angka | None,
        kunci(
            "Kondisi awal",
            "Nilai pada tahun kondisi awal",
            contoh="6.12",
            tercetak="buku Tabel 2.2.1, grafik",
        ),
    ] = None
    target: Annotated[
        Tahunan | None,
        kunci(
            "Target",
            'Target per tahun rencana; tahun yang belum diketahui boleh tidak ditulis (tercetak "-")',
            contoh="{ 2023 = 5.15, 2024 = 4.9 }",
            tercetak="buku Tabel 2.2.1, grafik",
        ),
    ] = None
    strategi: Annotated[
        Teks | None,
        kunci(
            "Strategi",
            "Strategi",
            contoh='"Peningkatan aksesibilitas ..."',
            tercetak="buku Tabel 2.2.1",
            isian=_PANJANG,
        ),
    ] = None
    arah_kebijakan: Annotated[
        Teks | None,
        kunci(
            "Arah kebijakan",
            "Arah kebijakan",
            contoh='"Meningkatkan ... pelayanan sosial"',
            tercetak="buku Tabel 2.2.1",
            isian=_PANJANG,
        ),
    ] = None
    acuan: Annotated[Teks | None, kunci("Acuan", "Acuan", contoh='"Data BPS"', tercetak="buku Tabel 2.2.1")] = None
    arah: Annotated[
        Literal["naik", "turun"],
        kunci(
            "Arah indikator",
            'Arah indikator: `"naik"` (makin tinggi makin baik) atau `"turun"` (makin rendah makin baik); '
            "menentukan rumus capaian",
            contoh='"turun"',
            tercetak="LKjIP (capaian, predikat), `iku capaian`",
            nama_pilihan=["naik: makin tinggi makin baik", "turun: makin rendah makin baik"],
        ),
    ] = "naik"
    realisasi: Annotated[
        Tahunan | None,
        kunci(
            "Realisasi",
            "Nilai terukur per tahun, dari tahun kondisi awal sampai tahun IKU",
            contoh="{ 2021 = 6.12, 2022 = 5.9, 2023 = 5.05 }",
            tercetak="LKjIP (realisasi, capaian, grafik), `iku capaian`",
        ),
    ] = None
    analisis: Annotated[
        Teks | None,
        kunci(
            "Analisis capaian (Laporan Kinerja)",
            "Uraian analisis capaian indikator ini; paragraf dipisahkan satu baris kosong",
            contoh='"""Angka kemiskinan turun ..."""',
            tercetak="LKjIP BAB III, di bawah grafik indikator",
            isian=_PARAGRAF,
        ),
    ] = None
    tujuan: Annotated[
        Teks | None,
        kunci(
            "Tujuan",
            'Tujuan yang membawahi baris ini; dengan `lampiran.kelompok = "tujuan"` tercetak sebagai baris judul '
            "selebar tabel sebelum kelompok sasarannya. Baris tanpa `tujuan` ikut tujuan di atasnya",
            contoh='"Meningkatnya kualitas pelayanan publik"',
            tercetak="Lampiran (bila dikelompokkan per tujuan)",
            isian=_PANJANG,
        ),
    ] = None
    penanggung_jawab: Annotated[
        Teks | None,
        kunci(
            "Penanggung jawab",
            "Unit atau pejabat penanggung jawab indikator; juga isi kolom PENANGGUNG JAWAB Lampiran bila kolom "
            "itu dipilih di `lampiran.kolom`",
            contoh='"Bidang Rehabilitasi Sosial"',
            tercetak="Rencana Aksi, Manual IKU, Lampiran (kolom penanggung jawab)",
        ),
    ] = None
    boleh_lebih_100: Annotated[
        bool,
        kunci(
            "Boleh lebih dari 100%",
            "`true` bila indikator bersatuan % ini memang dapat melampaui 100 (misalnya target pendapatan RSUD "
            '105%): `iku check` tidak lagi mengingatkan "lebih dari 100"',
            contoh="true",
            tercetak="tidak tercetak",
        ),
    ] = False
    sasaran_pemda: Annotated[
        Teks | None,
        kunci(
            "Kode sasaran Pemda",
            "Kode sasaran RPJMD/RPD Pemerintah Daerah yang didukung indikator ini (`[[sasaran]]` di pemda.toml); "
            "dipakai `iku kabupaten` untuk kaskade",
            contoh='"S1"',
            tercetak="matriks kaskade dan rekap Pemda (`iku kabupaten`); tidak tercetak di dokumen perangkat daerah",
        ),
    ] = None
    alasan_perubahan: Annotated[
        Teks | None,
        kunci(
            "Alasan perubahan",
            "Alasan baris ini ditambah atau diubah dibanding keputusan yang diubah (`[perubahan] semula`); "
            "`iku check` memperingatkan baris berubah tanpa alasan",
            contoh='"Disesuaikan dengan RPD 2023-2026 hasil reviu"',
            tercetak="matriks perubahan, kolom Alasan",
            isian=_PANJANG,
        ),
    ] = None
    # Within the year (Rencana Aksi, quarterly report, Manual IKU): quarter "1".."4" -> number.
    target_triwulan: Annotated[
        Triwulan | None,
        kunci(
            "Target triwulan",
            "Target tahun `tahun` dibagi per triwulan (kunci 1 sampai 4 = TW I-IV); dibaca menurut `jenis_target`",
            contoh="{ 1 = 25, 2 = 50, 3 = 75, 4 = 100 }",
            tercetak="Rencana Aksi (TW I-IV), laporan triwulan (target)",
        ),
    ] = None
    realisasi_triwulan: Annotated[
        Triwulan | None,
        kunci(
            "Realisasi triwulan",
            "Nilai terukur per triwulan; triwulan yang dilaporkan harus terisi",
            contoh="{ 1 = 22.5, 2 = 51 }",
            tercetak="laporan triwulan (realisasi, capaian, grafik), `iku capaian --triwulan N`",
        ),
    ] = None
    jenis_target: Annotated[
        Literal["kumulatif", "tetap", "per_triwulan"],
        kunci(
            "Jenis target triwulan",
            'Cara membaca target triwulan: `"kumulatif"` (jumlah berjalan, TW IV = target tahun), `"tetap"` '
            '(tingkat yang diukur tiap triwulan) atau `"per_triwulan"` (tiap triwulan jumlahnya sendiri, setahun '
            "= jumlahnya)",
            contoh='"per_triwulan"',
            tercetak="Manual IKU (jenis target), laporan triwulan; `iku check` memeriksa target triwulan menurut "
            "jenis ini",
            nama_pilihan=[
                "kumulatif: jumlah berjalan, TW IV = target tahun",
                "tetap: tingkat yang diukur tiap triwulan",
                "per_triwulan: setahun = jumlah keempatnya",
            ],
        ),
    ] = "kumulatif"
    kegiatan: Annotated[
        list[Teks],
        kunci(
            "Kegiatan",
            "Kegiatan/aksi di balik indikator ini",
            contoh='["Pendataan PMKS", "Bimbingan sosial"]',
            tercetak="Rencana Aksi (KEGIATAN)",
            penomoran="angka",
        ),
    ] = []
    definisi: Annotated[
        Teks | None,
        kunci(
            "Definisi indikator",
            "Definisi indikator",
            contoh='"Persentase PMKS yang ..."',
            tercetak="Manual IKU (DEFINISI)",
            isian=_PANJANG,
        ),
    ] = None
    frekuensi: Annotated[
        Teks | None,
        kunci(
            "Frekuensi pengukuran",
            "Frekuensi pengukuran",
            contoh='"Triwulanan"',
            tercetak="Manual IKU (FREKUENSI PENGUKURAN)",
        ),
    ] = None


class LaporanKinerja(Dasar):
    """[laporan_kinerja]: present -> the year's LKjIP."""

    tanggal: Annotated[
        Tanggal,
        kunci(
            "Tanggal Laporan Kinerja",
            "Tanggal LKjIP ditandatangani, biasanya Februari tahun berikutnya",
            contoh="2024-02-20",
            tercetak="Kata Pengantar LKjIP",
        ),
    ]
    kata_pengantar: Annotated[
        Teks | None,
        kunci(
            "Kata Pengantar LKjIP",
            "Kata Pengantar LKjIP; paragraf dipisahkan satu baris kosong. Bila tidak diisi, teks bawaan",
            contoh='"""Puji syukur ..."""',
            tercetak="LKjIP, KATA PENGANTAR",
            isian=_PARAGRAF,
        ),
    ] = None


class PihakKedua(Dasar):
    """The superior who countersigns the Perjanjian Kinerja (the Bupati for a Kepala Dinas)."""

    jabatan: Annotated[
        Teks,
        kunci(
            "Jabatan pihak kedua",
            "Jabatan atasan (pihak kedua), misalnya Bupati Buleleng",
            contoh='"Bupati Buleleng"',
            tercetak="pernyataan, tanda tangan kiri",
        ),
    ]
    nama: Annotated[
        Teks,
        kunci(
            "Nama pihak kedua", "Nama pihak kedua", contoh='"I Gede Suyasa"', tercetak="pernyataan, tanda tangan kiri"
        ),
    ]
    pangkat: Annotated[
        Teks | None,
        kunci(
            "Pangkat dan golongan",
            "Pangkat pihak kedua; kosong bila tidak dipakai (Bupati)",
            contoh='"Pembina Utama Muda (IV/c)"',
            tercetak="tanda tangan kiri",
        ),
    ] = None
    nip: Annotated[
        Annotated[str, AfterValidator(bahasa.periksa_nip)] | None,
        kunci(
            "NIP",
            "NIP pihak kedua, 18 angka; kosong bila tidak dipakai",
            contoh='"196512311990031001"',
            tercetak="tanda tangan kiri",
        ),
    ] = None


class PerjanjianKinerja(Dasar):
    """The January agreement on the year's targets; fixed sentences may be overridden."""

    tanggal: Annotated[
        Tanggal,
        kunci(
            "Tanggal penandatanganan PK",
            "Tanggal penandatanganan PK, biasanya Januari tahun IKU",
            contoh="2023-01-16",
            tercetak='"Singaraja, 16 Januari 2023" di atas tanda tangan',
        ),
    ]
    tempat: Annotated[
        Teks | None,
        kunci(
            "Tempat penandatanganan",
            "Tempat penandatanganan; bila tidak diisi, `keputusan.tempat`",
            contoh='"Singaraja"',
            tercetak="di atas tanda tangan",
        ),
    ] = None
    pihak_kedua: Annotated[PihakKedua, kunci("Pihak kedua", "Atasan yang ikut menandatangani Perjanjian Kinerja")]
    pembuka: Annotated[
        Teks | None,
        kunci(
            "Kalimat pembuka",
            "Kalimat pembuka pengganti kalimat baku (Permenpan RB Nomor 53 Tahun 2014)",
            contoh='"Dalam rangka mewujudkan ..."',
            tercetak="halaman pernyataan",
            isian=_PANJANG,
        ),
    ] = None
    janji: Annotated[
        Teks | None,
        kunci(
            "Kalimat janji",
            "Kalimat janji pengganti kalimat baku",
            contoh='"Pihak pertama berjanji ..."',
            tercetak="halaman pernyataan",
            isian=_PANJANG,
        ),
    ] = None
    penutup: Annotated[
        Teks | None,
        kunci(
            "Kalimat penutup",
            "Kalimat komitmen pihak kedua pengganti kalimat baku",
            contoh='"Pihak kedua akan melakukan supervisi ..."',
            tercetak="halaman pernyataan",
            isian=_PANJANG,
        ),
    ] = None
    pihak_kedua_elektronik: Annotated[
        bool,
        kunci(
            "Pihak kedua bertanda tangan elektronik",
            '`true`: dalam tata `"elektronik"` pihak kedua juga bertanda tangan elektronik (QR di kolomnya, lalu '
            "`iku tandatangani --pihak-kedua`); `false`: pihak kedua bertanda tangan basah di ruang kosongnya",
            contoh="true",
            tercetak="blok tanda tangan Perjanjian Kinerja (juga lampiran LKjIP)",
        ),
    ] = False
    perubahan: Annotated[
        bool,
        kunci(
            "Perjanjian Kinerja Perubahan",
            "`true`: Perjanjian Kinerja Perubahan (target yang direvisi)",
            contoh="true",
            tercetak='judul "PERJANJIAN KINERJA PERUBAHAN TAHUN 2023"',
        ),
    ] = False


class Program(Dasar):
    """One programme of the year with its budget (PK lampiran, LKjIP)."""

    nama: Annotated[
        Teks,
        kunci(
            "Nama program",
            "Nama program sesuai nomenklatur anggaran",
            contoh='"Program Perlindungan dan Jaminan Sosial"',
            tercetak="lampiran PK tabel B, LKjIP Realisasi Anggaran",
            isian=_PANJANG,
        ),
    ]
    anggaran: Annotated[
        Rupiah,
        kunci(
            "Anggaran (Rp)",
            "Pagu anggaran, rupiah utuh, di bawah Rp1.000 triliun (lebih besar ditolak)",
            contoh="1250000000",
            tercetak='"1.250.000.000"; JUMLAH dihitung program',
        ),
    ]
    realisasi: Annotated[
        Rupiah | None,
        kunci(
            "Realisasi anggaran (Rp)",
            "Realisasi anggaran, rupiah utuh",
            contoh="1187500000",
            tercetak="LKjIP Realisasi Anggaran (dan % terhadap anggaran)",
        ),
    ] = None
    keterangan: Annotated[
        Teks | None,
        kunci("Keterangan", "Keterangan, misalnya sumber dana", contoh='"APBD"', tercetak="lampiran PK tabel B"),
    ] = None
    realisasi_triwulan: Annotated[
        TriwulanRupiah | None,
        kunci(
            "Anggaran terserap s.d. triwulan (Rp)",
            "Anggaran terserap sampai akhir tiap triwulan (kumulatif), rupiah utuh",
            contoh="{ 1 = 250000000, 2 = 600000000 }",
            tercetak="laporan triwulan (serapan anggaran)",
        ),
    ] = None  # budget absorbed by the end of each quarter


class RencanaAksi(Dasar):
    """[rencana_aksi]: present -> the year's Rencana Aksi (signed with the Perjanjian Kinerja)."""

    tanggal: Annotated[
        Tanggal,
        kunci(
            "Tanggal Rencana Aksi",
            "Tanggal Rencana Aksi ditandatangani, biasanya bersama Perjanjian Kinerja",
            contoh="2023-01-16",
            tercetak="di atas tanda tangan Rencana Aksi",
        ),
    ]


class ManualIku(Dasar):
    """[manual_iku]: present -> the Manual IKU, one sheet per indicator."""

    tanggal: Annotated[
        Tanggal,
        kunci(
            "Tanggal Manual IKU",
            "Tanggal Manual IKU ditetapkan",
            contoh="2022-03-22",
            tercetak="di atas tanda tangan Manual IKU",
        ),
    ]


class Config(Dasar):
    """The whole configuration file."""

    tahun: Annotated[
        Tahun,
        kunci(
            "Tahun IKU",
            "Tahun berlakunya IKU; juga nama folder arsip (`output/2023/`)",
            contoh="2023",
            tercetak="judul lampiran, nama berkas, arsip",
        ),
    ]
    instansi: Annotated[Instansi, kunci("perangkat daerah")]
    format: Annotated[Format, kunci("tata letak semua dokumen")] = Format()
    penandatangan: Annotated[
        Penandatangan,
        kunci(
            "pejabat yang menandatangani",
            "Satu sumber untuk setiap blok tanda tangan, sehingga nama tidak mungkin tertulis berbeda.",
        ),
    ]
    keputusan: Annotated[Keputusan, kunci("keputusan yang menetapkan IKU")]
    rencana: Annotated[Rencana, kunci("rencana beberapa tahun di balik IKU")]
    dokumen: Annotated[Dokumen, kunci("teks buku IKU")] = Dokumen()
    struktur: Annotated[list[Unit], kunci("susunan organisasi, dari atas ke bawah")] = []
    iku: Annotated[
        list[Iku],
        Field(min_length=1),
        kunci("satu baris tabel IKU", "Baris berurutan dengan sasaran yang sama menjadi satu kelompok bernomor."),
    ]
    perjanjian_kinerja: Annotated[
        PerjanjianKinerja | None,
        kunci(
            "Perjanjian Kinerja tahunan",
            "Bila bagian ini ada, set dokumen memuat `perjanjian-kinerja-<instansi>-<tahun>.docx`; target tiap "
            "baris diambil dari `iku[].target` tahun `tahun`, jadi setiap baris harus memuat target tahun itu.",
        ),
    ] = None
    program: Annotated[list[Program], kunci("program dan anggaran tahun ini")] = []
    laporan_kinerja: Annotated[
        LaporanKinerja | None,
        kunci(
            "Laporan Kinerja (LKjIP)",
            "Bila bagian ini ada, set dokumen memuat `laporan-kinerja-<instansi>-<tahun>.docx`; setiap baris "
            "`[[iku]]` harus memuat target dan realisasi tahun `tahun`.",
        ),
    ] = None
    tte: Annotated[Tte, kunci("tanda tangan elektronik")] = Tte()
    perubahan: Annotated[
        Perubahan | None,
        kunci(
            "keputusan ini mengubah keputusan sebelumnya",
            'Bila bagian ini ada, keputusan ini adalah Keputusan Perubahan: judulnya "PERUBAHAN ATAS KEPUTUSAN '
            '... NOMOR ... TENTANG ...", Mengingat diakhiri keputusan yang diubah, Menimbang dan diktum bawaan '
            "dipakai bila `keputusan.menimbang`/`keputusan.memutuskan` dihapus, dan arsipnya "
            "`output/<tahun>/perubahan-<ke>/`. `keputusan.nomor` dan `keputusan.tanggal` adalah milik keputusan "
            "perubahan. Buat drafnya dengan `iku perubahan KONFIGURASI-LAMA --to BERKAS-BARU`. Aturan "
            "penulisannya: `docs/perubahan.md`.",
        ),
    ] = None
    rencana_aksi: Annotated[
        RencanaAksi | None,
        kunci(
            "Rencana Aksi tahunan",
            "Bila bagian ini ada, set dokumen memuat `rencana-aksi-<instansi>-<tahun>.docx` (dan `.xlsx`): per "
            "sasaran, setiap indikator dengan satuan, target tahun `tahun`, target TW I-IV "
            "(`iku[].target_triwulan`), kegiatan dan penanggung jawab; ditandatangani oleh penandatangan "
            "Perjanjian Kinerja.",
        ),
    ] = None
    manual_iku: Annotated[
        ManualIku | None,
        kunci(
            "Manual IKU",
            "Bila bagian ini ada, set dokumen memuat `manual-iku-<instansi>-<tahun>.docx`: satu lembar per "
            "indikator (sasaran, indikator, definisi, alasan, formulasi, satuan, polaritas dari `arah`, jenis "
            "target, frekuensi, sumber data, penanggung jawab).",
        ),
    ] = None
    lampiran: Annotated[Lampiran, kunci("kolom dan pengelompokan tabel Lampiran")] = Lampiran()

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
