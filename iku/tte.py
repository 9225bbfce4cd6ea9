"""Signature layouts over any filled document: wet ink, electronic (QR + BSrE footer), SRIKANDI.

A step of the tidy pass, so it works on the default templates and on an agency's Word-edited
ones alike. What it reads is declared by the template, never recognised from printed values: a
signature block is a run of consecutive paragraphs whose style is named "Tanda Tangan..."
(Tanda Tangan, Tanda Tangan Buku, Tanda Tangan Lampiran, ...), the PK's countersigner's in a
style named "Tanda Tangan Pihak Kedua..."; inside a block the ink space is its run of empty
paragraphs that the name follows, the paragraph above it the jabatan. The nomor and date
SRIKANDI fills come from the context (naskah), not from the text. `basah` only marks the space.
"""

from __future__ import annotations

import io
import re
from copy import deepcopy
from typing import Any

from docx.oxml import OxmlElement
from docx.shared import Mm

from . import xml_word
from .naskah.blok import ISIAN_NOMOR, ISIAN_TANGGAL, TataTtd
from .xml_word import qn, sel_berkolom

TEKS_ELEKTRONIK = "Ditandatangani secara elektronik oleh:"
KAKI_ELEKTRONIK = (
    "Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik yang "
    "diterbitkan oleh Balai Besar Sertifikasi Elektronik (BSrE), Badan Siber dan Sandi Negara (BSSN). "
    "Sesuai Undang-Undang Informasi dan Transaksi Elektronik (UU ITE), dokumen elektronik dan/atau "
    "hasil cetaknya merupakan alat bukti hukum yang sah."
)
MODUL_QR_MM = 0.5  # one module of the QR code on paper: a phone or a 150-dpi scan reads it
TEPI_QR = 4  # quiet zone in modules, as ISO/IEC 18004 asks
JARAK_KAKI_MM = 8  # footer this close to the paper's edge, so its three small lines stay inside the margin
UKURAN_KAKI = 14  # half-points: 7 pt
AWALAN_GAYA = "tanda tangan"
AWALAN_GAYA_PIHAK_KEDUA = "tanda tangan pihak kedua"  # the PK's countersigner's block
AWALAN_GAYA_SAMPUL = "sampul"
# Bookmarks at each signing space (letters and digits only: LibreOffice exports them as PDF
# named destinations, where `iku tandatangani` finds the space): IkuTtd<peran><n>Ruang at the
# start of the empty ink space, or IkuTtd<peran><n>Qr just after the QR code standing in it;
# IkuTtd<peran><n>Nama at the name, the space's lower edge.
PENANDA = "IkuTtd{peran}{nomor}{bagian}"
PERAN_PENANDATANGAN = "Penanda"
PERAN_PIHAK_KEDUA = "PihakKedua"
RUANG, SESUDAH_QR, NAMA_PENANDA = "Ruang", "Qr", "Nama"

NOMOR, TANGGAL = ISIAN_NOMOR, ISIAN_TANGGAL
TTD, NAMA, NIP, JABATAN = (
    "${ttd_pengirim}",
    "${nama_pengirim}",
    "${nip_pengirim}",
    "${jabatan_pengirim}",
)
ISIAN_SRIKANDI = (NOMOR, TANGGAL, TTD, NAMA, NIP, JABATAN)
ISIAN_URL = ("nomor", "dokumen")  # what a verification address may contain: {nomor}, {dokumen}


def isian_url_tak_dikenal(url: str) -> list[str]:
    """The {...} placeholders of a verification address that are not {nomor} or {dokumen}."""
    return [f"{{{n}}}" for n in re.findall(r"\{([^{}]*)\}", url) if n not in ISIAN_URL]


def png_qr(teks: str) -> tuple[bytes, float]:
    """The QR code as PNG bytes and its printed width in mm (modules of MODUL_QR_MM, a quiet zone
    of TEPI_QR modules); the same text always gives the same bytes."""
    import segno

    kode = segno.make(teks, error="m", micro=False, boost_error=False)
    keluaran = io.BytesIO()
    kode.save(keluaran, kind="png", scale=8, border=TEPI_QR)
    lebar, _ = kode.symbol_size(scale=1, border=TEPI_QR)
    return keluaran.getvalue(), lebar * MODUL_QR_MM


