"""pemda.toml validated: the kepala daerah, the decree, the plan's sasaran and the IKU Pemerintah Daerah.

The same habits as the agency's model (iku/model.py): strict types, unknown keys forbidden,
immutable; the same value types (Teks, Angka, Tahun, Tanggal) so a value means the same in both.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from ..model import Angka, DaftarTeks, Dasar, Format, Periode, Tahun, Tanggal, Teks

NAMA_BERKAS = "pemda.toml"


class KepalaDaerah(Dasar):
    """The elected head who signs: no NIP, no pangkat."""

    jabatan: Teks
    nama: Teks


class Pemerintah(Dasar):
    nama: Teks
    kepala: KepalaDaerah
    kota: Teks
    logo: Teks | None = None  # the lambang above "BUPATI ...", relative to pemda.toml


class KeputusanPemda(Dasar):
    nomor: Teks
    tanggal: Tanggal
    tempat: Teks
    tentang: Teks
    menimbang: DaftarTeks
    mengingat: DaftarTeks
    memutuskan: list[Teks] = []  # empty: the default diktum


class RencanaPemda(Periode):
    dokumen: Literal["RPJMD", "RPD"]


class SasaranPemda(Dasar):
    kode: Teks
    uraian: Teks


class IkuPemda(Dasar):
    """One row of the Pemda's IKU table (the reference book's six columns)."""

    sasaran: Teks
    urusan: Teks
    indikator: Teks
    satuan: Teks
    arah: Literal["naik", "turun"] = "naik"
    kondisi_awal: Angka | None = None
    target: dict[str, Angka] | None = None
    penanggung_jawab: DaftarTeks
    keterangan: Teks | None = None


class Pemda(Dasar):
    """The whole pemda.toml."""

    tahun: Tahun
    pemerintah: Pemerintah
    format: Format = Format()
    keputusan: KeputusanPemda
    rencana: RencanaPemda
    sasaran: Annotated[list[SasaranPemda], Field(min_length=1)]
    iku: Annotated[list[IkuPemda], Field(min_length=1)]


# Sub-tables by key path, for "did you mean" on an unknown key of pemda.toml.
TABEL: dict[tuple[str, ...], type[BaseModel]] = {
    (): Pemda,
    ("pemerintah",): Pemerintah,
    ("pemerintah", "kepala"): KepalaDaerah,
    ("format",): Format,
    ("keputusan",): KeputusanPemda,
    ("rencana",): RencanaPemda,
    ("sasaran",): SasaranPemda,
    ("iku",): IkuPemda,
}
