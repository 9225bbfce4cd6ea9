"""Helper run by a python that can import `uno` (LibreOffice's own, or Debian's python3 with
python3-uno): starts ONE headless LibreOffice and converts documents on request until its
caller closes stdin. The only program that talks UNO; iku/pdf.py (class LibreOffice) is the
only caller: `generate --pdf`, every worker of `iku kabupaten`, the editor's warm preview and
`iku impor` of a .doc/.odt/.xls all go through it.

It is a script, not part of the package's import graph: the package's own python usually
cannot import uno. Its one argument is JSON; requests and answers are JSON lines:

    argv:   {"soffice": PATH, "profil": DIR}
    stdout: {"siap": true, "versi": "7.4.7.2"}                 once LibreOffice answers
    stdin:  {"jenis": "pdfa", "berkas": [[SOURCE, TARGET], ...]}
    stdout: {"selesai": "TARGET NAME"}                          as each document is written
            {"ok": true, "daftar_isi": {SOURCE: [[ENTRY, PAGE], ...]}}  or  {"galat": "why"}

Kinds (JENIS): "pdfa" PDF/A-2b with the tables of contents updated (generate), "pdf" a plain
PDF (the editor's preview), "docx" and "xlsx" a format conversion of an old file (impor).

The process runs as leader of its own process group, and LibreOffice stays in that group.
End of stdin while idle (the caller is done) stops LibreOffice politely; end of stdin while
converting means the caller died (even by SIGKILL): the whole group is killed at once.
"""

from __future__ import annotations

import json
import os
import queue
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


# PDF/A-2b; pictures lossless at full resolution (a QR code recompressed to JPEG does not scan);
# bookmarks as named destinations (`iku tandatangani` finds the signing spaces by them).
OPSI_PDFA = (
    prop("SelectPdfVersion", 2),
    prop("UseLosslessCompression", True),
    prop("ReduceImageResolution", False),
    prop("ExportBookmarksToPDFDestination", True),
)


class Jenis:
    """How one kind of conversion loads and stores."""

    def __init__(self, muat: str | None, simpan: str, opsi: tuple[PropertyValue, ...] = (), perbarui: bool = False):
        self.muat, self.simpan, self.opsi, self.perbarui = muat, simpan, opsi, perbarui


JENIS = {
    "pdfa": Jenis(FILTER_DOCX, "writer_pdf_Export", OPSI_PDFA, perbarui=True),
    "pdf": Jenis(FILTER_DOCX, "writer_pdf_Export", perbarui=True),
    "docx": Jenis(None, FILTER_DOCX),  # an old Word/Writer file: LibreOffice detects its type
    "xlsx": Jenis(None, "Calc MS Excel 2007 XML"),
}


def url(path: str) -> str:
    return Path(path).resolve().as_uri()


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


def sambung(pipa: str, proses: subprocess.Popen[bytes]) -> Any:
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
    if not hasattr(doc, "getDocumentIndexes"):
        return []
    indeks = doc.getDocumentIndexes()
    for i in range(indeks.getCount()):
        isi = indeks.getByIndex(i)
        if isi.supportsService("com.sun.star.text.ContentIndex"):
            baris = isi.getAnchor().getString().replace("\r\n", "\n").split("\n")
            return [b.rsplit("\t", 1) for b in baris if "\t" in b]
    return []


def ubah(desktop: Any, jenis: Jenis, sumber: str, tujuan: str) -> list[list[str]]:
    """Convert one document; return its table of contents with page numbers (empty when it has none).

    Nothing in the document runs: no macro, no link update (an old file may point anywhere)."""
    muat: tuple[PropertyValue, ...] = (prop("Hidden", True), prop("MacroExecutionMode", 0))  # NEVER_EXECUTE
    # our own DOCX by its filter; an old file by type detection, its links never updated (NO_UPDATE)
    muat += (prop("FilterName", jenis.muat),) if jenis.muat else (prop("UpdateDocMode", 0),)
    doc = desktop.loadComponentFromURL(url(sumber), "_blank", 0, muat)
    if doc is None:
        raise RuntimeError("LibreOffice tidak dapat membukanya")  # the caller names the document
    try:
        if jenis.perbarui:
            perbarui(doc)
        simpan: tuple[PropertyValue, ...] = (prop("FilterName", jenis.simpan),)
        if jenis.opsi:
            simpan += (prop("FilterData", uno.Any("[]com.sun.star.beans.PropertyValue", jenis.opsi)),)
        doc.storeToURL(url(tujuan), simpan)
        return daftar_isi(doc) if jenis.perbarui else []
    finally:
        doc.close(True)


def jawab(isi: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(isi) + "\n")
    sys.stdout.flush()


def kerjakan(desktop: Any, tugas: dict[str, Any]) -> dict[str, Any]:
    """One request: every document converted in order, or the first failure named."""
    jenis, hasil = JENIS[tugas["jenis"]], {}
    for sumber, tujuan in tugas["berkas"]:
        try:
            hasil[sumber] = ubah(desktop, jenis, sumber, tujuan)
        except Exception as exc:
            sebab = getattr(exc, "Message", "") or str(exc) or type(exc).__name__
            sasaran = "PDF" if tugas["jenis"].startswith("pdf") else tugas["jenis"]
            return {"galat": f"{Path(sumber).name} tidak dapat diubah ke {sasaran} ({sebab})"}
        jawab({"selesai": Path(tujuan).name})
    return {"ok": True, "daftar_isi": hasil}


def dengar_stdin(masuk: queue.Queue[bytes | None], sibuk: threading.Event) -> None:
    """Pass each request line on; at end of input while a conversion runs, the caller is gone:
    kill the group (LibreOffice included) now rather than finish for nobody."""
    for baris in iter(sys.stdin.buffer.readline, b""):
        masuk.put(baris)
    if sibuk.is_set():
        os.killpg(0, signal.SIGKILL)
    masuk.put(None)


def hentikan(desktop: Any, proses: subprocess.Popen[bytes]) -> None:
    try:
        desktop.terminate()
    except Exception:  # the bridge is often disposed while the office shuts down
        pass
    proses.wait(timeout=60)


def main() -> None:
    argumen = json.loads(sys.argv[1])
    masuk: queue.Queue[bytes | None] = queue.Queue()
    sibuk = threading.Event()
    sibuk.set()  # starting counts as busy: a caller gone meanwhile takes LibreOffice with it
    threading.Thread(target=dengar_stdin, args=(masuk, sibuk), daemon=True).start()
    pipa = f"iku-{os.getpid()}"
    proses = mulai(argumen["soffice"], argumen["profil"], pipa)
    try:
        ctx = sambung(pipa, proses)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        jawab({"siap": True, "versi": versi(ctx)})
        while True:
            sibuk.clear()
            baris = masuk.get()
            if baris is None:
                break
            sibuk.set()
            jawaban = kerjakan(desktop, json.loads(baris))
            sibuk.clear()
            jawab(jawaban)
        hentikan(desktop, proses)
    except BaseException as exc:  # LibreOffice must not outlive us: say why, then end the group
        traceback.print_exc()
        print(f"{PENANDA_GAGAL}{exc}", file=sys.stderr, flush=True)
        os.killpg(0, signal.SIGKILL)


if __name__ == "__main__":
    main()
