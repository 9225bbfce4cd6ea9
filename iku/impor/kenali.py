"""From a decree (and its lampiran) to config values, with what looked wrong in the source.

The result is plain values keyed by their config path ("instansi.nama", "keputusan.menimbang"),
the IKU rows, and the findings (`Masalah`, naming the source file and the config key).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .. import bahasa
from ..galat import ImporError, Masalah
from ..kolom_lampiran import KOLOM_TEMPLAT
from ..konfigurasi import nama_kunci
from ..model import HURUF_DIKENAL, KERTAS_MM
from ..periksa.naskah import salah_eja
from ..tte import ISIAN_SRIKANDI
from . import keputusan as kp
from .baca import Isi, Paragraf, Tabel, semua_paragraf
from .berkas import baca_qr
from .kop import INSTANSI, baca_kop
from .lampiran import baca_baris, cari_tabel, kolom_pilihan
from .lembar import baca_angka
from .teks import ORDINAL, pulihkan_huruf, satu_baris, tanggal

TOLERANSI_MM = 2
JENIS_LABEL = {"menimbang": "huruf", "mengingat": "nomor", "memutuskan": "diktum", "tembusan": "nomor"}


@dataclass
class Temuan:
    """Values read from the documents, the IKU rows, the kop's logo, and the findings."""

    nilai: dict[str, Any] = field(default_factory=dict)
    iku: list[dict[str, Any]] = field(default_factory=list)
    logo: tuple[bytes, str] | None = None
    janggal: list[Masalah] = field(default_factory=list)
    tebakan: dict[str, str] = field(default_factory=dict)  # key -> how it was guessed


@dataclass
class Sumber:
    """One document read: its path, content, and lines in order."""

    path: Path
    isi: Isi
    tabel: Tabel | None
    baris: list[str]


def sumber(path: Path, isi: Isi) -> Sumber:
    tabel = cari_tabel(isi)
    return Sumber(path, isi, tabel, kp.baris_dokumen(isi, kecuali=tabel))


def kenali(keputusan: Sumber, lampiran: Sumber | None) -> Temuan:
    """Every value the decree and lampiran give; ImporError when the decree is not one."""
    bagian = kp.pilah(keputusan.baris)
    _pastikan_keputusan(bagian, keputusan)
    temuan = Temuan()
    teks_sumber = keputusan.baris + [t for d in bagian.daftar.values() for t in d.teks()]
    _judul_dan_ttd(temuan, bagian, teks_sumber)
    _instansi(temuan, bagian, teks_sumber, keputusan)
    _url_verifikasi(temuan, keputusan)
    _daftar(temuan, bagian, keputusan.path)
    _format(temuan, keputusan)
    _lampiran(temuan, keputusan, lampiran)
    _tahun(temuan, keputusan, lampiran)
    _target_tahun(temuan)
    _ejaan(temuan, [keputusan] + ([lampiran] if lampiran else []))
    return temuan


def _pastikan_keputusan(bagian: kp.Bagian, s: Sumber) -> None:
    if not any(b.strip() for b in s.baris) and s.tabel is None:
        raise ImporError(
            Masalah(
                "dokumen ini kosong: tidak ada teks yang dapat dibaca",
                berkas=s.path,
                saran="berikan berkas Keputusan yang sudah berisi teks",
            )
        )
    if not bagian.judul or not (bagian.daftar.get("menimbang") or bagian.daftar.get("memutuskan")):
        lain = _dokumen_lain(s.baris)
        if lain is not None:
            raise ImporError(
                Masalah(
                    f"berkas ini {lain}, bukan Keputusan penetapan IKU: Menimbang dan diktum tidak ditemukan",
                    berkas=s.path,
                    saran="berikan berkas Keputusan (dan Lampirannya dengan --lampiran); "
                    f"{lain} dibuat sendiri oleh iku generate",
                )
            )
        if s.tabel is not None:
            raise ImporError(
                Masalah(
                    "berkas ini Lampiran (tabel IKU), bukan Keputusannya: Menimbang dan diktum tidak ditemukan",
                    berkas=s.path,
                    saran="berikan berkas Keputusan sebagai KEPUTUSAN dan berkas ini dengan --lampiran",
                )
            )
        raise ImporError(
            Masalah(
                "berkas ini bukan naskah keputusan: judul KEPUTUSAN, bagian Menimbang dan "
                "diktum (KESATU, KEDUA, ...) tidak ditemukan",
                berkas=s.path,
                saran="berikan berkas Keputusan Kepala Dinas tentang IKU, bukan surat atau dokumen lain",
            )
        )


