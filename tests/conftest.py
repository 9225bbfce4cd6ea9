"""Shared fixtures."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bantu import PERLU_PDF, lewati_tanpa, peramban, peramban_kurang, perlu_alat


def pytest_runtest_setup(item):
    """A `pdf` or `peramban` test without its tools: skipped, or failed under CI (bantu.lewati_tanpa)."""
    if "pdf" in item.keywords:
        perlu_alat(*PERLU_PDF)
    if "peramban" in item.keywords:
        lewati_tanpa(peramban_kurang())


@pytest.fixture(scope="session")
def arsip_contoh(tmp_path_factory) -> dict[str, Path]:
    """The sample config's year set, generated once for every test that only reads it:
    document kind (file name without agency and year) -> path."""
    from bantu import CONFIG_CONTOH, TEMPLATES
    from iku.buat import Permintaan, generate
    from iku.konfigurasi import baca

    keluaran = tmp_path_factory.mktemp("arsip-contoh")
    paths = generate(Permintaan(baca(CONFIG_CONTOH), TEMPLATES, keluaran))
    akhiran = "-dinas-sosial-kabupaten-buleleng-2023"
    return {p.name.split(akhiran)[0]: p for p in paths}


@pytest.fixture(scope="session")
def arsip_elektronik_pdf(tmp_path_factory) -> Path:
    """The sample year in the electronic signature layout, with PDF/A (made once: LibreOffice is slow).
    Tests that change it work on a copy."""
    from bantu import config_ttd
    from iku import konfigurasi
    from iku.buat import Permintaan, generate

    folder = tmp_path_factory.mktemp("arsip-elektronik")
    config = config_ttd(folder, "elektronik")
    generate(
        Permintaan(
            konfigurasi.baca(config), Path(__file__).resolve().parent.parent / "templates", folder / "output", pdf=True
        )
    )
    return folder / "output" / "2023"


@pytest.fixture
def driver(tmp_path: Path):
    """A headless Chromium with its own profile and download folder, always closed."""
    (tmp_path / "unduhan").mkdir()
    d = peramban(tmp_path / "profil", tmp_path / "unduhan")
    try:
        yield d
    finally:
        d.quit()
