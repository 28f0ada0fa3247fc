"""A made-up wording file (never the official wording) in the format of
docs/questionnaire-wording.md, for the install command's tests."""

from __future__ import annotations

import json

from battrerygg.clinical.instruments import REGISTRY
from battrerygg.clinical.instruments.base import ItemType


def sample_wording(instrument_id: str = "startback", language: str = "sv") -> dict:
    instrument = REGISTRY[instrument_id]
    return {
        "format": "battrerygg-questionnaire-wording/1",
        "instrument": instrument_id,
        "version": "test-1",
        "language": language,
        "title": f"Påhittad {instrument_id}",
        "licence_holder": "Testlicens AB",
        "reference": "Påhittad referens för test",
        "intro": "Påhittad inledning om zebror",
        "items": {item.link_id: f"Påhittad fråga {item.link_id} om zebror"
                  for item in instrument.items},
        "options": {
            item.link_id: {o.code: f"Påhittat svar {o.code}" for o in item.options}
            for item in instrument.items if item.type is ItemType.CHOICE
        },
        "anchors": {
            item.link_id: {"min": "Påhittat minimum", "max": "Påhittat maximum"}
            for item in instrument.items if item.type is ItemType.INTEGER
        },
    }


def write_wording(tmp_path, data, name="wording.json"):
    path = tmp_path / name
    try:
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    except UnicodeEncodeError:  # a lone surrogate: only JSON's \u escape can carry it
        path.write_text(json.dumps(data), encoding="utf-8")
    return path


def install_sample_wording(instruments=None, languages=("sv", "en")) -> None:
    """Install the made-up wording for licensed instruments, as a clinic with a licence
    would install the real one, so that patients can answer them in the tests."""
    from battrerygg.clinical.instruments.base import Licence
    from battrerygg.proms.services import install_wording

    chosen = instruments or [i for i, inst in REGISTRY.items()
                             if inst.licence is Licence.LICENSED]
    install_wording([sample_wording(i, language) for i in chosen for language in languages])
