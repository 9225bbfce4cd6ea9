"""Build templates/dokumen-iku.docx, the IKU book, from code (called by buat_template.py).

Sections: cover | front matter (i, ii) | chapters from page 1 | Tabel 2.2.1 landscape |
chapters continued | Keputusan (its own "- N -" numbering) | Lampiran landscape.
Headings use Word's built-in Heading 1/Heading 2 (their labels come from the context),
and the contents is a real TOC field that Word updates when the file is opened.
"""

from __future__ import annotations

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

from buat_template import (
    HURUF, KIRI, TAB, TENGAH, arsir, dokumen_dasar, garis_bawah_paragraf, gaya, isi_keputusan,
    isi_lampiran, isi_sel, kosong, lebar_kolom, nomor_halaman, para, tag, tanda_tangan, ulang_judul,
    _field,
)

LEBAR_TEKS = 16.0  # cm, portrait A4 text width
# Tabel 2.2.1, template columns: TUJUAN, IND. TUJUAN, SASARAN, IND. SASARAN, KONDISI AWAL,
# [tc for], TAHUN, [tc endfor], KONDISI AKHIR, STRATEGI, ARAH KEBIJAKAN, ACUAN, FORMULASI, SUMBER.
# The year column is repeated per year; iku.render rescales the widths to the text width.
# Text columns are wide enough for the longest common word at 7 pt; the tag columns only
# hold {%tc %} (they vanish) and bring the total to the 24.7 cm landscape A4 text width.
KOLOM_TABEL = [2.35, 2.1, 2.1, 2.2, 1.45, 0.5, 1.1, 0.5, 1.45, 2.3, 2.3, 1.85, 2.4, 2.1]
MARGIN_SEL_TWIP = 45  # 0.08 cm left and right inside each cell of the wide table


def dokumen_iku() -> Document:
    doc = dokumen_dasar()
    _gaya_buku(doc)
    _atur_pembaruan_field(doc)
    _polos(doc.sections[0])
    sampul(doc)
    _bagian(doc, "lowerRoman", nomor_baru=True)
    kata_pengantar(doc)
    daftar_isi(doc)
    _bagian(doc, "decimal", nomor_baru=True)
    bab_pendahuluan(doc)
    bab_iku_awal(doc)
    _bagian(doc, mendatar=True)
    tabel_strategi(doc)
    _bagian(doc)
    bab_iku_akhir(doc)
    bab_penutup(doc)
    _bagian_keputusan(doc)
    isi_keputusan(doc)
    _bagian(doc, mendatar=True)
    isi_lampiran(doc, ttd="Tanda Tangan Lampiran")
    return doc


# ---------------------------------------------------------------- styles and settings

def _gaya_buku(doc: Document) -> None:
    for nama, ukuran, rata, sebelum, sesudah in (("Heading 1", 14, TENGAH, 0, 18), ("Heading 2", 12, KIRI, 12, 6)):
        s = doc.styles[nama]
        s.font.size, s.font.bold, s.font.italic = Pt(ukuran), True, False
        s.font.color.rgb = RGBColor(0, 0, 0)
        _huruf_tetap(s)
        pf = s.paragraph_format
        pf.alignment, pf.space_before, pf.space_after = rata, Pt(sebelum), Pt(sesudah)
        pf.keep_with_next = True
    gaya(doc, "Isi", sesudah=0)
    gaya(doc, "Isi Butir", kiri=1.0, gantung=0.6, tab=(1.0,), sesudah=0)
    gaya(doc, "Isi Anak", kiri=1.6, gantung=0.6, tab=(1.6,), sesudah=0)
    gaya(doc, "Sampul", rata=TENGAH)
    gaya(doc, "Keterangan Gambar", rata=TENGAH, ukuran=11, tebal=True)
    gaya(doc, "Tanda Tangan Buku", kiri=8.0, rata=KIRI, bersama=True)
    gaya(doc, "Sasaran", kiri=4.2, gantung=3.2, tab=(1.6, 3.8, 4.2), rata=KIRI)
    gaya(doc, "Tabel Kecil", rata=KIRI, ukuran=7)
    gaya(doc, "Tabel Kecil Tengah", rata=TENGAH, ukuran=7)
    gaya(doc, "Tabel Kecil Judul", rata=TENGAH, ukuran=7, tebal=True)
    for tingkat, kiri in ((1, 0.0), (2, 0.8)):
        s = gaya(doc, f"TOC {tingkat}", kiri=kiri, rata=KIRI, sesudah=3, tebal=tingkat == 1)
        s.element.find(qn("w:name")).set(qn("w:val"), f"toc {tingkat}")  # Word's built-in name
        s.paragraph_format.tab_stops.add_tab_stop(Cm(LEBAR_TEKS), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)


