"""Form data and service calls shared by the care tests."""

from __future__ import annotations

import uuid

from battrerygg.clinical.red_flags import Sign

STARTBACK = {
    "low": {**{f"sb{n}": "disagree" for n in range(1, 9)}, "sb9": "not_at_all"},
    "medium": {**{f"sb{n}": "agree" if n <= 4 else "disagree" for n in range(1, 9)},
               "sb9": "slightly"},
    "high": {**{f"sb{n}": "agree" for n in range(1, 9)}, "sb9": "extremely"},
}


def red_flags(yes: tuple[str, ...] = ()) -> dict[str, bool]:
    return {s.value: s.value in yes for s in Sign}


def assessment_post(classification: str = "non_specific", stratum: str | None = "medium",
                    yes: tuple[str, ...] = (), key: str | None = None, **extra: str) -> dict:
    data = {s.value: ("yes" if s.value in yes else "no") for s in Sign}
    data.update(classification=classification, note="Ont sedan två veckor.",
                submission_key=key or str(uuid.uuid4()))
    if stratum:
        data.update({f"startback__{k}": v for k, v in STARTBACK[stratum].items()})
    data.update(extra)
    return data


def assess(physio, patient, stratum: str = "medium", classification: str = "non_specific",
           referral_note: str = "", key=None):
    from battrerygg.care.services import AssessmentInput, record_assessment

    return record_assessment(
        physio, patient,
        AssessmentInput(red_flags=red_flags(), classification=classification,
                        referral_note=referral_note,
                        paper={"startback": STARTBACK[stratum]} if stratum else {}),
        submission_key=key or uuid.uuid4(),
    )


def enrol(physio, patient, key=None):
    from datetime import date

    from battrerygg.care.services import enrol as enrol_service

    return enrol_service(physio, patient, consent_given=True, method="in_person",
                         enrolled_on=date(2026, 3, 10), submission_key=key or uuid.uuid4())


def snapshot():
    """Counts of every table the care pages write (audit: the change rows), to show that
    nothing changed."""
    from battrerygg.accounts.models import User
    from battrerygg.audit.models import AuditEvent
    from battrerygg.care.models import Assessment, Consent, EpisodeEnding, Invite
    from battrerygg.patients.models import CareRelation, Episode, Patient
    from battrerygg.proms.models import Response

    return {
        m.__name__: m.objects.count()
        for m in (User, Patient, Episode, CareRelation, Assessment, Consent, Invite,
                  EpisodeEnding, Response)
    } | {"ended": Episode.objects.filter(end_date__isnull=False).count(),
         # a page sent back with its errors is a read (one row); changes must be none (a
         # refusal is logged as "denied")
         "changes": AuditEvent.objects.exclude(action__in=("read", "denied")).count()}
