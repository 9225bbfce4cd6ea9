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


@pytest.fixture(scope="session")
def arsip_elektronik_pdf(tmp_path_factory) -> Path:
    """The sample year in the electronic signature layout, with PDF/A (made once: LibreOffice is slow).
    Tests that change it work on a copy."""
    from bantu import config_ttd
    from iku import konfigurasi
    from iku.buat import Permintaan, generate

    folder = tmp_path_factory.mktemp("arsip-elektronik")
    config = config_ttd(folder, "elektronik")
    generate(Permintaan(konfigurasi.baca(config), Path(__file__).resolve().parent.parent / "templates",
                        folder / "output", pdf=True))
    return folder / "output" / "2023"
