"""`iku tandatangani`: sign a year's PDFs with the agency's own certificate (PAdES, pyHanko).

Every PDF of an archived year is signed into a copy next to it (`...-ttd.pdf`), with a visible
signature box in the space the layout reserved (the PDF's named destinations) or an invisible
one, and the copies are added to MANIFEST.json. Everything is signed in memory first: a wrong
certificate, passphrase or PDF writes nothing. Checking a signed PDF is iku/periksa_ttd.py's.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import manifes
from .galat import Masalah, TandaTanganError
from .periksa_manifes import periksa as periksa_manifes
from .periksa_ttd import AKHIRAN, periksa_pdf
from .tte import NAMA_PENANDA, PERAN_PENANDATANGAN, PERAN_PIHAK_KEDUA, RUANG, SESUDAH_QR

NAMA_BIDANG = "TandaTanganElektronik"
NAMA_BIDANG_PIHAK_KEDUA = "TandaTanganPihakKedua"
TEKS_CAP = "Ditandatangani secara elektronik oleh:\n%(signer)s\nWaktu: %(ts)s"
FORMAT_WAKTU = "%d-%m-%Y %H:%M:%S %Z"
LEBAR_KOTAK = 144  # points: fits beside a QR code inside one of the PK's two columns
TINGGI_MINIMUM = 24  # points: a lower space holds no readable box
LEBAR_MINIMUM = 90
TEPI_HALAMAN = 56  # points: the narrowest page margin of the templates (2 cm)
GESER_QR = 3  # points between the QR code and the box beside it
JARAK_TEKS = 3  # points between the box and the lines above and below it
# the layout's bookmarks (iku.tte), as LibreOffice exports them: a name docxcompose made unique
# in the bundle carries a suffix
POLA_PENANDA = re.compile(
    rf"^IkuTtd({PERAN_PENANDATANGAN}|{PERAN_PIHAK_KEDUA})(\d+)({RUANG}|{SESUDAH_QR}|{NAMA_PENANDA})(.*)$"
)


@dataclass(frozen=True)
class Sertifikat:
    """A signer loaded from a PKCS#12 file."""

    penanda: Any  # pyhanko SimpleSigner
    nama: str


@dataclass(frozen=True)
class Ruang:
    """A signing space the layout reserved: page index and the free box in PDF points (origin bottom left)."""

    halaman: int
    kotak: tuple[int, int, int, int] | None  # None: the space is too small for a visible box


@dataclass(frozen=True)
class Ditandatangani:
    """What `tandatangani` wrote, and what the user must know about it."""

    berkas: list[Path]
    peringatan: list[Masalah]


def tandatangani(
    folder: Path, sertifikat: Path, sandi: bytes, terlihat: bool = True, pihak_kedua: bool = False
) -> Ditandatangani:
    """Sign every PDF of a year's folder into ...-ttd.pdf beside it; with pihak_kedua, add the PK's
    countersignature to its signed copy (an incremental signature of its own)."""
    tolak_srikandi(folder)
    if pihak_kedua:
        return tandatangani_pihak_kedua(folder, sertifikat, sandi, terlihat)
    pdf = daftar_pdf(folder)
    periksa_manifes(folder)  # only an intact archive is signed
    penanda = muat_sertifikat(sertifikat, sandi)
    hasil, peringatan = {}, []
    for p in pdf:
        ruang = cari_ruang(p, PERAN_PENANDATANGAN) if terlihat else None
        peringatan += _peringatan_ruang(p, ruang, terlihat)
        hasil[p] = tandatangani_pdf(p.read_bytes(), p, penanda, ruang, NAMA_BIDANG)
    return Ditandatangani(_tulis_semua(folder, hasil), peringatan)


