"""Shared fixtures."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bantu import ada_peramban, ada_soffice  # noqa: E402


def pytest_collection_modifyitems(config, items):
    lewati_pdf = pytest.mark.skip(reason="LibreOffice/pdftotext tidak terpasang")
    lewati_peramban = pytest.mark.skip(reason="chromium/chromedriver/selenium tidak terpasang")
    for item in items:
        if "pdf" in item.keywords and not ada_soffice():
            item.add_marker(lewati_pdf)
        if "peramban" in item.keywords and not ada_peramban():
            item.add_marker(lewati_peramban)
