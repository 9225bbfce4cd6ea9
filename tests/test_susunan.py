"""The package's shape (issue 19 item 4): one pipeline that check and the editor's preview take
too, no import cycle inside iku/, the core does not print, and the README's Struktur names every
module under the pipeline step it serves."""

from __future__ import annotations

import ast
import re
import shutil
import zipfile
from pathlib import Path

from bantu import AKAR, TEMPLATES, data_contoh, tulis_data

PAKET = AKAR / "iku"


def nama_modul(berkas: Path) -> str:
    """iku/naskah/buku.py -> iku.naskah.buku; iku/naskah/__init__.py -> iku.naskah."""
    bagian = berkas.relative_to(AKAR).with_suffix("").parts
    return ".".join(bagian[:-1] if bagian[-1] == "__init__" else bagian)


MODUL = {nama_modul(b): b for b in sorted(PAKET.rglob("*.py"))}


def _hanya_pemeriksa_tipe(pohon: ast.Module) -> set[int]:
    """The nodes under `if TYPE_CHECKING:` (imports that never run)."""
    return {
        id(n)
        for blok in ast.walk(pohon)
        if isinstance(blok, ast.If) and "TYPE_CHECKING" in ast.unparse(blok.test)
        for n in ast.walk(blok)
    }


def impor(nama: str) -> set[str]:
    """The modules of iku/ this one imports, anywhere in it (an import inside a function too)."""
    berkas = MODUL[nama]
    pohon = ast.parse(berkas.read_text(encoding="utf-8"))
    paket = nama.split(".") if berkas.name == "__init__.py" else nama.split(".")[:-1]
    lewati, hasil = _hanya_pemeriksa_tipe(pohon), set()
    for n in ast.walk(pohon):
        if id(n) in lewati:
            continue
        if isinstance(n, ast.Import):
            hasil |= {a.name for a in n.names}
        elif isinstance(n, ast.ImportFrom):
            asal = ".".join(paket[: len(paket) - n.level + 1] + [n.module or ""]).strip(".") if n.level else n.module
            # `from . import blok` imports the module iku.naskah.blok, `from .blok import x` iku.naskah.blok
            hasil |= {f"{asal}.{a.name}" if f"{asal}.{a.name}" in MODUL else str(asal) for a in n.names}
    return {p for m in hasil for p in dengan_paket(m) if p in MODUL and not milik(nama, p)}


def dengan_paket(modul: str) -> list[str]:
    """A module and the packages above it, whose __init__.py runs first when it is imported."""
    bagian = modul.split(".")
    return [".".join(bagian[:i]) for i in range(1, len(bagian) + 1)]


def milik(nama: str, paket: str) -> bool:
    """nama is paket itself or lies inside it (its own package is no import of its own)."""
    return nama == paket or nama.startswith(f"{paket}.")


