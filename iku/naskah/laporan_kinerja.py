"""Context of the Laporan Kinerja Instansi Pemerintah (LKjIP, template laporan-kinerja.docx).

Assembled from what the other documents already compute: the cover, Kata Pengantar layout,
organisation text and chart and Tabel of targets come from the IKU book (buku.py), every
capaian, predikat and budget figure from capaian.py, the charts from grafik.py, and the
lampiran is the Perjanjian Kinerja's own `pk` block. Headings are numbered from one outline
(KERANGKA), so the contents list and the body cannot disagree; tables and pictures are
labelled per BAB here, never in the template.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from .. import bahasa, capaian, grafik
from ..model import Config, Iku, LaporanKinerja
from . import blok, buku
from .blok import periode
from .keputusan import kelompok_iku
from .perjanjian_kinerja import baris_target, perjanjian

# The report's outline (Permenpan RB 53/2014): (key, title or None when it depends on the config,
# level, numbered). Sub-chapters are lettered A., B. as the regulation's format prints them.
KERANGKA: list[tuple[str, str | None, int, bool]] = [
    ("pengantar", "KATA PENGANTAR", 1, False),
    ("ikhtisar", "IKHTISAR EKSEKUTIF", 1, False),
    ("daftar_isi", "DAFTAR ISI", 1, False),
    ("pendahuluan", "PENDAHULUAN", 1, True),
    ("latar", "Latar Belakang", 2, True),
    ("struktur", None, 2, True),
    ("perencanaan", "PERENCANAAN KINERJA", 1, True),
    ("tujuan_sasaran", "Tujuan dan Sasaran", 2, True),
    ("iku", "Indikator Kinerja Utama dan Target", 2, True),
    ("pk", None, 2, True),
    ("akuntabilitas", "AKUNTABILITAS KINERJA", 1, True),
    ("capaian", "Capaian Kinerja Organisasi", 2, True),
    ("anggaran", "Realisasi Anggaran", 2, True),
    ("penutup", "PENUTUP", 1, True),
    ("lampiran", "LAMPIRAN", 1, False),
]
# Entries printed only when the config has what they show.
BERSYARAT: dict[str, Callable[[Config], bool]] = {
    "pk": lambda c: c.perjanjian_kinerja is not None,
    "anggaran": lambda c: bool(c.program),
    "lampiran": lambda c: c.perjanjian_kinerja is not None,
}
# Units that name the kind of number ("88,12 nilai" reads as a noun twice): printed bare.
SATUAN_TANPA_KATA = {"nilai", "indeks", "skor", "predikat", "poin", "angka", "level", "peringkat", "rasio"}
SATUAN_RUPIAH = {"rupiah", "rp", "rp."}
MAKIN_RENDAH = grafik.MAKIN_RENDAH
JUDUL_SAMPUL = "LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP)"


def _judul_config(kunci: str, config: Config) -> str:
    return {
        "struktur": f"Struktur Organisasi {config.instansi.nama}",
        "pk": f"Perjanjian Kinerja Tahun {config.tahun}",
    }[kunci]


def kerangka(config: Config) -> list[dict[str, Any]]:
    """The outline numbered: BAB I, A., B. ... each with its key, level, BAB number, label and text."""
    entri = (
        (k, j or _judul_config(k, config), t, b)
        for k, j, t, b in KERANGKA
        if k not in BERSYARAT or BERSYARAT[k](config)
    )
    return blok.kerangka_bernomor(entri, lambda _bab, sub: blok.label_huruf(sub).upper())


def judul(config: Config, garis: list[dict[str, Any]]) -> dict[str, str]:
    """Every heading of the outline by key: numbered when printed, its bare title when the config
    leaves it out (the template names it inside a branch that is not rendered)."""
    semua = {k: j or _judul_config(k, config) for k, j, _, _ in KERANGKA}
    return semua | {g["kunci"]: g["teks"] for g in garis}


def _lk(config: Config) -> LaporanKinerja:
    return blok.bagian(config.laporan_kinerja, "laporan_kinerja")


def nama(config: Config) -> tuple[str, str]:
    """Title and subject of its document properties."""
    instansi = config.instansi.nama
    return (
        f"Laporan Kinerja Instansi Pemerintah {instansi} Tahun {config.tahun}",
        f"LKjIP {instansi} Tahun {config.tahun}",
    )


# ---------------------------------------------------------------- front matter


def sampul(config: Config) -> dict[str, Any]:
    return {**buku.sampul(config), "judul": JUDUL_SAMPUL, "periode": f"TAHUN {config.tahun}"}


def pengantar_bawaan(config: Config) -> str:
    nama, tahun = config.instansi.nama, config.tahun
    return (
        f"Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa, karena atas berkat dan rahmat-Nya "
        f"Laporan Kinerja Instansi Pemerintah (LKjIP) {nama} Tahun {tahun} dapat diselesaikan. Laporan ini "
        f"disusun sebagai wujud pertanggungjawaban atas pelaksanaan tugas dan fungsi {nama} dalam mencapai "
        f"sasaran yang ditetapkan dalam Perjanjian Kinerja Tahun {tahun}.\n\n"
        f"Laporan ini menyajikan capaian kinerja, perbandingannya dengan tahun-tahun sebelumnya dan dengan "
        f"target akhir periode rencana, serta realisasi anggaran, sebagai bahan evaluasi dan perbaikan "
        f"kinerja pada tahun berikutnya.\n\n"
        f"Kami menyampaikan terima kasih kepada semua pihak yang telah membantu penyusunan laporan ini. "
        f"Semoga laporan ini bermanfaat bagi peningkatan kinerja {nama}."
    )


def pengantar(config: Config) -> dict[str, Any]:
    lk = _lk(config)
    return {
        "paragraf": buku.paragraf(lk.kata_pengantar or pengantar_bawaan(config)),
        "tempat_tanggal": f"{config.keputusan.tempat}, {bahasa.tanggal(lk.tanggal)}",
    }


def _jumlah(n: int) -> str:
    """'2 (dua)'."""
    return f"{n} ({bahasa.terbilang(n)})"


def ikhtisar(config: Config, daftar: list[capaian.Capaian], hitung: capaian.Anggaran) -> list[list[str]]:
    """The Ikhtisar Eksekutif: counts from capaian.ikhtisar, the budget absorbed from its JUMLAH row."""
    ik, nama, tahun = capaian.ikhtisar(daftar), config.instansi.nama, config.tahun
    predikat = "; ".join(f"{nama_} {n} indikator" for nama_, n in ik.per_predikat.items())
    hasil = [
        f"Laporan Kinerja Instansi Pemerintah (LKjIP) {nama} Tahun {tahun} menyajikan capaian kinerja "
        f"{nama} pada tahun {tahun} terhadap target Indikator Kinerja Utama dan Perjanjian Kinerja.",
        f"Dari {_jumlah(ik.jumlah)} Indikator Kinerja Utama, {_jumlah(ik.tercapai)} indikator mencapai atau "
        f"melampaui target (capaian 100% atau lebih).",
        f"Menurut predikat capaian: {predikat}.",
    ]
    if ik.tidak_terukur:
        hasil.append(
            f"{_jumlah(ik.tidak_terukur)} indikator bertarget 0 sehingga capaian dan predikatnya "
            f'tidak dapat dihitung (tercetak "-").'
        )
    return [[p] for p in hasil + kalimat_anggaran(config, hitung)]


def kalimat_anggaran(config: Config, hitung: capaian.Anggaran) -> list[str]:
    """The budget absorbed in words (Ikhtisar): over the programmes whose realisasi is known,
    naming those whose realisasi is not (unknown, not 0)."""
    if not config.program:
        return []
    tahun = config.tahun
    jumlah, terukur = capaian.teks_anggaran(hitung.jumlah), capaian.teks_anggaran(hitung.terukur)
    if not hitung.tanpa_realisasi:
        return [
            f"Realisasi anggaran tahun {tahun} sebesar Rp{jumlah['realisasi']} dari pagu "
            f"Rp{jumlah['anggaran']}, atau terserap {jumlah['persen']}%."
        ]
    if hitung.terukur.persen is None:
        return [f"{kalimat_belum(config, hitung)} Serapan anggaran tahun {tahun} belum dapat dihitung."]
    return [
        f"Realisasi anggaran tahun {tahun} program yang realisasinya tersedia sebesar Rp{terukur['realisasi']} "
        f"dari pagu Rp{terukur['anggaran']}, atau terserap {terukur['persen']}% (pagu seluruh program "
        f"Rp{jumlah['anggaran']}).",
        kalimat_belum(config, hitung),
    ]


def kalimat_belum(config: Config, hitung: capaian.Anggaran, di_tabel: bool = False) -> str:
    """Which programmes have no realisasi yet ("" when all have one); under the table it also says
    why their row prints "-"."""
    kurang = [config.program[i].nama for i in hitung.tanpa_realisasi]
    if not kurang:
        return ""
    cetak = " sehingga tercetak \u201c-\u201d" if di_tabel else ""
    return (
        f"Realisasi {bahasa.rangkai(kurang)} belum tersedia,{cetak} dan tidak dihitung dalam persentase "
        "serapan anggaran."
    )


# ---------------------------------------------------------------- BAB I and II


def latar_bawaan(config: Config) -> str:
    nama, tahun = config.instansi.nama, config.tahun
    return (
        "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah "
        "mewajibkan setiap instansi pemerintah menyusun laporan kinerja sebagai bentuk pertanggungjawaban "
        "atas pelaksanaan tugas dan fungsi serta pengelolaan anggaran. Laporan kinerja disusun menurut "
        "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014.\n\n"
        f"Laporan Kinerja Instansi Pemerintah {nama} Tahun {tahun} menyajikan capaian Indikator Kinerja "
        f"Utama yang ditetapkan dalam Perjanjian Kinerja Tahun {tahun}, sebagai bahan evaluasi dan "
        "perbaikan perencanaan serta pelaksanaan program pada tahun berikutnya."
    )


def rencana(config: Config, label_tabel: str) -> dict[str, Any]:
    """Tujuan and sasaran (as the book prints them) and the book's table of targets per plan year."""
    r, nama = config.rencana, config.instansi.nama
    return {
        "periode": periode(config),
        "tujuan": f"Tujuan {nama} adalah \u201c{r.tujuan}\u201d, dengan indikator tujuan "
        f"\u201c{r.indikator_tujuan}\u201d.",
        "sasaran": buku.sasaran(config),
        "tabel": tabel_target(config, label_tabel),
    }


