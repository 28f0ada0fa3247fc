"""Reason 5: nothing logged in the diary for 7 days."""

from datetime import timedelta

import time_machine

from battrerygg.clinic.dashboard import Kind
from tests.clinic.helpers import NOW, log, reasons


def _silent(user, now):
    with time_machine.travel(now, tick=False):
        return reasons(user, now, Kind.SILENT)


def test_seven_days_after_the_last_entry(cast):
    log(cast.patient, NOW - timedelta(days=7))
    log(cast.patient_b, NOW - timedelta(days=2))
    assert _silent(cast.physio, NOW - timedelta(minutes=1)) == {}
    assert _silent(cast.physio, NOW) == {
        "Anna Exempel": ["Nothing logged for 7 days (last 23 March)"]}


def test_never_logged_counts_from_the_episode_start(cast):
    # The episode began 9 March (local midnight); on 30 March that is 21 days.
    assert _silent(cast.physio, NOW) == {
        "Anna Exempel": ["Nothing logged in the 21 days since the episode began"],
        "Bertil Exempel": ["Nothing logged in the 21 days since the episode began"],
    }


def test_an_ended_episode_has_no_signals(cast):
    from battrerygg.patients.models import Episode

    Episode.objects.filter(patient=cast.patient).update(end_date="2026-03-20",
                                                        end_reason="goal_reached")
    assert set(_silent(cast.physio, NOW)) == {"Bertil Exempel"}
