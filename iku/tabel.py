"""Table widths from their content: font metrics, column widths, cell property order.

Column loops ({%tc for %}) leave docxtpl's evened-out grid; these functions give each column
the width its text needs so numbers never break and words break only when nothing else fits.

What a column holds is declared, never guessed from the printed text: a number is a run in the
character style "Angka" (or a style based on it) that the template gives each number field, so
an agency's Word-edited template keeps its number columns; a stacked fraction is a table nested
in a cell; a data table (whose columns may trade width) has header rows (w:tblHeader).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from copy import deepcopy
from typing import Any

from docx.oxml import OxmlElement

from . import xml_word
from .huruf import jumlah_baris, lebar_teks_twip, tinggi_satu_baris_twip
from .xml_word import baris_teks, qn, rentang, sel_berkolom


def atur_lebar_tabel(docx: Any, huruf: str = "Bookman Old Style") -> None:
    """Column loops ({%tc for %}) leave docxtpl's evened-out grid: take each column's width from
    the cells themselves (the last row with one cell per column), scaled to the text width of
    the table's section (or to the old total for a nested table), then widened where the text
    needs it (lebar_menurut_isi): a number never breaks inside, a word only when nothing else fits."""
    lebar_bagian = _lebar_teks_per_tabel(docx.element.body)
    gaya_huruf = _ukuran_gaya(docx)
    for tbl, total in list(lebar_bagian.items()):
        bagian_kedua = pisah_bila_tak_muat(tbl, total, gaya_huruf, huruf)
        if bagian_kedua is not None:
            lebar_bagian[bagian_kedua] = total
    for tbl in docx.element.body.iter(qn("w:tbl")):
        kolom = tbl.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")
        baris = [tr.findall(qn("w:tc")) for tr in tbl.findall(qn("w:tr"))]
        penuh = [sel for sel in baris if len(sel) == len(kolom) and all(rentang(s) == 1 for s in sel)]
        lebar: list[int | None] = [_lebar_sel(s) for s in penuh[-1]] if penuh else [None]
        grid = [int(k.get(qn("w:w"), "0")) for k in kolom]
        if lebar == grid and lebar_bagian.get(tbl):  # widths fixed by the template
            lebar = list(kata_utuh(tbl, grid, gaya_huruf, huruf))
            if lebar == grid and tabel_data(tbl):
                lebar = list(beri_ruang(tbl, grid, gaya_huruf, huruf))
            if lebar == grid:
                continue
        pasti = [w for w in lebar if w is not None]
        if len(pasti) != len(lebar) or pasti == grid or not sum(pasti):
            continue
        total = lebar_bagian.get(tbl) or sum(grid)
        baru = [round(w * total / sum(pasti)) for w in pasti]
        if lebar_bagian.get(tbl):
            baru = lebar_menurut_isi(tbl, baru, total, gaya_huruf, huruf)
            if tabel_data(tbl):
                baru = beri_ruang(tbl, baru, gaya_huruf, huruf)
        for k, w in zip(kolom, baru):
            k.set(qn("w:w"), str(w))
        for tr in tbl.findall(qn("w:tr")):
            _atur_lebar_sel(tr, baru)
    for tbl in docx.element.body.iter(qn("w:tbl")):
        if tbl.getparent().tag == qn("w:tc"):
            _isi_sel_induk(tbl, gaya_huruf, huruf)
            pecahan_satu_kesatuan(tbl, gaya_huruf, huruf)


def pisah_bila_tak_muat(tbl: Any, total: int, gaya_huruf: GayaHuruf, huruf: str) -> Any:
    """A table of number columns (Tabel 2.2.1 with ten years) whose words cannot all fit even at
    6 pt is split in two rather than printed with broken words: the first keeps every column but
    the numbers, the second (after a copy of the caption, marked "(lanjutan)") the three columns
    before the numbers, which name the row, and the numbers. Header rows repeat in both; the
    numbering row keeps each column's number. Returns the second table, or None."""
    angka, kata, hanya_angka = kebutuhan_kolom(tbl, gaya_huruf, huruf)
    n = len(kata)
    if not any(hanya_angka) or not any(angka):
        return None
    ukuran = [_huruf_paragraf(p, gaya_huruf)[0] for p in tbl.iter(qn("w:p")) if xml_word.teks(p).strip()]
    skala = UKURAN_TERKECIL / max(Counter(ukuran).most_common(1)[0][0] if ukuran else 20, UKURAN_TERKECIL)
    if sum(round(k * skala) + 2 * MARGIN_SEMPIT_TWIP + SELA_TWIP for k in kata) <= total:
        return None
    nomor = [i for i in range(n) if hanya_angka[i]]
    awal = min(nomor)
    nama = [i for i in range(max(awal - 3, 0), awal) if not hanya_angka[i]]
    if not nama or nomor != list(range(awal, max(nomor) + 1)):
        return None
    kedua = deepcopy(tbl)
    _buang_kolom(tbl, set(nomor))
    _buang_kolom(kedua, set(range(n)) - set(nama) - set(nomor))
    judul = _salin_judul(tbl)
    tbl.addnext(kedua)
    for p in judul:
        kedua.addprevious(p)
    return kedua


