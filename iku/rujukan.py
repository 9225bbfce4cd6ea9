"""The keys of a config model with their documentation, read from the model's metadata.

Every field of iku/model.py (and iku/kabupaten/model.py) carries its title, meaning, example
and where it is printed (model.kunci); its kind, choices, default and bounds come from its
type. `kunci_model` walks a model into that one description; the editor's form fields
(penyunting/skema.py) and docs/kunci-konfigurasi.md (`markdown`) are both made from it.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .model import Jenis

SEMUA = "*"  # a row of a list of tables, or any year/quarter of a table of numbers


@dataclass(frozen=True)
class Kunci:
    """One key of a config model and what is known of it.

    jenis: teks, panjang, paragraf, jalur, bulat, angka, rupiah, tanggal, benar, pilihan, daftar,
    tahunan, triwulan, peta, formulasi, tabel (a sub-table) or baris (a list of tables); butir: the
    kind of a list's items (teks or pilihan), of a table's numbers (angka or rupiah)."""

    jalur: tuple[str, ...]  # ("iku", "*", "target")
    judul: str
    arti: str
    jenis: str
    wajib: bool
    bawaan: Any = None
    pilihan: tuple[str, ...] = ()
    nama_pilihan: tuple[str, ...] = ()
    butir: str = ""
    batas: tuple[int | None, int | None] = (None, None)
    contoh: str = ""
    tercetak: str = ""
    wajib_bila: str = ""
    penomoran: str = ""
    anak: tuple[Kunci, ...] = ()

    @property
    def nama(self) -> str:
        return self.jalur[-1]

    @property
    def tertulis(self) -> str:
        """The key as a clerk reads it: iku[].target, perjanjian_kinerja.pihak_kedua.nama."""
        return ".".join(self.jalur).replace(f".{SEMUA}.", "[].").replace(f".{SEMUA}", "[]")


def kunci_model(model: type[BaseModel], awalan: tuple[str, ...] = ()) -> tuple[Kunci, ...]:
    """Every key of a model, in the model's order, sub-tables and rows with their own keys."""
    return tuple(_kunci(nama, info, (*awalan, nama)) for nama, info in model.model_fields.items())


def semua_kunci(daftar: tuple[Kunci, ...]) -> list[Kunci]:
    """The keys and every key under them, depth first."""
    hasil: list[Kunci] = []
    for k in daftar:
        hasil += [k, *semua_kunci(k.anak)]
    return hasil


def _kunci(nama: str, info: FieldInfo, jalur: tuple[str, ...]) -> Kunci:
    tambahan = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    tipe, penanda = _buka(info.annotation, list(info.metadata))
    jenis, butir, pilihan, anak = _jenis(tipe, penanda, jalur)
    jenis = str(tambahan.get("isian") or jenis) if jenis == "teks" else jenis
    bawaan = None if info.is_required() else info.get_default(call_default_factory=True)
    nama_pilihan = tambahan.get("nama_pilihan") or (("ya", "tidak") if jenis == "benar" else ())
    return Kunci(
        jalur=jalur,
        judul=info.title or nama,
        arti=info.description or "",
        jenis=jenis,
        wajib=info.is_required(),
        bawaan=bawaan,
        pilihan=pilihan,
        nama_pilihan=tuple(str(n) for n in nama_pilihan),  # type: ignore[union-attr]
        butir=butir,
        batas=_batas(penanda),
        contoh=str(tambahan.get("contoh", "")),
        tercetak=str(tambahan.get("tercetak", "")),
        wajib_bila=str(tambahan.get("wajib_bila", "")),
        penomoran=str(tambahan.get("penomoran", "")),
        anak=anak,
    )


def _buka(tipe: Any, penanda: list[Any]) -> tuple[Any, list[Any]]:
    """The type without None and Annotated layers, and the metadata collected from them."""
    while True:
        asal = typing.get_origin(tipe)
        if asal is typing.Annotated:
            tipe, *lain = typing.get_args(tipe)
            penanda += lain
        elif asal in (typing.Union, types.UnionType):
            bukan_none = [a for a in typing.get_args(tipe) if a is not type(None)]
            if len(bukan_none) != 1:
                return tipe, penanda
            tipe = bukan_none[0]
        else:
            return tipe, penanda


