"""Reason 2: high-risk zone or not back to baseline at 24 h, twice or more in 7 days."""

from datetime import timedelta

import time_machine

from battrerygg.clinic.dashboard import Kind
from tests.clinic.helpers import NOW, log, reasons


def test_twice_in_the_high_risk_zone_in_7_days_is_flagged_with_the_count(cast):
    log(cast.patient, NOW - timedelta(days=2), during=7)
    log(cast.patient, NOW - timedelta(days=1), during=6)
    log(cast.patient, NOW - timedelta(hours=5), during=3)
    with time_machine.travel(NOW, tick=False):
        assert reasons(cast.physio, kind=Kind.LOAD) == {
            "Anna Exempel": ["2 times in the high-risk zone in the last 7 days"]}


def test_once_is_not_enough(cast):
    log(cast.patient, NOW - timedelta(days=2), during=7)
    log(cast.patient, NOW - timedelta(days=1), during=5, at_24h=3)
    with time_machine.travel(NOW, tick=False):
        assert reasons(cast.physio, kind=Kind.LOAD) == {}


def test_not_back_to_baseline_counts_with_high_risk(cast):
    log(cast.patient, NOW - timedelta(days=3), baseline=2, during=4, at_24h=4)
    log(cast.patient, NOW - timedelta(days=2), during=8, at_24h=3)
    with time_machine.travel(NOW, tick=False):
        assert reasons(cast.physio, kind=Kind.LOAD) == {"Anna Exempel": [
            "1 time in the high-risk zone, 1 time not back to baseline after 24 hours "
            "in the last 7 days"]}


def test_an_entry_older_than_7_days_drops_out(cast):
    log(cast.patient, NOW - timedelta(days=7), during=7)  # exactly 7 days: out
    log(cast.patient, NOW - timedelta(days=6, hours=23), during=7)
    with time_machine.travel(NOW, tick=False):
        assert reasons(cast.physio, kind=Kind.LOAD) == {}
    log(cast.patient, NOW - timedelta(days=1), during=9)
    with time_machine.travel(NOW, tick=False):
        assert reasons(cast.physio, kind=Kind.LOAD) == {
            "Anna Exempel": ["2 times in the high-risk zone in the last 7 days"]}


def test_the_patients_own_limits_apply(cast):
    cast.patient.zone_safe_max, cast.patient.zone_acceptable_max = 3, 7
    cast.patient.save()
    log(cast.patient, NOW - timedelta(days=2), during=7)
    log(cast.patient, NOW - timedelta(days=1), during=7)
    with time_machine.travel(NOW, tick=False):
        assert reasons(cast.physio, kind=Kind.LOAD) == {}
    cast.clinic.zone_safe_max, cast.clinic.zone_acceptable_max = 1, 4
    cast.clinic.save()
    cast.patient.zone_safe_max = cast.patient.zone_acceptable_max = None
    cast.patient.save()
    with time_machine.travel(NOW, tick=False):
        assert reasons(cast.physio, kind=Kind.LOAD) == {
            "Anna Exempel": ["2 times in the high-risk zone in the last 7 days"]}


def test_a_deleted_entry_does_not_count(cast):
    from battrerygg.diary.services import delete_entry

    log(cast.patient, NOW - timedelta(days=2), during=7)
    entry = log(cast.patient, NOW - timedelta(days=1), during=7)
    delete_entry(entry, now=NOW - timedelta(hours=3))
    with time_machine.travel(NOW, tick=False):
        assert reasons(cast.physio, kind=Kind.LOAD) == {}
