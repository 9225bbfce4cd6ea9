"""`iku impor --tabel`: IKU rows read from a spreadsheet, as agencies send them to Bappeda.

    buka (.xlsx as is; .xls/.ods through LibreOffice, the Word import's converter)
      -> the header row: the first row, in the first rows of the first sheet that has one, naming
         an indikator column and another known column (a second heading row under it is read too)
      -> columns by name, whatever their case, spacing and order; a column per year
      -> rows: merged cells filled down, a blank sasaran is the one above, numbers typed as text read
      -> a config: BASE's other sections kept, or the sample's marked "ISI:" to be filled

Nothing is guessed silently: an unknown column, a row without indicator, a number that cannot
be read are reported (janggal) and left out.
"""

from __future__ import annotations

import re
import tomllib
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ..galat import ImporError, Masalah
from .baca import Paragraf
from .berkas import OLE, ciri, diubah, jenis_berkas
from .lampiran import formulasi
from .teks import rapat, satu_baris
from .tulis import susun, teks_iku

BARIS_CARI = 20  # the header is looked for in the first rows of a sheet (titles above it are common)
SARAN = "simpan lembar kerja itu sebagai .xlsx (Excel) lalu ulangi"
# Heading (lowercase, punctuation as spaces) -> key. Checked whole, then by the start.
NAMA_KOLOM = {
    "no": "nomor",
    "nomor": "nomor",
    "sasaran": "sasaran",
    "sasaran strategis": "sasaran",
    "indikator": "indikator",
    "indikator kinerja": "indikator",
    "indikator kinerja utama": "indikator",
    "indikator kinerja utama iku": "indikator",
    "iku": "indikator",
    "satuan": "satuan",
    "alasan": "alasan",
    "formulasi": "formulasi",
    "formulasi cara pengukuran": "formulasi",
    "cara pengukuran": "formulasi",
    "rumus": "formulasi",
    "sumber data": "sumber_data",
    "keterangan": "keterangan",
    "keterangan kriteria": "keterangan",
    "kriteria": "keterangan",
    "kondisi awal": "kondisi_awal",
    "arah": "arah",
    "penjelasan": "",  # a heading over alasan, formulasi and sumber data
    "kondisi akhir": "",  # the last year's target: computed by the program
    "capaian": "",  # computed from target and realisasi
    "predikat": "",
}
TAHUN = re.compile(r"^(target |realisasi |kondisi awal )?(?:tahun )?((?:19|20|21)\d\d)$")
ANGKA = {"kondisi_awal"}
BERBARIS = {"alasan", "keterangan"}
DARI_DASAR = ("kondisi_awal", "target", "realisasi", "arah", "strategi", "arah_kebijakan", "acuan", "analisis")


@dataclass(frozen=True)
class HasilTabel:
    """What was read: the config text, where the header was, what must be filled, what was left out."""

    teks: str
    lembar: str
    baris_judul: int
    kolom: dict[str, str]  # heading as written -> key (or year key "target.2024")
    jumlah_iku: int
    kurang: list[str]
    janggal: list[Masalah] = field(default_factory=list)
    dari_dasar: int = 0  # rows that took values the sheet lacks from BASE (the same indikator)


def baca_tabel(path: Path, dasar: Path | None = None) -> HasilTabel:
    """The spreadsheet at path read into a config text (BASE's other sections kept when given)."""
    jenis = _jenis(path)
    if jenis == "xlsx":
        return _baca_xlsx(path, path, dasar)
    with diubah(path, "xlsx", SARAN) as hasil:
        if not zipfile.is_zipfile(hasil):
            raise ImporError(Masalah("LibreOffice tidak dapat membaca berkas ini sebagai lembar kerja", berkas=path))
        return _baca_xlsx(hasil, path, dasar)


def _jenis(path: Path) -> str:
    """ "xlsx", "ubah" (LibreOffice converts it) or ImporError saying what the file is instead."""
    if not path.is_file():
        raise ImporError(Masalah("berkas tidak ditemukan", berkas=path, saran="periksa nama dan foldernya"))
    c = ciri(path)
    if c.awal.startswith(OLE):
        return "ubah"  # .xls (LibreOffice says whether it is a spreadsheet)
    if c.nama is not None and "xl/workbook.xml" in c.nama:
        return "xlsx"
    if c.mimetype.endswith("opendocument.spreadsheet"):
        return "ubah"
    jenis = jenis_berkas(path) if path.stat().st_size else "kosong (0 bita)"
    jenis = {"docx": "naskah Word (.docx)", "ubah": "naskah pengolah kata"}.get(jenis, jenis)
    raise ImporError(
        Masalah(
            "berkas ini bukan lembar kerja (spreadsheet)" + ("" if jenis.startswith("bukan") else f": {jenis}"),
            berkas=path,
            saran="berikan berkas .xlsx, .xls atau .ods; naskah Keputusan diimpor dengan iku impor KEPUTUSAN",
        )
    )


