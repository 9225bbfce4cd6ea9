"""Indonesian formatting: dates, numbers, ordinals, letters, NIP."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iku import bahasa

BULAN = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]


@pytest.mark.parametrize("bulan", range(1, 13))
def test_tanggal_memakai_nama_bulan_lengkap(bulan):
    assert bahasa.tanggal(dt.date(2022, bulan, 5)) == f"5 {BULAN[bulan - 1]} 2022"


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_tanggal_selalu_hari_bulan_tahun_empat_angka(tanggal):
    hari, bulan, tahun = bahasa.tanggal(tanggal).split(" ")
    assert (int(hari), BULAN.index(bulan) + 1, int(tahun)) == (tanggal.day, tanggal.month, tanggal.year)
    assert len(tahun) == 4


@pytest.mark.parametrize(
    "nilai, cetak",
    [
        (Decimal("6.12"), "6,12"),
        (Decimal("4.9"), "4,9"),
        (Decimal("1250.5"), "1.250,5"),
        (Decimal("4.90"), "4,90"),
        (1234567, "1.234.567"),
        (Decimal("0.05"), "0,05"),
        (Decimal("-2.5"), "-2,5"),
        (Decimal("100"), "100"),
    ],
)
def test_angka_cara_indonesia(nilai, cetak):
    assert bahasa.angka(nilai) == cetak


@given(st.integers(-(10**12), 10**12), st.integers(0, 6))
def test_angka_tidak_kehilangan_digit(bulat, tempat):
    nilai = Decimal(bulat).scaleb(-tempat)
    cetak = bahasa.angka(nilai)
    kembali = Decimal(cetak.replace(".", "").replace(",", "."))
    assert kembali == nilai
    desimal = max(0, -nilai.as_tuple().exponent)
    assert (len(cetak.split(",")[1]) if "," in cetak else 0) == desimal


URUTAN = [
    "KESATU",
    "KEDUA",
    "KETIGA",
    "KEEMPAT",
    "KELIMA",
    "KEENAM",
    "KETUJUH",
    "KEDELAPAN",
    "KESEMBILAN",
    "KESEPULUH",
    "KESEBELAS",
    "KEDUA BELAS",
    "KETIGA BELAS",
    "KEEMPAT BELAS",
    "KELIMA BELAS",
    "KEENAM BELAS",
    "KETUJUH BELAS",
    "KEDELAPAN BELAS",
    "KESEMBILAN BELAS",
    "KEDUA PULUH",
    "KEDUA PULUH SATU",
]


def test_ordinal_diktum_sesuai_tata_naskah():
    assert [bahasa.ordinal_diktum(n) for n in range(1, 22)] == URUTAN


@given(st.integers(min_value=12, max_value=99))
def test_ordinal_dari_dua_belas_dua_kata_atau_lebih(n):
    label = bahasa.ordinal_diktum(n)
    assert label.startswith("KE") and len(label.split()) >= 2 and "BELAS" not in label.split()[0]


def test_huruf_urut():
    assert [bahasa.huruf_urut(n) for n in (1, 2, 26, 27, 28, 52, 53)] == ["a", "b", "z", "aa", "ab", "az", "ba"]


@given(st.integers(min_value=1, max_value=5000))
def test_huruf_urut_unik_dan_kecil(n):
    assert bahasa.huruf_urut(n) != bahasa.huruf_urut(n + 1)
    assert bahasa.huruf_urut(n).isalpha() and bahasa.huruf_urut(n).islower()


def test_nip_dicetak_8_6_1_3():
    assert bahasa.nip_cetak("196912311991031053") == "19691231 199103 1 053"
    assert bahasa.periksa_nip(" 19691231 199103 1 053 ") == "196912311991031053"


@pytest.mark.parametrize(
    "nip, sebab",
    [
        ("19691231199103105", "18 angka"),
        ("1969123119910310533", "18 angka"),
        ("19691231199103105x", "18 angka"),
        ("196913311991031053", "tanggal lahir"),
        ("196902301991031053", "tanggal lahir"),
        ("196912311991131053", "bulan TMT"),
        ("196912311991001053", "bulan TMT"),
        ("196912311991033053", "jenis kelamin"),
    ],
)
def test_nip_salah_dijelaskan(nip, sebab):
    with pytest.raises(ValueError, match=sebab):
        bahasa.periksa_nip(nip)


@given(
    st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2005, 12, 31)),
    st.integers(1970, 2030),
    st.integers(1, 12),
    st.sampled_from("12"),
    st.integers(1, 999),
)
def test_nip_sah_selalu_diterima_dan_dicetak_utuh(lahir, tahun, bulan, kelamin, urut):
    nip = f"{lahir:%Y%m%d}{tahun}{bulan:02d}{kelamin}{urut:03d}"
    assert bahasa.periksa_nip(nip) == nip
    assert bahasa.nip_cetak(nip).replace(" ", "") == nip
    assert [len(b) for b in bahasa.nip_cetak(nip).split(" ")] == [8, 6, 1, 3]


@pytest.mark.parametrize(
    "nilai, cetak",
    [(0, "0"), (999, "999"), (1000, "1.000"), (1250000000, "1.250.000.000"), (9919562000, "9.919.562.000")],
)
def test_rupiah_utuh_dengan_titik_ribuan(nilai, cetak):
    assert bahasa.rupiah(nilai) == cetak


@pytest.mark.parametrize(
    "nilai, teks",
    [
        ("1e28", "10.000.000.000.000.000.000.000.000.000"),  # issue 8 item 7: raised decimal.InvalidOperation
        ("123456789012345678901234567890.5", "123.456.789.012.345.678.901.234.567.890,5"),
        ("-1e30", "-1" + ".000" * 10),
    ],
)
def test_angka_besar_tercetak_utuh(nilai, teks):
    assert bahasa.angka(Decimal(nilai)) == teks


@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=Decimal("-1e60"), max_value=Decimal("1e60")))
def test_angka_apa_pun_tercetak(nilai):
    teks = bahasa.angka(nilai)
    assert Decimal(teks.replace(".", "").replace(",", ".")) == nilai


@given(st.integers(min_value=1, max_value=3999))
def test_romawi_dikenali_kembali(n):
    """What romawi() writes, adalah_romawi() recognises (the check and the importer use the one rule)."""
    assert bahasa.adalah_romawi(bahasa.romawi(n))


@pytest.mark.parametrize("teks", ["", "IIII", "VX", "iv", "IV.", "Ibu", "MMMM", "XIV "])
def test_bukan_romawi(teks):
    assert not bahasa.adalah_romawi(teks)
