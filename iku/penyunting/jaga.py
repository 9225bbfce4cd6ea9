"""What every request of `iku serve` passes first, whichever page it asks for.

Only the Host this server was told to use; no request from another site's page (Origin); every
POST carries the session's token; safe headers on every answer; errors as a page in Indonesian.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
from typing import TYPE_CHECKING, Any

from flask import Blueprint, Response, abort, current_app, render_template, request, session

if TYPE_CHECKING:
    from .aplikasi import Pengaturan

bp = Blueprint("jaga", __name__)
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def loopback(host: str) -> bool:
    """Whether host only reaches this machine."""
    if host in LOOPBACK:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def host_diterima(host_header: str, p: Pengaturan) -> bool:
    """The Host a browser sends for this server: a loopback name, or the address it was told to use.

    A DNS name other than localhost is refused: that is how a rebinding attack reaches us."""
    nama, _, port = host_header.rpartition(":") if not host_header.endswith("]") else (host_header, "", "")
    if port != str(p.port):
        return False
    nama = nama.strip("[]")
    if loopback(nama) or nama == p.host:
        return True
    if p.host in ("0.0.0.0", "::"):
        try:
            ipaddress.ip_address(nama)
            return True
        except ValueError:
            return False
    return False


def token() -> str:
    """The session's token, made on first need."""
    if "token" not in session:
        session["token"] = secrets.token_urlsafe(32)
    return session["token"]


@bp.before_app_request
def periksa_asal() -> None:
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
