"""A personnummer's birth date must be plausible: not in the future, not over 120 years
ago (the package's own date, so a samordningsnummer's day - 60 counts)."""

from __future__ import annotations

from datetime import date

import pytest

from battrerygg.patients.identity import ImplausibleBirthDate, normalise

TODAY = date(2026, 3, 10)


@pytest.mark.parametrize(("value", "expected"), [
    ("20260310-1235", "202603101235"),  # born today
    ("19060310-1239", "190603101239"),  # 120 today
    ("19050311-1239", "190503111239"),  # 120, 121 tomorrow
    ("20260370-1232", "202603701232"),  # samordningsnummer, born today
    ("701063-2391", "197010632391"),  # samordningsnummer
])
def test_plausible_numbers_are_accepted(value, expected):
    assert normalise(value, today=TODAY) == expected


@pytest.mark.parametrize("value", [
    "20991231-1231",  # future
    "20260311-1234",  # tomorrow
    "20260371-1231",  # samordningsnummer for tomorrow
    "850315+1238",  # the + means born 1885
    "19050310-1230",  # 121 today
])
def test_implausible_birth_dates_are_refused_as_value_errors(value):
    with pytest.raises(ImplausibleBirthDate):
        normalise(value, today=TODAY)
    with pytest.raises(ValueError):  # callers catching ValueError keep working
        normalise(value, today=TODAY)


def test_an_invalid_number_is_not_called_implausible():
    with pytest.raises(ValueError) as caught:
        normalise("19121212-1213", today=TODAY)
    assert not isinstance(caught.value, ImplausibleBirthDate)
