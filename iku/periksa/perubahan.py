"""Drafting warnings of an amending decree: every indicator that changed says why."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..galat import ConfigError, Masalah
from ..konfigurasi import Bacaan, muat_semula
from ..naskah.matriks import alasan, iku_berubah


def alasan_perubahan(n: Bacaan) -> Iterator[Masalah]:
    """With [perubahan].semula, a row added or changed without alasan_perubahan (a removed one
    without its alasan_hapus) leaves the matrix's Alasan column empty."""
    from .naskah import peringatan  # the module of the drafting rules imports this one

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
