"""A label typed before an item is removed (with a warning), never printed twice (issue 8, item 4)."""

from __future__ import annotations

from click.testing import CliRunner

from bantu import TEMPLATES, data_contoh, teks_docx, tulis_data
from iku.cli import main
from iku.naskah.blok import tanpa_label


def config_berlabel(tmp_path):
    data = data_contoh()
    k = data["keputusan"]
    k["menimbang"] = [f"{h}. {t}" for h, t in zip("ab", k["menimbang"])]
    k["mengingat"][0] = "1. " + k["mengingat"][0]
    k["memutuskan"].insert(3, "KEEMPAT : Keputusan ini disampaikan kepada pihak terkait.")
    return tulis_data(tmp_path / "iku.toml", data)


def test_generate_membuang_label_dan_memperingatkan_di_stderr(tmp_path):
    path = config_berlabel(tmp_path)
    hasil = CliRunner().invoke(
        main, ["generate", "--config", str(path), "--templates", str(TEMPLATES), "--output", str(tmp_path / "out")]
    )
    assert hasil.exit_code == 0, hasil.output
    peringatan = [b for b in hasil.stderr.splitlines() if b.startswith("PERINGATAN:")]
    assert len([b for b in peringatan if "penomoran diketik sendiri" in b]) == 4, hasil.stderr
    assert any(
        "[keputusan.memutuskan[4]]" in b and '"KEEMPAT :"' in b and "tidak ikut dicetak" in b for b in peringatan
    )
    assert "PERINGATAN" not in hasil.stdout  # stdout stays the list of files written
    keputusan = teks_docx(next((tmp_path / "out" / "2023").glob("keputusan-*.docx")))
    teks = "\n".join(keputusan)
    assert "a.\tbahwa untuk melaksanakan" in teks and "b.\tbahwa berdasarkan" in teks
    assert "1.\tUndang-Undang Nomor 25" in teks
    assert "KEEMPAT\t:\tKeputusan ini disampaikan" in teks
    for dobel in ("a. bahwa", "b. bahwa", "1. Undang", "KEEMPAT : Keputusan", "KEEMPAT: Keputusan"):
        assert dobel not in teks


def test_generate_tanpa_peringatan_untuk_contoh(tmp_path):
    path = tulis_data(tmp_path / "iku.toml", data_contoh())
    hasil = CliRunner().invoke(main, ["generate", "--config", str(path), "--output", str(tmp_path / "out")])
    assert hasil.exit_code == 0 and hasil.stderr == "", hasil.stderr


def test_label_saja_tidak_dibuang():
    assert tanpa_label("KESATU") == "KESATU"
    assert tanpa_label("a. bahwa x;") == "bahwa x;" and tanpa_label("1.Undang-Undang") == "Undang-Undang"
    assert tanpa_label("1.000 orang") == "1.000 orang"
