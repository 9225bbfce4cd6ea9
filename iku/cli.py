"""Command line (click only): parse options, call the core, show errors exactly once."""

from __future__ import annotations

import os
import re
import signal
import sys
from pathlib import Path

import click

from . import __version__
from .beda import Perubahan, beda, kata_berbeda
from .galat import IkuError, Masalah, TandaTanganError
from .buat import TEMPLAT_BAWAAN, Permintaan, generate
from .konfigurasi import baca
from .manifes import NAMA as NAMA_MANIFES
from .periksa import Hasil, periksa
from .tahun_baru import tahun_baru


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


JALUR = [(r"(?:File|Directory|Path) '(.*)' does not exist\.", r"'\1' tidak ada."),
         (r"(?:Directory|Path) '(.*)' is a file\.", r"'\1' adalah berkas, bukan folder."),
         (r"(?:File|Path) '(.*)' is a directory\.", r"'\1' adalah folder, bukan berkas."),
         (r"(?:File|Directory|Path) '(.*)' is not (?:readable|writable)\.", r"'\1' tidak boleh dibaca atau ditulis.")]


def _jalur(pesan: str) -> str:
    for pola, ganti in JALUR:
        if re.fullmatch(pola, pesan):
            return re.sub(pola, ganti, pesan)
    return pesan


class _Grup(click.Group):
    """A click group whose usage errors are shown once, in Indonesian."""

    def main(self, *args, **kwargs):  # type: ignore[override]
        _berhenti_dengan_rapi()
        try:
            return super().main(*args, standalone_mode=False, **kwargs)
        except IkuError as exc:  # the one error boundary: shown once, exit code by kind
            click.echo(exc.uraian(), err=True)
            sys.exit(exc.kode)
        except click.exceptions.NoArgsIsHelpError as exc:  # plain `iku`: help, not an error
            click.echo(exc.ctx.get_help() if exc.ctx else exc.message)
            sys.exit(0)
        except click.UsageError as exc:
            # `python generate.py ARGS` runs `generate ARGS`: point back at what the user typed
            perintah = (exc.ctx.command_path if exc.ctx else "iku").replace("generate.py generate", "generate.py")
            click.echo(f"Kesalahan pemakaian: {pesan_pemakaian(exc)}\nLihat: {perintah} --help", err=True)
            sys.exit(2)
        except click.Abort:
            click.echo("Dibatalkan.", err=True)
            sys.exit(130)


@click.group(cls=_Grup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="iku")
def main() -> None:
    """Dokumen Indikator Kinerja Utama (IKU) dari satu berkas TOML."""


OPSI_CONFIG = click.option("--config", "config_path", type=click.Path(path_type=Path, dir_okay=False),
                           default=Path("config/iku.toml"), show_default=True, help="Berkas konfigurasi TOML.")
OPSI_TEMPLATES = click.option("--templates", type=click.Path(path_type=Path, file_okay=False),
                              default=TEMPLAT_BAWAAN, help="Folder templat DOCX milik instansi.")


@main.command("generate")
@OPSI_CONFIG
@click.option("--output", type=click.Path(path_type=Path, file_okay=False), default=Path("output"),
              show_default=True, help="Folder arsip; dokumen ditulis ke OUTPUT/<tahun>/.")
@OPSI_TEMPLATES
@click.option("--pdf", is_flag=True, help="Buat juga PDF/A setiap dokumen (perlu LibreOffice).")
@click.option("--force", is_flag=True, help="Ganti arsip tahun yang sudah ada; arsip lama tetap disimpan.")
def generate_cmd(config_path: Path, output: Path, templates: Path, pdf: bool, force: bool) -> None:
    """Buat set dokumen satu tahun: Keputusan, Lampiran, buku IKU, bundel tanda tangan."""
    permintaan = Permintaan(baca(config_path), templates, output, force=force, pdf=pdf)
    for path in generate(permintaan):
        click.echo(str(path))


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
    for m in hasil.galat:
        click.echo(_satu_baris("KESALAHAN", m))
    for m in hasil.peringatan:
        click.echo(_satu_baris("PERINGATAN", m))
    click.echo(_ringkasan(hasil, config_path, strict))
    if hasil.gagal(strict):
        sys.exit(1)


