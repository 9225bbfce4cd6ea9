"""The one way to read a config: path -> bytes -> text -> data -> validated model.

`baca` returns all of them at once (`Bacaan`), so generate, check, new-year, diff and the
editor never read a file twice. Every problem is collected and reported at once.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Callable, Collection
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from . import model
from .galat import ConfigError, Masalah
from .lokasi import cari_baris, kunci_pada_baris

# Sub-tables by key path (list indexes dropped): for "did you mean" on unknown keys.
TABEL: dict[tuple[str, ...], type[BaseModel]] = {
    (): model.Config,
    ("instansi",): model.Instansi,
    ("format",): model.Format,
    ("penandatangan",): model.Penandatangan,
    ("keputusan",): model.Keputusan,
    ("rencana",): model.Rencana,
    ("dokumen",): model.Dokumen,
    ("struktur",): model.Unit,
    ("iku",): model.Iku,
    ("iku", "formulasi"): model.Pecahan,
    ("perjanjian_kinerja",): model.PerjanjianKinerja,
    ("perjanjian_kinerja", "pihak_kedua"): model.PihakKedua,
    ("program",): model.Program,
    ("laporan_kinerja",): model.LaporanKinerja,
    ("tte",): model.Tte,
    ("perubahan",): model.Perubahan,
}
TAG_UNION = {"teks", "pecahan"}
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class BerkasToml:
    """A config file as read and parsed, not yet validated (a draft with ISI markers is one)."""

    path: Path
    mentah: bytes
    teks: str
    data: dict[str, Any]


@dataclass(frozen=True)
class Bacaan(BerkasToml):
    """A config file read, parsed and validated."""

    config: model.Config


def baca(path: Path) -> Bacaan:
    """Read, parse, validate and cross-check one config file; ConfigError lists every problem."""
    return sahkan(baca_toml(path))


def baca_toml(path: Path) -> BerkasToml:
    """The file's bytes, text and parsed data (floats kept exact as Decimal)."""
    return urai(path, baca_bytes(path))


def urai(path: Path, mentah: bytes) -> BerkasToml:
    """Bytes said to come from path (a file, or a form not yet saved) parsed as TOML."""
    return BerkasToml(path, mentah, *urai_toml(mentah, path))


def muat(path: Path) -> model.Config:
    """Only the validated model of a config file."""
    return baca(path).config


def sahkan_teks(mentah: bytes, path: Path) -> model.Config:
    """Validate a config held in memory as if it were the file at path (the editor's unsaved form)."""
    return sahkan(urai(path, mentah)).config


def baca_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(
            Masalah(
                "berkas konfigurasi tidak ditemukan", berkas=path, saran="periksa nama dan folder berkas pada --config"
            )
        ) from None
    except IsADirectoryError:
        raise ConfigError(
            Masalah(
                "yang disebut adalah folder, bukan berkas konfigurasi",
                berkas=path,
                saran="sebut berkas .toml-nya, misalnya config/iku.toml",
            )
        ) from None
    except OSError as exc:
        raise ConfigError(Masalah(f"berkas tidak dapat dibaca ({exc.strerror})", berkas=path)) from None


