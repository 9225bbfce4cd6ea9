"""The form of one file, as a blueprint: show it, check while typing, save, generate, preview, download.

Mounted once per file kind and place (see aplikasi.py); each view finds its file's Meja for the
request (g.meja) and builds every address with url_for, so the same views serve `--config FILE`
at the root, each agency of a kabupaten under /instansi/<file>, and pemda.toml under /pemda.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from flask import Blueprint, Response, abort, current_app, g, jsonify, render_template, request, send_file, url_for

from ..bahasa import label_butir
from ..beda import beda, kata_berbeda
from ..galat import IkuError
from ..konfigurasi import baca_bytes
from ..model import TRIWULAN
from ..triwulan import nama_tw
from . import skema
from .jaga import token
from .peta import judul_isian, label_halaman, susun, ubah_daftar
from .ruang import Meja
from .sunting import Halaman

bp = Blueprint("formulir", __name__)


@bp.url_value_preprocessor
def pilih_meja(endpoint: str | None, values: dict[str, Any] | None) -> None:
    """The file this request edits: by the mount it came through, and the agency its address names."""
    kode = values.pop("kode", None) if values else None
    meja = current_app.extensions["iku"].meja(request.blueprint, kode)
    if meja is None:
        abort(404, "Berkas itu tidak ada di folder ini")
    g.meja, g.kode = meja, kode


@bp.url_defaults
def tambah_kode(endpoint: str, values: dict[str, Any]) -> None:
    """Addresses built on an agency's page stay under that agency."""
    if g.get("kode") is not None and current_app.url_map.is_endpoint_expecting(endpoint, "kode"):
        values.setdefault("kode", g.kode)


def meja() -> Meja:
    return g.meja


def tampil(halaman: Halaman, status: int = 200) -> tuple[str, int]:
    return render_template(meja().templat, **konteks(halaman, meja())), status


def khusus_buat() -> None:
    """Generating, the archive and the diff belong to a file that makes its own set (not a kabupaten's)."""
    if not meja().buat:
        abort(404, "Dokumen kabupaten dibuat dengan iku kabupaten FOLDER")


@bp.get("/")
def utama() -> tuple[str, int]:
    m = meja()
    try:
        halaman = m.penyunting.baca()
    except IkuError as exc:
        return render_template("galat.html", kode=500, pesan=exc.uraian()), 500
    if m.pratinjau is not None and halaman.rusak is None and not halaman.galat:
        m.pratinjau.minta_dari_berkas()
    return tampil(halaman)


@bp.post("/")
def kirim() -> tuple[str, int]:
    m = meja()
    sk = m.penyunting.skema
    pohon = susun(request.form.items(multi=True), sk)
    kode = request.form.get("_sidik", "")
    if "aksi" in request.form:
        ubah_daftar(pohon, request.form["aksi"], sk)
        return tampil(Halaman(pohon, kode, kabar="Urutan diubah; belum disimpan."))
    if "buat" in request.form:
        khusus_buat()
        halaman = m.penyunting.buat(pohon, kode, request.form.get("_ganti") == "ya", request.form.get("_pdf") == "ya")
    else:
        halaman, _ = m.penyunting.simpan(pohon, kode)
    if m.pratinjau is not None and halaman.tersimpan:
        m.pratinjau.minta_dari_berkas()
    return tampil(halaman, 409 if halaman.konflik is not None else 200 if halaman.tersimpan else 422)


@bp.post("/periksa")
def periksa() -> Response:
    """Checks while typing: the messages per field, nothing written."""
    p = meja().penyunting
    uji = p.uji(susun(request.form.items(multi=True), p.skema), baca_bytes(p.config))
    return jsonify({"galat": _per_isian(uji.galat), "peringatan": _per_isian(uji.peringatan)})


@bp.get("/berkas/<int:tahun>/<nama>")
def unduh(tahun: int, nama: str) -> Response:
    khusus_buat()
    berkas = meja().penyunting.berkas_arsip(tahun).get(nama)
    if berkas is None:
        abort(404, "Berkas tidak ada di arsip")
    return send_file(berkas, as_attachment=True, download_name=berkas.name)


@bp.get("/berkas/<int:tahun>.zip")
def unduh_zip(tahun: int) -> Response:
    khusus_buat()
    semua = meja().penyunting.berkas_arsip(tahun)
    if not semua:
        abort(404, "Arsip tahun itu tidak ada")
    return send_file(
        io.BytesIO(_zip(tahun, semua)),
        mimetype="application/zip",
        as_attachment=True,
        download_name=f"arsip-iku-{tahun}.zip",
    )


