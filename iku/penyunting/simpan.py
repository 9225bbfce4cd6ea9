"""Writing the form's values into the config file through tomlkit.

Only what changed is touched: an unchanged value keeps its exact text, comments and
untouched lines stay byte for byte, keys the editor does not know are never removed.
The file is replaced atomically, and never over a version the page did not load.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import os
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.container import Container, ends_with_whitespace
from tomlkit.items import AoT, Array, Comment, Item, Key, SingleKey, Table, Whitespace

from .peta import ASAL, KOSONG
from .skema import SKEMA, Skema


def sidik(mentah: bytes) -> str:
    """The fingerprint of the bytes a page was made from (for the "changed on disk" check)."""
    return hashlib.sha256(mentah).hexdigest()


def beda_baris(lama: bytes, baru: bytes) -> list[str]:
    """What changed between two versions of the file, as a short line diff."""
    a = lama.decode("utf-8-sig", errors="replace").splitlines()
    b = baru.decode("utf-8-sig", errors="replace").splitlines()
    return [b for b in difflib.unified_diff(a, b, "dimuat", "di disk", n=1, lineterm="")][2:]


def tulis_atomik(path: Path, teks: str) -> None:
    """Write the whole file beside it, then swap it in: readers see the old or the new, never half."""
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, sementara = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as berkas:
            berkas.write(teks)
            berkas.flush()
            os.fsync(berkas.fileno())
        os.chmod(sementara, mode)
        os.replace(sementara, path)
    except BaseException:
        Path(sementara).unlink(missing_ok=True)
        raise


# ---------------------------------------------------------------- tomlkit, in place


def terapkan(doc: tomlkit.TOMLDocument, data: dict[str, Any], sk: Skema = SKEMA) -> None:
    """Make doc hold data's values for every key the form knows; touch nothing else."""
    for kunci in _kunci(doc, data, (), sk):
        _samakan((doc, None), kunci, _ambil(data, kunci, (), sk), (), sk)


# Where a table sits: (its parent, its key or row number); (doc, None) is the document itself.
# A table is reached through its place each time, since adding a key may rebuild it.
Letak = tuple[Any, str | int | None]


def _di(letak: Letak) -> Any:
    induk, nama = letak
    return induk if nama is None else induk[nama]


def _dikenal(loc: tuple[object, ...], kunci: str, sk: Skema) -> bool:
    bernama_data = len(loc) > 2 and loc[-1] in sk.tahunan or sk.pola(loc) in sk.peta  # a year, quarter or name as key
    p = (*sk.pola(loc), "*" if bernama_data else kunci)
    return any(d[: len(p)] == p for d in sk.dikenal)


def _kunci(lama: Any, baru: dict[str, Any], loc: tuple[object, ...], sk: Skema) -> list[str]:
    semua = list(baru) + [k for k in (lama or {}) if k not in baru]
    return [k for k in semua if k != ASAL and _dikenal(loc, k, sk)]


def _ambil(data: dict[str, Any], kunci: str, loc: tuple[object, ...], sk: Skema) -> Any:
    """The form's value; a list with no item left in the form is an empty list, not a removed key
    (unless its absence means the default: [lampiran] kolom)."""
    tempat = sk.pola((*loc, kunci))
    return data.get(kunci, [] if tempat in sk.semua_daftar and tempat not in sk.boleh_tiada else KOSONG)


def _samakan(letak: Letak, kunci: str, baru: Any, loc: tuple[object, ...], sk: Skema) -> None:
    wadah = _di(letak)
    lama, tempat = wadah.get(kunci), (*loc, kunci)
    if baru is KOSONG:
        if kunci in wadah:
            _hapus(wadah, kunci)
    elif sk.pola(tempat) in sk.baris:
        _baris(wadah, kunci, baru, tempat, sk)
    elif isinstance(baru, dict) and isinstance(lama, dict):
        for k in _kunci(lama, baru, tempat, sk):
            _samakan((wadah, kunci), k, _ambil(baru, k, tempat, sk), tempat, sk)
    elif isinstance(baru, dict):
        _tabel_baru(letak, kunci, baru, tempat, sk)
    elif lama is None:
        _tambah(letak, kunci, _item(baru, lama))
    elif sama(lama, baru):
        return
    elif isinstance(lama, Array) and isinstance(baru, list) and len(lama) and "\n" in lama.as_string():
        _ubah_daftar(lama, baru)
    else:
        wadah[kunci] = _item(baru, lama)


