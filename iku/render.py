"""Template + context -> DOCX bytes on disk: docxtpl, post-processing, stable zip.

Values are always data: autoescape is on and undefined names fail, so `&`, `<b>` or
`{{ 7*7 }}` in the config print literally and a template typo is an error, not a blank.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import traceback
import zipfile
from pathlib import Path
from typing import Any

from docx.enum.section import WD_ORIENT
from docx.opc.pkgwriter import PackageWriter
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import Environment, StrictUndefined, TemplateError as JinjaError, UndefinedError

from .bahasa import ordinal_diktum
from .context import Gambar
from .errors import Masalah, TemplateError
from .model import Config

KERTAS_MM = {"A4": (210, 297), "F4": (215, 330)}
GAYA_DIKTUM = "Diktum"
GAYA_MENETAPKAN = "Menetapkan"
# Average advance of a capital letter at 12 pt, in cm; generous, so a label never hits its colon.
LEBAR_KAPITAL_CM = {"Bookman Old Style": 0.34, "Arial": 0.30, "Times New Roman": 0.29}


class _Templat(DocxTemplate):
    """docxtpl plus our `{% gabung %}` cell tag, without its `{_{` -> `{{` rewrite (which would
    alter literal user values). The linter reads templates through the same patch_xml."""

    def patch_xml(self, src_xml: str) -> str:
        return GABUNG.sub(_gabung_vertikal, super().patch_xml(src_xml))

    def render_xml_part(self, src_xml: str, part: Any, context: dict[str, Any], jinja_env: Any = None) -> str:
        src_xml = re.sub(r"<w:p([ >])", r"\n<w:p\1", src_xml)
        self.current_rendering_part = part
        try:
            dst_xml = jinja_env.from_string(src_xml).render(context)
        except Exception as exc:
            exc.docx_context = _paragraf_sekitar(src_xml, _baris_templat(exc))  # type: ignore[attr-defined]
            raise
        dst_xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", dst_xml)
        return self.resolve_listing(dst_xml)


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
    sekitar = src_xml.splitlines()[max(baris - 2, 0): baris + 1]
    return [re.sub(r"<[^>]+>", "", x) for x in sekitar]


# `{% gabung EXPR %}` in a table cell: like docxtpl's `{% vm %}`, but the cell starts a vertical
# merge where EXPR is true and continues the one above elsewhere (groups inside one row loop).
GABUNG = re.compile(r"<w:tc[ >](?:(?!<w:tc[ >]).)*?{%\s*gabung\s+(?:(?!%}).)+%}.*?</w:tc>", re.S)
_GABUNG_SEL = re.compile(r"(</w:tcPr[ >].*?<w:t(?:[^>]*)>)(.*?){%\s*gabung\s+((?:(?!%}).)+?)\s*%}(.*?)(</w:t>)", re.S)


def _gabung_vertikal(m: re.Match[str]) -> str:
    def sel(s: re.Match[str]) -> str:
        syarat = s.group(3)
        return (f'<w:vMerge w:val="{{% if {syarat} %}}restart{{% else %}}continue{{% endif %}}"/>'
                f"{s.group(1)}{{% if {syarat} %}}{s.group(2)}{s.group(4)}{{% endif %}}{s.group(5)}")
    return _GABUNG_SEL.sub(sel, m.group(0))


def lingkungan() -> Environment:
    """The one Jinja environment every template renders in."""
    return Environment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)


def render(templat: Path, konteks: dict[str, Any], config: Config, tujuan: Path) -> Path:
    """Render one template to tujuan and return the path written."""
    tujuan.write_bytes(render_bytes(templat, konteks, config))
    return tujuan


def render_bytes(templat: Path, konteks: dict[str, Any], config: Config) -> bytes:
    """Render one template in memory; raise TemplateError naming the template on failure."""
    doc = _muat(templat)
    try:
        doc.render(_dengan_gambar(konteks, doc), lingkungan(), autoescape=True)
    except Exception as exc:  # a template edited in Word can fail in many ways; all are the template's
        raise TemplateError(_masalah_templat(exc, templat)) from None
    rapikan(doc.docx, config)
    return simpan_stabil(doc, config.keputusan.tanggal)


def coba(templat: Path, konteks: dict[str, Any], config: Config) -> None:
    """Render one template in memory only (for `iku check`); raise TemplateError on failure."""
    render_bytes(templat, konteks, config)


def buka(templat: Path) -> _Templat:
    """A template loaded for inspection; TemplateError when missing or not a DOCX."""
    return _muat(templat)


def _muat(templat: Path) -> _Templat:
    if not templat.is_file():
        raise TemplateError(Masalah("berkas templat tidak ditemukan", berkas=templat,
                                    saran="periksa folder pada --templates"))
    try:
        doc = _Templat(str(templat))
        doc.init_docx()
        return doc
    except Exception as exc:  # python-docx raises several kinds for a damaged package
        raise TemplateError(Masalah(f"templat bukan berkas DOCX yang sah ({exc})", berkas=templat,
                                    saran="simpan ulang templat dari Word/LibreOffice sebagai .docx")) from None


def _masalah_templat(exc: Exception, templat: Path) -> Masalah:
    sekitar = " / ".join(t.strip() for t in getattr(exc, "docx_context", []) if t.strip())
    return Masalah(f"templat tidak dapat diisi: {_sebab(exc)}", berkas=templat,
                   saran="periksa tanda {{ }} dan {% %} pada paragraf"
                   + (f": \"{sekitar[:160]}\"" if sekitar else " yang disebut"))


def _sebab(exc: Exception) -> str:
    """Jinja's English reasons for the usual template mistakes, said in Indonesian."""
    teks = str(getattr(exc, "message", None) or exc)
    nama = re.search(r"has no attribute '([^']+)'|'([^']+)' is undefined", teks)
    if isinstance(exc, UndefinedError) and nama:
        return f"nama isian tidak dikenal: {nama.group(1) or nama.group(2)}"
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


