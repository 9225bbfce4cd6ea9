"""What the editor's forms hold: every section of the config, its fields, labels and kinds.

A field's kind decides the input shown and how its text becomes a TOML value:
teks (one line), panjang (a textarea), tanggal, bulat (a year), angka (a Decimal), rupiah (whole
rupiah, an int), pilihan (a <select>; nama_pilihan says each choice in words), benar (a yes/no
<select> written as true/false).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import HURUF_DIKENAL, Format, Iku, Lampiran


@dataclass(frozen=True)
class Isian:
    """One form field: the key inside its table, label, kind, whether it may stay empty."""

    kunci: str
    label: str
    jenis: str = "teks"
    wajib: bool = True
    bantuan: str = ""
    pilihan: tuple[str, ...] = ()
    nama_pilihan: tuple[str, ...] = ()  # what the <select> shows for each choice, when not the choice itself
    bawaan: str = ""  # what an empty choice means (the model's default), shown as "(bawaan: naik)"


@dataclass(frozen=True)
class Daftar:
    """A list of texts printed with numbering (a., 1., KESATU)."""

    kunci: str
    label: str
    penomoran: str  # "huruf", "angka" or "diktum"
    wajib: bool = True
    bantuan: str = ""


TAHUN = Isian("tahun", "Tahun IKU", "bulat", bantuan="Tahun berlakunya IKU; juga nama folder arsip.")

INSTANSI = (
    Isian("nama", "Nama perangkat daerah", bantuan="Nama lengkap, tanpa singkatan."),
    Isian("pemerintah", "Pemerintah daerah", bantuan="Baris pertama kop."),
    Isian("alamat", "Alamat kantor"),
    Isian("kota", "Kota"),
    Isian("telepon", "Telepon"),
    Isian("faks", "Faksimile", wajib=False, bantuan='Tercetak "Faksimile ..." sesudah telepon pada kop.'),
    Isian("email", "Pos-el (e-mail)", wajib=False),
    Isian("laman", "Laman (website)", wajib=False),
    Isian("kode_pos", "Kode pos", wajib=False),
    Isian("nama_kop", "Nama pada kop", wajib=False, bantuan="Bila kop memakai nama lain dari nama lengkap."),
    Isian(
        "nama_aksara",
        "Nama dalam aksara Bali",
        wajib=False,
        bantuan="Tercetak di atas nama Latin pada kop (Pergub Bali 80/2018).",
    ),
    Isian("logo", "Berkas logo", wajib=False, bantuan="PNG/JPG, relatif terhadap folder berkas konfigurasi."),
)
FORMAT = (
    Isian(
        "kertas",
        "Ukuran kertas",
        "pilihan",
        wajib=False,
        pilihan=("A4", "F4"),
        bawaan=Format.model_fields["kertas"].default,
        bantuan="A4 (Permendagri 1/2023) atau F4 (215 x 330 mm).",
    ),
    Isian(
        "huruf",
        "Jenis huruf",
        "pilihan",
        wajib=False,
        pilihan=HURUF_DIKENAL,
        bawaan=Format.model_fields["huruf"].default,
    ),
    Isian(
        "tanda_tangan",
        "Cara tanda tangan",
        "pilihan",
        wajib=False,
        pilihan=("basah", "elektronik", "srikandi"),
        bawaan=Format.model_fields["tanda_tangan"].default,
        nama_pilihan=("basah (tinta)", "elektronik (TTE, kode QR)", "srikandi (templat SRIKANDI)"),
        bantuan="Basah: ditandatangani dengan tinta. Elektronik: kode QR dan catatan BSrE di kaki halaman. "
        "SRIKANDI: nomor, tanggal dan tanda tangan diisi oleh SRIKANDI.",
    ),
    Isian(
        "judul_berjarak",
        "Judul keputusan berjarak",
        "benar",
        wajib=False,
        pilihan=("true", "false"),
        bawaan="tidak",
        nama_pilihan=("ya: K E P U T U S A N", "tidak: KEPUTUSAN"),
    ),
    Isian(
        "mengingat",
        "Label butir Mengingat",
        "pilihan",
        wajib=False,
        pilihan=("angka", "huruf"),
        bawaan=Format.model_fields["mengingat"].default,
        nama_pilihan=("angka: 1., 2., 3.", "huruf: a., b., c."),
    ),
)
LAMPIRAN = (
    Isian(
        "kelompok",
        "Pengelompokan baris Lampiran",
        "pilihan",
        wajib=False,
        pilihan=("sasaran", "tujuan"),
        bawaan=Lampiran.model_fields["kelompok"].default,
        nama_pilihan=("sasaran saja", "tujuan, lalu sasaran (isi Tujuan pada baris IKU)"),
        bantuan="Kolom Lampiran sendiri ditulis di berkas: [lampiran] kolom = [...].",
    ),
)
TTE = (
    Isian(
        "url_verifikasi",
        "Alamat verifikasi pada kode QR",
        wajib=False,
        bantuan="Untuk tanda tangan elektronik; alamat https. {nomor} diganti nomor naskah, {dokumen} jenis naskah. "
        "Misalnya https://tte.bulelengkab.go.id/verifikasi/{dokumen}/{nomor}.",
    ),
)
PENANDATANGAN = (
    Isian("jabatan", "Jabatan", bantuan="Ditulis lengkap; koma di akhir ditambahkan program."),
    Isian("nama", "Nama lengkap beserta gelar"),
    Isian(
        "pangkat",
        "Pangkat dan golongan",
        wajib=False,
        bantuan="Misalnya Pembina Tk.I (IV/b). Wajib, kecuali keputusan Gubernur/Bupati/Wali Kota sendiri.",
    ),
    Isian(
        "nip",
        "NIP",
        wajib=False,
        bantuan="18 angka; spasi boleh. Tercetak 19691231 199103 1 053. Wajib, kecuali keputusan kepala daerah.",
    ),
)
KEPUTUSAN = (
    Isian("nomor", "Nomor keputusan"),
    Isian("tanggal", "Tanggal penetapan", "tanggal"),
    Isian("tempat", "Ditetapkan di"),
    Isian("tentang", "Tentang", "panjang", bantuan="Judul sesudah kata TENTANG; tanpa titik di akhir."),
)
DAFTAR_KEPUTUSAN = (
    Daftar("menimbang", "Menimbang", "huruf", bantuan='Tiap butir diawali "bahwa" dan diakhiri titik koma.'),
    Daftar("mengingat", "Mengingat", "angka", bantuan="Urut menurut jenjang peraturan lalu tahun."),
    Daftar(
        "memutuskan",
        "Memutuskan (diktum)",
        "diktum",
        bantuan="Diktum terakhir biasanya menyatakan mulai berlakunya keputusan.",
    ),
    Daftar("tembusan", "Tembusan", "angka", wajib=False, bantuan="Boleh kosong."),
)
RENCANA = (
    Isian("tahun_awal", "Tahun awal rencana", "bulat"),
    Isian("tahun_akhir", "Tahun akhir rencana", "bulat"),
    Isian("tahun_kondisi_awal", "Tahun kondisi awal", "bulat"),
    Isian("tujuan", "Tujuan perangkat daerah", "panjang"),
    Isian("indikator_tujuan", "Indikator tujuan", "panjang"),
)
DOKUMEN = (
    Isian(
        "kata_pengantar",
        "Kata Pengantar",
        "panjang",
        wajib=False,
        bantuan="Paragraf dipisahkan satu baris kosong. Kosongkan untuk teks bawaan.",
    ),
    Isian("tanggal_kata_pengantar", "Tanggal Kata Pengantar", "tanggal", wajib=False),
    Isian("latar_belakang", "Latar Belakang (BAB I 1.1)", "panjang", wajib=False),
)
UNIT = Isian("nama", "Nama unit")
IKU = (
    Isian(
        "sasaran",
        "Sasaran strategis",
        "panjang",
        bantuan="Baris berurutan dengan sasaran yang sama digabung menjadi satu kelompok.",
    ),
    Isian("indikator", "Indikator kinerja", "panjang"),
    Isian("satuan", "Satuan"),
    Isian("alasan", "Alasan", "panjang"),
    Isian("sumber_data", "Sumber data"),
    Isian("keterangan", "Keterangan", "panjang", wajib=False),
    Isian("tujuan", "Tujuan", "panjang", wajib=False, bantuan='Dengan [lampiran] kelompok = "tujuan": judul baris.'),
    Isian("kondisi_awal", "Kondisi awal", "angka", wajib=False, bantuan="Angka, misalnya 6,12."),
    Isian("strategi", "Strategi", "panjang", wajib=False),
    Isian("arah_kebijakan", "Arah kebijakan", "panjang", wajib=False),
    Isian("acuan", "Acuan", wajib=False),
)
ARAH = Isian(
    "arah",
    "Arah indikator",
    "pilihan",
    wajib=False,
    pilihan=("naik", "turun"),
    bawaan=Iku.model_fields["arah"].default,
    nama_pilihan=("naik: makin tinggi makin baik", "turun: makin rendah makin baik"),
    bantuan="Menentukan cara menghitung capaian pada Laporan Kinerja.",
)
ANALISIS = Isian(
    "analisis",
    "Analisis capaian (Laporan Kinerja)",
    "panjang",
    wajib=False,
    bantuan="Dicetak di bawah indikator ini pada LKjIP; paragraf dipisahkan satu baris kosong.",
)
PERJANJIAN_KINERJA = (
    Isian("tanggal", "Tanggal penandatanganan PK", "tanggal", bantuan="Biasanya Januari tahun IKU."),
    Isian("tempat", "Tempat penandatanganan", wajib=False, bantuan="Kosongkan untuk memakai tempat pada keputusan."),
)
PIHAK_KEDUA = (
    Isian("jabatan", "Jabatan pihak kedua", bantuan="Atasan penandatangan, misalnya Bupati Buleleng."),
    Isian("nama", "Nama pihak kedua"),
    Isian("pangkat", "Pangkat dan golongan", wajib=False, bantuan="Kosongkan bila tidak dipakai (Bupati)."),
    Isian("nip", "NIP", wajib=False, bantuan="18 angka; kosongkan bila tidak dipakai."),
)
KALIMAT_PK = (
    Isian(
        "pembuka",
        "Kalimat pembuka",
        "panjang",
        wajib=False,
        bantuan="Kosongkan untuk kalimat baku (Permenpan RB Nomor 53 Tahun 2014).",
    ),
    Isian("janji", "Kalimat janji", "panjang", wajib=False, bantuan="Kosongkan untuk kalimat baku."),
    Isian("penutup", "Kalimat penutup", "panjang", wajib=False, bantuan="Kosongkan untuk kalimat baku."),
)
PROGRAM = (
    Isian("nama", "Nama program", "panjang", bantuan="Sesuai nomenklatur anggaran."),
    Isian("anggaran", "Anggaran (Rp)", "rupiah", bantuan="Rupiah utuh, misalnya 1250000000 atau 1.250.000.000."),
    Isian("realisasi", "Realisasi anggaran (Rp)", "rupiah", wajib=False, bantuan="Untuk Laporan Kinerja."),
    Isian("keterangan", "Keterangan", wajib=False, bantuan="Misalnya sumber dana: APBD."),
)
LAPORAN_KINERJA = (
    Isian("tanggal", "Tanggal Laporan Kinerja", "tanggal", bantuan="Biasanya Februari tahun berikutnya."),
    Isian(
        "kata_pengantar",
        "Kata Pengantar LKjIP",
        "panjang",
        wajib=False,
        bantuan="Paragraf dipisahkan satu baris kosong. Kosongkan untuk teks bawaan.",
    ),
)
# Within the year: an IKU row's quarter keys (Rencana Aksi, laporan triwulan, Manual IKU).
DALAM_TAHUN = (
    Isian(
        "jenis_target",
        "Jenis target triwulan",
        "pilihan",
        wajib=False,
        pilihan=("kumulatif", "tetap", "per_triwulan"),
        nama_pilihan=(
            "kumulatif: jumlah berjalan, TW IV = target tahun",
            "tetap: tingkat yang diukur tiap triwulan",
            "per_triwulan: setahun = jumlah keempatnya",
        ),
    ),
    Isian(
        "penanggung_jawab",
        "Penanggung jawab",
        wajib=False,
        bantuan="Unit atau pejabat; Rencana Aksi, Manual IKU, dan kolom Lampiran bila dipilih.",
    ),
    Isian("frekuensi", "Frekuensi pengukuran", wajib=False, bantuan="Misalnya Triwulanan; Manual IKU."),
    Isian("definisi", "Definisi indikator", "panjang", wajib=False, bantuan="Manual IKU."),
)
RENCANA_AKSI = (Isian("tanggal", "Tanggal Rencana Aksi", "tanggal", bantuan="Biasanya bersama Perjanjian Kinerja."),)
MANUAL_IKU = (Isian("tanggal", "Tanggal Manual IKU", "tanggal"),)
# Sections that may be absent: left all empty in the form, they are not written (and removed).
BAGIAN_OPSIONAL = ("perjanjian_kinerja", "laporan_kinerja", "tte", "rencana_aksi", "manual_iku", "lampiran")
PECAHAN = (
    Isian("pembilang", "Pembilang (di atas garis)"),
    Isian("penyebut", "Penyebut (di bawah garis)"),
    Isian("kali", "Pengali", wajib=False, bantuan="Misalnya 100%."),
)

# Where a list sits in the data ("*" = any row), and which lists hold rows of tables.
DAFTAR = {
    ("keputusan", "menimbang"),
    ("keputusan", "mengingat"),
    ("keputusan", "memutuskan"),
    ("keputusan", "tembusan"),
    ("struktur",),
    ("struktur", "*", "membawahi"),
    ("iku",),
    ("iku", "*", "kegiatan"),
    ("program",),
}
BARIS = {("struktur",), ("iku",), ("program",)}
# An IKU row's tables of year -> number, and the tables of quarter (1-4) -> number.
TAHUNAN = ("target", "realisasi", "target_triwulan", "realisasi_triwulan")


def _jenis_tabel(tabel: str, isian: tuple[Isian, ...]) -> dict[tuple[str, ...], Isian]:
    return {(tabel, i.kunci): i for i in isian}


ISIAN: dict[tuple[str, ...], Isian] = {
    ("tahun",): TAHUN,
    **_jenis_tabel("instansi", INSTANSI),
    **_jenis_tabel("format", FORMAT),
    **_jenis_tabel("penandatangan", PENANDATANGAN),
    **_jenis_tabel("keputusan", KEPUTUSAN),
    **_jenis_tabel("rencana", RENCANA),
    **_jenis_tabel("dokumen", DOKUMEN),
    ("struktur", "*", "nama"): UNIT,
    **{("iku", "*", i.kunci): i for i in IKU},
    ("iku", "*", "formulasi"): Isian("formulasi", "Formulasi (teks)", "panjang"),
    **{("iku", "*", "formulasi", i.kunci): i for i in PECAHAN},
    ("iku", "*", "target", "*"): Isian("target", "Target", "angka", wajib=False),
    ("iku", "*", "arah"): ARAH,
    ("iku", "*", "analisis"): ANALISIS,
    ("iku", "*", "realisasi", "*"): Isian("realisasi", "Realisasi", "angka", wajib=False),
    **_jenis_tabel("perjanjian_kinerja", PERJANJIAN_KINERJA + KALIMAT_PK),
    **{("perjanjian_kinerja", "pihak_kedua", i.kunci): i for i in PIHAK_KEDUA},
    **{("program", "*", i.kunci): i for i in PROGRAM},
    **_jenis_tabel("laporan_kinerja", LAPORAN_KINERJA),
    **_jenis_tabel("tte", TTE),
    **{("iku", "*", i.kunci): i for i in DALAM_TAHUN},
    ("iku", "*", "target_triwulan", "*"): Isian("target_triwulan", "Target triwulan", "angka", wajib=False),
    ("iku", "*", "realisasi_triwulan", "*"): Isian("realisasi_triwulan", "Realisasi triwulan", "angka", wajib=False),
    ("program", "*", "realisasi_triwulan", "*"): Isian(
        "realisasi_triwulan", "Anggaran terserap s.d. triwulan (Rp)", "rupiah", wajib=False
    ),
    **_jenis_tabel("rencana_aksi", RENCANA_AKSI),
    **_jenis_tabel("manual_iku", MANUAL_IKU),
    **_jenis_tabel("lampiran", LAMPIRAN),
}


def pola(loc: tuple[object, ...]) -> tuple[str, ...]:
    """A data path with row indexes and target/realisasi years as "*": ("iku", "*", "target", "*")."""
    hasil: list[str] = []
    for i, bagian in enumerate(loc):
        indeks = isinstance(bagian, int) or str(bagian).isdigit() or (i > 1 and loc[i - 1] in TAHUNAN)
        hasil.append("*" if indeks else str(bagian))
    return tuple(hasil)


def isian(loc: tuple[object, ...]) -> Isian | None:
    """The field definition of a data path, if the editor knows it."""
    return ISIAN.get(pola(loc))


@dataclass(frozen=True)
class Skema:
    """Everything the form <-> data mapping needs about one kind of file (an agency's config, pemda.toml).

    isian: each field by its data path with "*" for rows and years; daftar: where lists of texts and rows
    sit; baris: which lists hold rows of tables; opsional: top-level sections written only when filled;
    daftar_teks: each numbered list of texts (its label and numbering: "Mengingat 7." in messages);
    baris_dibaca: a row's name in messages ("IKU baris 2")."""

    isian: dict[tuple[str, ...], Isian]
    daftar: frozenset[tuple[str, ...]]
    baris: frozenset[tuple[str, ...]]
    opsional: tuple[str, ...] = ()
    daftar_teks: dict[tuple[str, ...], Daftar] = field(default_factory=dict)
    baris_dibaca: dict[str, str] = field(default_factory=dict)

    def cari(self, loc: tuple[object, ...]) -> Isian | None:
        """The field definition of a data path, if this form knows it."""
        return self.isian.get(pola(loc))

    def di(self, *awal: str) -> list[Isian]:
        """The single fields directly under one data path, in order (what one part of a form shows)."""
        return [i for jalur, i in self.isian.items() if jalur[:-1] == awal and jalur[-1] != "*"]


SKEMA = Skema(
    ISIAN,
    frozenset(DAFTAR),
    frozenset(BARIS),
    BAGIAN_OPSIONAL,
    {
        **{("keputusan", d.kunci): d for d in DAFTAR_KEPUTUSAN},
        ("struktur", "*", "membawahi"): Daftar("membawahi", "Membawahi", "angka"),
    },
    {"iku": "IKU baris", "struktur": "Unit", "program": "Program"},
)
