"""The local editor (`iku serve`): the config edited with forms in a browser on this machine.

skema: what the forms hold (labels, kinds), generated from the model; peta: form fields <-> config data;
simpan: writing the file through tomlkit; pratinjau: page pictures from a warm LibreOffice;
aplikasi: the Flask server that ties them together.
"""
