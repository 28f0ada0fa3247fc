"""Demo data of the care records: Anna assessed (non-specific low back pain, STarT Back
medium risk → physiotherapy programme with supervised training), her consent and
enrolment. Idempotent: a second run changes nothing."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from battrerygg.care import services
from battrerygg.care.models import Assessment, Consent
from battrerygg.clinical.red_flags import Sign
from battrerygg.patients.models import Patient
from battrerygg.patients.services import current_episode

# Medium risk (total 5, psychosocial 2), used only if the demo has no STarT Back yet.
STARTBACK_MEDIUM = {"sb1": "agree", "sb2": "disagree", "sb3": "agree", "sb4": "agree",
                    "sb5": "agree", "sb6": "agree", "sb7": "disagree", "sb8": "disagree",
                    "sb9": "moderately"}
DEMO_KEY = uuid.UUID("6f1d3c2a-5b1e-4c1a-9a53-0d3e1f2a4b01")


def load(*, now: datetime, physio: Any, patient: Patient) -> None:
    """Give ``patient`` (Anna) an assessment by ``physio`` and her consent and enrolment
    from the start of her current episode. Needs an open episode and a care relation."""
    episode = current_episode(patient)
    if episode is None:
        return
    if not Assessment.objects.filter(episode=episode).exists():
        answered = "startback" in services.baseline_responses(episode)
        services.record_assessment(
            physio, patient,
            services.AssessmentInput(
                red_flags={sign.value: False for sign in Sign},
                classification="non_specific",
                note="Ländryggssmärta sedan tre veckor efter flytt. Inga varningstecken. "
                     "Rädd att lyfta; vill tillbaka till promenader och barnbarnet.",
                paper={} if answered else {"startback": STARTBACK_MEDIUM},
            ),
            submission_key=DEMO_KEY, now=now,
        )
    if not Consent.objects.filter(episode=episode, withdrawn_at__isnull=True).exists():
        services.enrol(physio, patient, consent_given=True, method=Consent.Method.IN_PERSON,
                       enrolled_on=episode.start_date, submission_key=DEMO_KEY, now=now)
