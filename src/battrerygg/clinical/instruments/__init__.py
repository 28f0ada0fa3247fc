"""Questionnaires (SPEC C4): one module per instrument, each with its structure, scoring,
interpretation, source and licence note; ``change`` (C6) and ``schedule`` (P8).

``REGISTRY`` maps our instrument ids to their definitions.
"""

from __future__ import annotations

from battrerygg.clinical.instruments import nrs, odi, orebro, pseq, psfs, startback
from battrerygg.clinical.instruments.base import Instrument

REGISTRY: dict[str, Instrument] = {
    instrument.id: instrument
    for instrument in (
        nrs.BACK, nrs.LEG, startback.INSTRUMENT, odi.INSTRUMENT, psfs.INSTRUMENT,
        orebro.INSTRUMENT, pseq.INSTRUMENT,
    )
}


def get(instrument_id: str) -> Instrument:
    """The instrument with this id. Raises KeyError for an unknown id."""
    return REGISTRY[instrument_id]
