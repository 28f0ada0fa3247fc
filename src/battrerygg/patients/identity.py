"""Swedish identity numbers (personnummer and samordningsnummer).

Validated and normalised with the ``personnummer`` package, which also knows
samordningsnummer (day + 60). Stored as 12 digits (YYYYMMDDNNNC); shown masked; never put
in URLs or logs.
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone
from personnummer import personnummer
from personnummer.personnummer import PersonnummerException

MAX_AGE_YEARS = 120


class ImplausibleBirthDate(ValueError):  # noqa: N818 - a ValueError, as callers expect
    """A well-formed number whose birth date is in the future or over 120 years ago."""


def _age(born: date, today: date) -> int:
    """Whole years from ``born`` to ``today`` (negative when born is in the future)."""
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def check_plausible(pnr: personnummer.Personnummer, today: date | None = None) -> None:
    """Refuse a birth date in the future or an age over MAX_AGE_YEARS (120) years.

    The birth date is the package's own (``get_date``, which takes 60 off the day of a
    samordningsnummer). today: the local date (default: today in settings.TIME_ZONE).
    Raises ImplausibleBirthDate (a ValueError).
    """
    today = today or timezone.localdate()
    born = pnr.get_date()
    if born > today or _age(born, today) > MAX_AGE_YEARS:
        raise ImplausibleBirthDate("the birth date of the personnummer is not plausible")


def normalise(value: str, today: date | None = None) -> str:
    """Return the 12-digit form of a personnummer or samordningsnummer.

    value: any accepted form (10 or 12 digits, with or without - or +; "+" means 100 years
    or older). today: the date to judge the age by (default: today, local).
    Raises ValueError when it is not a valid number (checksum, date), and its subclass
    ImplausibleBirthDate when the birth date is in the future or over 120 years ago.
    """
    try:
        pnr = personnummer.parse(value.strip())
    except (PersonnummerException, ValueError, TypeError):
        raise ValueError("not a valid personnummer or samordningsnummer") from None
    check_plausible(pnr, today)
    return str(pnr.format(True))


def mask(normalised: str) -> str:
    """Masked form for display, e.g. ``19121212-****``. Input: 12 digits."""
    if len(normalised) != 12:
        return "****"
    return f"{normalised[:8]}-****"


def is_samordningsnummer(normalised: str) -> bool:
    """True for a samordningsnummer (day of month + 60). Input: 12 digits."""
    return personnummer.Personnummer(normalised).is_coordination_number()