def _ubah_daftar(lama: Array, baru: list[Any]) -> None:
    """A list written over several lines, changed item by item: comments among its items stay."""
    ubahan = difflib.SequenceMatcher(a=[str(v).strip() for v in lama], b=[str(v).strip() for v in baru], autojunk=False)
    for op, a1, a2, b1, b2 in reversed(ubahan.get_opcodes()):
        if op == "replace" and a2 - a1 == b2 - b1:
            for i, v in zip(range(a1, a2), baru[b1:b2]):
                lama[i] = _jadi_item(v, None)
            continue
        for i in reversed(range(a1, a2)) if op in ("replace", "delete") else ():
            del lama[i]
        for j, v in enumerate(baru[b1:b2]) if op in ("replace", "insert") else ():
            if a1 + j == len(lama):
                lama.append(_jadi_item(v, None))
            else:
                lama.insert(a1 + j, _jadi_item(v, None))


def _tambah(letak: Letak, kunci: str, item: Any) -> None:
    """A new key goes right after the table's last value, not after the comments that head what follows.

    tomlkit appends a value after every comment of its table; when comments follow the table's last
    value, the table is rebuilt with the new key in its place and put back where it was.
    """
    wadah = _di(letak)
    isi = wadah.value.body if isinstance(wadah, Table) and kunci not in wadah else []
    akhir = max((i for i, (k, v) in enumerate(isi) if k is not None and not isinstance(v, (Table, AoT))), default=-1)
    if akhir < 0 or not any(isinstance(v, Comment) for _, v in isi[akhir + 1 :]):
        wadah[kunci] = item
        return
    baru = _susun(wadah, [*isi[: akhir + 1], (SingleKey(kunci), item), *isi[akhir + 1 :]])
    _letakkan(letak, baru)


def _susun(tabel: Table, isi: list[tuple[Key | None, Item]]) -> Table:
    """The same table (header, comment, kind) holding these items in this order, built as tomlkit's parser does."""
    baru = Table(
        Container(True),
        tabel.trivia.copy(),
        tabel.is_aot_element(),
        tabel.is_super_table(),
        tabel.name,
        tabel.display_name,
    )
    for k, v in isi:
        baru.raw_append(k, v)
    baru.value.parsing(False)
    return baru


def _letakkan(letak: Letak, tabel: Table) -> None:
    """Put a rebuilt table where the old one was, its text around it unchanged."""
    induk, nama = letak
    assert nama is not None  # the document itself is never rebuilt
    if isinstance(induk, AoT):
        assert isinstance(nama, int)
        induk[nama] = tabel
        return
    nama_tampil = tabel.display_name
    if not ends_with_whitespace(tabel):
        tabel.add(tomlkit.ws(""))  # else tomlkit adds a blank line after a table that ends in a comment
    induk[nama] = tabel
    tabel.display_name = nama_tampil  # a replaced table's header is otherwise re-spelled from its key


def _hapus(wadah: Any, kunci: str) -> None:
    """Remove a key; a whole section leaves behind the comments that head the section after it."""
    lama = wadah[kunci]
    if not (isinstance(wadah, tomlkit.TOMLDocument) and isinstance(lama, Table)):
        del wadah[kunci]
        return
    isi = lama.value.body
    awal = len(isi)
    while awal and isi[awal - 1][0] is None and isinstance(isi[awal - 1][1], Comment):
        awal -= 1
    ekor = isi[awal:] if awal and isinstance(isi[awal - 1][1], Whitespace) else []
    sebelum = _sebelum(wadah, kunci)
    del wadah[kunci]
    if ekor and sebelum is not None:
        if not sebelum.as_string().endswith("\n\n"):
            sebelum.add(tomlkit.nl())
        for v in _catatan(ekor):
            sebelum.add(v)


def _sebelum(doc: tomlkit.TOMLDocument, kunci: str) -> Table | None:
    """The table just above a top-level section (the last row of an array of tables)."""
    kunci_kunci = [k.key if k is not None else None for k, _ in doc.body]
    i = kunci_kunci.index(kunci)
    if i + 1 == len(kunci_kunci) or all(k is None for k in kunci_kunci[i + 1 :]):
        return None  # nothing follows: the comments are left with the section
    item = next((v for k, v in reversed(doc.body[:i]) if k is not None), None)
    item = item[-1] if isinstance(item, AoT) and len(item) else item
    return item if isinstance(item, Table) else None


def _tabel_baru(letak: Letak, kunci: str, baru: dict[str, Any], loc: tuple[object, ...], sk: Skema) -> None:
    isi = {k: v for k, v in baru.items() if v is not KOSONG and k != ASAL and _dikenal(loc, k, sk)}
    if not isi:
        return
    _tambah(letak, kunci, tomlkit.table() if len(loc) == 1 else tomlkit.inline_table())
    for k, v in isi.items():
        _samakan((_di(letak), kunci), k, v, loc, sk)


