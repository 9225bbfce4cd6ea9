"""The Lampiran's columns chosen per region ([lampiran] kolom) and its tujuan heading rows.

The template prints today's columns in the table it titles "Indikator Kinerja Utama" (its
declaration, JUDUL_TABEL); a config that chooses others gets the filled table's columns moved
into its order here, before the widths are measured (tabel.atur_lebar_tabel):
the header grouping PENJELASAN is kept only over adjacent explanation columns, and columns the
template lacks (penanggung jawab, the year's target) are made from a cell of the same kind.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from docx.oxml import OxmlElement

from . import xml_word
from .tabel import gaya_angka
from .xml_word import qn, sel_berkolom

# the template's columns, in order, and the width (twips) each starts from before measuring
KOLOM_TEMPLAT = ("no", "sasaran", "indikator", "satuan", "alasan", "formulasi", "sumber_data", "keterangan")
PENJELASAN = ("alasan", "formulasi", "sumber_data")
ATAS = {"no": 0, "sasaran": 1, "indikator": 2, "satuan": 3, "keterangan": 7}  # grid column in the first header row
LEBAR_AWAL = {
    "no": 544,
    "sasaran": 1694,
    "indikator": 1843,
    "satuan": 1165,
    "alasan": 2405,
    "formulasi": 2723,
    "sumber_data": 1650,
    "penanggung_jawab": 1650,
    "target": 1165,
    "keterangan": 1979,
}
JUDUL_TABEL = "Indikator Kinerja Utama"  # the title (w:tblCaption) that marks the Lampiran's IKU table
KEPALA_BARU = {"penanggung_jawab": "PENANGGUNG JAWAB"}  # target: "TARGET <tahun>"
CONTOH_SEL = {"penanggung_jawab": "sumber_data", "target": "satuan"}  # a new column's cells look like these
KOLOM_ANGKA = {"target"}  # new columns of numbers: their values are declared numbers (tabel.GAYA_ANGKA)


@dataclass(frozen=True)
class SusunanLampiran:
    """What the renderer needs: the columns in order, the new columns' values per IKU row, and the
    tujuan heading (or None) before each row."""

    kolom: tuple[str, ...]
    judul_target: str
    isi: tuple[tuple[tuple[str, str], ...], ...] = ()  # per row: (column, value) of the new columns
    tujuan: tuple[str | None, ...] = ()


def tabel_lampiran(docx: Any) -> list[Any]:
    """The Lampiran's IKU tables of a document (the book holds one too), as the template declares
    them: by the table's title (Word: Table Properties, Alt Text, Title), not by its header text."""
    return [
        tbl
        for tbl in docx.element.body.iter(qn("w:tbl"))
        if (judul := tbl.find(f"{qn('w:tblPr')}/{qn('w:tblCaption')}")) is not None
        and judul.get(qn("w:val"), "").strip().lower() == JUDUL_TABEL.lower()
    ]


def susun(docx: Any, susunan: SusunanLampiran) -> None:
    """Every Lampiran IKU table of the document in the chosen columns."""
    angka = min(gaya_angka(docx.styles.element), default=None)
    for tbl in tabel_lampiran(docx):
        baris = tbl.findall(qn("w:tr"))
        if len(baris) >= 2:
            _susun_tabel(tbl, baris, susunan, angka)


