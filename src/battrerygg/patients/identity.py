"""Swedish identity numbers (personnummer and samordningsnummer).

Validated and normalised with the ``personnummer`` package, which also knows
samordningsnummer (day + 60). Stored as 12 digits (YYYYMMDDNNNC); shown masked; never put
in URLs or logs.
"""

from __future__ import annotations

from personnummer import personnummer
from personnummer.personnummer import PersonnummerException


def normalise(value: str) -> str:
    """Return the 12-digit form of a personnummer or samordningsnummer.

    value: any accepted form (10 or 12 digits, with or without - or +).
    Raises ValueError when it is not a valid number (checksum, date).
    """
    try:
        pnr = personnummer.parse(value.strip())
    except (PersonnummerException, ValueError, TypeError):
        raise ValueError("not a valid personnummer or samordningsnummer") from None
    return str(pnr.format(True))


def mask(normalised: str) -> str:
    """Masked form for display, e.g. ``19121212-****``. Input: 12 digits."""
    if len(normalised) != 12:
        return "****"
    return f"{normalised[:8]}-****"


def is_samordningsnummer(normalised: str) -> bool:
    """True for a samordningsnummer (day of month + 60). Input: 12 digits."""
    return personnummer.Personnummer(normalised).is_coordination_number()
