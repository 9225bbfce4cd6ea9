"""Build the shipped templates (templates/*.docx) from code.

The .docx files are committed: agencies open and restyle them in Word. This script is
how they were made, so a change to the layout is reviewable as code. Run:
    python tools/buat_template.py [FOLDER]
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path
from typing import Iterable

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

TAB = object()  # marker: a tab character between runs
HURUF = "Bookman Old Style"
KIRI, TENGAH, RATA = WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY


# ---------------------------------------------------------------- document and styles

def dokumen_dasar(mendatar: bool = False) -> Document:
    """A4 page, Tata Naskah Dinas margins, 12 pt, page number '- N -' from page 2."""
    doc = Document()
    section = doc.sections[0]
    pendek, panjang = Mm(210), Mm(297)
    section.orientation = WD_ORIENT.LANDSCAPE if mendatar else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (panjang, pendek) if mendatar else (pendek, panjang)
    section.top_margin, section.bottom_margin = Mm(20), Mm(25)
    section.left_margin, section.right_margin = Mm(30), Mm(20)
    section.header_distance, section.footer_distance = Mm(10), Mm(12)
    _gaya_dasar(doc)
    nomor_halaman(section)
    return doc


def _gaya_dasar(doc: Document) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = HURUF
    normal.font.size = Pt(12)
    rfonts = normal.element.rPr.rFonts
    for atribut in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(atribut), HURUF)
    pf = normal.paragraph_format
    pf.space_before, pf.space_after, pf.line_spacing = Pt(0), Pt(0), 1.0
    rpr_default = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for rf in rpr_default.findall(qn("w:rFonts")):
        rpr_default.remove(rf)
    rf = OxmlElement("w:rFonts")
    for atribut in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rf.set(qn(atribut), HURUF)
    rpr_default.insert(0, rf)
    bahasa = OxmlElement("w:lang")
    bahasa.set(qn("w:val"), "id-ID")
    rpr_default.append(bahasa)


def gaya(doc: Document, nama: str, kiri: float = 0, gantung: float = 0, tab: Iterable[float] = (),
         rata=RATA, sesudah: float = 0, ukuran: float | None = None, tebal: bool = False,
         bersama: bool = False):
    """A paragraph style: left indent and hanging in cm, tab stops in cm."""
    s = doc.styles.add_style(nama, WD_STYLE_TYPE.PARAGRAPH)
    s.base_style = doc.styles["Normal"]
    pf = s.paragraph_format
    pf.left_indent, pf.first_line_indent = Cm(kiri), Cm(-gantung)
    pf.alignment, pf.space_after = rata, Pt(sesudah)
    pf.keep_with_next = bersama
    for posisi in tab:
        pf.tab_stops.add_tab_stop(Cm(posisi))
    if ukuran:
        s.font.size = Pt(ukuran)
    s.font.bold = tebal or None
    return s


def nomor_halaman(section) -> None:
    """Header '- PAGE -' centred; the first page has an empty header of its own."""
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = TENGAH
    p.add_run("- ")
    _field(p, "PAGE")
    p.add_run(" -")


def _field(paragraph, perintah: str) -> None:
    for jenis, teks in (("begin", None), (None, perintah), ("separate", None), (None, "1"), ("end", None)):
        run = paragraph.add_run()
        if jenis:
            fc = OxmlElement("w:fldChar")
            fc.set(qn("w:fldCharType"), jenis)
            run._r.append(fc)
        elif teks == perintah:
            it = OxmlElement("w:instrText")
            it.set(qn("xml:space"), "preserve")
            it.text = f" {perintah} "
            run._r.append(it)
        else:
            run.text = teks


# ---------------------------------------------------------------- paragraphs

def para(wadah, *bagian, style=None, rata=None, tebal=False, ukuran=None, garis_bawah=False,
         sesudah=None, bersama=None):
    """Add a paragraph of runs; TAB between strings; each string is exactly one run."""
    p = wadah.add_paragraph(style=style)
    if rata is not None:
        p.alignment = rata
    if sesudah is not None:
        p.paragraph_format.space_after = Pt(sesudah)
    if bersama is not None:
        p.paragraph_format.keep_with_next = bersama
    for b in bagian:
        if b is TAB:
            p.add_run().add_tab()
            continue
        run = p.add_run(b)
        run.bold = tebal or None
        run.underline = garis_bawah or None
        if ukuran:
            run.font.size = Pt(ukuran)
    return p


def kosong(wadah, style=None):
    return wadah.add_paragraph(style=style)


def tag(wadah, teks: str):
    """A paragraph holding only a structural tag ({%p ... %}); docxtpl removes it."""
    return wadah.add_paragraph(teks)


def garis_bawah_paragraf(p, tebal: int = 6) -> None:
    ppr = p._p.get_or_add_pPr()
    pbdr = OxmlElement("w:pBdr")
    bawah = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", str(tebal)), ("w:space", "1"), ("w:color", "auto")):
        bawah.set(qn(k), v)
    pbdr.append(bawah)
    ppr.append(pbdr)


# ---------------------------------------------------------------- tables

def batas_tabel(tabel, **sisi: tuple[str, int]) -> None:
    """Set table borders, e.g. bottom=("thickThinSmallGap", 24), others none."""
    tblpr = tabel._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for nama in ("top", "left", "bottom", "right", "insideH", "insideV"):
        jenis, ukuran = sisi.get(nama, ("nil", 0))
        e = OxmlElement(f"w:{nama}")
        e.set(qn("w:val"), jenis)
        if jenis != "nil":
            e.set(qn("w:sz"), str(ukuran))
            e.set(qn("w:space"), "0")
            e.set(qn("w:color"), "auto")
        borders.append(e)
    tblpr.append(borders)


def lebar_kolom(tabel, lebar_cm: list[float]) -> None:
    tabel.autofit = False
    tblpr = tabel._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tblpr.append(layout)
    for i, kolom in enumerate(tabel.columns):
        kolom.width = Cm(lebar_cm[i])
    for baris in tabel.rows:
        for i, sel in enumerate(baris.cells):
            sel.width = Cm(lebar_cm[i])


def ulang_judul(baris) -> None:
    trpr = baris._tr.get_or_add_trPr()
    e = OxmlElement("w:tblHeader")
    e.set(qn("w:val"), "true")
    trpr.append(e)


def tak_terpisah(baris) -> None:
    """A row is not split across pages (unless it is taller than a page)."""
    trpr = baris._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))


def arsir(sel, warna: str = "E7E6E6") -> None:
    shd = OxmlElement("w:shd")
    for k, v in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", warna)):
        shd.set(qn(k), v)
    sel._tc.get_or_add_tcPr().append(shd)


def isi_sel(sel, teks: str, style=None, rata=None, tebal=False):
    """Replace a cell's first (empty) paragraph with one run of text."""
    p = sel.paragraphs[0]
    if style is not None:
        p.style = style
    if rata is not None:
        p.alignment = rata
    run = p.add_run(teks)
    run.bold = tebal or None
    return p


