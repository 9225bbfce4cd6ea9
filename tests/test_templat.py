"""Template checks of `iku check --templates`, and templates edited in Word/LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from bantu import CONFIG_CONTOH, TEMPLATES, teks_docx, tulis_naskah
from iku import konfigurasi as config
from iku.cli import main
from iku.naskah import per_templat
from iku.periksa.jalankan import periksa_folder

# A tag as Word leaves it after an edit: split over runs (one bold), a spell-check mark
# between them, and curly quotes typed inside the tag.
NOMOR_DISUNTING = (
    'NOMOR {{ judul[“</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:rPr><w:b/></w:rPr>'
    "<w:t>nomor”] }</w:t></w:r><w:r><w:t>}"
)


@pytest.fixture(scope="module")
def sample():
    return config.baca(CONFIG_CONTOH)


def folder_templat(tujuan: Path, nama: str | None = None, ganti: dict[str, str] | None = None) -> Path:
    """A copy of the shipped templates, with text replaced in one template's document.xml."""
    tujuan.mkdir(parents=True, exist_ok=True)
    for asal in TEMPLATES.glob("*.docx"):
        shutil.copyfile(asal, tujuan / asal.name)
    if nama:
        ubah_docx(TEMPLATES / nama, tujuan / nama, ganti or {})
    return tujuan