def rapikan(docx: Any, config: Config) -> None:
    """Apply what the config decides over whatever the template says: paper, font, labels."""
    atur_kertas(docx, config.format.kertas)
    atur_huruf(docx, config.format.huruf)
    atur_lebar_tabel(docx)
    urutkan_sel(docx)
    atur_diktum(docx, config)
    baris_manual_tidak_direnggangkan(docx)
    atur_properti(docx, config)


def atur_kertas(docx: Any, kertas: str) -> None:
    pendek, panjang = (Mm(x) for x in KERTAS_MM[kertas])
    for section in docx.sections:
        mendatar = section.orientation == WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = (panjang, pendek) if mendatar else (pendek, panjang)


def atur_lebar_tabel(docx: Any) -> None:
    """Column loops ({%tc for %}) leave docxtpl's evened-out grid: take each column's width from
    the cells themselves (the last row with one cell per column), scaled to the text width of
    the table's section (or to the old total for a nested table)."""
    lebar_bagian = _lebar_teks_per_tabel(docx.element.body)
    for tbl in docx.element.body.iter(qn("w:tbl")):
        kolom = tbl.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")
        baris = [tr.findall(qn("w:tc")) for tr in tbl.findall(qn("w:tr"))]
        penuh = [sel for sel in baris if len(sel) == len(kolom) and all(_rentang(s) == 1 for s in sel)]
        lebar = [_lebar_sel(s) for s in penuh[-1]] if penuh else [None]
        grid = [int(k.get(qn("w:w"), "0")) for k in kolom]
        if None in lebar or lebar == grid or not sum(lebar):
            continue
        total = lebar_bagian.get(tbl) or sum(grid)
        baru = [round(w * total / sum(lebar)) for w in lebar]
        for k, w in zip(kolom, baru):
            k.set(qn("w:w"), str(w))
        for sel_baris in baris:
            _atur_lebar_sel(sel_baris, baru)


