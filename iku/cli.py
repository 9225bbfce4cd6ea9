"""Command line (click only): parse options, call the core, show errors exactly once."""

from __future__ import annotations

import os
import re
import signal
import sys
import textwrap
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import click

from . import __version__, daftar_arsip, templat_bawaan
from .beda import Perubahan, beda, kata_berbeda
from .buat import TEMPLAT_BAWAAN, Permintaan, generate
from .capaian import KOSONG, Capaian, ikhtisar, tabel_capaian, teks_capaian
from .draf_perubahan import perubahan
from .galat import ArsipTidakCocok, IkuError, Masalah, TandaTanganError
from .impor import impor
from .konfigurasi import baca, nilai_tahun_kurang
from .manifes import NAMA as NAMA_MANIFES
from .periksa.jalankan import periksa
from .periksa.naskah import periksa_naskah
from .periksa.temuan import Hasil
from .tahun_baru import Draf, tahun_baru
from .triwulan import LaporanTriwulan, kalimat, nama_triwulan, pastikan_lengkap
from .triwulan import laporan as laporan_triwulan


def _berhenti_dengan_rapi() -> None:
    """SIGTERM unwinds like Ctrl-C, so LibreOffice is stopped and the staging folder removed."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))


def pesan_pemakaian(exc: click.UsageError) -> str:
    """click's usage errors, said in Indonesian."""
    if isinstance(exc, click.NoSuchOption):
        mirip = f" Maksud Anda {' atau '.join(exc.possibilities)}?" if exc.possibilities else ""
        return f"opsi tidak dikenal: {exc.option_name}.{mirip}"
    if isinstance(exc, click.MissingParameter) and exc.param is not None:
        return f"{'/'.join(exc.param.opts).upper() if exc.param.param_type_name == 'argument' else '/'.join(exc.param.opts)} wajib diisi."
    if isinstance(exc, click.BadParameter) and exc.param is not None:
        return f"nilai {'/'.join(exc.param.opts)} tidak sah: {_jalur(exc.message)}"
    if "No such command" in exc.message:
        return f"perintah tidak dikenal: {exc.message.split(' ')[-1]}"
    return f"pemakaian salah: {exc.message}"


JALUR = [
    (r"(?:File|Directory|Path) '(.*)' does not exist\.", r"'\1' tidak ada."),
    (r"(?:Directory|Path) '(.*)' is a file\.", r"'\1' adalah berkas, bukan folder."),
    (r"(?:File|Path) '(.*)' is a directory\.", r"'\1' adalah folder, bukan berkas."),
    (r"(?:File|Directory|Path) '(.*)' is not (?:readable|writable)\.", r"'\1' tidak boleh dibaca atau ditulis."),
]


def _jalur(pesan: str) -> str:
    for pola, ganti in JALUR:
        if re.fullmatch(pola, pesan):
            return re.sub(pola, ganti, pesan)
    return pesan


# ---------------------------------------------------------------- help and errors in Indonesian

JUDUL_BANTUAN = {"Options": "Opsi", "Commands": "Perintah", "Arguments": "Argumen"}
METAVAR = {"FILE": "BERKAS", "DIRECTORY": "FOLDER", "PATH": "JALUR", "TEXT": "TEKS", "INTEGER": "BILANGAN"}
TAMBAHAN = {"default": "bawaan", "required": "wajib"}


