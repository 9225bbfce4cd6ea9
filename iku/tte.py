"""Signature layouts over any filled document: wet ink, electronic (QR + BSrE footer), SRIKANDI.

A step of the tidy pass, so it works on the default templates and on an agency's Word-edited
ones alike. A signature block is a run of consecutive paragraphs whose style is named
"Tanda Tangan..." (Tanda Tangan, Tanda Tangan Buku, Tanda Tangan Lampiran, ...); inside it the
signer's name is found by its printed value, the empty paragraphs just above it are the ink
space, and the paragraph above those is the jabatan. `basah` changes nothing.
"""

from __future__ import annotations

import hashlib
import io
import re
from copy import deepcopy
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

TEKS_ELEKTRONIK = "Ditandatangani secara elektronik oleh:"
KAKI_ELEKTRONIK = (
    "Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik yang "
    "diterbitkan oleh Balai Besar Sertifikasi Elektronik (BSrE), Badan Siber dan Sandi Negara (BSSN). "
    "Sesuai Undang-Undang Informasi dan Transaksi Elektronik (UU ITE), dokumen elektronik dan/atau "
    "hasil cetaknya merupakan alat bukti hukum yang sah."
)
LEBAR_QR_MM = 16  # with the caption line, about as tall as the ink space it replaces
JARAK_KAKI_MM = 8  # footer this close to the paper's edge, so its three small lines stay inside the margin
UKURAN_KAKI = 14  # half-points: 7 pt
AWALAN_GAYA = "tanda tangan"

NOMOR, TANGGAL, TTD, NAMA, NIP, JABATAN = (
    "${nomor_naskah}",
    "${tanggal_naskah}",
    "${ttd_pengirim}",
    "${nama_pengirim}",
    "${nip_pengirim}",
    "${jabatan_pengirim}",
)
ISIAN_SRIKANDI = (NOMOR, TANGGAL, TTD, NAMA, NIP, JABATAN)


@dataclass(frozen=True)
class TataTtd:
    """The signature layout of a set and the printed values that locate its parts."""

    cara: str = "basah"  # "basah", "elektronik" or "srikandi"
    jabatan: str = ""
    nama: str = ""
    nip: str = ""
    nomor: str = ""
    tanggal: str = ""
    teks_qr: str = ""


def teks_qr(url: str | None, judul: str, nomor: str, tanggal: str, penanda: str, mentah: bytes) -> str:
    """What the QR code says: the agency's verification address, else who signed what, when."""
    if url:
        return url.replace("{nomor}", quote(nomor, safe=""))
    return "\n".join(
        [
            judul,
            f"Nomor: {nomor}",
            f"Tanggal: {tanggal}",
            f"Penandatangan: {penanda}",
            f"SHA-256 konfigurasi: {hashlib.sha256(mentah).hexdigest()}",
        ]
    )


def png_qr(teks: str) -> bytes:
    """The QR code as PNG bytes; the same text always gives the same bytes."""
    import segno

    keluaran = io.BytesIO()
    segno.make(teks, error="m", micro=False).save(keluaran, kind="png", scale=8, border=2)
    return keluaran.getvalue()


def terapkan(docx: Any, tata: TataTtd) -> None:
    """Lay out every signature block of the document (and its pages) for the chosen way of signing."""
    if tata.cara == "elektronik":
        png = png_qr(tata.teks_qr)
        for blok in blok_tanda_tangan(docx):
            _blok_elektronik(docx, blok, tata, png)
        pasang_kaki(docx, KAKI_ELEKTRONIK)
    elif tata.cara == "srikandi":
        for blok in blok_tanda_tangan(docx):
            _blok_srikandi(blok, tata)
        _ganti_nomor_tanggal(docx, tata)


# ---------------------------------------------------------------- finding the blocks


def blok_tanda_tangan(docx: Any) -> list[list[Any]]:
    """Runs of consecutive paragraphs (document order, table cells included) in a signature style."""
    gaya = set(
        docx.styles.element.xpath(
            'w:style[starts-with(translate(w:name/@w:val, "TANDG", "tandg"), "tanda tangan")]/@w:styleId'
        )
    )
    hasil: list[list[Any]] = []
    sebelumnya = None
    for p in docx.element.body.iter(qn("w:p")):
        if p.style not in gaya:
            sebelumnya = None
            continue
        if sebelumnya is None:
            hasil.append([])
        hasil[-1].append(p)
        sebelumnya = p
    return hasil


def teks(p: Any) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t"))).strip()


