"""pemda.toml validated: the kepala daerah, the decree, the plan's sasaran and the IKU Pemerintah Daerah.

The same habits as the agency's model (iku/model.py): strict types, unknown keys forbidden,
immutable; the same value types (Teks, Angka, Tahun, Tanggal) so a value means the same in both.
Each field's title and description are what the editor's form shows (penyunting/skema_pemda.py);
json_schema_extra says how: "jenis": "panjang" for a long text, "penomoran" for a printed list.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from ..model import Angka, DaftarTeks, Dasar, Format, Periode, Tahun, Tanggal, Teks

NAMA_BERKAS = "pemda.toml"


class KepalaDaerah(Dasar):
    """The elected head who signs: no NIP, no pangkat."""

    jabatan: Teks = Field(title="Jabatan kepala daerah", description="Misalnya Bupati Buleleng.")
    nama: Teks = Field(title="Nama kepala daerah", description="Tanpa NIP dan pangkat: pejabat yang dipilih.")


class Pemerintah(Dasar):
    nama: Teks = Field(title="Nama pemerintah daerah", description="Misalnya Pemerintah Kabupaten Buleleng.")
    kepala: KepalaDaerah
    kota: Teks = Field(title="Kota")
    logo: Teks | None = Field(  # the lambang above "BUPATI ...", relative to pemda.toml
        None, title="Berkas lambang daerah", description="PNG/JPG, relatif terhadap folder pemda.toml."
    )


class KeputusanPemda(Dasar):
    nomor: Teks = Field(title="Nomor keputusan")
    tanggal: Tanggal = Field(title="Tanggal penetapan")
    tempat: Teks = Field(title="Ditetapkan di")
    tentang: Teks = Field(
        title="Tentang",
        description="Judul sesudah kata TENTANG; tanpa titik di akhir.",
        json_schema_extra={"jenis": "panjang"},
    )
    menimbang: DaftarTeks = Field(
        title="Menimbang",
        description='Tiap butir diawali "bahwa" dan diakhiri titik koma.',
        json_schema_extra={"penomoran": "huruf"},
    )
    mengingat: DaftarTeks = Field(
        title="Mengingat",
        description="Urut menurut jenjang peraturan lalu tahun.",
        json_schema_extra={"penomoran": "angka"},
    )
    memutuskan: list[Teks] = Field(  # empty: the default diktum
        [],
        title="Memutuskan (diktum)",
        description="Boleh kosong: diktum bawaan.",
        json_schema_extra={"penomoran": "diktum"},
    )


class RencanaPemda(Periode):
    dokumen: Literal["RPJMD", "RPD"] = Field(
        title="Dokumen rencana", description="Sasaran siapa yang diukur IKU: RPJMD atau RPD."
    )


class SasaranPemda(Dasar):
    kode: Teks = Field(title="Kode sasaran", description="Dipakai baris IKU dan sasaran_pemda perangkat daerah.")
    uraian: Teks = Field(title="Uraian sasaran", json_schema_extra={"jenis": "panjang"})


class IkuPemda(Dasar):
    """One row of the Pemda's IKU table (the reference book's six columns)."""

    sasaran: Teks = Field(title="Kode sasaran", description="Kode salah satu [[sasaran]], misalnya S1.")
    urusan: Teks = Field(title="Bidang urusan pemerintahan")
    indikator: Teks = Field(title="Indikator kinerja utama", json_schema_extra={"jenis": "panjang"})
    satuan: Teks = Field(title="Satuan")
    arah: Literal["naik", "turun"] = Field("naik", title="Arah indikator")
    kondisi_awal: Angka | None = Field(None, title="Kondisi awal", description="Angka, misalnya 60,5.")
    target: dict[str, Angka] | None = Field(None, title="Target")
    penanggung_jawab: DaftarTeks = Field(
        title="SKPD penanggung jawab",
        description="Nama perangkat daerah persis seperti instansi.nama konfigurasinya.",
        json_schema_extra={"penomoran": "angka"},
    )
    keterangan: Teks | None = Field(None, title="Keterangan", json_schema_extra={"jenis": "panjang"})


class Pemda(Dasar):
    """The whole pemda.toml."""

    tahun: Tahun = Field(title="Tahun IKU", description="Sama dengan tahun setiap konfigurasi perangkat daerah.")
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
