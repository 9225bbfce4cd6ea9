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
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .galat import ArsipError, Masalah

AWALAN_SEMENTARA = ".sedang-ditulis-"
AWALAN_SIAP = ".siap-"


# A year's folder also holds archives of their own, each with its own manifest: the amendments of
# its decree (T/perubahan-<ke>/) and its quarterly reports (T/triwulan-<N>/); they (their replaced
# copies, their staging folders) are no file of T's own set.
AWALAN_PERUBAHAN = "perubahan-"
AWALAN_TRIWULAN = "triwulan-"
BAGIAN_SUBARSIP = re.compile(
    rf"^\.?(?:sedang-ditulis-|siap-)?(?:{AWALAN_PERUBAHAN}\d+|{AWALAN_TRIWULAN}[1-4])(?:[.-].*)?$"
)


def slug(teks: str) -> str:
    """An archive's file and folder names from a name: dinas-sosial-kabupaten-buleleng (ASCII,
    lowercase, safe in any file system)."""
    ascii_ = unicodedata.normalize("NFKD", teks).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")[:80].strip("-") or "instansi"


def folder_tahun(output: Path, tahun: int, ke: int | None = None) -> Path:
    """output/2023, or output/2023/perubahan-1 for the first amendment of that year's decree."""
    return output / str(tahun) / f"{AWALAN_PERUBAHAN}{ke}" if ke else output / str(tahun)


def folder_perubahan(folder: Path) -> list[Path]:
    """The amendments archived inside a year's folder, in order of ke."""
    return sorted(
        (p for p in folder.iterdir() if p.is_dir() and re.fullmatch(rf"{AWALAN_PERUBAHAN}\d+", p.name)),
        key=lambda p: int(p.name[len(AWALAN_PERUBAHAN) :]),
    )


def folder_triwulan(folder: Path) -> list[Path]:
    """The quarterly archives inside a year's folder (triwulan-1 ... triwulan-4)."""
    return sorted(p for p in folder.glob(f"{AWALAN_TRIWULAN}[1-4]") if p.is_dir())


def subarsip(folder: Path) -> list[Path]:
    """Every archive of its own inside a year's folder: the amendments, then the quarters."""
    return [*folder_perubahan(folder), *folder_triwulan(folder)]


def bukan_isi_tahun(relatif: str) -> bool:
    """True for a path (relative to a year's folder) that belongs to one of its own archives."""
    return bool(BAGIAN_SUBARSIP.match(relatif.split("/", 1)[0]))


def nama_arsip(tahun: int, ke: int | None) -> str:
    return f"tahun {tahun}" + (f" perubahan ke-{ke}" if ke else "")


def periksa_boleh_tulis(output: Path, tahun: int, force: bool, ke: int | None = None) -> None:
    """Refuse before any work when the year (or amendment) exists and --force was not given."""
    tujuan = folder_tahun(output, tahun, ke)
    periksa_boleh_tulis_folder(tujuan.parent, tujuan.name, nama_arsip(tahun, ke), force)


def periksa_boleh_tulis_folder(induk: Path, nama: str, uraian: str, force: bool) -> None:
    """Refuse before any work when induk/nama (an archive described by uraian) exists, without force."""
    tujuan = induk / nama
    if tujuan.exists() and not force:
        raise ArsipError(
            Masalah(
                f"arsip {uraian} sudah ada dan tidak ditimpa",
                berkas=tujuan,
                saran="pakai --force untuk menggantinya (arsip lama disimpan dengan nama bertanggal), "
                "atau pilih --output lain",
            )
        )


@contextmanager
def tulis_tahun(output: Path, tahun: int, force: bool, ke: int | None = None) -> Iterator[Path]:
    """Yield a staging folder; on success it becomes output/<tahun> (or its perubahan-<ke>),
    on failure it vanishes. A year made again keeps the archives of its own it holds (amendments,
    quarters): they are copied into the new set before the swap; the old year is kept whole."""
    tujuan = folder_tahun(output, tahun, ke)
    with tulis_folder(tujuan.parent, tujuan.name, nama_arsip(tahun, ke), force) as sementara:
        yield sementara
        if ke is None and tujuan.is_dir():
            bawa_subarsip(tujuan, sementara)


def bawa_subarsip(lama: Path, baru: Path) -> None:
    """Copy a year's archives of their own (each amendment, each quarter) into its new set."""
    for folder in subarsip(lama):
        if not (baru / folder.name).exists():
            shutil.copytree(folder, baru / folder.name, copy_function=shutil.copy2)


@contextmanager
def tulis_folder(output: Path, nama: str, uraian: str, force: bool) -> Iterator[Path]:
    """Yield a staging folder; on success it becomes output/<nama> (the old one kept with force),
    on failure it vanishes. A year is output/2023; a quarter output/2023/triwulan-3."""
    periksa_boleh_tulis_folder(output, nama, uraian, force)
    dibuat = buat_folder(output)
    try:
        bersihkan_sisa(output)
        sementara = Path(tempfile.mkdtemp(prefix=f"{AWALAN_SEMENTARA}{nama}-{os.getpid()}-", dir=output))
    except OSError as exc:
        _hapus_kosong(dibuat)
        raise ArsipError(Masalah(f"folder arsip tidak dapat ditulis ({exc.strerror})", berkas=output)) from None
    try:
        yield sementara
        os.chmod(sementara, 0o777 & ~_umask())  # mkdtemp makes 0700; colleagues must read the archive
        pasang(sementara, output / nama, force)
    except BaseException:
        shutil.rmtree(sementara, ignore_errors=True)
        _hapus_kosong(dibuat)
        raise


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
            # <nama>-<pid>-<mkdtemp's letters>: the name may hold "-" (triwulan-3), the letters never do
            nama, _, sisa = folder.name[len(awalan) :].rpartition("-")
            nama, _, pid = nama.rpartition("-")
            if not nama or not pid.isdigit() or proses_hidup(int(pid)):
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