def bagian_blok(blok: list[Any], tata: TataTtd) -> tuple[Any, list[Any], Any] | None:
    """(jabatan, the empty paragraphs of the ink space, nama) of a block, or None without a name."""
    nama = next((i for i, p in enumerate(blok) if teks(p) == tata.nama.strip()), None)
    if nama is None:
        return None
    awal = nama
    while awal > 0 and not teks(blok[awal - 1]) and not _ada_gambar(blok[awal - 1]):
        awal -= 1
    jabatan = blok[awal - 1] if awal > 0 else None
    return jabatan, blok[awal:nama], blok[nama]


def _ada_gambar(p: Any) -> bool:
    return p.find(f".//{qn('w:drawing')}") is not None


# ---------------------------------------------------------------- elektronik


def _blok_elektronik(docx: Any, blok: list[Any], tata: TataTtd, png: bytes) -> None:
    bagian = bagian_blok(blok, tata)
    if bagian is None:
        return
    jabatan, ruang, nama = bagian
    tempat = satu_ruang(ruang, nama)
    _tulis(tempat, "")
    _gambar(docx, tempat, png)
    if jabatan is not None:
        keterangan = _paragraf_kosong_sebelum(jabatan)
        _tulis(keterangan, TEKS_ELEKTRONIK)


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


def _gambar(docx: Any, p: Any, png: bytes) -> None:
    from docx.text.paragraph import Paragraph

    Paragraph(p, docx.part).add_run().add_picture(io.BytesIO(png), width=Mm(LEBAR_QR_MM))


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


def pasang_kaki(docx: Any, isi: str) -> None:
    """A small centred line at the foot of every page: every footer in use gets it once."""
    genap = docx.settings.element.find(qn("w:evenAndOddHeaders")) is not None
    for bagian in docx.sections:  # a page kind with no footer in effect gets one
        if bagian.footer_distance is None or bagian.footer_distance > Mm(JARAK_KAKI_MM):
            bagian.footer_distance = Mm(JARAK_KAKI_MM)
        kaki = (
            [bagian.footer]
            + [bagian.first_page_footer] * bagian.different_first_page_header_footer
            + [bagian.even_page_footer] * genap
        )
        for k in kaki:
            k._get_or_add_definition()
    # through the relationships, not python-docx's cache: docxtpl swaps the parts it renders
    rid = dict.fromkeys(r.get(qn("r:id")) for r in docx.element.body.iter(qn("w:footerReference")))
    for kode in rid:
        _tambah_kaki(docx.part.rels[kode].target_part._element, isi)


def _tambah_kaki(akar: Any, isi: str) -> None:
    paragraf = akar.findall(qn("w:p"))
    p = paragraf[0] if len(paragraf) == 1 and not teks(paragraf[0]) and not _ada_isi(paragraf[0]) else None
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


def _blok_srikandi(blok: list[Any], tata: TataTtd) -> None:
    bagian = bagian_blok(blok, tata)
    if bagian is None:
        return
    jabatan, ruang, nama = bagian
    _tulis(satu_ruang(ruang, nama), TTD)
    _tulis(nama, NAMA)
    if jabatan is not None:
        _tulis(jabatan, JABATAN + ("," if teks(jabatan).endswith(",") else ""))
    nip = next((p for p in blok[blok.index(nama) + 1 :] if teks(p).upper().startswith("NIP")), None)
    if nip is not None:
        _tulis(nip, f"NIP. {NIP}")


def _ganti_nomor_tanggal(docx: Any, tata: TataTtd) -> None:
    """The decree's nomor and date, wherever printed, become SRIKANDI's placeholders (each in one w:t)."""
    pola = [
        (re.compile(rf"(?<![\w/.]){re.escape(nilai)}(?![\w/])"), isian)
        for nilai, isian in ((tata.nomor, NOMOR), (tata.tanggal, TANGGAL))
        if nilai and nilai != isian
    ]
    for t in docx.element.body.iter(qn("w:t")):
        baru = t.text or ""
        for p, isian in pola:
            baru = p.sub(lambda _m, isian=isian: isian, baru)
        if baru != (t.text or ""):
            t.text = baru


def isian_hilang(docx: Any) -> list[str]:
    """SRIKANDI placeholders that no single w:t of the body holds (where SRIKANDI would not find them)."""
    semua = " ".join(t.text or "" for t in docx.element.body.iter(qn("w:t")))
    return [i for i in ISIAN_SRIKANDI if i not in semua]