def _susun_tabel(tbl: Any, baris: list[Any], s: SusunanLampiran, angka: str | None) -> None:
    kepala, badan = baris[:2], [tr for tr in baris[2:] if len(tr.findall(qn("w:tc"))) == len(KOLOM_TEMPLAT)]
    penutup = [tr for tr in baris[2:] if tr not in badan]
    _kepala(kepala, s)
    for i, tr in enumerate(badan):
        sel = dict(sel_berkolom(tr))
        nilai = dict(s.isi[i]) if i < len(s.isi) else {}
        baru = [_sel_kolom(sel, k, nilai.get(k, ""), angka) for k in s.kolom]
        _ganti_sel(tr, baru)
        tujuan = s.tujuan[i] if i < len(s.tujuan) else None
        if tujuan:
            tr.addprevious(_baris_tujuan(tr, tujuan, s.kolom))
    for tr in penutup:  # the signature row spans the whole table
        for span in tr.iter(qn("w:gridSpan")):
            span.set(qn("w:val"), str(len(s.kolom)))
    grid = tbl.find(qn("w:tblGrid"))
    for g in list(grid):
        grid.remove(g)
    total = sum(LEBAR_AWAL[k] for k in s.kolom)
    for _k in s.kolom:  # evened out: the cells' widths differ, so the widths are measured from content
        g = OxmlElement("w:gridCol")
        g.set(qn("w:w"), str(total // len(s.kolom)))
        grid.append(g)


def _sel_kolom(sel: dict[int, Any], kolom: str, nilai: str, angka: str | None) -> Any:
    if kolom in KOLOM_TEMPLAT:
        tc = sel[KOLOM_TEMPLAT.index(kolom)]
    else:
        tc = copy.deepcopy(sel[KOLOM_TEMPLAT.index(CONTOH_SEL[kolom])])
        _isi_teks(tc, nilai, angka if kolom in KOLOM_ANGKA else None)
    _lebar(tc, LEBAR_AWAL[kolom])
    return tc


def _kepala(kepala: list[Any], s: SusunanLampiran) -> None:
    atas, bawah = dict(sel_berkolom(kepala[0])), dict(sel_berkolom(kepala[1]))
    jelas = [i for i, k in enumerate(s.kolom) if k in PENJELASAN]
    berkelompok = len(jelas) >= 2 and jelas == list(range(jelas[0], jelas[0] + len(jelas)))
    sel_atas, sel_bawah = [], []
    for i, k in enumerate(s.kolom):
        if k in PENJELASAN and berkelompok:
            if i == jelas[0]:
                grup = copy.deepcopy(atas[4])
                grup.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}").set(qn("w:val"), str(len(jelas)))
                _lebar(grup, sum(LEBAR_AWAL[s.kolom[j]] for j in jelas))
                sel_atas.append(grup)
            sel_bawah.append(bawah[KOLOM_TEMPLAT.index(k)])
            _lebar(sel_bawah[-1], LEBAR_AWAL[k])
            continue
        if k in KOLOM_TEMPLAT and k not in PENJELASAN:
            a, b = atas[ATAS[k]], bawah[KOLOM_TEMPLAT.index(k)]
        else:  # a column of its own over both header rows, like SATUAN
            a, b = copy.deepcopy(atas[3]), copy.deepcopy(bawah[3])
            judul = (
                s.judul_target
                if k == "target"
                else KEPALA_BARU.get(k) or xml_word.teks(bawah[KOLOM_TEMPLAT.index(k)]).strip()
            )
            _isi_teks(a, judul)
        sel_atas.append(_lebar(a, LEBAR_AWAL[k]))
        sel_bawah.append(_lebar(b, LEBAR_AWAL[k]))
    _ganti_sel(kepala[0], sel_atas)
    _ganti_sel(kepala[1], sel_bawah)


def _ganti_sel(tr: Any, sel: list[Any]) -> None:
    for tc in tr.findall(qn("w:tc")):
        tr.remove(tc)
    for tc in sel:
        tr.append(tc)


def _lebar(tc: Any, twip: int) -> Any:
    w = tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
    if w is not None:
        w.set(qn("w:w"), str(twip))
        w.set(qn("w:type"), "dxa")
    return tc


def _isi_teks(tc: Any, teks: str, gaya: str | None = None) -> None:
    """The cell's first paragraph with its first run holding teks; nothing else left in the cell.
    gaya: the run's character style (a declared number), else the run keeps its own."""
    paragraf = tc.findall(qn("w:p"))
    for lain in [e for e in tc if e.tag in (qn("w:p"), qn("w:tbl"))][1:]:
        tc.remove(lain)
    p = paragraf[0]
    run = p.findall(qn("w:r"))
    for r in run[1:]:
        p.remove(r)
    if not run:
        r = OxmlElement("w:r")
        p.append(r)
    else:
        r = run[0]
        for anak in [e for e in r if e.tag != qn("w:rPr")]:
            r.remove(anak)
    if gaya is not None:
        rpr = r.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            r.insert(0, rpr)
        for lama in rpr.findall(qn("w:rStyle")):
            rpr.remove(lama)
        kode = OxmlElement("w:rStyle")
        kode.set(qn("w:val"), gaya)
        rpr.insert(0, kode)
    t = OxmlElement("w:t")
    t.text = teks
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    r.append(t)


def _baris_tujuan(contoh: Any, tujuan: str, kolom: tuple[str, ...]) -> Any:
    """A full-width row naming the tujuan, before its sasaran groups (made from a text cell of the row)."""
    tr = copy.deepcopy(contoh)
    sel = tr.findall(qn("w:tc"))
    teks = next((kolom.index(k) for k in ("indikator", "sasaran", "alasan") if k in kolom), 0)
    tc = sel[teks]
    for lain in sel:
        if lain is not tc:
            tr.remove(lain)
    tcpr = tc.find(qn("w:tcPr"))
    for tag in ("w:vMerge", "w:gridSpan"):
        for e in tcpr.findall(qn(tag)):
            tcpr.remove(e)
    span = OxmlElement("w:gridSpan")
    span.set(qn("w:val"), str(len(kolom)))
    tcpr.find(qn("w:tcW")).addnext(span)
    _isi_teks(tc, f"Tujuan: {tujuan}")
    for p in tr.iter(qn("w:p")):  # never alone at the foot of a page: kept with its first sasaran row
        p.get_or_add_pPr().keepNext_val = True
    r = tc.find(f"{qn('w:p')}/{qn('w:r')}")
    rpr = r.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        r.insert(0, rpr)
    if rpr.find(qn("w:b")) is None:
        rpr.insert(sum(1 for e in rpr if e.tag in (qn("w:rStyle"), qn("w:rFonts"))), OxmlElement("w:b"))
    return tr
