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
from collections import Counter
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
    atur_lebar_tabel(docx, config.format.huruf)
    urutkan_sel(docx)
    atur_diktum(docx, config)
    baris_manual_tidak_direnggangkan(docx)
    atur_properti(docx, config)


def atur_kertas(docx: Any, kertas: str) -> None:
    pendek, panjang = (Mm(x) for x in KERTAS_MM[kertas])
    for section in docx.sections:
        mendatar = section.orientation == WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = (panjang, pendek) if mendatar else (pendek, panjang)


def atur_lebar_tabel(docx: Any, huruf: str = "Bookman Old Style") -> None:
    """Column loops ({%tc for %}) leave docxtpl's evened-out grid: take each column's width from
    the cells themselves (the last row with one cell per column), scaled to the text width of
    the table's section (or to the old total for a nested table), then widened where the text
    needs it (lebar_menurut_isi): a number never breaks inside, a word only when nothing else fits."""
    lebar_bagian = _lebar_teks_per_tabel(docx.element.body)
    gaya_huruf = _ukuran_gaya(docx)
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
        if lebar_bagian.get(tbl):
            baru = lebar_menurut_isi(tbl, baru, total, gaya_huruf, huruf)
        for k, w in zip(kolom, baru):
            k.set(qn("w:w"), str(w))
        for sel_baris in baris:
            _atur_lebar_sel(sel_baris, baru)


# Advance widths in em of the three fonts a config can choose, regular and bold (measured on
# Liberation Sans/Serif and URW Bookman, metric twins of Arial, Times and Bookman): digit,
# . , : ;  - ( ) / space  capital (average)  small letter (average)  anything else.
LEBAR_EM = {
    "Arial": ((0.556, 0.278, 0.333, 0.68, 0.50, 0.70), (0.556, 0.278, 0.333, 0.69, 0.54, 0.75)),
    "Times New Roman": ((0.500, 0.250, 0.333, 0.67, 0.46, 0.70), (0.500, 0.250, 0.333, 0.71, 0.49, 0.75)),
    "Bookman Old Style": ((0.620, 0.320, 0.400, 0.73, 0.55, 0.75), (0.660, 0.340, 0.400, 0.74, 0.59, 0.80)),
}
ANGKA = re.compile(r"^[-+]?\d[\d.,]*%?$")
TWIP_PER_PT = 20
UKURAN_TERKECIL = 12  # half-points: a table's font shrinks to 6 pt at most to fit its numbers
SELA_TWIP = 20  # slack against rounding in the renderer
MARGIN_SEMPIT_TWIP = 20  # left and right cell margin when a crowded table needs the room


def lebar_teks_twip(teks: str, ukuran_pt: float, huruf: str, tebal: bool = False) -> int:
    """Estimated printed width of a text at ukuran_pt in twips: per-character advances (exact
    for digits and separators, averages for letters) plus 4 %."""
    angka, titik, garis, kapital, kecil, lain = LEBAR_EM.get(huruf, LEBAR_EM["Bookman Old Style"])[tebal]
    em = 0.0
    for c in teks:
        em += (angka if c.isdigit() else titik if c in ".,:;'" else garis if c in "-()/ " else
               kapital if c.isupper() else kecil if c.islower() else lain)
    return round(em * ukuran_pt * TWIP_PER_PT * 1.04)


def _ukuran_gaya(docx: Any) -> dict[str | None, tuple[int, bool]]:
    """Paragraph style id -> (font size in half-points, bold), following basedOn; None: the default."""
    styles = docx.styles.element
    awal = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    bawaan = (int(awal.find(qn("w:sz")).get(qn("w:val"))) if awal is not None and awal.find(qn("w:sz")) is not None
              else 20, False)
    gaya = {e.get(qn("w:styleId")): e for e in styles.findall(qn("w:style"))}

    def cari(kode: str | None, kedalaman: int = 0) -> tuple[int, bool]:
        e = gaya.get(kode)
        if e is None or kedalaman > 20:
            return bawaan
        dasar = e.find(qn("w:basedOn"))
        ukuran, tebal = cari(dasar.get(qn("w:val")) if dasar is not None else None, kedalaman + 1)
        rpr = e.find(qn("w:rPr"))
        if rpr is not None:
            sz, b = rpr.find(qn("w:sz")), rpr.find(qn("w:b"))
            ukuran = int(sz.get(qn("w:val"))) if sz is not None else ukuran
            tebal = (b.get(qn("w:val"), "true") not in ("0", "false")) if b is not None else tebal
        return ukuran, tebal

    return {kode: cari(kode) for kode in [*gaya, None]}


