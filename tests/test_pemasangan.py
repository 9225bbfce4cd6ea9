"""Installation: the lock pins every dependency, the README and CI install from it, and what the
package reads at run time travels in the wheel (issue 17 items 2 and 3)."""

from __future__ import annotations

import re
import tomllib
from fnmatch import fnmatch
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from bantu import AKAR, CONFIG_CONTOH
from iku.impor import tulis

PYPROJECT = tomllib.loads((AKAR / "pyproject.toml").read_text(encoding="utf-8"))
KUNCI = AKAR / "requirements" / "lock.txt"


def versi_terkunci() -> dict[str, Version]:
    """Every `name==version` of the lock; any other requirement line is refused."""
    hasil = {}
    for baris in KUNCI.read_text(encoding="utf-8").splitlines():
        if not baris.strip() or baris.lstrip().startswith("#"):
            continue
        cocok = re.fullmatch(r"([A-Za-z0-9._-]+)==([^\s;]+)", baris.strip())
        assert cocok, f"baris kunci bukan versi persis: {baris!r}"
        hasil[canonicalize_name(cocok.group(1))] = Version(cocok.group(2))
    return hasil


def test_kunci_memuat_setiap_dependensi_dan_ekstra_dalam_rentangnya() -> None:
    proyek = PYPROJECT["project"]
    syarat = [Requirement(r) for r in proyek["dependencies"]]
    syarat += [Requirement(r) for ekstra in proyek["optional-dependencies"].values() for r in ekstra]
    terkunci = versi_terkunci()
    for s in syarat:
        nama = canonicalize_name(s.name)
        assert nama in terkunci, f"{s.name} tidak ada di {KUNCI.name}"
        assert s.specifier.contains(terkunci[nama], prereleases=True), f"{s.name}=={terkunci[nama]} di luar {s}"
    # pytest-xdist runs the README's test command in parallel; openpyxl and fonttools are pinned ahead
    assert {"pytest-xdist", "openpyxl", "fonttools"} <= set(terkunci)


def test_kunci_menulis_perintah_pembaruannya() -> None:
    kepala = KUNCI.read_text(encoding="utf-8").splitlines()[:3]
    assert any("uv pip compile pyproject.toml --all-extras" in b and "-o requirements/lock.txt" in b for b in kepala)


def test_perintah_readme_memasang_dari_kunci_dan_ci_menjalankannya() -> None:
    readme = (AKAR / "README.md").read_text(encoding="utf-8")
    perintah = re.findall(r"^python3 -m venv \.venv && .*$", readme, re.M)
    assert len(perintah) == 2 and all("-c requirements/lock.txt" in p for p in perintah), perintah
    uji = next(p for p in perintah if "pytest" in p)
    assert uji.endswith("-m pytest -n auto")
    ci = (AKAR / ".ci" / "run").read_text(encoding="utf-8")
    assert uji in ci.splitlines()
    assert '-m pytest -n auto -m "not pdf and not peramban"' in ci  # the plain install's fast tests


def test_contoh_konfigurasi_adalah_data_paket() -> None:
    """`iku impor` from a wheel wrote 5 comment lines instead of the sample's: it read
    config/iku.toml from the repository, which is not in the wheel."""
    paket = Path(tulis.__file__).resolve().parent.parent
    relatif = tulis.CONTOH.relative_to(paket)  # inside the package, not beside it (no resolve: a link)
    nama_paket = ".".join(["iku", *relatif.parent.parts])
    setuptools = PYPROJECT["tool"]["setuptools"]
    assert nama_paket in paket_roda()
    assert any(fnmatch(relatif.name, pola) for pola in setuptools["package-data"].get(nama_paket, []))
    assert tulis.CONTOH.read_bytes() == CONFIG_CONTOH.read_bytes()  # one sample: the same file


def paket_roda() -> set[str]:
    """The packages the wheel holds, found as setuptools finds them from pyproject.toml."""
    from setuptools import find_namespace_packages

    cari = PYPROJECT["tool"]["setuptools"]["packages"]["find"]
    return set(find_namespace_packages(str(AKAR), include=cari["include"]))


def test_setiap_subpaket_ikut_roda() -> None:
    """A wheel lacked iku.kabupaten (a hand-kept list of packages): every package of iku/ is in it."""
    paket = {".".join(p.parent.relative_to(AKAR).parts) for p in (AKAR / "iku").rglob("__init__.py")}
    assert paket and paket <= paket_roda(), sorted(paket - paket_roda())
