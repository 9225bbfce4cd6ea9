"""The Flask server of `iku serve`: pages, the per-session token, and what a request may reach.

Only this machine is served unless told otherwise; every POST carries the session's token;
a request naming another Host or Origin is refused (DNS rebinding, cross-site forms); files
are downloaded only by name from the archive's own listing, never from a path in a request.
"""

from __future__ import annotations

import hmac
import io
import ipaddress
import secrets
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import (
    Flask,
    Response,
    abort,
    jsonify,
    render_template,
    request,
    send_file,
    session,
)

from ..bahasa import label_butir
from ..beda import beda, kata_berbeda
from ..galat import IkuError
from ..model import TRIWULAN
from .peta import judul_isian, label_halaman, susun, ubah_daftar
from .skema import (
    ALASAN_HAPUS,
    ANALISIS,
    ARAH,
    DAFTAR_KEPUTUSAN,
    DAFTAR_LAMPIRAN,
    DALAM_TAHUN,
    DOKUMEN,
    FORMAT,
    IKU,
    INSTANSI,
    KALIMAT_PK,
    KEPUTUSAN,
    LAMPIRAN,
    LAPORAN_KINERJA,
    MANUAL_IKU,
    PECAHAN,
    PENANDATANGAN,
    PERJANJIAN_KINERJA,
    PERUBAHAN,
    PIHAK_KEDUA,
    PROGRAM,
    RENCANA,
    RENCANA_AKSI,
    SKEMA,
    TAHUN,
    TTE,
    UNIT,
)
from .sunting import Halaman, Penyunting

BATAS_PERMINTAAN = 2 * 1024 * 1024  # a config is a few dozen kB; anything near this is not a form
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@dataclass(frozen=True)
class Pengaturan:
    """Where the server listens and what it edits."""

    config: Path
    output: Path
    templates: Path
    host: str = "127.0.0.1"
    port: int = 8000


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


def buat_aplikasi(p: Pengaturan, pratinjau: Any = None) -> Flask:
    """The editor's web application (pratinjau: a pratinjau.Pratinjau, or None for no pictures)."""
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=secrets.token_bytes(32),
        MAX_CONTENT_LENGTH=BATAS_PERMINTAAN,
        SESSION_COOKIE_SAMESITE="Strict",
        SESSION_COOKIE_HTTPONLY=True,
        TEMPLATES_AUTO_RELOAD=False,
    )
    app.jinja_env.autoescape = True
    penyunting = Penyunting(p.config, p.output, p.templates)
    app.extensions["iku"] = penyunting
    app.extensions["iku_pratinjau"] = pratinjau
    _jaga(app, p)
    _rute(app, p, penyunting, pratinjau)
    return app


def token() -> str:
    """The session's token, made on first need."""
    if "token" not in session:
        session["token"] = secrets.token_urlsafe(32)
    return session["token"]


def _jaga(app: Flask, p: Pengaturan) -> None:
    @app.before_request
    def periksa_asal() -> None:
        if not host_diterima(request.host, p):
            abort(400, "Host tidak dikenal")
        asal = request.headers.get("Origin")
        if asal is not None and asal != f"{request.scheme}://{request.host}":
            abort(403, "Permintaan dari laman lain ditolak")
        if request.method == "POST":
            dikirim = request.form.get("_token", "")
            if "token" not in session or not hmac.compare_digest(dikirim, session["token"]):
                abort(403, "Token sesi tidak cocok; muat ulang halaman")

    @app.after_request
    def kepala_aman(resp: Response) -> Response:
        resp.headers["Content-Security-Policy"] = (
            "default-src 'self'; img-src 'self'; style-src 'self'; "
            "script-src 'self'; frame-ancestors 'none'; form-action 'self'"
        )
        resp.headers["X-Content-Type-Options"] = "nosniff"
        resp.headers["Referrer-Policy"] = "same-origin"  # "no-referrer" makes a form POST say Origin: null
        resp.headers["Cache-Control"] = "no-store"
        return resp

    @app.errorhandler(400)
    @app.errorhandler(403)
    @app.errorhandler(404)
    @app.errorhandler(413)
    def galat_http(exc: Any) -> tuple[str, int]:
        pesan = {413: "Permintaan terlalu besar."}.get(exc.code, exc.description)
        return render_template("galat.html", kode=exc.code, pesan=pesan), exc.code

    @app.errorhandler(500)
    def galat_dalam(exc: Any) -> tuple[str, int]:
        pesan = (
            "Terjadi kesalahan di dalam penyunting. Berkas konfigurasi selalu ditulis utuh atau tidak "
            "sama sekali; muat ulang halaman untuk melihat isinya sekarang. Bila berulang, jalankan "
            "`iku check` di terminal."
        )
        return render_template("galat.html", kode=500, pesan=pesan), 500