class _Format(click.HelpFormatter):
    """click's help text with its own English words said in Indonesian."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix="Pemakaian: ")

    def write_heading(self, heading: str) -> None:
        super().write_heading(JUDUL_BANTUAN.get(heading, heading))

    def write_dl(self, rows, *args, **kwargs):
        super().write_dl([(_metavar(kiri), _tambahan(kanan)) for kiri, kanan in rows], *args, **kwargs)


def _metavar(opsi: str) -> str:
    return re.sub(r"\b(" + "|".join(METAVAR) + r")\b", lambda m: METAVAR[m.group(1)], opsi)


def _tambahan(teks: str) -> str:
    """'[default: output; required]' -> '[bawaan: output; wajib]' (only click's trailing bracket)."""

    def ganti(m: re.Match[str]) -> str:
        return "[" + re.sub(r"\b(default|required)\b", lambda k: TAMBAHAN[k.group(1)], m.group(1)) + "]"

    return re.sub(r"\[([^\[\]]*)\]$", ganti, teks)


class _Konteks(click.Context):
    formatter_class = _Format


PENGATURAN = {"help_option_names": ["-h", "--help"]}


class _Batas(click.Command):
    """The one error boundary (IkuError shown once with its kind's exit code, usage errors in
    Indonesian), for the `iku` group and for a command started alone (`python generate.py`)."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        _berhenti_dengan_rapi()
        try:
            return super().main(*args, standalone_mode=False, **kwargs)  # type: ignore[call-overload]
        except IkuError as exc:  # the one error boundary: shown once, exit code by kind
            click.echo(exc.uraian(), err=True)
            sys.exit(exc.kode)
        except click.exceptions.NoArgsIsHelpError as exc:  # plain `iku`: help, not an error
            click.echo(exc.ctx.get_help() if exc.ctx else exc.message)
            sys.exit(0)
        except click.UsageError as exc:
            perintah = exc.ctx.command_path if exc.ctx else "iku"  # what the user typed: iku check, python generate.py
            click.echo(f"Kesalahan pemakaian: {pesan_pemakaian(exc)}\nLihat: {perintah} --help", err=True)
            sys.exit(2)
        except click.Abort:
            click.echo("Dibatalkan.", err=True)
            sys.exit(130)


class _Perintah(_Batas, click.Command):
    """Every command: Indonesian help, -h as well as --help."""

    context_class = _Konteks

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[OPSI]")
        kwargs["context_settings"] = {**PENGATURAN, **(kwargs.get("context_settings") or {})}
        super().__init__(*args, **kwargs)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        opsi = super().get_help_option(ctx)
        if opsi is not None:
            opsi.help = "Tampilkan bantuan ini lalu keluar."
        return opsi


class _Grup(_Perintah, click.Group):
    """The `iku` group: its commands are _Perintah."""

    command_class = _Perintah

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("subcommand_metavar", "PERINTAH [ARGUMEN]...")
        super().__init__(*args, **kwargs)


@click.group(cls=_Grup)
@click.version_option(
    __version__, prog_name="iku", message="%(prog)s versi %(version)s", help="Tampilkan versi lalu keluar."
)
def main() -> None:
    """Dokumen Indikator Kinerja Utama (IKU) dari satu berkas TOML."""


OPSI_CONFIG = click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("config/iku.toml"),
    show_default=True,
    help="Berkas konfigurasi TOML.",
)
OPSI_TEMPLATES = click.option(
    "--templates",
    type=click.Path(path_type=Path, file_okay=False),
    default=TEMPLAT_BAWAAN,
    help="Folder templat DOCX milik instansi.",
)


def opsi_tujuan(bantuan: str, berkas: bool = True) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """--to: the new file (or folder) a command writes, never one that exists."""
    jenis = click.Path(path_type=Path, dir_okay=False) if berkas else click.Path(path_type=Path, file_okay=False)
    return click.option("--to", "tujuan", type=jenis, required=True, help=bantuan)


def opsi_pdf(bantuan: str = "Buat juga PDF/A setiap dokumen (perlu LibreOffice).") -> Callable[..., Any]:
    return click.option("--pdf", is_flag=True, help=bantuan)


def opsi_force(bantuan: str = "Ganti arsip tahun yang sudah ada; arsip lama tetap disimpan.") -> Callable[..., Any]:
    return click.option("--force", is_flag=True, help=bantuan)


def opsi_output(bantuan: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """--output: the archive folder (default output/), described for the command at hand."""
    return click.option(
        "--output",
        type=click.Path(path_type=Path, file_okay=False),
        default=Path("output"),
        show_default=True,
        help=bantuan,
    )


@main.command("generate")
@OPSI_CONFIG
@opsi_output("Folder arsip; dokumen ditulis ke OUTPUT/<tahun>/.")
@OPSI_TEMPLATES
@opsi_pdf()
@opsi_force()
def generate_cmd(config_path: Path, output: Path, templates: Path, pdf: bool, force: bool) -> None:
    """Buat set dokumen satu tahun: Keputusan, Lampiran, buku IKU, Perjanjian Kinerja (bila ada
    [perjanjian_kinerja]), Laporan Kinerja (LKjIP, bila ada [laporan_kinerja]), bundel tanda tangan.

    Peringatan tata naskah (seperti pada check) ditampilkan di stderr; dokumen tetap dibuat.
    """
    _tampil_jalur(generate(_permintaan(config_path, templates, output, force, pdf)))


def _permintaan(config_path: Path, templates: Path, output: Path, force: bool, pdf: bool) -> Permintaan:
    """generate's (or triwulan's) request; the drafting warnings first on stderr: not fatal, the clerk
    sees them and the documents are still made."""
    bacaan = baca(config_path)
    _tampil_masalah("PERINGATAN", periksa_naskah(bacaan), err=True)
    return Permintaan(bacaan, templates, output, force=force, pdf=pdf, kemajuan=_kemajuan())


def _tampil_jalur(jalur: list[Path]) -> None:
    """The files written, one a line (stdout: what a script reads)."""
    for path in jalur:
        click.echo(str(path))


def _tampil_masalah(jenis: str, daftar: Iterable[Masalah], err: bool = False) -> None:
    for m in daftar:
        click.echo(_satu_baris(jenis, m), err=err)


def di_terminal() -> bool:
    """Progress is for a person watching, not for a log or a pipe."""
    return sys.stderr.isatty()


def _kemajuan():
    """Each document as it is made, on stderr, only when stderr is a terminal."""
    if not di_terminal():
        return None
    return lambda pesan: click.echo(pesan, err=True)


# ---------------------------------------------------------------- yearly workflow


def _satu_baris(jenis: str, m: Masalah) -> str:
    """One problem on one line: kind, file and line, key, message, fix."""
    tempat = f"{m.berkas}" + (f":{m.baris}" if m.baris else "") if m.berkas else ""
    bagian = [f"{jenis}:", tempat, f"[{m.kunci}]" if m.kunci else "", m.pesan]
    teks = " ".join(b for b in bagian if b)
    return teks + (f" — perbaikan: {m.saran}" if m.saran else "")


@main.command("check")
@OPSI_CONFIG
@OPSI_TEMPLATES
@click.option("--strict", is_flag=True, help="Anggap peringatan tata naskah sebagai kesalahan (kode keluar 1).")
def check_cmd(config_path: Path, templates: Path, strict: bool) -> None:
    """Periksa konfigurasi dan templat tanpa menulis apa pun."""
    hasil = periksa(config_path, templates)
    _tampil_masalah("KESALAHAN", hasil.galat)
    _tampil_masalah("PERINGATAN", hasil.peringatan)
    click.echo(_ringkasan(hasil, config_path, strict))
    if hasil.gagal(strict):
        sys.exit(1)


def _ringkasan(hasil: Hasil, config_path: Path, strict: bool) -> str:
    if hasil.galat:
        return (
            f"{len(hasil.galat)} kesalahan, {len(hasil.peringatan)} peringatan: "
            "perbaiki kesalahan sebelum membuat dokumen."
        )
    if hasil.peringatan:
        lanjut = "dianggap gagal karena --strict" if strict else "dokumen tetap dapat dibuat"
        return f"{len(hasil.peringatan)} peringatan ({lanjut})."
    return f"OK: {config_path} dan templat siap dipakai, tanpa peringatan."


@main.command("new-year")
@OPSI_CONFIG
@opsi_tujuan("Berkas konfigurasi baru untuk tahun berikutnya (tidak boleh sudah ada).")
def new_year_cmd(config_path: Path, tujuan: Path) -> None:
    """Buat draf konfigurasi tahun berikutnya.

    Semua catatan (#) dipertahankan; nomor dan tanggal keputusan (juga tanggal Perjanjian
    Kinerja dan anggaran setiap program) ditandai "ISI:" dan harus diisi sebelum generate.
    Realisasi setiap program (angka tahun lalu) menjadi catatan bertanda "ISI:" untuk akhir tahun.
    """
    _tampil_draf(tahun_baru(config_path, tujuan), tujuan)


@main.command("perubahan")
@click.argument("lama", type=click.Path(path_type=Path))
@opsi_tujuan("Berkas konfigurasi keputusan perubahan (tidak boleh sudah ada).")
def perubahan_cmd(lama: Path, tujuan: Path) -> None:
    """Buat draf konfigurasi keputusan perubahan dari konfigurasi LAMA (berkasnya, atau folder arsip
    tahunnya, misalnya output/2023).

    Semua nilai dan catatan (#) dipertahankan; [perubahan] diisi dari keputusan lama; nomor
    dan tanggal keputusan perubahan ditandai "ISI:" dan harus diisi sebelum generate.
    """
    _tampil_draf(perubahan(lama, tujuan), tujuan)


def _tampil_draf(draf: Draf, tujuan: Path) -> None:
    """A draft written (new-year, perubahan): its notes, and what is still to fill."""
    click.echo(f"Draf ditulis: {tujuan}")
    for catatan in draf.catatan:
        click.echo(f"- {catatan}")
    click.echo("Masih harus diisi sebelum generate: " + ", ".join(draf.diisi))


@main.command("diff")
@click.argument("lama", type=click.Path(path_type=Path, exists=True))
@click.argument("baru", type=click.Path(path_type=Path, exists=True))
@click.option("--warna/--tanpa-warna", default=None, help="Paksa/matikan warna (bawaan: warna hanya di terminal).")
def diff_cmd(lama: Path, baru: Path, warna: bool | None) -> None:
    """Bandingkan dua konfigurasi, butir demi butir.

    LAMA dan BARU adalah berkas konfigurasi, misalnya arsip tahun lalu
    (output/2023/konfigurasi-2023.toml, atau folder output/2023) dan draf tahun ini.
    """
    perubahan = beda(lama, baru)
    if not perubahan:
        click.echo("Tidak ada perbedaan.")
        return
    click.echo(f"{len(perubahan)} perubahan dari {lama} ke {baru}:", color=warna)
    for p in perubahan:
        click.echo(_tampil_perubahan(p), color=warna)


JUDUL_PERUBAHAN = {
    "tambah": ("+", "ditambahkan", "green"),
    "hapus": ("-", "dihapus", "red"),
    "ubah": ("~", "diubah", "yellow"),
}


def _tampil_perubahan(p: Perubahan) -> str:
    tanda, kata, warna = JUDUL_PERUBAHAN[p.jenis]
    nama = p.kunci if p.label == p.kunci else f"{p.label} [{p.kunci}]"
    kepala = click.style(f"{tanda} {nama} {kata}", fg=warna, bold=True)
    if p.jenis == "ubah":
        lama, baru = kata_berbeda(p.lama or "", p.baru or "")
        return "\n".join([kepala, _baris_sisi("-", lama), _baris_sisi("+", baru)])
    isi = p.baru if p.jenis == "tambah" else p.lama
    return "\n".join([kepala, *(click.style(f"    {tanda} {b}", fg=warna) for b in (isi or "").splitlines())])


def _baris_sisi(tanda: str, potongan: list[tuple[str, str]]) -> str:
    gaya: dict[str, dict[str, Any]] = {
        "hapus": {"fg": "red", "bold": True, "strikethrough": True},
        "tambah": {"fg": "green", "bold": True, "underline": True},
    }
    teks = "".join(click.style(t, **gaya[j]) if j in gaya else t for j, t in potongan)
    return f"    {tanda} " + teks.replace("\n", "\n      ")


def _nomor_triwulan(_ctx: click.Context, _param: click.Parameter, nilai: str | None) -> int | None:
    """N of a quarter: 1 to 4, anything else a usage error (exit 2)."""
    if nilai is None:
        return None
    if nilai.strip() not in ("1", "2", "3", "4"):
        raise click.BadParameter(f"triwulan harus 1, 2, 3 atau 4 (tertulis {nilai})")
    return int(nilai)


@main.command("capaian")
@OPSI_CONFIG
@click.option(
    "--triwulan",
    "n",
    metavar="N",
    callback=_nomor_triwulan,
    help="Capaian triwulan N (1-4) dari target_triwulan dan realisasi_triwulan, seperti laporan triwulan.",
)
def capaian_cmd(config_path: Path, n: int | None) -> None:
    """Tampilkan capaian kinerja tahun ini (atau satu triwulan): target, realisasi, capaian (%), predikat.

    Nilai yang belum diisi (pemantauan tengah tahun) tercetak "-" dan disebut di bawah tabel.
    """
    bacaan = baca(config_path)
    if n is not None:
        pastikan_lengkap(bacaan, n)
        for b in tabel_triwulan(laporan_triwulan(bacaan.config, n), bacaan.config.instansi.nama):
            click.echo(b)
        return
    config = bacaan.config
    for baris in tabel_tahun(f"Capaian kinerja tahun {config.tahun}: {config.instansi.nama}", tabel_capaian(config)):
        click.echo(baris)
    kurang = nilai_tahun_kurang(config, bacaan.teks, bacaan.path)
    if kurang:
        click.echo(
            f"{len({m.kunci.split('.')[0] for m in kurang if m.kunci})} indikator belum dapat dihitung "
            f"(target atau realisasi tahun {config.tahun} belum diisi):"
        )
        _tampil_masalah("BELUM DIISI", kurang)


# ---------------------------------------------------------------- iku capaian: the terminal tables

LEBAR_INDIKATOR = 40  # the indicator column (the second) wraps here
KEPALA_CAPAIAN = ("No", "Indikator Kinerja", "Satuan", "Arah", "Target", "Realisasi", "Capaian (%)", "Predikat")
KEPALA_TRIWULAN = (
    "No",
    "Indikator Kinerja",
    "Satuan",
    "Target",
    "Realisasi",
    "Capaian (%)",
    "Predikat",
    "Thd. Tahun (%)",
)


def tabel_tahun(judul: str, daftar: list[Capaian]) -> list[str]:
    """The year's capaian as aligned text lines, then the counts."""
    isi = [[str(n), c.indikator, c.satuan, c.arah, *_teks_capaian(c)] for n, c in enumerate(daftar, start=1)]
    hasil = tabel_teks(judul, KEPALA_CAPAIAN, {0, 4, 5, 6}, isi)
    ik = ikhtisar(daftar)
    predikat = ", ".join(f"{nama} {jumlah}" for nama, jumlah in ik.per_predikat.items())
    hasil += [
        f"{ik.jumlah} indikator; {ik.tercapai} mencapai target (capaian 100% atau lebih).",
        f"Predikat: {predikat}.",
    ]
    nol = sum(1 for c in daftar if c.target == 0)
    if nol:
        hasil.append(f'{nol} indikator bertarget 0: capaian dan predikatnya tidak dapat dihitung ("-").')
    return hasil


def tabel_triwulan(lap: LaporanTriwulan, instansi: str) -> list[str]:
    """The quarter's capaian as aligned text lines, then the report's own narrative (its figures)."""
    isi = [
        [
            str(n),
            b.triwulan.indikator,
            b.triwulan.satuan,
            *_teks_capaian(b.triwulan),
            teks_capaian(b.tahunan.nilai) if b.tahunan else KOSONG,
        ]
        for n, b in enumerate(lap.baris, start=1)
    ]
    judul = f"Capaian kinerja {nama_triwulan(lap.n)} tahun {lap.tahun}: {instansi}"
    return tabel_teks(judul, KEPALA_TRIWULAN, {0, 3, 4, 5, 7}, isi) + kalimat(lap)


def _teks_capaian(c: Capaian) -> list[str]:
    teks = c.teks()
    return [teks[k] for k in ("target", "realisasi", "capaian", "predikat")]


def tabel_teks(judul: str, kepala: tuple[str, ...], kanan: set[int], isi: list[list[str]]) -> list[str]:
    """A titled table of text cells as aligned lines, ruled under the heading and at its end: the
    indicator column wraps at LEBAR_INDIKATOR, the columns in kanan (numbers) align right."""
    sel = [[[k] for k in kepala]]
    sel += [[textwrap.wrap(t, LEBAR_INDIKATOR) or [""] if k == 1 else [t] for k, t in enumerate(b)] for b in isi]
    lebar = [max(len(baris) for s in kolom for baris in s) for kolom in zip(*sel)]
    garis = "  ".join("-" * n for n in lebar)
    baris = [_baris_tabel(s, lebar, kanan) for s in sel]
    return [judul, "", *baris[0], garis, *(b for bs in baris[1:] for b in bs), garis]


def _baris_tabel(sel: list[list[str]], lebar: list[int], kanan: set[int]) -> list[str]:
    """One table row, several lines when a cell wraps; the columns in kanan right-aligned."""
    tinggi = max(len(s) for s in sel)
    return [
        "  ".join(
            (s[i] if i < len(s) else "").rjust(n) if k in kanan else (s[i] if i < len(s) else "").ljust(n)
            for k, (s, n) in enumerate(zip(sel, lebar))
        ).rstrip()
        for i in range(tinggi)
    ]


@main.command("triwulan")
@click.argument("n", metavar="N", callback=_nomor_triwulan)
@OPSI_CONFIG
@opsi_output("Folder arsip; laporan ditulis ke OUTPUT/<tahun>/triwulan-N/.")
@OPSI_TEMPLATES
@opsi_pdf("Buat juga PDF/A laporan (perlu LibreOffice).")
@opsi_force("Ganti laporan triwulan yang sudah ada; yang lama tetap disimpan.")
def triwulan_cmd(n: int, config_path: Path, output: Path, templates: Path, pdf: bool, force: bool) -> None:
    """Buat Laporan Pengukuran Kinerja triwulan N (1-4) di dalam arsip tahunnya."""
    from .buat_triwulan import buat

    _tampil_jalur(buat(_permintaan(config_path, templates, output, force, pdf), n))


@main.command("impor")
@click.argument("keputusan", type=click.Path(path_type=Path, exists=True, dir_okay=False), required=False)
@click.option(
    "--lampiran",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    default=None,
    help="Berkas Lampiran (bila tabel IKU tidak berada di berkas Keputusan).",
)
@click.option(
    "--tabel",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    default=None,
    help="Lembar kerja (.xlsx, .xls, .ods) berisi baris IKU, sebagai ganti KEPUTUSAN.",
)
@click.option(
    "--config",
    "dasar",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    default=None,
    help="Dengan --tabel: konfigurasi dasar yang bagian lainnya dipertahankan.",
)
@opsi_tujuan("Berkas konfigurasi baru (tidak boleh sudah ada).")
def impor_cmd(
    keputusan: Path | None, lampiran: Path | None, tabel: Path | None, dasar: Path | None, tujuan: Path
) -> None:
    """Buat konfigurasi dari Keputusan (dan Lampiran) tahun lalu, atau dari lembar kerja IKU (--tabel).

    KEPUTUSAN berupa .docx; .doc, .odt dan .rtf diubah dahulu dengan LibreOffice.
    Yang tidak ditemukan ditandai "ISI:" dan harus diisi sebelum generate.
    """
    if tabel is not None:
        if keputusan is not None or lampiran is not None:
            raise click.UsageError("--tabel tidak dipakai bersama KEPUTUSAN atau --lampiran.")
        _impor_tabel(tabel, tujuan, dasar)
        return
    if keputusan is None:
        raise click.UsageError("KEPUTUSAN atau --tabel wajib diisi.")
    if dasar is not None:
        raise click.UsageError("--config hanya dipakai bersama --tabel.")
    laporan = impor(keputusan, lampiran, tujuan)
    click.echo(f"Konfigurasi ditulis: {laporan.tujuan}")
    click.echo(f"Ditemukan {len(laporan.ditemukan)} kunci dan {laporan.jumlah_iku} baris IKU:")
    for baris in laporan.ringkasan:
        click.echo(f"- {baris}")
    if laporan.logo:
        click.echo(f"Logo kop disalin ke: {laporan.logo}")
    _tampil_sisa_impor(laporan.kurang, "PERIKSA", laporan.janggal, tujuan)


def _impor_tabel(tabel: Path, tujuan: Path, dasar: Path | None) -> None:
    from .impor import impor_tabel

    hasil = impor_tabel(tabel, tujuan, dasar)
    click.echo(f"Konfigurasi ditulis: {tujuan}")
    click.echo(f'Lembar "{hasil.lembar}", baris judul {hasil.baris_judul}: {hasil.jumlah_iku} baris IKU.')
    click.echo("Kolom: " + ", ".join(f"{judul} -> {kunci or '(tidak dibaca)'}" for judul, kunci in hasil.kolom.items()))
    if dasar is not None:
        click.echo(f"Bagian lain dari {dasar} dipertahankan; {hasil.dari_dasar} baris dilengkapi dari sana.")
    _tampil_sisa_impor(hasil.kurang, "TIDAK DIIMPOR", hasil.janggal, tujuan)


def _tampil_sisa_impor(kurang: list[str], jenis: str, janggal: list[Masalah], tujuan: Path) -> None:
    """What an import leaves to the clerk: keys marked ISI:, findings, and the check to run next."""
    if kurang:
        click.echo('Masih harus diisi sebelum generate (bertanda "ISI:"): ' + ", ".join(kurang))
    _tampil_masalah(jenis, janggal)
    click.echo(f"Lalu periksa dengan: iku check --config {tujuan}")


@main.command("serve")
@OPSI_CONFIG
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port penyunting (0 = pilih port bebas).",
)
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Alamat yang dilayani; bawaannya hanya komputer ini."
)
@click.option("--no-browser", is_flag=True, help="Jangan buka peramban secara otomatis.")
@opsi_output("Folder arsip untuk tombol Buat dokumen.")
@OPSI_TEMPLATES
@click.option(
    "--kabupaten",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    default=None,
    metavar="FOLDER",
    help="Sunting satu kabupaten: setiap konfigurasi perangkat daerah di FOLDER dan pemda.toml "
    "(--config tidak dipakai).",
)
def serve_cmd(
    config_path: Path, port: int, host: str, no_browser: bool, output: Path, templates: Path, kabupaten: Path | None
) -> None:
    """Sunting konfigurasi di peramban: formulir, pemeriksaan, pratinjau halaman, dan buat arsip.

    Dengan --kabupaten FOLDER: halaman depan mendaftar setiap perangkat daerah dengan hasil
    pemeriksaannya, celah kaskade, dan formulir pemda.toml.
    """
    from .kabupaten.model import NAMA_BERKAS
    from .penyunting.aplikasi import Pengaturan, loopback
    from .penyunting.layan import layani

    signal.signal(signal.SIGHUP, lambda *_: sys.exit(128 + signal.SIGHUP))
    if not loopback(host):
        click.echo(
            f"PERINGATAN: --host {host} membuka penyunting untuk komputer lain di jaringan; "
            "siapa pun yang dapat menjangkaunya dapat mengubah konfigurasi.",
            err=True,
        )

    if kabupaten is not None:
        config_path = kabupaten / NAMA_BERKAS
    apa = f"kabupaten {kabupaten}" if kabupaten is not None else f"berkas {config_path}"

    def siap(alamat: str) -> None:
        click.echo(f"Penyunting berjalan di {alamat} ({apa}). Tekan Ctrl-C untuk berhenti.")
        if not no_browser:
            import webbrowser

            webbrowser.open(alamat)

    try:
        layani(Pengaturan(config_path, output, templates, host, port, kabupaten), siap)
    except KeyboardInterrupt:
        click.echo("Penyunting dihentikan.")