def terapkan(docx: Any, tata: TataTtd) -> None:
    """Lay out every signature block of the document (and its pages) for the chosen way of signing,
    and mark each signing space for `iku tandatangani`."""
    if not tata.ditandatangani:
        return
    pihak_kedua = _gaya_berawalan(docx.styles.element, AWALAN_GAYA_PIHAK_KEDUA)
    if tata.cara == "srikandi":
        for kolom in kolom_tanda_tangan(docx):
            if (bagian := bagian_blok(kolom)) is not None and bagian[2].style not in pihak_kedua:
                _blok_srikandi(kolom, bagian, tata.ber_nip)
        return
    qr = png_qr(tata.teks_qr) if tata.cara == "elektronik" else None
    nomor = iter(range(1, 10**6))
    ada_elektronik = False
    for kolom in kolom_tanda_tangan(docx):
        bagian = bagian_blok(kolom)
        if bagian is None:
            continue
        kedua = bagian[2].style in pihak_kedua
        elektronik = qr is not None and (not kedua or tata.pihak_kedua_elektronik)
        peran = PERAN_PIHAK_KEDUA if kedua else PERAN_PENANDATANGAN
        _blok(docx, bagian, peran, next(nomor), qr if elektronik else None)
        ada_elektronik |= elektronik
    if ada_elektronik:
        pasang_kaki(docx, KAKI_ELEKTRONIK)


# ---------------------------------------------------------------- finding the blocks


def gaya_tanda_tangan(styles: Any) -> frozenset[str]:
    """Ids of the paragraph styles that declare a signature block: every style whose name begins
    with "Tanda Tangan" in any case (Tanda Tangan, Tanda Tangan Lampiran, Tanda Tangan Kolom ...).
    The one rule for the layout pass (halaman, rapi), the signature layouts and `iku check`."""
    return _gaya_berawalan(styles, AWALAN_GAYA)


def _gaya_berawalan(styles: Any, awalan: str) -> frozenset[str]:
    """Ids of the paragraph styles whose name begins with awalan (lower case), in any case."""
    return frozenset(
        s.get(qn("w:styleId"))
        for s in styles.findall(qn("w:style"))
        if s.get(qn("w:type"), "paragraph") == "paragraph"
        and s.find(qn("w:name")) is not None
        and (s.find(qn("w:name")).get(qn("w:val")) or "").lower().startswith(awalan)
    )


def tabel_tanda_tangan(docx: Any) -> list[Any]:
    """Tables of the body that set a signature block (the PK's two parties side by side, below its
    closing sentence in the LKjIP): no header rows (not a table of data, whose signature row the
    page flow keeps with its last row), and every paragraph of the last row in a signature style."""
    gaya = gaya_tanda_tangan(docx.styles.element)
    hasil = []
    for tbl in docx.element.body.iterchildren(qn("w:tbl")):
        baris = tbl.findall(qn("w:tr"))
        paragraf = list(baris[-1].iter(qn("w:p"))) if baris else []
        kepala = any(tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None for tr in baris)
        if paragraf and not kepala and all(p.style in gaya for p in paragraf):
            hasil.append(tbl)
    return hasil


def kolom_tanda_tangan(docx: Any) -> list[list[Any]]:
    """Signature blocks as columns: runs of consecutive paragraphs (document order) in a signature
    style, a run through a table split by grid column (the PK's two parties side by side)."""
    gaya = gaya_tanda_tangan(docx.styles.element)
    hasil: list[list[Any]] = []
    kolom: dict[Any, list[Any]] = {}
    for p in docx.element.body.iter(qn("w:p")):
        if p.style not in gaya:
            kolom = {}
            continue
        kunci = _kolom(p)
        if kunci not in kolom:
            kolom[kunci] = []
            hasil.append(kolom[kunci])
        kolom[kunci].append(p)
    return hasil


def _kolom(p: Any) -> tuple[Any, int] | None:
    """(table, grid column) of a paragraph in a table cell, None in the body."""
    tc = next((a for a in p.iterancestors(qn("w:tc"))), None)
    if tc is None:
        return None
    tr = tc.getparent()
    return tr.getparent(), next(kolom for kolom, sel in sel_berkolom(tr) if sel is tc)


def bagian_blok(blok: list[Any]) -> tuple[Any, list[Any], Any] | None:
    """(jabatan, the empty paragraphs of the ink space, nama) of a block, by its shape: the ink
    space is its longest run of empty paragraphs that text follows (the later of equal ones),
    the name the paragraph after it, the jabatan the one before; None without such a run."""
    kosong = [not xml_word.teks(p).strip() and not _ada_gambar(p) for p in blok]
    terbaik: tuple[int, int] | None = None  # (start, end) of the ink space
    awal = None
    for i, k in enumerate(kosong):
        if k and awal is None:
            awal = i
        elif not k and awal is not None:
            if terbaik is None or i - awal >= terbaik[1] - terbaik[0]:
                terbaik = (awal, i)
            awal = None
    if terbaik is None:
        return None
    mulai, nama = terbaik
    return (blok[mulai - 1] if mulai > 0 else None), blok[mulai:nama], blok[nama]


