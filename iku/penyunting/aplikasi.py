"""The Flask application of `iku serve`, made by one factory from three blueprints.

jaga (every request: Host, Origin, token, safe headers, error pages), formulir (one file's
form: show, check, save, generate, preview, download) and kabupaten (a kabupaten folder's
landing page). The form's blueprint is mounted once at the root for `--config FILE`, or per
agency under /instansi/<file> and once at /pemda for pemda.toml with `--kabupaten FOLDER`;
its pages build every address with url_for, so the same page works under each mount.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import Flask, url_for

from . import jaga, laman_formulir, laman_kabupaten
from .jaga import host_diterima, loopback
from .ruang import INSTANSI, PEMDA, TUNGGAL, Meja, RuangKabupaten, RuangTunggal
from .sunting import Penyunting

__all__ = ["Pengaturan", "buat_aplikasi", "host_diterima", "loopback"]

BATAS_PERMINTAAN = 2 * 1024 * 1024  # a config is a few dozen kB; anything near this is not a form


@dataclass(frozen=True)
class Pengaturan:
    """Where the server listens and what it edits (kabupaten: a folder of agency configs and pemda.toml)."""

    config: Path
    output: Path
    templates: Path
    host: str = "127.0.0.1"
    port: int = 8000
    kabupaten: Path | None = None


def buat_aplikasi(p: Pengaturan, pratinjau: Any = None, pratinjau_untuk: Callable[[Path], Any] | None = None) -> Flask:
    """The editor's web application.

    One config: pratinjau is its pratinjau.Pratinjau (None: no pictures). A kabupaten (p.kabupaten):
    pratinjau_untuk(config) makes an agency's preview the first time its form is opened."""
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=secrets.token_bytes(32),
        MAX_CONTENT_LENGTH=BATAS_PERMINTAAN,
        SESSION_COOKIE_SAMESITE="Strict",
        SESSION_COOKIE_HTTPONLY=True,
        TEMPLATES_AUTO_RELOAD=False,
        IKU_PENGATURAN=p,
    )
    app.jinja_env.autoescape = True
    app.register_blueprint(jaga.bp)
    if p.kabupaten is None:
        ruang: RuangTunggal | RuangKabupaten = RuangTunggal(
            Meja(Penyunting(p.config, p.output, p.templates), pratinjau)
        )
        app.register_blueprint(laman_formulir.bp, name=TUNGGAL)
        beranda = f"{TUNGGAL}.utama"
    else:
        ruang = RuangKabupaten(p.kabupaten, p.templates, pratinjau_untuk)
        app.register_blueprint(laman_kabupaten.bp)
        app.register_blueprint(laman_formulir.bp, name=INSTANSI, url_prefix="/instansi/<kode>")
        app.register_blueprint(laman_formulir.bp, name=PEMDA, url_prefix="/pemda")
        beranda = "kabupaten.beranda"
    app.extensions["iku"] = ruang

    @app.context_processor
    def alamat_beranda() -> dict[str, Any]:
        return {"alamat_beranda": url_for(beranda)}

    return app
