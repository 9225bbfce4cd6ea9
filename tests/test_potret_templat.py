"""Snapshot of every default template as text (style, text and tags per paragraph).

A template is a Word document and the source of truth; this snapshot makes every change to
it reviewable as a text diff. After an intended change, rewrite the snapshots with
`IKU_PERBARUI_POTRET=1 python -m pytest tests/test_potret_templat.py` and review the diff.
"""

from __future__ import annotations

import pytest

from bantu import POTRET, TEMPLATES, potret_templat, sama_dengan_potret

TEMPLAT = sorted(p.name for p in TEMPLATES.glob("*.docx"))


def test_setiap_templat_punya_potret() -> None:
    assert TEMPLAT and sorted(p.name.removesuffix(".txt") for p in POTRET.glob("*.docx.txt")) == TEMPLAT


@pytest.mark.parametrize("nama", TEMPLAT)
def test_templat_sama_dengan_potretnya(nama: str) -> None:
    sama_dengan_potret(POTRET / f"{nama}.txt", potret_templat(TEMPLATES / nama))