def _jenis(
    tipe: Any, penanda: list[Any], jalur: tuple[str, ...]
) -> tuple[str, str, tuple[str, ...], tuple[Kunci, ...]]:
    """(kind, item kind, choices, keys below) of a field's type."""
    bernama = next((p.nama for p in penanda if isinstance(p, Jenis)), None)
    if bernama == "formulasi":
        pecahan = next(
            a
            for a in typing.get_args(tipe)
            if isinstance(_buka(a, [])[0], type) and issubclass(_buka(a, [])[0], BaseModel)
        )
        return "formulasi", "", (), kunci_model(_buka(pecahan, [])[0], jalur)
    asal, argumen = typing.get_origin(tipe), typing.get_args(tipe)
    if asal is typing.Literal:
        return "pilihan", "", tuple(str(a) for a in argumen), ()
    if asal is list:
        isi, isi_penanda = _buka(argumen[0], [])
        if isinstance(isi, type) and issubclass(isi, BaseModel):
            return "baris", "", (), kunci_model(isi, (*jalur, SEMUA))
        jenis_isi, _, pilihan, _ = _jenis(isi, isi_penanda, jalur)
        return "daftar", jenis_isi, pilihan, ()
    if asal is dict:
        isi, isi_penanda = _buka(argumen[1], [])
        jenis_isi = _jenis(isi, isi_penanda, jalur)[0]
        if jenis_isi in ("angka", "rupiah"):
            return bernama or "tahunan", jenis_isi, (), ()
        return "peta", jenis_isi, (), ()
    if isinstance(tipe, type) and issubclass(tipe, BaseModel):
        return "tabel", "", (), kunci_model(tipe, jalur)
    if bernama:
        return bernama, "", (), ()
    for dasar, nama in ((bool, "benar"), (int, "bulat"), (Decimal, "angka"), (dt.date, "tanggal"), (str, "teks")):
        if isinstance(tipe, type) and issubclass(tipe, dasar):
            return nama, "", (), ()
    raise TypeError(f"jenis kunci {'.'.join(jalur)} tidak dikenal: {tipe!r}")


def _batas(penanda: list[Any]) -> tuple[int | None, int | None]:
    """The bounds a Field(ge=..., le=...) put in the metadata (annotated_types' Ge and Le, read by name)."""
    bawah = next((p.ge for p in penanda if type(p).__name__ == "Ge"), None)
    atas = next((p.le for p in penanda if type(p).__name__ == "Le"), None)
    return bawah, atas


# ---------------------------------------------------------------- docs/kunci-konfigurasi.md

KEPALA = """\
# Rujukan kunci konfigurasi

<!-- Dibuat dari iku/model.py (python -m iku.rujukan docs/kunci-konfigurasi.md); jangan disunting di sini:
     judul, arti, contoh dan tempat tercetak setiap kunci ditulis pada modelnya (model.kunci). -->

Satu berkas TOML = satu perangkat daerah (OPD) dan satu tahun IKU. Contoh lengkap dengan catatan
pada setiap kunci: `config/iku.toml`. Halaman ini menjelaskan setiap kunci: artinya, jenis
nilainya, contoh, dan di mana nilai itu tercetak. Kunci bertanda **wajib** harus ada; yang lain
boleh dihapus (program memakai nilai bawaan atau tidak mencetaknya).

Cara menulis nilai:
- **teks**: di antara tanda kutip, `"Singaraja"`; teks beberapa paragraf di antara `\"\"\"` dan `\"\"\"`,
  paragraf dipisahkan satu baris kosong. Teks tercetak persis seperti ditulis (`&`, `<`, `{{ }}`
  juga). Penomoran (a., 1., KESATU) tidak pernah diketik: program yang memberinya. Satu nilai teks
  paling panjang 20.000 karakter (sekitar tujuh halaman); yang lebih panjang ditolak dengan nama
  kuncinya.
- **angka**: tanpa tanda kutip, titik sebagai tanda desimal: `6.12` tercetak `6,12`.
- **bilangan bulat**: tanpa tanda kutip dan tanpa titik ribuan: `1250000000` tercetak `1.250.000.000`.
- **tanggal**: tanpa tanda kutip, tahun-bulan-hari: `2022-03-22` tercetak `22 Maret 2022`.
- **benar/salah**: tanpa tanda kutip, `true` atau `false`.
- **pilihan**: salah satu teks yang disebut, di antara tanda kutip.
- **daftar**: dalam kurung siku, `["butir pertama", "butir kedua"]`.
- **tabel tahunan**: `{ 2023 = 5.15, 2024 = 4.9 }` (tahun = angka).
- **tabel triwulan**: `{ 1 = 25, 2 = 50, 3 = 75, 4 = 100 }` (triwulan I sampai IV = angka).

Tulisan "ISI: ..." pada sebuah nilai berarti nilai itu masih harus diisi (dibuat oleh
`iku new-year`); `generate` menolak berkas itu sampai semuanya diisi.
"""

EKOR = """\
## Laporan triwulan (`iku triwulan N`)

`iku triwulan N` (N = 1 sampai 4) menulis Laporan Pengukuran Kinerja Triwulan N ke
`<output>/<tahun>/triwulan-N/` dengan MANIFEST.json sendiri: target, realisasi, capaian dan
predikat triwulan itu dari `iku[].target_triwulan` dan `iku[].realisasi_triwulan`, memakai rumus
capaian yang sama dengan tahunan. Setiap baris `[[iku]]` harus memuat `realisasi_triwulan` triwulan N.
"""

