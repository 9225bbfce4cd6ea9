"""Test helpers: write configs into tmp_path, read documents back as text in order."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

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
    """A paragraph's text with tabs and line breaks as \t and \n."""
    bagian = []
    for e in p.iter():
        if e.tag == qn("w:t"):
            bagian.append(e.text or "")
        elif e.tag == qn("w:tab") and e.getparent().tag == qn("w:r"):
            bagian.append("\t")
        elif e.tag in (qn("w:br"), qn("w:cr")):
            bagian.append("\n")
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
