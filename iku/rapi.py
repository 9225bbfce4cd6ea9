"""Tidy a filled document: what the config decides over whatever the template says.

Paper size, font, the diktum label column, justified lines and document properties, as the
document declares them in its layout object (`Tata`, iku/naskah/blok.py), never the whole config.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from docx.enum.section import WD_ORIENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.shared import Length, Mm, Twips
from docx.text.paragraph import Paragraph
from lxml import etree

from . import xml_word
from .aksara import pasang_huruf_aksara
from .bidang import gaya_daftar_isi, lengkapi_bidang
from .halaman import atur_aliran, titik_dua_dengan_berikutnya
from .huruf import lebar_teks_twip, tulis_huruf
from .judul import jarakkan_judul
from .kolom_lampiran import susun as susun_lampiran
from .kop import kop_kepala_daerah
from .lanjutan import ulangi_sasaran
from .model import KERTAS_MM
from .naskah.blok import Tata
from .tabel import atur_lebar_tabel, ruang_teks_per_tabel, urutkan_sel
from .tte import kolom_tanda_tangan, tabel_tanda_tangan
from .tte import terapkan as tata_tanda_tangan
from .xml_word import qn

GAYA_DIKTUM = "Diktum"
GAYA_MENETAPKAN = "Menetapkan"
GAYA_KOLOM_LABEL = (GAYA_DIKTUM, GAYA_MENETAPKAN, "Konsiderans")  # styles whose colons share one column
UKURAN_LABEL_PT = 12
ANTARA_LABEL_TWIP = 142  # 0.25 cm between the longest label and its colon


def rapikan(docx: Any, tata: Tata) -> None:
    """Apply what the config decides over whatever the template says: paper, font, labels."""
    atur_kertas(docx, tata.kertas)
    atur_huruf(docx, tata.huruf)
    pasang_huruf_aksara([docx.element, *_kepala_kaki(docx)])  # Balinese script in a font that has it
    if tata.judul_berjarak:
        jarakkan_judul(docx)
    if tata.lampiran is not None:
        susun_lampiran(docx, tata.lampiran)
    if tata.kop_kepala_daerah:
        kop_kepala_daerah(docx)
    atur_lebar_tabel(docx, tata.huruf)
    urutkan_sel(docx)
    atur_aliran(docx, tata.huruf)
    titik_dua_dengan_berikutnya(docx)
    atur_diktum(docx, tata)
    tanda_tangan_tidak_sendiri(docx)
    tata_tanda_tangan(docx, tata.tanda_tangan)
    ulangi_sasaran(docx, tata.huruf)
    bagian_sesudah_tabel_setipis_mungkin(docx)
    baris_manual_tidak_direnggangkan(docx)
    atur_properti(docx, tata)
    lengkapi_semua_bidang(docx)
    tanda_hubung_tak_terputus(docx)


def lengkapi_semua_bidang(docx: Any) -> None:
    """Every field complete (begin, separate, end) in the body, headers and footers."""
    gaya = gaya_daftar_isi(docx)
    for akar in [docx.element, *_kepala_kaki(docx)]:
        lengkapi_bidang(akar, gaya)


def _kepala_kaki(docx: Any) -> list[Any]:
    return [rel.target_part.element for rel in docx.part.rels.values() if rel.reltype.endswith(("/header", "/footer"))]


# Hyphens a line must not break at: year ranges (2023-2026), the label Pos-el and short codes
# of capitals and digits (PBB-P2).
TANDA_HUBUNG_UTUH = re.compile(
    r"(?<=\b\d{4})-(?=\d{4}\b)|(?<=\bPos)-(?=el\b)|(?<=[A-Z]{2})-(?=[A-Z]{0,3}\d[A-Z0-9]{0,3}\b)"
)


def tanda_hubung_tak_terputus(docx: Any) -> None:
    """Such hyphens become Word's non-breaking hyphen (w:noBreakHyphen, printed as '-')."""
    for akar in [docx.element, *_kepala_kaki(docx)]:
        for t in [t for t in akar.iter(qn("w:t")) if t.text and TANDA_HUBUNG_UTUH.search(t.text)]:
            _pecah_di_tanda_hubung(t)


