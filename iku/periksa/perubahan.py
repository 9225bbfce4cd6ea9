"""Drafting warnings of an amending decree: every indicator that changed says why."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..galat import ConfigError, Masalah
from ..konfigurasi import Bacaan, muat_semula
from ..naskah.matriks import alasan, iku_berubah
from .temuan import peringatan


def alasan_perubahan(n: Bacaan) -> Iterator[Masalah]:
    """With [perubahan].semula, a row added or changed without alasan_perubahan (a removed one
    without its alasan_hapus) leaves the matrix's Alasan column empty."""
    p = n.config.perubahan
    if p is None or p.semula is None:
        return
    try:
        lama = muat_semula(Path(p.semula))
    except ConfigError:
        return  # loading already reported it
    for satu in iku_berubah(lama.iku, n.config.iku):
        if alasan(satu, p):
            continue
        if satu.baru is not None and satu.posisi_baru is not None:
            yield peringatan(
                n,
                ("iku", satu.posisi_baru, "indikator"),
                f'"{satu.baru.indikator}" {"ditambah" if satu.lama is None else "diubah"} '
                "tanpa alasan_perubahan (kolom Alasan matriks perubahan kosong)",
                'tambahkan alasan_perubahan = "..." pada blok [[iku]] ini',
            )
        elif satu.lama is not None:
            yield peringatan(
                n,
                ("perubahan", "alasan_hapus"),
                f'"{satu.lama.indikator}" dihapus tanpa alasan (kolom Alasan matriks perubahan kosong)',
                f'tulis di [perubahan]: alasan_hapus = {{ "{satu.lama.indikator}" = "..." }}',
            )


JUDUL_PERUBAHAN = re.compile(r"^\s*perubahan\b.{0,40}?\batas\s+keputusan\b", re.I)


def perubahan_diketik(n: Bacaan) -> Iterator[Masalah]:
    """A decree titled "Perubahan atas Keputusan ..." by hand, without [perubahan]: its Mengingat,
    Menimbang, diktum and archive are then those of an original decree."""
    if n.config.perubahan is None and JUDUL_PERUBAHAN.match(n.config.keputusan.tentang):
        yield peringatan(
            n,
            ("keputusan", "tentang"),
            'judul keputusan ini "Perubahan atas Keputusan ...", tetapi tabel [perubahan] tidak ada',
            "tambahkan [perubahan] dengan nomor, tanggal dan tentang keputusan yang diubah "
            "(docs/perubahan.md): judul, Mengingat, Menimbang dan diktum perubahan lalu disusun program",
        )


def semula_keputusan_yang_diubah(n: Bacaan) -> Iterator[Masalah]:
    """The first amendment's semula should be the config of the decree [perubahan] names."""
    p = n.config.perubahan
    if p is None or p.semula is None or p.ke != 1:
        return
    try:
        lama = muat_semula(Path(p.semula))
    except ConfigError:
        return
    if lama.perubahan is None and lama.keputusan.nomor != p.nomor:
        yield peringatan(
            n,
            ("perubahan", "semula"),
            f"berkas semula adalah keputusan nomor {lama.keputusan.nomor}, "
            f"padahal [perubahan] mengubah keputusan nomor {p.nomor}",
            "sebut konfigurasi keputusan yang diubah, atau perbaiki perubahan.nomor",
        )
