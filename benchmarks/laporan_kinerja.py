"""Benchmark (not a test): rendering the LKjIP against rendering the IKU book, in one run.

Both documents of the sample config are built exactly as `generate` builds them (context with
its pictures, then iku/buat.py's steps susun and kemas), in generate's order, in
rounds; each round is one run (pictures forgotten at its start, grafik.lupakan), so the LKjIP
takes the organisation chart the book drew, as in `generate`. Both are measured in every round,
so the machine's load falls on both alike; the best and the median of each are reported with
their ratio. The LKjIP should cost no more than the book.

    /work/main/.venv/bin/python benchmarks/laporan_kinerja.py [--ulang 7]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))

from iku import grafik, konfigurasi
from iku.buat import TEMPLAT_BAWAAN, kemas, susun
from iku.naskah import DAFTAR

CONFIG = AKAR / "config" / "iku.toml"
JENIS = {j.jenis: j for j in DAFTAR}


def sekali(jenis: str, kerja: Path) -> tuple[float, float]:
    """Seconds for one document, on the clock and of this process's CPU: its context (pictures
    included) and its render."""
    j = JENIS[jenis]
    mulai, mulai_cpu = time.perf_counter(), time.process_time()
    bacaan = konfigurasi.baca(CONFIG)
    (kerja / f"{jenis}.docx").write_bytes(kemas(susun(bacaan, TEMPLAT_BAWAAN, j, kerja), bacaan.config))
    return time.perf_counter() - mulai, time.process_time() - mulai_cpu


def ukur(ulang: int) -> dict[str, list[tuple[float, float]]]:
    waktu: dict[str, list[tuple[float, float]]] = {"dokumen": [], "laporan_kinerja": []}
    with tempfile.TemporaryDirectory() as sementara:
        for i in range(ulang + 1):  # the first round warms imports and font caches; not counted
            grafik.lupakan()  # a new run: every picture is drawn anew
            for jenis in waktu:  # generate's order: the book, then the LKjIP
                kerja = Path(sementara) / str(i)  # one picture folder per run, as generate's
                kerja.mkdir(exist_ok=True)
                detik = sekali(jenis, kerja)
                if i:
                    waktu[jenis].append(detik)
    return waktu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ulang", type=int, default=7)
    waktu = ukur(parser.parse_args().ulang)
    for jenis, nama in (("dokumen", "Dokumen IKU"), ("laporan_kinerja", "LKjIP")):
        dinding, cpu = [w[0] for w in waktu[jenis]], [w[1] for w in waktu[jenis]]
        print(
            f"{nama:12} terbaik {min(dinding):.3f} s  median {statistics.median(dinding):.3f} s  "
            f"CPU median {statistics.median(cpu):.3f} s"
        )
    for i, apa in ((0, "median"), (1, "CPU median, tak bergantung beban mesin")):
        rasio = statistics.median(w[i] for w in waktu["laporan_kinerja"]) / statistics.median(
            w[i] for w in waktu["dokumen"]
        )
        print(f"rasio LKjIP / Dokumen IKU ({apa}): {rasio:.2f}")


if __name__ == "__main__":
    main()