def _pecah_di_tanda_hubung(t: Any) -> None:
    """One w:t split around each such hyphen: text, w:noBreakHyphen, text, in the same run."""
    bagian = TANDA_HUBUNG_UTUH.split(t.text)
    sebelum = t
    for i, teks in enumerate(bagian):
        if i:
            sebelum.addnext(OxmlElement("w:noBreakHyphen"))
            sebelum = sebelum.getnext()
        baru = OxmlElement("w:t")
        baru.text = teks
        baru.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        sebelum.addnext(baru)
        sebelum = baru
    t.getparent().remove(t)


def atur_kertas(docx: Any, kertas: str) -> None:
    pendek, panjang = (Mm(x) for x in KERTAS_MM[kertas])
    for section in docx.sections:
        mendatar = section.orientation == WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = (panjang, pendek) if mendatar else (pendek, panjang)


def atur_huruf(docx: Any, huruf: str) -> None:
    akar = [docx.styles.element, docx.element, *_kepala_kaki(docx)]
    defaults = docx.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        _pastikan_rfonts(defaults)
    for elemen in akar:
        for rfonts in elemen.iter(qn("w:rFonts")):
            tulis_huruf(rfonts, huruf)
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


def atur_diktum(docx: Any, tata: Tata) -> None:
    """Widen the label column when a label like KEDUA PULUH SATU needs it: the Diktum style's
    tabs and indents, and by the same amount those of Menetapkan and Konsiderans, so the colons
    of Menimbang, Mengingat, Menetapkan and every diktum stay in one column."""
    if not tata.label_diktum:
        return
    lebar = Twips(
        max(lebar_teks_twip(label, UKURAN_LABEL_PT, tata.huruf) for label in tata.label_diktum) + ANTARA_LABEL_TWIP
    )
    kode = docx.styles.element.xpath(f'w:style[w:name/@w:val="{GAYA_DIKTUM}"]/@w:styleId')
    diktum = docx.element.body.xpath(f'./w:p[w:pPr/w:pStyle/@w:val="{kode[0]}"]') if kode else []  # by id: fast
    if not diktum:
        return
    tab = list(docx.styles[GAYA_DIKTUM].paragraph_format.tab_stops)
    geser = Length(lebar - tab[0].position).twips if tab else 0  # in twips
    if geser > 0:
        for nama in GAYA_KOLOM_LABEL:
            if nama in docx.styles:
                _geser(docx.styles[nama], geser)
    Paragraph(diktum[-1], docx).paragraph_format.keep_with_next = True  # the signature never stands alone on a page


def _geser(gaya: Any, geser: int) -> None:
    """Move a style's tab stops and its hanging text column geser twips to the right."""
    format_ = gaya.paragraph_format
    tab = [(t.position, t.alignment, t.leader) for t in format_.tab_stops]
    if not tab:
        return
    format_.tab_stops.clear_all()
    for posisi, rata, isian in tab:
        format_.tab_stops.add_tab_stop(Twips(posisi.twips + geser), rata, isian)
    kiri, pertama = format_.left_indent or 0, format_.first_line_indent or 0
    format_.left_indent = Length(kiri + Twips(geser))
    if pertama < 0:  # hanging: the label starts at the margin
        format_.first_line_indent = Length(pertama - Twips(geser))