@main.command("kabupaten")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False, exists=True))
@opsi_output("Folder arsip; semua ditulis ke OUTPUT/<tahun>/ (satu folder per perangkat daerah, dan pemda/).")
@opsi_pdf()
@opsi_force()
@click.option(
    "--jobs", type=click.IntRange(min=1), default=None, metavar="N", help="Jumlah proses (bawaan: jumlah inti)."
)
@click.option(
    "--templates",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    default=TEMPLAT_BAWAAN,
    help="Folder templat DOCX yang disunting di Word (seperti pada generate): set setiap perangkat "
    "daerah dan naskah Pemda diisi dari sana; --check memeriksanya.",
)
@click.option("--check", "hanya_periksa", is_flag=True, help="Hanya periksa semua berkas; tidak menulis apa pun.")
def kabupaten_cmd(
    folder: Path, output: Path, pdf: bool, force: bool, jobs: int | None, templates: Path, hanya_periksa: bool
) -> None:
    """Buat IKU satu kabupaten sekaligus: set setiap perangkat daerah, Keputusan IKU Pemda,
    matriks kaskade, dan rekap XLSX.

    FOLDER berisi pemda.toml dan konfigurasi setiap perangkat daerah (*.toml). Semua berkas
    diperiksa lebih dulu; semua kesalahan dilaporkan sekaligus. Celah kaskade adalah peringatan.
    Naskah Pemda diisi dari templat bawaan bila folder --templates tidak memuat pemda-keputusan.docx.
    """
    from .kabupaten.baca import baca_kabupaten
    from .kabupaten.buat import PermintaanKabupaten, buat_kabupaten, periksa_templat
    from .kabupaten.kaskade import celah

    k = baca_kabupaten(folder)
    peringatan = [*k.peringatan, *celah(k)]
    if hanya_periksa:
        peringatan += periksa_templat(k, templates)
    _tampil_masalah("PERINGATAN", peringatan, err=not hanya_periksa)
    if hanya_periksa:
        click.echo(
            f"OK: {len(k.instansi)} perangkat daerah dan {folder / 'pemda.toml'} dapat dipakai"
            + (f" ({len(peringatan)} peringatan)." if peringatan else ", tanpa peringatan.")
        )
        return
    permintaan = PermintaanKabupaten(k, output, templates, force=force, pdf=pdf, jobs=jobs, kemajuan=_kemajuan())
    _tampil_jalur(buat_kabupaten(permintaan))