def _ringkasan(hasil: Hasil, config_path: Path, strict: bool) -> str:
    if hasil.galat:
        return (f"{len(hasil.galat)} kesalahan, {len(hasil.peringatan)} peringatan: "
                "perbaiki kesalahan sebelum membuat dokumen.")
    if hasil.peringatan:
        lanjut = "dianggap gagal karena --strict" if strict else "dokumen tetap dapat dibuat"
        return f"{len(hasil.peringatan)} peringatan ({lanjut})."
    return f"OK: {config_path} dan templat siap dipakai, tanpa peringatan."


@main.command("new-year")
@OPSI_CONFIG
@click.option("--to", "tujuan", type=click.Path(path_type=Path, dir_okay=False), required=True,
              help="Berkas konfigurasi baru untuk tahun berikutnya (tidak boleh sudah ada).")
def new_year_cmd(config_path: Path, tujuan: Path) -> None:
    """Buat draf konfigurasi tahun berikutnya.

    Semua catatan (#) dipertahankan; nomor dan tanggal keputusan ditandai "ISI:" dan
    harus diisi sebelum generate.
    """
    draf = tahun_baru(config_path, tujuan)
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


JUDUL_PERUBAHAN = {"tambah": ("+", "ditambahkan", "green"), "hapus": ("-", "dihapus", "red"),
                   "ubah": ("~", "diubah", "yellow")}


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
    gaya = {"hapus": {"fg": "red", "bold": True, "strikethrough": True},
            "tambah": {"fg": "green", "bold": True, "underline": True}}
    teks = "".join(click.style(t, **gaya[j]) if j in gaya else t for j, t in potongan)
    return f"    {tanda} " + teks.replace("\n", "\n      ")
@main.command("verify")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False), default=Path("."))
def verify_cmd(folder: Path) -> None:
    """Periksa arsip satu tahun (misalnya output/2023) terhadap MANIFEST.json-nya."""
    from .tandatangan import periksa_arsip_ttd

    cocok, ttd = periksa_arsip_ttd(folder)
    click.echo(f"Arsip utuh: {len(cocok)} berkas cocok dengan {NAMA_MANIFES} di {folder}")
    for h in ttd:
        waktu = f", {h.waktu:%d-%m-%Y %H:%M:%S %Z}" if h.waktu else ""
        click.echo(f"Tanda tangan utuh: {h.berkas.name} — {h.penanda}{waktu}")


@main.command("tandatangani")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False, exists=True))
@click.option("--sertifikat", type=click.Path(path_type=Path, dir_okay=False, exists=True), required=True,
              help="Sertifikat elektronik instansi (.p12/.pfx, misalnya dari BSrE).")
@click.option("--sandi-env", metavar="NAMA", help="Ambil sandi sertifikat dari variabel lingkungan NAMA "
              "(tanpa opsi ini sandi ditanyakan).")
@click.option("--tak-terlihat", is_flag=True, help="Tanda tangan tanpa kotak yang tampak di halaman.")
def tandatangani_cmd(folder: Path, sertifikat: Path, sandi_env: str | None, tak_terlihat: bool) -> None:
    """Tandatangani setiap PDF arsip satu tahun (PAdES) menjadi salinan ...-ttd.pdf di sampingnya."""
    from .tandatangan import tandatangani

    for path in tandatangani(folder, sertifikat, _sandi(sandi_env), terlihat=not tak_terlihat):
        click.echo(str(path))


def _sandi(nama_env: str | None) -> bytes:
    """The passphrase: from the named environment variable, else asked without echo; never an argument."""
    if nama_env is None:
        return click.prompt("Sandi sertifikat", hide_input=True).encode()
    if nama_env not in os.environ:
        raise TandaTanganError(Masalah(f"variabel lingkungan {nama_env} tidak ada",
                                       saran=f"isi dulu, misalnya: read -s {nama_env}; export {nama_env}"))
    return os.environ[nama_env].encode()


if __name__ == "__main__":
    main()
