"""C1 "same activity" for everyday tasks and other activities: the patient's own name for the
task, not the kind, so unrelated chores do not count toward "increase"."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time

import pytest

from battrerygg.diary.models import ActivityEntry, task_name
from battrerygg.diary.queries import assessed_entries, assessed_entry
from battrerygg.diary.services import ActivityInput, record_activity, update_activity

NOW = datetime(2026, 3, 20, 12, tzinfo=UTC)


def _log(patient, day: int, kind: str, description: str) -> ActivityEntry:
    entry, _ = record_activity(
        patient,
        ActivityInput(kind=kind, local_date=date(2026, 3, day), local_time=time(10, 0),
                      minutes=30, pain_baseline=3, pain_during=4, pain_after=3, pain_24h=3,
                      description=description),
        submission_key=uuid.uuid4(), now=NOW,
    )
    return entry


@pytest.mark.parametrize(("description", "name"), [
    ("Vacuuming the flat.", "vacuuming the flat"),
    ("  vacuuming   THE flat ", "vacuuming the flat"),
    ("", ""),
])
def test_the_name_is_the_description_normalised(description, name):
    assert task_name("everyday_task", description) == name
    assert task_name("other", description) == name


def test_kinds_that_say_what_the_activity_was_need_no_name():
    assert task_name("walking", "round the lake") == ""


def test_unrelated_tasks_do_not_count_toward_increase(cast):
    patient = cast.patient
    _log(patient, 10, "everyday_task", "Vacuuming")
    _log(patient, 11, "everyday_task", "Shovelling snow")
    third = _log(patient, 12, "everyday_task", "Ironing")
    assert assessed_entry(patient.user, third.pk).assessment.advice.value == "keep"


def test_the_same_task_three_times_earns_increase(cast):
    patient = cast.patient
    _log(patient, 10, "everyday_task", "Vacuuming")
    _log(patient, 11, "everyday_task", "Shovelling snow")
    _log(patient, 12, "everyday_task", "vacuuming.")
    last = _log(patient, 13, "everyday_task", "VACUUMING")
    assert assessed_entry(patient.user, last.pk).assessment.advice.value == "increase"
    advice = {e.entry.pk: e.assessment.advice.value for e in assessed_entries(patient.user,
                                                                               patient)}
    assert advice[last.pk] == "increase"


def test_unnamed_tasks_are_compared_with_nothing(cast):
    patient = cast.patient
    for day in (10, 11, 12):
        last = _log(patient, day, "everyday_task", "")
    assert assessed_entry(patient.user, last.pk).assessment.advice.value == "keep"


def test_walks_still_share_one_history_whatever_their_description(cast):
    patient = cast.patient
    _log(patient, 10, "walking", "round the lake")
    _log(patient, 11, "walking", "to work")
    last = _log(patient, 12, "walking", "")
    assert assessed_entry(patient.user, last.pk).assessment.advice.value == "increase"


def test_renaming_a_task_moves_it_to_the_other_history(cast):
    patient = cast.patient
    _log(patient, 10, "everyday_task", "Vacuuming")
    odd = _log(patient, 11, "everyday_task", "Ironing")
    last = _log(patient, 12, "everyday_task", "Vacuuming")
    assert assessed_entry(patient.user, last.pk).assessment.advice.value == "keep"
    data = ActivityInput(kind="everyday_task", local_date=odd.local_date,
                         local_time=time(10, 0), minutes=30, pain_baseline=3, pain_during=4,
                         pain_after=3, description="Vacuuming")
    assert update_activity(odd, data, now=NOW) is True
    odd.refresh_from_db()
    assert odd.task == "vacuuming"
    assert assessed_entry(patient.user, last.pk).assessment.advice.value == "increase"