DOKUMEN_LAIN = [
    ("Perjanjian Kinerja", re.compile(r"^\s*PERJANJIAN\s+KINERJA\b")),
    ("Laporan Kinerja", re.compile(r"^\s*(?:LAPORAN\s+KINERJA|LKjIP\b)")),
]


def _dokumen_lain(baris: list[str]) -> str | None:
    """A PK or LKjIP, known by its heading (in capitals: not a sentence naming one) among its first lines."""
    awal = [b for b in baris if b.strip()][:15]
    for nama, pola in DOKUMEN_LAIN:
        if any(pola.match(b) for b in awal):
            return nama
    return None


def _judul_dan_ttd(temuan: Temuan, bagian: kp.Bagian, teks_sumber: list[str]) -> None:
    judul = kp.judul(bagian.judul)
    n = temuan.nilai
    if judul.get("nomor"):
        n["keputusan.nomor"] = judul["nomor"]
    if judul.get("berjarak"):
        n["format.judul_berjarak"] = True
    if judul.get("tentang"):
        n["keputusan.tentang"] = pulihkan_huruf(judul["tentang"], teks_sumber)
        _periksa_tentang(temuan, judul["tentang"])
    if bagian.tempat:
        n["keputusan.tempat"] = bagian.tempat
    ttd = kp.penandatangan(bagian.ttd, teks_sumber)
    cara = ttd.pop("tanda_tangan", None)
    isian = [k for k, v in [*ttd.items(), ("nomor", n.get("keputusan.nomor"))] if _isian_srikandi(v)]
    for kunci in isian:  # SRIKANDI fills these at signing: left "ISI:" here, never its placeholder as a value
        if kunci == "nomor":
            del n["keputusan.nomor"]
        else:
            del ttd[kunci]
    _ttd(temuan, ttd)
    if isian or cara:
        n["format.tanda_tangan"] = "srikandi" if isian else cara
    if "penandatangan.jabatan" not in n and isian and judul.get("jabatan_judul"):
        n["penandatangan.jabatan"] = pulihkan_huruf(judul["jabatan_judul"], teks_sumber)
        temuan.tebakan["penandatangan.jabatan"] = "diambil dari judul Keputusan"
    n["_jabatan_judul"] = judul.get("jabatan_judul")


def _isian_srikandi(nilai: Any) -> bool:
    return isinstance(nilai, str) and any(isian in nilai for isian in ISIAN_SRIKANDI)


def _periksa_tentang(temuan: Temuan, tentang: str) -> None:
    if not re.search(r"(?i)indikator\s+kinerja|\bIKU\b", tentang):
        temuan.janggal.append(
            Masalah(
                f'keputusan ini tentang "{temuan.nilai["keputusan.tentang"]}", bukan tentang Indikator Kinerja Utama',
                kunci="keputusan.tentang",
                saran="pastikan berkas yang diimpor adalah Keputusan penetapan IKU",
            )
        )


def _ttd(temuan: Temuan, ttd: dict[str, Any]) -> None:
    for kunci in ("jabatan", "nama", "pangkat", "nip"):
        if ttd.get(kunci):
            temuan.nilai[f"penandatangan.{kunci}"] = ttd[kunci]
    if ttd.get("tanggal"):
        temuan.nilai["keputusan.tanggal"] = ttd["tanggal"]
    elif ttd.get("tanggal_teks"):
        temuan.janggal.append(
            Masalah(
                f'tanggal penetapan "{ttd["tanggal_teks"]}" tidak dapat dibaca',
                kunci="keputusan.tanggal",
                saran="isi tanggal dengan pola 2023-03-22",
            )
        )
    if ttd.get("nip"):
        _periksa_nip(temuan, ttd["nip"])


def _periksa_nip(temuan: Temuan, nip: str) -> None:
    try:
        bahasa.periksa_nip(nip)
    except ValueError as exc:
        temuan.janggal.append(
            Masalah(f"NIP {nip} tidak sah: {exc}", kunci="penandatangan.nip", saran="periksa NIP penandatangan")
        )


# the kepala daerah's own letterhead: his title alone ("GUBERNUR PAPUA"), the government it heads
KEPALA_DAERAH = [
    (re.compile(r"^GUBERNUR\s+(.+)$", re.I), "Provinsi"),
    (re.compile(r"^BUPATI\s+(.+)$", re.I), "Kabupaten"),
    (re.compile(r"^WALI\s*KOTA\s+(.+)$", re.I), "Kota"),
]