def per_sasaran(config: Config, baris: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows (one per indicator, in config order) grouped by consecutive sasaran (kelompok_iku): one
    table each, the sasaran in a header row that repeats on every page the group takes. Rows are
    numbered per indicator through all groups: the one numbering of every LKjIP table."""
    urut = iter(baris)
    kelompok = kelompok_iku(config.iku, lambda _b: dict(next(urut)))
    nomor = 0
    for n, g in enumerate(kelompok, start=1):
        g["judul_sasaran"] = f"Sasaran {n}: {g['sasaran']}"
        for b in g["baris"]:
            nomor += 1
            b["nomor"] = f"{nomor}."
    return kelompok


def tabel_target(config: Config, label: str) -> dict[str, Any]:
    """The IKU with kondisi awal, the target of every plan year and kondisi akhir: the rows of the
    book's Tabel 2.2.1 (buku.baris_tabel), without its strategy and measurement columns."""
    r, tabel = config.rencana, buku.tabel(config, label)
    return {
        "label": tabel["label"],
        "judul": f"Indikator Kinerja Utama dan Target {config.instansi.nama} Tahun {periode(config)}",
        "kondisi_awal": tabel["kondisi_awal"],
        "kondisi_akhir": tabel["kondisi_akhir"],
        "tahun": [str(t) for t in r.tahun],
        "kelompok": per_sasaran(config, tabel["baris"]),
        "kolom": 5 + len(r.tahun),  # NO, INDIKATOR, SATUAN, KONDISI AWAL, a year each, KONDISI AKHIR
    }


# ---------------------------------------------------------------- BAB III


def pengantar_capaian(config: Config) -> list[list[str]]:
    """How capaian and predikat are computed: the same bands capaian.py applies."""
    batas = [f"{nama} ({bahasa.angka(b)}% atau lebih)" for b, nama in capaian.PREDIKAT]
    return [
        [
            f"Capaian kinerja diukur dengan membandingkan realisasi tahun {config.tahun} dengan targetnya. "
            "Untuk indikator yang makin tinggi makin baik, capaian = realisasi / target x 100%; untuk indikator "
            "yang makin rendah makin baik, capaian = (2 x target - realisasi) / target x 100%, tidak kurang dari 0."
        ],
        [
            f"Predikat capaian: {', '.join(batas)}, dan {capaian.SANGAT_RENDAH} (di bawah "
            f"{bahasa.angka(capaian.PREDIKAT[-1][0])}%). Untuk target 0: pada indikator yang makin rendah "
            "makin baik, realisasi 0 berarti target tercapai (100%) dan realisasi di atas 0 berarti capaian 0%; "
            'pada indikator yang makin tinggi makin baik, capaiannya tidak dapat dihitung ("-").'
        ],
    ]


def baris_capaian(b: Iku, tahun: int) -> dict[str, str]:
    return {"indikator": b.indikator, "satuan": b.satuan, **capaian.capaian_baris(b, tahun).teks()}


def tabel_per_sasaran(config: Config, label: Callable[[], str]) -> list[dict[str, Any]]:
    """One table per sasaran group; rows numbered through the whole list of indicators."""
    kelompok = per_sasaran(config, [baris_capaian(b, config.tahun) for b in config.iku])
    for g in kelompok:
        g["label"] = label()
        g["judul"] = f"Capaian Kinerja Sasaran \u201c{g['sasaran']}\u201d Tahun {config.tahun}"
    return kelompok


def riwayat(config: Config, label: str) -> dict[str, Any]:
    """Realisasi over the years that have any, "-" where a row has none."""
    tahun = capaian.tahun_realisasi(config)
    return {
        "label": label,
        "judul": f"Perbandingan Realisasi Kinerja Tahun {tahun[0]}-{tahun[-1]}"
        if len(tahun) > 1
        else f"Realisasi Kinerja Tahun {config.tahun}",
        "tahun": [str(t) for t in tahun],
        "baris": [
            {"nomor": f"{n}.", "indikator": b.indikator, "satuan": b.satuan, "nilai": nilai}
            for n, (b, nilai) in enumerate(zip(config.iku, capaian.riwayat_realisasi(config), strict=True), start=1)
        ],
    }


def akhir(config: Config, label: str) -> dict[str, Any]:
    """Realisasi of the year against the end-of-plan target."""
    akhir_ = config.rencana.tahun_akhir
    return {
        "label": label,
        "judul": f"Capaian Kinerja Tahun {config.tahun} terhadap Target Akhir Periode Rencana ({akhir_})",
        "kepala_target": f"TARGET {akhir_}",
        "kepala_realisasi": f"REALISASI {config.tahun}",
        "baris": [
            {"nomor": f"{n}.", "indikator": c.indikator, "satuan": c.satuan, **c.teks()}
            for n, c in enumerate(capaian.capaian_akhir(config), start=1)
        ],
    }


def _dengan_satuan(teks: str, satuan: str) -> str:
    """'3%' for a percentage, 'Rp1.250.000' for rupiah, '88,12' for a unit that only names the
    kind of number (nilai, indeks ...), '12 orang' otherwise."""
    kata = satuan.strip().lower()
    if satuan == "%":
        return f"{teks}%"
    if kata in SATUAN_RUPIAH:
        return f"Rp{teks}"
    return teks if kata in SATUAN_TANPA_KATA else f"{teks} {satuan}"


def analisis_bawaan(c: capaian.Capaian, tahun: int) -> str:
    """The analysis printed when the row has none: the year's figures in one sentence."""
    t = c.teks()
    realisasi, target = _dengan_satuan(t["realisasi"], c.satuan), _dengan_satuan(t["target"], c.satuan)
    if c.nilai is None:
        return (
            f"Realisasi tahun {tahun} sebesar {realisasi} dengan target {target}; capaiannya tidak dapat "
            f"dihitung karena targetnya 0."
        )
    return (
        f"Realisasi tahun {tahun} sebesar {realisasi} dari target {target}, dengan capaian "
        f"{t['capaian']}% (predikat {t['predikat']})."
    )


def per_indikator(config: Config, folder: Path, label: Callable[[], str]) -> list[dict[str, Any]]:
    """Per indicator: its chart of target and realisasi (fitted to the page) and its analysis."""
    tinggi, hasil = buku.tinggi_gambar_mm(config), []
    for n, b in enumerate(config.iku, start=1):
        png = grafik.grafik([grafik.seri_target_realisasi(b, config)], buku.LEBAR_GAMBAR_MM)
        c = capaian.capaian_baris(b, config.tahun)
        hasil.append(
            {
                "label": f"{n}.",
                "indikator": b.indikator,
                "gambar": buku.muat_halaman(png, folder, "capaian", tinggi),
                "judul": f"{label()} {judul_grafik(b)} Tahun {periode(config)}",
                "analisis": buku.paragraf(b.analisis or analisis_bawaan(c, config.tahun)),
            }
        )
    return hasil


def judul_grafik(b: Iku) -> str:
    """'Target dan Realisasi Cakupan ...'; an indicator that already starts with "Realisasi" is not
    preceded by a second one; a lower-is-better indicator says so."""
    nama = b.indikator if b.indikator.lower().startswith("realisasi") else f"Realisasi {b.indikator}"
    return f"Target dan {nama}" + (f" {MAKIN_RENDAH}" if b.arah == "turun" else "")


def anggaran(config: Config, hitung: capaian.Anggaran, label: str) -> dict[str, Any]:
    """Programme rows and JUMLAH, figures from capaian.anggaran."""
    baris = [
        {"nomor": f"{n}.", "nama": p.nama, **capaian.teks_anggaran(b)}
        for n, (p, b) in enumerate(zip(config.program, hitung.baris, strict=True), start=1)
    ]
    return {
        "label": label,
        "judul": f"Realisasi Anggaran per Program Tahun {config.tahun}",
        "baris": baris,
        "jumlah": capaian.teks_anggaran(hitung.jumlah),
        "catatan": kalimat_belum(config, hitung, di_tabel=True),  # programmes without realisasi, under the table
    }


def akuntabilitas(config: Config, folder: Path, bab: int, hitung: capaian.Anggaran) -> dict[str, Any]:
    tabel, gambar = blok.penomor("Tabel", bab), blok.penomor("Gambar", bab)
    return {
        "pengantar": pengantar_capaian(config),
        "kelompok": tabel_per_sasaran(config, tabel),
        "riwayat": riwayat(config, tabel()),
        "akhir": akhir(config, tabel()),
        "indikator": per_indikator(config, folder, gambar),
        "anggaran": anggaran(config, hitung, tabel()),
    }


def penutup(config: Config) -> list[list[str]]:
    nama, tahun = config.instansi.nama, config.tahun
    return buku.paragraf(
        f"Laporan Kinerja Instansi Pemerintah {nama} Tahun {tahun} disusun sebagai pertanggungjawaban atas "
        f"pelaksanaan tugas dan fungsi serta penggunaan anggaran tahun {tahun}. Capaian kinerja yang telah "
        "diuraikan menjadi dasar perbaikan perencanaan, penganggaran dan pelaksanaan program pada tahun "
        "berikutnya.\n\n"
        "Indikator yang belum mencapai target akan mendapat perhatian melalui evaluasi atas pelaksanaan "
        "program dan kegiatan, agar sasaran yang ditetapkan dalam dokumen perencanaan dapat dicapai "
        "pada akhir periode rencana."
    )


# ---------------------------------------------------------------- the whole report


def konteks(config: Config, folder_gambar: Path) -> dict[str, Any]:
    """Context of templates/laporan-kinerja.docx; pictures are written into folder_gambar."""
    garis = kerangka(config)
    bab = {g["kunci"]: g["bab"] for g in garis}
    daftar = capaian.tabel_capaian(config)
    hitung = capaian.anggaran((p.anggaran, p.realisasi) for p in config.program)
    pk = perjanjian(config) if config.perjanjian_kinerja is not None else None
    tabel_rencana = blok.penomor("Tabel", bab["perencanaan"])
    label_target, label_pk = tabel_rencana(), tabel_rencana()
    return {
        "penandatangan": blok.penandatangan(config),
        "pk": pk,
        "lk": {
            "instansi": config.instansi.nama,
            "tahun": str(config.tahun),
            "sampul": sampul(config),
            "pengantar": pengantar(config),
            "ikhtisar": ikhtisar(config, daftar, hitung),
            "judul": judul(config, garis),
            "daftar_isi": blok.daftar_isi(garis),
            "latar": buku.paragraf(config.dokumen.latar_belakang or latar_bawaan(config)),
            "struktur": buku.struktur(config, folder_gambar),
            "rencana": rencana(config, label_target),
            "tabel_pk": {
                "label": label_pk,
                "judul": f"Perjanjian Kinerja {config.instansi.nama} Tahun {config.tahun}",
                "kelompok": per_sasaran(config, [baris_target(b, str(config.tahun)) for b in config.iku]),
            },
            "capaian": akuntabilitas(config, folder_gambar, bab["akuntabilitas"], hitung),
            "penutup": penutup(config),
        },
    }