# ---------------------------------------------------------------- shared blocks

def kop(doc: Document, lebar: float) -> None:
    """Letterhead: logo left, centred text, a thick-thin rule under the block."""
    tabel = doc.add_table(rows=1, cols=3)
    tabel.alignment = WD_TABLE_ALIGNMENT.CENTER
    lebar_kolom(tabel, [2.6, lebar - 5.2, 2.6])
    batas_tabel(tabel, bottom=("thickThinSmallGap", 24))
    logo, teks, _ = tabel.rows[0].cells
    isi_sel(logo, "{% if kop.logo %}{{ kop.logo }}{% endif %}", rata=TENGAH)
    isi_sel(teks, "{{ kop.pemerintah }}", style="Kop", rata=TENGAH).runs[0].font.size = Pt(14)
    p = para(teks, "{{ kop.nama }}", style="Kop", tebal=True, ukuran=16)
    para(teks, "{{ kop.alamat }}", style="Kop", ukuran=10)
    para(teks, "{{ kop.kontak }}", style="Kop", ukuran=10, sesudah=4)
    del p


def tanda_tangan(doc: Document, style: str, dengan_penetapan: bool) -> None:
    if dengan_penetapan:
        para(doc, "Ditetapkan di {{ judul.tempat }}", style=style)
        para(doc, "pada tanggal {{ judul.tanggal }}", style=style)
        kosong(doc, style)
    para(doc, "{{ penandatangan.jabatan }}", style=style)
    for _ in range(4):
        kosong(doc, style)
    para(doc, "{{ penandatangan.nama }}", style=style, tebal=True, garis_bawah=True)
    para(doc, "{{ penandatangan.pangkat }}", style=style)
    para(doc, "{{ penandatangan.nip }}", style=style, bersama=False)


# ---------------------------------------------------------------- keputusan

def keputusan() -> Document:
    doc = dokumen_dasar()
    isi_keputusan(doc)
    return doc


