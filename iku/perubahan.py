"""The wording of a decree that amends an earlier one (docs/perubahan.md gives the rules).

Plain strings in, plain strings out: the model fills the default Menimbang and diktum from
these while loading, the Keputusan's context builds its title and last Mengingat item from
them, so every document of the set words the amendment the same way.
"""

from __future__ import annotations

import datetime as dt
import re

from . import bahasa

BERLAKU = "Keputusan ini mulai berlaku pada tanggal ditetapkan."


def sebutan(ke: int) -> str:
    """'Perubahan atas', 'Perubahan Kedua atas', 'Perubahan Ketiga atas' (UU 12/2011, Lampiran II)."""
    return "Perubahan atas" if ke == 1 else f"Perubahan {bahasa.ordinal_diktum(ke).title()} atas"


def telah_diubah(ke: int) -> str:
    """What a second or later amendment says of the decree it amends again."""
    if ke == 1:
        return ""
    return " sebagaimana telah diubah" if ke == 2 else " sebagaimana telah beberapa kali diubah"


def nomor_dan_tahun(nomor: str, tanggal: dt.date | None) -> str:
    """'Nomor 12 Tahun 2022'; the year is left out when the nomor already ends with it
    ('Nomor 400.9/2248.1/Dinsos/2022')."""
    if tanggal is None or re.search(rf"\b{tanggal.year}\s*$", nomor):
        return f"Nomor {nomor}"
    return f"Nomor {nomor} Tahun {tanggal.year}"


def keputusan_lama(jabatan: str, nomor: str, tanggal: dt.date | None, tentang: str) -> str:
    """'Keputusan Kepala Dinas ... Nomor ... tentang ...': the amended decree, as cited."""
    return f"Keputusan {jabatan.rstrip(',')} {nomor_dan_tahun(nomor, tanggal)} tentang {tentang}"


def tentang(jabatan: str, ke: int, nomor: str, tentang_lama: str) -> str:
    """The amending decree's subject: 'Perubahan atas Keputusan ... Nomor ... tentang ...'."""
    return f"{sebutan(ke)} Keputusan {jabatan.rstrip(',')} Nomor {nomor} tentang {tentang_lama}"


def tentang_kapital(jabatan: str, ke: int, nomor: str, tentang_lama: str) -> str:
    """The same in capitals as the title prints it, the nomor kept as written ('Dinsos')."""
    awal = f"{sebutan(ke)} Keputusan {jabatan.rstrip(',')}".upper()
    return f"{awal} NOMOR {nomor} TENTANG {tentang_lama.upper()}"


def mengingat(jabatan: str, ke: int, nomor: str, tanggal: dt.date | None, tentang_lama: str) -> str:
    """The last Mengingat item: the amended decree, its nomor, year and subject (the list's last
    item ends with a full stop)."""
    return f"{keputusan_lama(jabatan, nomor, tanggal, tentang_lama)}{telah_diubah(ke)}."


def menimbang(
    instansi: str, jabatan: str, ke: int, nomor: str, tanggal: dt.date | None, tentang_lama: str
) -> list[str]:
    """The default Menimbang: what was decreed, why it must change, hence this decree."""
    lama = keputusan_lama(jabatan, nomor, tanggal, tentang_lama)
    return [
        f"bahwa Indikator Kinerja Utama {instansi} telah ditetapkan dengan {lama}{telah_diubah(ke)};",
        "bahwa untuk menyesuaikan dengan hasil reviu rencana strategis dan evaluasi Indikator Kinerja Utama, "
        f"Keputusan {jabatan.rstrip(',')} sebagaimana dimaksud dalam huruf a perlu dilakukan perubahan;",
        "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan "
        f"Keputusan {jabatan.rstrip(',')} tentang {tentang(jabatan, ke, nomor, tentang_lama)};",
    ]


def diktum(jabatan: str, ke: int, nomor: str, tanggal: dt.date | None, tentang_lama: str) -> list[str]:
    """The default diktum: the Lampiran is replaced whole, then when the decree takes effect."""
    lama = keputusan_lama(jabatan, nomor, tanggal, tentang_lama)
    return [
        f"Lampiran {lama}{telah_diubah(ke)}, diubah sehingga menjadi sebagaimana tercantum dalam Lampiran "
        "yang merupakan bagian tidak terpisahkan dari Keputusan ini.",
        BERLAKU,
    ]
