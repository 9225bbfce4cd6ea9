"""The documents of a year's set: one registry, read by generate, check and template checks.

Each kind names its template, the function that builds its context from the validated
config, the names its template must use (checked in agencies' edited templates), the
stem of its file name, and the config table it is made from (which puts it in the set and
dates it). A new document of the set is one more entry here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .. import bahasa
from ..model import Config, kepala_daerah
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
from .blok import ISIAN_NOMOR, ISIAN_TANGGAL, Tata, TataTtd, teks_qr

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
    bagian: str | None = None  # its config table ([manual_iku] ...): in the set when present, dated by it
    syarat: Callable[[Config], bool] | None = None  # in the set when this holds (instead of bagian)
    nama_sendiri: Callable[[Config], tuple[str, str]] | None = None  # its properties' title and subject;
    # None: the decree's (and the decree's page set-up with its diktum labels)
    nama_qr: str = ""  # the kind as its QR code names it
    tanggal_sendiri: Callable[[Config], dt.date] | None = None  # its date, when neither bagian nor the decree's
    bernomor: bool = False  # it carries the decree's nomor (its QR code names it)
    lewat_srikandi: bool = False  # in the srikandi layout: a SRIKANDI template (else printed in full, wet ink)

    def ada(self, config: Config) -> bool:
        """Whether this config makes the document."""
        if self.syarat is not None:
            return self.syarat(config)
        return self.bagian is None or getattr(config, self.bagian) is not None

    def tanggal(self, config: Config) -> dt.date:
        """The date it is signed on: its own, its table's, or the decree's."""
        if self.tanggal_sendiri is not None:
            return self.tanggal_sendiri(config)
        if self.bagian is not None:
            return blok.bagian(getattr(config, self.bagian), self.bagian).tanggal
        return config.keputusan.tanggal


def _konteks_keputusan(config: Config, _folder: Path) -> dict[str, Any]:
    """The Keputusan's and its Lampiran's context; in the srikandi layout the nomor and date are
    SRIKANDI's placeholders (SRIKANDI gives the decree both), wherever the template prints them."""
    konteks = keputusan.keputusan(config)
    if config.format.tanda_tangan == "srikandi":
        konteks["judul"] = {**konteks["judul"], "nomor": ISIAN_NOMOR, "tanggal": ISIAN_TANGGAL}
    return konteks


def _di_bawah(kunci: str, susun: Callable[[Config], dict[str, Any]]) -> PenyusunKonteks:
    """A context of one block under the name its template uses (manual, ra, pk)."""
    return lambda config, _folder: {kunci: susun(config)}


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
        syarat=lambda c: c.perubahan is not None and c.perubahan.semula is not None,
        nama_sendiri=matriks.nama,
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
        _di_bawah("manual", manual_iku.manual),
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
        bagian="manual_iku",
        nama_sendiri=manual_iku.nama,
    ),
    JenisNaskah(
        "perjanjian_kinerja",
        "perjanjian-kinerja.docx",
        _di_bawah("pk", perjanjian_kinerja.perjanjian),
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
        bagian="perjanjian_kinerja",
        nama_sendiri=perjanjian_kinerja.nama,
        nama_qr="Perjanjian Kinerja",
    ),
    JenisNaskah(
        "rencana_aksi",
        "rencana-aksi.docx",
        _di_bawah("ra", rencana_aksi.rencana_aksi),
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
        bagian="rencana_aksi",
        nama_sendiri=rencana_aksi.nama,
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
        bagian="laporan_kinerja",
        nama_sendiri=laporan_kinerja.nama,
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
        syarat=lambda _config: False,
        nama_sendiri=lambda c: laporan_triwulan.nama(c, laporan_triwulan.triwulan_terakhir(c)),
        tanggal_sendiri=lambda c: laporan_triwulan.tanggal(c, laporan_triwulan.triwulan_terakhir(c)),
    ),
)


def set_tahun(config: Config) -> list[JenisNaskah]:
    """The kinds this config produces, in the order of the set."""
    return [j for j in DAFTAR if j.ada(config)]


def per_templat() -> dict[str, JenisNaskah]:
    """Kind by template file name."""
    return {j.templat: j for j in DAFTAR}


def tata_naskah(jenis: JenisNaskah | None, config: Config, mentah: bytes = b"") -> Tata:
    """The layout of one kind of document: the set's, or, for a kind with its own name, the page and
    font of the set with its own title, subject and date; the signature layout is the set's, its QR
    code this document's."""
    bersama = tata(config, mentah)
    tanggal = jenis.tanggal(config) if jenis else bersama.tanggal
    if jenis is None or jenis.nama_sendiri is None:
        sendiri = bersama
    else:
        sendiri = blok.tata_dokumen(config, tanggal, *jenis.nama_sendiri(config))
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