def _ada_gambar(p: Any) -> bool:
    return p.find(f".//{qn('w:drawing')}") is not None


# ---------------------------------------------------------------- ink space, QR code


def _blok(
    docx: Any, bagian: tuple[Any, list[Any], Any], peran: str, nomor: int, qr: tuple[bytes, float] | None
) -> None:
    """Mark the ink space (and the name); in the electronic layout the QR code stands in it."""
    jabatan, ruang, nama = bagian
    if qr is None:
        tempat = ruang[0] if ruang else _paragraf_kosong_sebelum(nama)
    else:
        tempat = satu_ruang(ruang, nama)
        _tulis(tempat, "")
        _gambar(docx, tempat, *qr)  # at the column's start: the signature box fits beside it
        if jabatan is not None:
            _tulis(_paragraf_kosong_sebelum(jabatan), TEKS_ELEKTRONIK)
    _tandai(docx, tempat, PENANDA.format(peran=peran, nomor=nomor, bagian=RUANG if qr is None else SESUDAH_QR))
    _tandai(docx, nama, PENANDA.format(peran=peran, nomor=nomor, bagian=NAMA_PENANDA))


def _tandai(docx: Any, p: Any, nama: str) -> None:
    """An empty bookmark at the end of p's content (after the QR code, where the free space starts)."""
    kode = str(1 + max((int(b.get(qn("w:id"))) for b in docx.element.body.iter(qn("w:bookmarkStart"))), default=0))
    awal, akhir = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
    awal.set(qn("w:id"), kode)
    awal.set(qn("w:name"), nama)
    akhir.set(qn("w:id"), kode)
    if _ada_gambar(p):
        p.append(awal)
    else:
        ppr = p.find(qn("w:pPr"))
        if ppr is not None:
            ppr.addnext(awal)
        else:
            p.insert(0, awal)
    awal.addnext(akhir)


def satu_ruang(ruang: list[Any], nama: Any) -> Any:
    """The ink space made one paragraph (the QR code or SRIKANDI's signature stands in it)."""
    for p in ruang[1:]:
        p.getparent().remove(p)
    return ruang[0] if ruang else _paragraf_kosong_sebelum(nama)


def _paragraf_kosong_sebelum(p: Any) -> Any:
    """A new empty paragraph just before p, with p's paragraph properties (style, indent)."""
    baru = OxmlElement("w:p")
    ppr = p.find(qn("w:pPr"))
    if ppr is not None:
        baru.append(deepcopy(ppr))
    p.addprevious(baru)
    return baru


def _gambar(docx: Any, p: Any, png: bytes, lebar_mm: float) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.text.paragraph import Paragraph

    paragraf = Paragraph(p, docx.part)
    paragraf.add_run().add_picture(io.BytesIO(png), width=Mm(lebar_mm))
    paragraf.alignment = WD_ALIGN_PARAGRAPH.LEFT


def _tulis(p: Any, isi: str) -> None:
    """Make p's text isi, in one w:t, keeping the first run's formatting; other text runs go."""
    runs = [
        r
        for r in p.iter(qn("w:r"))
        if r.find(qn("w:t")) is not None or r.find(qn("w:tab")) is not None or r.find(qn("w:br")) is not None
    ]
    for r in runs[1:]:
        r.getparent().remove(r)
    if runs:
        run = runs[0]
        for anak in list(run):
            if anak.tag != qn("w:rPr"):
                run.remove(anak)
    elif isi:
        run = OxmlElement("w:r")
        p.append(run)
    if isi:
        t = OxmlElement("w:t")
        t.text = isi
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        run.append(t)


# ---------------------------------------------------------------- BSrE footer


def pasang_kaki(docx: Any, isi: str) -> None:
    """A small centred line at the foot of every page but a cover (a section whose text is all in a
    "Sampul" style): every footer the other pages show gets it once, a cover's footer stays as it is."""
    genap = docx.settings.element.find(qn("w:evenAndOddHeaders")) is not None
    sampul = _bagian_sampul(docx)
    jenis_kaki = ("default", "first", "even")
    for i, (bagian, adalah_sampul) in enumerate(zip(docx.sections, sampul)):
        if adalah_sampul:
            continue
        if bagian.footer_distance is None or bagian.footer_distance > Mm(JARAK_KAKI_MM):
            bagian.footer_distance = Mm(JARAK_KAKI_MM)
        for jenis, kaki in zip(jenis_kaki, (bagian.footer, bagian.first_page_footer, bagian.even_page_footer)):
            dipakai = {"default": True, "first": bagian.different_first_page_header_footer, "even": genap}[jenis]
            if dipakai and kaki.is_linked_to_previous and _warisan_sampul(docx, i, jenis, sampul):
                kaki.is_linked_to_previous = False  # its own footer, not the cover's (nor none at all)
    # through the relationships, not python-docx's cache: docxtpl swaps the parts it renders
    rid: dict[str, None] = {}
    for sectpr, adalah_sampul in zip(_sectpr(docx), sampul):
        if not adalah_sampul:
            rid |= dict.fromkeys(r.get(qn("r:id")) for r in sectpr.findall(qn("w:footerReference")))
    milik_sampul = {
        r.get(qn("r:id"))
        for sectpr, s in zip(_sectpr(docx), sampul)
        if s
        for r in sectpr.findall(qn("w:footerReference"))
    }
    for kode in rid:
        if kode not in milik_sampul:
            _tambah_kaki(docx.part.rels[kode].target_part.element, isi)


