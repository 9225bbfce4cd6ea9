"""What the editor's forms hold, generated from the config model: every section, its fields, labels and kinds.

`skema_dari_model` reads any of our pydantic models (iku/model.py, iku/kabupaten/model.py)
through iku/rujukan.py: titles, help texts and choices are written once, on the model, and
never retyped here. What stays here is the page's layout: which fields sit together.

A field's kind decides the input shown and how its text becomes a TOML value:
teks (one line), panjang (a textarea), tanggal, bulat (a whole number), angka (a Decimal),
rupiah (whole rupiah, an int), pilihan (a <select>; nama_pilihan says each choice in words),
benar (a yes/no <select> written as true/false).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from pydantic import BaseModel

from ..bahasa import PENOMORAN
from ..model import Config
from ..rujukan import SEMUA, Kunci, kunci_model, semua_kunci

Pola = tuple[str, ...]  # a data path with "*" for any row, year or quarter

JENIS_ISIAN = {"jalur": "teks", "paragraf": "panjang"}  # the reference's kinds that share an input
PETUNJUK = {  # what a kind's field accepts, said under it
    "angka": "Angka, misalnya 6,12.",
    "rupiah": "Rupiah utuh, misalnya 1250000000 atau 1.250.000.000.",
}


@dataclass(frozen=True)
class Isian:
    """One form field: the key inside its table, label, kind, whether it may stay empty."""

    kunci: str
    label: str
    jenis: str = "teks"
    wajib: bool = True
    bantuan: str = ""
    pilihan: tuple[str, ...] = ()
    nama_pilihan: tuple[str, ...] = ()  # what the <select> shows for each choice, when not the choice itself
    bawaan: str = ""  # what an empty choice means (the model's default), shown as "(bawaan: naik)"


@dataclass(frozen=True)
class Daftar:
    """A list printed with numbering (a., 1., KESATU); its items are texts, or choices when pilihan is set."""

    kunci: str
    label: str
    penomoran: str  # "huruf", "angka", "diktum", or the key that says which ("format.mengingat")
    wajib: bool = True
    bantuan: str = ""
    pilihan: tuple[str, ...] = ()
    boleh_tiada: bool = False  # absent means the default: an empty list is not written


@dataclass(frozen=True)
class Skema:
    """A model's forms: everything the form <-> data mapping (peta.py, simpan.py) needs about one kind of
    file (an agency's config, pemda.toml), so the same code shows, checks and saves both.

    baris_dibaca and bagian_dibaca: a row's and a section's name in messages ("IKU baris 2",
    "Perjanjian Kinerja: Tanggal")."""

    isian: dict[Pola, Isian]
    daftar: dict[Pola, Daftar]  # lists of texts or choices, each with its label and numbering
    baris: frozenset[Pola]  # lists of tables ([[iku]])
    peta: frozenset[Pola]  # tables of name -> text (perubahan.alasan_hapus), in the form a list of pairs
    tabel: dict[Pola, tuple[Isian, ...]]  # a table's (or a row's) one-value fields
    tahunan: frozenset[str]  # keys of tables whose keys are data: year/quarter -> number, name -> text
    opsional: tuple[str, ...]  # top-level sections that may be absent: left all empty, they are not written
    baris_dibaca: dict[str, str] = field(default_factory=dict)
    bagian_dibaca: dict[str, str] = field(default_factory=dict)

    @cached_property
    def semua_daftar(self) -> frozenset[Pola]:
        """Every list in the data: of texts or choices, and of tables."""
        return frozenset(self.daftar) | self.baris

    @cached_property
    def boleh_tiada(self) -> frozenset[Pola]:
        """Lists whose absence means the default ([lampiran] kolom): emptied, the key is removed."""
        return frozenset(p for p, d in self.daftar.items() if d.boleh_tiada)

    @cached_property
    def dikenal(self) -> frozenset[Pola]:
        """Every data path the form holds a field or a list for (what a save may touch)."""
        return frozenset(self.isian) | self.semua_daftar

    def pola(self, loc: tuple[object, ...]) -> Pola:
        """A data path with row indexes, years, quarters and names as "*": ("iku", "*", "target", "*")."""
        hasil: list[str] = []
        for i, bagian in enumerate(loc):
            indeks = isinstance(bagian, int) or str(bagian).isdigit() or (i > 1 and loc[i - 1] in self.tahunan)
            hasil.append(SEMUA if indeks else str(bagian))
        return tuple(hasil)

    def cari(self, loc: tuple[object, ...]) -> Isian | None:
        """The field definition of a data path, if this form knows it."""
        return self.isian.get(self.pola(loc))

    def di(self, *awal: str) -> tuple[Isian, ...]:
        """The one-value fields of the table (or row: "iku", "*") at a data path, in model order."""
        return self.tabel.get(awal, ())

    def penomoran(self, d: Daftar, pohon: dict[str, Any]) -> str:
        """A list's numbering; one named by another key (format.mengingat) as typed there, else its default."""
        if d.penomoran in PENOMORAN:
            return d.penomoran
        tabel, kunci = d.penomoran.split(".")
        ketikan = (pohon.get(tabel) or {}).get(kunci)
        return ketikan if ketikan in PENOMORAN else self.isian[(tabel, kunci)].bawaan

    def pilih(self, tabel: str, *kunci: str) -> tuple[Isian, ...]:
        """These fields of a table (a row: "iku.*"), in the order named."""
        semua = {i.kunci: i for i in self.tabel[tuple(tabel.split("."))]}
        return tuple(semua[k] for k in kunci)

    def kecuali(self, tabel: str, *kunci: str) -> tuple[Isian, ...]:
        """A table's fields without those placed elsewhere on the page, in model order."""
        return tuple(i for i in self.tabel[tuple(tabel.split("."))] if i.kunci not in kunci)


def skema_dari_model(
    model: type[BaseModel], baris_dibaca: dict[str, str] | None = None, bagian_dibaca: dict[str, str] | None = None
) -> Skema:
    """The forms of a config model, from its fields' types and metadata (model.kunci); baris_dibaca and
    bagian_dibaca name its rows and sections in messages."""
    daftar = kunci_model(model)
    semua = semua_kunci(daftar)
    isian: dict[Pola, Isian] = {}
    for k in semua:
        if k.jenis in ("tahunan", "triwulan"):
            isian[(*k.jalur, SEMUA)] = _isian(k, k.butir, wajib=False)
        elif k.jenis == "formulasi":
            isian[k.jalur] = _isian(k, "panjang")
        elif k.jenis == "peta":  # a table of name -> text: each value a field, its name typed beside it
            isian[(*k.jalur, SEMUA)] = _isian(k, "panjang", wajib=False)
        elif k.jenis not in ("tabel", "baris", "daftar", "peta"):
            isian[k.jalur] = _isian(k, JENIS_ISIAN.get(k.jenis, k.jenis))
    tabel = {(): _sederhana(daftar, isian)} | {
        k.jalur if k.jenis == "tabel" else (*k.jalur, SEMUA): _sederhana(k.anak, isian)
        for k in semua
        if k.jenis in ("tabel", "baris")
    }
    return Skema(
        isian=isian,
        daftar={k.jalur: _daftar(k) for k in semua if k.jenis == "daftar"},
        baris=frozenset(k.jalur for k in semua if k.jenis == "baris"),
        peta=frozenset(k.jalur for k in semua if k.jenis == "peta"),
        tabel=tabel,
        tahunan=frozenset(k.nama for k in semua if k.jenis in ("tahunan", "triwulan", "peta")),
        opsional=tuple(k.nama for k in daftar if k.jenis == "tabel" and not k.wajib),
        baris_dibaca=baris_dibaca or {},
        bagian_dibaca=bagian_dibaca or {},
    )


def _sederhana(anak: tuple[Kunci, ...], isian: dict[Pola, Isian]) -> tuple[Isian, ...]:
    return tuple(isian[k.jalur] for k in anak if k.jalur in isian and k.jenis != "formulasi")


def _bantuan(k: Kunci, jenis: str) -> str:
    """The help under a field: when it is required after all, what it means, what its kind accepts."""
    arti = "" if k.arti.casefold() == k.judul.casefold() else k.arti
    bagian = [f"Wajib, {k.wajib_bila}" if k.wajib_bila else "", arti]
    kalimat = [b if b.endswith((".", "!", "?")) else f"{b}." for b in bagian if b]
    return " ".join([*kalimat, PETUNJUK.get(jenis, "")]).strip().replace("`", "")


def _isian(k: Kunci, jenis: str, wajib: bool | None = None) -> Isian:
    benar = jenis == "benar"
    bawaan = "" if k.bawaan is None or k.jenis in ("tahunan", "triwulan") else str(k.bawaan)
    return Isian(
        kunci=k.nama,
        label=k.judul,
        jenis=jenis,
        wajib=k.wajib if wajib is None else wajib,
        bantuan=_bantuan(k, jenis),
        pilihan=("true", "false") if benar else k.pilihan,
        nama_pilihan=k.nama_pilihan,
        bawaan=("ya" if k.bawaan else "tidak") if benar else bawaan,
    )


def _daftar(k: Kunci) -> Daftar:
    return Daftar(
        kunci=k.nama,
        label=k.judul,
        penomoran=k.penomoran or "angka",
        wajib=k.wajib,
        bantuan=_bantuan(k, "daftar"),
        pilihan=k.pilihan,
        boleh_tiada=not k.wajib and k.bawaan is None,
    )


# ---------------------------------------------------------------- the agency's config, as the page lays it out

SKEMA = skema_dari_model(
    Config,
    baris_dibaca={"iku": "IKU baris", "struktur": "Unit", "program": "Program"},
    bagian_dibaca={
        "perjanjian_kinerja": "Perjanjian Kinerja",
        "laporan_kinerja": "Laporan Kinerja",
        "tte": "Tanda tangan elektronik",
        "rencana_aksi": "Rencana Aksi",
        "manual_iku": "Manual IKU",
        "perubahan": "Keputusan yang diubah",
        "lampiran": "Lampiran",
    },
)
ISIAN = SKEMA.isian

TAHUN = ISIAN[("tahun",)]
INSTANSI = SKEMA.kecuali("instansi")
FORMAT = SKEMA.kecuali("format")
TTE = SKEMA.kecuali("tte")
LAMPIRAN = SKEMA.kecuali("lampiran")
DAFTAR_LAMPIRAN = (SKEMA.daftar[("lampiran", "kolom")],)
PENANDATANGAN = SKEMA.kecuali("penandatangan")
KEPUTUSAN = SKEMA.kecuali("keputusan")
DAFTAR_KEPUTUSAN = tuple(d for p, d in SKEMA.daftar.items() if p[0] == "keputusan")
RENCANA = SKEMA.kecuali("rencana")
DOKUMEN = SKEMA.kecuali("dokumen")
UNIT = ISIAN[("struktur", SEMUA, "nama")]
PECAHAN = tuple(i for p, i in ISIAN.items() if p[:3] == ("iku", SEMUA, "formulasi") and len(p) == 4)
ARAH, ANALISIS = SKEMA.pilih("iku.*", "arah", "analisis")
# Within the year: an IKU row's quarter keys (Rencana Aksi, laporan triwulan, Manual IKU).
DALAM_TAHUN = SKEMA.pilih("iku.*", "jenis_target", "penanggung_jawab", "frekuensi", "definisi")
IKU = SKEMA.kecuali("iku.*", *(i.kunci for i in (ARAH, ANALISIS, *DALAM_TAHUN)))
KALIMAT_PK = SKEMA.pilih("perjanjian_kinerja", "pembuka", "janji", "penutup")
PERJANJIAN_KINERJA = SKEMA.kecuali("perjanjian_kinerja", *(i.kunci for i in KALIMAT_PK))
PIHAK_KEDUA = SKEMA.kecuali("perjanjian_kinerja.pihak_kedua")
PROGRAM = SKEMA.kecuali("program.*")
LAPORAN_KINERJA = SKEMA.kecuali("laporan_kinerja")
RENCANA_AKSI = SKEMA.kecuali("rencana_aksi")
MANUAL_IKU = SKEMA.kecuali("manual_iku")
PERUBAHAN = SKEMA.kecuali("perubahan")
ALASAN_HAPUS = ISIAN[("perubahan", "alasan_hapus", SEMUA)]