@main.command("verify")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False), required=False)
def verify_cmd(folder: Path | None) -> None:
    """Periksa arsip terhadap MANIFEST.json-nya.

    FOLDER adalah arsip satu tahun (misalnya output/2023) atau folder arsip berisi beberapa
    tahun; tanpa FOLDER, setiap tahun di bawah output/ diperiksa.
    """
    for tahun, cocok, ttd in daftar_arsip.verifikasi(folder or Path("output")):
        click.echo(f"Arsip utuh: {len(cocok)} berkas cocok dengan {NAMA_MANIFES} di {tahun}")
        for h in ttd:
            waktu = f", {h.waktu:%d-%m-%Y %H:%M:%S %Z}" if h.waktu else ""
            click.echo(f"Tanda tangan utuh: {h.berkas.name} — {h.penanda}{waktu}")


@main.command("arsip")
@opsi_output("Folder arsip yang dipakai saat generate.")
def arsip_cmd(output: Path) -> None:
    """Tampilkan setiap tahun yang diarsipkan: nomor, waktu dibuat, berkas, dan keutuhannya."""
    semua = daftar_arsip.daftar(output)
    if not semua:
        click.echo(f"Belum ada arsip tahun di {output}.")
        return
    for t in semua:
        click.echo(_tampil_tahun(t))
    rusak = [t.tahun for t in semua if not t.utuh]
    if rusak:
        click.echo(f"Tidak utuh: {', '.join(rusak)} (rincian: iku verify {output}/TAHUN).")
        sys.exit(ArsipTidakCocok.kode)


