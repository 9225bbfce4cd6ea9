"""Helper run by a python that can import `uno` (LibreOffice's own, or Debian's python3 with
python3-uno): starts ONE headless LibreOffice, converts every DOCX to PDF/A-2b, stops it.

It is a script, not part of the package's import graph: the package's own python usually
cannot import uno. Input is one JSON argument; output one JSON line on stdout.

    {"soffice": PATH, "profil": DIR, "jaga": FD, "berkas": [[DOCX, PDF], ...]}
    -> {"versi": "7.4.7.2", "daftar_isi": {DOCX: [[ENTRY, PAGE], ...]}}

The process runs as leader of its own process group, and LibreOffice stays in that group.
Its caller holds the write end of pipe FD `jaga`: when the caller dies (even by SIGKILL)
the pipe reaches end-of-file and the whole group, LibreOffice included, is killed.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import Any

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

BATAS_SAMBUNG_DETIK = 120
PENANDA_GAGAL = "iku-gagal: "  # the one line of stderr the caller shows the user
FILTER_DOCX = "MS Word 2007 XML"  # named, so LibreOffice skips type detection on every load


def prop(nama: str, nilai: Any) -> PropertyValue:
    p = PropertyValue()
    p.Name, p.Value = nama, nilai
    return p


def url(path: str) -> str:
    return Path(path).resolve().as_uri()


def jaga_pemanggil(fd: int) -> None:
    """Kill the whole group (LibreOffice too) as soon as the caller's end of the pipe closes."""

    def tunggu() -> None:
        while os.read(fd, 4096):
            pass
        os.killpg(0, signal.SIGKILL)

    threading.Thread(target=tunggu, daemon=True).start()


def mulai(soffice: str, profil: str, pipa: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            soffice,
            f"-env:UserInstallation={url(profil)}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nolockcheck",
            "--nodefault",
            "--nologo",
            f"--accept=pipe,name={pipa};urp;StarOffice.ComponentContext",
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def sambung(pipa: str, proses: subprocess.Popen[bytes]) -> object:
    lokal = uno.getComponentContext()
    resolver = lokal.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", lokal)
    akhir = time.monotonic() + BATAS_SAMBUNG_DETIK
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipa};urp;StarOffice.ComponentContext")
        except NoConnectException:
            if proses.poll() is not None or time.monotonic() > akhir:
                raise RuntimeError(f"LibreOffice tidak dapat dihubungi (kode keluar {proses.poll()})") from None
            time.sleep(0.1)


def versi(ctx: Any) -> str:
    penyedia = ctx.ServiceManager.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", ctx)
    simpul = penyedia.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationAccess", (prop("nodepath", "/org.openoffice.Setup/Product"),)
    )
    return str(simpul.getByName("ooSetupVersionAboutBox"))


def perbarui(doc: Any) -> None:
    """Tables of contents and fields get real page numbers before export (twice: a longer
    table of contents can move the pages it lists)."""
    indeks = doc.getDocumentIndexes()
    for _ in range(2 if indeks.getCount() else 1):
        for i in range(indeks.getCount()):
            indeks.getByIndex(i).update()
        doc.getTextFields().refresh()


def daftar_isi(doc: Any) -> list[list[str]]:
    """The entries of the document's table of contents as LibreOffice laid them out: [text, page]."""
    indeks = doc.getDocumentIndexes()
    for i in range(indeks.getCount()):
        isi = indeks.getByIndex(i)
        if isi.supportsService("com.sun.star.text.ContentIndex"):
            baris = isi.getAnchor().getString().replace("\r\n", "\n").split("\n")
            return [b.rsplit("\t", 1) for b in baris if "\t" in b]
    return []


# PDF/A-2b; pictures lossless at full resolution (a QR code recompressed to JPEG does not scan);
# bookmarks as named destinations (`iku tandatangani` finds the signing spaces by them).
OPSI_PDF = (
    prop("SelectPdfVersion", 2),
    prop("UseLosslessCompression", True),
    prop("ReduceImageResolution", False),
    prop("ExportBookmarksToPDFDestination", True),
)


def ubah(desktop: Any, docx: str, pdf: str) -> list[list[str]]:
    """Convert one DOCX; return its table of contents with page numbers (empty when it has none)."""
    muat = (prop("Hidden", True), prop("MacroExecutionMode", 0), prop("FilterName", FILTER_DOCX))
    doc = desktop.loadComponentFromURL(url(docx), "_blank", 0, muat)
    if doc is None:
        raise RuntimeError("LibreOffice tidak dapat membuka berkasnya")  # the caller names the document
    try:
        perbarui(doc)
        data = uno.Any("[]com.sun.star.beans.PropertyValue", OPSI_PDF)
        doc.storeToURL(url(pdf), (prop("FilterName", "writer_pdf_Export"), prop("FilterData", data)))
        return daftar_isi(doc)
    finally:
        doc.close(True)


def main() -> None:
    tugas = json.loads(sys.argv[1])
    jaga_pemanggil(tugas["jaga"])
    proses = mulai(tugas["soffice"], tugas["profil"], f"iku-{os.getpid()}")
    try:
        ctx: Any = sambung(f"iku-{os.getpid()}", proses)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        hasil: dict[str, Any] = {"versi": versi(ctx), "daftar_isi": {}}
        for docx, pdf in tugas["berkas"]:
            try:
                hasil["daftar_isi"][docx] = ubah(desktop, docx, pdf)
                if "kabar" in tugas:  # progress for the caller, one line per document
                    os.write(tugas["kabar"], f"{Path(pdf).name}\n".encode())
            except Exception as exc:
                sebab = getattr(exc, "Message", "") or str(exc) or type(exc).__name__
                raise RuntimeError(f"{Path(docx).name} tidak dapat diubah ke PDF ({sebab})") from exc
        hentikan(desktop, proses)
    except BaseException as exc:  # LibreOffice must not outlive us: say why, then end the group
        traceback.print_exc()
        print(f"{PENANDA_GAGAL}{exc}", file=sys.stderr, flush=True)
        os.killpg(0, signal.SIGKILL)
    print(json.dumps(hasil), flush=True)


def hentikan(desktop: Any, proses: subprocess.Popen[bytes]) -> None:
    try:
        desktop.terminate()
    except Exception:  # the bridge is often disposed while the office shuts down
        pass
    proses.wait(timeout=60)


if __name__ == "__main__":
    main()
