"""docs/kunci-konfigurasi.md documents every key of the model, and no key the model lacks."""

from __future__ import annotations

import re
import types
import typing

from pydantic import BaseModel

from bantu import AKAR
from iku import model

RUJUKAN = AKAR / "docs" / "kunci-konfigurasi.md"


def _model_di(anotasi: typing.Any) -> list[tuple[type[BaseModel], bool]]:
    """The models inside a field's type, each with whether it sits in a list."""
    hasil = []
    asal, argumen = typing.get_origin(anotasi), typing.get_args(anotasi)
    if isinstance(anotasi, type) and issubclass(anotasi, BaseModel):
        return [(anotasi, False)]
    if asal is list:
        return [(m, True) for m, _ in _model_di(argumen[0])]
    for a in argumen if asal in (typing.Union, types.UnionType, typing.Annotated) else ():
        hasil += _model_di(a)
    return hasil


def kunci_model(kelas: type[BaseModel] = model.Config, awalan: str = "") -> set[str]:
    """Every key path of the model: instansi.nama, iku[].target, iku[].formulasi.pembilang."""
    semua: set[str] = set()
    for nama, info in kelas.model_fields.items():
        jalur = f"{awalan}{nama}"
        anak = _model_di(info.annotation)
        dalam_daftar = any(d for _, d in anak)
        if not anak or any(m.__name__ == "Pecahan" for m, _ in anak):
            semua.add(jalur)
        for m, daftar in anak:
            semua |= kunci_model(m, f"{jalur}{'[]' if daftar else ''}.")
        if dalam_daftar and not anak:
            semua.add(jalur)
    return semua


def kunci_rujukan() -> set[str]:
    return set(re.findall(r"^\| `([a-z0-9_\[\].]+)` \|", RUJUKAN.read_text(encoding="utf-8"), flags=re.M))


def test_setiap_kunci_model_dijelaskan() -> None:
    assert sorted(kunci_model() - kunci_rujukan()) == []


def test_rujukan_tidak_menyebut_kunci_yang_tidak_ada() -> None:
    assert sorted(kunci_rujukan() - kunci_model()) == []


def test_setiap_baris_rujukan_lengkap() -> None:
    for baris in RUJUKAN.read_text(encoding="utf-8").splitlines():
        if baris.startswith("| `"):
            kolom = [k.strip() for k in baris.strip("|").split("|")]
            assert len(kolom) == 5 and all(kolom), baris


def test_rujukan_dibuat_dari_model_dan_tidak_basi() -> None:
    """Issue 19.3: the reference is generated from the model's metadata; a key, title, meaning or
    choice changed in iku/model.py without regenerating docs/kunci-konfigurasi.md fails here."""
    from iku.rujukan import rujukan_konfigurasi

    assert RUJUKAN.read_text(encoding="utf-8") == rujukan_konfigurasi(), (
        "docs/kunci-konfigurasi.md basi: jalankan `python -m iku.rujukan docs/kunci-konfigurasi.md`"
    )


def test_setiap_kunci_model_berketerangan_lengkap() -> None:
    """Every key carries its title, meaning, example and where it is printed (model.kunci)."""
    from iku.rujukan import kunci_model, semua_kunci

    kurang = [
        k.tertulis
        for k in semua_kunci(kunci_model(model.Config))
        if not (k.judul != k.nama and k.arti and k.contoh and k.tercetak) and k.jenis not in ("tabel", "baris")
    ]
    assert kurang == []


def test_pilihan_dan_bawaan_dari_tipe_model() -> None:
    """Choices and defaults are read from the Literal types and defaults themselves, never retyped."""
    from iku.rujukan import jenis_tertulis, kunci_model, semua_kunci

    kunci = {k.tertulis: k for k in semua_kunci(kunci_model(model.Config))}
    assert kunci["format.huruf"].pilihan == model.HURUF_DIKENAL
    assert kunci["lampiran.kolom"].pilihan == model.KOLOM_LAMPIRAN
    assert jenis_tertulis(kunci["perubahan.ke"]) == "bilangan bulat 1-40; bawaan `1`"
    assert jenis_tertulis(kunci["iku[].arah"]) == 'pilihan: `"naik"`, `"turun"`; bawaan `"naik"`'