def _pemerintah_kepala_daerah(bagian: kp.Bagian, teks_sumber: list[str]) -> str | None:
    """'Pemerintah Provinsi Papua' when the kop is the kepala daerah's title alone, else None."""
    baris = [satu_baris(b) for b in bagian.kop if satu_baris(b)]
    if len(baris) != 1:
        return None
    for pola, jenis in KEPALA_DAERAH:
        cocok = pola.match(baris[0])
        if cocok:
            return f"Pemerintah {jenis} {pulihkan_huruf(cocok.group(1), teks_sumber)}"
    return None


def _instansi(temuan: Temuan, bagian: kp.Bagian, teks_sumber: list[str], s: Sumber) -> None:
    n = temuan.nilai
    pemda = _pemerintah_kepala_daerah(bagian, teks_sumber)
    if pemda is not None:  # a decree of the kepala daerah himself (model.kepala_daerah)
        n["instansi.nama"] = n["instansi.pemerintah"] = pemda
        if bagian.tempat:
            n["instansi.kota"] = bagian.tempat
        temuan.logo = _logo(s)
        return
    kop = baca_kop(
        bagian.kop
        if any(re.match(r"\s*PEMERINTAH\b", b, re.I) for b in bagian.kop)
        else [p.teks for p in s.isi.kepala] + bagian.kop
    )
    wilayah = re.sub(r"(?i)^pemerintah\s+", "", kop["pemerintah"]) if kop.get("pemerintah") else None
    nama = kp.nama_instansi(
        n.get("penandatangan.jabatan"), n.pop("_jabatan_judul", None), teks_sumber, kop.get("nama_kop"), wilayah
    )
    if nama:
        n["instansi.nama"] = nama
    for kunci, nilai in kop.items():
        n[f"instansi.{kunci}"] = nilai
    if "instansi.kota" not in n and bagian.tempat:
        n["instansi.kota"] = bagian.tempat
        temuan.tebakan["instansi.kota"] = "diambil dari tempat penetapan"
    bawaan = _nama_kop_bawaan(n.get("instansi.nama"), n.get("instansi.pemerintah"))
    if bawaan is not None and n.get("instansi.nama_kop") == bawaan:
        del n["instansi.nama_kop"]  # the generator prints that line by itself
    temuan.logo = _logo(s)


def _nama_kop_bawaan(nama: str | None, pemerintah: str | None) -> str | None:
    """The kop line the generator prints by itself (naskah.blok.nama_kop)."""
    if not nama or not pemerintah:
        return None
    wilayah = re.sub(r"^pemerintah\s+", "", pemerintah, flags=re.I)
    return (re.sub(rf"\s+{re.escape(wilayah)}$", "", nama, flags=re.I) or nama).upper()


def _logo(s: Sumber) -> tuple[bytes, str] | None:
    """The region's emblem: a picture in the kop, i.e. from the block just above the kop's PEMERINTAH
    (or agency) line to the title. A picture further up (a book's organisation chart, its graphs,
    a signature's QR code) is not the logo."""
    blok = [[b] if isinstance(b, Paragraf) else semua_paragraf(b) for b in s.isi.blok]

    def pertama(pola: re.Pattern[str], dari: int = 0) -> int:
        return next((i for i in range(dari, len(blok)) if any(pola.match(p.teks) for p in blok[i])), len(blok))

    menimbang = pertama(kp.KEPALA["menimbang"])
    awal = 0
    for pola in (re.compile(r"\s*PEMERINTAH\b", re.I), INSTANSI):
        kop = [i for i in range(menimbang) if any(pola.match(p.teks) for p in blok[i])]
        if kop:
            awal = max(kop[-1] - 1, 0)
            break
    for ps in blok[awal : min(pertama(kp.JUDUL_BIASA, awal), menimbang)]:
        for p in ps:
            if p.gambar and p.gambar in s.isi.gambar:
                return s.isi.gambar[p.gambar]
    return None


