"""Sign a year's PDFs with the agency's own certificate (PAdES, pyHanko), and check signed PDFs.

`tandatangani` signs every PDF of an archived year into a copy next to it (`...-ttd.pdf`), with a
visible signature box where the signer's name stands (found with `pdftotext -bbox-layout`) or an
invisible one, and adds the copies to MANIFEST.json. Everything is signed in memory first: a wrong
certificate, passphrase or PDF writes nothing. `periksa_tanda_tangan` says, for every signed PDF
of a folder, whether it is intact since signing, who signed and when.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import logging
import os
import re
import shutil
import subprocess
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.utils import CryptographyDeprecationWarning

from . import manifes
from .galat import ArsipTidakCocok, Masalah, TandaTanganError

# pyHanko imports cryptography's DSA classes (deprecated there), and the two-line warning would
# reach the clerk on every `verify` and `tandatangani`: silenced for pyHanko's modules only.
warnings.filterwarnings("ignore", category=CryptographyDeprecationWarning, module=r"pyhanko(_certvalidator)?(\.|$)")

AKHIRAN = "-ttd.pdf"
NAMA_BIDANG = "TandaTanganElektronik"
TEKS_CAP = "Ditandatangani secara elektronik oleh:\n%(signer)s\nWaktu: %(ts)s"
FORMAT_WAKTU = "%d-%m-%Y %H:%M:%S %Z"
TINGGI_KOTAK = 52  # points: the ink space of four empty lines
LEBAR_KOTAK = 190
GESER_QR = 54  # the electronic layout's QR code (16 mm) stands where the box would: put it beside


@dataclass(frozen=True)
class Sertifikat:
    """A signer loaded from a PKCS#12 file."""

    penanda: Any  # pyhanko SimpleSigner
    nama: str


@dataclass(frozen=True)
class Letak:
    """Where a name stands on a page: page index and its box in PDF points (origin bottom left)."""

    halaman: int
    x0: float
    y_atas: float  # top of the name's line
    y_ruang: float  # bottom of the line above it (the jabatan): the ink space lies between
    lebar_halaman: float
    elektronik: bool


@dataclass(frozen=True)
class HasilTtd:
    """One signature of a PDF as verified."""

    berkas: Path
    penanda: str
    waktu: dt.datetime | None
    utuh: bool


# ---------------------------------------------------------------- signing


def tandatangani(folder: Path, sertifikat: Path, sandi: bytes, terlihat: bool = True) -> list[Path]:
    """Sign every PDF of a year's folder into ...-ttd.pdf beside it; return the paths written."""
    pdf = daftar_pdf(folder)
    manifes.periksa(folder)  # only an intact archive is signed
    penanda = muat_sertifikat(sertifikat, sandi)
    nama = nama_penandatangan(folder)
    hasil = {p: tandatangani_pdf(p, penanda, cari_letak(p, nama) if terlihat else None) for p in pdf}
    return _tulis_semua(folder, hasil)


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


def nama_penandatangan(folder: Path) -> list[str]:
    """The signer's name as printed, from the archived config (SRIKANDI's placeholder as well)."""
    from .konfigurasi import baca_toml

    nama = []
    for salinan in sorted(folder.glob("konfigurasi-*.toml")):
        data = baca_toml(salinan).data.get("penandatangan")
        if isinstance(data, dict) and isinstance(data.get("nama"), str):
            nama.append(data["nama"].strip())
    return nama + ["${nama_pengirim}"]


