"""Reason 1: red-flag answers in the current episode that are not self-care."""

import uuid
from datetime import UTC, datetime, timedelta

import time_machine

from battrerygg.clinic.dashboard import Kind
from battrerygg.redflags.services import record_red_flag_check
from tests.clinic.helpers import NOW, reasons


def _check(patient, when, **answers):
    with time_machine.travel(when, tick=False):
        record_red_flag_check(patient, answers, submission_key=uuid.uuid4())


def test_a_check_needing_care_is_flagged_with_its_outcome_and_date(cast):
    _check(cast.patient, NOW - timedelta(days=1), saddle_numbness=True)
    _check(cast.patient_b, NOW - timedelta(days=1), saddle_numbness=False)  # self-care
    with time_machine.travel(NOW, tick=False):
        assert reasons(cast.physio, kind=Kind.RED_FLAG) == {
            "Anna Exempel": ["Seek care now (check of 29 March)"]}


def test_several_checks_name_the_most_urgent(cast):
    _check(cast.patient, NOW - timedelta(days=3), saddle_numbness=True)
    _check(cast.patient, NOW - timedelta(days=1), unable_to_progress_alone=True)
    with time_machine.travel(NOW, tick=False):
        assert reasons(cast.physio, kind=Kind.RED_FLAG) == {"Anna Exempel": [
            "2 checks, the most urgent: Seek care now (latest 29 March)"]}


def test_checks_before_the_episode_do_not_count(cast):
    _check(cast.patient, datetime(2026, 3, 8, 12, tzinfo=UTC), history_of_cancer=True)
    with time_machine.travel(NOW, tick=False):
        assert reasons(cast.physio, kind=Kind.RED_FLAG) == {}