def tandatangani_pihak_kedua(folder: Path, sertifikat: Path, sandi: bytes, terlihat: bool) -> Ditandatangani:
    """The pihak kedua signs the PK's copy the pihak pertama signed, in the space kept for it."""
    from .naskah import per_templat

    awalan = per_templat()["perjanjian-kinerja.docx"].awalan_berkas
    salinan = sorted(folder.glob(f"{awalan}-*{AKHIRAN}"))
    if not salinan:
        raise TandaTanganError(
            Masalah(
                "belum ada Perjanjian Kinerja yang ditandatangani pihak pertama",
                berkas=folder,
                saran="tandatangani dulu arsipnya dengan sertifikat pihak pertama (tanpa --pihak-kedua)",
            )
        )
    periksa_manifes(folder)
    penanda = muat_sertifikat(sertifikat, sandi)
    hasil, peringatan = {}, []
    for p in salinan:
        if any(h.bidang == NAMA_BIDANG_PIHAK_KEDUA for h in periksa_pdf(p)):
            raise TandaTanganError(
                Masalah(
                    "Perjanjian Kinerja ini sudah ditandatangani pihak kedua",
                    berkas=p,
                    saran="periksa dengan iku verify; untuk mengulang, buat ulang arsipnya",
                )
            )
        ruang = cari_ruang(p, PERAN_PIHAK_KEDUA) if terlihat else None
        peringatan += _peringatan_ruang(p, ruang, terlihat)
        hasil[p] = tandatangani_pdf(p.read_bytes(), p, penanda, ruang, NAMA_BIDANG_PIHAK_KEDUA)
    return Ditandatangani(_tulis_semua(folder, hasil, akhiran=""), peringatan)


def tolak_srikandi(folder: Path) -> None:
    """A SRIKANDI archive is a template for SRIKANDI (placeholders, not the final decree): never PAdES-signed."""
    from .konfigurasi import baca_toml

    for salinan in sorted(folder.glob("konfigurasi-*.toml")):
        tata = baca_toml(salinan).data.get("format")
        if isinstance(tata, dict) and tata.get("tanda_tangan") == "srikandi":
            raise TandaTanganError(
                Masalah(
                    "arsip ini bertata tanda tangan SRIKANDI: Keputusan dan Lampirannya masih memuat isian "
                    "${nomor_naskah}, ${ttd_pengirim} dan lainnya, bukan naskah final, sehingga tidak "
                    "ditandatangani di sini",
                    berkas=salinan,
                    saran="unggah Keputusan ke SRIKANDI dan tandatangani di sana; atau buat ulang arsipnya "
                    'dengan tanda_tangan = "elektronik" pada [format]',
                )
            )


def _peringatan_ruang(pdf: Path, ruang: Ruang | None, terlihat: bool) -> list[Masalah]:
    if not terlihat or (ruang is not None and ruang.kotak is not None):
        return []
    sebab = "tidak ada ruang tanda tangan bertanda" if ruang is None else "ruang tanda tangannya terlalu sempit"
    return [
        Masalah(
            f"{sebab}; tanda tangan elektroniknya sah tetapi tidak tampak di halaman",
            berkas=pdf,
            saran="buat ulang arsipnya dengan versi iku ini (generate --pdf --force), atau pakai --tak-terlihat",
        )
    ]


def daftar_pdf(folder: Path) -> list[Path]:
    """The unsigned PDFs of the folder; refused when there are none or when signed copies exist."""
    semua = sorted(p for p in folder.glob("*.pdf") if p.is_file())
    ada = [p for p in semua if p.name.endswith(AKHIRAN)]
    if ada:
        raise TandaTanganError(
            [
                Masalah(
                    "salinan bertanda tangan sudah ada",
                    berkas=p,
                    saran="arsip ini sudah ditandatangani; untuk menandatangani ulang, buat "
                    "ulang arsipnya dengan generate --pdf --force",
                )
                for p in ada
            ]
        )
    if not semua:
        raise TandaTanganError(
            Masalah(
                "tidak ada berkas PDF di folder ini",
                berkas=folder,
                saran="buat PDF-nya dulu dengan: iku generate --pdf",
            )
        )
    return semua


def muat_sertifikat(berkas: Path, sandi: bytes) -> Sertifikat:
    """The key and certificate of a .p12/.pfx file; TandaTanganError when unreadable or expired."""
    from cryptography.hazmat.primitives.serialization import pkcs12

    try:
        kunci, sert, lain = pkcs12.load_key_and_certificates(berkas.read_bytes(), sandi)
    except (ValueError, TypeError):
        raise TandaTanganError(
            Masalah(
                "sandi salah, atau berkas bukan sertifikat PKCS#12 (.p12/.pfx)",
                berkas=berkas,
                saran="periksa sandi dan berkas sertifikat dari BSrE",
            )
        ) from None
    except OSError as exc:
        raise TandaTanganError(
            Masalah(f"berkas sertifikat tidak dapat dibaca ({exc.strerror})", berkas=berkas)
        ) from None
    if kunci is None or sert is None:
        raise TandaTanganError(
            Masalah(
                "berkas tidak memuat kunci privat dan sertifikat",
                berkas=berkas,
                saran="ekspor ulang sertifikat beserta kunci privatnya (.p12)",
            )
        )
    _periksa_masa_berlaku(sert, berkas)
    return Sertifikat(_penanda(kunci, sert, lain or []), _nama_umum(sert))


