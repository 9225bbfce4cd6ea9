"""Context of the Pemda's documents: the kepala daerah's Keputusan, its Lampiran, the cascade matrix.

Templates pemda-keputusan.docx, pemda-lampiran.docx and pemda-kaskade.docx receive only strings,
lists and small dicts, as the agency's templates do; every label and number is decided here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import bahasa
from ..naskah.blok import Gambar, Tata, berlabel, berlabel_jika_banyak, label_angka, label_huruf
from ..naskah.buku import angka_atau_kosong
from .baca import Kabupaten
from .kaskade import kaskade
from .model import Pemda

PenyusunKonteks = Callable[[Kabupaten], dict[str, Any]]


@dataclass(frozen=True)
class NaskahPemda:
    """One Pemda document: its template, its context, the stem of its file name."""

    templat: str
    konteks: PenyusunKonteks
    awalan_berkas: str


def periode(p: Pemda) -> str:
    r = p.rencana
    return f"{r.tahun_awal}-{r.tahun_akhir}" if r.tahun_akhir != r.tahun_awal else str(r.tahun_awal)


def diktum_bawaan(p: Pemda) -> list[str]:
    """The diktum when pemda.toml gives none: the Lampiran adopted, its use, in force."""
    nama = p.pemerintah.nama
    return [
        f"Menetapkan Indikator Kinerja Utama {nama} Tahun {periode(p)} sebagaimana tercantum dalam Lampiran "
        "yang merupakan bagian tidak terpisahkan dari Keputusan ini.",
        "Indikator Kinerja Utama sebagaimana dimaksud dalam Diktum KESATU menjadi acuan perangkat daerah "
        "dalam menyusun rencana kinerja, perjanjian kinerja, pengukuran kinerja, dan laporan kinerja.",
        "Keputusan ini mulai berlaku pada tanggal ditetapkan.",
    ]


def memutuskan(p: Pemda) -> list[str]:
    return list(p.keputusan.memutuskan) or diktum_bawaan(p)


def judul(p: Pemda) -> dict[str, str]:
    k, jabatan = p.keputusan, p.pemerintah.kepala.jabatan.upper().rstrip(",")
    keputusan = f"KEPUTUSAN {jabatan}"
    return {
        "keputusan": keputusan,
        "jabatan": jabatan + ",",
        "nomor": k.nomor,
        "tentang": k.tentang.upper(),
        "menetapkan": f"{keputusan} TENTANG {k.tentang.upper()}.",
        "tanggal": bahasa.tanggal(k.tanggal),
        "tempat": k.tempat,
    }


def kop(p: Pemda) -> dict[str, Any]:
    """The kepala daerah's own letterhead: the lambang and "BUPATI BANYUMAS", nothing else."""
    logo = p.pemerintah.logo
    return {"kepala": p.pemerintah.kepala.jabatan.upper().rstrip(","), "logo": Gambar(Path(logo), 25) if logo else None}


def penandatangan(p: Pemda) -> dict[str, str]:
    """An elected head signs with office and name only: no pangkat, no NIP."""
    return {"jabatan": p.pemerintah.kepala.jabatan.upper().rstrip(",") + ",", "nama": p.pemerintah.kepala.nama}


def kolom_sasaran(p: Pemda) -> str:
    return f"SASARAN {p.rencana.dokumen}"


def keputusan(k: Kabupaten) -> dict[str, Any]:
    """Context of pemda-keputusan.docx (and the parts pemda-lampiran.docx shares)."""
    p = k.pemda.pemda
    return {
        "kop": kop(p),
        "judul": judul(p),
        "menimbang": berlabel_jika_banyak(p.keputusan.menimbang, label_huruf),
        "mengingat": berlabel_jika_banyak(p.keputusan.mengingat, label_angka),
        "diktum": berlabel(memutuskan(p), bahasa.ordinal_diktum),
        "penandatangan": penandatangan(p),
        "pemerintah": {"nama": p.pemerintah.nama, "nama_kapital": p.pemerintah.nama.upper()},
        "tahun": periode(p),
    }


