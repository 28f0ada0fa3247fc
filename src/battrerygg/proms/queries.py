"""Reads of questionnaires, always through the access layer; staff reads are audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from battrerygg.audit.keys import What
from battrerygg.audit.services import record_read
from battrerygg.clinical.instruments import REGISTRY, change, schedule
from battrerygg.clinical.instruments.base import Instrument, Licence
from battrerygg.patients.access import AccessDenied, check_read, may_change, visible_patients
from battrerygg.patients.models import Patient
from battrerygg.patients.services import current_episode
from battrerygg.proms import texts
from battrerygg.proms.models import Assignment, InstalledWording, Response, Timepoint


@dataclass(frozen=True)
class DueQuestionnaire:
    """A questionnaire the patient should answer now (plain values for the start page)."""

    instrument: str
    title: Any  # lazy translated text
    timepoint: str
    timepoint_label: Any
    due: date
    closes: date | None  # None: open until answered (assigned)
    assignment_id: int | None
    response_id: int | None
    answered: int
    items: int
    paper_only: bool = False  # licensed, wording not installed: answered on paper

    @property
    def in_progress(self) -> bool:
        return self.response_id is not None


def due_questionnaires(
    user: Any, patient: Patient, today: date, language: str | None = None
) -> list[DueQuestionnaire]:
    """What is due for the patient today: the scheduled questionnaires whose window is open
    (schedule.open_on) and the assigned ones from their due date, minus those already
    sent. Half-answered ones carry their response id so that they resume. ``paper_only``
    marks licensed ones without installed wording in ``language`` (default: the
    patient's), which the patient cannot answer here."""
    language = language or patient.user.language or "sv"
    readable = set(InstalledWording.objects.filter(language=language)
                   .values_list("instrument", flat=True))
    check_read(user, patient, What.PROMS_DUE)
    episode = current_episode(patient)
    if episode is None:
        return []
    responses = list(Response.objects.filter(episode=episode))
    by_slot = {(r.instrument, r.timepoint): r for r in responses if r.assignment_id is None}
    by_assignment = {r.assignment_id: r for r in responses if r.assignment_id is not None}
    due: list[DueQuestionnaire] = []

    def add(instrument: str, timepoint: str, day: date, closes: date | None,
            found: Response | None, assignment_id: int | None) -> None:
        if found is not None and found.submitted:
            return
        due.append(DueQuestionnaire(
            instrument=instrument, title=texts.TITLES[instrument], timepoint=timepoint,
            timepoint_label=Timepoint(timepoint).label, due=day, closes=closes,
            assignment_id=assignment_id, response_id=found.pk if found else None,
            answered=len(found.answers) if found else 0,
            items=len(REGISTRY[instrument].items),
            paper_only=(REGISTRY[instrument].licence is Licence.LICENSED
                        and instrument not in readable),
        ))

    for slot in schedule.open_on(episode.start_date, today):
        add(slot.instrument, slot.timepoint.value, slot.due, slot.closes,
            by_slot.get((slot.instrument, slot.timepoint.value)), None)
    for assignment in Assignment.objects.filter(episode=episode, due_date__lte=today):
        if assignment.instrument in REGISTRY:
            add(assignment.instrument, Timepoint.ASSIGNED, assignment.due_date, None,
                by_assignment.get(assignment.pk), assignment.pk)
    return due


def response(user: Any, response_id: int) -> Response:
    """One response, only if it belongs to a patient ``user`` may see (else AccessDenied)."""
    found = (
        Response.objects.filter(pk=response_id, patient__in=visible_patients(user))
        .select_related("patient", "patient__user", "episode")
        .first()
    )
    if found is None:
        raise AccessDenied
    record_read(actor=user, patient=found.patient, what=What.PROMS_RESPONSE, object_id=found.pk)
    return found


def response_for_change(user: Any, response_id: int) -> Response:
    """A response the user may answer through the patient pages: the patient's own."""
    found = response(user, response_id)
    if not may_change(user, found.patient):
        raise AccessDenied
    return found


def submitted(user: Any, patient: Patient, instrument_id: str | None = None) -> list[Response]:
    """The patient's sent questionnaires, oldest first (one instrument, or all)."""
    check_read(user, patient, What.PROMS_RESULTS)
    found = Response.objects.filter(patient=patient, status=Response.Status.SUBMITTED)
    if instrument_id is not None:
        found = found.filter(instrument=instrument_id)
    return list(found.order_by("submitted_at", "pk"))


def baseline_for(found: Response) -> Response | None:
    """The sent baseline response of the same episode and instrument (not itself)."""
    if found.timepoint == Timepoint.BASELINE:
        return None
    return Response.objects.filter(
        episode_id=found.episode_id, instrument=found.instrument,
        timepoint=Timepoint.BASELINE, status=Response.Status.SUBMITTED,
    ).first()


def change_from_baseline(found: Response) -> change.Change | None:
    """C6: the change of this sent response from its baseline, when the instrument has a
    known minimal important change (NRS, ODI) and both have a score."""
    measure = REGISTRY[found.instrument].change_measure
    base = baseline_for(found)
    if measure is None or base is None or base.total is None or found.total is None:
        return None
    return change.change(measure, base.total, found.total)


def wording(instrument: Instrument, language: str) -> InstalledWording | None:
    """The installed official wording of a licensed instrument in ``language``."""
    return InstalledWording.objects.filter(instrument=instrument.id, language=language).first()