def judul_tabel(tbl: Any, lewati_kosong: bool = False) -> list[Any]:
    """The caption right above a table: its paragraphs of text back to the first empty one (or
    one that ends a section), in document order; lewati_kosong passes over empty paragraphs
    between the caption and the table first."""
    p = tbl.getprevious()
    while lewati_kosong and p is not None and p.tag == qn("w:p") and not xml_word.teks(p).strip():
        p = p.getprevious()
    judul: list[Any] = []
    while (
        p is not None
        and p.tag == qn("w:p")
        and xml_word.teks(p).strip()
        and p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is None
    ):
        judul.insert(0, p)
        p = p.getprevious()
    return judul


def _salin_judul(tbl: Any) -> list[Any]:
    """Copies of the caption paragraphs right before the table, the first marked "(lanjutan)"."""
    judul = [deepcopy(p) for p in judul_tabel(tbl)]
    for p in judul:  # a bookmark must not exist twice
        for tanda in list(p.iter(qn("w:bookmarkStart"), qn("w:bookmarkEnd"))):
            tanda.getparent().remove(tanda)
    if judul:
        t = list(judul[0].iter(qn("w:t")))[-1]
        t.text = (t.text or "") + " (lanjutan)"
    return judul


def _buang_kolom(tbl: Any, buang: set[int]) -> None:
    """Remove grid columns from a table: cells wholly inside them go, spans over them shrink."""
    for i, k in reversed(list(enumerate(tbl.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")))):
        if i in buang:
            k.getparent().remove(k)
    for tr in tbl.findall(qn("w:tr")):
        for posisi, tc in sel_berkolom(tr):
            lebar = rentang(tc)
            tinggal = [c for c in range(posisi, posisi + lebar) if c not in buang]
            if not tinggal:
                tr.remove(tc)
            elif len(tinggal) < lebar:
                span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
                if len(tinggal) == 1:
                    span.getparent().remove(span)
                else:
                    span.set(qn("w:val"), str(len(tinggal)))


def kata_utuh(tbl: Any, lebar: list[int], gaya_huruf: GayaHuruf, huruf: str) -> list[int]:
    """Template-fixed widths, except that a column narrower than its longest word takes the room
    from the others (in proportion to their widths, none below its own longest word), so no word
    breaks inside ("Pengendalia/n") while the table can hold them all."""
    _, kata, _ = kebutuhan_kolom(tbl, gaya_huruf, huruf)
    perlu = [k + _margin_sel_twip(tbl) + SELA_TWIP if k else 0 for k in kata]
    total = sum(lebar)
    tetap = {i: p for i, (w, p) in enumerate(zip(lebar, perlu)) if w < p}
    if not tetap or sum(perlu) > total:
        return lebar
    while True:
        lain = [i for i in range(len(lebar)) if i not in tetap]
        sisa, bobot = total - sum(tetap.values()), sum(lebar[i] for i in lain) or 1
        bagian = {i: int(sisa * lebar[i] / bobot) for i in lain}
        baru_kurang = {i: perlu[i] for i in lain if bagian[i] < perlu[i]}
        if not baru_kurang:
            break
        tetap.update(baru_kurang)
    hasil = [tetap.get(i, bagian.get(i, 0)) for i in range(len(lebar))]
    hasil[max(lain or range(len(lebar)), key=lambda i: hasil[i])] += total - sum(hasil)
    return hasil


def pecahan_satu_kesatuan(tbl: Any, gaya_huruf: GayaHuruf, huruf: str) -> None:
    """A stacked fraction (a nested table whose first cell holds the numerator, ruled below, over
    the denominator, and its multiplier beside) is one unit: its rows never split over two
    pages and the numerator keeps with the denominator. Numerator and denominator take the same
    height (the shorter given the missing lines as space away from the bar: above the numerator,
    below the denominator), so the multiplier, centred in its cell, stands beside the bar."""
    for tr in tbl.findall(qn("w:tr")):
        pertama = tr.find(qn("w:tc"))
        paragraf = pertama.findall(qn("w:p")) if pertama is not None else []
        if len(paragraf) != 2 or paragraf[0].find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}") is None:
            continue
        pembilang, penyebut = paragraf
        pembilang.get_or_add_pPr().keepNext_val = True
        for p in paragraf:
            p.get_or_add_pPr().keepLines_val = True
        lebar = (_lebar_sel(pertama) or 0) - _margin_sel_twip(tbl)
        if lebar <= 0:
            continue
        baris = []
        for p in paragraf:
            ukuran, tebal = _huruf_paragraf(p, gaya_huruf)
            baris.append(sum(jumlah_baris(t, lebar, ukuran / 2, huruf, tebal) for t in baris_teks(p)))
        ukuran, tebal = _huruf_paragraf(pembilang, gaya_huruf)
        tinggi = tinggi_satu_baris_twip(ukuran / 2, huruf, tebal)
        if baris[0] < baris[1]:
            _tambah_ruang(pembilang, (baris[1] - baris[0]) * tinggi, "before")
        elif baris[1] < baris[0]:
            _tambah_ruang(penyebut, (baris[0] - baris[1]) * tinggi, "after")


def _tambah_ruang(p: Any, twip: int, sisi: str) -> None:
    """More space before or after a paragraph (w:spacing before/after), in twips."""
    spasi = p.get_or_add_pPr().get_or_add_spacing()
    spasi.set(qn(f"w:{sisi}"), str(int(spasi.get(qn(f"w:{sisi}"), "0")) + twip))


def tabel_data(tbl: Any) -> bool:
    """A table of data, as its template declares by header rows (w:tblHeader): its columns may
    trade width; a layout table (a signature block) keeps the template's columns."""
    return any(
        tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
        and tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}").get(qn("w:val"), "true") not in ("0", "false")
        for tr in tbl.findall(qn("w:tr"))
    )


def beri_ruang(tbl: Any, lebar: list[int], gaya_huruf: GayaHuruf, huruf: str) -> list[int]:
    """An empty or short column (an unused KETERANGAN, a SATUAN of "%") gives the room its text
    does not use to the columns whose text wraps, in proportion to their widths and no more than
    they need to stand on one line; none goes below its longest word (bold headers included).
    The total stays."""
    _, kata, _ = kebutuhan_kolom(tbl, gaya_huruf, huruf)
    tepi = _margin_sel_twip(tbl) + SELA_TWIP
    perlu = [max(b + tepi, k + tepi) for b, k in zip(kebutuhan_satu_baris(tbl, gaya_huruf, huruf), kata)]
    lebih = {i: w - p for i, (w, p) in enumerate(zip(lebar, perlu)) if w > p}
    kurang = {i: p - w for i, (w, p) in enumerate(zip(lebar, perlu)) if w < p}
    if not lebih or not kurang:
        return lebar
    ada = sum(lebih.values())
    tambah = dict.fromkeys(kurang, 0.0)
    sisa, lapar = float(ada), set(kurang)
    while sisa > 0.5 and lapar:
        bobot = sum(lebar[i] for i in lapar) or len(lapar)
        bagian = {i: sisa * (lebar[i] or 1) / bobot for i in lapar}
        cukup = {i for i in lapar if tambah[i] + bagian[i] >= kurang[i]}
        if not cukup:
            for i in lapar:
                tambah[i] += bagian[i]
            sisa = 0
            break
        for i in cukup:
            sisa -= kurang[i] - tambah[i]
            tambah[i] = kurang[i]
        lapar -= cukup
    dipakai = ada - sisa
    baru = list(lebar)
    for i, t in tambah.items():
        baru[i] += int(t)
    for i, w in lebih.items():
        baru[i] -= int(dipakai * w / ada)
    baru[max(kurang, key=lambda i: baru[i])] += sum(lebar) - sum(baru)
    return baru


def kebutuhan_satu_baris(tbl: Any, gaya_huruf: GayaHuruf, huruf: str) -> list[int]:
    """Per grid column, the twips its widest line of text below the header rows takes unbroken
    (a nested table: its columns side by side); 0 for an empty column."""
    hasil = [0] * len(tbl.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}"))
    for posisi, kepala, tc in _sel_satu_kolom(tbl):
        if kepala:
            continue
        for p in tc.findall(qn("w:p")):
            ukuran, tebal = _huruf_paragraf(p, gaya_huruf)
            for teks in baris_teks(p):
                hasil[posisi] = max(hasil[posisi], lebar_teks_twip(teks.strip(), ukuran / 2, huruf, tebal))
        for p, lain in _paragraf_pembilang(tc.findall(qn("w:tbl")), gaya_huruf, huruf):
            ukuran, tebal = _huruf_paragraf(p, gaya_huruf)
            w = max(lebar_teks_twip(t.strip(), ukuran / 2, huruf, tebal) for t in baris_teks(p))
            hasil[posisi] = max(hasil[posisi], w + lain)
    return hasil


def _sel_satu_kolom(tbl: Any) -> Iterator[tuple[int, bool, Any]]:
    """Each cell of the table that spans one grid column inside the grid: (its column, whether its
    row is a header row, the cell)."""
    n = len(tbl.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}"))
    for tr in tbl.findall(qn("w:tr")):
        kepala = tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
        for posisi, tc in sel_berkolom(tr):
            if rentang(tc) == 1 and posisi < n:
                yield posisi, kepala, tc


def _paragraf_pembilang(bersarang: Any, gaya_huruf: GayaHuruf, huruf: str) -> Iterator[tuple[Any, int]]:
    """Each paragraph in the first column of nested tables (a stacked fraction's numerator and
    denominator), with the width the table's other columns take beside it ("× 100%")."""
    for tbl in bersarang:
        lain = sum(_lebar_kolom_utuh(tbl, gaya_huruf, huruf))
        for tr in tbl.findall(qn("w:tr")):
            pertama = tr.find(qn("w:tc"))
            yield from ((p, lain) for p in (pertama.iter(qn("w:p")) if pertama is not None else ()))


def _isi_sel_induk(tbl: Any, gaya_huruf: GayaHuruf, huruf: str) -> None:
    """A table nested in a cell (the stacked fraction beside its "× 100%") fills its cell: its
    other columns as wide as their text on one line, the first takes the rest."""
    sel = tbl.getparent()
    lebar_sel = _lebar_sel(sel)
    kolom = tbl.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")
    baris = [tr.findall(qn("w:tc")) for tr in tbl.findall(qn("w:tr"))]
    if lebar_sel is None or len(kolom) < 2 or any(len(b) != len(kolom) for b in baris):
        return
    induk = next(t for t in sel.iterancestors(qn("w:tbl")))
    lain = _lebar_kolom_utuh(tbl, gaya_huruf, huruf)
    baru = [max(lebar_sel - _margin_sel_twip(induk) - sum(lain), sum(lain)), *lain]
    for k, w in zip(kolom, baru):
        k.set(qn("w:w"), str(w))
    for tr in tbl.findall(qn("w:tr")):
        _atur_lebar_sel(tr, baru)


GAYA_ANGKA = "Angka"  # the character style that declares a number (never broken inside)
UKURAN_TERKECIL = 12  # half-points: a table's font shrinks to 6 pt at most to fit its numbers
SELA_TWIP = 60  # slack for the cell borders and the renderer's rounding (3 pt)
MARGIN_SEMPIT_TWIP = 20  # left and right cell margin when a crowded table needs the room


class GayaHuruf(dict[str | None, tuple[int, bool]]):
    """Paragraph style id -> (font size in half-points, bold); None: the default. `angka`: the ids
    of the character styles that declare a number."""

    def __init__(self, ukuran: dict[str | None, tuple[int, bool]], angka: frozenset[str]) -> None:
        super().__init__(ukuran)
        self.angka = angka


def gaya_angka(styles: Any) -> frozenset[str]:
    """Ids of the character styles declaring a number: the one named "Angka" (any case) and every
    style based on it, however deep."""
    induk = {
        s.get(qn("w:styleId")): (
            s.find(qn("w:basedOn")).get(qn("w:val")) if s.find(qn("w:basedOn")) is not None else None
        )
        for s in styles.findall(qn("w:style"))
        if s.get(qn("w:type")) == "character"
    }
    akar = {
        s.get(qn("w:styleId"))
        for s in styles.findall(qn("w:style"))
        if s.get(qn("w:type")) == "character"
        and s.find(qn("w:name")) is not None
        and (s.find(qn("w:name")).get(qn("w:val")) or "").strip().lower() == GAYA_ANGKA.lower()
    }

    def turunan(kode: str | None) -> bool:
        for _ in range(len(induk) + 1):
            if kode is None or kode in akar:
                return kode is not None
            kode = induk.get(kode)
        return False

    return frozenset(k for k in induk if turunan(k))


def _ukuran_gaya(docx: Any) -> GayaHuruf:
    """Paragraph style id -> (font size in half-points, bold), following basedOn; None: the
    default; with the number styles (gaya_angka)."""
    styles = docx.styles.element
    awal = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    bawaan = (
        int(awal.find(qn("w:sz")).get(qn("w:val"))) if awal is not None and awal.find(qn("w:sz")) is not None else 20,
        False,
    )
    gaya = {e.get(qn("w:styleId")): e for e in styles.findall(qn("w:style"))}
    sudah: dict[str | None, tuple[int, bool]] = {}  # each style resolved once, not once per style based on it

    def cari(kode: str | None, kedalaman: int = 0) -> tuple[int, bool]:
        if kode in sudah:
            return sudah[kode]
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
        sudah[kode] = (ukuran, tebal)
        return ukuran, tebal

    return GayaHuruf({kode: cari(kode) for kode in [*gaya, None]}, gaya_angka(styles))


def kata_paragraf(p: Any, angka: frozenset[str]) -> list[tuple[str, bool]]:
    """A paragraph's words in order, each with whether it is a declared number: every character of
    it in a run whose character style is one of angka."""
    potongan: list[tuple[str, bool]] = []
    for t in p.iter(qn("w:t")):
        r = t.getparent()
        gaya = r.find(f"{qn('w:rPr')}/{qn('w:rStyle')}") if r.tag == qn("w:r") else None
        potongan.append((t.text or "", gaya is not None and gaya.get(qn("w:val")) in angka))
    if not any(bernomor for _, bernomor in potongan):  # most paragraphs: plain words
        return [(k, False) for k in "".join(teks for teks, _ in potongan).split()]
    huruf = [(c, bernomor) for teks, bernomor in potongan for c in teks]
    hasil: list[tuple[str, bool]] = []
    kata: list[tuple[str, bool]] = []
    for c, bernomor in [*huruf, (" ", False)]:
        if c.isspace():
            if kata:
                hasil.append(("".join(k for k, _ in kata), all(b for _, b in kata)))
            kata = []
        else:
            kata.append((c, bernomor))
    return hasil


# the names _huruf_paragraf looks up for every paragraph of every table, spelt out once
_PPR, _GAYA, _R, _RPR = qn("w:pPr"), qn("w:pStyle"), qn("w:r"), qn("w:rPr")
_VAL, _SZ, _B = qn("w:val"), qn("w:sz"), qn("w:b")


def _huruf_paragraf(p: Any, gaya_huruf: GayaHuruf) -> tuple[int, bool]:
    # children walked directly (what find("w:pPr/w:pStyle") and find("w:r/w:rPr") return), a
    # quarter cheaper than a path: asked for every paragraph of every table several times
    gaya = next((g for ppr in p.iterchildren(_PPR) for g in ppr.iterchildren(_GAYA)), None)
    ukuran, tebal = gaya_huruf.get(gaya.get(_VAL) if gaya is not None else None, gaya_huruf[None])
    rpr = next((x for r in p.iterchildren(_R) for x in r.iterchildren(_RPR)), None)
    if rpr is not None:
        sz, b = next(rpr.iterchildren(_SZ), None), next(rpr.iterchildren(_B), None)
        ukuran = int(sz.get(_VAL)) if sz is not None else ukuran
        tebal = (b.get(_VAL, "true") not in ("0", "false")) if b is not None else tebal
    return ukuran, tebal


def _margin_sel_twip(tbl: Any) -> int:
    """Left plus right cell margin of the table (Word's 0.19 cm each when the table sets none)."""
    mar = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}")
    jumlah = 0
    for sisi in ("left", "right"):
        e = mar.find(qn(f"w:{sisi}")) if mar is not None else None
        jumlah += int(e.get(qn("w:w"))) if e is not None else 108
    return jumlah


