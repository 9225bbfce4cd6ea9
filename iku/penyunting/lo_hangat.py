"""Helper run by a python that can import `uno`: ONE headless LibreOffice kept warm for the
editor's previews, converting DOCX to PDF on request until its caller goes away.

Requests come one JSON line at a time on stdin, answers go one JSON line to stdout:

    {"berkas": [[DOCX, PDF], ...]}  ->  {"ok": true}  or  {"galat": "why"}

End of stdin (the server stopped, or died even by SIGKILL, closing the pipe) ends
LibreOffice and this process group. Started as leader of its own process group, so the
server can also kill the whole group (LibreOffice included) in one call.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # lo_pembantu: the same UNO steps

from lo_pembantu import FILTER_DOCX, hentikan, mulai, perbarui, prop, sambung, url

SARING_PDF = "writer_pdf_Export"


def ubah(desktop: Any, docx: str, pdf: str) -> None:
    """One DOCX to a plain PDF (a preview needs no PDF/A)."""
    muat = (prop("Hidden", True), prop("MacroExecutionMode", 0), prop("FilterName", FILTER_DOCX))
    doc = desktop.loadComponentFromURL(url(docx), "_blank", 0, muat)
    if doc is None:
        raise RuntimeError(f"LibreOffice tidak dapat membuka {Path(docx).name}")
    try:
        perbarui(doc)
        doc.storeToURL(url(pdf), (prop("FilterName", SARING_PDF),))
    finally:
        doc.close(True)


def layani(desktop: Any) -> None:
    for baris in sys.stdin:
        tugas = json.loads(baris)
        try:
            for docx, pdf in tugas["berkas"]:
                ubah(desktop, docx, pdf)
            jawab: dict[str, Any] = {"ok": True}
        except Exception as exc:
            jawab = {"galat": getattr(exc, "Message", "") or str(exc) or type(exc).__name__}
        print(json.dumps(jawab), flush=True)


def main() -> None:
    tugas = json.loads(sys.argv[1])
    pipa = f"iku-hangat-{os.getpid()}"
    proses = mulai(tugas["soffice"], tugas["profil"], pipa)
    try:
        ctx = sambung(pipa, proses)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        print(json.dumps({"siap": True}), flush=True)
        layani(desktop)
        hentikan(desktop, proses)
    finally:
        os.killpg(0, signal.SIGKILL)  # LibreOffice never outlives this helper


if __name__ == "__main__":
    main()
