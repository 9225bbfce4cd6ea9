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


def salin_config(tujuan: Path, ganti: dict[str, str] | None = None, laporan: bool = True) -> Path:
    """Copy the sample config, replacing whole lines that start with each key (regex-safe).

    laporan=False drops [laporan_kinerja], which needs target and realisasi of `tahun` in every
    row: for tests that move `tahun` or add rows without a realisasi."""
    teks = CONFIG_CONTOH.read_text(encoding="utf-8")
    if not laporan:
        teks = tanpa_laporan(teks)
    for awal, baris in (ganti or {}).items():
        teks, n = re.subn(rf"(?m)^{re.escape(awal)}.*$", lambda _m, baris=baris: baris, teks, count=1)
        assert n == 1, f"baris {awal!r} tidak ada di config contoh"
    tujuan.write_text(teks, encoding="utf-8")
    return tujuan


def tanpa_laporan(teks: str) -> str:
    """Config text without its [laporan_kinerja] section."""
    return re.sub(r"(?ms)^\[laporan_kinerja\]\n.*?(?=^\[|\Z)", "", teks)


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


CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


def ada_peramban() -> bool:
    """Debian's chromium and chromedriver, and selenium to drive them."""
    import importlib.util

    return Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists() and importlib.util.find_spec("selenium") is not None


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

    return subprocess.run(
        [sys.executable, str(AKAR / "generate.py"), *argumen],
        cwd=cwd or AKAR,
        capture_output=True,
        text=True,
        timeout=600,
    )


def tulis_png(path: Path, lebar: int = 40, tinggi: int = 48) -> Path:
    """A small solid-colour PNG, written with the standard library only."""
    import struct
    import zlib

    def potong(jenis: bytes, isi: bytes) -> bytes:
        return struct.pack(">I", len(isi)) + jenis + isi + struct.pack(">I", zlib.crc32(jenis + isi))

    baris = b"".join(b"\x00" + b"\x20\x60\xa0" * lebar for _ in range(tinggi))
    kepala = struct.pack(">IIBBBBB", lebar, tinggi, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + potong(b"IHDR", kepala) + potong(b"IDAT", zlib.compress(baris)) + potong(b"IEND", b"")
    )
    return path


POTRET = Path(__file__).resolve().parent / "potret"


def potret_templat(path: Path) -> str:
    """A template as reviewable text: one line per paragraph (style | text with its tags), in
    document order, table rows and cells marked, then every header and footer."""
    d = docx.Document(str(path))
    gaya = {s.style_id: s.name for s in d.styles}
    baris = [f"# {path.name}: halaman {_halaman(d)}"]
    baris += _potret_akar(d.element.body, gaya)
    for i, bagian in enumerate(d.sections, start=1):
        for nama, hf in (("kepala", bagian.header), ("kaki", bagian.footer), ("kepala-1", bagian.first_page_header)):
            if not hf.is_linked_to_previous:
                baris += [f"## bagian {i} {nama}"] + _potret_akar(hf._element, gaya)
    return "\n".join(baris) + "\n"


def _halaman(d) -> str:
    return "; ".join(
        f"{s.orientation.name.lower()} margin {s.top_margin.mm:.0f}/{s.right_margin.mm:.0f}/"
        f"{s.bottom_margin.mm:.0f}/{s.left_margin.mm:.0f} mm"
        for s in d.sections
    )


def _potret_akar(akar, gaya: dict[str, str], kedalaman: int = 0) -> list[str]:
    baris = []
    awal = "  " * kedalaman
    for e in akar.iterchildren():
        if e.tag == qn("w:p"):
            kode = e.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            nama = gaya.get(kode.get(qn("w:val")) if kode is not None else None, "Normal")
            baris.append(f"{awal}{nama} | {teks_paragraf(e)!r}"[:400])
        elif e.tag == qn("w:tbl"):
            baris.append(f"{awal}[tabel]")
            for tr in e.iterchildren(qn("w:tr")):
                baris.append(f"{awal}  [baris]")
                for tc in tr.iterchildren(qn("w:tc")):
                    baris.append(f"{awal}    [sel]")
                    baris += _potret_akar(tc, gaya, kedalaman + 3)
        elif e.tag == qn("w:sdt"):
            isi = e.find(qn("w:sdtContent"))
            if isi is not None:
                baris += _potret_akar(isi, gaya, kedalaman)
    return baris