def kebutuhan_kolom(tbl: Any, gaya_huruf: GayaHuruf, huruf: str) -> tuple[list[int], list[int], list[bool]]:
    """Per grid column, in twips of text at the table's current font sizes: the widest declared
    number (never to break), the widest word or number (breaks only when nothing else fits), and
    whether the column holds only numbers (or "-") below its header rows."""
    n = len(tbl.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}"))
    angka, kata, hanya_angka = [0] * n, [0] * n, [True] * n
    isi = [False] * n
    for posisi, kepala, tc in _sel_satu_kolom(tbl):
        for p in tc.iter(qn("w:p")):
            ukuran, tebal = _huruf_paragraf(p, gaya_huruf)
            for token, bernomor in kata_paragraf(p, gaya_huruf.angka):
                lebar = lebar_teks_twip(token, ukuran / 2, huruf, tebal)
                kata[posisi] = max(kata[posisi], lebar)
                if bernomor:
                    angka[posisi] = max(angka[posisi], lebar)
                elif not kepala and token != "-":
                    hanya_angka[posisi] = False
                isi[posisi] = isi[posisi] or not kepala
        kata[posisi] = max(kata[posisi], _kata_bersarang(tc, gaya_huruf, huruf))
    return angka, kata, [h and ada for h, ada in zip(hanya_angka, isi)]


