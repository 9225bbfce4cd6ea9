"""Benchmark (not a test): the editor's page preview after a save, and no LibreOffice left behind.

(a) preview latency: a real `iku serve` server (thread, free port) with its warm LibreOffice;
    each round saves a changed menimbang through the page's form and waits until the
    Keputusan and Lampiran pictures of that save are ready. The first round includes
    starting LibreOffice; the others are what a clerk waits for after each save. Compared
    with one `soffice --convert-to pdf` per save (what the preview would cost without a
    warm LibreOffice), timed the same way. Goal: the decree's preview within 1.5 s.
(b) leaks: two servers started and stopped one after the other in this process; after each,
    the LibreOffice processes that belong to this process (by profile folder) are counted.

    /work/main/.venv/bin/python benchmarks/penyunting.py [--ulang 7]
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(AKAR), str(AKAR / "tests")]

from werkzeug.datastructures import MultiDict

from bantu import isian_formulir
from iku.buat import kemas, susun
from iku.konfigurasi import baca
from iku.naskah import per_templat
from iku.pdf import AWALAN_PROFIL
from iku.penyunting.aplikasi import Pengaturan
from iku.penyunting.layan import server

CONTOH = AKAR / "config" / "iku.toml"
TEMPLAT = AKAR / "templates"


def soffice_milik_kita(pid: int | None = None) -> list[int]:
    """Pids of LibreOffice processes (and their helper) whose profile folder process pid created."""
    import os

    tanda = f"{AWALAN_PROFIL}{pid or os.getpid()}-"
    hasil = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                baris = (proc / "cmdline").read_bytes().decode(errors="replace")
            except OSError:
                continue
            if "soffice" in baris and tanda in baris:
                hasil.append(int(proc.name))
    return hasil


def satu_server(folder: Path, ulang: int) -> tuple[list[float], list[float]]:
    """Seconds from each save's request to its Keputusan pictures, and to all its pictures."""
    berkas = folder / "iku.toml"
    shutil.copyfile(CONTOH, berkas)
    waktu: list[float] = []
    keputusan: list[float] = []
    with server(Pengaturan(berkas, folder / "output", TEMPLAT, "127.0.0.1", 0)) as (srv, _lo):
        benang = threading.Thread(target=srv.serve_forever, daemon=True)
        benang.start()
        try:
            app, pratinjau = srv.app, srv.app.extensions["iku_pratinjau"]
            klien = app.test_client()
            alamat = f"http://127.0.0.1:{srv.server_port}"
            html = klien.get("/", base_url=alamat).get_data(as_text=True)
            pratinjau.tunggu(300)  # the page load asks for a first preview: LibreOffice starts here
            for i in range(ulang):
                isian = [
                    (k, f"bahwa perubahan nomor {i} perlu ditetapkan;" if k == "keputusan.menimbang.0" else v)
                    for k, v in isian_formulir(html)
                ]
                mulai = time.perf_counter()
                r = klien.post("/", data=MultiDict(isian + [("simpan", "1")]), base_url=alamat)
                assert r.status_code == 200, r.status_code
                assert pratinjau.tunggu_versi(pratinjau.diminta, 300)
                keputusan.append(time.perf_counter() - mulai)
                assert pratinjau.tunggu(300) and pratinjau.keadaan()["galat"] is None, pratinjau.keadaan()
                waktu.append(time.perf_counter() - mulai)
                html = r.get_data(as_text=True)
            sebelum = soffice_milik_kita()
        finally:
            srv.shutdown()
            srv.server_close()
    print(
        f"  LibreOffice selama server berjalan: {len(sebelum)} proses (pembantu + soffice.bin); "
        f"sesudah berhenti: {len(soffice_milik_kita())}"
    )
    return keputusan, waktu


def soffice_sekali(folder: Path, ulang: int) -> list[float]:
    """The same two documents per save, with one `soffice --convert-to pdf` run each time."""
    bacaan = baca(CONTOH)
    profil = Path(tempfile.mkdtemp(prefix="iku-bench-profil-"))
    waktu = []
    try:
        for i in range(ulang):
            mulai = time.perf_counter()
            docx = [folder / f"{i}-{n}" for n in ("keputusan.docx", "lampiran.docx")]
            for tujuan, n in zip(docx, ("keputusan.docx", "lampiran.docx"), strict=True):
                tujuan.write_bytes(kemas(susun(bacaan, TEMPLAT, per_templat()[n], folder), bacaan.config))
            subprocess.run(
                [
                    "soffice",
                    f"-env:UserInstallation={profil.as_uri()}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(folder),
                    *map(str, docx),
                ],
                check=True,
                capture_output=True,
                timeout=300,
            )
            for d in docx:
                subprocess.run(
                    ["pdftoppm", "-r", "60", "-png", str(d.with_suffix(".pdf")), str(d.with_suffix(""))],
                    check=True,
                    timeout=120,
                )
            waktu.append(time.perf_counter() - mulai)
    finally:
        shutil.rmtree(profil, ignore_errors=True)
    return waktu


