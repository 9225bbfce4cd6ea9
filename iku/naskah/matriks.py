"""Context of the amendment's matrix (template matriks-perubahan-iku.docx): what changed in the IKU.

One numbered group per indicator added, removed or changed, one row per component (sasaran,
indikator, satuan, formulasi, each target year) with its old and new value, and the reason from
`alasan_perubahan` (or `[perubahan].alasan_hapus` for a removed row). Rows are paired and compared
by iku/beda.py, the one implementation of "what differs" between two configs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import bahasa
from ..beda import banding, pasangan_daftar
from ..konfigurasi import muat_semula
from ..model import Config, Iku, Pecahan, Perubahan
from .blok import penandatangan, periode
from .keputusan import tentang

KOMPONEN = ("sasaran", "indikator", "satuan", "formulasi")
KOSONG = "-"


def konteks(config: Config, _folder: Path) -> dict[str, Any]:
    """Context of templates/matriks-perubahan-iku.docx (a config with [perubahan].semula)."""
    p = _perubahan(config)
    lama = muat_semula(Path(str(p.semula)))
    jabatan = config.penandatangan.jabatan.rstrip(",")
    return {
        "tahun": periode(config),
        "instansi": {"nama": config.instansi.nama, "nama_kapital": config.instansi.nama.upper()},
        "penandatangan": penandatangan(config),
        "matriks": {
            # the decree the semula config made (for a second amendment: the first amendment)
            "semula": f"Keputusan {lama.penandatangan.jabatan.rstrip(',')} Nomor {lama.keputusan.nomor} "
            f"tentang {tentang(lama)}",
            "menjadi": f"Keputusan {jabatan} Nomor {config.keputusan.nomor} tentang {tentang(config)}",
            "kelompok": kelompok(lama.iku, config.iku, p),
        },
    }


def nama(config: Config) -> tuple[str, str]:
    """Title and subject of its document properties (dated by the amending decree)."""
    judul = "Matriks Perubahan Indikator Kinerja Utama"
    return f"{judul} Tahun {periode(config)}", f"{judul} {config.instansi.nama}"


def _perubahan(config: Config) -> Perubahan:
    if config.perubahan is None or config.perubahan.semula is None:
        raise ValueError("konfigurasi ini tidak memuat [perubahan] semula")
    return config.perubahan


@dataclass(frozen=True)
class IkuBerubah:
    """One indicator added (lama None), removed (baru None) or changed, with its matrix rows."""

    lama: Iku | None
    baru: Iku | None
    posisi_baru: int | None  # its index among the new config's rows
    baris: list[dict[str, str]]


def iku_berubah(lama: list[Iku], baru: list[Iku]) -> list[IkuBerubah]:
    """Every indicator that differs, in the new order (a removed one where it stood)."""
    hasil = []
    for i, j in pasangan_daftar([b.model_dump() for b in lama], [b.model_dump() for b in baru], ("iku",)):
        a, b = (None if i is None else lama[i]), (None if j is None else baru[j])
        baris = baris_berubah(a, b)
        if baris:
            hasil.append(IkuBerubah(a, b, j, baris))
    return hasil


def alasan(satu: IkuBerubah, p: Perubahan) -> str | None:
    """Why it changed: the new row's alasan_perubahan, or alasan_hapus for a removed one."""
    if satu.baru is not None:
        return satu.baru.alasan_perubahan
    return p.alasan_hapus.get(satu.lama.indikator) if satu.lama is not None else None


def kelompok(lama: list[Iku], baru: list[Iku], p: Perubahan) -> list[dict[str, Any]]:
    """The numbered groups of the matrix."""
    return [
        {"nomor": f"{n}.", "alasan": alasan(satu, p) or "", "baris": satu.baris}
        for n, satu in enumerate(iku_berubah(lama, baru), start=1)
    ]


def baris_berubah(lama: Iku | None, baru: Iku | None) -> list[dict[str, str]]:
    """The rows of one indicator: its name first, then each component that differs."""
    if lama is None or baru is None:
        satu = lama or baru
        assert satu is not None
        keterangan = "ditambah" if lama is None else "dihapus"
        return [
            _baris(
                f"Indikator ({keterangan})" if k == "indikator" else _nama_komponen(k),
                "" if lama is None else nilai,
                nilai if lama is None else "",
            )
            for k, nilai in sorted(_nilai(satu).items(), key=lambda kv: kv[0] != "indikator")
        ]
    beda = {
        p.kunci.split(".")[0] if not p.kunci.startswith("target") else p.kunci
        for p in banding(lama.model_dump(), baru.model_dump())
    }
    beda |= {f"target.{t}" for t in _tahun(lama, baru) if "target" in beda}
    berubah = [k for k in (*KOMPONEN, *(f"target.{t}" for t in _tahun(lama, baru))) if k in beda]
    if not berubah:
        return []
    nilai_lama, nilai_baru = _nilai(lama, _tahun(lama, baru)), _nilai(baru, _tahun(lama, baru))
    tampil = ["indikator", *(k for k in berubah if k != "indikator")]
    return [
        _baris(_nama_komponen(k), nilai_lama[k], nilai_baru[k])
        for k in tampil
        if k == "indikator" or nilai_lama[k] != nilai_baru[k]
    ]


def _baris(komponen: str, semula: str, menjadi: str) -> dict[str, str]:
    return {"komponen": komponen, "semula": semula or KOSONG, "menjadi": menjadi or KOSONG}


def _nama_komponen(kunci: str) -> str:
    if kunci.startswith("target."):
        return f"Target {kunci.split('.', 1)[1]}"
    return kunci.capitalize()


def _tahun(*baris: Iku) -> list[str]:
    return sorted({t for b in baris for t in (b.target or {})})


def _nilai(b: Iku, tahun: list[str] | None = None) -> dict[str, str]:
    """Each component of a row as printed (numbers the Indonesian way); a missing target is ''."""
    target = b.target or {}
    return {
        "sasaran": b.sasaran,
        "indikator": b.indikator,
        "satuan": b.satuan,
        "formulasi": teks_formulasi(b),
        **{f"target.{t}": bahasa.angka(target[t]) if t in target else "" for t in (tahun or _tahun(b))},
    }


def teks_formulasi(b: Iku) -> str:
    """The formula on one line: a fraction as 'pembilang / penyebut × kali'."""
    f = b.formulasi
    if not isinstance(f, Pecahan):
        return f
    return f"{f.pembilang} / {f.penyebut}" + (f" \u00d7 {f.kali}" if f.kali else "")
