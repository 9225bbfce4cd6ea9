"""Test helpers: write configs into tmp_path, read documents back as text in order."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import NamedTuple

import docx
from docx.oxml.ns import qn

AKAR = Path(__file__).resolve().parent.parent
CONFIG_CONTOH = AKAR / "config" / "iku.toml"
TEMPLATES = AKAR / "templates"


def salin_config(tujuan: Path, ganti: dict[str, str] | None = None) -> Path:
    """Copy the sample config, replacing whole lines that start with each key (regex-safe)."""
    teks = CONFIG_CONTOH.read_text(encoding="utf-8")
    for awal, baris in (ganti or {}).items():
        teks, n = re.subn(rf"(?m)^{re.escape(awal)}.*$", lambda _m: baris, teks, count=1)
        assert n == 1, f"baris {awal!r} tidak ada di config contoh"
    tujuan.write_text(teks, encoding="utf-8")
    return tujuan


def teks_paragraf(p) -> str:
    """A paragraph's text with tabs and line breaks as \t and \n, a non-breaking hyphen as -."""
    bagian = []
    for e in p.iter():
        if e.tag == qn("w:t"):
            bagian.append(e.text or "")
        elif e.tag == qn("w:tab") and e.getparent().tag == qn("w:r"):
            bagian.append("\t")
        elif e.tag in (qn("w:br"), qn("w:cr")):
            bagian.append("\n")
        elif e.tag == qn("w:noBreakHyphen"):
            bagian.append("-")
    return "".join(bagian)


def teks_docx(path: Path) -> list[str]:
    """Every paragraph of the body in document order, table cells included."""
    d = docx.Document(str(path))
    return [teks_paragraf(p) for p in d.element.body.iter(qn("w:p"))]


def teks_pdf(path: Path, layout: bool = False) -> str:
    perintah = ["pdftotext", *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(perintah, check=True, capture_output=True, text=True).stdout


def ada_soffice() -> bool:
    return shutil.which("soffice") is not None and shutil.which("pdftotext") is not None


def data_contoh() -> dict:
    """The sample config as plain data, to modify and write back with tulis_data."""
    import tomllib

    return tomllib.loads(CONFIG_CONTOH.read_text(encoding="utf-8"))


def tulis_data(path: Path, data: dict) -> Path:
    import tomlkit

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(tomlkit.dumps(data), encoding="utf-8")
    return path


def jalankan_generate(*argumen: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """`python generate.py ARGS` in a real process, as the secretariat runs it."""
    import sys

    return subprocess.run([sys.executable, str(AKAR / "generate.py"), *argumen], cwd=cwd or AKAR,
                          capture_output=True, text=True, timeout=600)


def tulis_png(path: Path, lebar: int = 40, tinggi: int = 48) -> Path:
    """A small solid-colour PNG, written with the standard library only."""
    import struct
    import zlib

    def potong(jenis: bytes, isi: bytes) -> bytes:
        return struct.pack(">I", len(isi)) + jenis + isi + struct.pack(">I", zlib.crc32(jenis + isi))

    baris = b"".join(b"\x00" + b"\x20\x60\xa0" * lebar for _ in range(tinggi))
    kepala = struct.pack(">IIBBBBB", lebar, tinggi, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + potong(b"IHDR", kepala) + potong(b"IDAT", zlib.compress(baris))
                     + potong(b"IEND", b""))
    return path


def halaman_pdf(path: Path) -> list[str]:
    """The text of each page of a PDF (pdftotext -layout, one call per page), in order."""
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    jumlah = int(re.search(r"(?m)^Pages:\s+(\d+)", info).group(1))
    return [subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(path), "-"],
                           check=True, capture_output=True, text=True).stdout for n in range(1, jumlah + 1)]


def baris_iku(n: int, **ganti: str) -> list[dict]:
    """n rows of the sample's first IKU row, two per sasaran, indikator Indikator01, Indikator02 ..."""
    contoh = data_contoh()["iku"][0]
    return [dict(contoh, sasaran=f"Sasaran {1 + i // 2}", indikator=f"Indikator{i + 1:02d}", **ganti)
            for i in range(n)]


class Kata(NamedTuple):
    """A word of a PDF: its page (from 1), left edge, top and right edge in points."""

    halaman: int
    x: float
    y: float
    teks: str
    x_akhir: float


def kata_pdf(path: Path) -> list[Kata]:
    """Every word of a PDF in reading order with its position (pdftotext -bbox)."""
    import html

    xhtml = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True).stdout
    hasil, halaman = [], 0
    pola = r'<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)</word>'
    for m in re.finditer(pola, xhtml):
        if m.group(0).startswith("<page"):
            halaman += 1
        else:
            hasil.append(Kata(halaman, float(m.group(1)), float(m.group(2)), html.unescape(m.group(4)),
                              float(m.group(3))))
    return hasil