def _huruf_tetap(gaya_) -> None:
    """The document font instead of the theme's heading font."""
    rpr = gaya_.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for tema in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        rfonts.attrib.pop(qn(tema), None)
    for atribut in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(atribut), HURUF)


def _atur_pembaruan_field(doc: Document) -> None:
    """<w:updateFields/>: Word refreshes the contents (page numbers) when the file is opened."""
    settings = doc.settings.element
    e = OxmlElement("w:updateFields")
    e.set(qn("w:val"), "true")
    sesudah = {"hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids"}
    for anak in settings:
        if anak.tag.split("}")[1] in sesudah or anak.tag.split("}")[1].startswith(("mathPr", "themeFontLang")):
            anak.addprevious(e)
            return
    settings.append(e)


# ---------------------------------------------------------------- sections and page numbers

def _polos(section) -> None:
    """A section without page number (the cover)."""
    section.different_first_page_header_footer = False
    for bagian in (section.header, section.footer):
        bagian.is_linked_to_previous = False
        for p in bagian.paragraphs:
            for r in list(p.runs):
                p._p.remove(r._r)


def _bagian(doc: Document, format_nomor: str | None = None, nomor_baru: bool = False,
            mendatar: bool = False, judul_halaman: bool = False):
    """A new section on a new page; page number format/restart and orientation as asked."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    pendek, panjang = Mm(210), Mm(297)
    section.orientation = WD_ORIENT.LANDSCAPE if mendatar else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (panjang, pendek) if mendatar else (pendek, panjang)
    section.different_first_page_header_footer = judul_halaman
    for cabang in section._sectPr.findall(qn("w:pgNumType")):  # a clone: continue, never restart
        cabang.attrib.pop(qn("w:start"), None)
    if format_nomor:
        _nomor_halaman(section, format_nomor, nomor_baru)
        _kaki_nomor(section)
    return section


def _nomor_halaman(section, format_nomor: str, mulai_satu: bool) -> None:
    sectpr = section._sectPr
    for lama in sectpr.findall(qn("w:pgNumType")):
        sectpr.remove(lama)
    e = OxmlElement("w:pgNumType")
    e.set(qn("w:fmt"), format_nomor)
    if mulai_satu:
        e.set(qn("w:start"), "1")
    cols = sectpr.find(qn("w:cols"))
    (cols.addprevious(e) if cols is not None else sectpr.append(e))


def _kaki_nomor(section) -> None:
    """Book pages: the page number centred in the footer, no header."""
    section.header.is_linked_to_previous = False
    section.footer.is_linked_to_previous = False
    p = section.footer.paragraphs[0]
    p.alignment = TENGAH
    _field(p, "PAGE")


def _bagian_keputusan(doc: Document) -> None:
    """The decree as standalone: numbering restarts, '- N -' from its page 2."""
    section = _bagian(doc, judul_halaman=True)
    _nomor_halaman(section, "decimal", True)
    section.header.is_linked_to_previous = False
    section.footer.is_linked_to_previous = False
    section.first_page_header.is_linked_to_previous = False
    section.first_page_footer.is_linked_to_previous = False
    nomor_halaman(section)


# ---------------------------------------------------------------- front matter

def sampul(doc: Document) -> None:
    for _ in range(3):
        kosong(doc, "Sampul")
    para(doc, "{{ buku.sampul.judul }}", style="Sampul", tebal=True, ukuran=22, sesudah=6)
    para(doc, "{{ buku.sampul.periode }}", style="Sampul", tebal=True, ukuran=18)
    for _ in range(3):
        kosong(doc, "Sampul")
    tag(doc, "{%p if buku.sampul.logo %}")
    para(doc, "{{ buku.sampul.logo }}", style="Sampul")
    tag(doc, "{%p endif %}")
    for _ in range(3):
        kosong(doc, "Sampul")
    para(doc, "{{ buku.sampul.pemerintah }}", style="Sampul", tebal=True, ukuran=14, sesudah=4)
    para(doc, "{{ buku.sampul.instansi }}", style="Sampul", tebal=True, ukuran=16)
    for _ in range(6):
        kosong(doc, "Sampul")
    para(doc, "{{ buku.sampul.alamat }}", style="Sampul", ukuran=11)
    tag(doc, "{%p for k in buku.sampul.kontak %}")
    para(doc, "{{ k }}", style="Sampul", ukuran=11)
    tag(doc, "{%p endfor %}")


def judul(doc: Document, kunci: str, tingkat: int = 1, halaman_baru: bool = False) -> None:
    p = doc.add_paragraph(f"{{{{ buku.judul.{kunci} }}}}", style=f"Heading {tingkat}")
    p.paragraph_format.page_break_before = halaman_baru or None


def paragraf(doc: Document, sumber: str) -> None:
    """Config text: a blank line between paragraphs, one paragraph per written line."""
    tag(doc, f"{{%p for par in {sumber} %}}")
    tag(doc, "{%p for baris in par %}")
    para(doc, "{{ baris }}", style="Isi")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if not loop.last %}")
    kosong(doc, "Isi")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")


def teks(doc: Document, *baris: str, style: str = "Isi", sesudah: float = 6) -> None:
    for b in baris:
        para(doc, b, style=style, sesudah=sesudah)


def butir(doc: Document, butir_: list[str], penomoran: str = "{n}.", style: str = "Isi Butir") -> None:
    for n, b in enumerate(butir_, start=1):
        para(doc, penomoran.format(n=n), TAB, b, style=style)
    kosong(doc, "Isi")


def kata_pengantar(doc: Document) -> None:
    judul(doc, "pengantar")
    paragraf(doc, "buku.pengantar.paragraf")
    kosong(doc)
    para(doc, "{{ buku.pengantar.tempat_tanggal }}", style="Tanda Tangan Buku")
    tanda_tangan(doc, "Tanda Tangan Buku", dengan_penetapan=False)


def daftar_isi(doc: Document) -> None:
    """A TOC field (\\o "1-2" \\h \\z \\u) whose cached result lists the same headings."""
    judul(doc, "daftar_isi", halaman_baru=True)
    para(doc, "Halaman", style="Isi", rata=WD_ALIGN_PARAGRAPH.RIGHT, tebal=True, sesudah=6)
    awal = doc.add_paragraph(style="toc 1")
    _fldchar(awal, "begin")
    instr = awal.add_run()._r
    it = OxmlElement("w:instrText")
    it.set(qn("xml:space"), "preserve")
    it.text = ' TOC \\o "1-2" \\h \\z \\u '
    instr.append(it)
    _fldchar(awal, "separate")
    tag(doc, "{%p for e in buku.daftar_isi %}")
    tag(doc, "{%p if e.tingkat == 1 %}")
    para(doc, "{{ e.teks }}", TAB, style="toc 1")
    tag(doc, "{%p else %}")
    para(doc, "{{ e.teks }}", TAB, style="toc 2")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    akhir = doc.add_paragraph(style="toc 1")
    _fldchar(akhir, "end")


def _fldchar(p, jenis: str) -> None:
    fc = OxmlElement("w:fldChar")
    fc.set(qn("w:fldCharType"), jenis)
    p.add_run()._r.append(fc)


# ---------------------------------------------------------------- BAB I

TUJUAN_IKU = [
    "Untuk memperoleh informasi kinerja yang penting dan diperlukan dalam menyelenggarakan manajemen "
    "kinerja secara baik.",
    "Untuk memperoleh ukuran keberhasilan dari pencapaian suatu tujuan dan sasaran strategis organisasi "
    "yang digunakan untuk perbaikan kinerja dan peningkatan akuntabilitas kinerja.",
]
PENGGUNAAN_IKU = [
    "Perencanaan Jangka Menengah;", "Perencanaan Tahunan;", "Perencanaan Anggaran;",
    "Penyusunan Dokumen Perjanjian Kinerja;", "Pengukuran Kinerja;", "Pelaporan Akuntabilitas Kinerja;",
    "Evaluasi Kinerja Instansi Pemerintah; dan",
    "Pemantauan dan Pengendalian Kinerja Pelaksanaan Program dan Kegiatan.",
]


def bab_pendahuluan(doc: Document) -> None:
    judul(doc, "pendahuluan")
    judul(doc, "latar", 2)
    paragraf(doc, "buku.latar")
    judul(doc, "struktur", 2)
    para(doc, "{{ buku.struktur.pengantar }}", style="Isi", sesudah=6)
    tag(doc, "{%p for u in buku.struktur.daftar %}")
    para(doc, "{{ u.label }}", TAB, "{{ u.teks }}", style="Isi Butir")
    tag(doc, "{%p for a in u.anak %}")
    para(doc, "{{ a.label }}", TAB, "{{ a.teks }}", style="Isi Anak")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p for g in buku.struktur.bagan %}")
    kosong(doc, "Isi")
    para(doc, "{{ g.gambar }}", style="Keterangan Gambar", bersama=True)
    para(doc, "{{ g.judul }}", style="Keterangan Gambar")
    tag(doc, "{%p endfor %}")
    judul(doc, "tujuan_iku", 2)
    teks(doc, "Tujuan dari ditetapkannya Indikator Kinerja Utama bagi setiap instansi pemerintah adalah:")
    butir(doc, TUJUAN_IKU)
    teks(doc, "Indikator Kinerja Utama yang telah ditetapkan secara formal digunakan dalam:")
    butir(doc, PENGGUNAAN_IKU)


# ---------------------------------------------------------------- BAB II

def bab_iku_awal(doc: Document) -> None:
    judul(doc, "bab_iku", halaman_baru=True)
    judul(doc, "tujuan_sasaran", 2)
    teks(doc,
         "Tujuan adalah sesuatu yang akan dicapai atau dihasilkan dalam jangka waktu satu sampai lima tahun. "
         "Tujuan ditetapkan dengan mengacu kepada tugas pokok dan fungsi {{ buku.instansi }} serta isu-isu "
         "strategis, dan hendak dicapai dalam kurun waktu {{ buku.bab_iku.periode }}.",
         "Sasaran adalah hasil yang akan dicapai secara nyata dalam rumusan yang lebih spesifik dan terukur. "
         "Berdasarkan tujuan tersebut, ditetapkan sasaran yang hendak diwujudkan dalam kurun waktu "
         "{{ buku.bab_iku.periode }} sebagai berikut.")
    para(doc, "a.", TAB, "Tujuan", style="Isi Butir", tebal=True, bersama=True)
    para(doc, "{{ buku.bab_iku.tujuan }}", style="Isi Butir", sesudah=6).paragraph_format.first_line_indent = Cm(0)
    para(doc, "b.", TAB, "Sasaran", style="Isi Butir", tebal=True, bersama=True)
    tag(doc, "{%p for s in buku.bab_iku.sasaran %}")
    para(doc, "{{ s.label }}", TAB, "Sasaran", TAB, ":", TAB, "{{ s.sasaran }}", style="Sasaran")
    para(doc, "", TAB, "Indikator", TAB, ":", TAB, "{{ s.indikator }}", style="Sasaran", sesudah=4)
    tag(doc, "{%p endfor %}")
    judul(doc, "strategi", 2)
    teks(doc,
         "Strategi adalah langkah-langkah yang berisikan program-program indikatif untuk mewujudkan tujuan "
         "dan sasaran. Arah kebijakan merupakan pedoman untuk mengarahkan strategi yang dipilih menuju tujuan "
         "dan sasaran yang ingin dicapai selama {{ buku.bab_iku.lama }} pembangunan. Tujuan, sasaran, target, "
         "strategi dan arah kebijakan {{ buku.instansi }} Tahun {{ buku.bab_iku.periode }} tercantum dalam "
         "{{ buku.bab_iku.tabel.label }}.")


def tabel_strategi(doc: Document) -> None:
    para(doc, "{{ buku.bab_iku.tabel.label }}", style="Keterangan Gambar", bersama=True)
    para(doc, "{{ buku.bab_iku.tabel.judul }}", style="Keterangan Gambar", sesudah=6, bersama=True)
    t = doc.add_table(rows=6, cols=len(KOLOM_TABEL))
    t.style = doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    lebar_kolom(t, KOLOM_TABEL)
    _margin_sel(t, MARGIN_SEL_TWIP)
    _kepala_tabel(t)
    _nomor_kolom(t.rows[2].cells)
    isi_sel(t.rows[3].cells[0], "{%tr for b in buku.bab_iku.tabel.baris %}", style="Tabel Kecil")
    _baris_tabel(t.rows[4].cells)
    _jangan_terbelah(t.rows[4])
    isi_sel(t.rows[5].cells[0], "{%tr endfor %}", style="Tabel Kecil")


def _jangan_terbelah(baris) -> None:
    """<w:cantSplit/>: a data row moves whole to the next page instead of breaking across two."""
    trpr = baris._tr.get_or_add_trPr()
    trpr.insert(0, OxmlElement("w:cantSplit"))


def _margin_sel(t, twip: int) -> None:
    mar = OxmlElement("w:tblCellMar")
    for sisi in ("left", "right"):
        e = OxmlElement(f"w:{sisi}")
        e.set(qn("w:w"), str(twip))
        e.set(qn("w:type"), "dxa")
        mar.append(e)
    t._tbl.tblPr.append(mar)


def _kepala_tabel(t) -> None:
    atas, bawah = t.rows[0].cells, t.rows[1].cells
    for i in (0, 1, 2, 3, 4, 8, 9, 10):
        atas[i].merge(bawah[i])
    target = atas[5].merge(atas[7])
    penjelasan = atas[11].merge(atas[13])
    judul_ = {0: "TUJUAN", 1: "INDIKATOR TUJUAN", 2: "SASARAN", 3: "INDIKATOR SASARAN/ INDIKATOR KINERJA UTAMA",
              4: "{{ buku.bab_iku.tabel.kondisi_awal }}", 8: "{{ buku.bab_iku.tabel.kondisi_akhir }}",
              9: "STRATEGI", 10: "ARAH KEBIJAKAN"}
    for i, isi in judul_.items():
        isi_sel(atas[i], isi, style="Tabel Kecil Judul")
    isi_sel(target, "{% colspan buku.bab_iku.tabel.jumlah_tahun %}TARGET", style="Tabel Kecil Judul")
    isi_sel(penjelasan, "PENJELASAN", style="Tabel Kecil Judul")
    isi_sel(bawah[5], "{%tc for t in buku.bab_iku.tabel.tahun %}", style="Tabel Kecil Judul")
    isi_sel(bawah[6], "{{ t }}", style="Tabel Kecil Judul")
    isi_sel(bawah[7], "{%tc endfor %}", style="Tabel Kecil Judul")
    for i, isi in ((11, "ACUAN"), (12, "FORMULASI/ CARA PENGUKURAN"), (13, "SUMBER DATA")):
        isi_sel(bawah[i], isi, style="Tabel Kecil Judul")
    for baris in t.rows[:3]:
        ulang_judul(baris)
        for sel in baris.cells:
            arsir(sel)
            sel.vertical_alignment = 1


def _nomor_kolom(sel) -> None:
    """Column numbers 1..n as one repeated cell (the count follows the number of years)."""
    isi_sel(sel[0], "{%tc for n in buku.bab_iku.tabel.nomor %}", style="Tabel Kecil Judul")
    isi_sel(sel[1], "{{ n }}", style="Tabel Kecil Judul")
    isi_sel(sel[2].merge(sel[-1]), "{%tc endfor %}", style="Tabel Kecil Judul")


def _baris_tabel(sel) -> None:
    isi_sel(sel[0], "{% vm %}{{ buku.bab_iku.tabel.tujuan }}", style="Tabel Kecil")
    isi_sel(sel[1], "{% vm %}{{ buku.bab_iku.tabel.indikator_tujuan }}", style="Tabel Kecil")
    isi_sel(sel[2], "{% gabung b.awal_sasaran %}{{ b.sasaran }}", style="Tabel Kecil")
    isi_sel(sel[3], "{{ b.indikator }}", style="Tabel Kecil")
    isi_sel(sel[4], "{{ b.kondisi_awal }}", style="Tabel Kecil Tengah")
    isi_sel(sel[5], "{%tc for v in b.target %}", style="Tabel Kecil Tengah")
    isi_sel(sel[6], "{{ v }}", style="Tabel Kecil Tengah")
    isi_sel(sel[7], "{%tc endfor %}", style="Tabel Kecil Tengah")
    isi_sel(sel[8], "{{ b.kondisi_akhir }}", style="Tabel Kecil Tengah")
    isi_sel(sel[9], "{{ b.strategi }}", style="Tabel Kecil")
    isi_sel(sel[10], "{{ b.arah_kebijakan }}", style="Tabel Kecil")
    isi_sel(sel[11], "{{ b.acuan }}", style="Tabel Kecil")
    formulasi(sel[12])
    isi_sel(sel[13], "{{ b.sumber_data }}", style="Tabel Kecil")


def formulasi(sel) -> None:
    """Text, or a fraction printed stacked (numerator over a rule over denominator), as in the lampiran."""
    isi_sel(sel, "{%p if b.pecahan %}", style="Tabel Kecil")
    garis_bawah_paragraf(para(sel, "{{ b.pecahan.pembilang }}", style="Tabel Kecil Tengah"))
    para(sel, "{{ b.pecahan.penyebut }}", style="Tabel Kecil Tengah")
    tag(sel, "{%p if b.pecahan.kali %}")
    para(sel, "x {{ b.pecahan.kali }}", style="Tabel Kecil Tengah")
    tag(sel, "{%p endif %}")
    tag(sel, "{%p else %}")
    para(sel, "{{ b.formulasi }}", style="Tabel Kecil")
    tag(sel, "{%p endif %}")


KRITERIA = [
    ("Spesifik (Specific)", "Indikator kinerja harus spesifik mengacu pada apa yang akan diukur, sehingga "
                            "mempunyai persepsi yang sama."),
    ("Dapat diukur (Measurable)", "Indikator kinerja harus dapat diukur secara obyektif, baik yang bersifat "
                                  "kuantitatif maupun kualitatif."),
    ("Dapat dicapai (Achievable)", "Indikator kinerja yang ditetapkan harus dapat dikumpulkan datanya oleh "
                                   "organisasi."),
    ("Relevan (Relevant)", "Indikator kinerja harus merupakan alat ukur yang menggambarkan sedekat mungkin "
                           "keberhasilan atau kegagalan yang akan diukur."),
    ("Tepat waktu (Timely)", "Indikator kinerja yang ditetapkan menggambarkan suatu kinerja yang dapat dicapai "
                             "untuk kurun waktu tertentu, dan sedapat mungkin fleksibel apabila di kemudian hari "
                             "terjadi perubahan."),
]
PERTIMBANGAN = [
    "Adanya keselarasan dan mengacu pada dokumen RPJMD/RPD, Renstra dan kebijakan umum;",
    "Bidang kewenangan, tugas dan fungsi perangkat daerah;",
    "Kebutuhan informasi kinerja untuk menyelenggarakan akuntabilitas kinerja;",
    "Kebutuhan statistik pemerintah; dan",
    "Perkembangan isu dan ilmu pengetahuan.",
]


def bab_iku_akhir(doc: Document) -> None:
    tag(doc, "{%p for g in buku.bab_iku.grafik %}")
    para(doc, "{{ g.gambar }}", style="Keterangan Gambar", bersama=True)
    para(doc, "{{ g.judul }}", style="Keterangan Gambar", sesudah=6)
    tag(doc, "{%p endfor %}")
    judul(doc, "iku", 2)
    teks(doc,
         "Indikator Kinerja Utama adalah ukuran keberhasilan dari suatu tujuan dan sasaran strategis organisasi. "
         "Setiap instansi pemerintah wajib merumuskan Indikator Kinerja Utama yang mengacu pada sasaran "
         "strategis dalam RPJMD/RPD dan Renstra perangkat daerah. Indikator Kinerja Utama pada unit organisasi "
         "setingkat eselon II/perangkat daerah sekurang-kurangnya adalah indikator keluaran (output) untuk "
         "mendukung pencapaian sasaran strategis.",
         "Penetapan Indikator Kinerja Utama harus memenuhi karakteristik dan kriteria indikator kinerja yang "
         "memadai untuk pengukuran kinerja, yaitu:")
    for n, (nama, uraian) in enumerate(KRITERIA, start=1):
        para(doc, f"{n}.", TAB, nama, style="Isi Butir", tebal=True, bersama=True)
        p = para(doc, uraian, style="Isi Butir", sesudah=4)
        p.paragraph_format.first_line_indent = Cm(0)
    teks(doc, "Dalam menetapkan dan memilih Indikator Kinerja Utama perlu dipertimbangkan hal-hal berikut:")
    butir(doc, PERTIMBANGAN)


def bab_penutup(doc: Document) -> None:
    judul(doc, "penutup", halaman_baru=True)
    teks(doc,
         "Sesuai dengan Peraturan Menteri Negara Pendayagunaan Aparatur Negara Nomor PER/09/M.PAN/5/2007 "
         "tentang Pedoman Umum Penetapan Indikator Kinerja Utama di Lingkungan Instansi Pemerintah, setiap unit "
         "kerja wajib menetapkan Indikator Kinerja Utama untuk menjamin keandalan informasi yang disajikan dalam "
         "laporan akuntabilitas kinerja, sebagai tolok ukur pencapaian kinerja yang telah ditetapkan dalam "
         "dokumen perencanaan.",
         "Indikator Kinerja Utama {{ buku.instansi }} Tahun {{ buku.bab_iku.periode }} ini dipakai dalam "
         "perencanaan tahunan, perencanaan anggaran, penyusunan perjanjian kinerja, pengukuran kinerja, "
         "pelaporan akuntabilitas kinerja, evaluasi kinerja, serta pemantauan dan pengendalian pelaksanaan "
         "program dan kegiatan.")
    judul(doc, "lampiran", halaman_baru=True)
    para(doc, "{{ buku.lampiran }}", style="Sampul")