def _rute(app: Flask, p: Pengaturan, penyunting: Penyunting, pratinjau: Any) -> None:
    def tampil(halaman: Halaman, status: int = 200) -> tuple[str, int]:
        return render_template("halaman.html", **konteks(halaman, p, penyunting, pratinjau)), status

    @app.get("/")
    def utama() -> tuple[str, int]:
        try:
            halaman = penyunting.baca()
        except IkuError as exc:
            return render_template("galat.html", kode=500, pesan=exc.uraian()), 500
        if pratinjau is not None and halaman.rusak is None and not halaman.galat:
            pratinjau.minta_dari_berkas()
        return tampil(halaman)

    @app.post("/")
    def kirim() -> tuple[str, int]:
        pohon = susun(request.form.items(multi=True))
        kode = request.form.get("_sidik", "")
        if "aksi" in request.form:
            ubah_daftar(pohon, request.form["aksi"])
            return tampil(Halaman(pohon, kode, kabar="Urutan diubah; belum disimpan."))
        if "buat" in request.form:
            halaman = penyunting.buat(pohon, kode, request.form.get("_ganti") == "ya", request.form.get("_pdf") == "ya")
        else:
            halaman, _ = penyunting.simpan(pohon, kode)
        if pratinjau is not None and halaman.tersimpan:
            pratinjau.minta_dari_berkas()
        return tampil(halaman, 409 if halaman.konflik is not None else 200 if halaman.tersimpan else 422)

    @app.post("/periksa")
    def periksa() -> Response:
        """Checks while typing: the messages per field, nothing written."""
        from ..konfigurasi import baca_bytes

        uji = penyunting.uji(susun(request.form.items(multi=True)), baca_bytes(p.config))
        return jsonify({"galat": _per_isian(uji.galat), "peringatan": _per_isian(uji.peringatan)})

    @app.get("/berkas/<int:tahun>/<nama>")
    def unduh(tahun: int, nama: str) -> Response:
        berkas = penyunting.berkas_arsip(tahun).get(nama)
        if berkas is None:
            abort(404, "Berkas tidak ada di arsip")
        return send_file(berkas, as_attachment=True, download_name=berkas.name)

    @app.get("/berkas/<int:tahun>.zip")
    def unduh_zip(tahun: int) -> Response:
        semua = penyunting.berkas_arsip(tahun)
        if not semua:
            abort(404, "Arsip tahun itu tidak ada")
        return send_file(
            io.BytesIO(_zip(tahun, semua)),
            mimetype="application/zip",
            as_attachment=True,
            download_name=f"arsip-iku-{tahun}.zip",
        )

    @app.get("/beda")
    def lihat_beda() -> tuple[str, int]:
        lama = penyunting.arsip_terakhir()
        if lama is None:
            return render_template("beda.html", lama=None, perubahan=[], token=token()), 200
        try:
            perubahan = beda(lama, p.config)
        except IkuError as exc:
            return render_template("galat.html", kode=422, pesan=exc.uraian()), 422
        baris = [(x, kata_berbeda(x.lama or "", x.baru or "") if x.jenis == "ubah" else None) for x in perubahan]
        return render_template("beda.html", lama=lama, perubahan=baris, config=p.config), 200

    @app.get("/pratinjau.json")
    def status_pratinjau() -> Response:
        if pratinjau is None:
            return jsonify({"versi": 0, "halaman": {}, "galat": None, "sibuk": False})
        return jsonify(pratinjau.keadaan())

    @app.post("/pratinjau")
    def pilih_pratinjau() -> Response:
        """A preview button: show this document (PK, LKjIP, book...) from the file as saved."""
        if pratinjau is None:
            abort(404, "Pratinjau tidak aktif")
        try:
            pratinjau.minta_naskah(request.form.get("naskah", ""))
        except ValueError:
            abort(400, "Dokumen pratinjau tidak dikenal")
        return jsonify(pratinjau.keadaan())

    @app.get("/pratinjau/<int:versi>/<int:nomor>.png")
    def gambar_pratinjau(versi: int, nomor: int) -> Response:
        berkas = pratinjau.gambar(versi, nomor) if pratinjau is not None else None
        if berkas is None:
            abort(404, "Gambar pratinjau tidak ada")
        return send_file(berkas, mimetype="image/png")


