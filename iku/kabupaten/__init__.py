"""`iku kabupaten`: every agency of a kabupaten and the Pemda's own IKU in one run.

baca.py      pemda.toml and every agency config read and cross-checked (one report)
model.py     pemda.toml's model
kaskade.py   Pemda sasaran -> IKU Pemda -> agency indicators, and the gap report
naskah.py    context of the Pemda's Keputusan, Lampiran and cascade matrix
lembar.py    rekap-iku-<pemerintah>-<tahun>.xlsx
buat.py      the year written: agencies in worker processes, staging and atomic swap
"""