def _url_verifikasi(temuan: Temuan, s: Sumber) -> None:
    """In our electronic layout, the QR code of the signature: the agency's verification address
    when it holds one (the decree's nomor in it given back as {nomor})."""
    if temuan.nilai.get("format.tanda_tangan") != "elektronik":
        return
    gambar = [g for g in s.isi.gambar.values() if g != temuan.logo]
    teks = next((t for t in (baca_qr(*g) for g in gambar) if t is not None), None)
    if teks is None:
        temuan.janggal.append(
            Masalah(
                "kode QR tanda tangan elektronik tidak dapat dibaca (perlu zbarimg)",
                berkas=s.path,
                kunci="tte.url_verifikasi",
                saran="bila kode QR instansi berisi alamat verifikasi, isi [tte] url_verifikasi",
            )
        )
    elif re.match(r"https?://\S+$", teks):
        nomor = temuan.nilai.get("keputusan.nomor")
        temuan.nilai["tte.url_verifikasi"] = teks.replace(quote(nomor, safe=""), "{nomor}") if nomor else teks
        temuan.tebakan["tte.url_verifikasi"] = "dibaca dari kode QR"


def _daftar(temuan: Temuan, bagian: kp.Bagian, path: Path) -> None:
    for nama in ("menimbang", "mengingat", "memutuskan", "tembusan"):
        daftar = bagian.daftar.get(nama)
        if daftar and daftar.teks():
            temuan.nilai[f"keputusan.{nama}"] = daftar.teks()
            jenis = "huruf" if nama == "mengingat" and bagian.mengingat_huruf else JENIS_LABEL[nama]
            temuan.janggal.extend(periksa_urutan(daftar.label, jenis, ("keputusan", nama), path))
    if bagian.mengingat_huruf and bagian.daftar.get("mengingat"):
        temuan.nilai["format.mengingat"] = "huruf"
    if bagian.daftar.get("memperhatikan"):
        temuan.janggal.append(
            Masalah(
                'bagian "Memperhatikan" tidak dikenal konfigurasi dan tidak diimpor',
                berkas=path,
                kunci="keputusan",
                saran="bila perlu, pindahkan isinya ke Mengingat atau Menimbang",
            )
        )


def angka_label(label: str, jenis: str) -> int | None:
    """a -> 1, 7 -> 7, KETIGA/3 -> 3; None for a bullet or no label."""
    inti = label.strip(" .:()")
    if jenis == "huruf" and re.fullmatch(r"[a-zA-Z]", inti):
        return ord(inti.lower()) - ord("a") + 1
    if inti.isdigit():
        return int(inti)
    return ORDINAL.get(inti.upper())


def periksa_urutan(label: list[str], jenis: str, loc: tuple[Any, ...], path: Path) -> list[Masalah]:
    """Two items numbered the same, or a number skipped, in a list as it was typed."""
    hasil, lalu = [], 0
    for i, teks in enumerate(label):
        nomor = angka_label(teks, jenis)
        if nomor is None:
            continue
        if nomor == lalu:
            hasil.append(
                Masalah(
                    f'dua butir bernomor sama ("{teks}") di naskah asal; keduanya diimpor dan diberi nomor urut',
                    berkas=path,
                    kunci=nama_kunci((*loc, i)),
                    saran="periksa apakah kedua butir memang dimaksudkan",
                )
            )
        elif nomor != lalu + 1:
            hasil.append(
                Masalah(
                    f'penomoran melompat dari {lalu} ke {nomor} ("{teks}") di naskah asal',
                    berkas=path,
                    kunci=nama_kunci((*loc, i)),
                    saran="periksa apakah ada butir yang hilang",
                )
            )
        lalu = nomor
    return hasil


def _format(temuan: Temuan, s: Sumber) -> None:
    if s.isi.kertas_mm:
        kertas = ukuran_kertas(s.isi.kertas_mm)
        if kertas:
            temuan.nilai["format.kertas"] = kertas
        else:
            lebar, tinggi = sorted(s.isi.kertas_mm)
            temuan.janggal.append(
                Masalah(
                    f"ukuran kertas {lebar:.0f} x {tinggi:.0f} mm bukan A4 atau F4",
                    berkas=s.path,
                    kunci="format.kertas",
                    saran='pilih "A4" atau "F4"',
                )
            )
    if s.isi.huruf in HURUF_DIKENAL:
        temuan.nilai["format.huruf"] = s.isi.huruf
    elif s.isi.huruf:
        temuan.janggal.append(
            Masalah(
                f'huruf "{s.isi.huruf}" tidak tersedia; dipakai huruf bawaan',
                berkas=s.path,
                kunci="format.huruf",
                saran="pilih salah satu: " + ", ".join(HURUF_DIKENAL),
            )
        )


