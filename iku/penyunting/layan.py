"""Run the editor: one local HTTP server, one warm LibreOffice, both stopped together."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace

from werkzeug.serving import BaseWSGIServer, make_server

from ..galat import IkuError, Masalah
from ..konfigurasi import baca_bytes
from .aplikasi import Pengaturan, buat_aplikasi
from .pratinjau import LibreOfficeHangat, Pratinjau


class PenyuntingError(IkuError, judul="Penyunting tidak dapat dijalankan"):
    """The editor's server cannot start (e.g. the port is taken)."""


def ada_pratinjau() -> bool:
    """Previews need LibreOffice and pdftoppm; without them the editor still edits and generates."""
    return bool((shutil.which("soffice") or shutil.which("libreoffice")) and shutil.which("pdftoppm"))


@contextmanager
def server(p: Pengaturan, pratinjau: bool = True) -> Iterator[tuple[BaseWSGIServer, LibreOfficeHangat | None]]:
    """A started (not yet serving) server; on leaving, LibreOffice is stopped whatever happened.

    A kabupaten shares the one warm LibreOffice: each agency's preview is made when its form is first opened."""
    baca_bytes(p.config)  # a missing file (a kabupaten's pemda.toml) is said before anything starts
    lo = LibreOfficeHangat() if pratinjau and ada_pratinjau() else None
    try:
        pt = Pratinjau(lo, p.config, p.templates) if lo and p.kabupaten is None else None
        untuk = (lambda config: Pratinjau(lo, config, p.templates)) if lo and p.kabupaten is not None else None
        try:
            srv = make_server(p.host, p.port, _belum_siap, threaded=True)
        except OSError as exc:
            raise PenyuntingError(
                Masalah(
                    f"alamat {p.host}:{p.port} tidak dapat dipakai ({exc.strerror})",
                    saran="pilih port lain dengan --port, misalnya --port 8001",
                )
            ) from None
        # the app checks the Host header against the port really bound (--port 0 picks one)
        srv.app = buat_aplikasi(replace(p, port=srv.server_port), pt, untuk)
        if p.kabupaten is not None:  # every agency's check begins now, not when the landing page is asked for
            threading.Thread(target=srv.app.extensions["iku"].ikhtisar, name="iku-periksa", daemon=True).start()
        yield srv, lo
    finally:
        if lo is not None:
            lo.hentikan()


def _belum_siap(environ: dict, start_response: Callable) -> list[bytes]:
    start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
    return [b"belum siap"]


def layani(p: Pengaturan, siap: Callable[[str], None], pratinjau: bool = True) -> None:
    """Serve until interrupted (Ctrl-C, SIGTERM); siap(url) is called once it listens."""
    with server(p, pratinjau) as (srv, _):
        host = f"[{p.host}]" if ":" in p.host else p.host
        siap(f"http://{host}:{srv.server_port}/")
        try:
            srv.serve_forever()
        finally:
            srv.server_close()