def _huruf_paragraf(p: Any, gaya_huruf: dict) -> tuple[int, bool]:
    gaya = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    ukuran, tebal = gaya_huruf.get(gaya.get(qn("w:val")) if gaya is not None else None, gaya_huruf[None])
    rpr = p.find(f"{qn('w:r')}/{qn('w:rPr')}")
    if rpr is not None:
        sz, b = rpr.find(qn("w:sz")), rpr.find(qn("w:b"))
        ukuran = int(sz.get(qn("w:val"))) if sz is not None else ukuran
        tebal = (b.get(qn("w:val"), "true") not in ("0", "false")) if b is not None else tebal
    return ukuran, tebal


def _margin_sel_twip(tbl: Any) -> int:
    """Left plus right cell margin of the table (Word's 0.19 cm each when the table sets none)."""
    mar = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}")
    jumlah = 0
    for sisi in ("left", "right"):
        e = mar.find(qn(f"w:{sisi}")) if mar is not None else None
        jumlah += int(e.get(qn("w:w"))) if e is not None else 108
    return jumlah


def kebutuhan_kolom(tbl: Any, gaya_huruf: dict, huruf: str) -> tuple[list[int], list[int], list[bool]]:
    """Per grid column, in twips of text at the table's current font sizes: the widest number
    (never to break), the widest word or number (breaks only when nothing else fits), and whether
    the column holds only numbers below its header rows."""
    n = len(tbl.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}"))
    angka, kata, hanya_angka = [0] * n, [0] * n, [True] * n
    isi = [False] * n
    for tr in tbl.findall(qn("w:tr")):
        kepala = tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
        posisi = 0
        for tc in tr.findall(qn("w:tc")):
            rentang = _rentang(tc)
            if rentang == 1 and posisi < n:
                for p in tc.iter(qn("w:p")):
                    teks = "".join(t.text or "" for t in p.iter(qn("w:t")))
                    ukuran, tebal = _huruf_paragraf(p, gaya_huruf)
                    for token in teks.split():
                        lebar = lebar_teks_twip(token, ukuran / 2, huruf, tebal)
                        kata[posisi] = max(kata[posisi], lebar)
                        if ANGKA.match(token):
                            angka[posisi] = max(angka[posisi], lebar)
                        elif not kepala and token != "-":
                            hanya_angka[posisi] = False
                        isi[posisi] = isi[posisi] or not kepala
            posisi += rentang
    return angka, kata, [h and ada for h, ada in zip(hanya_angka, isi)]


