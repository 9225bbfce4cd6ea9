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
    subjek = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, nama),
                        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Dinas Sosial Kabupaten Buleleng")])
    sekarang = dt.datetime.now(dt.timezone.utc)
    sert = (x509.CertificateBuilder().subject_name(subjek).issuer_name(subjek).public_key(kunci.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(sekarang - dt.timedelta(days=10))
            .not_valid_after(sekarang + dt.timedelta(days=hari)).sign(kunci, hashes.SHA256()))
    path.write_bytes(pkcs12.serialize_key_and_certificates(
        b"ttd", kunci, sert, None, serialization.BestAvailableEncryption(sandi)))
    return path


def per_halaman(pdf: Path) -> list[str]:
    """The text of each page of a PDF, whitespace collapsed."""
    return [" ".join(h.split()) for h in teks_pdf(pdf).split("\f")[:-1]]


def lewat_libreoffice(berkas: list[Path], keluar: Path) -> list[Path]:
    """Open and save each DOCX in LibreOffice (as a clerk would), with a profile of its own."""
    keluar.mkdir(parents=True, exist_ok=True)
    profil = keluar.parent / f"profil-lo-{keluar.name}"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profil}", "--headless", "--convert-to",
                    "docx:MS Word 2007 XML", "--outdir", str(keluar), *map(str, berkas)],
                   check=True, capture_output=True, timeout=300)
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
            t.text = teks[awal:awal + panjang]
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