def ubah_docx(asal: Path, tujuan: Path, ganti: dict[str, str]) -> Path:
    with zipfile.ZipFile(asal) as z:
        isi = {n: z.read(n) for n in z.namelist()}
    xml = isi["word/document.xml"].decode("utf-8")
    for lama, baru in ganti.items():
        assert lama in xml, lama
        xml = xml.replace(lama, baru)
    isi["word/document.xml"] = xml.encode("utf-8")
    with zipfile.ZipFile(tujuan, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in isi.items():
            z.writestr(n, data)
    return tujuan


def teks_hasil(templat: Path, sample, tujuan: Path) -> list[str]:
    """The text of the document templat (keputusan.docx or lampiran.docx, in its folder) makes."""
    return teks_docx(tulis_naskah(sample, per_templat()[templat.name], tujuan, templat.parent))


def test_templat_bawaan_bersih(sample) -> None:
    temuan = periksa_folder(TEMPLATES, sample)
    assert temuan.galat == [] and temuan.peringatan == []


@pytest.mark.parametrize(
    "lama, baru, nama",
    [
        ("{{ judul.nomor }}", "{{ judul.nomr }}", "judul.nomr"),
        ("{{ b.teks }}", "{{ b.tekss }}", "b.tekss"),
        ("{{ penandatangan.nip }}", "{{ nip }}", "nip"),
    ],
)
def test_isian_tidak_dikenal(tmp_path: Path, sample, lama: str, baru: str, nama: str) -> None:
    folder = folder_templat(tmp_path, "keputusan.docx", {lama: baru})
    temuan = periksa_folder(folder, sample)
    pesan = [str(m) for m in temuan.galat]
    assert any(
        f'isian "{nama}" tidak dikenal' in p and "keputusan.docx" in p and "paragraf" in p and baru in p for p in pesan
    ), pesan


def test_nama_sama_dua_kali_dilaporkan_sekali_per_paragraf(tmp_path: Path, sample) -> None:
    folder = folder_templat(tmp_path, "keputusan.docx", {"{{ judul.nomor }}": "{{ judul.nomr }} {{ judul.nomr }}"})
    assert len(periksa_folder(folder, sample).galat) == 1
    folder = folder_templat(tmp_path / "b", "keputusan.docx", {"{{ b.teks }}": "{{ b.tekss }}"})
    galat = periksa_folder(folder, sample).galat
    assert [("Menimbang{%" in m.pesan, "Mengingat{%" in m.pesan) for m in galat] == [(True, False), (False, True)]


def test_isian_tidak_dikenal_pada_tanda_baris_tabel(tmp_path: Path, sample) -> None:
    folder = folder_templat(
        tmp_path, "lampiran.docx", {"{%tr for g in kelompok_iku %}": "{%tr for g in kelompok_ikuu %}"}
    )
    galat = periksa_folder(folder, sample).galat
    assert [m.pesan.split(": ", 1)[0].endswith('"{%tr for g in kelompok_ikuu %}"') for m in galat] == [True]


def test_isian_tidak_dikenal_di_lampiran(tmp_path: Path, sample) -> None:
    folder = folder_templat(tmp_path, "lampiran.docx", {"{{ b.satuan }}": "{{ b.satuan_ }}"})
    pesan = [str(m) for m in periksa_folder(folder, sample).galat]
    assert any('"b.satuan_"' in p and "lampiran.docx" in p for p in pesan), pesan


def test_tanda_jinja_rusak(tmp_path: Path, sample) -> None:
    folder = folder_templat(tmp_path, "keputusan.docx", {"NOMOR {{ judul.nomor }}": "NOMOR {{ judul.nomor }"})
    galat = periksa_folder(folder, sample).galat
    assert (
        len(galat) == 1
        and "tanda Jinja tidak sah" in galat[0].pesan
        and 'paragraf 12 "NOMOR {{ judul.nomor }"' in galat[0].pesan
    )
    assert galat[0].berkas == folder / "keputusan.docx" and galat[0].saran


def test_endfor_hilang(tmp_path: Path, sample) -> None:
    folder = folder_templat(tmp_path, "keputusan.docx", {"<w:t>{%p endfor %}</w:t>": "<w:t>akhir</w:t>"})
    galat = periksa_folder(folder, sample).galat
    assert any('perintah "endif" tidak dikenal atau tidak berpasangan' in m.pesan for m in galat), [
        str(m) for m in galat
    ]
    assert periksa_folder(folder, sample).peringatan == []  # names are unknown, not missing


def test_teks_di_paragraf_tanda_p_akan_hilang(tmp_path: Path, sample) -> None:
    folder = folder_templat(
        tmp_path, "keputusan.docx", {"{%p for d in diktum %}": "Catatan penting {%p for d in diktum %}"}
    )
    temuan = periksa_folder(folder, sample)
    assert temuan.galat == []
    assert [("akan hilang" in m.pesan and "Catatan penting" in m.pesan) for m in temuan.peringatan] == [True]


def test_tanda_tr_di_luar_tabel(tmp_path: Path, sample) -> None:
    folder = folder_templat(
        tmp_path, "keputusan.docx", {"{%p if tembusan %}": "{%tr if tembusan %}", "{%p endif %}": "{%tr endif %}"}
    )
    galat = periksa_folder(folder, sample).galat
    assert any("hanya boleh berada di dalam baris tabel" in m.pesan for m in galat), [str(m) for m in galat]


@pytest.mark.parametrize(
    "isian, tertulis",
    [("{{ penandatangan.nama }}", "I Putu Kariaman Putra"), ("NOMOR {{ judul.nomor }}", "NOMOR 400.9")],
)
def test_isian_wajib_yang_hilang(tmp_path: Path, sample, isian: str, tertulis: str) -> None:
    folder = folder_templat(tmp_path, "keputusan.docx", {isian: tertulis})
    temuan = periksa_folder(folder, sample)
    nama = isian.split("{{ ")[1].split(" }}")[0]
    assert temuan.peringatan == []
    assert [m.pesan for m in temuan.galat] == [f'templat tidak lagi memuat isian wajib "{nama}"']


def generate_cli(config: Path, templates: Path, output: Path):
    return CliRunner().invoke(
        main, ["generate", "--config", str(config), "--templates", str(templates), "--output", str(output)]
    )


def test_generate_menolak_templat_tanpa_isian_wajib(tmp_path: Path) -> None:
    folder = folder_templat(tmp_path / "templat", "keputusan.docx", {"{{ penandatangan.nama }}": "I Putu"})
    ubah_docx(TEMPLATES / "dokumen-iku.docx", folder / "dokumen-iku.docx", {"{{ buku.judul.pengantar }}": "KATA"})
    hasil = generate_cli(CONFIG_CONTOH, folder, tmp_path / "out")
    assert hasil.exit_code == 4, hasil.output
    assert "Templat tidak dapat dipakai (2 masalah)" in hasil.stderr
    assert f'{folder / "keputusan.docx"}: templat tidak lagi memuat isian wajib "penandatangan.nama"' in hasil.stderr
    assert (
        f'{folder / "dokumen-iku.docx"}: templat tidak lagi memuat isian wajib "buku.judul.pengantar"' in hasil.stderr
    )
    assert not (tmp_path / "out" / "2023").exists()


KELAS = {"{{ judul.tempat }}": "{{ judul.tempat.__class__ }}"}
PESAN_KELAS = 'templat meminta atribut "__class__" yang tidak diizinkan'


def test_check_menolak_akses_atribut_python(tmp_path: Path) -> None:
    folder = folder_templat(tmp_path, "keputusan.docx", KELAS)
    hasil = CliRunner().invoke(main, ["check", "--config", str(CONFIG_CONTOH), "--templates", str(folder)])
    assert hasil.exit_code == 1
    (baris,) = [b for b in hasil.output.splitlines() if b.startswith("KESALAHAN")]
    assert str(folder / "keputusan.docx") in baris and PESAN_KELAS in baris and "Ditetapkan di" in baris
    assert "<class" not in hasil.output and "SecurityError" not in hasil.output


def test_generate_menolak_akses_atribut_python(tmp_path: Path) -> None:
    folder = folder_templat(tmp_path / "templat", "keputusan.docx", KELAS)
    hasil = generate_cli(CONFIG_CONTOH, folder, tmp_path / "out")
    assert hasil.exit_code == 4 and PESAN_KELAS in hasil.stderr, hasil.output
    assert "Traceback" not in hasil.output and "SecurityError" not in hasil.output
    assert not (tmp_path / "out" / "2023").exists()


def test_generate_menyebut_semua_templat_yang_hilang(tmp_path: Path) -> None:
    folder = folder_templat(tmp_path / "templat")
    (folder / "keputusan.docx").unlink()
    (folder / "dokumen-iku.docx").unlink()
    hasil = generate_cli(CONFIG_CONTOH, folder, tmp_path / "out")
    assert hasil.exit_code == 4, hasil.output
    assert "(2 masalah)" in hasil.stderr
    for nama in ("keputusan.docx", "dokumen-iku.docx"):
        assert f"{folder / nama}: berkas templat tidak ditemukan" in hasil.stderr
    assert "lampiran.docx" not in hasil.stderr


def test_templat_hilang_dan_templat_lain(tmp_path: Path, sample) -> None:
    folder = folder_templat(tmp_path)
    (folder / "lampiran.docx").unlink()
    shutil.copyfile(TEMPLATES / "keputusan.docx", folder / "surat-pengantar.docx")
    ubah_docx(TEMPLATES / "keputusan.docx", folder / "rusak.docx", {"{{ kop.nama }}": "{{ kop.nama }"})
    galat = periksa_folder(folder, sample).galat
    assert sorted(m.berkas.name for m in galat) == ["lampiran.docx", "rusak.docx"]


def test_salah_ketik_di_templat(tmp_path: Path, sample) -> None:
    folder = folder_templat(tmp_path, "lampiran.docx", {">LAMPIRAN<": ">LAMPIARAN<"})
    peringatan = periksa_folder(folder, sample).peringatan
    assert [(m.berkas.name, m.saran) for m in peringatan] == [("lampiran.docx", 'tulis "LAMPIRAN"')]


def test_tag_terpecah_dan_kutip_lengkung_tetap_terisi(tmp_path: Path, sample) -> None:
    folder = folder_templat(tmp_path, "keputusan.docx", {"NOMOR {{ judul.nomor }}": NOMOR_DISUNTING})
    temuan = periksa_folder(folder, sample)
    assert temuan.galat == [] and temuan.peringatan == []
    asli = teks_hasil(TEMPLATES / "keputusan.docx", sample, tmp_path / "asli.docx")
    disunting = teks_hasil(folder / "keputusan.docx", sample, tmp_path / "disunting.docx")
    assert disunting == asli and "NOMOR 400.9/2248.1/Dinsos/2022" in asli


def test_check_menunjuk_templat_dan_paragraf(tmp_path: Path) -> None:
    folder = folder_templat(tmp_path, "keputusan.docx", {"{{ judul.nomor }}": "{{ judul.nomr }}"})
    hasil = CliRunner().invoke(main, ["check", "--config", str(CONFIG_CONTOH), "--templates", str(folder)])
    assert hasil.exit_code == 1
    assert f"KESALAHAN: {folder / 'keputusan.docx'} isi dokumen, paragraf" in hasil.output
    assert '"NOMOR {{ judul.nomr }}"' in hasil.output


def test_check_tidak_menulis_apa_pun(tmp_path: Path) -> None:
    folder = folder_templat(tmp_path / "templat")
    sebelum = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*")}
    hasil = CliRunner().invoke(main, ["check", "--config", str(CONFIG_CONTOH), "--templates", str(folder)])
    assert hasil.exit_code == 0, hasil.output
    assert {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*")} == sebelum


# ---------------------------------------------------------------- LibreOffice round trip


def simpan_ulang_libreoffice(asal: list[Path], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    profil = folder.parent / "profil-lo"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profil}",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(folder),
            *map(str, asal),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return folder


@pytest.mark.pdf
def test_templat_bawaan_setelah_disimpan_libreoffice(tmp_path: Path, sample) -> None:
    folder = simpan_ulang_libreoffice(sorted(TEMPLATES.glob("*.docx")), tmp_path / "lo")
    for nama in ("keputusan.docx", "lampiran.docx"):
        asli = teks_hasil(TEMPLATES / nama, sample, tmp_path / f"asli-{nama}")
        ulang = teks_hasil(folder / nama, sample, tmp_path / f"ulang-{nama}")
        assert ulang == asli, nama
    temuan = periksa_folder(folder, sample)
    assert temuan.galat == [] and temuan.peringatan == []


@pytest.mark.pdf
def test_templat_disunting_setelah_disimpan_libreoffice(tmp_path: Path, sample) -> None:
    disunting = ubah_docx(
        TEMPLATES / "keputusan.docx", tmp_path / "keputusan.docx", {"NOMOR {{ judul.nomor }}": NOMOR_DISUNTING}
    )
    folder = simpan_ulang_libreoffice([disunting], tmp_path / "lo")
    asli = teks_hasil(TEMPLATES / "keputusan.docx", sample, tmp_path / "asli.docx")
    assert teks_hasil(folder / "keputusan.docx", sample, tmp_path / "ulang.docx") == asli


def test_templat_yang_disiapkan_sekali_diisi_ulang_dengan_konteks_lain(tmp_path: Path) -> None:
    """A part is compiled once per process and reused: a second agency gets its own text, and the
    first one filled again gets the very bytes it got the first time."""
    from iku.naskah import DAFTAR

    keputusan = next(j for j in DAFTAR if j.jenis == "keputusan")
    lain = tmp_path / "lain.toml"
    lain.write_text(
        CONFIG_CONTOH.read_text(encoding="utf-8").replace("Dinas Sosial", "Dinas Perikanan"), encoding="utf-8"
    )

    def isi_keputusan(path: Path, nama: str) -> tuple[bytes, list[str]]:
        tujuan = tulis_naskah(config.baca(path), keputusan, tmp_path / nama)
        return tujuan.read_bytes(), teks_docx(tujuan)

    pertama, teks_pertama = isi_keputusan(CONFIG_CONTOH, "a.docx")
    _, teks_lain = isi_keputusan(lain, "b.docx")
    lagi, _ = isi_keputusan(CONFIG_CONTOH, "c.docx")
    assert any("DINAS PERIKANAN" in t.upper() for t in teks_lain)
    assert not any("DINAS SOSIAL" in t.upper() for t in teks_lain)
    assert any("DINAS SOSIAL" in t.upper() for t in teks_pertama)
    assert lagi == pertama


def test_templat_tanpa_pernyataan_angka_dan_tanda_tangan_diperingatkan(tmp_path: Path, sample) -> None:
    """The layout reads declarations, not printed text: a template (re-typed in Word) whose number
    fields lost the character style "Angka" or whose signature block lost its "Tanda Tangan"
    style is named by `iku check`, with what to do; the default template is not."""
    folder = folder_templat(
        tmp_path,
        "lampiran.docx",
        {'<w:rStyle w:val="Angka"/>': "", '<w:pStyle w:val="TandaTangan"/>': '<w:pStyle w:val="Tabel"/>'},
    )
    peringatan = [m for m in periksa_folder(folder, sample).peringatan if m.berkas.name == "lampiran.docx"]
    assert len(peringatan) == 2, peringatan
    angka, ttd = peringatan
    assert '"Angka"' in angka.pesan and "iku templates" in angka.saran
    assert '"Tanda Tangan..."' in ttd.pesan and "Tanda Tangan" in ttd.saran
    assert periksa_folder(folder_templat(tmp_path / "bawaan"), sample).peringatan == []


def test_templat_tanpa_judul_tabel_lampiran_diperingatkan_bila_kolom_dipilih(tmp_path: Path) -> None:
    """With [lampiran] kolom chosen, a Lampiran template whose IKU table lost its title is named:
    the chosen columns would silently not apply."""
    from bantu import data_contoh, tulis_data

    folder = folder_templat(tmp_path, "lampiran.docx", {'<w:tblCaption w:val="Indikator Kinerja Utama"/>': ""})
    data = data_contoh()
    data["lampiran"] = {"kolom": ["no", "indikator", "satuan", "keterangan"]}
    dipilih = config.baca(tulis_data(tmp_path / "iku.toml", data))
    peringatan = [m for m in periksa_folder(folder, dipilih).peringatan if m.berkas.name == "lampiran.docx"]
    assert [('"Indikator Kinerja Utama"' in m.pesan and "[lampiran]" in m.pesan) for m in peringatan] == [True]
    assert periksa_folder(folder, config.baca(CONFIG_CONTOH)).peringatan == []  # today's columns: nothing to apply
