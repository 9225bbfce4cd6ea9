"""pemda.toml validated: the kepala daerah, the decree, the plan's sasaran and the IKU Pemerintah Daerah.

The same habits as the agency's model (iku/model.py): strict types, unknown keys forbidden,
immutable; the same value types (Teks, Angka, Tahun, Tanggal) so a value means the same in both.
Each field's documentation is written once, with model.kunci as in iku/model.py (title, meaning;
isian="panjang" for a long text, penomoran for a printed list): the editor's pemda.toml form is
generated from it by the same skema_dari_model (penyunting/skema_pemda.py).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from ..model import Angka, DaftarTeks, Dasar, Format, Periode, Tahun, Tanggal, Teks, kunci

NAMA_BERKAS = "pemda.toml"


class KepalaDaerah(Dasar):
    """The elected head who signs: no NIP, no pangkat."""

    jabatan: Annotated[Teks, kunci("Jabatan kepala daerah", "Misalnya Bupati Buleleng.")]
    nama: Annotated[Teks, kunci("Nama kepala daerah", "Tanpa NIP dan pangkat: pejabat yang dipilih.")]


class Pemerintah(Dasar):
    nama: Annotated[Teks, kunci("Nama pemerintah daerah", "Misalnya Pemerintah Kabupaten Buleleng.")]
    kepala: Annotated[KepalaDaerah, kunci("Kepala daerah")]
    kota: Annotated[Teks, kunci("Kota")]
    logo: Annotated[  # the lambang above "BUPATI ...", relative to pemda.toml
        Teks | None, kunci("Berkas lambang daerah", "PNG/JPG, relatif terhadap folder pemda.toml.", isian="jalur")
    ] = None


class KeputusanPemda(Dasar):
    nomor: Annotated[Teks, kunci("Nomor keputusan")]
    tanggal: Annotated[Tanggal, kunci("Tanggal penetapan")]
    tempat: Annotated[Teks, kunci("Ditetapkan di")]
    tentang: Annotated[Teks, kunci("Tentang", "Judul sesudah kata TENTANG; tanpa titik di akhir.", isian="panjang")]
    menimbang: Annotated[
        DaftarTeks, kunci("Menimbang", 'Tiap butir diawali "bahwa" dan diakhiri titik koma.', penomoran="huruf")
    ]
    mengingat: Annotated[
        DaftarTeks, kunci("Mengingat", "Urut menurut jenjang peraturan lalu tahun.", penomoran="angka")
    ]
    memutuskan: Annotated[  # empty: the default diktum
        list[Teks], kunci("Memutuskan (diktum)", "Boleh kosong: diktum bawaan.", penomoran="diktum")
    ] = []


class RencanaPemda(Periode):
    dokumen: Annotated[
        Literal["RPJMD", "RPD"], kunci("Dokumen rencana", "Sasaran siapa yang diukur IKU: RPJMD atau RPD.")
    ]


class SasaranPemda(Dasar):
    kode: Annotated[Teks, kunci("Kode sasaran", "Dipakai baris IKU dan sasaran_pemda perangkat daerah.")]
    uraian: Annotated[Teks, kunci("Uraian sasaran", isian="panjang")]


class IkuPemda(Dasar):
    """One row of the Pemda's IKU table (the reference book's six columns)."""

    sasaran: Annotated[Teks, kunci("Kode sasaran", "Kode salah satu [[sasaran]], misalnya S1.")]
    urusan: Annotated[Teks, kunci("Bidang urusan pemerintahan")]
    indikator: Annotated[Teks, kunci("Indikator kinerja utama", isian="panjang")]
    satuan: Annotated[Teks, kunci("Satuan")]
    arah: Annotated[Literal["naik", "turun"], kunci("Arah indikator")] = "naik"
    kondisi_awal: Annotated[Angka | None, kunci("Kondisi awal", "Nilai indikator pada awal periode rencana.")] = None
    target: Annotated[dict[str, Angka] | None, kunci("Target", "Target per tahun rencana.")] = None
    penanggung_jawab: Annotated[
        DaftarTeks,
        kunci(
            "SKPD penanggung jawab",
            "Nama perangkat daerah persis seperti instansi.nama konfigurasinya.",
            penomoran="angka",
        ),
    ]
    keterangan: Annotated[Teks | None, kunci("Keterangan", isian="panjang")] = None


class Pemda(Dasar):
    """The whole pemda.toml."""

    tahun: Annotated[Tahun, kunci("Tahun IKU", "Sama dengan tahun setiap konfigurasi perangkat daerah.")]
    pemerintah: Annotated[Pemerintah, kunci("Pemerintah daerah")]
    format: Annotated[Format, kunci("Format halaman")] = Format()
    keputusan: Annotated[KeputusanPemda, kunci("Keputusan kepala daerah")]
    rencana: Annotated[RencanaPemda, kunci("Rencana (RPJMD/RPD)")]
    sasaran: Annotated[list[SasaranPemda], Field(min_length=1), kunci("Sasaran")]
    iku: Annotated[list[IkuPemda], Field(min_length=1), kunci("Indikator Kinerja Utama Pemerintah Daerah")]


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