def _tampil_tahun(t: daftar_arsip.TahunArsip) -> str:
    dibuat = t.dibuat.strftime("%Y-%m-%d %H:%M") if t.dibuat else "tidak diketahui (MANIFEST.json tidak ada)"
    jumlah = len(t.masalah) + sum(len(q.masalah) for q in t.triwulan)  # its quarters' problems are its own
    status = "utuh (cocok dengan MANIFEST.json)" if t.utuh else f"TIDAK UTUH ({jumlah} masalah)"
    baris = [
        f"{t.tahun}  {t.folder}",
        f"  nomor   : {t.nomor or '-'}",
        f"  dibuat  : {dibuat}",
        f"  periksa : {status}",
        f"  berkas ({len(t.berkas)}):",
    ]
    return "\n".join(baris + [f"    {b}" for b in t.berkas] + [_tampil_triwulan(q) for q in t.triwulan])


def _tampil_triwulan(t: daftar_arsip.TahunArsip) -> str:
    status = "utuh (cocok dengan MANIFEST.json)" if not t.masalah else f"TIDAK UTUH ({len(t.masalah)} masalah)"
    return "\n".join([f"  {t.folder.name}: {status}", *(f"    {b}" for b in t.berkas)])


@main.command("templates")
@opsi_tujuan("Folder tujuan salinan templat (berkas yang sudah ada tidak pernah ditimpa).", berkas=False)
def templates_cmd(tujuan: Path) -> None:
    """Salin templat bawaan ke sebuah folder untuk disunting di Word.

    Pakai salinannya dengan --templates FOLDER pada generate dan check.
    """
    _tampil_jalur(templat_bawaan.salin(tujuan))
    click.echo(f"Sunting templat di Word/LibreOffice, lalu: iku check --templates {tujuan}")


