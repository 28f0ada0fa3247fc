"""Swedish identity numbers (personnummer and samordningsnummer).

Validated and normalised with the ``personnummer`` package, which also knows
samordningsnummer (day + 60). Stored as 12 digits (YYYYMMDDNNNC); shown masked; never put
in URLs or logs.

The one gap the package leaves: Skatteverket issues samordningsnummer for people whose
birth month or day is unknown, with month ``00`` and/or day ``60`` (day 00 + 60), e.g.
``700060-2385`` (born 1970, month and day unknown). The package refuses them (its birth
date would be invalid); ``_parse_partial`` accepts exactly those, with the same Luhn check
digit and century rules, and ``birth_date`` gives the birth date as far as it is known
(SPEC §1). Everything else is the package's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
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


@dataclass(frozen=True)
class BirthDate:
    """A birth date as far as the number tells it: year always; month 1–12 or None
    (unknown: a samordningsnummer with month 00); day 1–31 or None (unknown: day 60)."""

    year: int
    month: int | None
    day: int | None

    @property
    def earliest(self) -> date:
        """The first day the person can have been born."""
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> date:
        """The last day the person can have been born."""
        month = self.month or 12
        if self.day is not None:
            return date(self.year, month, self.day)
        following = date(self.year + 1, 1, 1) if month == 12 else date(self.year, month + 1, 1)
        return date.fromordinal(following.toordinal() - 1)

    def age_on(self, today: date) -> tuple[int, int]:
        """(youngest, oldest) whole years the person can be on ``today``; equal when the
        date is known. Never raises for an unknown month or day."""
        return _age(self.latest, today), _age(self.earliest, today)

    def isoformat(self) -> str:
        """``1970-10-03``, ``1970-10`` (day unknown) or ``1970`` (month unknown)."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


_FORM = re.compile(r"^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)$")


def _luhn_check_digit(nine: str) -> int:
    """The check digit of YYMMDDNNN (Skatteverket, SKV 704: Luhn, weights 2,1,2,…)."""
    total = 0
    for i, ch in enumerate(nine):
        v = int(ch) * (2 - i % 2)
        total += v - 9 if v > 9 else v
    return (10 - total % 10) % 10


def _parse_partial(value: str, today: date) -> tuple[str, BirthDate] | None:
    """A samordningsnummer with an unknown birth month (00) and/or day (60): its 12-digit
    form and partial birth date; None when ``value`` is not one (the package's case, or
    invalid). Century as for personnummer: from today, with "+" for 100 years or older;
    a 12-digit form gives it. Checks the Luhn digit, an individual number other than 000,
    a month 00–12 and a day 60 (unknown) or 61–91 (known, with month 00)."""
    match = _FORM.match(value)
    if match is None:
        return None
    century, yy, mm, dd, sep, num, check = match.groups()
    month, day = int(mm), int(dd)
    if num == "000" or month > 12 or not 60 <= day <= 91 or (month != 0 and day != 60):
        return None
    if _luhn_check_digit(yy + mm + dd + num) != int(check):
        return None
    if century:
        full_year = int(century + yy)
    else:
        base = today.year - 100 if sep == "+" else today.year
        full_year = base - (base - int(yy)) % 100
    known_day = None if day == 60 else day - 60
    born = BirthDate(full_year, month or None, known_day)
    return f"{full_year:04d}{mm}{dd}{num}{check}", born


def birth_date(normalised: str) -> BirthDate:
    """The birth date of a stored (12-digit) number, as far as it is known. Raises
    ValueError when it is not a valid number."""
    partial = _parse_partial(normalised, timezone.localdate())  # 12 digits: century given
    if partial is not None:
        return partial[1]
    try:
        born = personnummer.parse(normalised).get_date()
    except (PersonnummerException, ValueError, TypeError):
        raise ValueError("not a valid personnummer or samordningsnummer") from None
    return BirthDate(born.year, born.month, born.day)


def check_plausible(born: BirthDate | personnummer.Personnummer,
                    today: date | None = None) -> None:
    """Refuse a birth date in the future or an age over MAX_AGE_YEARS (120) years.

    born: a (partial) birth date, or a parsed number (the package's ``get_date``, which
    takes 60 off the day of a samordningsnummer). A partial date is refused only when every
    day it can mean is implausible (its earliest day after today, or its latest day over 120
    years ago). today: the local date (default: today in settings.TIME_ZONE).
    Raises ImplausibleBirthDate (a ValueError).
    """
    today = today or timezone.localdate()
    if isinstance(born, personnummer.Personnummer):
        day = born.get_date()
        born = BirthDate(day.year, day.month, day.day)
    if born.earliest > today or _age(born.latest, today) > MAX_AGE_YEARS:
        raise ImplausibleBirthDate("the birth date of the personnummer is not plausible")


def normalise(value: str, today: date | None = None) -> str:
    """Return the 12-digit form of a personnummer or samordningsnummer.

    value: any accepted form (10 or 12 digits, with or without - or +; "+" means 100 years
    or older), including a samordningsnummer with an unknown birth month (00) or day (60).
    today: the date to judge the age by (default: today, local).
    Raises ValueError when it is not a valid number (checksum, date), and its subclass
    ImplausibleBirthDate when the birth date is in the future or over 120 years ago.
    """
    value = value.strip()
    today = today or timezone.localdate()
    try:
        pnr = personnummer.parse(value)
    except (PersonnummerException, ValueError, TypeError):
        partial = _parse_partial(value, today) if isinstance(value, str) else None
        if partial is None:
            raise ValueError("not a valid personnummer or samordningsnummer") from None
        normalised, born = partial
        check_plausible(born, today)
        return normalised
    check_plausible(pnr, today)
    return str(pnr.format(True))


def mask(normalised: str) -> str:
    """Masked form for display, e.g. ``19121212-****``. Input: 12 digits."""
    if len(normalised) != 12:
        return "****"
    return f"{normalised[:8]}-****"


def is_samordningsnummer(normalised: str) -> bool:
    """True for a samordningsnummer (day of month + 60, or 60 for an unknown day).
    Input: 12 digits."""
    if _parse_partial(normalised, timezone.localdate()) is not None:
        return True
    return bool(personnummer.Personnummer(normalised).is_coordination_number())
