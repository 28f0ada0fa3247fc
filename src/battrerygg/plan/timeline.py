"""Balance check-ins and weekly goals on the physiotherapist's timeline of a patient
(``patients.timeline``). A check-in has only a local date: it is placed at noon that day."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from battrerygg.localtime import at_noon
from battrerygg.patients.models import Patient
from battrerygg.patients.timeline import Event, register
from battrerygg.plan import queries
from battrerygg.plan.texts import TILT_TEXT


@register("balance", _("Balance"), order=20)
def balance_source(user: Any, patient: Patient) -> Iterable[Event]:
    """Events of the patient's balance check-ins (tilt, mean capacity and load), read
    through plan.queries."""
    for checkin in queries.checkins(user, patient):
        ratings = checkin.ratings
        yield Event(
            at=at_noon(checkin.local_date, patient.tz), kind="balance",
            title=gettext("Balance check-in: %(tilt)s") % {
                "tilt": TILT_TEXT[checkin.tilt]["heading"]},
            details=(gettext("capacity %(c)s, loads %(l)s (means, 0–10)") % {
                "c": number_format(float(ratings.mean_capacity), 1),
                "l": number_format(float(ratings.mean_load), 1)},),
        )


@register("goals", _("Goals"), order=30)
def goals_source(user: Any, patient: Patient) -> Iterable[Event]:
    """Events of the patient's weekly goals (set, and ended when they were), read through
    plan.queries."""
    for goal in queries.all_goals(user, patient):
        yield Event(
            at=goal.created_at, kind="goals",
            title=gettext("Weekly goal: %(activity)s, %(target)s %(unit)s") % {
                "activity": goal.get_activity_display(), "target": goal.target,
                "unit": goal.get_unit_display()},
            details=(gettext("ended %(day)s") % {"day": goal.ends_on},) if goal.ends_on else (),
        )
