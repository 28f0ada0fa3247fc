"""Reads of the care records, through the access layer. Staff reads are audited
(``record_read``; inside a staff page's scope the page's own row stands for them)."""

from __future__ import annotations

from typing import Any

from battrerygg.audit.keys import What
from battrerygg.care.models import Assessment, Consent, EpisodeEnding, Invite
from battrerygg.care.services import baseline_responses, enrolment_red_flags
from battrerygg.clinical.red_flags import Outcome
from battrerygg.patients.access import AccessDenied, check_read, may_see
from battrerygg.patients.models import Episode, Patient
from battrerygg.proms.models import Response


def assessments(user: Any, patient: Patient) -> list[Assessment]:
    """Every version of every assessment of the patient, newest first."""
    check_read(user, patient, What.ASSESSMENT)
    return list(Assessment.objects.filter(patient=patient)
                .select_related("assessed_by", "episode").order_by("-created_at", "-pk"))


def current_assessment(user: Any, patient: Patient, episode: Episode | None = None
                       ) -> Assessment | None:
    """The latest version of the assessment of ``episode`` (default: the latest episode)."""
    check_read(user, patient, What.ASSESSMENT)
    episode = episode or latest_episode(user, patient)
    if episode is None:
        return None
    return (Assessment.objects.filter(episode=episode).select_related("assessed_by")
            .order_by("-version").first())


def enrolment_outcome(user: Any, patient: Patient, assessment: Assessment
                      ) -> tuple[Outcome, Any]:
    """The red-flag outcome an enrolment answers to and the patient's check that set it, if
    any (``services.enrolment_red_flags``); reading the patient's checks needs their access."""
    check_read(user, patient, What.RED_FLAG_CHECK)
    return enrolment_red_flags(patient, assessment)


def consents(user: Any, patient: Patient) -> list[Consent]:
    """The patient's consents, newest first (withdrawn ones included)."""
    check_read(user, patient, What.CONSENT)
    return list(Consent.objects.filter(patient=patient)
                .select_related("recorded_by", "withdrawn_by").order_by("-given_at", "-pk"))


def invites(user: Any, patient: Patient) -> list[Invite]:
    """Invitations sent to the patient, newest first."""
    check_read(user, patient, What.INVITE)
    return list(Invite.objects.filter(patient=patient).select_related("sent_by"))


def latest_episode(user: Any, patient: Patient) -> Episode | None:
    """The patient's latest episode (open or ended)."""
    if not may_see(user, patient):
        raise AccessDenied
    return patient.episodes.order_by("-start_date", "-pk").first()


def ending(user: Any, patient: Patient, episode: Episode) -> EpisodeEnding | None:
    """Who ended ``episode`` (of ``patient``), when and with what note."""
    check_read(user, patient, What.EPISODE)
    if episode.patient_id != patient.pk:
        raise AccessDenied
    return EpisodeEnding.objects.filter(episode=episode).select_related("ended_by").first()


def baseline(user: Any, patient: Patient, episode: Episode) -> dict[str, Response]:
    """The episode's sent baseline questionnaires by instrument id."""
    check_read(user, patient, What.PROMS_RESULTS)
    if episode.patient_id != patient.pk:
        raise AccessDenied
    return baseline_responses(episode)


def endings(user: Any, patient: Patient) -> list[EpisodeEnding]:
    """Every ended episode of the patient with who ended it, newest first."""
    check_read(user, patient, What.EPISODE)
    return list(EpisodeEnding.objects.filter(episode__patient=patient)
                .select_related("ended_by", "episode").order_by("-ended_at", "-pk"))
