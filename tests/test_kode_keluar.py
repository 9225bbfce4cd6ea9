"""Exit codes and messages of the signing commands, as a user meets them (issue 17 item 16):
each message once, in Indonesian, with the README's exit code, no traceback, no library warning."""

from __future__ import annotations

import os
import subprocess
import sys

from click.testing import CliRunner

from bantu import AKAR, buat_sertifikat
from iku import manifes
from iku.cli import main
from iku.galat import TandaTanganError

SANDI = b"rahasia-dinas"


def iku(*argumen: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`iku ARGS` in a real process, with no terminal and stdin at its end (as in a script or cron)."""
    return subprocess.run(
        [sys.executable, "-m", "iku.cli", *argumen],
        cwd=AKAR,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def test_sertifikat_tidak_ada_kode_8(tmp_path):
    hasil = CliRunner().invoke(
        main, ["tandatangani", str(tmp_path), "--sertifikat", str(tmp_path / "kadis.p12"), "--sandi-env", "SANDI"]
    )
    assert hasil.exit_code == TandaTanganError.kode == 8, hasil.output
    assert hasil.output.startswith("PDF tidak ditandatangani:")
    assert f"{tmp_path / 'kadis.p12'}: berkas sertifikat tidak ditemukan" in hasil.output
    assert "Perbaikan:" in hasil.output and "Traceback" not in hasil.output


def test_masukan_habis_saat_sandi_ditanya_kode_8(tmp_path):
    """stdin at its end at the passphrase prompt: no English getpass warning, no "Dibatalkan" 130."""
    sertifikat = tmp_path / "kadis.p12"
    sertifikat.write_bytes(b"apa saja: sandi ditanyakan sebelum sertifikat dibaca")
    hasil = iku("tandatangani", str(tmp_path), "--sertifikat", str(sertifikat))
    assert hasil.returncode == 8, hasil.stderr
    assert "Warning" not in hasil.stderr and "echo" not in hasil.stderr and "Traceback" not in hasil.stderr
    assert "Dibatalkan" not in hasil.stderr
    assert "PDF tidak ditandatangani:" in hasil.stderr
    assert "sandi sertifikat tidak diketik (masukan berakhir)" in hasil.stderr
    assert "--sandi-env" in hasil.stderr
    assert hasil.stderr.count("sandi sertifikat tidak diketik") == 1


def test_tanpa_peringatan_dsa_dari_pyhanko(tmp_path):
    """Loading pyHanko for a signature prints nothing of cryptography's DSA deprecation."""
    folder = tmp_path / "2023"
    folder.mkdir()
    (folder / "keputusan.pdf").write_bytes(b"%PDF-1.7\n")
    manifes.tulis(folder, 2023, "Bookman Old Style", None)
    sertifikat = buat_sertifikat(tmp_path / "kadis.p12", SANDI)
    hasil = iku(
        "tandatangani",
        str(folder),
        "--sertifikat",
        str(sertifikat),
        "--sandi-env",
        "SANDI",
        env={"SANDI": "rahasia-dinas"},
    )
    assert hasil.returncode != 0  # the folder has no config to name the signer: refused, after pyHanko loaded
    assert "Traceback" not in hasil.stderr
    assert "DSA" not in hasil.stderr and "DeprecationWarning" not in hasil.stderr, hasil.stderr
    assert "pyhanko" not in hasil.stderr.casefold()