def ukuran_kertas(mm: tuple[float, float]) -> str | None:
    pendek, panjang = sorted(mm)
    for nama, (lebar, tinggi) in KERTAS_MM.items():
        if abs(pendek - lebar) <= TOLERANSI_MM and abs(panjang - tinggi) <= TOLERANSI_MM:
            return nama
    return None


# ---------------------------------------------------------------- lampiran


def _lampiran(temuan: Temuan, keputusan: Sumber, lampiran: Sumber | None) -> None:
    asal = lampiran if lampiran is not None and lampiran.tabel is not None else keputusan
    if lampiran is not None and lampiran.tabel is None:
        raise ImporError(
            Masalah(
                "berkas lampiran tidak memuat tabel IKU (kolom SASARAN dan INDIKATOR tidak ditemukan)",
                berkas=lampiran.path,
                saran="berikan berkas Lampiran yang berisi tabel Indikator Kinerja Utama",
            )
        )
    if asal.tabel is None:
        temuan.janggal.append(
            Masalah(
                'tabel IKU (kolom SASARAN dan INDIKATOR) tidak ada di berkas Keputusan; baris [[iku]] ditandai "ISI:"',
                berkas=keputusan.path,
                kunci="iku",
                saran="impor lagi dengan --lampiran BERKAS-LAMPIRAN",
            )
        )
        return
    baris = baca_baris(asal.tabel)
    temuan.iku = [b.nilai for b in baris]
    kolom = kolom_pilihan(asal.tabel)
    if kolom != list(KOLOM_TEMPLAT):  # another region's columns: kept, so the Lampiran prints them again
        temuan.nilai["lampiran.kolom"] = kolom
    if any("tujuan" in b for b in temuan.iku):
        temuan.nilai["lampiran.kelompok"] = "tujuan"
    nomor = [b.nomor for b in baris if b.nomor]
    temuan.janggal.extend(periksa_urutan(nomor, "nomor", ("iku",), asal.path))
    _periksa_kepala_lampiran(temuan, asal)


def _target_tahun(temuan: Temuan) -> None:
    """A TARGET column holds the year's target: target = { tahun = ... } (dropped when unreadable)."""
    tahun = temuan.nilai.get("tahun")
    for baris in temuan.iku:
        teks = baris.pop("target", None)
        angka = baca_angka(teks) if isinstance(teks, str) else None
        if angka is not None and isinstance(tahun, int):
            baris["target"] = {str(tahun): angka}


def baris_sekitar_tabel(s: Sumber) -> list[str]:
    """The lampiran's lines outside its IKU table: header above, signature below."""
    hasil: list[str] = []
    for blok in s.isi.blok:
        if blok is not s.tabel:
            hasil.extend(kp.baris_dokumen(Isi(blok=[blok])))
    return hasil


def baris_lampiran(s: Sumber) -> list[str]:
    """The lampiran's own lines outside its table: from its LAMPIRAN heading on, one line each."""
    baris = [satu_baris(b) for b in baris_sekitar_tabel(s) if b.strip()]
    awal = next((i for i, b in enumerate(baris) if kp.LAMPIRAN.match(b)), 0)
    return baris[awal:]


def _periksa_kepala_lampiran(temuan: Temuan, s: Sumber) -> None:
    baris = baris_lampiran(s)
    nomor = next((kp.nomor(b) for b in baris if kp.NOMOR.match(b)), None)
    tanggal_l = next((tanggal(b) for b in baris if re.match(r"(?i)\s*TANGGAL\b", b)), None)
    _beda(temuan, "keputusan.nomor", nomor, s.path, "nomor di kepala Lampiran")
    _beda(temuan, "keputusan.tanggal", tanggal_l, s.path, "tanggal di kepala Lampiran")
    _beda(temuan, "penandatangan.nama", nama_di_ttd(baris), s.path, "nama penandatangan Lampiran")
    if s.tabel is not None and not temuan.nilai.get("tahun"):
        tahun = next(
            (
                re.search(r"(?i)\bTAHUN\s+(\d{4})\b(?!\s*[-\u2013])", b)
                for b in baris
                if re.search(r"(?i)\bTAHUN\s+(\d{4})\b(?!\s*[-\u2013])", b)
            ),
            None,
        )
        if tahun:
            temuan.nilai["_tahun_lampiran"] = int(tahun.group(1))