def tanpa_bagian(path: Path, *kunci: str) -> Path:
    """Remove whole top-level sections ([perjanjian_kinerja], [[program]]) from a config file,
    every other line kept (for tests of rules that the section would otherwise turn into errors)."""
    import tomlkit

    doc = tomlkit.parse(path.read_text(encoding="utf-8"))
    for k in kunci:
        doc.pop(k, None)
    path.write_text(tomlkit.dumps(doc), encoding="utf-8")
    return path


def awalan_dokumen_contoh() -> list[str]:
    """File-name stems of the sample config's set in order: the registry's kinds, then the bundle."""
    from iku.konfigurasi import muat
    from iku.naskah import set_tahun

    return [j.awalan_berkas for j in set_tahun(muat(CONFIG_CONTOH))] + ["bundel-tanda-tangan-iku"]


def jumlah_dokumen_contoh() -> int:
    """How many documents the sample config's set has: the registry's kinds plus the signing bundle."""
    return len(awalan_dokumen_contoh())


def buat_naskah(config_path: Path, folder: Path) -> tuple[Path, Path]:
    """The Keputusan and Lampiran of a config, rendered by the generator's own templates."""
    from iku import isi
    from iku import konfigurasi as config_mod
    from iku.naskah import keputusan as context
    from iku.naskah import tata

    config = config_mod.muat(config_path)
    konteks = context.keputusan(config)
    folder.mkdir(parents=True, exist_ok=True)
    return (
        isi.render(TEMPLATES / "keputusan.docx", konteks, tata(config), folder / "keputusan.docx"),
        isi.render(TEMPLATES / "lampiran.docx", konteks, tata(config), folder / "lampiran.docx"),
    )


def paragraf_terpotong(d, teks: str, potong: int = 7, **gaya):
    """A paragraph whose text is split into runs every few characters, mid-word, as Word does.
    Tabs and line breaks in teks become w:tab and w:br."""
    p = d.add_paragraph(**gaya)
    for awal in range(0, len(teks), potong):
        p.add_run(teks[awal : awal + potong])
    return p


def sel_vmerge(sel, nilai: str) -> None:
    """Mark a python-docx cell as starting ("restart") or continuing ("continue") a vertical merge."""
    from docx.oxml import OxmlElement

    gabung = OxmlElement("w:vMerge")
    gabung.set(qn("w:val"), nilai)
    sel._tc.get_or_add_tcPr().append(gabung)


def paragraf_sel(sel, baris: list[str]) -> None:
    """Fill a cell with one paragraph per line."""
    sel.text = baris[0]
    for b in baris[1:]:
        sel.add_paragraph(b)


def ubah_dengan_soffice(path: Path, format_: str, folder: Path) -> Path:
    """path converted by LibreOffice (e.g. to "doc"), with its own throw-away profile."""
    profil = folder / "profil-lo"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profil.as_uri()}",
            "--headless",
            "--convert-to",
            format_,
            "--outdir",
            str(folder),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return folder / f"{path.stem}.{format_}"


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
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={folder}",
        "--window-size=1400,1000",
        "--lang=id",
    ):
        opsi.add_argument(arg)
    opsi.add_experimental_option(
        "prefs", {"download.default_directory": str(unduhan), "download.prompt_for_download": False}
    )
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opsi)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(unduhan)})
    return driver


