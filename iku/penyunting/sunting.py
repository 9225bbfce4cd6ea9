"""What the editor does, without the web: read the page's state, check, save, generate.

The form's values are applied to the file's tomlkit document in memory and the resulting
text is validated exactly as `generate` validates a file (pemda.toml: as `iku kabupaten`
validates it); nothing is written unless it passes, and never over a version of the file
the page did not load.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.exceptions import TOMLKitError

from ..arsip import folder_tahun
from ..buat import Permintaan, generate
from ..galat import ConfigError, IkuError, Masalah
from ..konfigurasi import baca, baca_bytes, sahkan, urai, urai_toml
from ..periksa.naskah import periksa_naskah
from .peta import dari_data, dari_kunci, ketik
from .simpan import beda_baris, sidik, terapkan, tulis_atomik
from .skema import SKEMA, Skema

VERSI_DISIMPAN = 32  # loaded versions kept to show what changed on disk


@dataclass
class Halaman:
    """Everything the page shows after one request."""

    pohon: dict[str, Any]
    sidik: str
    galat: list[tuple[str | None, Masalah]] = field(default_factory=list)
    peringatan: list[tuple[str | None, Masalah]] = field(default_factory=list)
    kabar: str | None = None
    konflik: list[str] | None = None
    ditulis: list[Path] | None = None
    tahun_dibuat: int | None = None
    rusak: Masalah | None = None  # the file itself cannot be read into a form
    tersimpan: bool = False  # this request wrote the form to the file (or found it already there)


@dataclass(frozen=True)
class Uji:
    """The form applied to the file in memory, and what validation said."""

    teks: str
    config: Any  # the validated model (Config, Pemda), None when something is wrong
    galat: list[tuple[str | None, Masalah]]
    peringatan: list[tuple[str | None, Masalah]]


def bernama(masalah: list[Masalah]) -> list[tuple[str | None, Masalah]]:
    """Each problem with the form field it concerns (0-based names)."""
    return [(dari_kunci(m.kunci) if m.kunci else None, m) for m in masalah]


class Penyunting:
    """One config file edited through forms; safe to call from several request threads."""

    skema: Skema = SKEMA

    def __init__(self, config: Path, output: Path, templates: Path) -> None:
        self.config, self.output, self.templates = config, output, templates
        self._versi: OrderedDict[str, bytes] = OrderedDict()
        self._kunci = threading.Lock()  # one save at a time: check, write, remember
        self._kunci_versi = threading.Lock()

    def _ingat(self, mentah: bytes) -> str:
        kode = sidik(mentah)
        with self._kunci_versi:
            self._versi[kode] = mentah
            self._versi.move_to_end(kode)
            while len(self._versi) > VERSI_DISIMPAN:
                self._versi.popitem(last=False)
        return kode

    def baca(self, kabar: str | None = None) -> Halaman:
        """The page for the file as it is on disk now."""
        mentah = baca_bytes(self.config)
        kode = self._ingat(mentah)
        try:
            _, data = urai_toml(mentah, self.config)
        except ConfigError as exc:
            return Halaman({}, kode, rusak=exc.masalah[0])
        uji = self.uji(dari_data(data, self.skema), mentah)
        return Halaman(dari_data(data, self.skema), kode, uji.galat, uji.peringatan, kabar)

    def uji(self, pohon: dict[str, Any], mentah: bytes) -> Uji:
        """Apply the form to the file's text in memory and validate it like `generate` does."""
        data, galat_isian = ketik(pohon, self.skema)
        try:
            asli = mentah.decode("utf-8-sig")
            doc = tomlkit.parse(asli)
            tanpa_ubah = doc.as_string()  # differs from asli when tomlkit gathers rows written apart
            terapkan(doc, data, self.skema)
            teks = doc.as_string()
        except (TOMLKitError, UnicodeDecodeError, ValueError, TypeError) as exc:
            m = Masalah(
                f"isian tidak dapat dituliskan ke berkas ({exc})",
                berkas=self.config,
                saran="perbaiki berkas di penyunting teks, lalu muat ulang halaman",
            )
            return Uji("", None, [(None, m)], [])
        galat_isian_bernama: list[tuple[str | None, Masalah]] = list(galat_isian.items())
        susunan: list[Masalah] = []
        if teks == tanpa_ubah:
            teks = asli  # the form changed nothing: the file stays byte for byte
        elif tanpa_ubah != asli:
            susunan.append(
                Masalah(
                    "susunan berkas berubah saat disimpan: baris tabel yang sama yang ditulis terpisah "
                    "(misalnya [[iku]] sesudah [perjanjian_kinerja]) dikumpulkan menjadi satu",
                    berkas=self.config,
                    saran="periksa catatan (#) di sekitar baris yang dipindah",
                )
            )
        try:
            model, peringatan = self.sahkan(teks.encode("utf-8"))
        except ConfigError as exc:
            lain = [(n, m) for n, m in bernama(exc.masalah) if n not in galat_isian]
            return Uji(teks, None, galat_isian_bernama + lain, [])
        if galat_isian_bernama:
            return Uji(teks, None, galat_isian_bernama, [])
        return Uji(teks, model, [], [(None, m) for m in susunan] + bernama(peringatan))

    def sahkan(self, mentah: bytes) -> tuple[Any, list[Masalah]]:
        """The new bytes validated as `generate` reads a file, and its drafting warnings (ConfigError if wrong)."""
        bacaan = sahkan(urai(self.config, mentah))
        return bacaan.config, periksa_naskah(bacaan)

    def simpan(self, pohon: dict[str, Any], kode: str) -> tuple[Halaman, Any]:
        """Write the form to the file when it validates and the file is still the one loaded."""
        with self._kunci:
            mentah = baca_bytes(self.config)
            if sidik(mentah) != kode:
                return self._konflik(pohon, kode, mentah), None
            uji = self.uji(pohon, mentah)
            if uji.config is None:
                return Halaman(
                    pohon, kode, uji.galat, uji.peringatan, "Belum disimpan: perbaiki isian yang ditandai merah."
                ), None
            baru = uji.teks.encode("utf-8")
            if baru != mentah:
                tulis_atomik(self.config, uji.teks)
            kode = self._ingat(baru)
        _, data = urai_toml(baru, self.config)  # the one reader: numbers shown as on load (9,86)
        return Halaman(dari_data(data, self.skema), kode, [], uji.peringatan, "Tersimpan.", tersimpan=True), uji.config

    def _konflik(self, pohon: dict[str, Any], kode: str, mentah: bytes) -> Halaman:
        with self._kunci_versi:
            lama = self._versi.get(kode)
        beda = beda_baris(lama, mentah) if lama is not None else []
        m = Masalah(
            "berkas konfigurasi telah diubah di luar halaman ini sejak halaman dimuat; isian Anda TIDAK disimpan",
            berkas=self.config,
            saran="salin perubahan Anda, muat ulang halaman, lalu terapkan lagi",
        )
        return Halaman(pohon, kode, [(None, m)], [], konflik=beda)

    def buat(self, pohon: dict[str, Any], kode: str, ganti: bool, pdf: bool = False) -> Halaman:
        """Save, then write the year's archive exactly as `generate` does (ganti = --force)."""
        halaman, config = self.simpan(pohon, kode)
        if config is None:
            return halaman
        try:  # the very bytes just saved, read and validated once more as generate does
            ditulis = generate(Permintaan(baca(self.config), self.templates, self.output, force=ganti, pdf=pdf))
        except IkuError as exc:
            halaman.galat = [(None, m) for m in exc.masalah]
            halaman.kabar = "Tersimpan, tetapi dokumen belum dibuat."
            halaman.tahun_dibuat = config.tahun
            return halaman
        halaman.ditulis, halaman.tahun_dibuat = ditulis, config.tahun
        halaman.kabar = f"Tersimpan, dan dokumen tahun {config.tahun} dibuat."
        return halaman

    # ------------------------------------------------------------ the archive

    def tahun_arsip(self) -> list[int]:
        """The years archived under output/, newest first."""
        if not self.output.is_dir():
            return []
        return sorted((int(p.name) for p in self.output.iterdir() if p.name.isdigit() and p.is_dir()), reverse=True)

    def berkas_arsip(self, tahun: int) -> dict[str, Path]:
        """The files of one archived year by name: the only files a download may return."""
        if tahun not in self.tahun_arsip():
            return {}
        folder = folder_tahun(self.output, tahun)
        return {p.name: p for p in sorted(folder.iterdir()) if p.is_file()}

    def arsip_terakhir(self) -> Path | None:
        """The newest archived year that holds its config snapshot (what `iku diff` compares)."""
        for tahun in self.tahun_arsip():
            calon = self.berkas_arsip(tahun).get(f"konfigurasi-{tahun}.toml")
            if calon:
                return calon
        return None


class PenyuntingPemda(Penyunting):
    """pemda.toml edited through its own form: validated as `iku kabupaten` reads it.

    Its own rules and its penanggung jawab (each an agency of the folder) are errors that keep the
    file unwritten; the agencies' own configs are not read beyond their names."""

    def __init__(self, config: Path) -> None:
        from .skema_pemda import skema_pemda

        super().__init__(config, config.parent, config.parent)
        self.skema = skema_pemda()

    def sahkan(self, mentah: bytes) -> tuple[Any, list[Masalah]]:
        from ..kabupaten.baca import berkas_instansi, nama_tertulis, periksa_silang, sahkan_pemda

        bacaan, masalah = sahkan_pemda(urai(self.config, mentah))
        if bacaan is not None:
            nama = [n for p in berkas_instansi(self.config.parent) for n in nama_tertulis(p)]
            masalah += periksa_silang(bacaan, [], nama)
        if masalah:
            raise ConfigError(masalah)
        return bacaan, []
