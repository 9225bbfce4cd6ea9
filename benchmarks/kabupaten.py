"""Benchmark (not a test): `iku kabupaten --pdf` against one `iku generate --pdf` per agency.

N agencies are made from the sample config (each its own name, and 2 to 5 IKU rows), with a
pemda.toml naming them. Measured, each in a fresh child process (its peak memory is its own):

(a) `iku kabupaten FOLDER --pdf --jobs J`;
(b) N sequential `iku generate --pdf` runs, one per agency config, as a clerk would run them;
(c) the floor: one LibreOffice (iku.pdf.ke_pdf) converting the DOCX of `--lantai` agencies'
    sets, per document.

Reported: the ratio (b)/(a); (a) against floor x documents / cores (the issue's goal: within
1.3x; cores = min(J, the machine's)); the time (c) spent filling the DOCX before converting them,
which the workers spend on the same cores; and the peak RSS of the largest single process
(LibreOffice included) in each run. On a shared machine compare the ratios of one run only.

    .venv/bin/python benchmarks/kabupaten.py [--instansi 40] [--jobs 2] [--lantai 3]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
CONTOH = AKAR / "config" / "iku.toml"
IKU = [sys.executable, "-m", "iku.cli"]

BARIS = """
[[iku]]
sasaran = "Meningkatnya kualitas pelayanan publik"
indikator = "Indikator tambahan {n} {nama}"
satuan = "%"
alasan = "Mengukur mutu pelayanan"
formulasi = "Jumlah layanan tepat waktu dibagi seluruh layanan dikali 100%"
sumber_data = "{nama}"
kondisi_awal = 80
target = {{ 2023 = 82, 2024 = 83, 2025 = 84, 2026 = 85 }}
realisasi = {{ 2021 = 78, 2022 = 80, 2023 = 82.5 }}
sasaran_pemda = "S{s}"
"""

PEMDA = """\
tahun = 2023

[pemerintah]
nama = "Pemerintah Kabupaten Buleleng"
kepala = {{ jabatan = "Bupati Buleleng", nama = "Putu Agus Suradnyana" }}
kota = "Singaraja"

[keputusan]
nomor = "100.3.3.2/12/2023"
tanggal = 2023-01-10
tempat = "Singaraja"
tentang = "Penetapan Indikator Kinerja Utama Pemerintah Kabupaten Buleleng Tahun 2023-2026"
menimbang = ["bahwa untuk mengukur keberhasilan pencapaian sasaran RPD perlu ditetapkan Indikator Kinerja Utama;"]
mengingat = ["Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;"]

[rencana]
dokumen = "RPD"
tahun_awal = 2023
tahun_akhir = 2026

[[sasaran]]
kode = "S1"
uraian = "Menurunnya angka kemiskinan"

[[sasaran]]
kode = "S2"
uraian = "Meningkatnya kualitas pelayanan publik"
{iku}"""

IKU_PEMDA = """
[[iku]]
sasaran = "S{s}"
urusan = "Urusan {n}"
indikator = "Indikator Pemda {n}"
satuan = "%"
target = {{ 2023 = 60, 2024 = 65 }}
penanggung_jawab = ["{nama}"]
"""


def buat_kabupaten(folder: Path, jumlah: int) -> list[Path]:
    """pemda.toml and `jumlah` agency configs made from the sample; the configs' paths."""
    folder.mkdir(parents=True)
    contoh = CONTOH.read_text(encoding="utf-8")
    berkas, iku_pemda = [], []
    for i in range(1, jumlah + 1):
        nama = f"Dinas Uji {i:02d} Kabupaten Buleleng"
        teks = contoh.replace("Dinas Sosial Kabupaten Buleleng", nama)
        teks += "".join(BARIS.format(n=n, nama=nama, s=1 + n % 2) for n in range(1, 1 + i % 4))  # 2 to 5 rows
        path = folder / f"dinas-{i:02d}.toml"
        path.write_text(teks, encoding="utf-8")
        berkas.append(path)
        if i % 5 == 1:
            iku_pemda.append(IKU_PEMDA.format(n=i, s=1 + i % 2, nama=nama))
    (folder / "pemda.toml").write_text(PEMDA.format(iku="".join(iku_pemda)), encoding="utf-8")
    return berkas


