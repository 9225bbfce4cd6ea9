"""The per-year archive: write into a staging folder, move into place only when complete.

An existing year is never replaced unless asked (`force`), and then the old folder is
kept beside the new one under a dated name. A run that dies, even by SIGKILL, leaves at
most a hidden staging folder, which the next run tidies once that process is gone.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .galat import ArsipError, Masalah

AWALAN_SEMENTARA = ".sedang-ditulis-"
AWALAN_SIAP = ".siap-"


# An amendment of year T lives inside T's folder, as T/perubahan-<ke>/ with its own manifest;
# it (its replaced copies, its staging folders) is no file of T's own set.
AWALAN_PERUBAHAN = "perubahan-"
BAGIAN_PERUBAHAN = re.compile(rf"^\.?(?:sedang-ditulis-|siap-)?{AWALAN_PERUBAHAN}\d+(?:[.-].*)?$")


def folder_tahun(output: Path, tahun: int, ke: int | None = None) -> Path:
    """output/2023, or output/2023/perubahan-1 for the first amendment of that year's decree."""
    return output / str(tahun) / f"{AWALAN_PERUBAHAN}{ke}" if ke else output / str(tahun)


def folder_perubahan(folder: Path) -> list[Path]:
    """The amendments archived inside a year's folder, in order of ke."""
    return sorted(
        (p for p in folder.iterdir() if p.is_dir() and re.fullmatch(rf"{AWALAN_PERUBAHAN}\d+", p.name)),
        key=lambda p: int(p.name[len(AWALAN_PERUBAHAN) :]),
    )


def bukan_isi_tahun(relatif: str) -> bool:
    """True for a path (relative to a year's folder) that belongs to one of its amendments."""
    return bool(BAGIAN_PERUBAHAN.match(relatif.split("/", 1)[0]))


def nama_arsip(tahun: int, ke: int | None) -> str:
    return f"tahun {tahun}" + (f" perubahan ke-{ke}" if ke else "")


def periksa_boleh_tulis(output: Path, tahun: int, force: bool, ke: int | None = None) -> None:
    """Refuse before any work when the year (or amendment) exists and --force was not given."""
    tujuan = folder_tahun(output, tahun, ke)
    if tujuan.exists() and not force:
        raise ArsipError(
            Masalah(
                f"arsip {nama_arsip(tahun, ke)} sudah ada dan tidak ditimpa",
                berkas=tujuan,
                saran="pakai --force untuk menggantinya (arsip lama disimpan dengan nama bertanggal), "
                "atau pilih --output lain",
            )
        )


@contextmanager
def tulis_tahun(output: Path, tahun: int, force: bool, ke: int | None = None) -> Iterator[Path]:
    """Yield a staging folder; on success it becomes output/<tahun> (or its perubahan-<ke>),
    on failure it vanishes."""
    periksa_boleh_tulis(output, tahun, force, ke)
    tujuan = folder_tahun(output, tahun, ke)
    induk = tujuan.parent  # staged beside its place, so the final rename stays on one file system
    dibuat = buat_folder(induk)
    try:
        bersihkan_sisa(induk)
        sementara = Path(tempfile.mkdtemp(prefix=f"{AWALAN_SEMENTARA}{tujuan.name}-{os.getpid()}-", dir=induk))
    except OSError as exc:
        _hapus_kosong(dibuat)
        raise ArsipError(Masalah(f"folder arsip tidak dapat ditulis ({exc.strerror})", berkas=induk)) from None
    try:
        yield sementara
        os.chmod(sementara, 0o777 & ~_umask())  # mkdtemp makes 0700; colleagues must read the archive
        cadangan = pasang(sementara, tujuan, force)
    except BaseException:
        shutil.rmtree(sementara, ignore_errors=True)
        _hapus_kosong(dibuat)
        raise
    if cadangan is not None and ke is None:
        bawa_perubahan(cadangan, tujuan)