def isi_keputusan(doc: Document) -> None:
    """Styles and body of the decree (also placed, unchanged, inside the IKU book)."""
    gaya(doc, "Kop", rata=TENGAH)
    gaya(doc, "Judul Keputusan", rata=TENGAH)
    gaya(doc, "Konsiderans", kiri=4.6, gantung=4.6, tab=(3.25, 3.75, 4.6))
    gaya(doc, "Menetapkan", kiri=3.75, gantung=3.75, tab=(3.25, 3.75), sesudah=6)
    gaya(doc, "Diktum", kiri=3.75, gantung=3.75, tab=(3.25, 3.75), sesudah=6)
    gaya(doc, "Tanda Tangan", kiri=7.0, rata=KIRI, bersama=True)
    gaya(doc, "Tembusan", kiri=0.6, gantung=0.6, tab=(0.6,), rata=KIRI, bersama=True)
    kop(doc, 16.0)
    kosong(doc)
    for teks in ("{{ judul.keputusan }}", "NOMOR {{ judul.nomor }}", "TENTANG", "{{ judul.tentang }}"):
        para(doc, teks, style="Judul Keputusan")
    kosong(doc)
    para(doc, "{{ judul.jabatan }}", style="Judul Keputusan")
    kosong(doc)
    daftar(doc, "menimbang", "Menimbang")
    kosong(doc)
    daftar(doc, "mengingat", "Mengingat")
    kosong(doc)
    para(doc, "MEMUTUSKAN:", style="Judul Keputusan")
    kosong(doc)
    para(doc, "Menetapkan", TAB, ":", TAB, "{{ judul.menetapkan }}", style="Menetapkan")
    tag(doc, "{%p for d in diktum %}")
    para(doc, "{{ d.label }}", TAB, ":", TAB, "{{ d.teks }}", style="Diktum")
    tag(doc, "{%p endfor %}")
    kosong(doc, "Tanda Tangan")  # keeps the last diktum with the signature: never a page of signature alone
    tanda_tangan(doc, "Tanda Tangan", dengan_penetapan=True)
    tag(doc, "{%p if tembusan %}")
    kosong(doc, "Tembusan")
    para(doc, "Tembusan:", style="Tembusan")
    tag(doc, "{%p for t in tembusan %}")
    para(doc, "{{ t.label }}", TAB, "{{ t.teks }}", style="Tembusan")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")


def daftar(doc: Document, kunci: str, judul: str) -> None:
    """Menimbang/Mengingat: the heading and colon on the first item only; labels hang."""
    tag(doc, f"{{%p for b in {kunci} %}}")
    para(doc, f"{{% if loop.first %}}{judul}{{% endif %}}", TAB, "{% if loop.first %}:{% endif %}", TAB,
         "{{ b.label }}", TAB, "{{ b.teks }}", style="Konsiderans")
    tag(doc, "{%p endfor %}")


# ---------------------------------------------------------------- lampiran

KOLOM_LAMPIRAN = [1.1, 3.2, 3.2, 2.2, 4.8, 3.7, 2.5, 4.0]  # sums to 24.7 cm, landscape A4 text width


def lampiran() -> Document:
    doc = dokumen_dasar(mendatar=True)
    isi_lampiran(doc)
    return doc


def isi_lampiran(doc: Document, ttd: str = "Tanda Tangan") -> None:
    """Styles and body of the lampiran; ttd names its signature style (the book has two)."""
    gaya(doc, "Kepala Lampiran", kiri=15.0, rata=KIRI)
    gaya(doc, "Kepala Lampiran Butir", kiri=18.0, gantung=3.0, tab=(17.6, 18.0), rata=KIRI)
    gaya(doc, "Judul Lampiran", rata=TENGAH, tebal=True)
    gaya(doc, "Tabel", rata=KIRI, ukuran=10)
    gaya(doc, "Tabel Tengah", rata=TENGAH, ukuran=10)
    gaya(doc, "Tabel Judul", rata=TENGAH, ukuran=10, tebal=True)
    gaya(doc, ttd, kiri=15.0, rata=KIRI, bersama=True)
    para(doc, "LAMPIRAN", style="Kepala Lampiran")
    para(doc, "{{ judul.keputusan }}", style="Kepala Lampiran")
    for label, nilai in (("NOMOR", "judul.nomor"), ("TANGGAL", "judul.tanggal"), ("TENTANG", "judul.tentang")):
        para(doc, label, TAB, ":", TAB, f"{{{{ {nilai} }}}}", style="Kepala Lampiran Butir")
    kosong(doc)
    for teks in ("INDIKATOR KINERJA UTAMA (IKU)", "{{ instansi.nama_kapital }}", "TAHUN {{ tahun }}"):
        para(doc, teks, style="Judul Lampiran")
    kosong(doc)
    tabel_iku(doc)
    kosong(doc, ttd)
    tanda_tangan(doc, ttd, dengan_penetapan=False)