@bp.get("/beda")
def lihat_beda() -> tuple[str, int]:
    khusus_buat()
    p = meja().penyunting
    lama = p.arsip_terakhir()
    if lama is None:
        return render_template("beda.html", lama=None, perubahan=[], token=token()), 200
    try:
        perubahan = beda(lama, p.config)
    except IkuError as exc:
        return render_template("galat.html", kode=422, pesan=exc.uraian()), 422
    baris = [(x, kata_berbeda(x.lama or "", x.baru or "") if x.jenis == "ubah" else None) for x in perubahan]
    return render_template("beda.html", lama=lama, perubahan=baris, config=p.config), 200


@bp.get("/pratinjau.json")
def status_pratinjau() -> Response:
    pt = meja().pratinjau
    if pt is None:
        return jsonify({"versi": 0, "halaman": {}, "galat": None, "sibuk": False})
    return jsonify(_dengan_alamat(pt.keadaan()))


@bp.post("/pratinjau")
def pilih_pratinjau() -> Response:
    """A preview button: show this document (PK, LKjIP, book...) from the file as saved."""
    pt = meja().pratinjau
    if pt is None:
        abort(404, "Pratinjau tidak aktif")
    try:
        pt.minta_naskah(request.form.get("naskah", ""))
    except ValueError:
        abort(400, "Dokumen pratinjau tidak dikenal")
    return jsonify(_dengan_alamat(pt.keadaan()))


@bp.get("/pratinjau/<int:versi>/<int:nomor>.png")
def gambar_pratinjau(versi: int, nomor: int) -> Response:
    pt = meja().pratinjau
    berkas = pt.gambar(versi, nomor) if pt is not None else None
    if berkas is None:
        abort(404, "Gambar pratinjau tidak ada")
    return send_file(berkas, mimetype="image/png")


def _dengan_alamat(keadaan: dict[str, Any]) -> dict[str, Any]:
    """The preview's state with each page's picture as the address this mount serves it at."""
    v = keadaan["versi"]
    halaman = {
        judul: [url_for(".gambar_pratinjau", versi=v, nomor=n) for n in nomor]
        for judul, nomor in keadaan["halaman"].items()
    }
    return {**keadaan, "halaman": halaman}


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


def konteks(h: Halaman, m: Meja) -> dict[str, Any]:
    """What the form's page needs (halaman.html for an agency's config, pemda.html for pemda.toml)."""
    pesan: dict[str, list[tuple[str, Any]]] = {}
    for jenis, daftar in (("galat", h.galat), ("peringatan", h.peringatan)):
        for nama, masalah in daftar:
            pesan.setdefault(nama or "", []).append((jenis, masalah))
    p, sk = m.penyunting, m.penyunting.skema
    return dict(
        h=h,
        pohon=h.pohon,
        pesan=pesan,
        token=token(),
        config=p.config,
        output=p.output,
        meja=m,
        sk=sk,
        label=label_butir,
        label_halaman=label_halaman(h.pohon),
        penomoran=sk.penomoran,
        judul_isian=lambda nama: judul_isian(nama, sk),
        tahun_target=tahun_target,
        tahun_realisasi=tahun_realisasi,
        arsip=p.tahun_arsip() if m.buat else [],
        ada_arsip_lama=m.buat and p.arsip_terakhir() is not None,
        pratinjau=m.pratinjau is not None,
        NAMA_TRIWULAN={t: nama_tw(int(t)) for t in TRIWULAN},
        **{nama: getattr(skema, nama) for nama in BAGIAN_SKEMA},
    )


# The agency form's sections (skema.py), by the names halaman.html uses.
BAGIAN_SKEMA = (
    "TAHUN",
    "INSTANSI",
    "FORMAT",
    "PENANDATANGAN",
    "KEPUTUSAN",
    "DAFTAR_KEPUTUSAN",
    "RENCANA",
    "DOKUMEN",
    "UNIT",
    "IKU",
    "PECAHAN",
    "ARAH",
    "ANALISIS",
    "TTE",
    "LAMPIRAN",
    "DAFTAR_LAMPIRAN",
    "PERUBAHAN",
    "ALASAN_HAPUS",
    "PERJANJIAN_KINERJA",
    "PIHAK_KEDUA",
    "KALIMAT_PK",
    "PROGRAM",
    "LAPORAN_KINERJA",
    "DALAM_TAHUN",
    "RENCANA_AKSI",
    "MANUAL_IKU",
)
