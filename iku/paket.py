"""Pack a python-docx Document as a byte-stable DOCX zip: same content, same bytes.

Entry dates come from the document's date (never the clock), attributes are fixed, and
every part name is written once.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT


def waktu_zip(tanggal: dt.date) -> tuple[int, int, int, int, int, int]:
    """A zip entry date from the decree date; zip can only hold 1980 to 2107."""
    return (min(max(tanggal.year, 1980), 2107), tanggal.month, tanggal.day, 0, 0, 0)


def tulis_paket(dokumen: Any, tanggal: dt.date) -> bytes:
    """A python-docx Document as stable DOCX bytes.

    python-docx saves the package (its public Document.save, into memory); its entries are then
    written again, in the same order, with the date fixed from the document and fixed attributes."""
    satu_bagian_per_nama(dokumen.part.package)
    simpanan = io.BytesIO()
    dokumen.save(simpanan)
    with zipfile.ZipFile(simpanan) as z:
        entri = [(info.filename, z.read(info)) for info in z.infolist()]
    return zip_tetap(entri, tanggal)


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


def kemas_ulang(isi_zip: bytes, tanggal: dt.date) -> bytes:
    """A zip another library wrote (openpyxl's workbook) packed again byte-stably: the same entries
    in the same order, with entry dates from the document's date and fixed attributes."""
    with zipfile.ZipFile(io.BytesIO(isi_zip)) as asal:
        entri = [(info.filename, asal.read(info)) for info in asal.infolist()]
    return zip_tetap(entri, tanggal)


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
