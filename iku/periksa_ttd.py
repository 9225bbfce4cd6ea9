"""Check signed PDFs: for every signature of a PDF, whether the file is intact since signing
(later revisions may only add signatures), who signed and when (`iku verify`, and signing's
refusal to countersign twice). A signed copy is named ...-ttd.pdf (AKHIRAN)."""

from __future__ import annotations

import datetime as dt
import io
import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.utils import CryptographyDeprecationWarning

from .galat import ArsipTidakCocok, Masalah

# pyHanko imports cryptography's DSA classes (deprecated there), and the two-line warning would
# reach the clerk on every `verify` and `tandatangani`: silenced for pyHanko's modules only
# (iku/tandatangani.py imports this module, so signing is covered too).
warnings.filterwarnings("ignore", category=CryptographyDeprecationWarning, module=r"pyhanko(_certvalidator)?(\.|$)")

AKHIRAN = "-ttd.pdf"  # a signed copy beside its PDF


@dataclass(frozen=True)
class HasilTtd:
    """One signature of a PDF as verified."""

    berkas: Path
    penanda: str
    waktu: dt.datetime | None
    utuh: bool
    bidang: str = ""  # the signature field's name (the PK's pihak kedua signs in a field of its own)


def periksa_tanda_tangan(folder: Path) -> list[HasilTtd]:
    """Every signature of every signed PDF in folder; ArsipTidakCocok names each one not intact."""
    hasil = [h for p in sorted(folder.glob("*.pdf")) for h in periksa_pdf(p)]
    rusak = [
        Masalah(
            f"tanda tangan elektronik tidak utuh: PDF berubah sesudah ditandatangani (penanda tangan: {h.penanda})",
            berkas=h.berkas,
            saran="pakai salinan asli yang ditandatangani, atau tandatangani ulang",
        )
        for h in hasil
        if not h.utuh
    ]
    if rusak:
        raise ArsipTidakCocok(rusak)
    return hasil


def periksa_pdf(pdf: Path) -> list[HasilTtd]:
    """The signatures of one PDF (none for an unsigned one); a PDF that cannot be read is not intact."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        with open(pdf, "rb") as f:
            tanda = list(PdfFileReader(io.BytesIO(f.read()), strict=False).embedded_signatures)
    except Exception:  # a damaged PDF fails in many ways in the parser
        tanda = None
    if tanda is None:
        return [HasilTtd(pdf, "tidak diketahui (PDF tidak dapat dibaca)", None, False)] * pdf.name.endswith(AKHIRAN)
    return [_periksa_satu(pdf, t) for t in tanda]


@contextmanager
def _tanpa_log() -> Iterator[None]:
    """pyHanko logs every untrusted certificate with a traceback; the verdict is ours to say."""
    pencatat = [logging.getLogger(n) for n in ("pyhanko", "pyhanko_certvalidator")]
    semula = [c.level for c in pencatat]
    for c in pencatat:
        c.setLevel(logging.CRITICAL + 1)  # children inherit the level (not the disabled flag)
    try:
        yield
    finally:
        for c, tingkat in zip(pencatat, semula):
            c.setLevel(tingkat)


def _periksa_satu(pdf: Path, tanda: Any) -> HasilTtd:
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    subjek = tanda.signer_cert.subject
    nama = subjek.native.get("common_name") or subjek.human_friendly
    bidang = str(tanda.field_name)
    try:
        with _tanpa_log():
            status = validate_pdf_signature(tanda, ValidationContext(trust_roots=[], allow_fetching=False))
    except Exception:  # a tampered signature value fails in the CMS parser as well as in validation
        return HasilTtd(pdf, nama, None, False, bidang)
    # an earlier signature covers its own revision; what came after may only add signatures
    # (pyHanko's difference analysis: a later countersignature passes, changed content or an
    # annotation drawn over the page does not)
    tambahan = status.modification_level
    cakupan = status.coverage == SignatureCoverageLevel.ENTIRE_FILE or (
        status.coverage == SignatureCoverageLevel.ENTIRE_REVISION
        and bool(status.docmdp_ok)
        and tambahan is not None
        and tambahan <= ModificationLevel.FORM_FILLING  # signatures and their fields; no annotation
    )
    utuh = status.intact and status.valid and cakupan
    return HasilTtd(pdf, nama, status.signer_reported_dt, bool(utuh), bidang)
