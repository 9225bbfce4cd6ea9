"""Command line (click only): parse options, call the core, show errors exactly once."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import click

from . import __version__, config as config_mod
from .errors import IkuError
from .generate import TEMPLAT_BAWAAN, Permintaan, generate
from .manifes import NAMA as NAMA_MANIFES, periksa as periksa_arsip


def _jalankan(fungsi, *args):
    """Run a core function; a user error is printed once, in Indonesian, exit 1, no traceback."""
    try:
        return fungsi(*args)
    except IkuError as exc:
        click.echo(exc.uraian(), err=True)
        sys.exit(1)


def _berhenti_dengan_rapi() -> None:
    """SIGTERM unwinds like Ctrl-C, so LibreOffice is stopped and the staging folder removed."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
    """Buat set dokumen satu tahun: Keputusan dan Lampiran IKU."""
    _berhenti_dengan_rapi()
    config = _jalankan(config_mod.muat, config_path)
    permintaan = Permintaan(config, config_path, templates, output, force=force, pdf=pdf)
    for path in _jalankan(generate, permintaan):
        click.echo(str(path))


@main.command("verify")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False), default=Path("."))
def verify_cmd(folder: Path) -> None:
    """Periksa arsip satu tahun (misalnya output/2023) terhadap MANIFEST.json-nya."""
    cocok = _jalankan(periksa_arsip, folder)
    click.echo(f"Arsip utuh: {len(cocok)} berkas cocok dengan {NAMA_MANIFES} di {folder}")