KEPALA_TABEL = "| kunci | arti | jenis | contoh | tercetak di |\n|---|---|---|---|---|\n"
NAMA_JENIS = {
    "teks": "teks",
    "panjang": "teks",
    "paragraf": "teks (paragraf)",
    "jalur": "teks (jalur berkas)",
    "bulat": "bilangan bulat",
    "angka": "angka",
    "rupiah": "bilangan bulat (rupiah utuh)",
    "tanggal": "tanggal",
    "benar": "benar/salah",
    "pilihan": "pilihan",
    "daftar": "daftar teks",
    "tahunan": "tabel tahunan",
    "triwulan": "tabel triwulan",
    "peta": "tabel teks",
    "formulasi": "teks atau tabel",
}


def toml(nilai: Any) -> str:
    """A default or choice as written in the file: "A4", 1, false."""
    if isinstance(nilai, bool):
        return "true" if nilai else "false"
    if isinstance(nilai, str):
        return f'"{nilai}"'
    return str(nilai)


def jenis_tertulis(k: Kunci) -> str:
    """The reference's "jenis": the kind, its bounds or choices, and its default."""
    teks = NAMA_JENIS[k.jenis]
    if k.jenis == "daftar" and k.butir == "pilihan":
        teks = "daftar pilihan"
    if k.jenis == "triwulan" and k.butir == "rupiah":
        teks += " (rupiah utuh)"
    bawah, atas = k.batas
    if bawah is not None and atas is not None:
        teks += f" {bawah}-{atas}"
    if k.pilihan:
        teks += ": " + ", ".join(f"`{toml(p)}`" for p in k.pilihan)
    if k.bawaan not in (None, [], {}):
        teks += f"; bawaan `{toml(k.bawaan)}`"
    return teks


def arti_tertulis(k: Kunci, lingkup: str = "") -> str:
    """The reference's "arti": whether it is required (and when: lingkup, e.g. "setiap baris"), then its meaning."""
    if k.wajib_bila:
        return f"**wajib** ({k.wajib_bila}). {k.arti}"
    if k.wajib:
        return f"**wajib** ({lingkup}). {k.arti}" if lingkup else f"**wajib.** {k.arti}"
    return k.arti


def _baris_tabel(daftar: tuple[Kunci, ...], lingkup: str = "") -> list[str]:
    hasil = []
    for k in daftar:
        if k.jenis not in ("tabel", "baris"):
            kolom = (f"`{k.tertulis}`", arti_tertulis(k, lingkup), jenis_tertulis(k), f"`{k.contoh}`", k.tercetak)
            hasil.append("| " + " | ".join(c.replace("|", "\\|") for c in kolom) + " |")
        hasil += _baris_tabel(k.anak, "pada rumus pecahan" if k.jenis == "formulasi" else lingkup)
    return hasil


def _lingkup(k: Kunci) -> str:
    """When a section's required keys are required: in every row, or when the section is there at all."""
    if k.jenis == "baris":
        return "setiap baris"
    return "" if k.wajib else "bila bagian ini ada"


def markdown(daftar: tuple[Kunci, ...], kepala: str = "", ekor: str = "") -> str:
    """A key reference: the top-level values first, then a section per table with a row per key."""
    bagian = [kepala] if kepala else []
    atas = tuple(k for k in daftar if k.jenis not in ("tabel", "baris"))
    if atas:
        bagian.append("## Bagian atas berkas\n\n" + KEPALA_TABEL + "\n".join(_baris_tabel(atas)) + "\n")
    for k in daftar:
        if k.jenis in ("tabel", "baris"):
            nama = f"[[{k.nama}]]" if k.jenis == "baris" else f"[{k.nama}]"
            teks = f"## `{nama}` {k.judul}\n\n" + (f"{k.arti}\n\n" if k.arti else "")
            bagian.append(teks + KEPALA_TABEL + "\n".join(_baris_tabel(k.anak, _lingkup(k))) + "\n")
    if ekor:
        bagian.append(ekor)
    return "\n".join(bagian)


def rujukan_konfigurasi() -> str:
    """docs/kunci-konfigurasi.md: every key of the agency's config, from iku/model.py."""
    from .model import Config

    return markdown(kunci_model(Config), KEPALA, EKOR)


if __name__ == "__main__":  # python -m iku.rujukan docs/kunci-konfigurasi.md
    import sys
    from pathlib import Path

    Path(sys.argv[1]).write_text(rujukan_konfigurasi(), encoding="utf-8")