def tanda_tangan_tidak_sendiri(docx: Any) -> None:
    """A signature block stays whole on one page with the end of what it signs.

    A block of paragraphs in the body ("Ditetapkan di" to the NIP) is set in the one row of a
    borderless full-width table that may not split: LibreOffice keeps such a row whole, where it
    gives up a chain of keep-with-next paragraphs near a page's foot. The paragraph before it (the
    last diktum) keeps with it (atur_diktum). A block set as
    a table of its own (every paragraph in a signature style, tte.tabel_tanda_tangan): the last paragraph of text before it (and the empty
    ones between), or else the last two rows of the table above, keep with next."""
    body = docx.element.body
    tabel_ttd = tabel_tanda_tangan(docx)  # before the blocks below are set in tables of their own
    dibungkus = []
    for kolom in kolom_tanda_tangan(docx):
        if all(p.getparent() is body for p in kolom) and kolom[-1].find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is None:
            dibungkus.append(_satu_baris_utuh(kolom))
    lebar = ruang_teks_per_tabel(body)
    for tbl in dibungkus:
        tbl.find(f"{qn('w:tblGrid')}/{qn('w:gridCol')}").set(qn("w:w"), str(lebar.get(tbl, (9000, 0))[0]))
    for tbl in tabel_ttd:
        sebelum = tbl.getprevious()
        while sebelum is not None and sebelum.tag == qn("w:p"):
            sebelum.get_or_add_pPr().keepNext_val = True
            if xml_word.teks(sebelum).strip():
                break  # the last paragraph of text goes with it: a longer chain LibreOffice gives up
            sebelum = sebelum.getprevious()
        if sebelum is not None and sebelum.tag == qn("w:tbl"):
            for baris in sebelum.findall(qn("w:tr"))[-2:]:
                for p in baris.iter(qn("w:p")):
                    p.get_or_add_pPr().keepNext_val = True


def _satu_baris_utuh(paragraf: list[Any]) -> Any:
    """Move the paragraphs into the one cell of a new borderless table whose row cannot split."""
    tbl = OxmlElement("w:tbl")
    tblpr = OxmlElement("w:tblPr")
    for tag, atribut in (
        ("w:tblW", {"w:w": "5000", "w:type": "pct"}),
        ("w:tblInd", {"w:w": "0", "w:type": "dxa"}),
        ("w:tblLayout", {"w:type": "fixed"}),
    ):
        e = OxmlElement(tag)
        for k, v in atribut.items():
            e.set(qn(k), v)
        tblpr.append(e)
    garis = OxmlElement("w:tblBorders")
    for sisi in ("top", "left", "bottom", "right", "insideH", "insideV"):
        g = OxmlElement(f"w:{sisi}")
        g.set(qn("w:val"), "nil")
        garis.append(g)
    tblpr.append(garis)
    margin = OxmlElement("w:tblCellMar")
    for sisi in ("left", "right"):
        m = OxmlElement(f"w:{sisi}")
        m.set(qn("w:w"), "0")
        m.set(qn("w:type"), "dxa")
        margin.append(m)
    tblpr.append(margin)
    judul = OxmlElement("w:tblDescription")
    judul.set(qn("w:val"), "Blok tanda tangan")
    tblpr.append(judul)
    tbl.append(tblpr)
    grid = OxmlElement("w:tblGrid")
    grid.append(OxmlElement("w:gridCol"))
    tbl.append(grid)
    tr = OxmlElement("w:tr")
    trpr = OxmlElement("w:trPr")
    trpr.append(OxmlElement("w:cantSplit"))
    tr.append(trpr)
    tc = OxmlElement("w:tc")
    tr.append(tc)
    tbl.append(tr)
    paragraf[0].addprevious(tbl)
    for p in paragraf:
        tc.append(p)
    return tbl


