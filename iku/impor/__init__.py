"""`iku impor`: last year's Word decree (and its lampiran) read back into a config.

    buka (.docx as is; .doc/.odt/.rtf through LibreOffice)
      -> baca (body in order: paragraphs, tables, Word numbering, page size, font)
      -> kenali (kop, title, lists, signature, IKU rows; what looked wrong)
      -> tulis (a commented config; what was not found marked "ISI: ...")

Nothing is written when the source is not a decree or NEWFILE already exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..galat import ImporError, Masalah
from .berkas import buka
from .kenali import kenali, sumber
from .lembar import HasilTabel, baca_tabel
from .tulis import susun

__all__ = ["HasilTabel", "Laporan", "impor", "impor_tabel"]


@dataclass(frozen=True)
class Laporan:
    """What the import did: the file written, what it found, what must still be filled, what looked wrong."""

    tujuan: Path
    ditemukan: list[str]
    kurang: list[str]
    janggal: list[Masalah]
    jumlah_iku: int
    ringkasan: list[str]
    logo: Path | None = None


def impor(keputusan: Path, lampiran: Path | None, tujuan: Path) -> Laporan:
    """Read the decree (and lampiran), write the config to tujuan (never over an existing file)."""
    _pastikan_baru(tujuan)
    asal_k = sumber(keputusan, buka(keputusan))
    asal_l = sumber(lampiran, buka(lampiran)) if lampiran is not None else None
    temuan = kenali(asal_k, asal_l)
    logo = _tulis_logo(tujuan, temuan.logo)
    if logo is not None:
        temuan.nilai["instansi.logo"] = logo.name
    teks, kurang = susun(temuan.nilai, temuan.iku, temuan.tebakan)
    _tulis_baru(tujuan, teks.encode("utf-8"), logo)
    ditemukan = sorted(temuan.nilai)
    return Laporan(tujuan, ditemukan, kurang, temuan.janggal, len(temuan.iku), ringkas(temuan.nilai, temuan.iku), logo)


def impor_tabel(tabel: Path, tujuan: Path, dasar: Path | None = None) -> HasilTabel:
    """IKU rows of a spreadsheet into a new config at tujuan (never over an existing file); BASE's
    other sections kept when dasar is given."""
    _pastikan_baru(tujuan)
    hasil = baca_tabel(tabel, dasar)
    _tulis_baru(tujuan, hasil.teks.encode("utf-8"), None)
    return hasil


def ringkas(nilai: dict[str, Any], iku: list[dict[str, Any]]) -> list[str]:
    """What was found, one short line per part of the decree."""

    def kunci(tabel: str) -> str:
        ada = [k.split(".", 1)[1] for k in nilai if k.startswith(f"{tabel}.") and not isinstance(nilai[k], list)]
        return ", ".join(ada) or "tidak ada"

    jumlah = {nama: len(nilai.get(f"keputusan.{kunci_daftar}", [])) for kunci_daftar, nama in DAFTAR.items()}
    sasaran = sum(1 for i, b in enumerate(iku) if i == 0 or b.get("sasaran") != iku[i - 1].get("sasaran"))
    return [
        f"kop: {kunci('instansi')}",
        f"penandatangan: {kunci('penandatangan')}",
        f"keputusan: {kunci('keputusan')}" + (f", tahun {nilai['tahun']}" if "tahun" in nilai else ""),
        ", ".join(f"{n} {nama}" for nama, n in jumlah.items()),
        f"{len(iku)} baris IKU dalam {sasaran} kelompok sasaran",
        f"format: {_format(nilai)}",
    ]


def _format(nilai: dict[str, Any]) -> str:
    return ", ".join(f"{k[7:]} {v}" for k, v in nilai.items() if k.startswith("format.")) or "tidak ada"


DAFTAR = {"menimbang": "menimbang", "mengingat": "mengingat", "memutuskan": "diktum", "tembusan": "tembusan"}


def _pastikan_baru(tujuan: Path) -> None:
    if tujuan.exists():
        raise ImporError(
            Masalah(
                "berkas tujuan sudah ada dan tidak ditimpa",
                berkas=tujuan,
                saran="pilih nama lain untuk --to, atau pindahkan berkas itu dahulu",
            )
        )
    if not tujuan.parent.is_dir():
        raise ImporError(
            Masalah(
                "folder berkas tujuan tidak ada",
                berkas=tujuan,
                saran="buat foldernya dahulu atau pilih folder lain untuk --to",
            )
        )


def _tulis_logo(tujuan: Path, logo: tuple[bytes, str] | None) -> Path | None:
    """The kop's emblem beside the new config (only when no file of that name exists)."""
    if logo is None:
        return None
    path = tujuan.with_name(f"{tujuan.stem}-logo.{logo[1]}")
    try:
        with path.open("xb") as berkas:
            berkas.write(logo[0])
    except OSError:
        return None
    return path


def _tulis_baru(tujuan: Path, isi: bytes, logo: Path | None) -> None:
    try:
        with tujuan.open("xb") as berkas:
            berkas.write(isi)
    except OSError as exc:
        if logo is not None:
            logo.unlink(missing_ok=True)
        raise ImporError(
            Masalah(
                f"berkas tujuan tidak dapat ditulis ({exc.strerror})",
                berkas=tujuan,
                saran="periksa bahwa foldernya ada dan boleh ditulisi",
            )
        ) from None
