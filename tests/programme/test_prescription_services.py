"""Prescribing and changing doses: one step at a time, audited, harmless to repeat."""

from __future__ import annotations

import uuid

import pytest

from battrerygg.audit.models import AuditEvent
from battrerygg.programme import services
from battrerygg.programme.models import DoseChange, Prescription
from battrerygg.programme.services import PrescriptionInput, ProgrammeError

from .helpers import NOW, give


def _changes(item):
    return list(item.dose_changes.order_by("pk").values_list("kind", "level", "sets",
                                                             "repetitions", "undone_at"))


def test_prescribe_records_the_dose_and_the_history(cast):
    item = give(cast.physio, cast.patient)
    assert (item.exercise, item.level, item.sets, item.repetitions, item.minutes) == (
        "backenlyft", 1, 2, 8, None)
    assert item.episode is not None and item.prescribed_by == cast.physio
    assert _changes(item) == [("prescribed", 1, 2, 8, None)]
    assert AuditEvent.objects.filter(what="programme.prescription", action="create",
                                     actor=cast.physio, patient=cast.patient).count() == 1


def test_prescribing_twice_with_one_key_stores_once(cast):
    key = uuid.uuid4()
    data = PrescriptionInput(exercise="promenad", level=1, minutes=10, frequency_per_week=4)
    first, created = services.prescribe(cast.physio, cast.patient, data, submission_key=key)
    again, created_again = services.prescribe(cast.physio, cast.patient, data, submission_key=key)
    assert created and not created_again and first == again
    assert Prescription.objects.count() == 1 and DoseChange.objects.count() == 1


BAD = [
    ({"sets": 0}, "sets"),
    ({"sets": -1}, "sets"),
    ({"repetitions": 0}, "repetitions"),
    ({"repetitions": "10"}, "repetitions"),
    ({"sets": None}, "missing"),
    ({"minutes": 5}, "missing"),
    ({"frequency_per_week": 0}, "frequency"),
    ({"frequency_per_week": 15}, "frequency"),
    ({"exercise": "handstand"}, "unknown_exercise"),
    ({"level": 4}, "level"),
    ({"level": 0}, "level"),
]


def test_bad_input_changes_nothing(cast):
    audit_rows = AuditEvent.objects.count()
    for changes, code in BAD:
        data = {"exercise": "backenlyft", "level": 1, "sets": 2, "repetitions": 8,
                "frequency_per_week": 3, **changes}
        with pytest.raises(ProgrammeError) as err:
            services.prescribe(cast.physio, cast.patient, PrescriptionInput(**data),
                               submission_key=uuid.uuid4())
        assert err.value.code == code, changes
    assert not Prescription.objects.exists() and AuditEvent.objects.count() == audit_rows


def test_progress_regress_one_step_and_undo(cast):
    item = give(cast.physio, cast.patient)
    assert services.progress(cast.physio, item, version=1, now=NOW)
    item.refresh_from_db()
    assert (item.level, item.sets, item.repetitions, item.version) == (1, 2, 10, 2)
    assert services.regress(cast.physio, item, version=2, now=NOW)
    assert services.undo_dose_change(cast.physio, item, version=3, now=NOW)
    item.refresh_from_db()
    assert (item.level, item.sets, item.repetitions) == (1, 2, 10)
    kinds = [(kind, undone is not None) for kind, *_rest, undone in _changes(item)]
    assert kinds == [("prescribed", False), ("progressed", False), ("regressed", True)]
    whats = list(AuditEvent.objects.filter(action="update").order_by("pk")
                 .values_list("what", flat=True))
    assert whats == ["programme.dose.progressed", "programme.dose.regressed",
                     "programme.dose.undo"]


def test_a_double_click_progresses_once(cast):
    item = give(cast.physio, cast.patient)
    assert services.progress(cast.physio, item, version=1) is True
    assert services.progress(cast.physio, item, version=1) is False
    item.refresh_from_db()
    assert (item.repetitions, item.version) == (10, 2)
    assert DoseChange.objects.filter(kind="progressed").count() == 1


def test_top_of_the_last_level_moves_no_further(cast):
    item = give(cast.physio, cast.patient, level=3, sets=3, repetitions=15)
    with pytest.raises(ProgrammeError) as err:
        services.progress(cast.physio, item, version=1)
    assert err.value.code == "top"
    item.refresh_from_db()
    assert (item.level, item.sets, item.repetitions, item.version) == (3, 3, 15, 1)


def test_top_of_a_level_moves_to_the_next_level(cast):
    item = give(cast.physio, cast.patient, level=1, sets=3, repetitions=15)
    services.progress(cast.physio, item, version=1)
    item.refresh_from_db()
    assert (item.level, item.sets, item.repetitions) == (2, 2, 10)  # level 2's default


def test_regress_at_the_bottom_is_refused(cast):
    item = give(cast.physio, cast.patient, exercise="promenad", minutes=1)
    with pytest.raises(ProgrammeError) as err:
        services.regress(cast.physio, item, version=1)
    assert err.value.code == "bottom"
    assert DoseChange.objects.count() == 1


def test_the_first_dose_cannot_be_undone(cast):
    item = give(cast.physio, cast.patient)
    with pytest.raises(ProgrammeError) as err:
        services.undo_dose_change(cast.physio, item, version=1)
    assert err.value.code == "nothing_to_undo"


def test_change_by_hand_validates_and_records(cast):
    item = give(cast.physio, cast.patient)
    with pytest.raises(ProgrammeError):
        services.change_dose(cast.physio, item, level=1, sets=0, repetitions=8, version=1)
    assert services.change_dose(cast.physio, item, level=2, minutes=None, sets=3,
                                repetitions=12, frequency_per_week=4, notes="Långsamt",
                                version=1)
    item.refresh_from_db()
    assert (item.level, item.sets, item.repetitions, item.frequency_per_week, item.notes) == (
        2, 3, 12, 4, "Långsamt")
    assert not services.change_dose(cast.physio, item, level=2, sets=3, repetitions=12,
                                    version=1)  # stale form: nothing more


def test_end_and_undo_end(cast):
    item = give(cast.physio, cast.patient)
    assert services.end_prescription(cast.physio, item, now=NOW)
    assert not services.end_prescription(cast.physio, item, now=NOW)
    item.refresh_from_db()
    with pytest.raises(ProgrammeError) as err:
        services.progress(cast.physio, item, version=item.version)
    assert err.value.code == "ended"
    assert services.reopen_prescription(cast.physio, item)
    item.refresh_from_db()
    assert item.ended_at is None and item.ended_by is None
    assert list(AuditEvent.objects.filter(what__startswith="programme.prescription.")
                .order_by("pk").values_list("what", flat=True)) == ["programme.prescription.end",
                                                     "programme.prescription.reopen"]


def test_no_prescription_after_the_episode_has_ended(client, cast):
    from datetime import date

    cast.patient.episodes.update(end_date=date(2026, 3, 19), end_reason="goal_reached")
    data = PrescriptionInput(exercise="promenad", level=1, minutes=10, frequency_per_week=4)
    with pytest.raises(ProgrammeError) as info:
        services.prescribe(cast.physio, cast.patient, data, submission_key=uuid.uuid4())
    assert info.value.code == "episode_ended"
    client.force_login(cast.physio)
    response = client.post(f"/clinic/patients/{cast.patient.ref}/programme/", {
        "exercise": "promenad", "level": "1", "minutes": "10", "frequency_per_week": "4",
        "submission_key": str(uuid.uuid4())})
    assert "Vårdperioden har avslutats" in response.content.decode()
    assert not Prescription.objects.exists()