def _periksa_masa_berlaku(sert: Any, berkas: Path) -> None:
    sekarang = dt.datetime.now(dt.UTC)
    if not sert.not_valid_before_utc <= sekarang <= sert.not_valid_after_utc:
        raise TandaTanganError(
            Masalah(
                f"sertifikat berlaku {sert.not_valid_before_utc:%d-%m-%Y} sampai {sert.not_valid_after_utc:%d-%m-%Y}, "
                "tidak pada saat ini",
                berkas=berkas,
                saran="perpanjang sertifikat elektronik di BSrE",
            )
        )


def _penanda(kunci: Any, sert: Any, lain: list[Any]) -> Any:
    from asn1crypto import keys, x509
    from cryptography.hazmat.primitives import serialization as s
    from pyhanko.sign.signers import SimpleSigner
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    def asn1(c: Any) -> Any:
        return x509.Certificate.load(c.public_bytes(s.Encoding.DER))

    kunci_asn1 = keys.PrivateKeyInfo.load(kunci.private_bytes(s.Encoding.DER, s.PrivateFormat.PKCS8, s.NoEncryption()))
    sert_asn1 = asn1(sert)
    return SimpleSigner(sert_asn1, kunci_asn1, SimpleCertificateStore.from_certs([sert_asn1, *map(asn1, lain)]))


def _nama_umum(sert: Any) -> str:
    from cryptography.x509.oid import NameOID

    nama = sert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(nama[0].value) if nama else sert.subject.rfc4514_string()


def tandatangani_pdf(isi: bytes, pdf: Path, s: Sertifikat, ruang: Ruang | None, bidang: str) -> bytes:
    """The signed PDF's bytes (an incremental update: the original bytes, earlier signatures and the
    PDF/A XMP stay)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko.stamp import TextStampStyle

    meta = signers.PdfSignatureMetadata(
        field_name=bidang,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        name=s.nama,
        reason="Penetapan naskah dinas",
    )
    spek = (
        fields.SigFieldSpec(bidang, on_page=ruang.halaman, box=ruang.kotak)
        if ruang is not None and ruang.kotak is not None
        else fields.SigFieldSpec(bidang)
    )
    gaya = TextStampStyle(stamp_text=TEKS_CAP, timestamp_format=FORMAT_WAKTU, border_width=1)
    try:
        penulis = IncrementalPdfFileWriter(io.BytesIO(isi), strict=False)
        keluaran = signers.PdfSigner(meta, s.penanda, new_field_spec=spek, stamp_style=gaya).sign_pdf(
            penulis, output=io.BytesIO()
        )
    except Exception as exc:  # pyHanko raises many kinds for a damaged or locked PDF
        raise TandaTanganError(
            Masalah(
                f"PDF tidak dapat ditandatangani ({type(exc).__name__}: {exc})",
                berkas=pdf,
                saran="buat ulang PDF dengan iku generate --pdf",
            )
        ) from None
    return keluaran.getvalue()


def cari_ruang(pdf: Path, peran: str) -> Ruang | None:
    """The first signing space the layout reserved for peran (page order, top down), read from the
    PDF's named destinations; None when the PDF has none (made before they were marked)."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        r = PdfFileReader(io.BytesIO(pdf.read_bytes()), strict=False)
        halaman = _daftar_halaman(r.root.raw_get("/Pages"))
        tujuan = _tujuan_bernama(r.root)
    except Exception:  # a damaged PDF: signing it reports the problem
        return None
    titik: dict[tuple[str, str], dict[str, tuple[int, float, float, float]]] = {}
    for nama, nilai in tujuan:
        cocok = POLA_PENANDA.match(nama)
        larik = nilai.get("/D") if isinstance(nilai, dict) else nilai
        if cocok is None or cocok.group(1) != peran or larik is None or len(larik) < 4:
            continue
        rujukan = larik.raw_get(0) if hasattr(larik, "raw_get") else larik[0]
        nomor = getattr(rujukan, "idnum", None)
        if nomor not in halaman:
            continue
        kotak_media = [float(x) for x in larik[0].get_object()["/MediaBox"]]
        kunci = (cocok.group(2), cocok.group(4))
        titik.setdefault(kunci, {})[cocok.group(3)] = (
            halaman.index(nomor),
            float(larik[2]),
            float(larik[3]),
            kotak_media[2] - kotak_media[0],
        )
    ruang = [
        (t[NAMA_PENANDA][0], -t[NAMA_PENANDA][2], _kotak(t))
        for t in titik.values()
        if NAMA_PENANDA in t and (RUANG in t or SESUDAH_QR in t)
    ]
    if not ruang:
        return None
    muat = [r for r in sorted(ruang, key=lambda r: r[:2]) if r[2] is not None]
    pertama = (muat or sorted(ruang, key=lambda r: r[:2]))[0]
    return Ruang(pertama[0], pertama[2])