def _lebar_teks_per_tabel(body: Any) -> dict[Any, int]:
    """Top-level table -> text width (twips) of the section it stands in."""
    hasil: dict[Any, int] = {}
    menunggu: list[Any] = []
    for elemen in body.iterchildren():
        if elemen.tag == qn("w:tbl"):
            menunggu.append(elemen)
            continue
        sect = elemen if elemen.tag == qn("w:sectPr") else elemen.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
        if sect is None:
            continue
        ukuran, margin = sect.find(qn("w:pgSz")), sect.find(qn("w:pgMar"))
        if ukuran is not None and margin is not None:
            lebar = int(ukuran.get(qn("w:w"))) - int(margin.get(qn("w:left"), "0")) - int(margin.get(qn("w:right"), "0"))
            hasil.update({t: lebar for t in menunggu})
        menunggu = []
    return hasil


URUTAN_TCPR = ["cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
               "textDirection", "tcFitText", "vAlign", "hideMark"]


def urutkan_sel(docx: Any) -> None:
    """Cell properties in schema order (docxtpl's colspan/vm insert theirs out of order; Word is strict)."""
    for tcpr in docx.element.body.iter(qn("w:tcPr")):
        anak = list(tcpr)
        urut = sorted(anak, key=lambda e: URUTAN_TCPR.index(e.tag.split("}")[1])
                      if e.tag.split("}")[1] in URUTAN_TCPR else len(URUTAN_TCPR))
        if urut != anak:
            for e in urut:
                tcpr.append(e)


def _rentang(sel: Any) -> int:
    span = sel.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
    return int(span.get(qn("w:val"))) if span is not None else 1


def _lebar_sel(sel: Any) -> int | None:
    tcw = sel.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
    if tcw is None or tcw.get(qn("w:type"), "dxa") != "dxa":
        return None
    return int(tcw.get(qn("w:w")))


def _atur_lebar_sel(sel_baris: list[Any], lebar: list[int]) -> None:
    posisi = 0
    for sel in sel_baris:
        n = _rentang(sel)
        tcw = sel.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
        if tcw is not None:
            tcw.set(qn("w:w"), str(sum(lebar[posisi:posisi + n])))
            tcw.set(qn("w:type"), "dxa")
        posisi += n


def atur_huruf(docx: Any, huruf: str) -> None:
    akar = [docx.styles.element, docx.element] + [
        rel.target_part.element for rel in docx.part.rels.values()
        if rel.reltype.endswith(("/header", "/footer"))
    ]
    defaults = docx.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        _pastikan_rfonts(defaults)
    for elemen in akar:
        for rfonts in elemen.iter(qn("w:rFonts")):
            for atribut in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
                rfonts.set(qn(atribut), huruf)
            for tema in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
                rfonts.attrib.pop(qn(tema), None)


def _pastikan_rfonts(defaults: Any) -> None:
    rpr = defaults.find(qn("w:rPrDefault"))
    if rpr is None:
        rpr = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr)
    inner = rpr.find(qn("w:rPr"))
    if inner is None:
        inner = OxmlElement("w:rPr")
        rpr.append(inner)
    if inner.find(qn("w:rFonts")) is None:
        inner.insert(0, OxmlElement("w:rFonts"))


def atur_diktum(docx: Any, config: Config) -> None:
    """Widen the diktum label column (the style's tabs) when a label like KEDUA PULUH SATU needs it."""
    label = [ordinal_diktum(n) for n in range(1, len(config.keputusan.memutuskan) + 1)]
    lebar = Cm(max(map(len, label)) * LEBAR_KAPITAL_CM.get(config.format.huruf, 0.34) + 0.25)
    kode = docx.styles.element.xpath(f'w:style[w:name/@w:val="{GAYA_DIKTUM}"]/@w:styleId')
    diktum = [p for p in docx.paragraphs if kode and p._p.style == kode[0]]  # ids, not style objects: fast
    if diktum:
        _lebarkan(docx.styles[GAYA_DIKTUM], lebar)
        if GAYA_MENETAPKAN in docx.styles:  # keep "Menetapkan :" aligned with the diktum colons
            _lebarkan(docx.styles[GAYA_MENETAPKAN], lebar)
        diktum[-1].paragraph_format.keep_with_next = True  # the signature never stands alone on a page


