"""Which files the editor serves: one config, or a whole kabupaten folder (its agencies and pemda.toml).

A `Meja` is one file as the web pages edit it (its Penyunting, its preview, what its page offers);
a `Ruang` finds the Meja of a request by the mount it came through and the agency it names,
and only among the files it lists (never a path from the request). `RuangKabupaten` also gives
the landing page's state: every agency's `iku check` counts and the kabupaten's own check with
its gap report, as `iku kabupaten --check` reports them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..galat import ConfigError, IkuError, Masalah
from ..kabupaten.baca import baca_kabupaten, berkas_instansi, nama_tertulis
from ..kabupaten.kaskade import celah
from ..kabupaten.model import NAMA_BERKAS
from ..konfigurasi import baca_bytes, baca_toml
from ..periksa.jalankan import periksa
from ..periksa.temuan import Hasil
from .simpan import sidik
from .sunting import Penyunting, PenyuntingPemda

TUNGGAL, INSTANSI, PEMDA = "formulir", "instansi", "pemda"  # the mounts of the form's blueprint


@dataclass
class Meja:
    """One file as the pages edit it: its editor, its preview, what its page offers."""

    penyunting: Penyunting
    pratinjau: Any = None  # a pratinjau.Pratinjau, or None for no pictures
    templat: str = "halaman.html"
    buat: bool = True  # the generate button, the archive's downloads and the diff with last year
    kabupaten: bool = False  # a link back to the kabupaten's page


class RuangTunggal:
    """`iku serve --config FILE`: one config, mounted at the root."""

    def __init__(self, meja: Meja) -> None:
        self.satu = meja

    def meja(self, pasangan: str | None, kode: str | None) -> Meja | None:
        return self.satu if pasangan == TUNGGAL else None


@dataclass(frozen=True)
class StatusInstansi:
    """One agency config on the landing page: what `iku check` says of it."""

    kode: str  # the file's stem: its address under /instansi/
    path: Path
    nama: str  # instansi.nama as written ("" when the file cannot be read)
    galat: tuple[Masalah, ...]
    peringatan: tuple[Masalah, ...]


@dataclass(frozen=True)
class Ikhtisar:
    """The landing page: the agencies, pemda.toml's own state, and the kabupaten's check."""

    instansi: tuple[StatusInstansi, ...]
    pemda_galat: tuple[Masalah, ...]
    pemda_peringatan: tuple[Masalah, ...]
    pemerintah: str
    galat: tuple[Masalah, ...]  # what makes `iku kabupaten` refuse (every file, one report)
    celah: tuple[Masalah, ...]  # the gap report (warnings), when the kabupaten validates


class RuangKabupaten:
    """`iku serve --kabupaten FOLDER`: every agency config of the folder and pemda.toml, each its own Meja."""

    def __init__(self, folder: Path, templates: Path, pratinjau_untuk: Callable[[Path], Any] | None = None) -> None:
        self.folder, self.templates, self.pratinjau_untuk = folder, templates, pratinjau_untuk
        self.pemda = Meja(PenyuntingPemda(folder / NAMA_BERKAS), templat="pemda.html", buat=False, kabupaten=True)
        self._meja: dict[Path, Meja] = {}
        self._status: dict[Path, tuple[str, Hasil]] = {}  # iku check per file, by the bytes it checked
        self._kunci = threading.Lock()
        self._kunci_berkas: dict[Path, threading.Lock] = {}

    def berkas(self) -> dict[str, Path]:
        """The agency configs now in the folder, by the address each is opened at."""
        return {p.stem: p for p in berkas_instansi(self.folder)}

    def meja(self, pasangan: str | None, kode: str | None) -> Meja | None:
        if pasangan == PEMDA:
            return self.pemda
        path = self.berkas().get(kode or "") if pasangan == INSTANSI else None
        if path is None:
            return None
        with self._kunci:
            if path not in self._meja:
                pt = self.pratinjau_untuk(path) if self.pratinjau_untuk else None
                # documents are made for the whole kabupaten (`iku kabupaten`), not one agency here
                self._meja[path] = Meja(Penyunting(path, self.folder, self.templates), pt, buat=False, kabupaten=True)
            return self._meja[path]

    def periksa(self, path: Path) -> Hasil:
        """`iku check` of one agency config, done again only when its bytes changed (once at a time per file)."""
        with self._kunci:
            kunci = self._kunci_berkas.setdefault(path, threading.Lock())
        with kunci:
            try:
                kode = sidik(baca_bytes(path))
            except IkuError as exc:
                return Hasil(exc.masalah, [])
            simpanan = self._status.get(path)
            if simpanan is None or simpanan[0] != kode:
                simpanan = self._status[path] = (kode, periksa(path, self.templates))
            return simpanan[1]

    def ikhtisar(self) -> Ikhtisar:
        """Everything the landing page shows, read from the files as they are now."""
        instansi = []
        for kode, path in self.berkas().items():
            hasil = self.periksa(path)
            nama = next(iter(nama_tertulis(path)), "")
            instansi.append(StatusInstansi(kode, path, nama, tuple(hasil.galat), tuple(hasil.peringatan)))
        pemda_galat: tuple[Masalah, ...] = ()  # a missing pemda.toml is said by the kabupaten's check below
        pemda_peringatan: tuple[Masalah, ...] = ()
        if (self.folder / NAMA_BERKAS).is_file():
            h = self.pemda.penyunting.baca()
            pemda_galat = (h.rusak,) if h.rusak else tuple(m for _, m in h.galat)
            pemda_peringatan = tuple(m for _, m in h.peringatan)
        try:
            k = baca_kabupaten(self.folder)
        except ConfigError as exc:
            return Ikhtisar(tuple(instansi), pemda_galat, pemda_peringatan, self._pemerintah(), tuple(exc.masalah), ())
        return Ikhtisar(
            tuple(instansi), pemda_galat, pemda_peringatan, k.pemda.pemda.pemerintah.nama, (), tuple(celah(k))
        )

    def _pemerintah(self) -> str:
        """pemerintah.nama as written in pemda.toml, or the folder's name when it cannot be read."""
        try:
            nama = (baca_toml(self.folder / NAMA_BERKAS).data.get("pemerintah") or {}).get("nama")
        except (ConfigError, AttributeError):
            nama = None
        return nama if isinstance(nama, str) else self.folder.name
