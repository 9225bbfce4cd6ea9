"""Golden text of every document of the sample set, in document order (tables included).

The sample config is the reference decree with its defects fixed; any change to what it
prints shows here as a text diff. After an intended change, rewrite the golden files with
`IKU_PERBARUI_POTRET=1 python -m pytest tests/test_golden.py` and review the diff.
"""

from __future__ import annotations

import pytest

from bantu import GOLDEN, sama_dengan_potret, teks_docx

DOKUMEN = {
    "keputusan-iku": "keputusan.txt",
    "lampiran-iku": "lampiran.txt",
    "dokumen-iku": "dokumen-iku.txt",
    "bundel-tanda-tangan-iku": "bundel-tanda-tangan.txt",
    "perjanjian-kinerja": "perjanjian-kinerja.txt",
    "laporan-kinerja": "laporan-kinerja.txt",
}


@pytest.mark.parametrize("jenis", sorted(DOKUMEN))
def test_dokumen_contoh_sama_dengan_golden(arsip_contoh, jenis: str) -> None:
    teks = teks_docx(arsip_contoh[jenis])
    sama_dengan_potret(GOLDEN / DOKUMEN[jenis], "".join(b.replace("\n", "\\n") + "\n" for b in teks))


def test_setiap_golden_dipakai() -> None:
    assert sorted(p.name for p in GOLDEN.glob("*.txt")) == sorted(DOKUMEN.values())


def test_bundel_adalah_keputusan_lalu_lampiran(arsip_contoh) -> None:
    # the decree ends with its signature block (a table): the section break is a paragraph of its own
    assert teks_docx(arsip_contoh["bundel-tanda-tangan-iku"]) == (
        teks_docx(arsip_contoh["keputusan-iku"]) + [""] + teks_docx(arsip_contoh["lampiran-iku"])
    )


def test_buku_menulis_objektif(arsip_contoh) -> None:
    """Issue 8 item 8: the book's default text spells "objektif" (KBBI), never "obyektif"."""
    teks = "\n".join(teks_docx(arsip_contoh["dokumen-iku"]))
    assert "objektif" in teks and "obyektif" not in teks