def kitaran(graf: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    indeks: dict[str, int] = {}
    rendah: dict[str, int] = {}
    tumpukan: list[str] = []
    hasil: list[list[str]] = []

    def kunjungi(v: str) -> None:
        indeks[v] = rendah[v] = len(indeks)
        tumpukan.append(v)
        for w in sorted(graf[v]):
            if w not in indeks:
                kunjungi(w)
                rendah[v] = min(rendah[v], rendah[w])
            elif w in tumpukan:
                rendah[v] = min(rendah[v], indeks[w])
        if rendah[v] == indeks[v]:
            komponen = []
            while True:
                w = tumpukan.pop()
                komponen.append(w)
                if w == v:
                    break
            if len(komponen) > 1:
                hasil.append(sorted(komponen))

    for v in sorted(graf):
        if v not in indeks:
            kunjungi(v)
    return hasil


def test_pendeteksi_kitaran_menemukan_kitaran_tersembunyi():
    """The detector itself: a cycle closed by an import inside a function is found."""
    graf = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert kitaran(graf) == [["a", "b", "c"]]
    assert kitaran({"a": {"b"}, "b": set()}) == []


def test_impor_di_dalam_fungsi_terbaca():
    """periksa/jalankan.py imports the template rules on use (inside a function): still an edge;
    and importing a module runs its package's __init__.py first: an edge to the package too."""
    assert "iku.periksa.templat" in impor("iku.periksa.jalankan")
    assert "iku.naskah.blok" in impor("iku.naskah")  # `from . import blok`
    assert {"iku.periksa", "iku.periksa.templat"} <= impor("iku.buat")  # `from .periksa.templat import ...`
    assert "iku.periksa" not in impor("iku.periksa.templat")  # its own package is no import


def test_tidak_ada_kitaran_impor_di_dalam_paket():
    graf = {m: impor(m) for m in MODUL}
    assert kitaran(graf) == []


def bagian_struktur() -> str:
    readme = (AKAR / "README.md").read_text(encoding="utf-8")
    mulai = readme.index("\n## Struktur\n")
    return readme[mulai : readme.index("\n## ", mulai + 1)]


def test_struktur_readme_menyebut_setiap_modul():
    struktur = bagian_struktur()
    disebut = set(re.findall(r"\biku/[\w/]+\.py\b", struktur))
    ada = {b.relative_to(AKAR).as_posix() for b in MODUL.values()}
    assert sorted(ada - disebut) == [], "modul yang tidak disebut di Struktur README"
    assert sorted(disebut - ada) == [], "Struktur README menyebut modul yang tidak ada"


def test_setiap_modul_menyebut_tugasnya():
    """Every module opens with a docstring saying its job."""
    tanpa = [n for n, b in MODUL.items() if not ast.get_docstring(ast.parse(b.read_text(encoding="utf-8")))]
    assert tanpa == []


# The helper scripts that run under LibreOffice's python answer their caller on stdout.
SKRIP_LO = {"iku.lo_pembantu", "iku.penyunting.lo_hangat"}


def mencetak(nama: str) -> list[str]:
    """Where a module prints: print(), click.echo, sys.stdout/stderr writes."""
    pohon = ast.parse(MODUL[nama].read_text(encoding="utf-8"))
    return [
        f"{nama}:{n.lineno} {ast.unparse(n.func)}"
        for n in ast.walk(pohon)
        if isinstance(n, ast.Call)
        and ast.unparse(n.func) in {"print", "click.echo", "click.secho", "sys.stdout.write", "sys.stderr.write"}
    ]


def test_inti_tidak_mencetak():
    """The core computes and returns; only the CLI prints (its tables too: `iku capaian`)."""
    assert [t for m in sorted(MODUL) if m != "iku.cli" and m not in SKRIP_LO for t in mencetak(m)] == []
    assert mencetak("iku.cli")  # the detector sees the CLI's own echo


def test_tabel_terminal_milik_cli():
    from iku import capaian, cli, triwulan

    assert not any(hasattr(m, nama) for m in (capaian, triwulan) for nama in ("tabel_terminal", "tabel_teks"))
    assert callable(cli.tabel_tahun) and callable(cli.tabel_triwulan) and callable(cli.tabel_teks)


# ---------------------------------------------------------------- one pipeline


def templat_tanpa_nip(folder: Path) -> Path:
    """The default templates, the Keputusan's signature without the signer's NIP (a required field)."""
    folder.mkdir()
    for asal in TEMPLATES.glob("*.docx"):
        shutil.copyfile(asal, folder / asal.name)
    with zipfile.ZipFile(TEMPLATES / "keputusan.docx") as z:
        isi = {n: z.read(n) for n in z.namelist()}
    xml = isi["word/document.xml"].decode("utf-8")
    assert "{{ penandatangan.nip }}" in xml
    isi["word/document.xml"] = xml.replace("{{ penandatangan.nip }}", "").encode("utf-8")
    with zipfile.ZipFile(folder / "keputusan.docx", "w", zipfile.ZIP_DEFLATED) as z:
        for nama, data in isi.items():
            z.writestr(nama, data)
    return folder


def test_pratinjau_lewat_langkah_generate(tmp_path: Path):
    """The editor's preview fills through generate's steps: a Keputusan template without a required
    field is refused as generate refuses it, before LibreOffice is ever started (it used to be
    filled by a side path without that check, and shown)."""
    from iku.buat import Permintaan, generate
    from iku.galat import TemplateError
    from iku.konfigurasi import baca
    from iku.penyunting.pratinjau import LibreOfficeHangat, Pratinjau

    templat = templat_tanpa_nip(tmp_path / "templat")
    config = tulis_data(tmp_path / "iku.toml", data_contoh())
    try:
        generate(Permintaan(baca(config), templat, tmp_path / "output"))
    except TemplateError as exc:
        ditolak = [m.pesan for m in exc.masalah]
    assert ditolak == ['templat tidak lagi memuat isian wajib "penandatangan.nip"']
    lo = LibreOfficeHangat()
    try:
        pratinjau = Pratinjau(lo, config, templat)
        pratinjau.minta_dari_berkas()
        assert pratinjau.tunggu(300)
        assert pratinjau.keadaan()["galat"] == ditolak[0]
        assert lo.pid is None
    finally:
        lo.hentikan()
