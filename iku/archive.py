"""The per-year archive: write into a staging folder, move into place only when complete.

An existing year is never replaced unless asked (`force`), and then the old folder is
kept beside the new one under a dated name. A run that dies leaves at most a hidden
staging folder, which the next run removes once its process is gone.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import ArsipError, Masalah

AWALAN_SEMENTARA = ".sedang-ditulis-"


def folder_tahun(output: Path, tahun: int) -> Path:
    return output / str(tahun)


def periksa_boleh_tulis(output: Path, tahun: int, force: bool) -> None:
    """Refuse before any work when the year exists and --force was not given."""
    tujuan = folder_tahun(output, tahun)
    if tujuan.exists() and not force:
        raise ArsipError(Masalah(
            f"arsip tahun {tahun} sudah ada dan tidak ditimpa", berkas=tujuan,
            saran="pakai --force untuk menggantinya (arsip lama disimpan dengan nama bertanggal), "
                  "atau pilih --output lain"))


@contextmanager
def tulis_tahun(output: Path, tahun: int, force: bool) -> Iterator[Path]:
    """Yield a staging folder; on success it becomes output/<tahun>, on failure it vanishes."""
    periksa_boleh_tulis(output, tahun, force)
    output_baru = not output.exists()
    output.mkdir(parents=True, exist_ok=True)
    bersihkan_sisa(output)
    sementara = Path(tempfile.mkdtemp(prefix=f"{AWALAN_SEMENTARA}{tahun}-{os.getpid()}-", dir=output))
    try:
        yield sementara
        pasang(sementara, folder_tahun(output, tahun))
    except BaseException:
        shutil.rmtree(sementara, ignore_errors=True)
        if output_baru and not any(output.iterdir()):
            output.rmdir()
        raise


def pasang(sementara: Path, tujuan: Path) -> Path | None:
    """Move the finished folder into place; return where the replaced year was kept."""
    cadangan = None
    if tujuan.exists():
        cadangan = nama_cadangan(tujuan)
        tujuan.rename(cadangan)
    sementara.rename(tujuan)
    return cadangan


def nama_cadangan(tujuan: Path) -> Path:
    """2023.diganti-20261128-041500, with a counter if that exists already."""
    cap = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    calon = tujuan.with_name(f"{tujuan.name}.diganti-{cap}")
    nomor = 2
    while calon.exists():
        calon = tujuan.with_name(f"{tujuan.name}.diganti-{cap}-{nomor}")
        nomor += 1
    return calon


def bersihkan_sisa(output: Path) -> None:
    """Remove staging folders left by runs whose process no longer exists."""
    for folder in output.glob(f"{AWALAN_SEMENTARA}*"):
        bagian = folder.name[len(AWALAN_SEMENTARA):].split("-")
        if len(bagian) >= 2 and bagian[1].isdigit() and not _hidup(int(bagian[1])):
            shutil.rmtree(folder, ignore_errors=True)


def _hidup(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