def tandatangani_pdf(pdf: Path, s: Sertifikat, letak: Letak | None) -> bytes:
    """The signed PDF's bytes (an incremental update: the original bytes and its PDF/A XMP stay)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko.stamp import TextStampStyle

    meta = signers.PdfSignatureMetadata(
        field_name=NAMA_BIDANG,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        name=s.nama,
        reason="Penetapan naskah dinas",
    )
    spek = (
        fields.SigFieldSpec(NAMA_BIDANG, on_page=letak.halaman, box=kotak(letak))
        if letak
        else fields.SigFieldSpec(NAMA_BIDANG)
    )
    gaya = TextStampStyle(stamp_text=TEKS_CAP, timestamp_format=FORMAT_WAKTU, border_width=1)
    try:
        with open(pdf, "rb") as f:
            penulis = IncrementalPdfFileWriter(io.BytesIO(f.read()), strict=False)
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


def kotak(letak: Letak) -> tuple[int, int, int, int]:
    """The signature box just above the name: in the ink space, or beside the QR code."""
    x0 = letak.x0 + (GESER_QR if letak.elektronik else 0)
    x1 = min(x0 + LEBAR_KOTAK, letak.lebar_halaman - 14)
    y0 = letak.y_atas + 2
    return round(x0), round(y0), round(x1), round(max(letak.y_ruang - 2, y0 + 20))


def cari_letak(pdf: Path, nama: list[str]) -> Letak | None:
    """The first line of the PDF reading one of the names (pdftotext -bbox-layout); None when absent."""
    program = shutil.which("pdftotext")
    if not program:
        raise TandaTanganError(
            Masalah(
                "pdftotext (poppler-utils) tidak terpasang; letak tanda tangan tidak dapat dicari",
                saran="pasang poppler-utils, atau pakai --tak-terlihat",
            )
        )
    xml = subprocess.run([program, "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, timeout=120).stdout
    dicari = {_rapat(n) for n in nama}
    for i, halaman in enumerate(re.findall(r"<page (.*?)</page>", xml, re.S)):
        ukuran = re.search(r'width="([\d.]+)" height="([\d.]+)"', halaman)
        if ukuran is None:
            continue
        lebar, tinggi = (float(x) for x in ukuran.groups())
        baris = [
            (_kotak_baris(b), _rapat(" ".join(_kata(b)))) for b in re.findall(r"<line (.*?)</line>", halaman, re.S)
        ]
        for (x0, y0, _), teks in baris:
            if teks in dicari:
                ruang = _bawah_baris_di_atas(baris, x0, y0)
                elektronik = any("Ditandatangani secara elektronik" in t for _, t in baris)
                return Letak(i, x0, tinggi - y0, tinggi - ruang, lebar, elektronik)
    return None


def _kotak_baris(baris: str) -> tuple[float, float, float]:
    """xMin, yMin, yMax of a pdftotext line (points, origin top left)."""
    nilai = [re.search(rf'{k}="([\d.]+)"', baris) for k in ("xMin", "yMin", "yMax")]
    x0, y0, y1 = (float(m.group(1)) if m else 0.0 for m in nilai)
    return x0, y0, y1


def _bawah_baris_di_atas(baris: list[tuple[tuple[float, float, float], str]], x0: float, y0: float) -> float:
    """The bottom of the nearest line above the name in its column (the jabatan), or one box height up."""
    di_atas = [bawah for (x, _, bawah), _ in baris if abs(x - x0) < 30 and y0 - 2 * TINGGI_KOTAK < bawah <= y0]
    return max(di_atas, default=y0 - TINGGI_KOTAK)


def _kata(xml: str) -> list[str]:
    return [html.unescape(k) for k in re.findall(r"<word [^>]*>(.*?)</word>", xml, re.S)]


def _rapat(teks: str) -> str:
    return " ".join(teks.split())


def _tulis_semua(folder: Path, hasil: dict[Path, bytes]) -> list[Path]:
    """Write every signed copy, then add them to the manifest; on failure remove what was written."""
    ditulis: list[Path] = []
    try:
        for asal, isi in hasil.items():
            tujuan = asal.with_name(asal.name[:-4] + AKHIRAN)
            sementara = tujuan.with_name(f".{tujuan.name}.sementara")
            sementara.write_bytes(isi)
            os.replace(sementara, tujuan)
            ditulis.append(tujuan)
        manifes.tambah(folder, ditulis)
    except BaseException:
        for p in ditulis:
            p.unlink(missing_ok=True)
        raise
    return ditulis


# ---------------------------------------------------------------- verifying


def periksa_arsip_ttd(folder: Path) -> tuple[list[str], list[HasilTtd]]:
    """`iku verify`: hashes against the manifest and every signature, all problems reported together."""
    masalah: list[Masalah] = []
    cocok: list[str] = []
    ttd: list[HasilTtd] = []
    try:
        cocok = manifes.periksa(folder)
    except ArsipTidakCocok as exc:
        masalah += exc.masalah
    try:
        ttd = periksa_tanda_tangan(folder)
    except ArsipTidakCocok as exc:
        masalah += exc.masalah
    if masalah:
        raise ArsipTidakCocok(masalah)
    return cocok, ttd


def periksa_tanda_tangan(folder: Path) -> list[HasilTtd]:
    """Every signature of every signed PDF in folder; ArsipTidakCocok names each one not intact."""
    hasil = [h for p in sorted(folder.glob("*.pdf")) for h in periksa_pdf(p)]
    rusak = [
        Masalah(
            f"tanda tangan elektronik tidak utuh: PDF berubah sesudah ditandatangani (penanda tangan: {h.penanda})",
            berkas=h.berkas,
            saran="pakai salinan asli yang ditandatangani, atau tandatangani ulang",
        )
        for h in hasil
        if not h.utuh
    ]
    if rusak:
        raise ArsipTidakCocok(rusak)
    return hasil


def periksa_pdf(pdf: Path) -> list[HasilTtd]:
    """The signatures of one PDF (none for an unsigned one); a PDF that cannot be read is not intact."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        with open(pdf, "rb") as f:
            tanda = list(PdfFileReader(io.BytesIO(f.read()), strict=False).embedded_signatures)
    except Exception:  # a damaged PDF fails in many ways in the parser
        tanda = None
    if tanda is None:
        return [HasilTtd(pdf, "tidak diketahui (PDF tidak dapat dibaca)", None, False)] * pdf.name.endswith(AKHIRAN)
    return [_periksa_satu(pdf, t) for t in tanda]


@contextmanager
def _tanpa_log() -> Iterator[None]:
    """pyHanko logs every untrusted certificate with a traceback; the verdict is ours to say."""
    pencatat = [logging.getLogger(n) for n in ("pyhanko", "pyhanko_certvalidator")]
    semula = [c.level for c in pencatat]
    for c in pencatat:
        c.setLevel(logging.CRITICAL + 1)  # children inherit the level (not the disabled flag)
    try:
        yield
    finally:
        for c, tingkat in zip(pencatat, semula):
            c.setLevel(tingkat)


def _periksa_satu(pdf: Path, tanda: Any) -> HasilTtd:
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    subjek = tanda.signer_cert.subject
    nama = subjek.native.get("common_name") or subjek.human_friendly
    try:
        with _tanpa_log():
            status = validate_pdf_signature(tanda, ValidationContext(trust_roots=[], allow_fetching=False))
    except Exception:  # a tampered signature value fails in the CMS parser as well as in validation
        return HasilTtd(pdf, nama, None, False)
    utuh = status.intact and status.valid and status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    return HasilTtd(pdf, nama, status.signer_reported_dt, bool(utuh))
