"""Red-flag checks on the physiotherapist's timeline of a patient (``patients.timeline``):
one event per check, with its outcome and the warning signs answered yes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from battrerygg.clinical.red_flags import Outcome, Sign
from battrerygg.patients.models import Patient
from battrerygg.patients.timeline import Event, register
from battrerygg.redflags import queries
from battrerygg.redflags.texts import ADVICE, QUESTIONS


@register("red_flags", _("Red flags"), order=5)
def red_flags_source(user: Any, patient: Patient) -> Iterable[Event]:
    """Events of the patient's red-flag checks, read through redflags.queries."""
    for check in queries.checks(user, patient):
        yes = [str(QUESTIONS[Sign(key)]) for key, value in check.answers.items()
               if value and key in Sign.__members__.values()]
        outcome = Outcome(check.outcome)
        yield Event(
            at=check.created_at, kind="red_flags",
            title=gettext("Red-flag check: %(outcome)s") % {"outcome": ADVICE[outcome]["heading"]},
            details=tuple(yes) or (gettext("No warning signs answered yes."),),
            tone={Outcome.EMERGENCY: "high", Outcome.SEEK_CARE_TODAY: "high",
                  Outcome.SEEK_CARE_SOON: "high",
                  Outcome.CONTACT_PHYSIOTHERAPIST: "acc"}.get(outcome, "safe"),
        )
