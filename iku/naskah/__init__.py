"""The documents of a year's set: one registry, read by generate, check and template checks.

Each kind names its template, the function that builds its context from the validated
config, the names its template must use (checked in agencies' edited templates), and
the stem of its file name. A new document of the set is one more entry here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .. import bahasa
from ..model import Config, kepala_daerah
from ..rapi import Tata
from ..tte import TataTtd, teks_qr
from . import blok, buku, keputusan, laporan_kinerja, perjanjian_kinerja

PenyusunKonteks = Callable[[Config, Path], dict[str, Any]]

TANDA_TANGAN = ("penandatangan.jabatan", "penandatangan.nama", "penandatangan.pangkat", "penandatangan.nip")


@dataclass(frozen=True)
class JenisNaskah:
    """One kind of document of the set."""

    jenis: str
    templat: str
    konteks: PenyusunKonteks
    wajib: tuple[str, ...]
    awalan_berkas: str
    ada: Callable[[Config], bool] = lambda _config: True
    tata_sendiri: Callable[[Config], Tata] | None = None  # its own title and date; default: the decree's


def _konteks_keputusan(config: Config, _folder: Path) -> dict[str, Any]:
    return keputusan.keputusan(config)


DAFTAR: tuple[JenisNaskah, ...] = (
    JenisNaskah(
        "keputusan",
        "keputusan.docx",
        _konteks_keputusan,
        (
            "judul.nomor",
            "judul.tentang",
            "judul.tanggal",
            "judul.tempat",
            "menimbang[].teks",
            "mengingat[].teks",
            "diktum[].teks",
            *TANDA_TANGAN,
        ),
        "keputusan-iku",
    ),
    JenisNaskah(
        "lampiran",
        "lampiran.docx",
        _konteks_keputusan,
        ("judul.nomor", "judul.tanggal", "judul.tentang", "kelompok_iku[].baris[].indikator", *TANDA_TANGAN),
        "lampiran-iku",
    ),
    JenisNaskah(
        "dokumen",
        "dokumen-iku.docx",
        buku.konteks,
        (
            "buku.sampul.instansi",
            "buku.judul.pengantar",
            "buku.judul.daftar_isi",
            "buku.latar[]",
            "buku.bab_iku.tabel.baris[].indikator",
            "judul.nomor",
            "diktum[].teks",
            "kelompok_iku[].baris[].indikator",
            *TANDA_TANGAN,
        ),
        "dokumen-iku",
    ),
    JenisNaskah(
        "perjanjian_kinerja",
        "perjanjian-kinerja.docx",
        perjanjian_kinerja.konteks,
        (
            "pk.judul",
            "pk.instansi",
            "pk.pembuka",
            "pk.janji",
            "pk.penutup",
            "pk.pihak_pertama.nama",
            "pk.pihak_pertama.jabatan",
            "pk.pihak_pertama.nip",
            "pk.pihak_kedua.nama",
            "pk.pihak_kedua.jabatan",
            "pk.tempat_tanggal",
            "pk.sasaran[].baris[].indikator",
            "pk.sasaran[].baris[].target",
            "pk.program[].nama",
            "pk.program[].anggaran",
            "pk.jumlah_anggaran",
        ),
        "perjanjian-kinerja",
        ada=lambda c: c.perjanjian_kinerja is not None,
        tata_sendiri=perjanjian_kinerja.tata,
    ),
    JenisNaskah(
        "laporan_kinerja",
        "laporan-kinerja.docx",
        laporan_kinerja.konteks,
        (
            "lk.sampul.judul",
            "lk.sampul.instansi",
            "lk.judul.pengantar",
            "lk.ikhtisar[]",
            "lk.daftar_isi[].teks",
            "lk.capaian.kelompok[].baris[].capaian",
            "lk.capaian.kelompok[].baris[].predikat",
            "lk.capaian.riwayat.baris[].nilai[]",
            "lk.capaian.akhir.baris[].capaian",
            "lk.capaian.indikator[].gambar",
            "lk.capaian.anggaran.jumlah.persen",
            *TANDA_TANGAN,
        ),
        "laporan-kinerja",
        ada=lambda c: c.laporan_kinerja is not None,
        tata_sendiri=laporan_kinerja.tata,
    ),
)


def set_tahun(config: Config) -> list[JenisNaskah]:
    """The kinds this config produces, in the order of the set."""
    return [j for j in DAFTAR if j.ada(config)]


def per_templat() -> dict[str, JenisNaskah]:
    """Kind by template file name."""
    return {j.templat: j for j in DAFTAR}


def tata_naskah(jenis: JenisNaskah | None, config: Config, mentah: bytes = b"") -> Tata:
    """The layout of one kind of document: the set's, or the kind's own (title, date) when it has one;
    the signature layout is always the set's."""
    bersama = tata(config, mentah)
    if jenis is None or jenis.tata_sendiri is None:
        return bersama
    return replace(jenis.tata_sendiri(config), tanda_tangan=bersama.tanda_tangan)


def tata(config: Config, mentah: bytes = b"") -> Tata:
    """The layout every document of the set shares: paper, font, diktum labels, properties, signature.

    mentah: the config file's bytes, whose SHA-256 the electronic layout's QR code carries."""
    jumlah = len(config.keputusan.memutuskan)
    return Tata(
        kertas=config.format.kertas,
        huruf=config.format.huruf,
        label_diktum=tuple(bahasa.ordinal_diktum(n) for n in range(1, jumlah + 1)),
        tanggal=config.keputusan.tanggal,
        judul=config.keputusan.tentang,
        subjek=f"Indikator Kinerja Utama {blok.periode_tentang(config) or config.tahun}",
        pengarang=config.instansi.nama,
        tanda_tangan=tata_ttd(config, mentah),
        judul_berjarak=config.format.judul_berjarak,
        lampiran=keputusan.susunan_lampiran(config),
        kop_kepala_daerah=kepala_daerah(config.instansi),
    )


def tata_ttd(config: Config, mentah: bytes) -> TataTtd:
    """How the set is signed, and the printed values that locate each signature block's parts."""
    ttd, k = blok.penandatangan(config), config.keputusan
    tanggal = bahasa.tanggal(k.tanggal)
    qr = teks_qr(
        config.tte.url_verifikasi,
        f"Keputusan {config.penandatangan.jabatan.rstrip(',')}",
        k.nomor,
        tanggal,
        f"{ttd['nama']}, {ttd['nip']}",
        mentah,
    )
    return TataTtd(config.format.tanda_tangan, ttd["jabatan"], ttd["nama"], ttd["nip"], k.nomor, tanggal, qr)
