"""`iku check` run: generate's pipeline stopped after its check step, writing nothing.

The config is read and checked by the drafting rules (naskah.py, perubahan.py); each template
is checked by the template rules (templat.py), then, when they find no error, given its
context and filled, laid out and packed in memory by generate's own steps (iku/buat.py), so
whatever would stop generate stops check. Every finding is a `Masalah`; a `Hasil` (temuan.py)
sorts them into errors (always fatal) and warnings (fatal only with --strict).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from ..galat import ConfigError, IkuError, Masalah
from ..konfigurasi import Bacaan, baca
from .naskah import periksa_naskah
from .temuan import Hasil


def periksa(path: Path, templates: Path) -> Hasil:
    """Check one config and a folder of templates; writes nothing."""
    try:
        bacaan = baca(path)
    except ConfigError as exc:
        return Hasil(exc.masalah, [])
    return periksa_bacaan(bacaan, templates)


def periksa_bacaan(bacaan: Bacaan, templates: Path) -> Hasil:
    """Drafting warnings of a validated config, and the problems of the templates it would fill."""
    hasil = Hasil([], periksa_naskah(bacaan))
    hasil.tambah(periksa_folder(templates, bacaan))
    return hasil


def periksa_folder(folder: Path, bacaan: Bacaan) -> Hasil:
    """Every .docx in folder: those generate uses with their context, others with all of it."""
    from ..naskah import LAPORAN_TRIWULAN, per_templat, set_tahun  # the documents' contexts: import on use

    config = bacaan.config
    with tempfile.TemporaryDirectory(prefix="iku-periksa-") as gambar:  # check leaves nothing behind
        konteks = {j.templat: j.konteks(config, Path(gambar)) for j in set_tahun(config)}
        triwulan = per_templat()[LAPORAN_TRIWULAN]
        if (folder / triwulan.templat).is_file() and any(b.realisasi_triwulan for b in config.iku):
            konteks[triwulan.templat] = triwulan.konteks(config, Path(gambar))  # what `iku triwulan` will fill
        return _periksa_folder(folder, bacaan, konteks)


def _periksa_folder(folder: Path, bacaan: Bacaan, konteks: dict[str, dict[str, Any]]) -> Hasil:
    from ..naskah import per_templat

    temuan = Hasil()
    for nama in konteks:
        if not (folder / nama).is_file():
            temuan.galat.append(
                Masalah(
                    "templat tidak ditemukan",
                    berkas=folder / nama,
                    saran="salin templat itu dari folder templates/ bawaan",
                )
            )
    semua: dict[str, Any] = {}
    for k in konteks.values():
        semua.update(k)
    for path in sorted(folder.glob("*.docx")):
        if path.name.startswith("~$"):  # Word's lock file while a template is open
            continue
        if path.name in per_templat() and path.name not in konteks:  # a document this config does not make
            continue
        if path.name in templat_pemda():  # the Pemda's (iku kabupaten): filled from pemda.toml, not this config
            continue
        temuan.tambah(periksa_berkas(path, konteks.get(path.name, semua), bacaan))
    return temuan


def periksa_berkas(path: Path, konteks: dict[str, Any], bacaan: Bacaan) -> Hasil:
    """Every problem of one template file: the template rules, then (when they find no error)
    generate's fill, layout and pack of it in memory."""
    from ..naskah.keputusan import susunan_lampiran
    from .templat import periksa_templat  # the template rules read DOCX: import on use

    temuan = periksa_templat(path, konteks, susunan_lampiran(bacaan.config) is not None)
    if not temuan.galat:
        _coba_isi(path, konteks, bacaan, temuan)
    return Hasil(list(dict.fromkeys(temuan.galat)), list(dict.fromkeys(temuan.peringatan)))


def _coba_isi(path: Path, konteks: dict[str, Any], bacaan: Bacaan, temuan: Hasil) -> None:
    """The template through generate's own fill, layout and pack steps, in memory."""
    from ..buat import isi_naskah, kemas
    from ..naskah import per_templat
    from .templat import slot_srikandi

    try:
        doc = isi_naskah(bacaan, path, per_templat().get(path.name), konteks)
        temuan.peringatan += slot_srikandi(path, doc, bacaan.config)
        kemas(doc, bacaan.config)  # packing fails too on some broken templates
    except IkuError as exc:
        temuan.galat += exc.masalah
    except Exception as exc:  # docxtpl/lxml fail in many ways on a broken template; all mean the same
        temuan.galat.append(
            Masalah(
                f"templat tidak dapat diisi ({type(exc).__name__}: {exc})",
                berkas=path,
                saran="bandingkan tanda {% %} templat dengan templat bawaan",
            )
        )


def templat_pemda() -> set[str]:
    """The templates of the Pemda's documents (`iku kabupaten`), which an agency config does not fill."""
    from ..kabupaten.naskah import DAFTAR

    return {n.templat for n in DAFTAR}
