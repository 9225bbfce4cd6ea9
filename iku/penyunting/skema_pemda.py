"""pemda.toml's form, read from its pydantic model (iku/kabupaten/model.py), not typed a second time.

`skema_pemda()` walks the model's fields and gives the same structures skema.py holds for an
agency's config (Isian, Daftar, a Skema), so the same form code shows, checks and saves both.
Labels and help texts are the fields' title and description; choices are their Literal values;
the kind follows the type (Tanggal -> tanggal, Tahun -> bulat, Angka -> angka, bool -> benar,
a list of texts -> a numbered list, a list of tables -> rows, a table of years -> one field per year).
"""

from __future__ import annotations

import datetime as dt
import types
from decimal import Decimal
from functools import cache
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..kabupaten.model import Pemda
from ..model import Format
from .skema import FORMAT, Daftar, Isian, Skema


def _tanpa_none(jenis: Any) -> Any:
    """X | None -> X; Annotated[X, ...] -> X."""
    while True:
        if get_origin(jenis) in (Union, types.UnionType):
            lain = [a for a in get_args(jenis) if a is not type(None)]
            jenis = lain[0] if len(lain) == 1 else jenis
            if len(lain) != 1:
                return jenis
        elif hasattr(jenis, "__metadata__"):
            jenis = jenis.__origin__
        else:
            return jenis


def _model(jenis: Any) -> type[BaseModel] | None:
    return jenis if isinstance(jenis, type) and issubclass(jenis, BaseModel) else None


def _tambahan(f: FieldInfo) -> dict[str, Any]:
    return f.json_schema_extra if isinstance(f.json_schema_extra, dict) else {}


def _isian(kunci: str, f: FieldInfo, jenis: Any) -> Isian:
    """One scalar field of the model as a form field."""
    label = f.title or kunci.replace("_", " ").capitalize()
    wajib, bantuan = f.is_required(), f.description or ""
    if get_origin(jenis) is Literal:
        pilihan = tuple(str(p) for p in get_args(jenis))
        bawaan = "" if wajib or f.default is None else str(f.default)
        return Isian(kunci, label, "pilihan", wajib, bantuan, pilihan, bawaan=bawaan)
    if jenis is bool:
        return Isian(kunci, label, "benar", wajib, bantuan, ("true", "false"), ("ya", "tidak"))
    per_jenis = {dt.date: "tanggal", int: "bulat", Decimal: "angka"}
    return Isian(kunci, label, str(_tambahan(f).get("jenis", per_jenis.get(jenis, "teks"))), wajib, bantuan)


def _jelajah(model: type[BaseModel], awal: tuple[str, ...], sk: dict[str, Any]) -> None:
    """Every field of model (at data path awal) into sk's isian / daftar / baris / daftar_teks."""
    for kunci, f in model.model_fields.items():
        jalur, jenis = (*awal, kunci), _tanpa_none(f.annotation)
        anak = _model(jenis)
        if anak is not None:
            _jelajah(anak, jalur, sk)
        elif get_origin(jenis) is list and _model(_tanpa_none(get_args(jenis)[0])) is not None:
            sk["daftar"].add(jalur)
            sk["baris"].add(jalur)
            _jelajah(_model(_tanpa_none(get_args(jenis)[0])), (*jalur, "*"), sk)  # type: ignore[arg-type]
        elif get_origin(jenis) is list:
            penomoran = str(_tambahan(f).get("penomoran", "angka"))
            d = Daftar(kunci, f.title or kunci, penomoran, f.is_required(), f.description or "")
            sk["daftar"].add(jalur)
            sk["daftar_teks"][jalur] = d
        elif get_origin(jenis) is dict:
            nilai = _tanpa_none(get_args(jenis)[1])
            sk["isian"][(*jalur, "*")] = _isian(kunci, f, nilai)
        else:
            sk["isian"][jalur] = _isian(kunci, f, jenis)


@cache
def skema_pemda() -> Skema:
    """pemda.toml's form. [format] is the agency's own Format model: its fields as the agency's form has them."""
    sk: dict[str, Any] = {"isian": {}, "daftar": set(), "baris": set(), "daftar_teks": {}}
    _jelajah(Pemda, (), sk)
    sk["isian"].update({("format", i.kunci): i for i in FORMAT if i.kunci in Format.model_fields})
    return Skema(
        sk["isian"],
        frozenset(sk["daftar"]),
        frozenset(sk["baris"]),
        ("format",),
        sk["daftar_teks"],
        {"iku": "IKU Pemda baris", "sasaran": "Sasaran"},
    )
