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


CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


def ada_peramban() -> bool:
    """Debian's chromium and chromedriver, and selenium to drive them."""
    import importlib.util

    return (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()
            and importlib.util.find_spec("selenium") is not None)


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


def isian_formulir(html: str, id_formulir: str = "formulir") -> list[tuple[str, str]]:
    """The fields a browser would send from a page's form: (name, value), in page order.

    Buttons and unchecked boxes are left out, as a browser does; <template> content is inert."""
    from html.parser import HTMLParser

    class Pengurai(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.isian: list[tuple[str, str]] = []
            self.dalam = self.templat = 0
            self.teks: tuple[str, list[str]] | None = None
            self.pilih: str | None = None
            self.opsi: list[tuple[str, bool, str]] = []
            self.opsi_kini: tuple[str | None, bool, list[str]] | None = None

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == "form" and a.get("id") == id_formulir:
                self.dalam = 1
            if tag == "template":
                self.templat += 1
            if not self.dalam or self.templat:
                return
            if tag == "input" and a.get("name") and a.get("type") not in ("checkbox", "submit", "button"):
                self.isian.append((a["name"], a.get("value", "")))
            elif tag == "input" and a.get("type") == "checkbox" and "checked" in a and a.get("name"):
                self.isian.append((a["name"], a.get("value", "on")))
            elif tag == "textarea":
                self.teks = (a["name"], [])
            elif tag == "select":
                self.pilih, self.opsi = a["name"], []
            elif tag == "option":
                self.opsi_kini = (a.get("value"), "selected" in a, [])

        def handle_endtag(self, tag):
            if tag == "template":
                self.templat -= 1
            elif tag == "form" and self.dalam:
                self.dalam = 0
            elif tag == "textarea" and self.teks:
                teks = "".join(self.teks[1])  # a browser drops one newline right after <textarea>
                self.isian.append((self.teks[0], teks[1:] if teks.startswith("\n") else teks))
                self.teks = None
            elif tag == "option" and self.opsi_kini:
                nilai, dipilih, teks = self.opsi_kini
                self.opsi.append((nilai if nilai is not None else "".join(teks), dipilih, ""))
                self.opsi_kini = None
            elif tag == "select" and self.pilih:
                dipilih = [v for v, d, _ in self.opsi if d] or [self.opsi[0][0]]
                self.isian.append((self.pilih, dipilih[0]))
                self.pilih = None

        def handle_data(self, data):
            if self.teks:
                self.teks[1].append(data)
            elif self.opsi_kini:
                self.opsi_kini[2].append(data)

    p = Pengurai()
    p.feed(html)
    return p.isian


def peramban(folder: Path, unduhan: Path):
    """A headless Chromium driven by selenium, with its own fresh profile and download folder."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opsi = webdriver.ChromeOptions()
    opsi.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", f"--user-data-dir={folder}", "--window-size=1400,1000", "--lang=id"):
        opsi.add_argument(arg)
    opsi.add_experimental_option("prefs", {"download.default_directory": str(unduhan),
                                           "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opsi)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(unduhan)})
    return driver