def _baris(wadah: Any, kunci: str, baru: list[dict[str, Any]], loc: tuple[object, ...], sk: Skema) -> None:
    """[[iku]] / [[struktur]] / [[program]] rows: updated in place, or re-ordered carrying each row's table."""
    lama = wadah.get(kunci)
    if not baru:  # no row left (or none yet): no array of tables at all
        if lama is not None:
            del wadah[kunci]
        return
    lama_baris = list(lama) if isinstance(lama, AoT) else []
    asal = [b.get(ASAL) for b in baru]
    diatur = asal != list(range(len(lama_baris)))
    ekor: list[Comment | Whitespace] = []
    if diatur:
        tabel = _urutkan(lama_baris, asal)
        if lama_baris and tabel and tabel[-1] is not lama_baris[-1]:
            terpotong, ekor = _potong_ekor(lama_baris[-1])
            tabel = [terpotong if t is lama_baris[-1] else t for t in tabel]
        wadah[kunci] = AoT(tabel, name=kunci, parsed=True)
    for i, b in enumerate(baru):
        for k in _kunci(wadah[kunci][i], b, (*loc, i), sk):
            _samakan((wadah[kunci], i), k, _ambil(b, k, (*loc, i), sk), (*loc, i), sk)
    if diatur:
        _rapikan(list(wadah[kunci]), ekor)


def _urutkan(lama: list[Table], asal: list[int | None]) -> list[Table]:
    """The rows in their new order: each old table once, a new empty table for a new row."""
    dipakai: set[int] = set()
    tabel = []
    for a in asal:
        if isinstance(a, int) and a < len(lama) and a not in dipakai:
            dipakai.add(a)
            tabel.append(lama[a])
        else:
            tabel.append(tomlkit.table())
    return tabel


def _potong_ekor(tabel: Table) -> tuple[Table, list[Comment | Whitespace]]:
    """Comments after the last row belong to what follows the rows: the row without them, and them."""
    isi = tabel.value.body
    awal = len(isi)
    while awal and isi[awal - 1][0] is None and isinstance(isi[awal - 1][1], (Comment, Whitespace)):
        awal -= 1
    while awal < len(isi) and isinstance(isi[awal][1], Whitespace):
        awal += 1  # the blank line that ends the row stays with it
    return _susun(tabel, isi[:awal]), _catatan(isi[awal:])


def _catatan(isi: list[tuple[Key | None, Item]]) -> list[Comment | Whitespace]:
    """The comments and blank lines among a table's items."""
    return [v for _, v in isi if isinstance(v, (Comment, Whitespace))]


def _rapikan(tabel: list[Table], ekor: list[Comment | Whitespace]) -> None:
    """A blank line between rows, and the comments that followed the rows after the last one."""
    for t in tabel[:-1]:
        if not t.as_string().endswith("\n\n"):
            t.add(tomlkit.nl())
    if tabel and ekor:
        if not tabel[-1].as_string().endswith("\n\n"):
            tabel[-1].add(tomlkit.nl())
        for v in ekor:
            tabel[-1].add(v)


def sama(lama: Any, baru: Any) -> bool:
    """Whether the file already holds this value (then its text is left exactly as written)."""
    if lama is None:
        return False
    if isinstance(baru, str) and isinstance(lama, str):
        return str(lama).strip() == baru.strip()
    if isinstance(baru, Decimal) and isinstance(lama, (int, float)) and not isinstance(lama, bool):
        return (
            Decimal(lama.as_string().replace("_", "")).as_tuple() == baru.as_tuple()
            if isinstance(lama, Item)
            else False
        )
    if isinstance(baru, list) and isinstance(lama, list):
        return len(lama) == len(baru) and all(sama(a, b) for a, b in zip(lama, baru))
    if isinstance(baru, dt.date):
        return isinstance(lama, dt.date) and lama == baru
    if isinstance(baru, int):
        return isinstance(lama, int) and not isinstance(lama, bool) and lama == baru
    return False


def _item(baru: Any, lama: Any) -> Any:
    """A new TOML value, keeping the old one's end-of-line comment and the list layout."""
    item = _jadi_item(baru, lama)
    if isinstance(lama, Item) and isinstance(item, Item) and lama.trivia.comment:
        item.trivia.comment, item.trivia.comment_ws = lama.trivia.comment, lama.trivia.comment_ws
    return item


def _jadi_item(baru: Any, lama: Any) -> Any:
    if isinstance(baru, str):
        return tomlkit.string(baru.strip("\n") if "\n" in baru else baru, multiline="\n" in baru.strip("\n"))
    if isinstance(baru, Decimal):
        return tomlkit.value(format(baru, "f"))
    if isinstance(baru, dt.date):
        return tomlkit.date(baru.isoformat())
    if isinstance(baru, list):
        daftar = tomlkit.array()
        daftar.extend(_jadi_item(b, None) for b in baru)
        # a list keeps its form: one line stays one line; a new or empty one is one line for one item
        berbaris = "\n" in lama.as_string() if isinstance(lama, Array) and len(lama) else len(baru) > 1
        return daftar.multiline(berbaris) if baru else daftar
    return tomlkit.item(baru)