def jalankan(perintah: list[str]) -> float:
    mulai = time.perf_counter()
    subprocess.run(perintah, check=True, capture_output=True, cwd=AKAR, timeout=7200)
    return time.perf_counter() - mulai


def rss_anak_mb() -> float:
    """Peak RSS of the largest descendant process so far (Linux: kilobytes)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def ukur_dalam_anak(kode: str) -> dict:
    """Run a measurement in a fresh python process; its own peak RSS and its descendants'."""
    pembungkus = (
        "import json, resource, time\n"
        f"{kode}\n"
        "anak, diri = resource.getrusage(resource.RUSAGE_CHILDREN), resource.getrusage(resource.RUSAGE_SELF)\n"
        "print(json.dumps({'detik': detik, 'rss_mb': max(anak.ru_maxrss, diri.ru_maxrss) / 1024, 'dokumen': dokumen,\n"
        "    'cpu_anak': anak.ru_utime + anak.ru_stime, 'cpu_diri': diri.ru_utime + diri.ru_stime}))\n"
    )
    hasil = subprocess.run(
        [sys.executable, "-c", pembungkus], check=True, capture_output=True, text=True, cwd=AKAR, timeout=7200
    )
    baris = [json.loads(b) for b in hasil.stdout.strip().splitlines() if b.startswith("{")]
    return {k: v for b in baris for k, v in b.items()}


def lantai(berkas: list[Path], kerja: Path) -> dict:
    """One LibreOffice converting the DOCX sets of these agencies (written beforehand)."""
    daftar = ", ".join(repr(str(b)) for b in berkas)
    kode = (
        "from pathlib import Path\n"
        "from iku import konfigurasi\n"
        "from iku.buat import TEMPLAT_BAWAAN, Permintaan, tulis_dokumen\n"
        "from iku.pdf import ke_pdf\n"
        f"kerja = Path({str(kerja)!r})\n"
        "docx = []\n"
        "mulai = time.perf_counter()\n"
        f"for i, b in enumerate([{daftar}]):\n"
        "    f = kerja / str(i); f.mkdir(parents=True)\n"
        "    p = Permintaan(konfigurasi.baca(Path(b)), TEMPLAT_BAWAAN, f)\n"
        "    docx += tulis_dokumen(p, f).docx(f)\n"
        "isi = time.perf_counter() - mulai\n"
        "cpu_isi = resource.getrusage(resource.RUSAGE_SELF)\n"
        "cpu_isi = cpu_isi.ru_utime + cpu_isi.ru_stime\n"
        "mulai = time.perf_counter()\n"
        "ke_pdf(docx, None)\n"
        "detik = time.perf_counter() - mulai\n"
        "dokumen = len(docx)\n"
        "print(json.dumps({'isi': isi, 'cpu_isi': cpu_isi}))\n"
    )
    return ukur_dalam_anak(kode)


