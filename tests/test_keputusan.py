"""The rendered decree set: labels, hostile values, layout, archive (golden text: test_golden.py)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm, Twips
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bantu import CONFIG_CONTOH, TEMPLATES, data_contoh, jalankan_generate, teks_docx, tulis_data, tulis_naskah
from iku import konfigurasi
from iku.buat import Permintaan, generate
from iku.galat import ArsipError
from iku.huruf import lebar_teks_twip


def buat(tmp_path: Path, data: dict | None = None, **opsi) -> list[Path]:
    path = tulis_data(tmp_path / "iku.toml", data) if data is not None else CONFIG_CONTOH
    return generate(Permintaan(konfigurasi.baca(path), TEMPLATES, tmp_path / "output", **opsi))


def berkas(paths: list[Path], jenis: str) -> Path:
    return next(p for p in paths if p.name.startswith(jenis) and p.suffix == ".docx")


def test_set_ditulis_di_folder_tahun_dengan_nama_dari_instansi(tmp_path):
    paths = buat(tmp_path)
    assert [p.name for p in paths] == [
        "keputusan-iku-dinas-sosial-kabupaten-buleleng-2023.docx",
        "lampiran-iku-dinas-sosial-kabupaten-buleleng-2023.docx",
        "dokumen-iku-dinas-sosial-kabupaten-buleleng-2023.docx",
        "perjanjian-kinerja-dinas-sosial-kabupaten-buleleng-2023.docx",
        "laporan-kinerja-dinas-sosial-kabupaten-buleleng-2023.docx",
        "bundel-tanda-tangan-iku-dinas-sosial-kabupaten-buleleng-2023.docx",
        "tabel-iku-dinas-sosial-kabupaten-buleleng-2023.xlsx",
        "konfigurasi-2023.toml",
        "MANIFEST.json",
    ]
    assert all(p.parent == tmp_path / "output" / "2023" and p.is_file() for p in paths)
    assert (tmp_path / "output" / "2023" / "konfigurasi-2023.toml").read_bytes() == CONFIG_CONTOH.read_bytes()
    assert sorted(x.name for x in (tmp_path / "output").iterdir()) == ["2023"]


def test_dua_puluh_lima_diktum_berlabel_benar(tmp_path):
    data = data_contoh()
    data["keputusan"]["memutuskan"] = [f"Diktum nomor {n} berisi ketentuan." for n in range(1, 26)]
    teks = teks_docx(berkas(buat(tmp_path, data), "keputusan"))
    diktum = [t for t in teks if t.split("\t")[-1].startswith("Diktum nomor")]
    assert [t.split("\t")[0] for t in diktum][:3] == ["KESATU", "KEDUA", "KETIGA"]
    assert [t.split("\t")[0] for t in diktum][10:12] == ["KESEBELAS", "KEDUA BELAS"]
    assert [t.split("\t")[0] for t in diktum][20:] == [
        "KEDUA PULUH SATU",
        "KEDUA PULUH DUA",
        "KEDUA PULUH TIGA",
        "KEDUA PULUH EMPAT",
        "KEDUA PULUH LIMA",
    ]
    assert [t.split("\t")[-1] for t in diktum] == data["keputusan"]["memutuskan"]


def test_label_diktum_panjang_melebarkan_kolom(tmp_path):
    data = data_contoh()
    data["keputusan"]["memutuskan"] = [f"Diktum {n}." for n in range(1, 22)]
    d = docx.Document(str(berkas(buat(tmp_path, data), "keputusan")))
    gaya = d.styles["Diktum"].paragraph_format
    tab = [t.position for t in gaya.tab_stops]
    # the longest label (KEDUA PULUH SATU, 12 pt, URW Bookman's widths) fits before the first tab
    label = Twips(lebar_teks_twip("KEDUA PULUH SATU", 12, "Bookman Old Style"))
    assert len(tab) == 2 and tab[0] > label > Mm(40) and gaya.left_indent == tab[1] == -gaya.first_line_indent
    assert all(len(p.paragraph_format.tab_stops) == 0 for p in d.paragraphs if p.style.name == "Diktum")


HOSTIL = "bahwa {{ 7*7 }} & <b>tebal</b> {% if x %}y{% endif %} {_{ z }_} \"kutip\" 'satu' \\ ☺;"


def test_nilai_hostil_tercetak_apa_adanya(tmp_path):
    data = data_contoh()
    data["keputusan"]["menimbang"][0] = HOSTIL
    data["keputusan"]["nomor"] = "800/{{ nomor }}/<Dinsos> & Co"
    data["iku"][0]["sasaran"] = "Sasaran {% raw %} & <i>"
    data["iku"][0]["alasan"] = "Baris satu\nBaris {{ dua }}"
    paths = buat(tmp_path, data)
    keputusan = teks_docx(berkas(paths, "keputusan"))
    assert "Menimbang\t:\ta.\t" + HOSTIL in keputusan
    assert "NOMOR 800/{{ nomor }}/<Dinsos> & Co" in keputusan
    lampiran = teks_docx(berkas(paths, "lampiran"))
    assert "Sasaran {% raw %} & <i>" in lampiran and "Baris satu\nBaris {{ dua }}" in lampiran
    assert "NOMOR\t:\t800/{{ nomor }}/<Dinsos> & Co" in lampiran


def test_tembusan_dicetak_bila_ada(tmp_path):
    data = data_contoh()
    assert "Tembusan:" not in teks_docx(berkas(buat(tmp_path / "a", data), "keputusan"))
    data["keputusan"]["tembusan"] = ["Bupati Buleleng", "Inspektur Kabupaten Buleleng"]
    teks = teks_docx(berkas(buat(tmp_path / "b", data), "keputusan"))
    assert teks[-3:] == ["Tembusan:", "1.\tBupati Buleleng", "2.\tInspektur Kabupaten Buleleng"]


def test_kelompok_sasaran_digabung_dan_bernomor(tmp_path):
    """Rows of one sasaran share a merged, numbered cell; where the Lampiran's page ends inside a
    group, the next page's part of the table restarts the merge under "<sasaran> (lanjutan)"."""
    data = data_contoh()
    baris = data["iku"][0]
    data["iku"] = [
        dict(baris, indikator=f"Indikator {i}", sasaran=s)
        for i, s in enumerate(["A", "A", "A", "B", "C", "C"], start=1)
    ]
    d = docx.Document(str(berkas(buat(tmp_path, data), "lampiran")))
    bagian = [t for t in d.tables if t.rows[0].cells[0].text == "NO"]
    isi, vmerge, awal_bagian, label = [], [], [], {}
    for tabel in bagian:
        awal_bagian.append(len(isi))
        for r in tabel.rows[2:]:
            sel = [c.text for c in r.cells]
            if sel[0].endswith(" (lanjutan)"):
                label[len(isi)] = sel[0]
            elif sel[2].startswith("Indikator"):
                isi.append(sel)
                vmerge.append(r._tr.tc_lst[0].tcPr.find(qn("w:vMerge")).get(qn("w:val")))
    assert [r[2] for r in isi] == [f"Indikator {i}" for i in range(1, 7)]
    awal = [0, 3, 4]  # the rows that start a group: numbered, their sasaran in the merged cell
    assert [isi[i][:2] for i in awal] == [["1.", "A"], ["2.", "B"], ["3.", "C"]]
    assert vmerge == ["restart" if i in awal or i in awal_bagian else "continue" for i in range(6)]
    lanjut = [i for i in awal_bagian if i not in awal]  # a page that starts inside a group names it
    assert label == {i: f"{isi[max(a for a in awal if a < i)][1]} (lanjutan)" for i in lanjut}