def lampiran(k: Kabupaten) -> dict[str, Any]:
    """The reference book's table (No | Bidang Urusan | Sasaran | IKU | SKPD | Ket.) grouped by
    sasaran, and the targets of every plan year in a second table."""
    p = k.pemda.pemda
    kelompok, nomor = [], 0
    for s in p.sasaran:
        baris = []
        for b in (b for b in p.iku if b.sasaran == s.kode):
            nomor += 1
            baris.append(
                {
                    "nomor": f"{nomor}.",
                    "urusan": b.urusan,
                    "indikator": b.indikator,
                    "penanggung_jawab": "\n".join(b.penanggung_jawab),
                    "keterangan": b.keterangan or "",
                }
            )
        if baris:
            kelompok.append({"sasaran": s.uraian, "baris": baris})
    tahun = p.rencana.tahun
    target = [
        {
            "nomor": f"{n}.",
            "indikator": b.indikator,
            "satuan": b.satuan,
            "kondisi_awal": angka_atau_kosong(b.kondisi_awal),
            "target": [angka_atau_kosong((b.target or {}).get(str(t))) for t in tahun],
        }
        for n, b in enumerate(urut_sasaran(p), start=1)
    ]
    return {
        **keputusan(k),
        "kolom_sasaran": kolom_sasaran(p),
        "kolom_kondisi_awal": f"KONDISI AWAL ({p.rencana.tahun_awal - 1})",
        "kolom_target": str(4 + len(tahun)),
        "tahun_rencana": [str(t) for t in tahun],
        "kelompok": kelompok,
        "target": target,
    }


def urut_sasaran(p: Pemda) -> list[Any]:
    """The IKU Pemda in the order the Lampiran prints them: by sasaran, then as written."""
    return [b for s in p.sasaran for b in p.iku if b.sasaran == s.kode]


def matriks(k: Kabupaten) -> dict[str, Any]:
    """Context of pemda-kaskade.docx: each sasaran, its IKU Pemda, every agency indicator naming it."""
    p = k.pemda.pemda
    tahun = str(p.tahun)
    kelompok = []
    for n, t in enumerate(kaskade(k), start=1):
        baris = [
            {
                "awal_instansi": j == 0,
                "instansi": d.instansi.config.instansi.nama,
                "indikator": r.indikator,
                "satuan": r.satuan,
                "target": angka_atau_kosong((r.target or {}).get(tahun)),
            }
            for d in t.dukungan
            for j, r in enumerate(d.baris)
        ]
        if not baris:  # a sasaran nobody supports still shows, with its gap
            baris = [{"awal_instansi": True, "instansi": "-", "indikator": "-", "satuan": "", "target": ""}]
        kelompok.append(
            {
                "nomor": f"{n}.",
                "sasaran": f"{t.sasaran.kode}. {t.sasaran.uraian}",
                "iku": "\n".join(b.indikator for b in t.iku) or "-",
                "baris": baris,
            }
        )
    return {
        "pemerintah": {"nama": p.pemerintah.nama, "nama_kapital": p.pemerintah.nama.upper()},
        "tahun": periode(p),
        "tahun_target": tahun,
        "kolom_sasaran": kolom_sasaran(p),
        "kaskade": kelompok,
    }


DAFTAR = (
    NaskahPemda("pemda-keputusan.docx", keputusan, "keputusan-iku"),
    NaskahPemda("pemda-lampiran.docx", lampiran, "lampiran-iku"),
    NaskahPemda("pemda-kaskade.docx", matriks, "matriks-kaskade-iku"),
)


def tata(k: Kabupaten) -> Tata:
    """Paper, font, diktum labels and properties of the Pemda's documents (wet-ink signature)."""
    p = k.pemda.pemda
    return Tata(
        kertas=p.format.kertas,
        huruf=p.format.huruf,
        label_diktum=tuple(bahasa.ordinal_diktum(n) for n in range(1, len(memutuskan(p)) + 1)),
        tanggal=p.keputusan.tanggal,
        judul=p.keputusan.tentang,
        subjek=f"Indikator Kinerja Utama {p.pemerintah.nama} {p.tahun}",
        pengarang=p.pemerintah.nama,
    )