def bawa_perubahan(lama: Path, baru: Path) -> None:
    """A year made again keeps its amendments: they move from the replaced set into the new one
    (each is a decree of its own, with its own manifest, not part of the set that was replaced)."""
    for folder in folder_perubahan(lama):
        if not (baru / folder.name).exists():
            folder.rename(baru / folder.name)


def buat_folder(output: Path) -> list[Path]:
    """Create output and its missing parents; return those created (deepest first)."""
    baru = [p for p in [output, *output.parents] if not p.exists()]
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _hapus_kosong(baru)
        raise ArsipError(
            Masalah(
                f"folder arsip tidak dapat dibuat ({exc.strerror})",
                berkas=output,
                saran="pilih --output sebuah folder yang boleh ditulis",
            )
        ) from None
    return baru


def _hapus_kosong(folder: list[Path]) -> None:
    """Remove folders this run created, deepest first, as long as they are empty."""
    for f in folder:
        try:
            f.rmdir()
        except OSError:
            return


def _umask() -> int:
    nilai = os.umask(0)
    os.umask(nilai)
    return nilai


def pasang(sementara: Path, tujuan: Path, force: bool = True) -> Path | None:
    """Move the finished folder into place; return where the replaced year was kept.

    The complete set is first renamed `.siap-...` (so a sweep never deletes it), then
    swapped with the old year in one atomic exchange where the system allows it: at
    every instant output/<tahun> is either the whole old set or the whole new one.
    """
    _sinkron(sementara)
    siap = sementara.with_name(AWALAN_SIAP + sementara.name[len(AWALAN_SEMENTARA) :])
    sementara.rename(siap)
    if not tujuan.exists() or not force:
        _pasang_baru(siap, tujuan)
        return None
    cadangan = nama_cadangan(tujuan)
    if _tukar(siap, tujuan):
        siap.rename(cadangan)
    else:  # no atomic exchange here: two renames, the old set is kept either way
        tujuan.rename(cadangan)
        siap.rename(tujuan)
    _sinkron_folder(tujuan.parent)
    return cadangan


def _pasang_baru(siap: Path, tujuan: Path) -> None:
    """Install where no year exists; if another run installed it meanwhile, refuse (no --force)."""
    try:
        if tujuan.exists():
            raise FileExistsError
        siap.rename(tujuan)  # onto a non-empty folder this fails: never a silent replace
    except OSError:
        shutil.rmtree(siap, ignore_errors=True)
        raise ArsipError(
            Masalah(
                f"arsip tahun {tujuan.name} dibuat oleh proses lain selama run ini",
                berkas=tujuan,
                saran="jalankan lagi dengan --force bila memang hendak mengganti",
            )
        ) from None
    _sinkron_folder(tujuan.parent)


def _tukar(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2 RENAME_EXCHANGE); False when unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def _sinkron(folder: Path) -> None:
    """Flush every file to disk before the rename makes the set visible."""
    for berkas in folder.rglob("*"):
        if berkas.is_file():
            with open(berkas, "rb") as f:
                os.fsync(f.fileno())
    _sinkron_folder(folder)


def _sinkron_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


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
    """Tidy what runs that were killed left behind (only runs whose process is gone).

    A half-written staging folder is removed; a complete one (`.siap-`, killed during the
    final swap) may hold either set, so it is kept under a dated name, never deleted.
    """
    for awalan in (AWALAN_SEMENTARA, AWALAN_SIAP):
        for folder in output.glob(f"{awalan}*"):
            bagian = folder.name[len(awalan) :].rsplit("-", 2)  # <folder>-<pid>-<random, without "-">
            if len(bagian) != 3:
                continue
            nama, pid, _ = bagian  # nama: the year (or perubahan-<ke>) it was to become
            if not pid.isdigit() or proses_hidup(int(pid)):
                continue
            if awalan == AWALAN_SEMENTARA:
                shutil.rmtree(folder, ignore_errors=True)
            else:
                folder.rename(nama_cadangan(output / nama))


def proses_hidup(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