def _baca_xlsx(path: Path, asal: Path, dasar: Path | None) -> HasilTabel:
    import openpyxl

    try:
        buku = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises several kinds for a damaged package
        raise ImporError(
            Masalah(f"lembar kerja tidak dapat dibaca ({type(exc).__name__})", berkas=asal, saran=SARAN)
        ) from None
    for ws in buku.worksheets:
        kepala = cari_kepala(ws)
        if kepala is not None:
            return _susun(asal, ws, *kepala, dasar)
    daftar = ", ".join(f'"{ws.title}" (baris 1-{min(ws.max_row, BARIS_CARI)})' for ws in buku.worksheets)
    raise ImporError(
        Masalah(
            f"tidak ada baris judul kolom yang dikenali di lembar {daftar}",
            berkas=asal,
            saran="baris judul harus menamai kolom Indikator dan kolom lain (Sasaran, Satuan, Alasan, Formulasi, "
            f"Sumber Data, target per tahun ...) dalam {BARIS_CARI} baris pertama",
        )
    )


# ---------------------------------------------------------------- header


def nama_kolom(teks: Any) -> str | None:
    """The key a heading names: "indikator", "target.2024", "realisasi.2023", "" (known, not read), None."""
    if teks is None:
        return None
    bersih = _bersih(teks)
    if bersih in NAMA_KOLOM:
        return NAMA_KOLOM[bersih]
    tahun = TAHUN.match(bersih)
    if tahun:
        jenis = (tahun.group(1) or "target ").strip()
        return "kondisi_awal" if jenis == "kondisi awal" else f"{jenis}.{tahun.group(2)}"
    for awal, kunci in NAMA_KOLOM.items():  # "Kondisi Awal (2021)", "Satuan (%)", "Capaian (%)"
        if len(awal) > 3 and bersih.startswith(awal + " "):
            return kunci
    return None


def cari_kepala(ws: Any) -> tuple[int, int, dict[int, tuple[str, str]]] | None:
    """(header row, first data row, column -> (heading, key)) of a sheet, or None when it has none.

    A row of headings right under it (ALASAN ... under PENJELASAN, the years under TARGET or
    REALISASI) is read with it: a year under a realisasi heading is a realisasi column."""
    baris = list(ws.iter_rows(min_row=1, max_row=BARIS_CARI + 1, values_only=True))
    for n, isi in enumerate(baris[:BARIS_CARI], start=1):
        kolom = {k: (str(v).strip(), kunci) for k, v in enumerate(isi, start=1) if (kunci := nama_kolom(v)) is not None}
        dikenal = [kunci for _, kunci in kolom.values() if kunci]
        if "indikator" not in dikenal or len(dikenal) < 2:
            continue
        bawah = {k: v for k, v in enumerate(baris[n] if n < len(baris) else (), start=1) if _ada(v)}
        if not bawah or any(nama_kolom(v) is None for v in bawah.values()):
            return n, n + 1, kolom
        atas = _sebaris_gabungan(ws, n, isi)
        for k, v in bawah.items():
            kunci = nama_kolom(v) or ""
            if kunci.startswith("target.") and _bersih(atas.get(k)).startswith("realisasi"):
                kunci = "realisasi." + kunci.partition(".")[2]
            if kunci and not (kolom.get(k) or ("", ""))[1]:
                kolom[k] = (f"{atas.get(k) or ''} {v}".strip(), kunci)
        return n, n + 2, kolom
    return None


def _sebaris_gabungan(ws: Any, n: int, isi: tuple[Any, ...]) -> dict[int, Any]:
    """Row n's values by column, a heading merged across columns given to each of them."""
    hasil = dict(enumerate(isi, start=1))
    for rentang in ws.merged_cells.ranges:
        if rentang.min_row <= n <= rentang.max_row:
            for k in range(rentang.min_col, rentang.max_col + 1):
                hasil[k] = ws.cell(rentang.min_row, rentang.min_col).value
    return hasil


def _ada(nilai: Any) -> bool:
    return nilai is not None and str(nilai).strip() != ""


