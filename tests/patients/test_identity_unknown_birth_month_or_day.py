"""Samordningsnummer with an unknown birth month (00) or day (60), as Skatteverket issues
them (SPEC §1), are valid: stored as 12 digits, their birth date known as far as it goes,
and judged for plausibility without crashing.

The numbers are built as Skatteverket describes (SKV 707: birth date, day + 60, a
three-digit individual number, a Luhn check digit; 00 for an unknown month or day, so day
60): we computed their check digits ourselves (the same Luhn rule gives 701063-2391, the
example of SKV 707), and each test with a wrong check digit shows the check is made.
"""

from __future__ import annotations

from datetime import date

import pytest

from battrerygg.patients.identity import (
    BirthDate,
    ImplausibleBirthDate,
    birth_date,
    is_samordningsnummer,
    normalise,
)

TODAY = date(2026, 3, 10)


@pytest.mark.parametrize(("value", "stored", "shown"), [
    ("700060-2396", "197000602396", "1970"),  # month and day unknown
    ("19700060-2396", "197000602396", "1970"),  # the 12-digit form
    ("700063-2393", "197000632393", "1970"),  # month unknown, day 3 known
    ("701060-2394", "197010602394", "1970-10"),  # October 1970, day unknown
    ("701063-2391", "197010632391", "1970-10-03"),  # SKV 707's example: the package's case
    ("121212-1212", "201212121212", "2012-12-12"),  # a personnummer: the package's case
])
def test_unknown_month_or_day_is_accepted_and_shown_as_far_as_known(value, stored, shown):
    assert normalise(value, today=TODAY) == stored
    assert birth_date(stored).isoformat() == shown
    assert is_samordningsnummer(stored) == (stored[6:8] >= "60")


@pytest.mark.parametrize("value", [
    "700060-2395",  # wrong check digit
    "700063-2390",
    "701060-2393",
    "701360-2393",  # month 13
    "700060-0002",  # individual number 000 (check digit right)
    "700000-2399",  # month and day 00 without + 60: not a samordningsnummer
    "700092-2398",  # day 92 (32 + 60)
])
def test_malformed_numbers_are_still_refused(value):
    with pytest.raises(ValueError) as caught:
        normalise(value, today=TODAY)
    assert not isinstance(caught.value, ImplausibleBirthDate)


def test_age_of_an_unknown_birth_month_is_a_range_and_never_crashes():
    born = birth_date("197000602396")
    assert born == BirthDate(1970, None, None)
    assert (born.earliest, born.latest) == (date(1970, 1, 1), date(1970, 12, 31))
    assert born.age_on(TODAY) == (55, 56)
    october = birth_date("197010602394")
    assert october.latest == date(1970, 10, 31)
    assert october.age_on(TODAY) == (55, 55)
    assert birth_date("197010632391").age_on(TODAY) == (55, 55)


def test_a_partial_date_is_implausible_only_when_every_day_it_can_mean_is():
    # Born in 2026, month unknown: could be before today; 2027 cannot.
    assert normalise("260060-2383", today=TODAY) == "202600602383"
    with pytest.raises(ImplausibleBirthDate):
        normalise("20270060-2382", today=TODAY)
    # 1905, month unknown: could be 31 December 1905, aged 120 on TODAY.
    assert normalise("19050060-2388", today=TODAY) == "190500602388"
    with pytest.raises(ImplausibleBirthDate):
        normalise("19040060-2389", today=TODAY)


def test_a_physiotherapist_registers_a_patient_with_an_unknown_birth_date(client, cast):
    import uuid

    from battrerygg.patients.models import Patient

    client.force_login(cast.physio)
    response = client.post("/clinic/patients/new/", {
        "full_name": "Okänd Dag", "email": "okand@example.se", "personnummer": "700060-2396",
        "language": "sv", "submission_key": str(uuid.uuid4())})
    patient = Patient.objects.get(user__email="okand@example.se")
    assert response.status_code == 302 and patient.personnummer == "197000602396"
    # The form answers neutrally (registered elsewhere or not); the patient's page is opened
    # from the physiotherapist's list.
    page = client.get(f"/clinic/patients/{patient.ref}/assessment/").content.decode()
    assert "19700060-****" in page and "1970" in page
