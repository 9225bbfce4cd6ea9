"""Any number in the config either prints or is refused naming its key (issue 8, item 7)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from bantu import TEMPLATES, salin_config
from iku import bahasa
from iku.cli import main
from iku.model import Iku

BARIS = {"sasaran": "S", "indikator": "I", "satuan": "%", "alasan": "A", "formulasi": "F", "sumber_data": "D"}


@pytest.mark.parametrize("perintah", ["check", "generate"])
@pytest.mark.parametrize("nilai", ["1e28", "1e-30", "123456789012345678901234567890", "1e15"])
def test_angka_raksasa_ditolak_dengan_nama_kunci(tmp_path, perintah, nilai):
    path = salin_config(tmp_path / "iku.toml", {"kondisi_awal =": f"kondisi_awal = {nilai}"})
    argumen = [perintah, "--config", str(path), "--templates", str(TEMPLATES)]
    hasil = CliRunner().invoke(main, argumen + (["--output", str(tmp_path / "out")] if perintah == "generate" else []))
    assert hasil.exit_code in (1, 3), hasil.output
    assert "Traceback" not in hasil.output and "InvalidOperation" not in hasil.output
    assert "[iku[1].kondisi_awal]" in hasil.output and "angka" in hasil.output
    assert not (tmp_path / "out").exists()


@given(st.decimals(allow_nan=False, allow_infinity=False))
def test_angka_apa_pun_tercetak_atau_ditolak(nilai):
    """The model either refuses a number (ValueError naming why) or accepts it, and then it prints exactly."""
    try:
        baris = Iku.model_validate({**BARIS, "kondisi_awal": nilai})
    except ValidationError as exc:
        assert "kondisi_awal" in str(exc)
        return
    cetak = bahasa.angka(baris.kondisi_awal)
    assert Decimal(cetak.replace(".", "").replace(",", ".")) == nilai


@given(st.decimals(allow_nan=False, allow_infinity=False))
def test_bahasa_angka_tidak_pernah_gagal(nilai):
    cetak = bahasa.angka(nilai)
    assert Decimal(cetak.replace(".", "").replace(",", ".")) == nilai


@pytest.mark.parametrize(
    "nilai, cetak",
    [
        (Decimal("1E+28"), "10.000.000.000.000.000.000.000.000.000"),
        (Decimal("1E+2"), "100"),
        (Decimal("-0.50"), "-0,50"),
    ],
)
def test_angka_berpangkat_dicetak_penuh(nilai, cetak):
    assert bahasa.angka(nilai) == cetak
