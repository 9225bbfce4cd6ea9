"""Pack a python-docx Document as a byte-stable DOCX zip: same content, same bytes.

Entry dates come from the document's date (never the clock), attributes are fixed, and
every part name is written once. Every entry is compressed once: the zip a library wrote is
kept as it is and only its entries' dates and attributes are set.
"""

from __future__ import annotations

import datetime as dt
import io
import struct
import zipfile
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT


def waktu_zip(tanggal: dt.date) -> tuple[int, int, int, int, int, int]:
    """A zip entry date from the decree date; zip can only hold 1980 to 2107."""
    return (min(max(tanggal.year, 1980), 2107), tanggal.month, tanggal.day, 0, 0, 0)


def tulis_paket(dokumen: Any, tanggal: dt.date) -> bytes:
    """A python-docx Document as stable DOCX bytes.

    python-docx saves the package (its public Document.save, into memory); its entries then get
    the date fixed from the document and fixed attributes (kemas_ulang)."""
    satu_bagian_per_nama(dokumen.part.package)
    simpanan = io.BytesIO()
    dokumen.save(simpanan)
    return kemas_ulang(simpanan.getvalue(), tanggal)


def zip_tetap(entri: list[tuple[str, bytes]], tanggal: dt.date) -> bytes:
    """A DOCX zip: entries in the order given, dated from the document, fixed attributes."""
    waktu = waktu_zip(tanggal)
    penampung = io.BytesIO()
    with zipfile.ZipFile(penampung, "w", zipfile.ZIP_DEFLATED) as z:
        for nama, isi in entri:
            info = zipfile.ZipInfo(nama, date_time=waktu)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, isi)
    return penampung.getvalue()


def _tulis_ulang(isi_zip: bytes, tanggal: dt.date) -> bytes:
    with zipfile.ZipFile(io.BytesIO(isi_zip)) as asal:
        entri = [(info.filename, asal.read(info)) for info in asal.infolist()]
    return zip_tetap(entri, tanggal)


# zip format (APPNOTE 4.3): where an entry's date and attributes stand in its headers
_AKHIR, _PUSAT, _LOKAL = b"PK\x05\x06", b"PK\x01\x02", b"PK\x03\x04"
_ATRIBUT = 0o644 << 16


def kemas_ulang(isi_zip: bytes, tanggal: dt.date) -> bytes:
    """A zip a library wrote (python-docx's save, openpyxl's workbook) packed again byte-stably:
    the same entries in the same order, with entry dates from the document's date and fixed
    attributes. A zip as Python's zipfile writes it (deflated, no comment) gets them in place,
    so every entry is compressed once: the bytes zip_tetap would write for the same entries.
    A zip of any other shape is written anew by zip_tetap."""
    tahun, bulan, hari, *_ = waktu_zip(tanggal)
    jam_tanggal = struct.pack("<HH", 0, (tahun - 1980) << 9 | bulan << 5 | hari)  # DOS time, DOS date
    isi = bytearray(isi_zip)
    akhir = len(isi) - 22
    if akhir < 0 or isi[akhir : akhir + 4] != _AKHIR:
        return _tulis_ulang(isi_zip, tanggal)
    jumlah, _, posisi = struct.unpack_from("<HII", isi, akhir + 10)
    for _ in range(jumlah):
        if isi[posisi : posisi + 4] != _PUSAT:
            return _tulis_ulang(isi_zip, tanggal)
        (metode,) = struct.unpack_from("<H", isi, posisi + 10)
        panjang_nama, panjang_ekstra, panjang_catatan = struct.unpack_from("<HHH", isi, posisi + 28)
        (lokal,) = struct.unpack_from("<I", isi, posisi + 42)
        if metode != zipfile.ZIP_DEFLATED or isi[lokal : lokal + 4] != _LOKAL:
            return _tulis_ulang(isi_zip, tanggal)
        isi[posisi + 12 : posisi + 16] = jam_tanggal
        struct.pack_into("<I", isi, posisi + 38, _ATRIBUT)
        isi[lokal + 10 : lokal + 14] = jam_tanggal
        posisi += 46 + panjang_nama + panjang_ekstra + panjang_catatan
    return bytes(isi)


def satu_bagian_per_nama(paket: Any) -> None:
    """Drop every part that shares its name with another, and the relationships to it.

    LibreOffice relates docProps/core.xml with an older relationship type that python-docx does
    not recognise, so python-docx adds core properties of its own under the same name: the zip
    would hold docProps/core.xml twice, which Word reports as unreadable. The part python-docx
    fills (related as core properties) is kept; otherwise the first one met."""
    inti = {id(r.target_part) for r in paket.rels.values() if not r.is_external and r.reltype == RT.CORE_PROPERTIES}
    per_nama: dict[str, list[Any]] = {}
    for part in paket.iter_parts():
        per_nama.setdefault(part.partname, []).append(part)
    buang = set()
    for sama in per_nama.values():
        tetap = next((p for p in sama if id(p) in inti), sama[0])
        buang |= {id(p) for p in sama if p is not tetap}
    if buang:
        for pemilik in [paket, *paket.iter_parts()]:
            _lepas_relasi(pemilik.rels, buang)


def _lepas_relasi(relasi: Any, buang: set[int]) -> None:
    for rid in [k for k, r in relasi.items() if not r.is_external and id(r.target_part) in buang]:
        del relasi[rid]
        relasi.related_parts.pop(rid, None)  # the same mapping, by its public name
