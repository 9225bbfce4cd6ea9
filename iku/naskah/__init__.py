"""The documents of a year's set: one registry, read by generate, check and template checks.

Each kind names its template, the function that builds its context from the validated
config, the names its template must use (checked in agencies' edited templates), and
the stem of its file name. A new document of the set is one more entry here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .. import bahasa
from ..model import Config, kepala_daerah
from ..rapi import Tata
from ..tte import NOMOR as ISIAN_NOMOR
from ..tte import TANGGAL as ISIAN_TANGGAL
from ..tte import TataTtd, teks_qr
from . import (
    blok,
    buku,
    keputusan,
    laporan_kinerja,
    laporan_triwulan,
    manual_iku,
    matriks,
    perjanjian_kinerja,
    rencana_aksi,
)

PenyusunKonteks = Callable[[Config, Path], dict[str, Any]]

LAPORAN_TRIWULAN = "laporan-triwulan.docx"
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
    nama_qr: str = ""  # the kind as its QR code names it
    tanggal_sendiri: Callable[[Config], dt.date] | None = None  # its own date, when its layout has none
    bernomor: bool = False  # it carries the decree's nomor (its QR code names it)
    lewat_srikandi: bool = False  # in the srikandi layout: a SRIKANDI template (else printed in full, wet ink)


def _konteks_keputusan(config: Config, _folder: Path) -> dict[str, Any]:
    """The Keputusan's and its Lampiran's context; in the srikandi layout the nomor and date are
    SRIKANDI's placeholders (SRIKANDI gives the decree both), wherever the template prints them."""
    konteks = keputusan.keputusan(config)
    if config.format.tanda_tangan == "srikandi":
        konteks["judul"] = {**konteks["judul"], "nomor": ISIAN_NOMOR, "tanggal": ISIAN_TANGGAL}
    return konteks


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
        nama_qr="Keputusan",
        bernomor=True,
        lewat_srikandi=True,
    ),
    JenisNaskah(
        "lampiran",
        "lampiran.docx",
        _konteks_keputusan,
        ("judul.nomor", "judul.tanggal", "judul.tentang", "kelompok_iku[].baris[].indikator", *TANDA_TANGAN),
        "lampiran-iku",
        nama_qr="Lampiran Keputusan",
        bernomor=True,
        lewat_srikandi=True,
    ),
    JenisNaskah(
        "matriks_perubahan",
        "matriks-perubahan-iku.docx",
        matriks.konteks,
        ("matriks.semula", "matriks.menjadi", *TANDA_TANGAN),  # the rows may be none: not required
        "matriks-perubahan-iku",
        ada=lambda c: c.perubahan is not None and c.perubahan.semula is not None,
        tata_sendiri=matriks.tata,
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
        nama_qr="Dokumen IKU",
        tanggal_sendiri=lambda c: c.dokumen.tanggal_kata_pengantar or c.keputusan.tanggal,
    ),
    JenisNaskah(
        "manual_iku",
        "manual-iku.docx",
        manual_iku.konteks,
        (
            "manual.lembar[].indikator",
            "manual.lembar[].definisi",
            "manual.lembar[].polaritas",
            "manual.lembar[].jenis_target",
            "manual.lembar[].frekuensi",
            "manual.lembar[].penanggung_jawab",
            "manual.penandatangan.nama",
        ),
        "manual-iku",
        ada=lambda c: c.manual_iku is not None,
        tata_sendiri=manual_iku.tata,
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
        nama_qr="Perjanjian Kinerja",
    ),
    JenisNaskah(
        "rencana_aksi",
        "rencana-aksi.docx",
        rencana_aksi.konteks,
        (
            "ra.sasaran[].baris[].indikator",
            "ra.sasaran[].baris[].target",
            "ra.sasaran[].baris[].kegiatan[]",
            "ra.tempat_tanggal",
            "ra.penandatangan.jabatan",
            "ra.penandatangan.nama",
            "ra.penandatangan.nip",
        ),
        "rencana-aksi",
        ada=lambda c: c.rencana_aksi is not None,
        tata_sendiri=rencana_aksi.tata,
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
        nama_qr="Laporan Kinerja",
    ),
    # Made by `iku triwulan N` into <tahun>/triwulan-N/, never by generate (so never in a year's set);
    # registered so its template is known and checked like the others.
    JenisNaskah(
        "laporan_triwulan",
        LAPORAN_TRIWULAN,
        laporan_triwulan.konteks,
        (
            "lt.judul",
            "lt.baris[].target",
            "lt.baris[].realisasi",
            "lt.baris[].capaian",
            "lt.baris[].predikat",
            "lt.kalimat[]",
            "lt.gambar",
            "lt.penandatangan.nama",
        ),
        "laporan-pengukuran-kinerja",
        ada=lambda _config: False,
        tata_sendiri=lambda c: laporan_triwulan.tata(c, laporan_triwulan.triwulan_terakhir(c)),
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
    the signature layout is the set's, its QR code this document's."""
    bersama = tata(config, mentah)
    sendiri = bersama if jenis is None or jenis.tata_sendiri is None else jenis.tata_sendiri(config)
    tanggal = jenis.tanggal_sendiri(config) if jenis and jenis.tanggal_sendiri else sendiri.tanggal
    return replace(sendiri, tanda_tangan=tata_ttd(config, mentah, jenis, tanggal))


def tata(config: Config, mentah: bytes = b"") -> Tata:
    """The layout every document of the set shares: paper, font, diktum labels, properties, signature.

    mentah: the config file's bytes, whose SHA-256 the electronic layout's QR code carries."""
    jumlah = len(config.keputusan.memutuskan)
    return Tata(
        kertas=config.format.kertas,
        huruf=config.format.huruf,
        label_diktum=tuple(bahasa.ordinal_diktum(n) for n in range(1, jumlah + 1)),
        tanggal=config.keputusan.tanggal,
        judul=keputusan.tentang(config),
        subjek=f"Indikator Kinerja Utama {blok.periode_tentang(config) or config.tahun}",
        pengarang=config.instansi.nama,
        tanda_tangan=tata_ttd(config, mentah, DAFTAR[0], config.keputusan.tanggal),
        judul_berjarak=config.format.judul_berjarak,
        lampiran=keputusan.susunan_lampiran(config),
        kop_kepala_daerah=kepala_daerah(config.instansi),
    )


def tata_ttd(config: Config, mentah: bytes, jenis: JenisNaskah | None, tanggal: dt.date) -> TataTtd:
    """How a document is signed: the way, whether the config names the signer and his NIP, the QR code.

    Only the documents that go through SRIKANDI get its placeholders; the others print in full
    (wet ink). The QR code names the document it is printed on (kind, nomor, its own date)."""
    ttd, k, pk = blok.penandatangan(config), config.keputusan, config.perjanjian_kinerja
    cara = config.format.tanda_tangan
    if cara == "srikandi" and not (jenis is None or jenis.lewat_srikandi):
        cara = "basah"
    bernomor = jenis is None or jenis.bernomor
    qr = teks_qr(
        config.tte.url_verifikasi,
        (jenis.nama_qr if jenis else "") or "Keputusan",
        f"{jenis.awalan_berkas if jenis else 'keputusan-iku'}-{config.tahun}",
        k.nomor if bernomor else "",
        tanggal,
        mentah,
    )
    return TataTtd(
        cara,
        ditandatangani=bool(ttd["nama"]),
        ber_nip=bool(ttd["nip"]),
        teks_qr=qr,
        pihak_kedua_elektronik=bool(pk and pk.pihak_kedua_elektronik),
    )
