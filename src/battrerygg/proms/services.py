"""Every write to questionnaires: in a transaction, audited, checked again here (the form
is not the only caller), and harmless to repeat."""

from __future__ import annotations

import unicodedata
import uuid
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from battrerygg.audit.keys import What
from battrerygg.audit.services import record_change
from battrerygg.clinical.instruments import REGISTRY, schedule
from battrerygg.clinical.instruments.base import AnswerError, Instrument, ItemType, Licence
from battrerygg.localtime import local_date
from battrerygg.patients.access import check_enter_answers, check_treat, is_self
from battrerygg.patients.models import Patient
from battrerygg.patients.services import current_episode
from battrerygg.proms.models import Assignment, InstalledWording, Response, Timepoint
from battrerygg.submissions import create_once, save_once


class PromsError(ValueError):
    """A questionnaire write that breaks a rule; ``code`` names it for the page to translate
    (texts.ERRORS). ``link_id`` names the item, when there is one."""

    def __init__(self, code: str, link_id: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.link_id = link_id


def instrument_of(instrument_id: str) -> Instrument:
    try:
        return REGISTRY[instrument_id]
    except KeyError:
        raise PromsError("unknown_instrument") from None


@transaction.atomic
def assign_questionnaire(
    patient: Patient, instrument_id: str, due_date: date, *, actor: Any
) -> Assignment:
    """The physiotherapist asks the patient to answer a questionnaire from ``due_date``.

    Raises AccessDenied unless ``actor`` is a physiotherapist in care of the patient,
    PromsError("unknown_instrument") or ("no_episode").
    """
    check_treat(actor, patient)
    instrument_of(instrument_id)
    episode = current_episode(patient)
    if episode is None:
        raise PromsError("no_episode")
    assignment = Assignment.objects.create(
        patient=patient, episode=episode, instrument=instrument_id, due_date=due_date,
        assigned_by=actor,
    )
    record_change(actor=actor, patient=patient, action="create", what=What.PROMS_ASSIGNMENT,
                  object_id=assignment.pk)
    return assignment


def patient_can_answer(instrument: Instrument, language: str) -> bool:
    """A patient answers at home only what they can read: our own instruments, and a
    licensed one once its official wording is installed in their language (SPEC C4).
    Otherwise it is filled in on paper and entered by the physiotherapist."""
    return instrument.licence is not Licence.LICENSED or InstalledWording.objects.filter(
        instrument=instrument.id, language=language).exists()


def _check_open(response: Response, today: date) -> None:
    """A scheduled questionnaire can be answered only while its window is open (an answer
    sent later would not be the value of that timepoint); an assigned one until sent.
    Raises PromsError("closed")."""
    if response.assignment_id is not None or response.submitted:
        return
    if not schedule.is_open(response.episode.start_date, schedule.Timepoint(response.timepoint),
                            response.instrument, today):
        raise PromsError("closed")


def start_response(
    patient: Patient,
    instrument_id: str,
    timepoint: str,
    *,
    actor: Any,
    today: date,
    assignment_id: int | None = None,
    language: str = "sv",
) -> tuple[Response, bool]:
    """Open (or resume) the patient's questionnaire for a timepoint. Returns (response,
    created); an existing response, in progress or sent, is returned unchanged.

    Raises PromsError("unknown_instrument"), ("unknown_timepoint"), ("paper_only") when
    the patient would answer a licensed instrument whose wording is not installed in
    ``language`` (see ``patient_can_answer``), ("not_due") when the
    questionnaire is not open today for this patient (outside its window, not assigned,
    another patient's assignment), AccessDenied when ``actor`` may not enter it.
    """
    check_enter_answers(actor, patient)
    instrument = instrument_of(instrument_id)
    if timepoint not in Timepoint.values:
        raise PromsError("unknown_timepoint")
    if is_self(actor, patient) and not patient_can_answer(instrument, language):
        raise PromsError("paper_only")
    episode = current_episode(patient)
    if episode is None:
        raise PromsError("not_due")
    assignment = None
    lookup: dict[str, Any] = {"episode": episode, "instrument": instrument_id,
                              "timepoint": timepoint}
    if timepoint == Timepoint.ASSIGNED:
        assignment = Assignment.objects.filter(
            pk=assignment_id, patient=patient, episode=episode, instrument=instrument_id,
            due_date__lte=today,
        ).first() if assignment_id else None
        if assignment is None:
            raise PromsError("not_due")
        lookup = {"assignment": assignment}

    def create() -> Response:
        if assignment is None and not schedule.is_open(
            episode.start_date, schedule.Timepoint(timepoint), instrument_id, today
        ):
            raise PromsError("not_due")
        response = Response.objects.create(
            patient=patient, episode=episode, instrument=instrument_id,
            timepoint=timepoint, assignment=assignment, language=language,
            entered_by=actor,
        )
        record_change(actor=actor, patient=patient, action="create",
                      what=What.PROMS_RESPONSE, object_id=response.pk)
        return response

    # one response per episode, instrument and timepoint (a constraint), one per assignment
    response, created = create_once(lambda: Response.objects.filter(**lookup).first(), create)
    if not created:
        _check_open(response, today)
    return response, created


@transaction.atomic
def save_answer(response: Response, link_id: str, raw: str, *, actor: Any) -> bool:
    """Save one answer as the patient goes (an empty answer clears an optional item).
    Returns True when something changed (then audited); the same answer again changes
    nothing.

    Raises PromsError with the clinical core's code (unknown_item, unknown_option,
    not_a_number, out_of_range, too_long, required), ("already_submitted") or ("closed").
    """
    response = Response.objects.select_for_update().select_related(
        "patient", "episode").get(pk=response.pk)
    check_enter_answers(actor, response.patient)
    if response.submitted:
        raise PromsError("already_submitted")
    _check_open(response, local_date(response.patient.tz))
    instrument = instrument_of(response.instrument)
    try:
        value = instrument.check_answer(link_id, raw)
    except AnswerError as exc:
        raise PromsError(exc.code, exc.link_id) from None
    answers = dict(response.answers)
    if answers.get(link_id) == value:
        return False
    if value is None:
        answers.pop(link_id, None)
    else:
        answers[link_id] = value
    response.answers = answers
    response.save(update_fields=["answers", "updated_at"])
    record_change(actor=actor, patient=response.patient, action="update",
                  what=What.PROMS_ANSWER, object_id=f"{response.pk}:{link_id}")
    return True


def submit_response(
    response: Response, *, submission_key: uuid.UUID, actor: Any, now: datetime | None = None
) -> tuple[Response, bool]:
    """Send the questionnaire: score it (clinical core) and keep the score. Returns
    (response, sent_now); sending a sent questionnaire again changes nothing.

    Raises PromsError("incomplete", link_id of the first unanswered required item),
    ("no_activity") for a PSFS without a rated activity, ("too_many_unanswered") for an
    ODI that could not be scored, ("closed") when a scheduled questionnaire's window has
    passed, or an answer's code should a stored answer no longer be valid. A form with no
    score is never sent: it would use up the timepoint without a value.
    """
    now = now or timezone.now()
    with transaction.atomic():
        response = Response.objects.select_for_update().select_related(
            "patient", "episode").get(pk=response.pk)
        check_enter_answers(actor, response.patient)
        if response.submitted:
            return response, False
        _check_open(response, local_date(response.patient.tz, now))
        instrument = instrument_of(response.instrument)
        try:
            answers = instrument.check_answers(response.answers)
        except AnswerError as exc:
            raise PromsError(exc.code, exc.link_id) from None
        missing = instrument.unanswered_required(answers)
        if missing:
            raise PromsError("incomplete", missing[0])
        result = instrument.scorer(answers)
        if result.missing_reason is not None:  # e.g. an ODI with 3+ sections unanswered
            raise PromsError(result.missing_reason)
        response.answers = answers
        response.total = result.total
        response.category = result.category or ""
        response.subscales = {name: str(value) for name, value in result.subscales.items()}
        response.missing_reason = result.missing_reason or ""
        response.status = Response.Status.SUBMITTED
        response.submitted_at = now

        def send(key: uuid.UUID) -> Response:
            response.submission_key = key
            response.save()
            record_change(actor=actor, patient=response.patient, action="update",
                          what=What.PROMS_SUBMIT, object_id=response.pk)
            return response

        # The locked row is what is sent once; the key is stored like every form's.
        return save_once(
            lambda key: Response.objects.filter(patient=response.patient,
                                                submission_key=key).first(),
            send, submission_key, {"response": response.pk},
        )


# Installing the official wording of a licensed instrument (docs/questionnaire-wording.md).

FORMAT = "battrerygg-questionnaire-wording/1"
LANGUAGES = ("sv", "en")


class WordingError(ValueError):
    """A wording file that does not fit the instrument; the message says where.
    ``file_index``: which of the files given to ``install_wording`` (0-based)."""

    file_index: int | None = None


TEXT_LIMITS = {"version": 40, "title": 200, "licence_holder": 200, "reference": 500,
               "intro": 5000}
"""Longest accepted texts, in characters (the database columns); other texts: 1000."""


def _text(data: dict[str, Any], key: str, where: str, *, required: bool = True) -> str:
    value = data.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise WordingError(f"{where}: '{key}' must be a non-empty text")
    limit = TEXT_LIMITS.get(key, 1000) if where == "file" else 1000
    if len(value) > limit:
        raise WordingError(f"{where}: '{key}' is longer than {limit} characters")
    if any(unicodedata.category(c) in {"Cc", "Cs"} and c not in "\n\t" for c in value):
        raise WordingError(f"{where}: '{key}' holds control or invalid characters")
    return value.strip()


def check_wording(data: Any) -> dict[str, Any]:
    """A wording file's content checked strictly against the instrument's structure.

    Raises WordingError naming the first problem: wrong format, unknown instrument or one
    whose wording we ship, unknown language, unknown or missing item, unknown or missing
    answer option, unexpected keys.
    """
    if not isinstance(data, dict):
        raise WordingError("the file must hold one JSON object")
    allowed = {"format", "instrument", "version", "language", "title", "licence_holder",
               "reference", "intro", "items", "options", "anchors"}
    extra = set(data) - allowed
    if extra:
        raise WordingError(f"unknown keys: {', '.join(sorted(extra))}")
    if data.get("format") != FORMAT:
        raise WordingError(f"'format' must be {FORMAT!r}")
    instrument_id = _text(data, "instrument", "file")
    instrument = REGISTRY.get(instrument_id)
    if instrument is None:
        raise WordingError(f"unknown instrument {instrument_id!r}")
    if instrument.licence is not Licence.LICENSED:
        raise WordingError(f"{instrument_id}: its wording ships with BättreRygg")
    language = _text(data, "language", "file")
    if language not in LANGUAGES:
        raise WordingError(f"language must be one of {', '.join(LANGUAGES)}")
    items = data.get("items")
    if not isinstance(items, dict):
        raise WordingError("'items' must be an object {linkId: text}")
    unknown = set(items) - set(instrument.link_ids)
    if unknown:
        raise WordingError(f"unknown items: {', '.join(sorted(unknown))}")
    missing = [link_id for link_id in instrument.link_ids if link_id not in items]
    if missing:
        raise WordingError(f"missing items: {', '.join(missing)}")
    for link_id in instrument.link_ids:
        _text(items, link_id, f"items.{link_id}")
    options = data.get("options", {})
    if not isinstance(options, dict):
        raise WordingError("'options' must be an object {linkId: {code: label}}")
    for link_id, labels in options.items():
        item = instrument.item(link_id) if link_id in instrument.link_ids else None
        if item is None or item.type is not ItemType.CHOICE:
            raise WordingError(f"options.{link_id}: not a choice item")
        codes = {option.code for option in item.options}
        if not isinstance(labels, dict) or set(labels) != codes:
            raise WordingError(
                f"options.{link_id}: give a label for exactly the codes {', '.join(sorted(codes))}"
            )
        for code in codes:
            _text(labels, code, f"options.{link_id}.{code}")
    for item in instrument.items:
        if item.type is ItemType.CHOICE and item.link_id not in options:
            raise WordingError(f"options.{item.link_id}: missing")
    anchors = data.get("anchors", {})
    if not isinstance(anchors, dict):
        raise WordingError("'anchors' must be an object {linkId: {min, max}}")
    for link_id, ends in anchors.items():
        if link_id not in instrument.link_ids or instrument.item(link_id).type is not (
            ItemType.INTEGER
        ):
            raise WordingError(f"anchors.{link_id}: not a number item")
        if not isinstance(ends, dict) or set(ends) != {"min", "max"}:
            raise WordingError(f"anchors.{link_id}: give 'min' and 'max'")
        for key in ("min", "max"):
            _text(ends, key, f"anchors.{link_id}")
    return {
        "instrument": instrument_id, "language": language,
        "version": _text(data, "version", "file"), "title": _text(data, "title", "file"),
        "licence_holder": _text(data, "licence_holder", "file"),
        "reference": _text(data, "reference", "file", required=False),
        "intro": _text(data, "intro", "file", required=False),
        "items": {k: v.strip() for k, v in items.items()},
        "options": {k: {c: t.strip() for c, t in v.items()} for k, v in options.items()},
        "anchors": {k: {e: t.strip() for e, t in v.items()} for k, v in anchors.items()},
    }


@transaction.atomic
def install_wording(files: list[Any]) -> list[InstalledWording]:
    """Install (or replace) the wording of each file's instrument and language. All or
    nothing: a WordingError in any file leaves the database as it was."""
    checked = []
    for index, data in enumerate(files):
        try:
            checked.append(check_wording(data))
        except WordingError as exc:
            exc.file_index = index
            raise
    installed = []
    for values in checked:
        wording, _created = InstalledWording.objects.update_or_create(
            instrument=values.pop("instrument"), language=values.pop("language"),
            defaults=values,
        )
        installed.append(wording)
    return installed
