"""The local editor (`iku serve`): a config, or a whole kabupaten folder, edited with forms in a browser.

skema: what an agency's form holds (labels, kinds); skema_pemda: pemda.toml's form, read from its
model; peta: form fields <-> data; simpan: writing the file through tomlkit; sunting: check and
save one file; ruang: which files are served; pratinjau: page pictures from a warm LibreOffice;
aplikasi: the Flask app factory; jaga, laman_formulir, laman_kabupaten: its blueprints.
"""
