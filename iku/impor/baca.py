"""A .docx body read in order: paragraphs and tables, with Word's own list numbering written out.

Only the XML is read (python-docx/lxml): nothing in the document is executed. Each paragraph
keeps its tabs (\\t) and line breaks (\\n); a table keeps its grid (spans, vertical merges), so
the lampiran's merged sasaran cells and stacked fractions can be read back.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn

from .. import bahasa
from ..xml_word import rentang, sel_berkolom

M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
TWIP_PER_MM = 1440 / 25.4


@dataclass(frozen=True)
class Paragraf:
    """One paragraph: its text, its Word numbering label (or ""), and how a fraction shows in it."""

    teks: str
    label: str = ""
    garis_bawah: bool = False  # a bottom border: the line of a stacked fraction
    pecahan: tuple[str, str, str] | None = None  # an equation's (numerator, denominator, rest)
    gambar: str | None = None  # relationship id of the first picture in it


@dataclass(frozen=True)
class Sel:
    paragraf: list[Paragraf]
    kolom: int  # first grid column the cell covers
    rentang: int = 1
    lanjut: bool = False  # continues the vertical merge of the cell above


@dataclass(frozen=True)
class Tabel:
    baris: list[list[Sel]]


@dataclass
class Isi:
    """What a document holds, in body order, with its page size and main font."""

    blok: list[Paragraf | Tabel] = field(default_factory=list)
    kertas_mm: tuple[float, float] | None = None
    huruf: str | None = None
    gambar: dict[str, tuple[bytes, str]] = field(default_factory=dict)  # rId -> (bytes, extension)
    kepala: list[Paragraf] = field(default_factory=list)  # the first page's header (a kop is often there)


def baca(dokumen: Any) -> Isi:
    """The body of a python-docx Document as blocks, numbering applied."""
    penomoran = _Penomoran(dokumen)
    isi = Isi(kertas_mm=_kertas(dokumen), huruf=_huruf_utama(dokumen), gambar=_gambar(dokumen))
    isi.blok = list(_blok(dokumen.element.body, penomoran))
    isi.kepala = _kepala_halaman(dokumen, penomoran)
    return isi


def _kepala_halaman(dokumen: Any, penomoran: _Penomoran) -> list[Paragraf]:
    """Paragraphs of the first section's first-page (or default) header, tables read row by row."""
    if not dokumen.sections:
        return []
    bagian = dokumen.sections[0]
    for kepala in (bagian.first_page_header, bagian.header):
        if kepala.is_linked_to_previous:
            continue
        hasil: list[Paragraf] = []
        for blok in _blok(kepala.part.element, penomoran):
            hasil.extend([blok] if isinstance(blok, Paragraf) else semua_paragraf(blok))
        if any(p.teks.strip() for p in hasil):
            return hasil
    return []


def _blok(wadah: Any, penomoran: _Penomoran) -> Any:
    for anak in wadah.iterchildren():
        if anak.tag == qn("w:p"):
            yield from _kotak_teks(anak, penomoran)
            yield _paragraf(anak, penomoran)
        elif anak.tag == qn("w:tbl"):
            yield _tabel(anak, penomoran)
        elif anak.tag in (qn("w:sdt"), qn("w:customXml")):
            isi = anak.find(qn("w:sdtContent"))
            yield from _blok(isi if isi is not None else anak, penomoran)


def _kotak_teks(p: Any, penomoran: _Penomoran) -> Any:
    """Paragraphs inside a text box (a kop is often typed in one), before the anchor's own text."""
    for kotak in p.iter(qn("w:txbxContent")):
        if not _di_dalam(kotak, MC_FALLBACK):
            for anak in kotak.iterchildren(qn("w:p")):
                yield _paragraf(anak, penomoran)


def _di_dalam(elemen: Any, tag: str, batas: Any = None) -> bool:
    induk = elemen.getparent()
    while induk is not None and induk is not batas:
        if induk.tag == tag:
            return True
        induk = induk.getparent()
    return False