def lebar_menurut_isi(tbl: Any, lebar: list[int], total: int, gaya_huruf: dict, huruf: str) -> list[int]:
    """Column widths summing to total: number columns exactly as wide as their widest entry,
    the text columns sharing the rest in the template's proportions but each at least as wide
    as its longest word. When that does not fit, the table's font shrinks (down to 6 pt), then
    its cell margins narrow and, failing that, words may break; numbers still not."""
    angka, kata, hanya_angka = kebutuhan_kolom(tbl, gaya_huruf, huruf)
    if not any(angka):
        return lebar
    ukuran_teks = [_huruf_paragraf(p, gaya_huruf)[0] for p in tbl.iter(qn("w:p"))
                   if any((t.text or "").strip() for t in p.iter(qn("w:t")))]
    ukuran_asal = Counter(ukuran_teks).most_common(1)[0][0] if ukuran_teks else 20  # the table's font
    margin = _margin_sel_twip(tbl)
    # Try the table's font, then smaller ones down to 6 pt, then 6 pt with narrow cell margins.
    coba = [(u, margin) for u in range(ukuran_asal, min(UKURAN_TERKECIL, ukuran_asal) - 1, -1)]
    coba.append((coba[-1][0], min(margin, 2 * MARGIN_SEMPIT_TWIP)))
    for ukuran, margin in coba:
        skala, tepi = ukuran / ukuran_asal, margin + SELA_TWIP
        perlu_kata = [round(k * skala) + tepi for k in kata]
        if sum(perlu_kata) <= total:
            break
    if ukuran != ukuran_asal:
        _kecilkan_huruf(tbl, gaya_huruf, skala)
    if margin != _margin_sel_twip(tbl):
        _atur_margin_sel(tbl, margin // 2)
    perlu_angka = [round(a * skala) + tepi for a in angka]
    if sum(perlu_angka) > total:  # not even the numbers fit: nothing to be done but share
        return [round(total * a / sum(perlu_angka)) for a in perlu_angka]
    n = range(len(lebar))
    teks = [i for i in n if not hanya_angka[i]]
    baru = [perlu_kata[i] if hanya_angka[i] else 0 for i in n]
    if sum(baru) + sum(perlu_angka[i] for i in teks) > total:  # header words of number columns may break
        baru = [perlu_angka[i] if hanya_angka[i] else 0 for i in n]
    sisa = total - sum(baru)
    if sum(perlu_kata[i] for i in teks) > sisa:  # words must break: every text column short by the same ratio
        rasio = sisa / sum(perlu_kata[i] for i in teks)
        for i in teks:
            baru[i] = max(perlu_angka[i], int(perlu_kata[i] * rasio))
        teks = []
    while teks:  # share what is left in the template's proportions, each at least its longest word
        sisa = total - sum(baru)
        bobot = sum(lebar[i] for i in teks) or len(teks)
        bagian = {i: sisa * (lebar[i] or 1) / bobot for i in teks}
        kurang = [i for i in teks if bagian[i] < perlu_kata[i]]
        if not kurang:
            for i in teks:
                baru[i] = int(bagian[i])
            break
        for i in kurang:
            baru[i] = perlu_kata[i]
        teks = [i for i in teks if i not in kurang]
    lentur = [i for i in n if not hanya_angka[i]] or list(n)  # rounding goes to the widest text column
    baru[max(lentur, key=lambda i: baru[i])] += total - sum(baru)
    return baru


def _atur_margin_sel(tbl: Any, twip: int) -> None:
    """Left and right cell margin of the whole table (tblCellMar; cells keep no margins of their own)."""
    from docx.oxml import OxmlElement

    tblpr = tbl.find(qn("w:tblPr"))
    mar = tblpr.find(qn("w:tblCellMar"))
    if mar is None:
        mar = OxmlElement("w:tblCellMar")
        sesudah = next((e for e in tblpr if e.tag in (qn("w:tblLook"), qn("w:tblCaption"), qn("w:tblDescription"))),
                       None)
        (sesudah.addprevious(mar) if sesudah is not None else tblpr.append(mar))
    for sisi in ("left", "right"):
        e = mar.find(qn(f"w:{sisi}"))
        if e is None:
            e = OxmlElement(f"w:{sisi}")
            mar.append(e)
        e.set(qn("w:w"), str(twip))
        e.set(qn("w:type"), "dxa")


# Run properties that the schema puts after w:sz/w:szCs.
SESUDAH_SZ = {"highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang",
              "eastAsianLayout", "specVanish", "oMath"}


def _kecilkan_huruf(tbl: Any, gaya_huruf: dict, skala: float) -> None:
    """Every run of the table at skala times its paragraph's font size (whole half-points)."""
    from docx.oxml import OxmlElement

    for p in tbl.iter(qn("w:p")):
        ukuran = max(UKURAN_TERKECIL, round(_huruf_paragraf(p, gaya_huruf)[0] * skala))
        for r in p.findall(qn("w:r")):
            rpr = r.find(qn("w:rPr"))
            if rpr is None:
                rpr = OxmlElement("w:rPr")
                r.insert(0, rpr)
            for nama in ("w:sz", "w:szCs"):
                lama = rpr.find(qn(nama))
                if lama is not None:
                    rpr.remove(lama)
            sesudah = next((e for e in rpr if e.tag.split("}")[1] in SESUDAH_SZ), None)
            for nama in ("w:sz", "w:szCs"):
                e = OxmlElement(nama)
                e.set(qn("w:val"), str(ukuran))
                (sesudah.addprevious(e) if sesudah is not None else rpr.append(e))


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