def _kotak(titik: dict[str, tuple[int, float, float, float]]) -> tuple[int, int, int, int] | None:
    """The box in the ink space: from its top to the name's line, beside the QR code or centred
    where the space's empty line is (a centred column), inside the page's margins."""
    halaman, x_nama, y_nama, lebar = titik[NAMA_PENANDA]
    qr = SESUDAH_QR in titik
    h, x, y, _ = titik[SESUDAH_QR if qr else RUANG]
    if h != halaman:
        return None
    if qr:
        x0 = x + GESER_QR
    elif x > x_nama + 10:  # an empty centred line: its position is the column's centre
        x0 = x - LEBAR_KOTAK / 2
    else:
        x0 = x
    x0 = max(x0, TEPI_HALAMAN)
    x1 = min(x0 + LEBAR_KOTAK, lebar - TEPI_HALAMAN)
    y0, y1 = y_nama + JARAK_TEKS, y - JARAK_TEKS
    if x1 - x0 < LEBAR_MINIMUM or y1 - y0 < TINGGI_MINIMUM:
        return None
    return round(x0), round(y0), round(x1), round(y1)


def _tujuan_bernama(akar: Any) -> list[tuple[str, Any]]:
    """(name, destination) of the catalogue's /Dests dictionary and /Names /Dests tree."""
    hasil: list[tuple[str, Any]] = []
    if "/Dests" in akar:
        hasil += [(str(k)[1:], v.get_object()) for k, v in akar["/Dests"].items()]
    nama = akar.get("/Names")
    if nama is not None and "/Dests" in nama:
        antre = [nama["/Dests"]]
        while antre:
            simpul = antre.pop().get_object()
            daun = simpul.get("/Names", [])
            hasil += [(str(daun[i]), daun[i + 1].get_object()) for i in range(0, len(daun) - 1, 2)]
            antre += list(simpul.get("/Kids", []))
    return hasil


def _daftar_halaman(simpul: Any) -> list[int]:
    """Object numbers of the pages, in order, walking the page tree."""
    objek = simpul.get_object()
    if objek["/Type"] == "/Page":
        return [simpul.idnum]
    return [n for anak in objek.raw_get("/Kids") for n in _daftar_halaman(anak)]


def _tulis_semua(folder: Path, hasil: dict[Path, bytes], akhiran: str = AKHIRAN) -> list[Path]:
    """Write every signed copy (with akhiran "" over the signed copy itself), then add them to the
    manifest; on failure remove what was written."""
    ditulis: list[Path] = []
    semula: dict[Path, bytes] = {}
    try:
        for asal, isi in hasil.items():
            tujuan = asal.with_name(asal.name[:-4] + akhiran) if akhiran else asal
            if tujuan.exists():
                semula[tujuan] = tujuan.read_bytes()
            sementara = tujuan.with_name(f".{tujuan.name}.sementara")
            sementara.write_bytes(isi)
            os.replace(sementara, tujuan)
            ditulis.append(tujuan)
        manifes.tambah(folder, ditulis)
    except BaseException:
        for p in ditulis:
            if p in semula:
                p.write_bytes(semula[p])
            else:
                p.unlink(missing_ok=True)
        raise
    return ditulis
