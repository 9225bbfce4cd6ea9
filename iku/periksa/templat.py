"""The rules an agency's (Word-edited) DOCX template must keep, read before and after filling.

A template is read the way docxtpl reads it (its own patch_xml), parsed by Jinja, its names
compared with the real context generate gives it, its structural tags ({%p, {%tr, {%tc)
checked for placement and its required fields present; once filled (by generate's own steps,
see iku/periksa/jalankan.py), the SRIKANDI layout's placeholders must be there. Problems point
at the paragraph by number and text.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from jinja2 import TemplateSyntaxError, nodes

from .. import isi, xml_word
from ..galat import IkuError, Masalah
from ..kolom_lampiran import JUDUL_TABEL, tabel_lampiran
from ..model import Config
from ..naskah import per_templat
from ..tabel import GAYA_ANGKA, gaya_angka
from ..templat_bawaan import bawaan
from ..tte import gaya_tanda_tangan, isian_hilang
from .naskah import salah_eja
from .temuan import Hasil

TANDA_STRUKTUR = re.compile(r"\{([%{#])(p|tr|tc)\s.*?[%}#]\}", re.S)
WADAH = {"tr": ("w:tr", "baris tabel"), "tc": ("w:tc", "sel tabel")}
TEMPLAT_SRIKANDI = ("keputusan.docx", "lampiran.docx")
KUTIP = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


@dataclass(frozen=True)
class Bagian:
    """One XML part of a template: the body, or a header or footer."""

    nama: str
    xml: str

    def paragraf(self) -> list[str]:
        akar = parse_xml(self.xml)
        return [xml_word.teks(p) for p in akar.iter(qn("w:p"))]


def bagian(doc: Any) -> list[Bagian]:
    """The body and every header and footer of a loaded template."""
    hasil = [Bagian("isi dokumen", doc.get_xml())]
    for uri, nama in ((doc.HEADER_URI, "kepala halaman"), (doc.FOOTER_URI, "kaki halaman")):
        hasil += [Bagian(nama, doc.get_part_xml(part)) for _, part in doc.get_headers_footers(uri)]
    return hasil


def sumber_jinja(doc: Any, xml: str) -> str:
    """The Jinja source docxtpl renders, each paragraph on its own line behind a <!--¶N--> mark.

    Jinja reports only line numbers; the mark names the paragraph (in document order) a
    line comes from. XML comments sit outside every tag, so parsing is unaffected.
    """
    return doc.patch_xml(_tandai(xml))


def _tandai(xml: str) -> str:
    """Mark every paragraph with its number, and every row and cell with its first paragraph's
    (a {%tr / {%tc tag replaces the whole row or cell, marks inside it included)."""
    berikut = 1

    def tanda(m: re.Match[str]) -> str:
        nonlocal berikut
        teks = f"\n<!--¶{berikut}-->{m.group(0)}"
        if m.group(1) == "p":
            berikut += 1
        return teks

    return re.sub(r"<w:(p|tr|tc)(?=[ >/])", tanda, xml)


def letak(b: Bagian, sumber: str, baris: int | None) -> str:
    """'isi dokumen, paragraf 9 "NOMOR {{ judul.nomr }}"' for a line of the Jinja source."""
    baris_sumber = sumber.splitlines()
    tanda = re.match(r"<!--¶(\d+)-->", baris_sumber[min(baris, len(baris_sumber)) - 1]) if baris else None
    if not tanda:
        return b.nama
    nomor = int(tanda.group(1))
    return f'{b.nama}, paragraf {nomor} "{b.paragraf()[nomor - 1].strip()[:100]}"'


# ---------------------------------------------------------------- names used


class Daftar:
    """Schema of a list: the merged schema of its items."""

    def __init__(self, butir: Any) -> None:
        self.butir = butir


APA_SAJA = object()  # a leaf, or something whose shape is not known


def skema(nilai: Any) -> Any:
    """Shape of a context value: dicts by key, lists by their merged items, leaves opaque."""
    if isinstance(nilai, dict):
        return {k: skema(v) for k, v in nilai.items()}
    if isinstance(nilai, list):
        hasil = None
        for v in nilai:
            hasil = gabung(hasil, skema(v))
        return Daftar(APA_SAJA if hasil is None else hasil)
    return None if nilai is None else APA_SAJA


def gabung(a: Any, b: Any) -> Any:
    if a is None or b is None:
        return b if a is None else a
    if isinstance(a, dict) and isinstance(b, dict):
        return {k: gabung(a.get(k), b.get(k)) for k in {**a, **b}}
    if isinstance(a, Daftar) and isinstance(b, Daftar):
        return Daftar(gabung(a.butir, b.butir))
    return a


@dataclass
class Pemakaian:
    """What a template's Jinja code refers to."""

    dipakai: set[str] = field(default_factory=set)
    tidak_dikenal: list[tuple[str, int]] = field(default_factory=list)


Lingkup = dict[str, tuple[Any, str | None]]  # name -> (schema, context path or None)
UNGKAPAN = (nodes.Name, nodes.Getattr, nodes.Getitem)


def pemakaian(ast: nodes.Template, konteks: dict[str, Any], global_: dict[str, Any]) -> Pemakaian:
    """Every context path used and every name or attribute the context does not have."""
    lingkup: Lingkup = {k: (skema(v), k) for k, v in konteks.items()}
    lingkup.update({k: (APA_SAJA, None) for k in global_})
    hasil = Pemakaian()
    _kunjungi(ast, lingkup, hasil)
    return hasil


def _kunjungi(node: nodes.Node, lingkup: Lingkup, hasil: Pemakaian) -> None:
    if isinstance(node, UNGKAPAN):
        _ungkapan(node, lingkup, hasil)
    elif isinstance(node, nodes.For):
        _untuk(node, lingkup, hasil)
    elif isinstance(node, (nodes.Macro, nodes.CallBlock)):
        dalam = {**lingkup, **{a.name: (APA_SAJA, None) for a in node.args}, "caller": (APA_SAJA, None)}
        for anak in node.iter_child_nodes():
            _kunjungi(anak, dalam, hasil)
    else:
        if isinstance(node, (nodes.Assign, nodes.AssignBlock)):
            lingkup.update({n: (APA_SAJA, None) for n in _nama_target(node.target)})
        for anak in node.iter_child_nodes(exclude=("target",)):
            _kunjungi(anak, lingkup, hasil)


def _untuk(node: nodes.For, lingkup: Lingkup, hasil: Pemakaian) -> None:
    daftar, jalur = APA_SAJA, None
    if isinstance(node.iter, UNGKAPAN):
        daftar, jalur = _ungkapan(node.iter, lingkup, hasil)
    else:
        _kunjungi(node.iter, lingkup, hasil)
    butir = daftar.butir if isinstance(daftar, Daftar) else APA_SAJA
    nama = _nama_target(node.target)
    dalam = {**lingkup, "loop": (APA_SAJA, None)}
    dalam.update({n: (butir if len(nama) == 1 else APA_SAJA, jalur and f"{jalur}[]") for n in nama})
    for anak in [*node.body, *node.else_, *([node.test] if node.test else [])]:
        _kunjungi(anak, dalam, hasil)


def _nama_target(target: nodes.Node) -> list[str]:
    if isinstance(target, nodes.Name):
        return [target.name]
    return [n.name for n in target.find_all(nodes.Name)]


def _ungkapan(node: nodes.Expr, lingkup: Lingkup, hasil: Pemakaian) -> tuple[Any, str | None]:
    """Schema and context path of name / name.attr / name['key'], recording what is used."""
    if isinstance(node, nodes.Name):
        if node.name not in lingkup:
            hasil.tidak_dikenal.append((node.name, node.lineno))
            return APA_SAJA, None
        return _catat(*lingkup[node.name], hasil)
    assert isinstance(node, (nodes.Getattr, nodes.Getitem))  # the only other shapes _nama_ungkapan passes
    induk, jalur = _ungkapan(node.node, lingkup, hasil)
    kunci = node.attr if isinstance(node, nodes.Getattr) else _kunci_tetap(node, lingkup, hasil)
    if kunci is not None and induk is APA_SAJA and jalur and jalur.endswith("[]"):
        # an item of a list that is empty in this context (a config without [program]): its shape is
        # unknown, but the template still uses the field
        return _catat(APA_SAJA, f"{jalur}.{kunci}", hasil)
    if kunci is None or not isinstance(induk, dict):
        return APA_SAJA, None
    if kunci not in induk:
        hasil.tidak_dikenal.append((f"{_tulisan(node.node)}.{kunci}", node.lineno))
        return APA_SAJA, None
    return _catat(induk[kunci], jalur and f"{jalur}.{kunci}", hasil)


def _kunci_tetap(node: nodes.Getitem, lingkup: Lingkup, hasil: Pemakaian) -> str | None:
    if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
        return node.arg.value
    _kunjungi(node.arg, lingkup, hasil)
    return None


def _catat(s: Any, jalur: str | None, hasil: Pemakaian) -> tuple[Any, str | None]:
    if jalur:
        hasil.dipakai.add(jalur)
    return s, jalur


def _tulisan(node: nodes.Expr) -> str:
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_tulisan(node.node)}.{node.attr}"
    return "..."


# ---------------------------------------------------------------- structural tags

Letak = tuple[bool, str, str, str]  # (is fatal, where, message, fix)
SARAN_SENDIRI = "letakkan tanda itu sendirian di paragrafnya (Enter sebelum dan sesudahnya)"


def struktur(b: Bagian) -> Iterator[Letak]:
    """(is fatal, where, message, fix) for every misplaced {%p / {%tr / {%tc tag."""
    akar = parse_xml(b.xml)
    for nomor, p in enumerate(akar.iter(qn("w:p")), start=1):
        teks = xml_word.teks(p)
        tanda = list(TANDA_STRUKTUR.finditer(teks.translate(KUTIP)))
        if not tanda:
            continue
        tempat = f'{b.nama}, paragraf {nomor} "{teks.strip()[:100]}"'
        if len(tanda) > 1:
            yield (
                False,
                tempat,
                "lebih dari satu tanda {%" + tanda[0].group(2) + " dalam satu paragraf; "
                "hanya yang pertama terbaca, sisanya hilang",
                SARAN_SENDIRI,
            )
        yield from _wadah_tanda(p, tanda[0], tempat)


def _wadah_tanda(p: Any, tanda: re.Match[str], tempat: str) -> Iterator[Letak]:
    jenis = tanda.group(2)
    if jenis == "p":
        wadah, nama = p, "paragraf"
    else:
        tag, nama = WADAH[jenis]
        wadah = next(p.iterancestors(qn(tag)), None)
        if wadah is None:
            yield True, tempat, f"tanda {{%{jenis} hanya boleh berada di dalam {nama}", "di luar tabel pakai {%p ... %}"
            return
    sisa = TANDA_STRUKTUR.sub("", xml_word.teks(wadah).translate(KUTIP)).strip()
    if sisa:
        yield (
            False,
            tempat,
            f'teks lain di {nama} yang memuat tanda {{%{jenis} akan hilang: "{sisa[:80]}"',
            SARAN_SENDIRI if jenis == "p" else f"kosongkan {nama} itu selain tanda {{%{jenis}",
        )


# ---------------------------------------------------------------- one template, one folder


def pesan_sintaks(asli: str) -> str:
    """Jinja's English syntax message, said in Indonesian (the original kept for a technician)."""
    dicari = re.findall(r"'(end\w+|else|elif)'", asli)
    tag = re.match(r"Encountered unknown tag '(\w+)'", asli)
    if asli.startswith("Unexpected end of template") and dicari:
        teks = f"templat berakhir sebelum penutup {{% {dicari[0]} %}}"
    elif tag:
        teks = f'perintah "{tag.group(1)}" tidak dikenal atau tidak berpasangan di sini'
    else:
        teks = "tanda Jinja tidak sah"
    return f"{teks} (Jinja: {asli})"


SARAN_SINTAKS = "periksa pasangan {% for %}/{% endfor %} dan {% if %}/{% endif %}, serta kurung {{ }} dan {% %}"
SARAN_NAMA = "nama isian salah ketik? Bandingkan dengan templat bawaan di folder templates/"


def periksa_templat(path: Path, konteks: dict[str, Any], kolom_dipilih: bool = False) -> Hasil:
    """The problems one template file shows before it is filled, given the context generate fills it with."""
    temuan = Hasil()
    try:
        doc = isi.buka(path)
    except IkuError as exc:
        temuan.galat += exc.masalah
        return temuan
    dipakai = [_periksa_bagian(path, doc, b, konteks, temuan) for b in bagian(doc)]
    if None not in dipakai and not temuan.galat:  # after a syntax error or a misspelt name the
        # names used are uncertain, not missing
        temuan.galat += masalah_wajib(path, set().union(*(d for d in dipakai if d is not None)))
    temuan.peringatan += tata_tak_dinyatakan(path, doc.docx, kolom_dipilih)
    return temuan


def _periksa_bagian(path: Path, doc: Any, b: Bagian, konteks: dict[str, Any], temuan: Hasil) -> set[str] | None:
    """Problems of one part into temuan; the context paths it uses (None when it does not parse)."""
    for fatal, tempat, pesan, saran in struktur(b):
        (temuan.galat if fatal else temuan.peringatan).append(Masalah(f"{tempat}: {pesan}", berkas=path, saran=saran))
    _periksa_ejaan(path, b, temuan)
    sumber = sumber_jinja(doc, b.xml)
    env = isi.lingkungan()
    try:
        ast = env.parse(sumber)
    except TemplateSyntaxError as exc:
        temuan.galat.append(
            Masalah(
                f"{letak(b, sumber, exc.lineno)}: {pesan_sintaks(exc.message or '')}", berkas=path, saran=SARAN_SINTAKS
            )
        )
        return None
    guna = pemakaian(ast, konteks, env.globals)
    for nama, baris in guna.tidak_dikenal:
        temuan.galat.append(
            Masalah(f'{letak(b, sumber, baris)}: isian "{nama}" tidak dikenal', berkas=path, saran=SARAN_NAMA)
        )
    return guna.dipakai


def _periksa_ejaan(path: Path, b: Bagian, temuan: Hasil) -> None:
    for nomor, teks in enumerate(b.paragraf(), start=1):
        for salah, benar in salah_eja(teks):
            temuan.peringatan.append(
                Masalah(f'{b.nama}, paragraf {nomor}: salah ketik "{salah}"', berkas=path, saran=f'tulis "{benar}"')
            )


def masalah_wajib(path: Path, dipakai: set[str]) -> list[Masalah]:
    """An error for every field the registry requires of this template and it no longer uses
    (a decree without the signer's name must never be produced)."""
    jenis = per_templat().get(path.name)
    return [
        Masalah(
            f'templat tidak lagi memuat isian wajib "{jalur.replace("[]", "")}"',
            berkas=path,
            saran="kembalikan isian itu (salin dari templat bawaan, lihat iku templates --to FOLDER)",
        )
        for jalur in (jenis.wajib if jenis else ())
        if jalur not in dipakai
    ]


def isian_wajib_hilang(konteks: dict[str, Any]) -> isi.Pemeriksa:
    """For generate: given the Jinja trees the renderer parsed, the required fields a template
    does not use (checked on the same parse, so it costs no second reading)."""

    def periksa_pohon(path: Path, pohon: list[nodes.Template]) -> list[Masalah]:
        global_ = isi.lingkungan().globals
        dipakai = set().union(*(pemakaian(p, konteks, global_).dipakai for p in pohon))
        return masalah_wajib(path, dipakai)

    return periksa_pohon


def _pernyataan_tata(docx: Any) -> tuple[bool, bool, bool]:
    """Whether a document declares number fields (runs in the character style "Angka"), a
    signature block (paragraphs in a "Tanda Tangan..." style) and the Lampiran's IKU table (its title)."""
    angka, ttd = gaya_angka(docx.styles.element), gaya_tanda_tangan(docx.styles.element)
    badan = docx.element.body
    return (
        any(r.get(qn("w:val")) in angka for r in badan.iter(qn("w:rStyle"))),
        any(p.get(qn("w:val")) in ttd for p in badan.iter(qn("w:pStyle"))),
        bool(tabel_lampiran(docx)),
    )


@cache
def _pernyataan_bawaan() -> dict[str, tuple[bool, bool, bool]]:
    return {nama: _pernyataan_tata(Document(io.BytesIO(isi_))) for nama, isi_ in bawaan().items()}


def tata_tak_dinyatakan(path: Path, docx: Any, kolom_dipilih: bool = False) -> list[Masalah]:
    """What the layout reads from the template and this one, unlike the default of the same name,
    does not declare: number fields (else numbers are measured as words and may break, and a wide
    table is not split), the signature block (else it may stand alone on a page and the
    electronic and SRIKANDI layouts find no place for the QR code or the placeholders) and, when
    the config chooses the Lampiran's columns (kolom_dipilih), the Lampiran's IKU table."""
    bawaan_ = _pernyataan_bawaan().get(path.name)
    if bawaan_ is None:
        return []
    angka, ttd, lampiran = _pernyataan_tata(docx)
    hasil = []
    if bawaan_[0] and not angka:
        hasil.append(
            Masalah(
                f'tidak ada isian angka bergaya karakter "{GAYA_ANGKA}": kolom angka diukur seperti kata '
                "(angka bisa terpotong dan tabel lebar tidak dibagi)",
                berkas=path,
                saran=f'beri gaya karakter "{GAYA_ANGKA}" pada isian angka (nomor, target, realisasi, anggaran) '
                "seperti pada templat bawaan (iku templates --to FOLDER)",
            )
        )
    if bawaan_[1] and not ttd:
        hasil.append(
            Masalah(
                'tidak ada paragraf bergaya "Tanda Tangan...": blok tanda tangan tidak dikenali '
                "(bisa sendirian di halaman; tanda tangan elektronik/SRIKANDI tidak mendapat tempat)",
                berkas=path,
                saran='beri blok tanda tangan (jabatan, baris kosong, nama, NIP) gaya paragraf "Tanda Tangan" '
                "seperti pada templat bawaan",
            )
        )
    if kolom_dipilih and bawaan_[2] and not lampiran:
        hasil.append(
            Masalah(
                f'tidak ada tabel berjudul "{JUDUL_TABEL}": kolom dan kelompok pilihan [lampiran] tidak diterapkan',
                berkas=path,
                saran=f'beri tabel IKU Lampiran judul "{JUDUL_TABEL}" (Word: Properti Tabel, Teks Alt, Judul) '
                "seperti pada templat bawaan",
            )
        )
    return hasil


def slot_srikandi(path: Path, doc: Any, config: Config) -> list[Masalah]:
    """In the srikandi layout, the Keputusan and Lampiran must give SRIKANDI every placeholder, each whole."""
    if config.format.tanda_tangan != "srikandi" or path.name not in TEMPLAT_SRIKANDI:
        return []
    return [
        Masalah(
            f"templat tidak memberi tempat untuk {isian} (SRIKANDI tidak akan mengisinya)",
            berkas=path,
            saran='kembalikan isian nomor/tanggal dan blok tanda tangan bergaya "Tanda Tangan" '
            "(jabatan, baris kosong, nama, NIP) seperti pada templat bawaan",
        )
        for isian in isian_hilang(doc)
    ]
