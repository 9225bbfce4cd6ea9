"""Dependencies through their public API only (issue 19 §5): no private member of a dependency's
object, no write into a dependency's shared state (python-docx's `nsmap`), and the one override of
docxtpl behaves as docxtpl's own method apart from the step it leaves out."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import docx
from docx.oxml.ns import qn

from bantu import AKAR, teks_paragraf
from iku.isi import buka, lingkungan

PAKET = AKAR / "iku"

# Private members of dependencies still in use: none. Nothing may be added here.
SISA: set[tuple[str, str]] = set()
UBAH = {"update", "setdefault", "pop", "clear", "popitem"}
PER_PERMINTAAN = {"session", "g"}  # flask's per-request objects are there to be written


def _pohon() -> dict[str, ast.Module]:
    return {p.relative_to(PAKET).as_posix(): ast.parse(p.read_text(encoding="utf-8")) for p in PAKET.rglob("*.py")}


def _nama_milik(pohon: dict[str, ast.Module]) -> set[str]:
    """Every name the package defines itself (functions, classes, variables, attributes, arguments)."""
    nama = set()
    for t in pohon.values():
        for n in ast.walk(t):
            if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                nama.add(n.name)
            elif isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store):
                nama.add(n.id)
            elif isinstance(n, ast.Attribute) and isinstance(n.ctx, ast.Store):
                nama.add(n.attr)
            elif isinstance(n, ast.arg):
                nama.add(n.arg)
    return nama


def pemakaian_pribadi() -> set[tuple[str, str]]:
    """(module, member) for every `x._member` whose name the package does not define: a dependency's."""
    pohon = _pohon()
    milik = _nama_milik(pohon)
    return {
        (modul, n.attr)
        for modul, t in pohon.items()
        for n in ast.walk(t)
        if isinstance(n, ast.Attribute)
        and n.attr.startswith("_")
        and not n.attr.startswith("__")
        and n.attr not in milik
    }


def tulisan_ke_pustaka() -> list[str]:
    """Writes into a name imported from a dependency (`nsmap["cp"] = ...`, `nsmap.update(...)`)."""
    hasil = []
    for modul, t in _pohon().items():
        impor = {
            a.asname or a.name
            for n in ast.walk(t)
            if isinstance(n, ast.ImportFrom) and n.level == 0 and not (n.module or "").startswith("iku")
            for a in n.names
        }
        for n in ast.walk(t):
            if isinstance(n, ast.Subscript) and isinstance(n.ctx, ast.Store | ast.Del):
                sasaran = n.value
            elif isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr in UBAH:
                sasaran = n.func.value
            else:
                continue
            if isinstance(sasaran, ast.Name) and sasaran.id in impor - PER_PERMINTAAN:
                hasil.append(f"{modul}:{n.lineno} {sasaran.id}")
    return hasil


def test_tanpa_anggota_pribadi_pustaka() -> None:
    assert pemakaian_pribadi() <= SISA, sorted(pemakaian_pribadi() - SISA)


def test_pemindai_mengenali_anggota_pribadi_pustaka(tmp_path: Path, monkeypatch) -> None:
    """The scan finds what it looks for (the old packer's calls), and not the package's own privates."""
    palsu = tmp_path / "iku"
    palsu.mkdir()
    (palsu / "contoh.py").write_text(
        "from docx.oxml.ns import nsmap\n"
        "def _milik(): pass\n"
        "PackageWriter._write_parts(z, p)\n"
        "modul._milik()\n"
        'nsmap["cp"] = "x"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(sys.modules[__name__], "PAKET", palsu)
    assert pemakaian_pribadi() == {("contoh.py", "_write_parts")}
    assert tulisan_ke_pustaka() == ["contoh.py:5 nsmap"]


def test_tanpa_tulisan_ke_pustaka() -> None:
    assert tulisan_ke_pustaka() == []


def test_templat_diisi_seperti_docxtpl_kecuali_penulisan_ulang_kurawal(tmp_path: Path) -> None:
    """iku's render_xml_part is docxtpl's own apart from the `{_{` -> `{{` rewrite (which would alter
    a literal value): both render a template alike, so a change of docxtpl's method fails here."""
    from docxtpl import DocxTemplate

    templat = tmp_path / "t.docx"
    d = docx.Document()
    d.add_paragraph("Nama: {{ nama }}")
    d.add_paragraph("{%p for b in butir %}")
    d.add_paragraph("{{ loop.index }}. {{ b }}\tkolom")
    d.add_paragraph("{%p endfor %}")
    d.save(str(templat))
    nilai = {"nama": "A & B <b>", "butir": ["satu\nbaris dua", "{_{ tetap }_}"]}

    def isi_dengan(doc) -> list[str]:
        doc.render(nilai, lingkungan(), autoescape=True)
        return [teks_paragraf(p) for p in doc.docx.element.body.iter(qn("w:p"))]

    milik, asli = isi_dengan(buka(templat)), isi_dengan(DocxTemplate(str(templat)))
    assert milik[-1] == "2. {_{ tetap }_}\tkolom" and asli[-1] == "2. {{ tetap }}\tkolom"
    assert milik[:-1] == asli[:-1] == ["Nama: A & B <b>", "1. satu\nbaris dua\tkolom"]
