"""pemda.toml's form: the same skema_dari_model as an agency's config, over pemda.toml's model.

Labels, help texts, choices and numbering are written once, on iku/kabupaten/model.py (model.kunci);
[format] is the agency's own Format model, so its fields read as they do on an agency's form.
"""

from __future__ import annotations

from functools import cache

from ..kabupaten.model import Pemda
from .skema import Skema, skema_dari_model


@cache
def skema_pemda() -> Skema:
    """pemda.toml's form, its rows named as messages say them ("IKU Pemda baris 2")."""
    return skema_dari_model(Pemda, baris_dibaca={"iku": "IKU Pemda baris", "sasaran": "Sasaran"})