def test_pecahan_bertumpuk_dengan_garis(tmp_path):
    d = docx.Document(str(berkas(buat(tmp_path), "lampiran")))
    pecahan = d.tables[-1].rows[3].cells[5].tables[0]  # the fraction and "× 100%" beside its bar
    sel = pecahan.rows[0].cells[0]
    assert [p.text for p in sel.paragraphs] == ["Jumlah PMKS yang tertangani", "Jumlah PMKS yang ada"]
    assert pecahan.rows[0].cells[1].text == "\u00d7\u00a0100%"
    assert pecahan._tbl.xpath("string(.//w:tc[2]/w:tcPr/w:vAlign/@w:val)") == "center"
    garis = sel.paragraphs[0]._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert garis.get(qn("w:val")) == "single"


def test_judul_tabel_diulang_setiap_halaman(tmp_path):
    d = docx.Document(str(berkas(buat(tmp_path), "lampiran")))
    tabel = d.tables[-1]
    assert [r._tr.trPr.find(qn("w:tblHeader")) is not None for r in tabel.rows[:2]] == [True, True]
    assert all(r._tr.trPr is None or r._tr.trPr.find(qn("w:tblHeader")) is None for r in tabel.rows[2:])


@pytest.mark.parametrize("kertas, ukuran", [("A4", (210, 297)), ("F4", (215, 330))])
def test_kertas_dan_orientasi(tmp_path, kertas, ukuran):
    data = data_contoh()
    data["format"]["kertas"] = kertas
    paths = buat(tmp_path, data)
    for jenis, mendatar in (("keputusan", False), ("lampiran", True)):
        for s in docx.Document(str(berkas(paths, jenis))).sections:
            lebar, tinggi = (ukuran[1], ukuran[0]) if mendatar else ukuran
            assert (round(s.page_width.mm), round(s.page_height.mm)) == (lebar, tinggi)
            margin = (s.top_margin, s.bottom_margin, s.left_margin, s.right_margin)
            assert [round(m.mm) for m in margin] == [20, 25, 30, 20]