LEWATI = {qn("w:txbxContent"), MC_FALLBACK, f"{M}oMath", qn("w:del"), qn("w:moveFrom"), qn("w:instrText")}
TAK_TERLIHAT = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))  # soft hyphen, zero widths


def teks_paragraf(p: Any) -> str:
    """Visible text of a paragraph: tabs and breaks kept, text boxes, deletions and equations left out."""
    bagian: list[str] = []
    _kumpul(p, bagian)
    return "".join(bagian).translate(TAK_TERLIHAT).replace("\u00a0", " ").replace("\x0b", "\n")


def _kumpul(elemen: Any, bagian: list[str]) -> None:
    for anak in elemen.iterchildren():
        tag = anak.tag
        if not isinstance(tag, str) or tag in LEWATI:
            continue
        if tag == qn("w:t"):
            bagian.append(_berjarak(anak.text or "") if _run_berjarak(elemen) else anak.text or "")
        elif tag == qn("w:tab") and elemen.tag == qn("w:r"):
            bagian.append("\t")
        elif tag in (qn("w:br"), qn("w:cr")):
            bagian.append("\n")
        elif tag == qn("w:noBreakHyphen"):
            bagian.append("-")
        else:
            _kumpul(anak, bagian)


JARAK_HURUF_MIN = 60  # twentieths of a point: 3 pt between letters is spacing for show, not kerning


def _run_berjarak(r: Any) -> bool:
    """A run whose letters are spaced out by character spacing ("K E P U T U S A N" as layout)."""
    spasi = r.find(f"{qn('w:rPr')}/{qn('w:spacing')}") if r.tag == qn("w:r") else None
    try:
        return spasi is not None and int(spasi.get(qn("w:val"), "0")) >= JARAK_HURUF_MIN
    except ValueError:
        return False


def _berjarak(teks: str) -> str:
    """A word spaced by layout read as it shows: its letters apart ("K E P U T U S A N")."""
    return " ".join(teks) if teks.isalpha() and teks.isupper() and len(teks) > 1 else teks


def _paragraf(p: Any, penomoran: _Penomoran) -> Paragraf:
    teks = teks_paragraf(p)
    pecahan = _pecahan(p)
    if pecahan is None:
        teks += _teks_rumus(p, qn("w:txbxContent"), di_dalam=False)
    ppr = p.find(qn("w:pPr"))
    garis = (ppr is not None and ppr.find(f"{qn('w:pBdr')}/{qn('w:bottom')}") is not None) or _bergaris_bawah(p)
    blip = next(p.iter(qn("a:blip")), None)
    gambar = blip.get(qn("r:embed")) if blip is not None else None
    return Paragraf(teks, penomoran.label(p), bool(garis), pecahan, gambar)


def _bergaris_bawah(p: Any) -> bool:
    """Every run with text underlined: a numerator typed over its line."""
    runs = [r for r in p.iter(qn("w:r")) if _teks_run(r).strip()]
    return bool(runs) and all(_garis_run(r) for r in runs)


def _teks_run(r: Any) -> str:
    """A run's own text: its w:t children (a text box anchored in it holds paragraphs of its own)."""
    return "".join(t.text or "" for t in r.iterchildren(qn("w:t")))


def _garis_run(r: Any) -> bool:
    u = r.find(f"{qn('w:rPr')}/{qn('w:u')}")
    return u is not None and u.get(qn("w:val"), "single") != "none"


def _pecahan(p: Any) -> tuple[str, str, str] | None:
    """An equation's fraction: numerator, denominator, and the equation's other text (x 100%)."""
    for rumus in p.iter(f"{M}oMath"):
        f = rumus.find(f".//{M}f")
        if f is None:
            continue
        return _teks_rumus(f, f"{M}num"), _teks_rumus(f, f"{M}den"), _teks_rumus(rumus, f"{M}f", di_dalam=False)
    return None


