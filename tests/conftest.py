"""Shared fixtures."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bantu import ada_soffice  # noqa: E402


def pytest_collection_modifyitems(config, items):
    if ada_soffice():
        return
    lewati = pytest.mark.skip(reason="LibreOffice/pdftotext tidak terpasang")
    for item in items:
        if "pdf" in item.keywords:
            item.add_marker(lewati)