@main.command("tandatangani")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False, exists=True))
@click.option(
    "--sertifikat",
    type=click.Path(path_type=Path, dir_okay=False),  # a missing file is a signing error (8), not usage (2)
    required=True,
    help="Sertifikat elektronik instansi (.p12/.pfx, misalnya dari BSrE).",
)
@click.option(
    "--sandi-env",
    metavar="NAMA",
    help="Ambil sandi sertifikat dari variabel lingkungan NAMA (tanpa opsi ini sandi ditanyakan).",
)
@click.option("--tak-terlihat", is_flag=True, help="Tanda tangan tanpa kotak yang tampak di halaman.")
@click.option(
    "--pihak-kedua",
    is_flag=True,
    help="Tanda tangan pihak kedua pada Perjanjian Kinerja yang sudah ditandatangani pihak pertama.",
)
def tandatangani_cmd(
    folder: Path, sertifikat: Path, sandi_env: str | None, tak_terlihat: bool, pihak_kedua: bool
) -> None:
    """Tandatangani setiap PDF arsip satu tahun (PAdES) menjadi salinan ...-ttd.pdf di sampingnya."""
    from .tandatangani import tandatangani

    if not sertifikat.is_file():  # said before the passphrase is asked for
        raise TandaTanganError(
            Masalah(
                "berkas sertifikat tidak ditemukan",
                berkas=sertifikat,
                saran="periksa nama dan folder berkas .p12/.pfx pada --sertifikat",
            )
        )
    hasil = tandatangani(folder, sertifikat, _sandi(sandi_env), terlihat=not tak_terlihat, pihak_kedua=pihak_kedua)
    _tampil_masalah("PERINGATAN", hasil.peringatan, err=True)
    _tampil_jalur(hasil.berkas)