@pytest.mark.parametrize("huruf", ["Arial", "Bookman Old Style"])
def test_huruf_dari_config(tmp_path, huruf):
    data = data_contoh()
    data["format"]["huruf"] = huruf
    d = docx.Document(str(berkas(buat(tmp_path, data), "keputusan")))
    fonts = {rf.get(qn("w:ascii")) for rf in d.styles.element.iter(qn("w:rFonts"))}
    fonts |= {rf.get(qn("w:ascii")) for rf in d.element.iter(qn("w:rFonts"))}
    assert fonts == {huruf}
    assert d.styles["Normal"].font.size.pt == 12


def test_nomor_halaman_mulai_halaman_dua(tmp_path):
    d = docx.Document(str(berkas(buat(tmp_path), "keputusan")))
    s = d.sections[0]
    assert s.different_first_page_header_footer
    header = s.header._element
    assert "PAGE" in "".join(t.text for t in header.iter(qn("w:instrText")))
    assert "".join(t.text for t in header.iter(qn("w:t"))).replace("1", "") == "-  -"
    assert "".join(t.text or "" for t in s.first_page_header._element.iter(qn("w:t"))) == ""


def test_keluaran_byte_identik_setiap_kali(tmp_path):
    a = buat(tmp_path / "a")
    b = buat(tmp_path / "b")
    for x, y in zip(a, b):
        assert hashlib.sha256(x.read_bytes()).digest() == hashlib.sha256(y.read_bytes()).digest(), x.name


def test_tahun_yang_ada_tidak_ditimpa_tanpa_force(tmp_path):
    pertama = buat(tmp_path)
    sidik = {p.name: p.read_bytes() for p in pertama}
    data = data_contoh()
    data["penandatangan"]["nama"] = "Nama Lain"
    with pytest.raises(ArsipError) as info:
        buat(tmp_path, data)
    assert "--force" in info.value.masalah[0].saran
    assert {p.name: p.read_bytes() for p in pertama} == sidik
    assert sorted(x.name for x in (tmp_path / "output").iterdir()) == ["2023"]


def test_force_menyimpan_arsip_lama(tmp_path):
    pertama = buat(tmp_path)
    lama = {p.name: p.read_bytes() for p in pertama}
    data = data_contoh()
    data["penandatangan"]["nama"] = "Nama Lain, S.H."
    buat(tmp_path, data, force=True)
    folder = sorted(x.name for x in (tmp_path / "output").iterdir())
    assert folder[0] == "2023" and len(folder) == 2 and folder[1].startswith("2023.diganti-")
    cadangan = tmp_path / "output" / folder[1]
    assert {p.name: p.read_bytes() for p in cadangan.iterdir()} == lama
    assert "Nama Lain, S.H." in teks_docx(berkas(list((tmp_path / "output" / "2023").iterdir()), "keputusan"))


def test_templat_rusak_tidak_meninggalkan_apa_pun(tmp_path):
    templat = tmp_path / "templat"
    templat.mkdir()
    for asal in TEMPLATES.glob("*.docx"):  # a missing template is refused before any is read
        (templat / asal.name).write_bytes(asal.read_bytes())
    (templat / "lampiran.docx").write_bytes(b"bukan docx")
    from iku.galat import TemplateError

    with pytest.raises(TemplateError) as info:
        generate(Permintaan(konfigurasi.baca(CONFIG_CONTOH), templat, tmp_path / "output"))
    assert info.value.masalah[0].berkas == templat / "lampiran.docx"
    assert not (tmp_path / "output").exists()


