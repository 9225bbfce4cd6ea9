"""What is archived under an output folder: each year, its nomor, when it was made, its files,
and whether it still matches its manifest (`iku arsip`); `iku verify` of one archive (its hashes and
signatures) or of every year under an output folder.

When a year was generated is the modification time of its MANIFEST.json, the last file a
run writes: the manifest itself holds no clock time, so the same input keeps giving the
same bytes. A copy that does not keep times (plain `cp`) shows when it was copied.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import manifes
from .arsip import bukan_isi_tahun, folder_perubahan, folder_triwulan, subarsip
from .galat import ArsipError, ArsipTidakCocok, ConfigError, IkuError, Masalah
from .konfigurasi import baca_toml
from .periksa_manifes import periksa as periksa_manifes

if TYPE_CHECKING:
    from .periksa_ttd import HasilTtd


@dataclass(frozen=True)
class TahunArsip:
    """One archived year as `iku arsip` shows it."""

    tahun: str
    folder: Path
    nomor: str | None
    dibuat: dt.datetime | None
    berkas: list[str]
    masalah: list[Masalah] = field(default_factory=list)
    triwulan: list[TahunArsip] = field(default_factory=list)  # its quarterly archives (triwulan-N)

    @property
    def utuh(self) -> bool:
        return not self.masalah and all(t.utuh for t in self.triwulan)


def folder_tahun(output: Path) -> list[Path]:
    """output/2023, output/2024 ... (four-digit folders; replaced years '2023.diganti-...' are not years)."""
    if not output.is_dir():
        raise ArsipError(
            Masalah(
                "folder arsip tidak ada",
                berkas=output,
                saran="sebut folder --output yang dipakai saat generate, misalnya output",
            )
        )
    return sorted(p for p in output.iterdir() if p.is_dir() and re.fullmatch(r"\d{4}", p.name))


def ringkas(folder: Path, tahun: str | None = None) -> TahunArsip:
    """One year's (or one amendment's: tahun '2023/perubahan-1') summary; a damaged one is
    reported, never an exception."""
    berkas = sorted(
        r for p in folder.rglob("*") if p.is_file() and not bukan_isi_tahun(r := p.relative_to(folder).as_posix())
    )
    try:
        periksa_manifes(folder)
        masalah: list[Masalah] = []
    except IkuError as exc:
        masalah = exc.masalah
    nama = tahun or folder.name
    triwulan = [ringkas(f, f"{nama}/{f.name}") for f in folder_triwulan(folder)]
    return TahunArsip(nama, folder, _nomor(folder, nama.split("/")[0]), _dibuat(folder), berkas, masalah, triwulan)


def daftar(output: Path) -> list[TahunArsip]:
    """Every archived year under output, oldest first, each followed by its amendments
    (a year folder that holds only amendments is not listed as a broken year)."""
    return [
        ringkasan
        for f in folder_tahun(output)
        for ringkasan in [
            *([ringkas(f)] if ada_isi_sendiri(f) else []),
            *(ringkas(p, f"{f.name}/{p.name}") for p in folder_perubahan(f)),
        ]
    ]


def ada_isi_sendiri(folder: Path) -> bool:
    """Whether a year's folder holds a set of its own, not only amendments archived inside it."""
    return any(not bukan_isi_tahun(p.name) for p in folder.iterdir()) or not folder_perubahan(folder)


def sebuah_arsip(folder: Path) -> list[Path]:
    """The archives a year's folder holds: its own set (when it has one), each amendment, each quarter."""
    return [*([folder] if ada_isi_sendiri(folder) else []), *subarsip(folder)]


def _nomor(folder: Path, tahun: str) -> str | None:
    """The decree's nomor from the archived config (read, not validated: an old year may predate a rule)."""
    salinan = folder / f"konfigurasi-{tahun}.toml"
    try:
        nomor = (baca_toml(salinan).data.get("keputusan") or {}).get("nomor")
    except ConfigError:
        return None
    return nomor if isinstance(nomor, str) else None


def _dibuat(folder: Path) -> dt.datetime | None:
    path = folder / manifes.NAMA
    return dt.datetime.fromtimestamp(path.stat().st_mtime) if path.is_file() else None


def verifikasi(folder: Path) -> list[tuple[Path, list[str], list[Any]]]:
    """Verify one year's folder, or every year under an output folder: (folder, files matching,
    signatures checked) each, or ArsipTidakCocok naming every difference of every year."""
    tahun = folder_tahun(folder)
    if (folder / manifes.NAMA).is_file() or not tahun:
        satu = [folder] if bukan_isi_tahun(folder.name) else sebuah_arsip(folder)
    else:
        satu = [g for f in tahun for g in sebuah_arsip(f)]
    if len(satu) == 1:
        return [(satu[0], *periksa_arsip(satu[0]))]
    hasil, masalah = [], []
    for f in satu:
        try:
            hasil.append((f, *periksa_arsip(f)))
        except IkuError as exc:
            masalah += exc.masalah
    if masalah:
        raise ArsipTidakCocok(masalah)
    return hasil


def periksa_arsip(folder: Path) -> tuple[list[str], list[HasilTtd]]:
    """`iku verify` of one archive: hashes against the manifest and every signature, all problems
    reported together."""
    from .periksa_ttd import periksa_tanda_tangan  # pyHanko loads only when a check needs it

    masalah: list[Masalah] = []
    cocok: list[str] = []
    ttd: list[HasilTtd] = []
    try:
        cocok = periksa_manifes(folder)
    except ArsipTidakCocok as exc:
        masalah += exc.masalah
    try:
        ttd = periksa_tanda_tangan(folder)
    except ArsipTidakCocok as exc:
        masalah += exc.masalah
    if masalah:
        raise ArsipTidakCocok(masalah)
    return cocok, ttd
