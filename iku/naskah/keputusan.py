"""Context of the Keputusan and its Lampiran (templates keputusan.docx and lampiran.docx)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .. import bahasa
from .. import perubahan as kalimat_perubahan
from ..kolom_lampiran import KOLOM_TEMPLAT, SusunanLampiran
from ..model import Config, Iku, Pecahan
from .blok import berlabel, berlabel_jika_banyak, kop, label_angka, label_huruf, penandatangan, periode_judul


def tentang(config: Config) -> str:
    """The decree's subject as the PDF's title names it; an amendment's names the amended decree."""
    p = config.perubahan
    if p is None:
        return config.keputusan.tentang
    return kalimat_perubahan.tentang(config.penandatangan.jabatan, p.ke, p.nomor, p.tentang)


def tentang_kapital(config: Config) -> str:
    """The subject as the title prints it (after TENTANG), in capitals; a nomor stays as written."""
    p = config.perubahan
    if p is None:
        return config.keputusan.tentang.upper()
    return kalimat_perubahan.tentang_kapital(config.penandatangan.jabatan, p.ke, p.nomor, p.tentang)


def mengingat(config: Config) -> list[str]:
    """The Mengingat items; an amendment's end with the decree it amends (unless typed already)."""
    k, p = config.keputusan, config.perubahan
    if p is None or any(p.nomor in butir for butir in k.mengingat):
        return list(k.mengingat)
    lama = kalimat_perubahan.mengingat(config.penandatangan.jabatan, p.ke, p.nomor, p.tanggal, p.tentang)
    sebelumnya = [*k.mengingat[:-1], k.mengingat[-1].rstrip().removesuffix(".") + ";"]  # no longer the last
    return [*sebelumnya, lama]


def judul(config: Config) -> dict[str, str]:
    k = config.keputusan
    keputusan = f"KEPUTUSAN {config.penandatangan.jabatan.upper()}"
    return {
        "keputusan": keputusan,
        "jabatan": config.penandatangan.jabatan.upper().rstrip(",") + ",",
        "nomor": k.nomor,
        "tentang": tentang_kapital(config),
        "menetapkan": f"{keputusan} TENTANG {tentang_kapital(config)}.",
        "tanggal": bahasa.tanggal(k.tanggal),
        "tempat": k.tempat,
    }


def kelompok_iku(
    baris: list[Iku], isi_baris: Callable[[Iku], Any] | None = None, per_tujuan: bool = False
) -> list[dict[str, Any]]:
    """Consecutive rows with the same sasaran form one numbered group (each row as isi_baris
    gives it; the Lampiran's columns by default); per_tujuan: a new tujuan starts a new group too."""
    kelompok: list[dict[str, Any]] = []
    for i, b in enumerate(baris):
        tujuan_baru = per_tujuan and i > 0 and b.tujuan is not None and b.tujuan != tujuan_berlaku(baris, i - 1)
        if not kelompok or kelompok[-1]["sasaran"] != b.sasaran or tujuan_baru:
            kelompok.append({"nomor": f"{len(kelompok) + 1}.", "sasaran": b.sasaran, "baris": []})
        kelompok[-1]["baris"].append((isi_baris or baris_iku)(b))
    return kelompok


def tujuan_berlaku(baris: list[Iku], i: int) -> str | None:
    """The tujuan row i sits under: its own, else the last one named above it."""
    return next((b.tujuan for b in reversed(baris[: i + 1]) if b.tujuan is not None), None)


def susunan_lampiran(config: Config) -> SusunanLampiran | None:
    """The Lampiran's own columns and tujuan headings ([lampiran]), or None for today's table."""
    lampiran, iku, tahun = config.lampiran, config.iku, str(config.tahun)
    if lampiran.kolom is None and lampiran.kelompok == "sasaran":
        return None
    tujuan: list[str | None] = [None] * len(iku)
    if lampiran.kelompok == "tujuan":
        tujuan = [b.tujuan if i == 0 or b.tujuan != tujuan_berlaku(iku, i - 1) else None for i, b in enumerate(iku)]
    isi = tuple((("penanggung_jawab", b.penanggung_jawab or ""), ("target", target_tahun(b, tahun))) for b in iku)
    kolom = tuple(lampiran.kolom) if lampiran.kolom is not None else KOLOM_TEMPLAT
    return SusunanLampiran(kolom, f"TARGET {tahun}", isi, tuple(tujuan))


def target_tahun(b: Iku, tahun: str) -> str:
    """The row's target of one year as printed ("-" when not set)."""
    target = (b.target or {}).get(tahun)
    return bahasa.angka(target) if target is not None else "-"


def baris_iku(b: Iku) -> dict[str, Any]:
    pecahan = b.formulasi if isinstance(b.formulasi, Pecahan) else None
    return {
        "indikator": b.indikator,
        "satuan": b.satuan,
        "alasan": b.alasan,
        "formulasi": None if pecahan else b.formulasi,
        "pecahan": pecahan.model_dump() if pecahan else None,
        "sumber_data": b.sumber_data,
        "keterangan": b.keterangan or "",
    }


def keputusan(config: Config) -> dict[str, Any]:
    """Context of templates/keputusan.docx and templates/lampiran.docx."""
    k = config.keputusan
    return {
        "tahun": periode_judul(config),  # the Lampiran title's "TAHUN ...": the tentang's period, else the plan's
        "kop": kop(config),
        "judul": judul(config),
        "menimbang": berlabel_jika_banyak(k.menimbang, label_huruf),
        "mengingat": berlabel_jika_banyak(
            mengingat(config), label_huruf if config.format.mengingat == "huruf" else label_angka
        ),
        "diktum": berlabel(k.memutuskan, bahasa.ordinal_diktum),
        "tembusan": berlabel(k.tembusan, label_angka),
        "penandatangan": penandatangan(config),
        "instansi": {"nama": config.instansi.nama, "nama_kapital": config.instansi.nama.upper()},
        "kelompok_iku": kelompok_iku(config.iku, per_tujuan=config.lampiran.kelompok == "tujuan"),
    }