def _lebarkan(gaya: Any, lebar: int) -> None:
    format_ = gaya.paragraph_format
    tab = list(format_.tab_stops)
    if not tab or tab[0].position >= lebar:
        return
    teks = lebar + Cm(0.5)
    format_.tab_stops.clear_all()
    format_.tab_stops.add_tab_stop(lebar)
    format_.tab_stops.add_tab_stop(teks)
    format_.left_indent, format_.first_line_indent = teks, -teks


def baris_manual_tidak_direnggangkan(docx: Any) -> None:
    """A line ended by a line break (a newline in a value) is not stretched in justified text."""
    compat = docx.settings.element.find(qn("w:compat"))
    if compat is None:
        compat = OxmlElement("w:compat")
        docx.settings.element.append(compat)
    if compat.find(qn("w:doNotExpandShiftReturn")) is None:
        compat.insert(0, OxmlElement("w:doNotExpandShiftReturn"))


def atur_properti(docx: Any, config: Config) -> None:
    """Core properties from the decree, nothing from the clock (byte-stable output)."""
    waktu = dt.datetime.combine(config.keputusan.tanggal, dt.time())
    cp = docx.core_properties
    cp.title = config.keputusan.tentang[:255]  # the format's limit for a property
    cp.subject = f"Indikator Kinerja Utama {config.tahun}"
    cp.author = config.instansi.nama[:255]
    cp.last_modified_by = config.instansi.nama[:255]
    cp.created = cp.modified = waktu
    cp.last_printed = waktu
    cp.revision = 1
    cp.keywords = "IKU"
    cp.comments = cp.category = cp.identifier = ""


def waktu_zip(tanggal: dt.date) -> tuple[int, int, int, int, int, int]:
    """A zip entry date from the decree date; zip can only hold 1980 to 2107."""
    return (min(max(tanggal.year, 1980), 2107), tanggal.month, tanggal.day, 0, 0, 0)


class _ZipTetap:
    """python-docx's physical package writer, with fixed entry dates and attributes."""

    def __init__(self, berkas: io.BytesIO, tanggal: dt.date) -> None:
        self._zip = zipfile.ZipFile(berkas, "w", zipfile.ZIP_DEFLATED)
        self._waktu = waktu_zip(tanggal)

    def write(self, pack_uri: Any, blob: bytes) -> None:
        entri = zipfile.ZipInfo(pack_uri.membername, date_time=self._waktu)
        entri.compress_type = zipfile.ZIP_DEFLATED
        entri.external_attr = 0o644 << 16
        self._zip.writestr(entri, blob)

    def close(self) -> None:
        self._zip.close()


def simpan_stabil(doc: DocxTemplate, tanggal: dt.date) -> bytes:
    """The rendered DOCX as bytes that depend only on its content (same input, same bytes)."""
    doc.pre_processing()
    return tulis_paket(doc.docx, tanggal)


def tulis_paket(dokumen: Any, tanggal: dt.date) -> bytes:
    """A python-docx Document as stable DOCX bytes.

    Writes the package the way python-docx's PackageWriter does, straight into a zip with
    fixed dates, instead of saving and re-packing (which compressed everything twice)."""
    paket = dokumen.part.package
    for part in paket.parts:
        part.before_marshal()
    penampung = io.BytesIO()
    zip_ = _ZipTetap(penampung, tanggal)
    PackageWriter._write_content_types_stream(zip_, paket.parts)
    PackageWriter._write_pkg_rels(zip_, paket.rels)
    PackageWriter._write_parts(zip_, paket.parts)
    zip_.close()
    return penampung.getvalue()


def zip_stabil(data: bytes, tanggal: dt.date) -> bytes:
    """Re-pack a DOCX with fixed entry dates and attributes: same input, same bytes."""
    waktu = waktu_zip(tanggal)
    keluar = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as asal, zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as tujuan:
        for info in asal.infolist():
            entri = zipfile.ZipInfo(info.filename, date_time=waktu)
            entri.compress_type = zipfile.ZIP_DEFLATED
            entri.external_attr = 0o644 << 16
            tujuan.writestr(entri, asal.read(info.filename))
    return keluar.getvalue()
