"""A kabupaten folder's landing page (`iku serve --kabupaten FOLDER`): every agency config with
its `iku check` counts and a link to its form, pemda.toml's state and form, and the kabupaten's
own check (what makes `iku kabupaten` refuse, else its gap report)."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template, url_for

from ..galat import Masalah
from ..kabupaten.model import NAMA_BERKAS
from .peta import dari_kunci

bp = Blueprint("kabupaten", __name__)


@bp.get("/")
def beranda() -> str:
    ruang = current_app.extensions["iku"]
    ikhtisar = ruang.ikhtisar()
    kode = {s.path.resolve(): s.kode for s in ikhtisar.instansi}

    def tautan(m: Masalah) -> str | None:
        """The form where a problem is fixed, at its field when it names one."""
        if m.berkas is None:
            return None
        berkas = m.berkas.resolve()
        jangkar = f"#isian-{dari_kunci(m.kunci)}" if m.kunci else ""
        if berkas == (ruang.folder / NAMA_BERKAS).resolve():
            return url_for("pemda.utama") + jangkar
        if berkas in kode:
            return url_for("instansi.utama", kode=kode[berkas]) + jangkar
        return None

    return render_template("kabupaten.html", ikhtisar=ikhtisar, folder=ruang.folder, tautan=tautan)