def test_cli_config_salah_tanpa_traceback_dan_tanpa_tulisan(tmp_path):
    data = data_contoh()
    path = tulis_data(tmp_path / "iku.toml", data)
    path.write_text(path.read_text().replace("tanggal = 2022-03-22", 'tanggal = "22-03-2022"', 1))
    hasil = jalankan_generate("--config", str(path), "--output", str(tmp_path / "out"))
    assert hasil.returncode != 0
    assert "Traceback" not in hasil.stderr and hasil.stdout == ""
    assert str(path) in hasil.stderr and "keputusan.tanggal" in hasil.stderr and "2022-03-22" in hasil.stderr
    assert not (tmp_path / "out").exists()


def test_cli_mencetak_jalur_yang_ditulis(tmp_path):
    hasil = jalankan_generate("--output", str(tmp_path / "out"))
    assert hasil.returncode == 0, hasil.stderr
    ditulis = [Path(b) for b in hasil.stdout.splitlines()]
    assert len(ditulis) == 9 and all(p.is_file() and p.parent == tmp_path / "out" / "2023" for p in ditulis)
    ulang = jalankan_generate("--output", str(tmp_path / "out"))
    assert ulang.returncode != 0 and "sudah ada" in ulang.stderr and "--force" in ulang.stderr


def test_tidak_ada_tag_tersisa(tmp_path):
    import zipfile

    for path in buat(tmp_path):
        if path.suffix != ".docx":
            continue
        with zipfile.ZipFile(path) as z:
            xml = " ".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xml"))
        assert not any(t in xml for t in ("{{", "}}", "{%", "%}", "{#")), path.name


TEKS_BEBAS = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Co", "Zl", "Zp")), min_size=1, max_size=60)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    menimbang=TEKS_BEBAS.filter(lambda t: t.strip() and not t.strip().startswith("ISI:")),
    sasaran=TEKS_BEBAS.filter(str.strip),
)
def test_nilai_apa_pun_tercetak_utuh(tmp_path, menimbang, sasaran):
    from dataclasses import replace

    from iku.naskah import per_templat
    from iku.naskah.blok import tanpa_label

    bacaan = konfigurasi.baca(CONFIG_CONTOH)
    config = bacaan.config
    k = config.keputusan.model_copy(update={"menimbang": [menimbang.strip()]})
    iku = [config.iku[0].model_copy(update={"sasaran": sasaran.strip()})]
    bacaan = replace(bacaan, config=config.model_copy(update={"keputusan": k, "iku": iku}))
    tujuan = tulis_naskah(bacaan, per_templat()["keputusan.docx"], tmp_path / "k.docx")
    # one item: no label; a label typed at its start is dropped (check warns about it)
    assert f"Menimbang\t:\t\t{tanpa_label(menimbang.strip())}" in teks_docx(tujuan)
    tulis_naskah(bacaan, per_templat()["lampiran.docx"], tujuan)
    assert sasaran.strip() in teks_docx(tujuan)


def test_kesalahan_pemakaian_dalam_bahasa_indonesia(tmp_path):
    hasil = jalankan_generate("--confg", "x.toml", "--output", str(tmp_path / "out"))
    assert hasil.returncode == 2 and "Traceback" not in hasil.stderr
    assert "opsi tidak dikenal: --confg" in hasil.stderr and "--config" in hasil.stderr
    assert "python generate.py --help" in hasil.stderr and not (tmp_path / "out").exists()


def test_judul_sangat_panjang_dan_tahun_jauh_tidak_merusak(tmp_path):
    data = data_contoh()
    data["keputusan"]["tentang"] = "Penetapan " + "Indikator Kinerja Utama " * 14 + "Tahun 2023"
    data["keputusan"]["tanggal"] = data["keputusan"]["tanggal"].replace(year=2202)
    paths = buat(tmp_path, data)
    assert data["keputusan"]["tentang"].upper() in teks_docx(berkas(paths, "keputusan"))
    assert docx.Document(str(berkas(paths, "keputusan"))).core_properties.title == data["keputusan"]["tentang"][:255]


