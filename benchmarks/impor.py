"""Benchmark (not a test): `iku impor` of a decree whose lampiran has many IKU rows.

Renders the sample decree with N rows (groups of four under one sasaran, every fourth formula a
fraction) with the generator's own templates, then times reading both files back into a config.

    /work/main/.venv/bin/python benchmarks/impor.py [--baris 200] [--ulang 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import tomllib
from pathlib import Path

import tomlkit

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))

from iku import konfigurasi as config_mod
from iku.buat import kemas, susun
from iku.impor import impor
from iku.naskah import per_templat


def config_besar(folder: Path, jumlah: int) -> Path:
    data = tomllib.loads((AKAR / "config" / "iku.toml").read_text(encoding="utf-8"))
    contoh = data["iku"]
    data["iku"] = [
        dict(contoh[i % 2], sasaran=f"Sasaran strategis ke-{i // 4 + 1}", indikator=f"Indikator kinerja nomor {i + 1}")
        for i in range(jumlah)
    ]
    path = folder / "besar.toml"
    path.write_text(tomlkit.dumps(data), encoding="utf-8")
    return path


def main() -> None:
    argumen = argparse.ArgumentParser()
    argumen.add_argument("--baris", type=int, default=200)
    argumen.add_argument("--ulang", type=int, default=5)
    opsi = argumen.parse_args()
    with tempfile.TemporaryDirectory() as sementara:
        folder = Path(sementara)
        bacaan = config_mod.baca(config_besar(folder, opsi.baris))
        keputusan, lampiran = folder / "k.docx", folder / "l.docx"
        for tujuan, templat in ((keputusan, "keputusan.docx"), (lampiran, "lampiran.docx")):
            doc = susun(bacaan, AKAR / "templates", per_templat()[templat], folder)
            tujuan.write_bytes(kemas(doc, bacaan.config))
        waktu = []
        for i in range(opsi.ulang):
            awal = time.perf_counter()
            laporan = impor(keputusan, lampiran, folder / f"impor-{i}.toml")
            waktu.append(time.perf_counter() - awal)
            assert laporan.jumlah_iku == opsi.baris
    print(
        f"impor {opsi.baris} baris IKU: median {statistics.median(waktu):.2f} s, "
        f"terlama {max(waktu):.2f} s ({opsi.ulang} kali)"
    )


if __name__ == "__main__":
    main()