def server_dibunuh(folder: Path) -> None:
    """`iku serve` in its own process, killed with SIGKILL once its preview is up: no cleanup code
    runs, yet LibreOffice must go (its helper sees the pipe close); the next start removes the
    dead server's profile folder."""
    import json
    import os
    import signal
    import urllib.request

    berkas = folder / "iku.toml"
    shutil.copyfile(CONTOH, berkas)
    for ke in (1, 2):
        proses = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "iku.cli",
                "serve",
                "--config",
                str(berkas),
                "--port",
                "0",
                "--no-browser",
                "--output",
                str(folder / "output"),
            ],
            cwd=AKAR,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        try:
            alamat = re.search(r"http://\S+/", proses.stdout.readline()).group(0)
            urllib.request.urlopen(alamat, timeout=60).read()
            akhir = time.monotonic() + 300
            while json.loads(urllib.request.urlopen(alamat + "pratinjau.json", timeout=60).read())["versi"] == 0:
                assert time.monotonic() < akhir, "pratinjau tidak pernah siap"
                time.sleep(0.3)
            hidup = soffice_milik_kita(proses.pid)
            profil = list(Path(tempfile.gettempdir()).glob(f"{AWALAN_PROFIL}{proses.pid}-*"))
        finally:
            os.kill(proses.pid, signal.SIGKILL)
            proses.wait()
        akhir = time.monotonic() + 20
        while soffice_milik_kita(proses.pid) and time.monotonic() < akhir:
            time.sleep(0.2)
        sisa = soffice_milik_kita(proses.pid)
        print(
            f"  server ke-{ke} (SIGKILL): LibreOffice {len(hidup)} proses saat berjalan, "
            f"{len(sisa)} tersisa sesudah dibunuh; folder profilnya {'masih ada' if any(p.exists() for p in profil) else 'sudah dihapus'}"
        )
        if ke == 1:
            profil_pertama = profil
    print(
        f"  folder profil server ke-1 sesudah server ke-2 berjalan: "
        f"{'masih ada' if any(p.exists() for p in profil_pertama) else 'dihapus'}"
    )


def ringkas(nama: str, waktu: list[float]) -> float:
    med = statistics.median(waktu)
    print(f"  {nama}: median {med:.2f} s (min {min(waktu):.2f}, maks {max(waktu):.2f}, n={len(waktu)})")
    return med


def main() -> None:
    arg = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arg.add_argument("--ulang", type=int, default=7)
    n = arg.parse_args().ulang
    with tempfile.TemporaryDirectory(prefix="iku-bench-penyunting-") as tmp:
        folder = Path(tmp)
        print("(a) pratinjau sesudah simpan")
        (folder / "s1").mkdir()
        keputusan, hangat = satu_server(folder / "s1", n)
        med_keputusan = ringkas("LibreOffice hangat: halaman Keputusan siap", keputusan)
        med_hangat = ringkas("LibreOffice hangat: Keputusan dan Lampiran siap", hangat)
        (folder / "s2").mkdir()
        med_dingin = ringkas("soffice --convert-to pdf per simpan", soffice_sekali(folder / "s2", max(3, n // 2)))
        print(
            f"  rasio (semua halaman): {med_dingin / med_hangat:.1f}x lebih cepat; target Keputusan 1,5 s: "
            f"{'tercapai' if med_keputusan <= 1.5 else 'TIDAK tercapai'} ({med_keputusan:.2f} s)"
        )
        print("(b) server kedua, tanpa LibreOffice tertinggal")
        for ke in (1, 2):
            (folder / f"b{ke}").mkdir()
            satu_server(folder / f"b{ke}", 1)
            sisa = soffice_milik_kita()
            print(f"  sesudah server ke-{ke} berhenti: {len(sisa)} LibreOffice tersisa {sisa if sisa else ''}")
        (folder / "c").mkdir()
        server_dibunuh(folder / "c")
    profil_sisa = [p for p in Path(tempfile.gettempdir()).glob(f"{AWALAN_PROFIL}*") if re.search(r"-\d+-", p.name)]
    print(f"  folder profil LibreOffice yang masih ada di {tempfile.gettempdir()}: {len(profil_sisa)} (semua proses)")


if __name__ == "__main__":
    main()
