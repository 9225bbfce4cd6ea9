"""PDF/A with one LibreOffice per run: metadata, page numbering of the signing bundle,
table-of-contents update, and runs that are killed or hang leaving nothing behind."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from bantu import AKAR, NAMA_BUNDEL, generate_di, isi_folder, jumlah_dokumen_contoh, salin_config, teks_pdf
from bantu import jalankan_generate as jalankan
from iku.pdf import ke_pdf

pytestmark = pytest.mark.pdf


def proses_dengan(teks: str) -> list[str]:
    """Command lines of live processes mentioning teks (e.g. a run's temporary folder)."""
    hasil = subprocess.run(["pgrep", "-af", re.escape(teks)], capture_output=True, text=True)
    return [b for b in hasil.stdout.splitlines() if "pgrep" not in b]


def tunggu(kondisi, batas: float = 120.0) -> bool:
    """Poll until kondisi() holds or the bound passes (a wait, not a speed assertion)."""
    akhir = time.monotonic() + batas
    while time.monotonic() < akhir:
        if kondisi():
            return True
        time.sleep(0.02)
    return kondisi()


def xmp(pdf: Path) -> str:
    return subprocess.run(["pdfinfo", "-meta", str(pdf)], capture_output=True, text=True, check=True).stdout


def ukuran_halaman(pdf: Path) -> list[tuple[float, float]]:
    keluaran = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    return [(float(lb), float(t)) for lb, t in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", keluaran)]


def teks_halaman(pdf: Path, nomor: int) -> list[str]:
    keluaran = subprocess.run(
        ["pdftotext", "-layout", "-f", str(nomor), "-l", str(nomor), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [b.strip() for b in keluaran.splitlines() if b.strip()]


def test_pdfa_untuk_setiap_docx_dan_manifes(tmp_path: Path) -> None:
    sementara = tmp_path / "tmp"
    sementara.mkdir()
    config = salin_config(tmp_path / "iku.toml")
    hasil = jalankan(
        "--config", str(config), "--output", str(tmp_path / "output"), "--pdf", env={"TMPDIR": str(sementara)}
    )
    assert hasil.returncode == 0, hasil.stderr
    folder = tmp_path / "output" / "2023"
    docx_ = sorted(p.stem for p in folder.glob("*.docx"))
    assert sorted(p.stem for p in folder.glob("*.pdf")) == docx_ and len(docx_) == jumlah_dokumen_contoh()
    for pdf in folder.glob("*.pdf"):
        meta = xmp(pdf)
        assert re.search(r"<pdfaid:part>2</pdfaid:part>", meta), pdf.name
        assert re.search(r"<pdfaid:conformance>B</pdfaid:conformance>", meta), pdf.name
    isi = json.loads((folder / "MANIFEST.json").read_text(encoding="utf-8"))
    assert re.fullmatch(r"\d+\.\d+.*", isi["libreoffice"])
    assert sorted(isi["sha256"]) == sorted(p.name for p in folder.iterdir() if p.name != "MANIFEST.json")
    assert proses_dengan(str(sementara)) == []
    assert list(sementara.iterdir()) == []  # the LibreOffice profile is gone too


def test_bundel_pdf_bernomor_lanjut_dan_lampiran_mendatar(tmp_path: Path) -> None:
    folder = generate_di(tmp_path, "--pdf")
    bundel = folder / NAMA_BUNDEL.replace(".docx", ".pdf")
    halaman = ukuran_halaman(bundel)
    keputusan = ukuran_halaman(next(folder.glob("keputusan-*.pdf")))
    assert len(halaman) == len(keputusan) + len(ukuran_halaman(next(folder.glob("lampiran-*.pdf"))))
    assert all(lb < t for lb, t in halaman[: len(keputusan)])
    assert all(lb > t for lb, t in halaman[len(keputusan) :])
    assert not any(re.fullmatch(r"-\s*1\s*-", b) for b in teks_halaman(bundel, 1))
    for nomor in range(2, len(halaman) + 1):
        assert re.fullmatch(rf"-\s*{nomor}\s*-", teks_halaman(bundel, nomor)[0]), nomor
    assert "LAMPIRAN" in teks_halaman(bundel, len(keputusan) + 1)


def dokumen_dengan_daftar_isi(tujuan: Path) -> Path:
    """A Word TOC field whose stored result is stale, then three chapters on pages 2-4."""
    d = docx.Document()
    d.add_paragraph("DAFTAR ISI")
    p = d.add_paragraph()
    for jenis, teks in (
        ("begin", None),
        (None, ' TOC \\o "1-3" \\h \\z \\u '),
        ("separate", None),
        (None, "BELUM DIPERBARUI"),
        ("end", None),
    ):
        run = p.add_run()
        if jenis:
            e = OxmlElement("w:fldChar")
            e.set(qn("w:fldCharType"), jenis)
            run._r.append(e)
        elif teks.startswith(" TOC"):
            e = OxmlElement("w:instrText")
            e.set(qn("xml:space"), "preserve")
            e.text = teks
            run._r.append(e)
        else:
            run.text = teks
    for judul in ("Bab Satu Pendahuluan", "Bab Dua Rencana", "Bab Tiga Penutup"):
        d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        d.add_heading(judul, level=1)
    d.save(str(tujuan))
    return tujuan


def test_daftar_isi_diperbarui_dengan_nomor_halaman(tmp_path: Path) -> None:
    hasil = ke_pdf([dokumen_dengan_daftar_isi(tmp_path / "buku.docx")], tmp_path)
    teks = teks_pdf(hasil.berkas[0], layout=True)
    assert "BELUM DIPERBARUI" not in teks
    for judul, halaman in (("Bab Satu Pendahuluan", 2), ("Bab Dua Rencana", 3), ("Bab Tiga Penutup", 4)):
        assert re.search(rf"{judul}\.*\s*{halaman}\s*$", teks, re.M), judul


def test_dua_run_paralel_tidak_bertabrakan(tmp_path: Path) -> None:
    config = salin_config(tmp_path / "iku.toml")
    perintah = [
        [sys.executable, str(AKAR / "generate.py"), "--config", str(config), "--output", str(tmp_path / nama), "--pdf"]
        for nama in ("a", "b")
    ]
    proses = [subprocess.Popen(p, cwd=AKAR, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for p in perintah]
    for p in proses:
        _, galat = p.communicate(timeout=300)
        assert p.returncode == 0, galat.decode()
    for nama in ("a", "b"):
        assert len(list((tmp_path / nama / "2023").glob("*.pdf"))) == jumlah_dokumen_contoh()
    assert proses_dengan(str(tmp_path)) == []


def folder_terlihat(output: Path) -> list[str]:
    return sorted(p.name for p in output.iterdir() if not p.name.startswith("."))


def test_sigkill_saat_konversi_menyisakan_arsip_lama(tmp_path: Path) -> None:
    folder = generate_di(tmp_path)
    lama = isi_folder(folder)
    output = folder.parent
    sementara = tmp_path / "tmp"
    sementara.mkdir()
    run = subprocess.Popen(
        [
            sys.executable,
            str(AKAR / "generate.py"),
            "--config",
            str(tmp_path / "iku.toml"),
            "--output",
            str(output),
            "--pdf",
            "--force",
        ],
        cwd=AKAR,
        env={**os.environ, "TMPDIR": str(sementara)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        # mid-conversion: the first PDF is written, the others are still to come
        assert tunggu(lambda: any(output.glob(".sedang-ditulis-*/*.pdf")) or run.poll() is not None)
        assert run.poll() is None, "run ended before it could be killed"
        os.kill(run.pid, signal.SIGKILL)
    finally:
        run.wait()
    assert tunggu(lambda: proses_dengan(str(sementara)) == [], 60), proses_dengan(str(sementara))
    # LibreOffice was stopped with the run, not left to finish converting for nobody
    assert len(list(output.glob(".sedang-ditulis-*/*.pdf"))) < 5  # of five
    assert isi_folder(folder) == lama
    assert folder_terlihat(output) == ["2023"]
    ulang = jalankan("--config", str(tmp_path / "iku.toml"), "--output", str(output), "--force")
    assert ulang.returncode == 0, ulang.stderr
    assert [p.name for p in output.iterdir() if p.name.startswith(".")] == []  # the leftover is tidied


def test_libreoffice_macet_dihentikan_batas_waktu(tmp_path: Path) -> None:
    folder = generate_di(tmp_path)
    lama = isi_folder(folder)
    bin_ = tmp_path / "bin"
    bin_.mkdir()
    palsu = bin_ / "soffice"
    palsu.write_text("#!/usr/bin/env python3\nimport time\ntime.sleep(600)\n", encoding="utf-8")
    palsu.chmod(0o755)
    sementara = tmp_path / "tmp"
    sementara.mkdir()
    hasil = jalankan(
        "--config",
        str(tmp_path / "iku.toml"),
        "--output",
        str(folder.parent),
        "--pdf",
        "--force",
        env={"PATH": f"{bin_}:{os.environ['PATH']}", "TMPDIR": str(sementara), "IKU_BATAS_PDF_DETIK": "5"},
    )
    assert hasil.returncode != 0
    assert "tidak selesai dalam 5 detik" in hasil.stderr and "Traceback" not in hasil.stderr
    assert proses_dengan(str(sementara)) == []
    assert isi_folder(folder) == lama
    assert sorted(p.name for p in folder.parent.iterdir()) == ["2023"]


def test_sigterm_saat_konversi_membersihkan(tmp_path: Path) -> None:
    folder = generate_di(tmp_path)
    lama = isi_folder(folder)
    sementara = tmp_path / "tmp"
    sementara.mkdir()
    run = subprocess.Popen(
        [
            sys.executable,
            str(AKAR / "generate.py"),
            "--config",
            str(tmp_path / "iku.toml"),
            "--output",
            str(folder.parent),
            "--pdf",
            "--force",
        ],
        cwd=AKAR,
        env={**os.environ, "TMPDIR": str(sementara)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert tunggu(
            lambda: (
                any(proses_dengan(f"soffice.bin -env:UserInstallation=file://{sementara}")) or run.poll() is not None
            )
        )
        run.send_signal(signal.SIGTERM)
    finally:
        kode = run.wait()
    assert kode != 0
    assert proses_dengan(str(sementara)) == []
    assert isi_folder(folder) == lama
    assert sorted(p.name for p in folder.parent.iterdir()) == ["2023"]  # staging removed, not just hidden
    assert list(sementara.iterdir()) == []


def test_dokumen_rusak_gagal_jelas_tanpa_sisa_proses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    from iku.galat import PdfError

    sementara = tmp_path / "tmp"
    sementara.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(sementara))
    rusak = tmp_path / "rusak.docx"
    rusak.write_bytes(b"bukan berkas docx")
    with pytest.raises(PdfError) as info:
        ke_pdf([rusak], tmp_path)
    assert "rusak.docx tidak dapat diubah ke PDF" in info.value.uraian()
    assert proses_dengan(str(sementara)) == []
    assert list(sementara.iterdir()) == []


def test_satu_libreoffice_hangat_melayani_beberapa_permintaan(tmp_path: Path) -> None:
    """The one driver: a LibreOffice kept by its caller converts request after request with the same
    process (PDF/A, then a plain preview PDF), ke_pdf leaves a caller's LibreOffice running, and
    hentikan leaves no process and no profile behind."""
    import tempfile

    from iku.pdf import LibreOffice

    keputusan = next(generate_di(tmp_path).glob("keputusan-*.docx"))
    (tmp_path / "a").mkdir()
    with LibreOffice() as lo:
        hasil = ke_pdf([keputusan], tmp_path / "a", lo=lo)
        pid = lo.pid
        assert pid is not None and hasil.versi == lo.versi != ""
        lo.ubah([(keputusan, tmp_path / "pratinjau.pdf")], "pdf", 300)
        assert lo.pid == pid  # the same LibreOffice, still warm
    assert lo.pid is None and proses_dengan(f"iku-lo-{os.getpid()}-") == []
    assert list(Path(tempfile.gettempdir()).glob(f"iku-lo-{os.getpid()}-*")) == []  # its profile too
    assert re.search(r"<pdfaid:part>2</pdfaid:part>", xmp(hasil.berkas[0]))
    assert "pdfaid" not in xmp(tmp_path / "pratinjau.pdf")  # a preview is a plain PDF
    assert "KEPUTUSAN" in teks_pdf(tmp_path / "pratinjau.pdf").upper()