def utama() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--instansi", type=int, default=40)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--lantai", type=int, default=3, help="agencies converted by the one LibreOffice of (c)")
    parser.add_argument("--tanpa-berurutan", action="store_true", help="skip (b)")
    arg = parser.parse_args()
    kerja = Path(tempfile.mkdtemp(prefix="iku-bench-kabupaten-"))
    try:
        berkas = buat_kabupaten(kerja / "kab", arg.instansi)
        c = lantai(berkas[: arg.lantai], kerja / "lantai")
        per_dokumen = c["detik"] / c["dokumen"]
        isi_per_dokumen = c["isi"] / c["dokumen"]
        print(
            f"(c) lantai: satu LibreOffice, {c['dokumen']} dokumen dalam {c['detik']:.1f} s = {per_dokumen:.2f} s/dokumen, RSS puncak {c['rss_mb']:.0f} MB"
        )
        print(
            f"    mengisi DOCX {arg.lantai} instansi sebelumnya (Python, tanpa LibreOffice): {c['isi']:.1f} s = "
            f"{isi_per_dokumen:.2f} s/dokumen ({isi_per_dokumen / per_dokumen:.0%} dari lantai)"
        )
        cpu_lo, cpu_isi = c["cpu_anak"] / c["dokumen"], c["cpu_isi"] / c["dokumen"]
        print(
            f"    waktu CPU (tak bergantung beban mesin): LibreOffice {cpu_lo:.2f} s/dokumen, "
            f"mengisi {cpu_isi:.2f} s/dokumen (termasuk impor pertama)"
        )
        kode_a = (
            "import subprocess, sys\n"
            "mulai = time.perf_counter()\n"
            f"subprocess.run({IKU + ['kabupaten', str(kerja / 'kab'), '--output', str(kerja / 'out'), '--pdf', '--jobs', str(arg.jobs)]!r}, check=True, capture_output=True)\n"
            "detik = time.perf_counter() - mulai\n"
            f"dokumen = len(list(Path({str(kerja / 'out')!r}).rglob('*.pdf')))\n"
        )
        a = ukur_dalam_anak("from pathlib import Path\n" + kode_a)
        inti = min(arg.jobs, os.cpu_count() or 1)
        sasaran = per_dokumen * a["dokumen"] / inti
        print(
            f"(a) iku kabupaten --pdf --jobs {arg.jobs}: {arg.instansi} instansi, {a['dokumen']} PDF dalam {a['detik']:.1f} s "
            f"= {a['detik'] / a['dokumen']:.2f} s/dokumen; lantai x dokumen / inti ({inti}) = {sasaran:.1f} s; "
            f"rasio {a['detik'] / sasaran:.2f} (tujuan <= 1.3); RSS puncak satu proses {a['rss_mb']:.0f} MB"
        )
        print(
            f"    (lantai + isi DOCX) x dokumen / inti = {(per_dokumen + isi_per_dokumen) * a['dokumen'] / inti:.1f} s: "
            "batas bawah bila mengisi dan mengubah berbagi inti yang sama"
        )
        cpu_a = (a["cpu_anak"] + a["cpu_diri"]) / a["dokumen"]
        print(
            f"    waktu CPU semua proses: {cpu_a:.2f} s/dokumen = {cpu_a / cpu_lo:.2f}x LibreOffice lantai, "
            f"{cpu_a / (cpu_lo + cpu_isi):.2f}x (LibreOffice + mengisi) lantai; "
            f"dinding x inti / CPU = {a['detik'] * inti / (cpu_a * a['dokumen']):.2f} (1,00: kedua inti penuh dipakai)"
        )
        if not arg.tanpa_berurutan:
            kode_b = (
                "import subprocess\n"
                "from pathlib import Path\n"
                "mulai = time.perf_counter()\n"
                f"for i, b in enumerate({[str(b) for b in berkas]!r}):\n"
                f"    subprocess.run({IKU!r} + ['generate', '--config', b, '--output', {str(kerja / 'seq')!r} + f'/{{i}}', '--pdf'], check=True, capture_output=True)\n"
                "detik = time.perf_counter() - mulai\n"
                f"dokumen = len(list(Path({str(kerja / 'seq')!r}).rglob('*.pdf')))\n"
            )
            b = ukur_dalam_anak(kode_b)
            print(
                f"(b) {arg.instansi} x iku generate --pdf berurutan: {b['dokumen']} PDF dalam {b['detik']:.1f} s "
                f"= {b['detik'] / b['dokumen']:.2f} s/dokumen; CPU {(b['cpu_anak'] + b['cpu_diri']) / b['dokumen']:.2f} s/dokumen; "
                f"RSS puncak satu proses {b['rss_mb']:.0f} MB"
            )
            print(f"rasio (b)/(a): {b['detik'] / a['detik']:.2f}x lebih cepat dengan iku kabupaten")
    finally:
        shutil.rmtree(kerja, ignore_errors=True)


if __name__ == "__main__":
    utama()
