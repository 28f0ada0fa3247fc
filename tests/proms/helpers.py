"""Answer questionnaires through the services, as the product does."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

from battrerygg.proms import services

JOURNEY_STARTBACK_CODES = {1: "agree", 0: "disagree"}


def startback_answers(items_1_8, item9):
    answers = {f"sb{n}": JOURNEY_STARTBACK_CODES[v] for n, v in enumerate(items_1_8, start=1)}
    answers["sb9"] = item9
    return answers


def odi_answers(sections):
    from battrerygg.clinical.instruments.odi import SECTIONS

    return {name: str(v) for name, v in zip(SECTIONS, sections, strict=True) if v is not None}


def answer(patient, instrument, answers, *, day: date, timepoint="baseline", assignment=None,
           actor=None, submit=True):
    """Start, answer and (by default) send a questionnaire on ``day`` (noon UTC). As the
    patient, a licensed instrument gets the made-up test wording installed first."""
    from battrerygg.clinical.instruments import REGISTRY
    from tests.proms.wording import install_sample_wording

    actor = actor or patient.user
    language = patient.user.language or "sv"
    if actor == patient.user and not services.patient_can_answer(REGISTRY[instrument],
                                                                 language):
        install_sample_wording([instrument], (language,))
    response, _ = services.start_response(
        patient, instrument, timepoint, actor=actor, today=day,
        assignment_id=assignment.pk if assignment else None,
    )
    for link_id, value in answers.items():
        services.save_answer(response, link_id, value, actor=actor)
    if submit:
        response, _ = services.submit_response(
            response, submission_key=uuid.uuid4(), actor=actor,
            now=datetime(day.year, day.month, day.day, 12, tzinfo=UTC),
        )
    response.refresh_from_db()
    return response


def patient_in_care(email, password, episode_start: date, full_name=""):
    """A patient of a new clinic with a physiotherapist in care of them: (patient, physio)."""
    from battrerygg.accounts.models import Clinic, Role, StaffMembership, User
    from battrerygg.patients.models import CareRelation
    from battrerygg.patients.services import register_patient

    clinic = Clinic.objects.create(name=f"Vårdcentralen {email}")
    physio = User.objects.create_user(email=f"fysio.{email}", password=password,
                                      role=Role.PHYSIOTHERAPIST)
    StaffMembership.objects.create(user=physio, clinic=clinic)
    patient = register_patient(email=email, password=password, full_name=full_name,
                               clinic=clinic, episode_start=episode_start)
    CareRelation.objects.create(physiotherapist=physio, patient=patient, clinic=clinic)
    return patient, physio