def _teks_rumus(akar: Any, tag: str, di_dalam: bool = True) -> str:
    """The equation text (m:t) under akar that stands inside (or, di_dalam=False, outside) a tag element."""
    return "".join(t.text or "" for t in akar.iter(f"{M}t") if _di_dalam(t, tag, akar) == di_dalam)


def _tabel(tbl: Any, penomoran: _Penomoran) -> Tabel:
    return Tabel(
        [
            [Sel(list(_paragraf_sel(tc, penomoran)), kolom, rentang(tc), _lanjut(tc)) for kolom, tc in sel_berkolom(tr)]
            for tr in tbl.iterchildren(qn("w:tr"))
        ]
    )


def _lanjut(tc: Any) -> bool:
    """Whether the cell continues the vertical merge of the cell above (w:vMerge without restart)."""
    gabung = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
    return gabung is not None and gabung.get(qn("w:val"), "continue") == "continue"


def _paragraf_sel(tc: Any, penomoran: _Penomoran) -> Any:
    for blok in _blok(tc, penomoran):
        if isinstance(blok, Tabel):  # a table inside a cell: read its text in order
            for baris in blok.baris:
                for sel in baris:
                    yield from sel.paragraf
        else:
            yield blok


def semua_paragraf(tabel: Tabel) -> list[Paragraf]:
    return [p for baris in tabel.baris for sel in baris for p in sel.paragraf]


# ---------------------------------------------------------------- Word list numbering


class _Penomoran:
    """Labels of Word's automatic numbering (numbering.xml), counted in body order."""

    def __init__(self, dokumen: Any) -> None:
        self.level: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.hitung: dict[str, list[int]] = {}
        self.gaya = _numpr_gaya(dokumen)
        try:
            akar = dokumen.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstrak = {a.get(qn("w:abstractNumId")): _level(a) for a in akar.iterchildren(qn("w:abstractNum"))}
        for num in akar.iterchildren(qn("w:num")):
            acuan = num.find(qn("w:abstractNumId"))
            if acuan is not None:
                self.level[num.get(qn("w:numId"))] = abstrak.get(acuan.get(qn("w:val")), {})

    def label(self, p: Any) -> str:
        num_id, ilvl = self._numpr(p)
        level = self.level.get(num_id or "")
        if not level or ilvl not in level:
            return ""
        hitung = self.hitung.setdefault(num_id or "", [0] * 10)
        hitung[ilvl] = (hitung[ilvl] or level[ilvl][2] - 1) + 1
        for lebih in range(ilvl + 1, 10):
            hitung[lebih] = 0
        return _tulis_label(level, hitung, ilvl)

    def _numpr(self, p: Any) -> tuple[str | None, int]:
        numpr = p.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if numpr is None:
            gaya = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            numpr = self.gaya.get(gaya.get(qn("w:val")) if gaya is not None else "")
        if numpr is None:
            return None, 0
        num_id, ilvl = numpr.find(qn("w:numId")), numpr.find(qn("w:ilvl"))
        return (
            num_id.get(qn("w:val")) if num_id is not None else None,
            int(ilvl.get(qn("w:val"), "0")) if ilvl is not None else 0,
        )


def _level(abstrak: Any) -> dict[int, tuple[str, str, int]]:
    """Level -> (number format, label text such as "%1.", first number)."""
    hasil = {}
    for lvl in abstrak.iterchildren(qn("w:lvl")):
        hasil[int(lvl.get(qn("w:ilvl"), "0"))] = (
            _val(lvl, "w:numFmt", "decimal"),
            _val(lvl, "w:lvlText", ""),
            int(_val(lvl, "w:start", "1")),
        )
    return hasil


def _val(lvl: Any, tag: str, bawaan: str) -> str:
    e = lvl.find(qn(tag))
    return e.get(qn("w:val"), bawaan) if e is not None else bawaan