def urai_toml(mentah: bytes, path: Path) -> tuple[str, dict[str, Any]]:
    try:
        teks = mentah.decode("utf-8-sig")  # Windows Notepad writes a BOM
    except UnicodeDecodeError:
        raise ConfigError(
            Masalah(
                "berkas bukan teks UTF-8", berkas=path, saran="simpan ulang berkas sebagai UTF-8 di penyunting teks"
            )
        ) from None
    try:
        return teks, tomllib.loads(teks, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(_masalah_sintaks(exc, path, teks)) from None


SINTAKS = {
    "Invalid value": "nilai tidak sah (teks lupa diapit tanda kutip?)",
    "Expected '=' after a key in a key/value pair": "tanda = tidak ada sesudah nama kunci",
    "Unterminated string": "tanda kutip penutup tidak ada",
    "Illegal character in string": 'teks memuat karakter yang tidak boleh (tanda kutip atau garis miring terbalik perlu ditulis \\" dan \\\\)',
    "Expected ']' at the end of a table declaration": "kurung ] penutup nama tabel tidak ada",
    "Expected ']]' at the end of an array declaration": "kurung ]] penutup nama tabel tidak ada",
    "Cannot overwrite a value": "kunci ditulis dua kali",
    "Invalid date or datetime": "tanggal tidak sah (tulis tahun-bulan-hari, misalnya 2022-03-22)",
    "Unclosed array": "kurung ] penutup daftar tidak ada (atau koma di antara butir terlupa)",
    "Unclosed inline table": "kurung } penutup tabel tidak ada",
    "Illegal character '\\n'": "tanda kutip penutup tidak ada sebelum akhir baris",
    "Expected newline or end of document after a statement": "ada tulisan lain sesudah nilai pada baris yang sama",
    "Invalid statement": "baris ini bukan kunci = nilai, [tabel], atau catatan #",
    "Unescaped '\\' in a string": "garis miring terbalik \\ di dalam teks harus ditulis \\\\ (atau apit teks dengan tanda kutip tunggal '...')",
    "Invalid initial character for a key part": "nama kunci tidak sah (koma berlebih di akhir tabel { }?)",
    "Invalid hex value": "kode \\x atau \\u di dalam teks tidak sah; tulis garis miring terbalik sebagai \\\\",
}


def _masalah_sintaks(exc: tomllib.TOMLDecodeError, path: Path, teks: str) -> Masalah:
    cocok = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
    baris = int(cocok.group(1)) if cocok else None
    asli = re.sub(r"\s*\(at .*?\)", "", str(exc))
    rinci = next((v for k, v in SINTAKS.items() if asli.startswith(k)), asli)
    if asli.startswith(("Cannot declare", "Cannot mutate")):
        rinci = "tabel atau kunci ditulis dua kali"
    return Masalah(
        f"penulisan TOML tidak sah ({rinci})",
        berkas=path,
        baris=baris,
        kunci=_kunci_baris(teks, baris),
        saran=_saran_sintaks(teks, baris),
    )


KOMA_DESIMAL = re.compile(r"=\s*[-+]?\d+,\d")  # kondisi_awal = 6,12 / { 2023 = 5,15 }


def _saran_sintaks(teks: str, baris: int | None) -> str:
    isi = teks.splitlines()[baris - 1] if baris and baris <= len(teks.splitlines()) else ""
    if KOMA_DESIMAL.search(isi.split("#")[0]):
        return "pakai titik sebagai tanda desimal: tulis 6.12 (tercetak 6,12 di dokumen)"
    return (
        "periksa tanda kutip, tanda = , koma dan kurung [ ] { } pada baris itu; "
        "teks harus diapit tanda kutip, tanggal ditulis 2022-03-22"
    )


def _kunci_baris(teks: str, baris: int | None) -> str | None:
    loc = kunci_pada_baris(teks, baris) if baris else None
    return nama_kunci(loc) if loc else None


def sahkan(berkas: BerkasToml) -> Bacaan:
    """Validate parsed data against the model and the rules that span keys or files."""
    path, teks = berkas.path, berkas.teks
    config = sahkan_model(
        berkas, model.Config, TABEL, lambda data: target_pk(data, teks, path) + ttd_wajib(data, teks, path)
    )
    masalah = periksa_silang(config, teks, path)
    if masalah:
        raise ConfigError(masalah)
    return Bacaan(
        path, berkas.mentah, teks, berkas.data, _semula_mutlak(_logo_mutlak(config, path.parent), path.parent)
    )


def sahkan_model(
    berkas: BerkasToml,
    kelas: type[M],
    tabel: dict[tuple[str, ...], type[BaseModel]],
    mentah: Callable[[dict[str, Any]], list[Masalah]] = lambda _data: [],
) -> M:
    """A parsed file validated against its model (an agency's config, pemda.toml): ConfigError with
    pydantic's errors said in Indonesian, and what mentah finds in the raw data reported with them."""
    try:
        return kelas.model_validate(berkas.data)
    except ValidationError as exc:
        raise ConfigError(masalah_validasi(exc, berkas.teks, berkas.path, tabel) + mentah(berkas.data)) from None


def periksa_silang(config: model.Config, teks: str, path: Path) -> list[Masalah]:
    """Rules that span several keys or the file system."""
    masalah = [_masalah_target(config, i, teks, path) for i in range(len(config.iku))]
    masalah += target_pk(config.model_dump(mode="json"), teks, path, {i for i, m in enumerate(masalah) if m})
    masalah += [_masalah_tahun_realisasi(config, i, teks, path) for i in range(len(config.iku))]
    masalah += ttd_wajib(config.model_dump(mode="json"), teks, path)
    if config.laporan_kinerja is not None:  # a row the PK already named is not named twice
        sudah = {m.kunci for m in masalah if m}
        masalah += [m for m in nilai_tahun_kurang(config, teks, path) if m.kunci not in sudah]
    masalah += masalah_semula(config, teks, path)
    saran = "tulis jalur berkas PNG/JPG relatif terhadap folder konfigurasi, atau hapus kunci logo"
    masalah += masalah_logo(config.instansi.logo, ("instansi", "logo"), teks, path, saran)
    return [m for m in masalah if m]


def masalah_logo(logo: str | None, loc: tuple[str, str], teks: str, path: Path, saran: str) -> list[Masalah]:
    """A logo key names a PNG or JPG file, relative to the folder of the file that names it, that
    the DOCX writer can read (not just a file named .png)."""
    if not logo:
        return []
    gambar, kunci, baris = path.parent / logo, nama_kunci(loc), cari_baris(teks, loc)
    if not gambar.is_file():
        return [Masalah(f'berkas logo "{logo}" tidak ditemukan', berkas=path, kunci=kunci, baris=baris, saran=saran)]
    if gambar.suffix.lower() not in (".png", ".jpg", ".jpeg"):
        return [Masalah("logo harus berkas PNG atau JPG", berkas=path, kunci=kunci, baris=baris)]
    from docx.image.image import Image

    try:
        Image.from_file(str(gambar))
    except Exception:  # python-docx raises several kinds for unreadable images
        return [
            Masalah(
                f'berkas logo "{gambar.name}" bukan gambar PNG/JPG yang dapat dibaca',
                berkas=path,
                kunci=kunci,
                baris=baris,
                saran="simpan ulang logo sebagai PNG atau JPG dari program gambar",
            )
        ]
    return []


def _masalah_target(config: model.Config, i: int, teks: str, path: Path) -> Masalah | None:
    """Target years must lie in the plan; years left out are allowed and print "-"."""
    return target_di_luar_rencana(
        config.iku[i].target,
        config.rencana,
        i,
        teks,
        path,
        'tahun rencana yang belum ada targetnya boleh dibiarkan (tercetak "-")',
    )


def target_di_luar_rencana(
    target: dict[str, Any] | None, rencana: model.Periode, i: int, teks: str, path: Path, tambahan: str = ""
) -> Masalah | None:
    """Row i's target years outside the plan period (an agency's or the Pemda's), named."""
    asing = [k for k in target or {} if k not in {str(t) for t in rencana.tahun}]
    if not asing:
        return None
    return Masalah(
        f"tahun di luar rentang rencana {rencana.tahun_awal}-{rencana.tahun_akhir}: " + ", ".join(asing),
        berkas=path,
        kunci=f"iku[{i + 1}].target",
        baris=cari_baris(teks, ("iku", i, "target")),
        saran="hapus tahun itu atau ubah rencana.tahun_awal/rencana.tahun_akhir"
        + (f"; {tambahan}" if tambahan else ""),
    )


def target_pk(data: dict[str, Any], teks: str, path: Path, lewati: Collection[int] = ()) -> list[Masalah]:
    """The Perjanjian Kinerja quotes target[tahun] of every row: each row without it is named.
    Works on the raw data too, so it is reported along with the model's own errors."""
    tahun = data.get("tahun")
    if not (
        isinstance(data.get("perjanjian_kinerja"), dict) and isinstance(data.get("iku"), list) and type(tahun) is int
    ):
        return []  # without a valid tahun the model's own error says enough
    tahun = str(tahun)
    return [
        _masalah_target_pk(tahun, i, teks, path)
        for i, baris in enumerate(data["iku"])
        if i not in lewati and isinstance(baris, dict) and tahun not in (baris.get("target") or {})
    ]


def ttd_wajib(data: dict[str, Any], teks: str, path: Path) -> list[Masalah]:
    """An official signs with pangkat and NIP; only the kepala daerah's own decree goes without.
    Works on the raw data too, so it is reported along with the model's own errors."""
    ttd = data.get("penandatangan")
    if not isinstance(ttd, dict) or model.kepala_daerah(data.get("instansi")):
        return []
    return [
        Masalah(
            "wajib diisi tetapi tidak ada",
            berkas=path,
            kunci=f"penandatangan.{kunci}",
            baris=cari_baris(teks, ("penandatangan",)),
            saran=f'tambahkan kunci "{kunci}" {_tempat_kunci(("penandatangan",))} '
            "(hanya keputusan kepala daerah sendiri, instansi.nama sama dengan pemerintah, tanpa pangkat dan NIP)",
        )
        for kunci in ("pangkat", "nip")
        if ttd.get(kunci) is None
    ]


def _masalah_target_pk(tahun: str, i: int, teks: str, path: Path) -> Masalah:
    return Masalah(
        f"target tahun {tahun} belum ada, padahal [perjanjian_kinerja] mencetak target tahun itu",
        berkas=path,
        kunci=f"iku[{i + 1}].target",
        baris=cari_baris(teks, ("iku", i, "target")),
        saran=f"tulis target = {{ {tahun} = ... }} pada baris iku ke-{i + 1}, "
        "atau hapus tabel [perjanjian_kinerja] bila tahun ini belum ada Perjanjian Kinerja",
    )


def _masalah_tahun_realisasi(config: model.Config, i: int, teks: str, path: Path) -> Masalah | None:
    """Keys of realisasi are years, like those of target."""
    bukan = [k for k in (config.iku[i].realisasi or {}) if not (k.isascii() and k.isdigit() and 1900 <= int(k) <= 2200)]
    if not bukan:
        return None
    return Masalah(
        "kunci realisasi harus berupa tahun (tertulis: " + ", ".join(f'"{k}"' for k in bukan) + ")",
        berkas=path,
        kunci=f"iku[{i + 1}].realisasi",
        baris=cari_baris(teks, ("iku", i, "realisasi")),
        saran=f"tulis tahun empat angka, misalnya realisasi = {{ {config.tahun} = 5.05 }}",
    )


def nilai_tahun_kurang(config: model.Config, teks: str, path: Path) -> list[Masalah]:
    """Rows lacking target[tahun] or realisasi[tahun], which capaian needs (LKjIP, iku capaian)."""
    masalah = []
    for i, baris in enumerate(config.iku):
        for kunci in ("target", "realisasi"):
            if str(config.tahun) not in (getattr(baris, kunci) or {}):
                masalah.append(
                    Masalah(
                        f'{kunci} tahun {config.tahun} belum diisi untuk "{baris.indikator}" '
                        "(diperlukan untuk menghitung capaian)",
                        berkas=path,
                        kunci=f"iku[{i + 1}].{kunci}",
                        baris=cari_baris(teks, ("iku", i, kunci)),
                        saran=f"tambahkan {config.tahun} = ... pada {kunci} baris [[iku]] ini, "
                        f"misalnya {kunci} = {{ {config.tahun} = 5.05 }}",
                    )
                )
    return masalah


def muat_semula(path: Path) -> model.Config:
    """The amended decree's config (validated by the model alone: its own [perubahan].semula,
    relative to an archive it may no longer sit in, is not followed)."""
    try:
        return model.Config.model_validate(baca_toml(path).data)
    except ValidationError:
        raise ConfigError(Masalah("bukan konfigurasi IKU yang sah", berkas=path)) from None


def masalah_semula(config: model.Config, teks: str, path: Path) -> list[Masalah]:
    """[perubahan].semula must be a config of the same agency."""
    semula = config.perubahan.semula if config.perubahan else None
    if semula is None:
        return []
    berkas, loc = path.parent / semula, ("perubahan", "semula")

    def masalah(pesan: str, saran: str) -> list[Masalah]:
        return [Masalah(pesan, berkas=path, kunci=nama_kunci(loc), baris=cari_baris(teks, loc), saran=saran)]

    if not berkas.is_file():
        return masalah(
            f'berkas semula "{berkas}" tidak ditemukan',
            "tulis jalur konfigurasi keputusan yang diubah, relatif terhadap folder berkas ini, "
            'misalnya semula = "../output/2023/konfigurasi-2023.toml"',
        )
    try:
        lama = muat_semula(berkas)
    except ConfigError:
        return masalah(
            f'berkas semula "{berkas}" bukan konfigurasi IKU yang sah',
            "sebut konfigurasi-<tahun>.toml dari arsip keputusan yang diubah",
        )
    if lama.instansi.nama.casefold() != config.instansi.nama.casefold():
        return masalah(
            f'berkas semula "{berkas}" adalah konfigurasi {lama.instansi.nama}, bukan {config.instansi.nama}',
            "sebut konfigurasi keputusan perangkat daerah ini sendiri",
        )
    return []


def _semula_mutlak(config: model.Config, folder: Path) -> model.Config:
    if config.perubahan is None or config.perubahan.semula is None:
        return config
    perubahan = config.perubahan.model_copy(update={"semula": str((folder / config.perubahan.semula).resolve())})
    return config.model_copy(update={"perubahan": perubahan})


def _logo_mutlak(config: model.Config, folder: Path) -> model.Config:
    if not config.instansi.logo:
        return config
    instansi = config.instansi.model_copy(update={"logo": str((folder / config.instansi.logo).resolve())})
    return config.model_copy(update={"instansi": instansi})


def nama_kunci(loc: tuple[Any, ...]) -> str:
    """keputusan.menimbang[3], iku[2].target: list positions counted from 1."""
    teks = ""
    for bagian in loc:
        teks += f"[{bagian + 1}]" if isinstance(bagian, int) else ("." if teks else "") + str(bagian)
    return teks


def _bersihkan_loc(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(b for i, b in enumerate(loc) if not (b in TAG_UNION and i and loc[i - 1] == "formulasi"))


def masalah_validasi(
    exc: ValidationError, teks: str, path: Path, tabel: dict[tuple[str, ...], type[BaseModel]] | None = None
) -> list[Masalah]:
    """pydantic's errors said in Indonesian, each with its file, key and line; tabel maps key paths to
    the models whose keys "did you mean" suggests (another file's model, such as pemda.toml's)."""
    return [_terjemahkan(dict(e), teks, path, tabel) for e in exc.errors()]


def _terjemahkan(
    err: dict[str, Any], teks: str, path: Path, tabel: dict[tuple[str, ...], type[BaseModel]] | None = None
) -> Masalah:
    loc = _bersihkan_loc(tuple(err["loc"]))
    pesan, saran = _pesan(err, loc, tabel or TABEL)
    baris = cari_baris(teks, loc if err["type"] != "missing" else loc[:-1])
    return Masalah(pesan, berkas=path, kunci=nama_kunci(loc) or None, baris=baris, saran=saran)


def _pesan(
    err: dict[str, Any], loc: tuple[Any, ...], tabel: dict[tuple[str, ...], type[BaseModel]] = TABEL
) -> tuple[str, str | None]:
    jenis, ctx, nilai = err["type"], err.get("ctx") or {}, err.get("input")
    if jenis == "missing":
        return "wajib diisi tetapi tidak ada", f'tambahkan kunci "{loc[-1]}" {_tempat_kunci(loc[:-1])}'
    if jenis == "extra_forbidden":
        return "kunci tidak dikenal", _saran_kunci(loc, tabel)
    if jenis == "value_error":
        pesan = str(ctx.get("error", err["msg"]))
        if pesan.startswith("belum diisi"):
            return pesan, SARAN_ISIAN_RUPIAH if loc[-1] in ("anggaran", "realisasi") else SARAN_ISIAN
        return pesan, None
    if jenis == "literal_error":
        return f"nilai {nilai!r} tidak dikenal", "pilih salah satu: " + str(ctx.get("expected", "")).replace(
            " or ", ", "
        )
    if jenis in ("greater_than_equal", "less_than_equal") and loc[-2:] == ("perubahan", "ke"):
        return (
            f"nilai {nilai} di luar batas",
            "tulis 1 untuk perubahan pertama, 2 untuk perubahan kedua, dan seterusnya",
        )
    if jenis in ("greater_than_equal", "less_than_equal"):
        return f"nilai {nilai} di luar batas", "tahun ditulis empat angka antara 1900 dan 2200"
    if jenis == "too_short":
        return "tidak boleh kosong", "isi paling sedikit satu butir"
    return PESAN_JENIS.get(jenis, (f"nilai tidak sah ({err['msg']})", None))


def _tempat_kunci(induk: tuple[Any, ...]) -> str:
    """Where a missing key belongs: the top of the file, a [table], or the n-th [[block]]."""
    if not induk:
        return "di bagian atas berkas (sebelum tabel [...] yang pertama)"
    if isinstance(induk[-1], int):
        return f"di blok [[{nama_kunci(induk[:-1])}]] ke-{induk[-1] + 1}"
    return f"di tabel [{nama_kunci(induk)}]"


SARAN_ISIAN = (
    'ganti seluruh teks "ISI: ..." dengan nilai sebenarnya; tanggal ditulis tanpa tanda kutip, misalnya 2023-03-22'
)
SARAN_ISIAN_RUPIAH = 'ganti seluruh teks "ISI: ..." dengan angka rupiah tanpa tanda kutip, misalnya 1250000000'
PESAN_JENIS: dict[str, tuple[str, str | None]] = {
    "string_type": ("harus berupa teks", 'apit teks dengan tanda kutip, misalnya "Singaraja"'),
    "int_type": ("harus berupa bilangan bulat", "tulis angka tanpa tanda kutip, misalnya 2023"),
    "bool_type": ("harus true atau false", "tulis true atau false tanpa tanda kutip"),
    "date_type": ("harus berupa tanggal", "tulis tanggal TOML tanpa tanda kutip, misalnya 2022-03-22"),
    "list_type": ("harus berupa daftar", 'tulis dalam kurung siku, misalnya ["butir pertama", "butir kedua"]'),
    "dict_type": ("harus berupa tabel", "tulis sebagai tabel, misalnya { 2023 = 5.15, 2024 = 4.9 }"),
    "model_type": ("harus berupa tabel", "tulis sebagai tabel [nama] beserta kunci-kuncinya"),
    "model_attributes_type": ("harus berupa tabel", "tulis sebagai tabel [nama] beserta kunci-kuncinya"),
}


def _saran_kunci(loc: tuple[Any, ...], tabel: dict[tuple[str, ...], type[BaseModel]] = TABEL) -> str:
    induk = tuple(b for b in loc[:-1] if not isinstance(b, int))
    kelas = tabel.get(induk)
    if kelas is None:
        return "hapus kunci ini"
    dikenal = list(kelas.model_fields)
    mirip = difflib.get_close_matches(str(loc[-1]), dikenal, n=1)
    if mirip:
        return f'maksud Anda "{mirip[0]}"?'
    return "hapus kunci ini; kunci yang dikenal di sini: " + ", ".join(dikenal)
