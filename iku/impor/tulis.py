"""The imported values as a commented config, in the layout and words of config/iku.toml.

The sample config's text is the skeleton (tomlkit keeps its comments); its values are replaced
by what was read. A required key that was not found gets an "ISI: ..." marker, which validation
refuses, so `generate` waits until a person has filled it. The sample's own book texts
([dokumen], [[struktur]]) and rows are not carried over: they belong to another agency.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from importlib.resources import files
from pathlib import Path
from typing import Any

import tomlkit

from ..model import PENANDA_ISIAN, kepala_daerah

# The commented sample config, package data (iku/contoh/iku.toml is config/iku.toml): an installed
# package writes the same skeleton as a checkout.
CONTOH = Path(str(files("iku") / "contoh" / "iku.toml"))

WAJIB = {
    "tahun": "tahun berlakunya IKU, misalnya 2024 (tanpa tanda kutip)",
    "instansi.nama": "nama lengkap perangkat daerah",
    "instansi.pemerintah": "pemerintah daerah induknya, misalnya Pemerintah Kabupaten ...",
    "instansi.alamat": "alamat kantor (jalan dan nomor)",
    "instansi.kota": "kota tempat kantor",
    "instansi.telepon": "nomor telepon kantor",
    "penandatangan.jabatan": "jabatan penanda tangan",
    "penandatangan.nama": "nama lengkap penanda tangan beserta gelar",
    "penandatangan.pangkat": "pangkat dan golongan ruang",
    "penandatangan.nip": "NIP 18 angka",
    "keputusan.nomor": "nomor keputusan",
    "keputusan.tanggal": "tanggal penetapan (tanpa tanda kutip, misalnya 2023-03-22)",
    "keputusan.tempat": "tempat penetapan",
    "keputusan.tentang": "judul keputusan sesudah kata TENTANG",
    "keputusan.menimbang": "butir menimbang",
    "keputusan.mengingat": "butir mengingat",
    "keputusan.memutuskan": "diktum keputusan",
    "rencana.tahun_awal": "tahun pertama periode rencana (tanpa tanda kutip)",
    "rencana.tahun_akhir": "tahun terakhir periode rencana (tanpa tanda kutip)",
    "rencana.tahun_kondisi_awal": "tahun data kondisi awal (tanpa tanda kutip)",
    "rencana.tujuan": "tujuan perangkat daerah (dari Renstra/RPD)",
    "rencana.indikator_tujuan": "indikator tujuan",
}
PILIHAN = [
    "instansi.faks",
    "instansi.email",
    "instansi.laman",
    "instansi.kode_pos",
    "instansi.nama_kop",
    "instansi.logo",
    "format.kertas",
    "format.huruf",
    "format.tanda_tangan",
    "format.mengingat",
    "format.judul_berjarak",
    "keputusan.tembusan",
    "tte.url_verifikasi",
    "lampiran.kolom",
    "lampiran.kelompok",
]
KOMENTAR_BARU = {
    "format.tanda_tangan": 'Cara tanda tangan: "basah", "elektronik" (TTE, kode QR) atau "srikandi".',
    "instansi.faks": "Nomor faksimile pada kop.",
    "format.mengingat": 'Label butir Mengingat: "angka" (1., 2.) atau "huruf" (a., b.).',
    "format.judul_berjarak": 'Judul dicetak berjarak: "K E P U T U S A N".',
    "lampiran.kolom": "Kolom tabel Lampiran, berurutan (lihat docs/kunci-konfigurasi.md).",
    "lampiran.kelompok": 'Baris Lampiran dikelompokkan juga per tujuan ("tujuan").',
    "tte.url_verifikasi": "Alamat verifikasi dalam kode QR; {nomor} diganti nomor keputusan.",
}
KOLOM_IKU = {
    "sasaran": "sasaran strategis",
    "indikator": "indikator kinerja utama",
    "satuan": "satuan",
    "alasan": "alasan",
    "formulasi": "formulasi/cara pengukuran",
    "sumber_data": "sumber data",
}
# further [[iku]] keys written when the source has them (a spreadsheet's targets, BASE's texts)
LAIN_IKU = (
    "tujuan",
    "penanggung_jawab",
    "kondisi_awal",
    "target",
    "strategi",
    "arah_kebijakan",
    "acuan",
    "arah",
    "realisasi",
    "analisis",
)
TANPA_BUKU = """
# -------------------------------------------------------------------------------------
# Teks Dokumen IKU ([dokumen]) dan susunan organisasi ([[struktur]]) tidak ada di Keputusan,
# sehingga tidak diimpor: program memakai teks bawaan. Begitu pula kondisi_awal, target,
# strategi, arah_kebijakan dan acuan setiap [[iku]] (Tabel 2.2.1 Dokumen IKU). Salin dari buku
# IKU tahun lalu bila perlu (lihat contoh di config/iku.toml).
"""


def susun(nilai: dict[str, Any], iku: list[dict[str, Any]], tebakan: dict[str, str]) -> tuple[str, list[str]]:
    """The config text, and the keys still to be filled in."""
    kepala, komentar_iku, komentar_kolom = _kerangka()
    bagian = [tomlkit.parse(teks) for teks in _per_bagian(kepala)]
    tanpa = TANPA_DI_KEPALA_DAERAH if kepala_daerah(_instansi(nilai)) else ()
    kurang = [kunci for kunci in WAJIB if kunci not in nilai and kunci not in tanpa]
    for kunci, uraian in WAJIB.items():
        isi = nilai.get(kunci, None if kunci in tanpa else _isian(kunci, uraian))
        _pasang(bagian, kunci, isi, tebakan.get(kunci))
    for kunci in PILIHAN:
        _pasang(bagian, kunci, nilai.get(kunci, [] if kunci == "keputusan.tembusan" else None), tebakan.get(kunci))
    teks_iku, kurang_iku = _blok_iku(iku, komentar_kolom)
    teks_kepala = "\n".join(tomlkit.dumps(doc).strip("\n") + "\n" for doc in bagian)
    teks = teks_kepala + TANPA_BUKU + "\n" + komentar_iku + teks_iku
    tomllib.loads(teks)  # what we write must always read back
    return teks, kurang + kurang_iku


TANPA_DI_KEPALA_DAERAH = ("penandatangan.pangkat", "penandatangan.nip")  # the Gubernur/Bupati signs without


def _instansi(nilai: dict[str, Any]) -> dict[str, Any]:
    return {k.split(".", 1)[1]: v for k, v in nilai.items() if k.startswith("instansi.")}


def teks_iku(iku: list[dict[str, Any]]) -> tuple[str, list[str]]:
    """The [[iku]] rows alone (under the sample's comment on them), and the keys still to be filled."""
    _kepala, komentar_iku, komentar_kolom = _kerangka()
    teks, kurang = _blok_iku(iku, komentar_kolom)
    return komentar_iku + teks, kurang


def _per_bagian(kepala: str) -> list[str]:
    """The skeleton cut before each [table]'s comment block: a key added to a table goes at its end,
    above the comments that head the next one."""
    baris = kepala.splitlines()
    awal = [0] + [_awal_komentar(baris, i) for i, b in enumerate(baris) if re.match(r"^\[[^\[]", b)]
    bagian = ["\n".join(baris[a:b]).rstrip("\n") + "\n" for a, b in zip(awal, [*awal[1:], len(baris)]) if a < b]
    return bagian or [""]  # no sample to follow: the keys alone


def _isian(kunci: str, uraian: str) -> Any:
    teks = f"{PENANDA_ISIAN} {uraian}"
    return [teks] if kunci in ("keputusan.menimbang", "keputusan.mengingat", "keputusan.memutuskan") else teks


def _pasang(bagian: list[Any], kunci: str, nilai: Any, tebakan: str | None) -> None:
    *induk, nama = kunci.split(".")
    doc = next((d for d in bagian if (induk[0] if induk else nama) in d), bagian[0] if not induk else bagian[-1])
    tabel = doc
    for nama_tabel in induk:
        if nama_tabel not in tabel:
            if nilai is None:
                return
            tabel.add(nama_tabel, tomlkit.table())
        tabel = tabel[nama_tabel]
    lama = tabel.get(nama)
    if nilai is None:
        if lama is not None:
            del tabel[nama]
        return
    baru = item(nilai)
    if lama is None and kunci in KOMENTAR_BARU and nama not in tomlkit.dumps(doc):
        tabel.add(tomlkit.comment(KOMENTAR_BARU[kunci]))  # a key the sample does not show: say what it is
    if lama is not None and hasattr(lama, "trivia") and lama.trivia.comment:
        baru.trivia.comment, baru.trivia.comment_ws = lama.trivia.comment, lama.trivia.comment_ws
    if tebakan:
        baru.comment(f"{tebakan}; periksa")
    tabel[nama] = baru


def item(nilai: Any) -> Any:
    """A TOML item for a value: long texts with line breaks as multi-line strings, lists one item a line."""
    if isinstance(nilai, str):
        return tomlkit.string(nilai, multiline="\n" in nilai)
    if isinstance(nilai, dt.date):
        return tomlkit.date(nilai.isoformat())
    if isinstance(nilai, list):
        daftar = tomlkit.array()
        daftar.extend(nilai)
        return daftar.multiline(bool(nilai))
    if isinstance(nilai, dict):
        tabel = tomlkit.inline_table()
        tabel.update(nilai)
        return tabel
    return tomlkit.item(nilai)


def _blok_iku(iku: list[dict[str, Any]], komentar: dict[str, str]) -> tuple[str, list[str]]:
    if not iku:
        iku = [{}]
    baris, kurang = [], []
    pecahan_pertama = next((i for i, n in enumerate(iku) if isinstance(n.get("formulasi"), dict)), None)
    for i, nilai in enumerate(iku):
        baris.append("[[iku]]")
        for kunci, uraian in KOLOM_IKU.items():
            if i == 0 and komentar.get(kunci):
                baris.append(komentar[kunci])
            if kunci == "formulasi" and i == pecahan_pertama and komentar.get("pecahan"):
                baris.append(komentar["pecahan"])
            if not nilai.get(kunci):
                kurang.append(f"iku[{i + 1}].{kunci}")
            isi = nilai.get(kunci) or f"{PENANDA_ISIAN} {uraian}"
            baris.append(f"{kunci} = {item(isi).as_string()}")
        if nilai.get("keterangan"):
            baris.extend(
                ([komentar["keterangan"]] if i == 0 and komentar.get("keterangan") else [])
                + [f"keterangan = {item(nilai['keterangan']).as_string()}"]
            )
        baris += [f"{kunci} = {item(nilai[kunci]).as_string()}" for kunci in LAIN_IKU if kunci in nilai]
        baris.append("")
    return "\n".join(baris), kurang


# ---------------------------------------------------------------- the sample's skeleton


def _kerangka() -> tuple[str, str, dict[str, str]]:
    """The sample config up to its book texts, the comment above its [[iku]] rows, and the
    comment above each key of the first row."""
    baris = CONTOH.read_text(encoding="utf-8").splitlines()
    dokumen = _awal_komentar(baris, baris.index("[dokumen]"))
    iku = baris.index("[[iku]]")
    kepala_iku = _awal_komentar(baris, iku)
    berikut = next((i for i in range(iku + 1, len(baris)) if baris[i] == "[[iku]]"), len(baris))
    kepala, komentar_iku = "\n".join(baris[:dokumen]) + "\n", "\n".join(baris[kepala_iku:iku]) + "\n"
    komentar = _komentar_kunci(baris[iku:berikut])
    pecahan = next((i for i in range(iku, len(baris)) if re.match(r"formulasi\s*=\s*\{", baris[i])), None)
    if pecahan is not None and _awal_komentar(baris, pecahan) < pecahan:
        komentar["pecahan"] = "\n".join(baris[_awal_komentar(baris, pecahan) : pecahan])
    return kepala, komentar_iku, komentar


def _awal_komentar(baris: list[str], posisi: int) -> int:
    while posisi > 0 and baris[posisi - 1].startswith("#"):
        posisi -= 1
    return posisi


def _komentar_kunci(baris: list[str]) -> dict[str, str]:
    hasil = {}
    for i, b in enumerate(baris):
        cocok = re.match(r"^(\w+)\s*=", b)
        if cocok:
            awal = _awal_komentar(baris, i)
            if awal < i:
                hasil[cocok.group(1)] = "\n".join(baris[awal:i])
    return hasil
