"""What every request of `iku serve` passes first, whichever page it asks for.

Only the Host this server was told to use; no request from another site's page (Origin); every
POST carries the session's token; safe headers on every answer; errors as a page in Indonesian.
"""

from __future__ import annotations

import hmac
import secrets
from typing import Any

from flask import Blueprint, Response, abort, current_app, render_template, request, session

bp = Blueprint("jaga", __name__)


def token() -> str:
    """The session's token, made on first need."""
    if "token" not in session:
        session["token"] = secrets.token_urlsafe(32)
    return session["token"]


@bp.before_app_request
def periksa_asal() -> None:
    from .aplikasi import host_diterima

    if not host_diterima(request.host, current_app.config["IKU_PENGATURAN"]):
        abort(400, "Host tidak dikenal")
    asal = request.headers.get("Origin")
    if asal is not None and asal != f"{request.scheme}://{request.host}":
        abort(403, "Permintaan dari laman lain ditolak")
    if request.method == "POST":
        dikirim = request.form.get("_token", "")
        if "token" not in session or not hmac.compare_digest(dikirim, session["token"]):
            abort(403, "Token sesi tidak cocok; muat ulang halaman")


@bp.after_app_request
def kepala_aman(resp: Response) -> Response:
    resp.headers["Content-Security-Policy"] = (
        "default-src 'self'; img-src 'self'; style-src 'self'; "
        "script-src 'self'; frame-ancestors 'none'; form-action 'self'"
    )
    resp.headers["X-Content-Type-Options"] = "nosniff"
    resp.headers["Referrer-Policy"] = "same-origin"  # "no-referrer" makes a form POST say Origin: null
    resp.headers["Cache-Control"] = "no-store"
    return resp


@bp.app_errorhandler(400)
@bp.app_errorhandler(403)
@bp.app_errorhandler(404)
@bp.app_errorhandler(413)
def galat_http(exc: Any) -> tuple[str, int]:
    pesan = {413: "Permintaan terlalu besar."}.get(exc.code, exc.description)
    return render_template("galat.html", kode=exc.code, pesan=pesan), exc.code


@bp.app_errorhandler(500)
def galat_dalam(exc: Any) -> tuple[str, int]:
    pesan = (
        "Terjadi kesalahan di dalam penyunting. Berkas konfigurasi selalu ditulis utuh atau tidak "
        "sama sekali; muat ulang halaman untuk melihat isinya sekarang. Bila berulang, jalankan "
        "`iku check` di terminal."
    )
    return render_template("galat.html", kode=500, pesan=pesan), 500