def nama_di_ttd(baris: list[str]) -> str | None:
    """The signer's name: the line above the pangkat above the NIP."""
    for i, b in enumerate(baris):
        if kp.NIP.match(b):
            atas = [x for x in baris[:i] if x.strip()]
            if atas and kp._seperti_pangkat(atas[-1]):
                atas.pop()
            return atas[-1] if atas else None
    return None


def _beda(temuan: Temuan, kunci: str, lain: Any, path: Path, apa: str) -> None:
    sendiri = temuan.nilai.get(kunci)
    if lain is None or sendiri is None or lain == sendiri:
        return
    cetak = bahasa.tanggal(lain) if isinstance(lain, dt.date) else lain
    asli = bahasa.tanggal(sendiri) if isinstance(sendiri, dt.date) else sendiri
    temuan.janggal.append(
        Masalah(
            f'{apa} tertulis "{cetak}", di Keputusan "{asli}"; yang dipakai: "{asli}"',
            berkas=path,
            kunci=kunci,
            saran="periksa mana yang benar",
        )
    )


# ---------------------------------------------------------------- year, plan, spelling

TAHUN_TUNGGAL = re.compile(r"(?i)\bTahun\s+(\d{4})\b(?!\s*[-\u2013/]\s*\d)")
PERIODE = re.compile(r"(?i)\bTahun\s+(\d{4})\s*[-\u2013]\s*(\d{4})\b")


def _tahun(temuan: Temuan, keputusan: Sumber, lampiran: Sumber | None) -> None:
    n = temuan.nilai
    tahun_l = n.pop("_tahun_lampiran", None)
    cocok = TAHUN_TUNGGAL.findall(n.get("keputusan.tentang", ""))
    if cocok:
        n["tahun"] = int(cocok[-1])
    elif tahun_l:
        n["tahun"] = tahun_l
    if "tahun" not in n:
        return
    # the Lampiran's heading names the plan period ("TAHUN 2021-2026") first; else the decree's text
    asal = [("Lampiran", baris_lampiran(s)) for s in (lampiran, keputusan) if s is not None and s.tabel is not None]
    for nama, baris in [*asal, ("Keputusan", keputusan.baris)]:
        for teks in baris:
            periode = PERIODE.search(teks)
            if periode and int(periode.group(1)) <= n["tahun"] <= int(periode.group(2)):
                n["rencana.tahun_awal"], n["rencana.tahun_akhir"] = int(periode.group(1)), int(periode.group(2))
                temuan.tebakan["rencana.tahun_awal"] = temuan.tebakan["rencana.tahun_akhir"] = (
                    f'ditebak dari "Tahun {periode.group(1)}-{periode.group(2)}" di {nama}'
                )
                return


def _ejaan(temuan: Temuan, semua: list[Sumber]) -> None:
    """Known misspellings: at the key whose value holds them, else (a kop line) in the file."""
    sudah: set[str] = set()
    for loc, teks in _teks_nilai(temuan):
        for salah, benar in salah_eja(teks):
            sudah.add(salah)
            berkas = semua[-1].path if loc[0] == "iku" else semua[0].path
            temuan.janggal.append(
                Masalah(
                    f'salah ketik "{salah}" di naskah asal (diimpor apa adanya)',
                    berkas=berkas,
                    kunci=nama_kunci(loc),
                    saran=f'tulis "{benar}"',
                )
            )
    for s in semua:
        for teks in s.baris + _teks_tabel(s.tabel):
            for salah, benar in salah_eja(teks):
                if salah not in sudah:
                    sudah.add(salah)
                    temuan.janggal.append(
                        Masalah(f'salah ketik "{salah}" di naskah asal', berkas=s.path, saran=f'tulis "{benar}"')
                    )


def _teks_nilai(temuan: Temuan) -> list[tuple[tuple[Any, ...], str]]:
    hasil: list[tuple[tuple[Any, ...], str]] = []
    for kunci, nilai in temuan.nilai.items():
        loc = tuple(kunci.split("."))
        if isinstance(nilai, str):
            hasil.append((loc, nilai))
        elif isinstance(nilai, list):
            hasil.extend(((*loc, i), teks) for i, teks in enumerate(nilai))
    for i, baris in enumerate(temuan.iku):
        for kunci, nilai in baris.items():
            teks = " ".join(map(str, nilai.values())) if isinstance(nilai, dict) else str(nilai)
            hasil.append((("iku", i, kunci), teks))
    return hasil


def _teks_tabel(tabel: Tabel | None) -> list[str]:
    return [p.teks for p in semua_paragraf(tabel)] if tabel is not None else []