def _sandi(nama_env: str | None) -> bytes:
    """The passphrase: from the named environment variable, else asked without echo; never an argument."""
    if nama_env is None:
        return _tanya_sandi().encode()
    if nama_env not in os.environ:
        raise TandaTanganError(
            Masalah(
                f"variabel lingkungan {nama_env} tidak ada",
                saran=f"isi dulu, misalnya: read -s {nama_env}; export {nama_env}",
            )
        )
    return os.environ[nama_env].encode()


def _tanya_sandi() -> str:
    """At a terminal, ask without echo; from a pipe, read one line (nothing is shown, so getpass and
    its English "may be echoed" warning are not needed). Input at its end is a signing error
    (exit 8), not Ctrl-C (130)."""
    if sys.stdin.isatty():
        try:
            return click.prompt("Sandi sertifikat", hide_input=True)
        except click.Abort as exc:
            if not isinstance(exc.__context__, EOFError):  # Ctrl-C: "Dibatalkan.", 130
                raise
    else:
        baris = sys.stdin.readline()
        if baris:
            return baris.rstrip("\r\n")
    raise TandaTanganError(
        Masalah(
            "sandi sertifikat tidak diketik (masukan berakhir)",
            saran="jalankan di terminal dan ketik sandinya saat ditanya, atau ambil dari variabel "
            "lingkungan: read -s SANDI_TTE; export SANDI_TTE; lalu --sandi-env SANDI_TTE",
        )
    )


if __name__ == "__main__":
    main()
