"""The local editor (`iku serve`): a config, or a whole kabupaten folder, edited with forms in a browser.

skema: what a form holds (sections, fields, labels, kinds, choices), generated from any config model
(the agency's config, and pemda.toml through skema_pemda); peta: form fields <-> data; simpan: writing
the file through tomlkit; sunting: check and save one file; ruang: which files are served; pratinjau:
page pictures from a warm LibreOffice; aplikasi: the Flask app factory; jaga, laman_formulir,
laman_kabupaten: its blueprints.
"""
