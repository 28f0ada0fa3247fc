"""SPEC C5 on the patient's start page: how long it has been (not always "two weeks"), and
how to reach the physiotherapist (the contact written in the flare-up plan, or a link to
write it there); a patient without pain is not told their pain is not easing."""

from datetime import UTC, datetime, timedelta

import time_machine

from battrerygg.diary.services import save_flare_up_plan
from tests.clinic.helpers import log


def _page(client, patient, day: int) -> str:
    """The start page (Swedish) on the evening of the episode's day ``day``."""
    client.force_login(patient.user)
    with time_machine.travel(datetime(2026, 3, 8, 18, tzinfo=UTC) + timedelta(days=day),
                             tick=False):
        return client.get("/").content.decode()


def _log_days(patient, days: int, pain: int) -> None:
    for day in range(1, days + 1):
        log(patient, datetime(2026, 3, 8, 9, tzinfo=UTC) + timedelta(days=day),
            baseline=pain, during=pain, at_24h=pain)


def test_the_message_says_how_long_and_links_to_the_plan(client, cast):
    _log_days(cast.patient, 20, 5)
    page = _page(client, cast.patient, 20)
    assert 'id="not-settling"' in page
    assert "Det är 20 dagar sedan din vårdperiod började" in page
    assert 'href="/flare-up-plan/edit/"' in page  # no contact written yet


def test_the_message_shows_the_physiotherapists_contact(client, cast):
    _log_days(cast.patient, 15, 5)
    save_flare_up_plan(cast.patient, physiotherapist_contact="Vårdcentralen A, 010-123 45 67")
    page = _page(client, cast.patient, 15)
    assert "Det är 15 dagar sedan din vårdperiod började" in page
    assert "Din fysioterapeut: <strong>Vårdcentralen A, 010-123 45 67</strong>" in page
    assert 'href="/flare-up-plan/"' in page


def test_a_patient_without_pain_is_not_told_it_is_not_easing(client, cast):
    _log_days(cast.patient, 20, 0)
    assert 'id="not-settling"' not in _page(client, cast.patient, 20)