def _bersih(teks: Any) -> str:
    """A heading compared: lowercase, punctuation and line breaks as single spaces."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", str(teks or "").casefold()).split())


# ---------------------------------------------------------------- rows


def _susun(
    asal: Path, ws: Any, kepala: int, mulai: int, kolom: dict[int, tuple[str, str]], dasar: Path | None
) -> HasilTabel:
    janggal = [
        Masalah(f'kolom "{judul}" tidak dikenali dan tidak diimpor', berkas=asal, kunci=f"{ws.title}!{_huruf(k)}")
        for k, (judul, kunci) in sorted(_kolom_tak_dikenal(ws, kepala, mulai, kolom).items())
    ]
    gabung = _isi_gabungan(ws, mulai, kolom)
    baris: list[dict[str, Any]] = []
    sasaran = ""
    for n, isi in enumerate(ws.iter_rows(min_row=mulai), start=mulai):
        sel = {k: gabung.get((n, k), c) for k, c in enumerate(isi, start=1)}
        if all(c.value is None or str(c.value).strip() == "" for c in sel.values()):
            continue
        nilai = _nilai(asal, ws.title, n, sel, kolom, janggal)
        sasaran = nilai.get("sasaran") or sasaran
        if not nilai.get("indikator"):
            janggal.append(Masalah("baris tanpa indikator tidak diimpor", berkas=asal, kunci=f"{ws.title}!baris {n}"))
            continue
        if sasaran:
            nilai["sasaran"] = sasaran
        baris.append(nilai)
    dari_dasar = 0
    if dasar is not None:
        teks_dasar, data_dasar = _baca_dasar(dasar)
        ada = {kunci.partition(".")[0] for _, kunci in kolom.values()}
        dari_dasar = _lengkapi(baris, data_dasar.get("iku", []), ada)
        blok, kurang = teks_iku(baris)
        teks = ganti_iku(teks_dasar, blok)
        try:
            tomllib.loads(teks)  # what we write must always read back
        except tomllib.TOMLDecodeError as exc:
            raise ImporError(
                Masalah(
                    f"baris [[iku]] konfigurasi dasar tidak dapat diganti ({exc})",
                    berkas=dasar,
                    saran="impor tanpa --config, lalu salin bagian lain dari konfigurasi dasar",
                )
            ) from None
    else:
        teks, kurang = susun({}, baris, {})
    judul = {j: k for _, (j, k) in sorted(kolom.items())}
    return HasilTabel(teks, ws.title, kepala, judul, len(baris), kurang, janggal, dari_dasar)


def _kolom_tak_dikenal(ws: Any, kepala: int, mulai: int, kolom: dict[int, Any]) -> dict[int, tuple[str, str]]:
    hasil = {}
    for isi in ws.iter_rows(min_row=kepala, max_row=mulai - 1):
        for sel in isi:
            if sel.value is not None and str(sel.value).strip() and sel.column not in kolom:
                if nama_kolom(sel.value) is None:
                    hasil[sel.column] = (str(sel.value).strip(), "")
    return hasil


def _isi_gabungan(ws: Any, mulai: int, kolom: dict[int, tuple[str, str]]) -> dict[tuple[int, int], Any]:
    """(row, column) -> the first cell of the merged range covering it (merged sasaran cells filled down)."""
    hasil = {}
    for rentang in ws.merged_cells.ranges:
        if rentang.max_row < mulai:
            continue
        nilai = ws.cell(rentang.min_row, rentang.min_col)
        for r in range(max(rentang.min_row, mulai), rentang.max_row + 1):
            for k in range(rentang.min_col, rentang.max_col + 1):
                if r == rentang.min_row or kolom.get(k, ("", ""))[1] != "indikator":
                    hasil[(r, k)] = nilai  # an indikator merged down is one row, its lower part no new one
    return hasil


def _nilai(
    asal: Path, lembar: str, n: int, sel: dict[int, Any], kolom: dict[int, tuple[str, str]], janggal: list[Masalah]
) -> dict[str, Any]:
    nilai: dict[str, Any] = {}
    for k, (judul, kunci) in kolom.items():
        isi = sel[k].value if k in sel else None
        if not kunci or kunci == "nomor" or isi is None or str(isi).strip() in ("", "-"):
            continue
        if kunci in ANGKA or "." in kunci:
            angka = baca_angka(isi, sel[k].number_format or "")
            if angka is None:
                janggal.append(
                    Masalah(
                        f'"{isi}" di kolom "{judul}" bukan angka, tidak diimpor',
                        berkas=asal,
                        kunci=f"{lembar}!{_huruf(k)}{n}",
                    )
                )
                continue
            jenis, _, tahun = kunci.partition(".")
            if tahun:
                nilai.setdefault(jenis, {})[tahun] = angka
            else:
                nilai[kunci] = angka
        elif kunci == "arah":
            arah = str(isi).strip().casefold()
            if arah in ("naik", "turun"):
                nilai["arah"] = arah
            else:
                janggal.append(
                    Masalah(
                        f'arah "{isi}" bukan naik atau turun, tidak diimpor',
                        berkas=asal,
                        kunci=f"{lembar}!{_huruf(k)}{n}",
                    )
                )
        elif kunci == "formulasi":
            nilai[kunci] = formulasi([Paragraf(b) for b in str(isi).splitlines() if b.strip()])
        elif kunci in BERBARIS:
            nilai[kunci] = rapat(str(isi).replace("\r\n", "\n"))
        else:
            nilai[kunci] = satu_baris(str(isi))
    return nilai


def baca_angka(isi: Any, format_: str = "") -> int | float | None:
    """A number as TOML writes it: a numeric cell as it is (a percentage cell as the number shown),
    text the Indonesian way ("6,12", "1.250,5", "6,12%") or with a decimal point ("6.12"); None otherwise."""
    if isinstance(isi, bool):
        return None
    if isinstance(isi, (int, float)):
        angka = Decimal(repr(isi)) * (100 if "%" in format_ else 1)
    else:
        teks = str(isi).strip().replace("\u00a0", "").replace(" ", "").rstrip("%")
        if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?|-?\d+,\d+", teks):
            teks = teks.replace(".", "").replace(",", ".")
        if not re.fullmatch(r"-?\d+(\.\d+)?", teks):
            return None
        try:
            angka = Decimal(teks)
        except InvalidOperation:
            return None
    return int(angka) if angka == angka.to_integral_value() else float(angka)


def _huruf(kolom: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(kolom)


# ---------------------------------------------------------------- BASE


def _baca_dasar(dasar: Path) -> tuple[str, dict[str, Any]]:
    try:
        teks = dasar.read_text(encoding="utf-8")
        return teks, tomllib.loads(teks)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ImporError(
            Masalah(f"konfigurasi dasar tidak dapat dibaca ({exc})", berkas=dasar, saran="periksa berkas pada --config")
        ) from None


def _lengkapi(baris: list[dict[str, Any]], iku_dasar: list[dict[str, Any]], ada: set[str]) -> int:
    """Rows whose indikator BASE has take from it the values the sheet has no column for (an empty
    cell of a column the sheet has stays empty); how many rows did."""
    per_indikator = {satu_baris(str(b.get("indikator", ""))).casefold(): b for b in iku_dasar}
    jumlah = 0
    for nilai in baris:
        lama = per_indikator.get(nilai["indikator"].casefold())
        if lama is None:
            continue
        tambah = {k: lama[k] for k in DARI_DASAR if k in lama and k not in ada}
        nilai.update(tambah)
        jumlah += bool(tambah)
    return jumlah


def ganti_iku(teks: str, blok: str) -> str:
    """BASE's text with its [[iku]] rows (and the comments inside them) replaced by blok; every other
    section and comment kept where it was."""
    baris = teks.splitlines()
    kepala = _baris_kepala(baris)
    iku = [i for i in kepala if re.match(r"\s*\[\[\s*iku\s*\]\]|\s*\[\s*iku\.", baris[i])]
    if not iku:
        return teks.rstrip("\n") + "\n\n" + blok
    hasil, i = [], 0
    for mulai in iku:
        awal = _awal_komentar(baris, mulai)
        hasil += baris[i:awal]
        lain = next((k for k in kepala if k > mulai and k not in iku), len(baris))
        i = _awal_komentar(baris, lain) if lain < len(baris) else lain
        if mulai == iku[0]:
            hasil.append("\x00")
    hasil += baris[i:]
    return "\n".join(hasil).replace("\x00", "\n" + blok.strip("\n") + "\n") + "\n"


def _baris_kepala(baris: list[str]) -> list[int]:
    """Lines that open a table ([x], [[x]]), those inside a multi-line string not counted."""
    hasil, dalam = [], False
    for n, b in enumerate(baris):
        if not dalam and re.match(r"\s*\[", b):
            hasil.append(n)
        if (b.count('"""') + b.count("'''")) % 2:
            dalam = not dalam
    return hasil


def _awal_komentar(baris: list[str], posisi: int) -> int:
    while posisi > 0 and (baris[posisi - 1].startswith("#") or not baris[posisi - 1].strip()):
        posisi -= 1
    return posisi