def _tulis_label(level: dict[int, tuple[str, str, int]], hitung: list[int], ilvl: int) -> str:
    format_, teks, _ = level[ilvl]
    if format_ == "bullet":
        return "\u2022"
    if format_ == "none":
        return ""
    for i in range(ilvl + 1):
        teks = teks.replace(f"%{i + 1}", _angka_label(level.get(i, ("decimal", "", 1))[0], hitung[i] or 1))
    return teks


def _angka_label(format_: str, n: int) -> str:
    if format_ in ("lowerLetter", "upperLetter"):
        huruf = bahasa.huruf_urut(n)
        return huruf.upper() if format_ == "upperLetter" else huruf
    if format_ in ("lowerRoman", "upperRoman"):
        romawi = bahasa.romawi(n)
        return romawi.lower() if format_ == "lowerRoman" else romawi
    return str(n)


def _numpr_gaya(dokumen: Any) -> dict[str, Any]:
    hasil = {}
    for gaya in dokumen.styles.element.iterchildren(qn("w:style")):
        numpr = gaya.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if numpr is not None:
            hasil[gaya.get(qn("w:styleId"))] = numpr
    return hasil


# ---------------------------------------------------------------- page and font


def _kertas(dokumen: Any) -> tuple[float, float] | None:
    """Width and height (mm) of the first section: the decree's own page."""
    body = dokumen.element.body
    sect = next(iter(body.iter(qn("w:sectPr"))), None)
    ukuran = sect.find(qn("w:pgSz")) if sect is not None else None
    if ukuran is None or ukuran.get(qn("w:w")) is None or ukuran.get(qn("w:h")) is None:
        return None
    return int(ukuran.get(qn("w:w"))) / TWIP_PER_MM, int(ukuran.get(qn("w:h"))) / TWIP_PER_MM


def _huruf_utama(dokumen: Any) -> str | None:
    """The font most of the body's text is set in (run, then paragraph style, then document default)."""
    gaya = _huruf_gaya(dokumen)
    bawaan = _ascii(dokumen.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}"))
    jumlah: Counter[str] = Counter()
    for p in dokumen.element.body.iter(qn("w:p")):
        pstyle = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        huruf_p = gaya.get(pstyle.get(qn("w:val")) if pstyle is not None else "Normal") or gaya.get("Normal") or bawaan
        for r in p.iter(qn("w:r")):
            teks = _teks_run(r)
            huruf = _ascii(r.find(qn("w:rPr"))) or huruf_p
            if teks.strip() and huruf:
                jumlah[huruf] += len(teks)
    return jumlah.most_common(1)[0][0] if jumlah else bawaan


def _huruf_gaya(dokumen: Any) -> dict[str, str | None]:
    semua = {g.get(qn("w:styleId")): g for g in dokumen.styles.element.iterchildren(qn("w:style"))}

    def huruf(kode: str, kedalaman: int = 0) -> str | None:
        g = semua.get(kode)
        if g is None or kedalaman > 10:
            return None
        sendiri = _ascii(g.find(qn("w:rPr")))
        dasar = g.find(qn("w:basedOn"))
        return sendiri or (huruf(dasar.get(qn("w:val")), kedalaman + 1) if dasar is not None else None)

    return {kode: huruf(kode) for kode in semua}


def _ascii(rpr: Any) -> str | None:
    rfonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
    return rfonts.get(qn("w:ascii")) if rfonts is not None else None


def _gambar(dokumen: Any) -> dict[str, tuple[bytes, str]]:
    """Embedded pictures by relationship id, as (bytes, file extension)."""
    hasil = {}
    for rid, rel in dokumen.part.rels.items():
        if not rel.is_external and rel.reltype.endswith("/image"):
            hasil[rid] = (rel.target_part.blob, rel.target_part.partname.ext)
    return hasil