def config_ttd(tmp_path: Path, cara: str, **keputusan) -> Path:
    """The sample config with [format] tanda_tangan = cara (and keputusan keys replaced)."""
    data = data_contoh()
    data.setdefault("format", {})["tanda_tangan"] = cara
    data["keputusan"].update(keputusan)
    return tulis_data(tmp_path / f"iku-{cara}.toml", data)


def buat_sertifikat(path: Path, sandi: bytes, nama: str = "I Putu Kariaman Putra", hari: int = 365) -> Path:
    """A self-signed signing certificate and its key as a PKCS#12 file (what BSrE hands out, for tests)."""
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    kunci = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subjek = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, nama),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Dinas Sosial Kabupaten Buleleng"),
        ]
    )
    sekarang = dt.datetime.now(dt.UTC)
    sert = (
        x509.CertificateBuilder()
        .subject_name(subjek)
        .issuer_name(subjek)
        .public_key(kunci.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(sekarang - dt.timedelta(days=10))
        .not_valid_after(sekarang + dt.timedelta(days=hari))
        .sign(kunci, hashes.SHA256())
    )
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(b"ttd", kunci, sert, None, serialization.BestAvailableEncryption(sandi))
    )
    return path


def per_halaman(pdf: Path) -> list[str]:
    """The text of each page of a PDF, whitespace collapsed."""
    return [" ".join(h.split()) for h in teks_pdf(pdf).split("\f")[:-1]]


def lewat_libreoffice(berkas: list[Path], keluar: Path) -> list[Path]:
    """Open and save each DOCX in LibreOffice (as a clerk would), with a profile of its own."""
    keluar.mkdir(parents=True, exist_ok=True)
    profil = keluar.parent / f"profil-lo-{keluar.name}"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profil}",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(keluar),
            *map(str, berkas),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return [keluar / p.name for p in berkas]


def pecah_run_ala_word(sumber: Path, tujuan: Path, panjang: int = 3) -> Path:
    """A copy of a DOCX whose text runs are cut every few characters, with rsid marks and
    spell-check marks between the pieces, as Word leaves a template after editing."""
    from copy import deepcopy

    from docx.oxml import OxmlElement

    d = docx.Document(str(sumber))
    for i, run in enumerate(list(d.element.body.iter(qn("w:r")))):
        anak = [a for a in run if a.tag != qn("w:rPr")]
        if len(anak) != 1 or anak[0].tag != qn("w:t") or len(anak[0].text or "") <= panjang:
            continue
        teks, penunjuk = anak[0].text, run
        for nomor, awal in enumerate(range(0, len(teks), panjang)):
            potong = deepcopy(run)
            potong.set(qn("w:rsidR"), f"00{i % 0xFFFF:04X}{nomor:02X}")
            t = potong.find(qn("w:t"))
            t.text = teks[awal : awal + panjang]
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            if nomor % 2:
                tanda = OxmlElement("w:proofErr")
                tanda.set(qn("w:type"), "spellStart")
                penunjuk.addnext(tanda)
                penunjuk = tanda
            penunjuk.addnext(potong)
            penunjuk = potong
        run.getparent().remove(run)
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    d.save(str(tujuan))
    return tujuan


def halaman_pdf(path: Path) -> list[str]:
    """The text of each page of a PDF (pdftotext -layout, one call per page), in order."""
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    jumlah = int(re.search(r"(?m)^Pages:\s+(\d+)", info).group(1))
    return [
        subprocess.run(
            ["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(path), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        for n in range(1, jumlah + 1)
    ]


def baris_iku(n: int, **ganti: str) -> list[dict]:
    """n rows of the sample's first IKU row, two per sasaran, indikator Indikator01, Indikator02 ..."""
    contoh = data_contoh()["iku"][0]
    return [dict(contoh, sasaran=f"Sasaran {1 + i // 2}", indikator=f"Indikator{i + 1:02d}", **ganti) for i in range(n)]


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
            hasil.append(
                Kata(halaman, float(m.group(1)), float(m.group(2)), html.unescape(m.group(4)), float(m.group(3)))
            )
    return hasil
