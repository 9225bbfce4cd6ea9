"""iku: dokumen Indikator Kinerja Utama (IKU) sebuah OPD dari satu berkas TOML."""

__version__ = "0.1.0"
