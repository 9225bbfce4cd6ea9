"""Fill a template: the docxtpl adapter (Jinja sandbox, autoescape, StrictUndefined).

Values are always data: autoescape is on and undefined names fail, so `&`, `<b>` or
`{{ 7*7 }}` in the config print literally and a template typo is an error, not a blank.
Templates render in Jinja's sandbox, so `{{ x.__class__ }}` in an edited template is refused.
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import StrictUndefined, UndefinedError, nodes
from jinja2 import TemplateError as JinjaError
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from .galat import Masalah, TemplateError
from .naskah.blok import Gambar, Tata
from .rapi import rapikan


class _Templat(DocxTemplate):
    """docxtpl plus our `{% gabung %}` cell tag, without its `{_{` -> `{{` rewrite (which would
    alter literal user values). The linter reads templates through the same patch_xml.

    A part's source is patched, parsed and compiled once per process (`_disiapkan`): the same
    template filled again (the next agency of `iku kabupaten`, the editor's next preview) only
    renders."""

    def patch_xml(self, src_xml: str) -> str:
        tambalan = _TAMBALAN.get(src_xml)
        if tambalan is None:
            if len(_TAMBALAN) >= SIMPANAN_BAGIAN:
                _TAMBALAN.clear()
            tambalan = _TAMBALAN[src_xml] = GABUNG.sub(_gabung_vertikal, super().patch_xml(src_xml))
        return tambalan

    pohon: list[nodes.Template]  # the Jinja tree of every part rendered, for the required-field check

    def render_xml_part(self, src_xml: str, part: Any, context: dict[str, Any], jinja_env: Any = None) -> str:
        src_xml = re.sub(r"<w:p([ >])", r"\n<w:p\1", src_xml)
        self.current_rendering_part = part
        try:
            pohon, templat = _disiapkan(jinja_env, src_xml)
            self.pohon = [*getattr(self, "pohon", []), pohon]
            dst_xml = templat.render(context)
        except Exception as exc:
            exc.docx_context = _paragraf_sekitar(src_xml, _baris_templat(exc))  # type: ignore[attr-defined]
            raise
        dst_xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", dst_xml)
        return self.resolve_listing(dst_xml)


SIMPANAN_BAGIAN = 64  # parts kept prepared: every template of a set and of the Pemda's, with room


_TAMBALAN: dict[str, str] = {}  # source -> docxtpl's patch_xml (a pure text rewrite) and our `{% gabung %}`


@lru_cache(maxsize=SIMPANAN_BAGIAN)
def _disiapkan(jinja_env: Any, src_xml: str) -> tuple[nodes.Template, Any]:
    """A part's source parsed (the tree, kept for the names it uses) and compiled, once per source
    and environment. A compiled Jinja template renders any number of times."""
    pohon = jinja_env.parse(src_xml)
    return pohon, jinja_env.from_string(pohon)


def lupakan() -> None:
    """Forget every part prepared so far: the next fill patches, parses and compiles anew, as the
    first of a new process (benchmarks of one `generate` run)."""
    _TAMBALAN.clear()
    _disiapkan.cache_clear()


def _baris_templat(exc: Exception) -> int | None:
    """Line of the template source where Jinja failed (syntax errors carry it, runtime errors in the traceback)."""
    if getattr(exc, "lineno", None):
        return exc.lineno  # type: ignore[attr-defined]
    baris = [f.lineno for f in traceback.extract_tb(exc.__traceback__) if f.filename == "<template>"]
    return baris[-1] if baris else None


def _paragraf_sekitar(src_xml: str, baris: int | None) -> list[str]:
    """The visible text of the paragraphs around that line (one paragraph per source line)."""
    if not baris:
        return []
    sekitar = src_xml.splitlines()[max(baris - 2, 0) : baris + 1]
    return [re.sub(r"<[^>]+>", "", x) for x in sekitar]


# `{% gabung EXPR %}` in a table cell: like docxtpl's `{% vm %}`, but the cell starts a vertical
# merge where EXPR is true and continues the one above elsewhere (groups inside one row loop).
GABUNG = re.compile(r"<w:tc[ >](?:(?!<w:tc[ >]).)*?{%\s*gabung\s+(?:(?!%}).)+%}.*?</w:tc>", re.S)
_GABUNG_SEL = re.compile(r"(</w:tcPr[ >].*?<w:t(?:[^>]*)>)(.*?){%\s*gabung\s+((?:(?!%}).)+?)\s*%}(.*?)(</w:t>)", re.S)


def _gabung_vertikal(m: re.Match[str]) -> str:
    def sel(s: re.Match[str]) -> str:
        syarat = s.group(3)
        return (
            f'<w:vMerge w:val="{{% if {syarat} %}}restart{{% else %}}continue{{% endif %}}"/>'
            f"{s.group(1)}{{% if {syarat} %}}{s.group(2)}{s.group(4)}{{% endif %}}{s.group(5)}"
        )

    return _GABUNG_SEL.sub(sel, m.group(0))


@cache
def lingkungan() -> SandboxedEnvironment:
    """The one Jinja environment every template renders in: sandboxed, so an edited template
    cannot reach Python internals (`x.__class__`), autoescaped, and strict about names. One per
    process, so a part compiled once is reused (`_disiapkan`)."""
    return SandboxedEnvironment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)


# Given the template and the Jinja trees of its parts, the problems that refuse it (or none).
Pemeriksa = Callable[[Path, list[nodes.Template]], list[Masalah]]


def isi(templat: Path, konteks: dict[str, Any], tata: Tata, pemeriksa: Pemeriksa | None = None) -> Any:
    """Fill one template and tidy it: the python-docx Document, not yet packed.

    pemeriksa sees the parsed template (e.g. required fields) and may refuse it.
    """
    doc = _muat(templat)
    try:
        doc.render(_dengan_gambar(konteks, doc), lingkungan(), autoescape=True)
    except Exception as exc:  # a template edited in Word can fail in many ways; all are the template's
        raise TemplateError(_masalah_templat(exc, templat)) from None
    masalah = pemeriksa(templat, getattr(doc, "pohon", [])) if pemeriksa else []
    if masalah:
        raise TemplateError(masalah)
    rapikan(doc.docx, tata)
    return doc.docx


def buka(templat: Path) -> _Templat:
    """A template loaded for inspection; TemplateError when missing or not a DOCX."""
    return _muat(templat)


def _muat(templat: Path) -> _Templat:
    if not templat.is_file():
        raise TemplateError(
            Masalah("berkas templat tidak ditemukan", berkas=templat, saran="periksa folder pada --templates")
        )
    try:
        doc = _Templat(str(templat))
        doc.init_docx()
        return doc
    except Exception as exc:  # python-docx raises several kinds for a damaged package
        raise TemplateError(
            Masalah(
                f"templat bukan berkas DOCX yang sah ({exc})",
                berkas=templat,
                saran="simpan ulang templat dari Word/LibreOffice sebagai .docx",
            )
        ) from None


def _masalah_templat(exc: Exception, templat: Path) -> Masalah:
    sekitar = " / ".join(t.strip() for t in getattr(exc, "docx_context", []) if t.strip())
    return Masalah(
        f"templat tidak dapat diisi: {_sebab(exc)}",
        berkas=templat,
        saran="periksa tanda {{ }} dan {% %} pada paragraf" + (f': "{sekitar[:160]}"' if sekitar else " yang disebut"),
    )


def _sebab(exc: Exception) -> str:
    """Jinja's English reasons for the usual template mistakes, said in Indonesian."""
    teks = str(getattr(exc, "message", None) or exc)
    nama = re.search(r"has no attribute '([^']+)'|'([^']+)' is undefined", teks)
    if isinstance(exc, UndefinedError) and nama:
        return f"nama isian tidak dikenal: {nama.group(1) or nama.group(2)}"
    if isinstance(exc, SecurityError):
        atribut = re.search(r"attribute '([^']+)'", teks)
        return (
            f'templat meminta atribut "{atribut.group(1) if atribut else teks}" yang tidak diizinkan '
            "(templat hanya boleh mencetak isian yang disediakan program)"
        )
    if isinstance(exc, JinjaError):
        return teks
    return f"{type(exc).__name__}: {teks}"


def _dengan_gambar(nilai: Any, doc: DocxTemplate) -> Any:
    if isinstance(nilai, Gambar):
        return InlineImage(doc, str(nilai.path), width=Mm(nilai.lebar_mm))
    if isinstance(nilai, dict):
        return {k: _dengan_gambar(v, doc) for k, v in nilai.items()}
    if isinstance(nilai, list):
        return [_dengan_gambar(v, doc) for v in nilai]
    return nilai
