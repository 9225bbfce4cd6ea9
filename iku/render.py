"""Template + context -> DOCX bytes on disk: docxtpl, post-processing, stable zip.

Values are always data: autoescape is on and undefined names fail, so `&`, `<b>` or
`{{ 7*7 }}` in the config print literally and a template typo is an error, not a blank.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from typing import Any

from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Cm, Mm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import Environment, StrictUndefined, TemplateError as JinjaError

from .context import Gambar
from .errors import Masalah, TemplateError
from .model import Config

KERTAS_MM = {"A4": (210, 297), "F4": (215, 330)}
GAYA_DIKTUM = "Diktum"
# Average advance of a capital letter at 12 pt, in cm; generous, so a label never hits its colon.
LEBAR_KAPITAL_CM = {"Bookman Old Style": 0.34, "Arial": 0.30, "Times New Roman": 0.29}


class _Templat(DocxTemplate):
    """docxtpl without its `{_{` -> `{{` rewrite, which would alter literal user values."""

    def render_xml_part(self, src_xml: str, part: Any, context: dict[str, Any], jinja_env: Any = None) -> str:
        src_xml = re.sub(r"<w:p([ >])", r"\n<w:p\1", src_xml)
        self.current_rendering_part = part
        dst_xml = jinja_env.from_string(src_xml).render(context)
        dst_xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", dst_xml)
        return self.resolve_listing(dst_xml)


def lingkungan() -> Environment:
    """The one Jinja environment every template renders in."""
    return Environment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)


def render(templat: Path, konteks: dict[str, Any], config: Config, tujuan: Path) -> Path:
    """Render one template to tujuan and return the path written."""
    doc = _muat(templat)
    try:
        doc.render(_dengan_gambar(konteks, doc), lingkungan(), autoescape=True)
    except JinjaError as exc:
        raise TemplateError(_masalah_templat(exc, templat)) from None
    rapikan(doc.docx, config)
    tujuan.write_bytes(zip_stabil(_simpan(doc), config.keputusan.tanggal))
    return tujuan


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


def _masalah_templat(exc: JinjaError, templat: Path) -> Masalah:
    sekitar = " / ".join(t.strip() for t in getattr(exc, "docx_context", []) if t.strip())
    return Masalah(f"templat tidak dapat diisi: {exc.message or exc}", berkas=templat,
                   saran="periksa tanda {{ }} dan {% %} pada paragraf"
                   + (f": \"{sekitar[:160]}\"" if sekitar else " yang disebut"))


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
    atur_diktum(docx, config)
    atur_properti(docx, config)


def atur_kertas(docx: Any, kertas: str) -> None:
    pendek, panjang = (Mm(x) for x in KERTAS_MM[kertas])
    for section in docx.sections:
        mendatar = section.orientation == WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = (panjang, pendek) if mendatar else (pendek, panjang)


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
    from docx.oxml import OxmlElement

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
    """Widen the diktum label column when a label (KEDUA PULUH SATU) would not fit."""
    jumlah = len(config.keputusan.memutuskan)
    terpanjang = max(len(_label) for _label in _label_diktum(jumlah))
    lebar = terpanjang * LEBAR_KAPITAL_CM.get(config.format.huruf, 0.34) + 0.25
    kode = docx.styles.element.xpath(f'w:style[w:name/@w:val="{GAYA_DIKTUM}"]/@w:styleId')
    diktum = [p for p in docx.paragraphs if kode and p._p.style == kode[0]]  # ids: no style objects, fast
    for paragraf in diktum:
        _geser_tab(paragraf, lebar)
    if diktum:  # the signature never stands alone on a page
        diktum[-1].paragraph_format.keep_with_next = True


def _label_diktum(jumlah: int) -> list[str]:
    from .bahasa import ordinal_diktum

    return [ordinal_diktum(n) for n in range(1, jumlah + 1)]


def _geser_tab(paragraf: Any, lebar_cm: float) -> None:
    format_ = paragraf.paragraph_format
    titik_dua = max(Cm(lebar_cm), _tab_pertama(paragraf.style))
    if titik_dua == _tab_pertama(paragraf.style):
        return
    teks = titik_dua + Cm(0.5)
    format_.tab_stops.clear_all()
    format_.tab_stops.add_tab_stop(titik_dua)
    format_.tab_stops.add_tab_stop(teks)
    format_.left_indent = teks
    format_.first_line_indent = -teks


def _tab_pertama(gaya: Any) -> int:
    tab = list(gaya.paragraph_format.tab_stops)
    return tab[0].position if tab else Cm(3.25)


def atur_properti(docx: Any, config: Config) -> None:
    """Core properties from the decree, nothing from the clock (byte-stable output)."""
    waktu = dt.datetime.combine(config.keputusan.tanggal, dt.time())
    cp = docx.core_properties
    cp.title = config.keputusan.tentang
    cp.subject = f"Indikator Kinerja Utama {config.tahun}"
    cp.author = config.instansi.nama
    cp.last_modified_by = config.instansi.nama
    cp.created = cp.modified = waktu
    cp.last_printed = waktu
    cp.revision = 1
    cp.keywords = "IKU"
    cp.comments = cp.category = cp.identifier = ""


def _simpan(doc: DocxTemplate) -> bytes:
    penampung = io.BytesIO()
    doc.save(penampung)
    return penampung.getvalue()


def zip_stabil(data: bytes, tanggal: dt.date) -> bytes:
    """Re-pack a DOCX with fixed entry dates and attributes: same input, same bytes."""
    waktu = (max(tanggal.year, 1980), tanggal.month, tanggal.day, 0, 0, 0)
    keluar = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as asal, zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as tujuan:
        for info in asal.infolist():
            entri = zipfile.ZipInfo(info.filename, date_time=waktu)
            entri.compress_type = zipfile.ZIP_DEFLATED
            entri.external_attr = 0o644 << 16
            tujuan.writestr(entri, asal.read(info.filename))
    return keluar.getvalue()