def _kata_bersarang(tc: Any, gaya_huruf: GayaHuruf, huruf: str) -> int:
    """Room a table nested in the cell needs: its first column's widest word beside its other
    columns' text, unbroken (a fraction and its "× 100%")."""
    perlu = 0
    for p, lain in _paragraf_pembilang(tc.iter(qn("w:tbl")), gaya_huruf, huruf):
        ukuran, tebal = _huruf_paragraf(p, gaya_huruf)
        kata = max((lebar_teks_twip(k, ukuran / 2, huruf, tebal) for k in xml_word.teks(p).split()), default=0)
        perlu = max(perlu, kata + lain)
    return perlu


def _lebar_kolom_utuh(tbl: Any, gaya_huruf: GayaHuruf, huruf: str) -> list[int]:
    """Width of each column but the first of a nested table: its longest paragraph on one line."""
    lebar = [0] * (len(tbl.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")) - 1)
    for tr in tbl.findall(qn("w:tr")):
        for i, tc in enumerate(tr.findall(qn("w:tc"))[1 : len(lebar) + 1]):
            for p in tc.iter(qn("w:p")):
                ukuran, tebal = _huruf_paragraf(p, gaya_huruf)
                teks = xml_word.teks(p)
                lebar[i] = max(lebar[i], lebar_teks_twip(teks, ukuran / 2, huruf, tebal) + SELA_TWIP)
    return lebar


def lebar_menurut_isi(tbl: Any, lebar: list[int], total: int, gaya_huruf: GayaHuruf, huruf: str) -> list[int]:
    """Column widths summing to total: number columns exactly as wide as their widest entry,
    the text columns sharing the rest in the template's proportions but each at least as wide
    as its longest word. When that does not fit, the table's font shrinks (down to 6 pt), then
    its cell margins narrow and, failing that, words may break; numbers still not."""
    angka, kata, hanya_angka = kebutuhan_kolom(tbl, gaya_huruf, huruf)
    if not any(angka):
        return lebar
    ukuran_teks = [_huruf_paragraf(p, gaya_huruf)[0] for p in tbl.iter(qn("w:p")) if xml_word.teks(p).strip()]
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
    tblpr = tbl.find(qn("w:tblPr"))
    mar = tblpr.find(qn("w:tblCellMar"))
    if mar is None:
        mar = OxmlElement("w:tblCellMar")
        sesudah = next(
            (e for e in tblpr if e.tag in (qn("w:tblLook"), qn("w:tblCaption"), qn("w:tblDescription"))), None
        )
        (sesudah.addprevious(mar) if sesudah is not None else tblpr.append(mar))
    for sisi in ("left", "right"):
        e = mar.find(qn(f"w:{sisi}"))
        if e is None:
            e = OxmlElement(f"w:{sisi}")
            mar.append(e)
        e.set(qn("w:w"), str(twip))
        e.set(qn("w:type"), "dxa")


# Run properties that the schema puts after w:sz/w:szCs.
SESUDAH_SZ = {
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
}


def _kecilkan_huruf(tbl: Any, gaya_huruf: GayaHuruf, skala: float) -> None:
    """Every run of the table at skala times its paragraph's font size (whole half-points)."""
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


def ruang_teks_per_tabel(body: Any) -> dict[Any, tuple[int, int]]:
    """Top-level table -> (width, height) in twips of the text area of the section it stands in."""
    hasil: dict[Any, tuple[int, int]] = {}
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
            lebar = (
                int(ukuran.get(qn("w:w"))) - int(margin.get(qn("w:left"), "0")) - int(margin.get(qn("w:right"), "0"))
            )
            tinggi = (
                int(ukuran.get(qn("w:h")))
                - abs(int(margin.get(qn("w:top"), "0")))
                - abs(int(margin.get(qn("w:bottom"), "0")))
            )
            hasil.update({t: (lebar, tinggi) for t in menunggu})
        menunggu = []
    return hasil


def _lebar_teks_per_tabel(body: Any) -> dict[Any, int]:
    """Top-level table -> text width (twips) of the section it stands in."""
    return {t: lebar for t, (lebar, _) in ruang_teks_per_tabel(body).items()}


URUTAN_TCPR = [
    "cnfStyle",
    "tcW",
    "gridSpan",
    "hMerge",
    "vMerge",
    "tcBorders",
    "shd",
    "noWrap",
    "tcMar",
    "textDirection",
    "tcFitText",
    "vAlign",
    "hideMark",
]


def urutkan_sel(docx: Any) -> None:
    """Cell properties in schema order (docxtpl's colspan/vm insert theirs out of order; Word is strict)."""
    for tcpr in docx.element.body.iter(qn("w:tcPr")):
        anak = list(tcpr)
        urut = sorted(
            anak,
            key=lambda e: (
                URUTAN_TCPR.index(e.tag.split("}")[1]) if e.tag.split("}")[1] in URUTAN_TCPR else len(URUTAN_TCPR)
            ),
        )
        if urut != anak:
            for e in urut:
                tcpr.append(e)


def _lebar_sel(sel: Any) -> int | None:
    tcw = sel.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
    if tcw is None or tcw.get(qn("w:type"), "dxa") != "dxa":
        return None
    return int(tcw.get(qn("w:w")))


def _atur_lebar_sel(tr: Any, lebar: list[int]) -> None:
    """Each cell of the row as wide as the grid columns it spans."""
    for posisi, sel in sel_berkolom(tr):
        tcw = sel.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
        if tcw is not None:
            tcw.set(qn("w:w"), str(sum(lebar[posisi : posisi + rentang(sel)])))
            tcw.set(qn("w:type"), "dxa")
