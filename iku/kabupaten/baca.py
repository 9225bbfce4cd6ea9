"""Read a kabupaten folder: pemda.toml and every agency's config, all validated before anything is written.

Each file goes through the project's one reader (iku/konfigurasi.py); what spans files (the
year, one config per agency, the sasaran codes, the penanggung jawab) is checked here. Every
problem of every file comes back in one ConfigError, each naming its file, key and line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..arsip import slug
from ..galat import ConfigError, Masalah
from ..konfigurasi import (
    Bacaan,
    BerkasToml,
    baca,
    baca_toml,
    masalah_logo,
    sahkan_model,
    target_di_luar_rencana,
)
from ..lokasi import cari_baris
from ..periksa.naskah import periksa_naskah
from .model import NAMA_BERKAS, TABEL, Pemda


@dataclass(frozen=True)
class BacaanPemda:
    """pemda.toml as read (bytes, text, data) and validated (the logo made absolute)."""

    berkas: BerkasToml
    pemda: Pemda


@dataclass(frozen=True)
class Kabupaten:
    """A whole kabupaten folder, validated: the Pemda and its agencies (in file-name order)."""

    folder: Path
    pemda: BacaanPemda
    instansi: tuple[Bacaan, ...]
    peringatan: tuple[Masalah, ...]  # each agency's drafting warnings (as `check` gives them)

    @property
    def tahun(self) -> int:
        return self.pemda.pemda.tahun


def nama_sama(a: str, b: str) -> bool:
    """Agency names compared as a clerk means them: case and runs of spaces ignored."""
    return _ringkas(a) == _ringkas(b)


def _ringkas(teks: str) -> str:
    return re.sub(r"\s+", " ", teks).strip().casefold()


def berkas_instansi(folder: Path) -> list[Path]:
    """Every agency config of the folder: the *.toml directly in it except pemda.toml, by name."""
    return sorted(p for p in folder.glob("*.toml") if p.name != NAMA_BERKAS and p.is_file())


def baca_kabupaten(folder: Path) -> Kabupaten:
    """Read and cross-check the whole folder; ConfigError lists every problem of every file."""
    masalah: list[Masalah] = []
    pemda = _baca_pemda(folder / NAMA_BERKAS, masalah)
    instansi: list[Bacaan] = []
    berkas = berkas_instansi(folder)
    if not berkas:
        masalah.append(
            Masalah(
                "tidak ada konfigurasi perangkat daerah di folder ini",
                berkas=folder,
                saran=f"letakkan berkas .toml setiap perangkat daerah di samping {NAMA_BERKAS}",
            )
        )
    tak_sah: list[str] = []  # names of agencies whose config is refused: still agencies of the folder
    for path in berkas:
        try:
            instansi.append(baca(path))
        except ConfigError as exc:
            masalah += exc.masalah
            tak_sah += nama_tertulis(path)
    if pemda is not None:
        masalah += periksa_silang(pemda, instansi, tak_sah)
    masalah += instansi_ganda(instansi)
    if masalah:
        raise ConfigError(masalah)
    assert pemda is not None  # no problem means pemda.toml was read
    peringatan = tuple(m for b in instansi for m in periksa_naskah(b))
    return Kabupaten(folder, pemda, tuple(instansi), peringatan)


def nama_tertulis(path: Path) -> list[str]:
    """instansi.nama as written in a config that does not validate (none when it cannot be parsed)."""
    try:
        nama = (baca_toml(path).data.get("instansi") or {}).get("nama")
    except (ConfigError, AttributeError):
        return []
    return [nama] if isinstance(nama, str) else []


def _baca_pemda(path: Path, masalah: list[Masalah]) -> BacaanPemda | None:
    if not path.is_file():
        masalah.append(
            Masalah(
                f"{NAMA_BERKAS} tidak ada di folder ini",
                berkas=path,
                saran="tulis pemda.toml (kepala daerah, keputusan, rencana, [[sasaran]], [[iku]]); "
                "lihat README bagian Satu kabupaten",
            )
        )
        return None
    try:
        berkas = baca_toml(path)
    except ConfigError as exc:
        masalah += exc.masalah
        return None
    bacaan, lain = sahkan_pemda(berkas)
    masalah += lain
    return bacaan


def sahkan_pemda(berkas: BerkasToml) -> tuple[BacaanPemda | None, list[Masalah]]:
    """pemda.toml's data validated, and its problems. With only its own rules broken the Pemda still
    comes back, so the agencies can be checked against it too (one report of every file)."""
    path = berkas.path
    try:
        pemda = sahkan_model(berkas, Pemda, TABEL)
    except ConfigError as exc:
        return None, exc.masalah
    masalah = periksa_pemda(pemda, berkas)
    if pemda.pemerintah.logo:
        logo = str((path.parent / pemda.pemerintah.logo).resolve())
        pemda = pemda.model_copy(update={"pemerintah": pemda.pemerintah.model_copy(update={"logo": logo})})
    return BacaanPemda(berkas, pemda), masalah


def periksa_pemda(pemda: Pemda, berkas: BerkasToml) -> list[Masalah]:
    """Rules within pemda.toml: codes once each and known, targets within the plan, the logo there."""
    path, teks = berkas.path, berkas.teks
    masalah = []
    kode = [s.kode for s in pemda.sasaran]
    for i, k in enumerate(kode):
        if k in kode[:i]:
            masalah.append(
                Masalah(
                    f'kode sasaran "{k}" dipakai dua kali',
                    berkas=path,
                    kunci=f"sasaran[{i + 1}].kode",
                    baris=cari_baris(teks, ("sasaran", i, "kode")),
                    saran="beri setiap [[sasaran]] kode sendiri",
                )
            )
    for i, baris in enumerate(pemda.iku):
        if baris.sasaran not in kode:
            masalah.append(_kode_tak_dikenal(baris.sasaran, kode, path, f"iku[{i + 1}].sasaran", teks, ("iku", i)))
        di_luar = target_di_luar_rencana(baris.target, pemda.rencana, i, teks, path)
        if di_luar:
            masalah.append(di_luar)
    r = pemda.rencana
    if not r.tahun_awal <= pemda.tahun <= r.tahun_akhir:
        masalah.append(
            Masalah(
                f"tahun {pemda.tahun} di luar rentang rencana {r.tahun_awal}-{r.tahun_akhir}",
                berkas=path,
                kunci="tahun",
                baris=cari_baris(teks, ("tahun",)),
                saran=f"IKU tahun {pemda.tahun} mengukur sasaran {r.dokumen} yang berlaku pada tahun itu: "
                "periksa tahun atau rencana.tahun_awal/rencana.tahun_akhir",
            )
        )
    saran = "tulis jalur berkas PNG/JPG lambang daerah relatif terhadap folder pemda.toml, atau hapus kunci logo"
    return masalah + masalah_logo(pemda.pemerintah.logo, ("pemerintah", "logo"), teks, path, saran)


def _kode_tak_dikenal(
    kode: str, dikenal: list[str], path: Path, kunci: str, teks: str, loc: tuple[object, ...]
) -> Masalah:
    return Masalah(
        f'kode sasaran "{kode}" tidak ada di [[sasaran]] {NAMA_BERKAS}',
        berkas=path,
        kunci=kunci,
        baris=cari_baris(teks, (*loc, kunci.rsplit(".", 1)[-1])),
        saran="pakai salah satu kode: " + ", ".join(dikenal),
    )


def periksa_silang(pemda: BacaanPemda, instansi: list[Bacaan], tak_sah: Sequence[str] = ()) -> list[Masalah]:
    """What spans files: the same year, known sasaran_pemda codes, penanggung jawab that are agencies."""
    p, path_pemda, teks_pemda = pemda.pemda, pemda.berkas.path, pemda.berkas.teks
    kode = [s.kode for s in p.sasaran]
    masalah = []
    for b in instansi:
        if b.config.tahun != p.tahun:
            masalah.append(
                Masalah(
                    f"tahun {b.config.tahun} berbeda dengan tahun {p.tahun} di {NAMA_BERKAS}",
                    berkas=b.path,
                    kunci="tahun",
                    baris=cari_baris(b.teks, ("tahun",)),
                    saran=f"semua konfigurasi satu kabupaten memakai tahun yang sama: tulis tahun = {p.tahun}",
                )
            )
        for i, baris in enumerate(b.config.iku):
            if baris.sasaran_pemda is not None and baris.sasaran_pemda not in kode:
                masalah.append(
                    _kode_tak_dikenal(
                        baris.sasaran_pemda, kode, b.path, f"iku[{i + 1}].sasaran_pemda", b.teks, ("iku", i)
                    )
                )
    nama = list(dict.fromkeys([b.config.instansi.nama for b in instansi] + list(tak_sah)))
    for i, iku_pemda in enumerate(p.iku):
        for j, pj in enumerate(iku_pemda.penanggung_jawab):
            if not any(nama_sama(pj, n) for n in nama):
                masalah.append(
                    Masalah(
                        f'penanggung jawab "{pj}" bukan perangkat daerah di folder ini',
                        berkas=path_pemda,
                        kunci=f"iku[{i + 1}].penanggung_jawab[{j + 1}]",
                        baris=cari_baris(teks_pemda, ("iku", i, "penanggung_jawab", j)),
                        saran="tulis instansi.nama salah satu konfigurasi di folder: " + "; ".join(nama),
                    )
                )
    return masalah


def instansi_ganda(instansi: list[Bacaan]) -> list[Masalah]:
    """Two configs of the same agency (the same name, or names that make the same folder)."""
    masalah = []
    for i, b in enumerate(instansi):
        for a in instansi[:i]:
            if nama_sama(a.config.instansi.nama, b.config.instansi.nama) or slug(a.config.instansi.nama) == slug(
                b.config.instansi.nama
            ):
                masalah.append(
                    Masalah(
                        f'perangkat daerah "{b.config.instansi.nama}" sudah dikonfigurasi di {a.path.name}',
                        berkas=b.path,
                        kunci="instansi.nama",
                        baris=cari_baris(b.teks, ("instansi", "nama")),
                        saran="satu perangkat daerah satu berkas: hapus salah satunya atau perbaiki namanya",
                    )
                )
                break
    return masalah