def test_templat_yang_gagal_saat_diisi_menyebut_paragrafnya(tmp_path):
    from iku.galat import TemplateError

    templat = tmp_path / "templat"
    templat.mkdir()
    for t in TEMPLATES.glob("*.docx"):
        (templat / t.name).write_bytes(t.read_bytes())
    d = docx.Document(str(templat / "keputusan.docx"))
    run = next(r for p in d.paragraphs for r in p.runs if r.text == "NOMOR {{ judul.nomor }}")
    run.text = "NOMOR {{ judul.nomor + 1 }}"
    d.save(str(templat / "keputusan.docx"))
    with pytest.raises(TemplateError) as info:
        generate(Permintaan(konfigurasi.baca(CONFIG_CONTOH), templat, tmp_path / "output"))
    m = info.value.masalah[0]
    assert m.berkas == templat / "keputusan.docx" and "TypeError" in m.pesan
    assert "NOMOR {{ judul.nomor + 1 }}" in m.saran and not (tmp_path / "output").exists()


def test_output_di_bawah_berkas_ditolak_dengan_jelas(tmp_path):
    (tmp_path / "berkas").write_text("x")
    hasil = jalankan_generate("--output", str(tmp_path / "berkas" / "sub"))
    assert hasil.returncode == 5 and "Traceback" not in hasil.stderr and "folder arsip" in hasil.stderr
    bersarang = tmp_path / "a" / "b" / "c"
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "b").write_text("bukan folder")
    assert jalankan_generate("--output", str(bersarang / "d")).returncode == 5
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["b"]


def test_arsip_dapat_dibaca_rekan_kerja(tmp_path):
    folder = buat(tmp_path)[0].parent
    assert folder.stat().st_mode & 0o055 == 0o055


def test_pemasangan_tanpa_force_tidak_pernah_mengganti(tmp_path):
    from iku import arsip as archive

    tujuan = tmp_path / "2023"
    tujuan.mkdir()
    (tujuan / "lama.docx").write_text("lama")
    baru = tmp_path / ".sedang-ditulis-2023-1-x"
    baru.mkdir()
    (baru / "baru.docx").write_text("baru")
    with pytest.raises(ArsipError):
        archive.pasang(baru, tujuan, force=False)
    assert [p.name for p in tujuan.iterdir()] == ["lama.docx"]


def test_baris_baru_tidak_direnggangkan_dan_tanda_tangan_tidak_sendirian(tmp_path):
    paths = buat(tmp_path)
    d = docx.Document(str(berkas(paths, "keputusan")))
    assert d.settings.element.find(qn("w:compat")).find(qn("w:doNotExpandShiftReturn")) is not None
    # the whole block, "Ditetapkan di" to the NIP, in one row that cannot split; the last diktum keeps with it
    blok = next(t for t in d.tables if "Ditetapkan di Singaraja" in t.rows[0].cells[0].text)
    assert len(blok.rows) == 1 and blok.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None
    isi = [p.text for p in blok.rows[0].cells[0].paragraphs]
    assert isi[1] == "Ditetapkan di Singaraja" and isi[-1] == "NIP. 19691231 199103 1 053"
    sebelum = blok._tbl.getprevious()
    assert "Keputusan ini mulai berlaku" in "".join(sebelum.itertext()) and sebelum.pPr.keepNext_val
    lampiran = docx.Document(str(berkas(paths, "lampiran"))).tables[-1]
    utuh = [r._tr.trPr is not None and r._tr.trPr.find(qn("w:cantSplit")) is not None for r in lampiran.rows]
    # the short first row stays whole; the second (over half a page) holds a stacked fraction, so it
    # stays whole too (it fits on a page) and keeps with the signature, the table's whole last row
    assert utuh[2:] == [True, True, True]
    assert "NIP. 19691231 199103 1 053" in lampiran.rows[-1].cells[0].text
    assert lampiran.rows[-2]._tr.xpath(".//w:keepNext")


def test_check_tidak_menulis_ke_folder_sementara(tmp_path):
    import os
    import subprocess
    import sys

    sementara = tmp_path / "tmp"
    sementara.mkdir()
    hasil = subprocess.run(
        [sys.executable, "-m", "iku.cli", "check", "--config", str(CONFIG_CONTOH)],
        env={**os.environ, "TMPDIR": str(sementara)},
        capture_output=True,
        text=True,
    )
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    assert list(sementara.iterdir()) == []


def test_iku_tanpa_perintah_menampilkan_bantuan():
    import subprocess
    import sys

    hasil = subprocess.run([sys.executable, "-m", "iku.cli"], capture_output=True, text=True)
    assert hasil.returncode == 0 and "generate" in hasil.stdout and "check" in hasil.stdout