def _sectpr(docx: Any) -> list[Any]:
    return list(docx.element.body.iter(qn("w:sectPr")))


def _warisan_sampul(docx: Any, i: int, jenis: str, sampul: list[bool]) -> bool:
    """Whether section i's footer of a kind is inherited from a cover's, or from nothing."""
    semua = _sectpr(docx)
    for j in range(i - 1, -1, -1):
        if any(r.get(qn("w:type")) == jenis for r in semua[j].findall(qn("w:footerReference"))):
            return sampul[j]
    return True


def _bagian_sampul(docx: Any) -> list[bool]:
    """For each section: whether it is a cover (it has text, all of it in a "Sampul..." style)."""
    nama_gaya = {
        k: (s.get(qn("w:val")) or "").lower()
        for k, s in (
            (s.get(qn("w:styleId")), s.find(qn("w:name"))) for s in docx.styles.element.iterchildren(qn("w:style"))
        )
        if s is not None
    }
    hasil: list[bool] = []
    gaya: set[str] = set()
    for anak in docx.element.body.iterchildren():
        for p in [anak] if anak.tag == qn("w:p") else anak.iter(qn("w:p")):
            if xml_word.teks(p).strip():
                gaya.add(nama_gaya.get(p.style, ""))
        if anak.tag == qn("w:sectPr") or anak.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            hasil.append(bool(gaya) and all(g.startswith(AWALAN_GAYA_SAMPUL) for g in gaya))
            gaya = set()
    return hasil


def _tambah_kaki(akar: Any, isi: str) -> None:
    paragraf = akar.findall(qn("w:p"))
    p = (
        paragraf[0]
        if len(paragraf) == 1 and not xml_word.teks(paragraf[0]).strip() and not _ada_isi(paragraf[0])
        else None
    )
    if p is None:
        p = OxmlElement("w:p")
        akar.append(p)
    ppr = p.get_or_add_pPr()
    spasi = OxmlElement("w:spacing")
    for atribut, nilai in (("w:before", "0"), ("w:after", "0"), ("w:line", "240"), ("w:lineRule", "auto")):
        spasi.set(qn(atribut), nilai)
    rata = OxmlElement("w:jc")
    rata.set(qn("w:val"), "center")
    ppr.append(spasi)
    ppr.append(rata)
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    for tag in ("w:sz", "w:szCs"):
        ukuran = OxmlElement(tag)
        ukuran.set(qn("w:val"), str(UKURAN_KAKI))
        rpr.append(ukuran)
    run.append(rpr)
    t = OxmlElement("w:t")
    t.text = isi
    run.append(t)
    p.append(run)


def _ada_isi(p: Any) -> bool:
    return any(p.iter(qn("w:fldSimple"), qn("w:fldChar"), qn("w:drawing")))


# ---------------------------------------------------------------- srikandi


def _blok_srikandi(blok: list[Any], bagian: tuple[Any, list[Any], Any], ber_nip: bool) -> None:
    """The sender's block (SRIKANDI fills the sender's jabatan, signature, name and NIP: the NIP
    on the block's last line of text after the name, when the signer has one)."""
    jabatan, ruang, nama = bagian
    _tulis(satu_ruang(ruang, nama), TTD)
    _tulis(nama, NAMA)
    if jabatan is not None:
        _tulis(jabatan, JABATAN + ("," if xml_word.teks(jabatan).strip().endswith(",") else ""))
    sesudah = [p for p in blok[blok.index(nama) + 1 :] if xml_word.teks(p).strip()]
    if ber_nip and sesudah:
        _tulis(sesudah[-1], f"NIP. {NIP}")


def isian_hilang(docx: Any) -> list[str]:
    """SRIKANDI placeholders that no single w:t of the body holds (where SRIKANDI would not find them)."""
    semua = " ".join(t.text or "" for t in docx.element.body.iter(qn("w:t")))
    return [i for i in ISIAN_SRIKANDI if i not in semua]
