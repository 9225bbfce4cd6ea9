"""The rules of `iku check`, one module each: drafting (naskah.py), amendments (perubahan.py),
templates (templat.py), the one kind of finding (temuan.py), and the run that applies them
(jalankan.py). Empty on purpose: a rule module importing its package imports nothing else."""
