"""The decree set as a reader sees it: PDF text, labels beside their items, pages."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from bantu import TEMPLATES, data_contoh, teks_pdf, tulis_data
from iku import konfigurasi
from iku.buat import Permintaan, generate

pytestmark = pytest.mark.pdf


def buat_pdf(tmp_path: Path, data: dict) -> dict[str, Path]:
    path = tulis_data(tmp_path / "iku.toml", data)
    paths = generate(Permintaan(konfigurasi.baca(path), TEMPLATES, tmp_path / "output", pdf=True))
    return {p.name.split("-")[0]: p for p in paths if p.suffix == ".pdf"}


def ukuran_halaman(pdf: Path) -> list[tuple[int, int]]:
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True).stdout
    return [
        (round(float(w) / 72 * 25.4), round(float(h) / 72 * 25.4))
        for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)
    ]


def awal(teks: str, kata: int = 3) -> str:
    return r"\s+".join(re.escape(k) for k in teks.split()[:kata])


@pytest.fixture(scope="module")
def set_rujukan(tmp_path_factory):
    return buat_pdf(tmp_path_factory.mktemp("rujukan"), data_contoh())


def test_label_bersebelahan_dengan_butirnya(set_rujukan):
    data = data_contoh()["keputusan"]
    baris = teks_pdf(set_rujukan["keputusan"], layout=True)
    assert re.search(r"(?m)^Menimbang\s+:\s+a\.\s+" + awal(data["menimbang"][0]), baris)
    assert re.search(r"(?m)^Mengingat\s+:\s+1\.\s+" + awal(data["mengingat"][0]), baris)
    for i, teks in enumerate(data["menimbang"][1:], start=2):
        assert re.search(rf"(?m)^\s+{chr(96 + i)}\.\s+" + awal(teks), baris), teks
    for i, teks in enumerate(data["mengingat"][1:], start=2):
        assert re.search(rf"(?m)^\s+{i}\.\s+" + awal(teks), baris), teks
    for label, teks in zip(["KESATU", "KEDUA", "KETIGA", "KEEMPAT"], data["memutuskan"]):
        assert re.search(rf"(?m)^{label}\s+:\s+" + awal(teks), baris), label
    assert re.search(r"(?m)^Menetapkan\s+:\s+KEPUTUSAN\s+KEPALA", baris)


def test_urutan_bagian_keputusan(set_rujukan):
    teks = " ".join(teks_pdf(set_rujukan["keputusan"]).split())
    urutan = [
        "PEMERINTAH KABUPATEN BULELENG",
        "DINAS SOSIAL",
        "KEPUTUSAN KEPALA DINAS SOSIAL KABUPATEN BULELENG",
        "NOMOR 400.9/2248.1/Dinsos/2022",
        "TENTANG",
        "KEPALA DINAS SOSIAL KABUPATEN BULELENG,",
        "Menimbang",
        "Mengingat",
        "MEMUTUSKAN:",
        "Menetapkan",
        "KESATU",
        "KEEMPAT",
        "Ditetapkan di Singaraja",
        "pada tanggal 22 Maret 2022",
        "Kepala Dinas Sosial Kabupaten Buleleng,",
        "I Putu Kariaman Putra, S.Sos, MM",
        "Pembina Tk.I (IV/b)",
        "NIP. 19691231 199103 1 053",
    ]
    posisi = [teks.find(u) for u in urutan]
    assert -1 not in posisi and posisi == sorted(posisi), list(zip(urutan, posisi))
    assert teks.count("Kariaman") == 1 and "Kahanaman" not in teks


def test_halaman_a4_tegak_dan_lampiran_mendatar(set_rujukan):
    assert set(ukuran_halaman(set_rujukan["keputusan"])) == {(210, 297)}
    assert set(ukuran_halaman(set_rujukan["lampiran"])) == {(297, 210)}


def test_nomor_halaman_dari_halaman_dua(set_rujukan):
    halaman = teks_pdf(set_rujukan["keputusan"], layout=True).split("\f")
    assert len([h for h in halaman if h.strip()]) >= 2
    assert not re.search(r"-\s*1\s*-", halaman[0])
    assert re.match(r"\s*-\s*2\s*-", halaman[1])


def test_f4_dan_tiga_puluh_baris_lampiran_beberapa_halaman(tmp_path):
    data = data_contoh()
    data["format"]["kertas"] = "F4"
    contoh = data["iku"][0]
    data["iku"] = [
        dict(contoh, sasaran=f"Sasaran {1 + i // 3}", indikator=f"Indikator nomor {i + 1:02d}") for i in range(30)
    ]
    pdf = buat_pdf(tmp_path, data)
    assert set(ukuran_halaman(pdf["keputusan"])) == {(215, 330)}
    lampiran = ukuran_halaman(pdf["lampiran"])
    assert len(lampiran) >= 3 and set(lampiran) == {(330, 215)}
    halaman = teks_pdf(pdf["lampiran"], layout=True).split("\f")
    isi = [h for h in halaman if h.strip()]
    assert all("PENJELASAN" in h for h in isi), "judul tabel harus terulang di setiap halaman"
    teks = " ".join(teks_pdf(pdf["lampiran"]).split())
    nomor = [int(n) for n in re.findall(r"Indikator nomor (\d\d)", teks)]
    assert nomor == list(range(1, 31))
    kelompok = re.findall(r"(?m)^\s*(\d+)\.\s+Sasaran\s+(\d+)", "\n".join(isi))
    assert [(int(a), int(b)) for a, b in kelompok] == [(n, n) for n in range(1, 11)]


def test_nilai_hostil_di_pdf(tmp_path):
    data = data_contoh()
    data["keputusan"]["menimbang"][0] = "bahwa {{ 7*7 }} & <b>tebal</b> {% if %};"
    teks = " ".join(teks_pdf(buat_pdf(tmp_path, data)["keputusan"]).split())
    assert "bahwa {{ 7*7 }} & <b>tebal</b> {% if %};" in teks and "49" not in teks


def test_dua_puluh_lima_diktum_label_di_samping_teks(tmp_path):
    data = data_contoh()
    data["keputusan"]["memutuskan"] = [
        f"Diktum nomor {n} berisi ketentuan yang cukup panjang sehingga baris berikutnya menggantung di bawah teks."
        for n in range(1, 26)
    ]
    pdf = buat_pdf(tmp_path, data)["keputusan"]
    baris = teks_pdf(pdf, layout=True)
    from iku.bahasa import ordinal_diktum

    for n in range(1, 26):
        assert re.search(rf"(?m)^{ordinal_diktum(n)}\s+:\s+Diktum nomor {n} berisi", baris), n
    # where each line of the diktum starts, in points (pdftotext -layout's character grid squeezes
    # a label that ends close to its colon): every text and every continuation line in one column
    teks, lanjutan = set(), set()
    for kata_baris in baris_pdf_bbox(pdf):
        kata = [k for _, k in kata_baris]
        if ":" in kata and kata[kata.index(":") + 1 : kata.index(":") + 2] == ["Diktum"]:
            teks.add(round(kata_baris[kata.index(":") + 1][0]))
        elif teks and "Ditetapkan" not in kata and not re.fullmatch(r"-\s*\d+\s*-", " ".join(kata)):
            lanjutan.add(round(kata_baris[0][0]))
        if "Ditetapkan" in kata:
            break
    assert len(teks) == 1 and lanjutan == teks, (teks, lanjutan)


def baris_pdf_bbox(pdf: Path) -> list[list[tuple[float, str]]]:
    """The PDF's lines in order, each a list of (x in points, word), from pdftotext -bbox."""
    xml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    hasil: list[list[tuple[float, str]]] = []
    for halaman in xml.split("<page ")[1:]:
        baris: dict[float, list[tuple[float, str]]] = {}
        for x, y, kata in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', halaman):
            baris.setdefault(round(float(y), 1), []).append((float(x), kata))
        hasil += [sorted(baris[y]) for y in sorted(baris)]
    return hasil