def _zip(tahun: int, semua: dict[str, Path]) -> bytes:
    wadah = io.BytesIO()
    with zipfile.ZipFile(wadah, "w", zipfile.ZIP_DEFLATED) as z:
        for nama, berkas in semua.items():
            z.write(berkas, f"{tahun}/{nama}")
    return wadah.getvalue()


def _per_isian(daftar: list) -> dict[str, list[str]]:
    hasil: dict[str, list[str]] = {}
    for nama, m in daftar:
        hasil.setdefault(nama or "", []).append(m.pesan + (f" — {m.saran}" if m.saran else ""))
    return hasil


def tahun_target(pohon: dict[str, Any], baris: dict[str, Any]) -> list[str]:
    """The plan's years (from the form as typed), and any year a row already holds."""
    rencana = pohon.get("rencana") or {}
    tahun: list[str] = []
    try:
        awal, akhir = int(rencana.get("tahun_awal", "")), int(rencana.get("tahun_akhir", ""))
        if 0 <= akhir - awal <= 9:
            tahun = [str(t) for t in range(awal, akhir + 1)]
    except ValueError:
        pass
    return tahun + sorted(k for k in (baris.get("target") or {}) if k not in tahun)


def tahun_realisasi(pohon: dict[str, Any], baris: dict[str, Any]) -> list[str]:
    """tahun_kondisi_awal .. tahun (from the form as typed), and any year a row already holds."""
    tahun: list[str] = []
    try:
        awal, akhir = int((pohon.get("rencana") or {}).get("tahun_kondisi_awal", "")), int(pohon.get("tahun", ""))
        if 0 <= akhir - awal <= 15:
            tahun = [str(t) for t in range(awal, akhir + 1)]
    except (ValueError, TypeError):
        pass
    return sorted(set(tahun) | set(baris.get("realisasi") or {}))


def konteks(h: Halaman, p: Pengaturan, penyunting: Penyunting, pratinjau: Any) -> dict[str, Any]:
    """What halaman.html needs."""
    pesan: dict[str, list[tuple[str, Any]]] = {}
    for jenis, daftar in (("galat", h.galat), ("peringatan", h.peringatan)):
        for nama, m in daftar:
            pesan.setdefault(nama or "", []).append((jenis, m))
    return dict(
        h=h,
        pohon=h.pohon,
        pesan=pesan,
        token=token(),
        config=p.config,
        output=p.output,
        label=label_butir,
        label_halaman=label_halaman(h.pohon),
        judul_isian=judul_isian,
        tahun_target=tahun_target,
        tahun_realisasi=tahun_realisasi,
        arsip=penyunting.tahun_arsip(),
        ada_arsip_lama=penyunting.arsip_terakhir() is not None,
        pratinjau=pratinjau is not None,
        TAHUN=TAHUN,
        INSTANSI=INSTANSI,
        FORMAT=FORMAT,
        PENANDATANGAN=PENANDATANGAN,
        KEPUTUSAN=KEPUTUSAN,
        DAFTAR_KEPUTUSAN=DAFTAR_KEPUTUSAN,
        RENCANA=RENCANA,
        DOKUMEN=DOKUMEN,
        UNIT=UNIT,
        IKU=IKU,
        PECAHAN=PECAHAN,
        ARAH=ARAH,
        ANALISIS=ANALISIS,
        TTE=TTE,
        LAMPIRAN=LAMPIRAN,
        DAFTAR_LAMPIRAN=DAFTAR_LAMPIRAN,
        PERUBAHAN=PERUBAHAN,
        ALASAN_HAPUS=ALASAN_HAPUS,
        penomoran=SKEMA.penomoran,
        PERJANJIAN_KINERJA=PERJANJIAN_KINERJA,
        PIHAK_KEDUA=PIHAK_KEDUA,
        KALIMAT_PK=KALIMAT_PK,
        PROGRAM=PROGRAM,
        LAPORAN_KINERJA=LAPORAN_KINERJA,
        DALAM_TAHUN=DALAM_TAHUN,
        TRIWULAN=TRIWULAN,
        RENCANA_AKSI=RENCANA_AKSI,
        MANUAL_IKU=MANUAL_IKU,
    )