def tabel_iku(doc: Document) -> None:
    tabel = doc.add_table(rows=7, cols=8)
    tabel.style = doc.styles["Table Grid"]
    tabel.alignment = WD_TABLE_ALIGNMENT.CENTER
    lebar_kolom(tabel, KOLOM_LAMPIRAN)
    _judul_tabel(tabel)
    for nomor, teks in ((2, "{%tr for g in kelompok_iku %}"), (3, "{%tr for b in g.baris %}"),
                        (5, "{%tr endfor %}"), (6, "{%tr endfor %}")):
        isi_sel(tabel.rows[nomor].cells[0], teks, style="Tabel")
    _baris_data(tabel.rows[4].cells)
    tak_terpisah(tabel.rows[4])


def _judul_tabel(tabel) -> None:
    atas, bawah = tabel.rows[0].cells, tabel.rows[1].cells
    for i in (0, 1, 2, 3, 7):
        atas[i].merge(bawah[i])
    atas[4].merge(atas[6])
    judul = {0: "NO", 1: "SASARAN STRATEGIS", 2: "INDIKATOR KINERJA UTAMA", 3: "SATUAN", 4: "PENJELASAN",
             7: "KETERANGAN/ KRITERIA"}
    for i, teks in judul.items():
        isi_sel(tabel.rows[0].cells[i], teks, style="Tabel Judul")
    for i, teks in ((4, "ALASAN"), (5, "FORMULASI/ CARA PENGUKURAN"), (6, "SUMBER DATA")):
        isi_sel(tabel.rows[1].cells[i], teks, style="Tabel Judul")
    for baris in tabel.rows[:2]:
        ulang_judul(baris)
        for sel in baris.cells:
            arsir(sel)
            sel.vertical_alignment = 1  # centre


def _baris_data(sel) -> None:
    isi_sel(sel[0], "{% vm %}{{ g.nomor }}", style="Tabel Tengah")
    isi_sel(sel[1], "{% vm %}{{ g.sasaran }}", style="Tabel")
    isi_sel(sel[2], "{{ b.indikator }}", style="Tabel")
    isi_sel(sel[3], "{{ b.satuan }}", style="Tabel Tengah")
    isi_sel(sel[4], "{{ b.alasan }}", style="Tabel")
    isi_sel(sel[5], "{%p if b.pecahan %}", style="Tabel")
    garis_bawah_paragraf(para(sel[5], "{{ b.pecahan.pembilang }}", style="Tabel Tengah"))
    para(sel[5], "{{ b.pecahan.penyebut }}", style="Tabel Tengah")
    tag(sel[5], "{%p if b.pecahan.kali %}")
    para(sel[5], "x {{ b.pecahan.kali }}", style="Tabel Tengah")
    tag(sel[5], "{%p endif %}")
    tag(sel[5], "{%p else %}")
    para(sel[5], "{{ b.formulasi }}", style="Tabel")
    tag(sel[5], "{%p endif %}")
    isi_sel(sel[6], "{{ b.sumber_data }}", style="Tabel")
    isi_sel(sel[7], "{{ b.keterangan }}", style="Tabel")


# ---------------------------------------------------------------- main

TEMPLAT = {"keputusan.docx": keputusan, "lampiran.docx": lampiran,
           "dokumen-iku.docx": lambda: __import__("templat_buku").dokumen_iku()}


def main(folder: Path) -> None:
    """Write every template; byte-stable, so an unchanged layout leaves git clean."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from iku.render import zip_stabil

    folder.mkdir(parents=True, exist_ok=True)
    for nama, buat in TEMPLAT.items():
        doc = buat()
        cp = doc.core_properties
        cp.title, cp.author, cp.last_modified_by, cp.revision = nama, "iku", "iku", 1
        cp.created = cp.modified = cp.last_printed = dt.datetime(2022, 1, 1)
        penampung = io.BytesIO()
        doc.save(penampung)
        (folder / nama).write_bytes(zip_stabil(penampung.getvalue(), dt.date(2022, 1, 1)))
        print(folder / nama)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "templates")