def bagian_sesudah_tabel_setipis_mungkin(docx: Any) -> None:
    """An empty paragraph that closes a section right after a table (the decree's signature
    block in the book) is one point high: at normal height it went to a page of its own when
    the table ended at the page's foot, a blank page before the next section."""
    for p in docx.element.body.iterchildren(qn("w:p")):
        ppr = p.find(qn("w:pPr"))
        if ppr is None or ppr.find(qn("w:sectPr")) is None or xml_word.teks(p).strip():
            continue
        sebelum = p.getprevious()
        if sebelum is None or sebelum.tag != qn("w:tbl") or p.find(f".//{qn('w:drawing')}") is not None:
            continue
        spasi = ppr.find(qn("w:spacing"))
        if spasi is None:
            spasi = OxmlElement("w:spacing")
            ppr.insert_element_before(
                spasi,
                "w:ind",
                "w:contextualSpacing",
                "w:jc",
                "w:textAlignment",
                "w:outlineLvl",
                "w:rPr",
                "w:sectPr",
                "w:pPrChange",
            )
        for nama, nilai in (("w:before", "0"), ("w:after", "0"), ("w:line", "20"), ("w:lineRule", "exact")):
            spasi.set(qn(nama), nilai)


def baris_manual_tidak_direnggangkan(docx: Any) -> None:
    """A line ended by a line break (a newline in a value) is not stretched in justified text."""
    compat = docx.settings.element.find(qn("w:compat"))
    if compat is None:
        compat = OxmlElement("w:compat")
        docx.settings.element.append(compat)
    if compat.find(qn("w:doNotExpandShiftReturn")) is None:
        compat.insert(0, OxmlElement("w:doNotExpandShiftReturn"))


NS_INTI = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
NS_DC = "http://purl.org/dc/elements/1.1/"
NS_DCTERMS = "http://purl.org/dc/terms/"
NS_XSI = "http://www.w3.org/2001/XMLSchema-instance"
AWALAN_INTI = {NS_INTI: "cp", NS_DC: "dc", NS_DCTERMS: "dcterms"}  # the prefixes docProps/core.xml uses


def atur_properti(docx: Any, tata: Tata) -> None:
    """Core properties from the decree, nothing from the clock (byte-stable output).

    Written on docProps/core.xml's element by full namespace names: python-docx's own setters look
    the "cp" prefix up in its shared prefix table, which docxcompose re-points at custom
    properties on import (core properties would land there a second time, in the wrong namespace).
    The elements, their order and their prefixes are the ones python-docx's setters would write."""
    docx.core_properties  # noqa: B018  # python-docx adds the part when the template has none
    akar = docx.part.package.part_related_by(RT.CORE_PROPERTIES).element
    for asing in [e for e in akar if isinstance(e.tag, str) and etree.QName(e).namespace not in AWALAN_INTI]:
        akar.remove(asing)  # left in a template by an earlier run, or by python-docx's default part
    waktu = dt.datetime.combine(tata.tanggal, dt.time()).strftime("%Y-%m-%dT%H:%M:%SZ")
    for ns, nama, nilai in (
        (NS_DC, "title", tata.judul[:255]),  # the format's limit for a property
        (NS_DC, "subject", tata.subjek[:255]),
        (NS_DC, "creator", tata.pengarang[:255]),
        (NS_INTI, "lastModifiedBy", tata.pengarang[:255]),
        (NS_DCTERMS, "created", waktu),
        (NS_DCTERMS, "modified", waktu),
        (NS_INTI, "lastPrinted", waktu),
        (NS_INTI, "revision", "1"),
        (NS_INTI, "keywords", "IKU"),
        (NS_DC, "description", ""),
        (NS_INTI, "category", ""),
        (NS_DC, "identifier", ""),
    ):
        unsur = akar.find(f"{{{ns}}}{nama}")
        if unsur is None:
            unsur = akar.makeelement(f"{{{ns}}}{nama}", nsmap={AWALAN_INTI[ns]: ns})
            akar.append(unsur)
        unsur.text = nilai
        if ns == NS_DCTERMS:  # a W3C date-time, xsi declared once on the root
            akar.set(f"{{{NS_XSI}}}sementara", "")
            unsur.set(f"{{{NS_XSI}}}type", "dcterms:W3CDTF")
            del akar.attrib[f"{{{NS_XSI}}}sementara"]
