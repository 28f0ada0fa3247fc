"""Sent questionnaires on the physiotherapist's timeline of a patient
(``patients.timeline``): one event per response, with its score, category and, for a
follow-up of NRS or ODI, the change since baseline and its verdict (SPEC C6: a worsening is
named as such; no verdict from a baseline of 0)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from battrerygg.patients.models import Patient
from battrerygg.patients.timeline import Event, register
from battrerygg.proms import queries, texts


@register("questionnaires", _("Questionnaires"), order=40)
def questionnaires_source(user: Any, patient: Patient) -> Iterable[Event]:
    """Events of the patient's sent questionnaires, read through proms.queries."""
    for response in queries.submitted(user, patient):
        category = texts.CATEGORIES.get((response.instrument, response.category), "")
        score = (f"{number_format(response.total.normalize())} "
                 f"{texts.SHORT_SCALE[response.instrument]}"
                 if response.total is not None else gettext("no score"))
        yield Event(
            at=response.submitted_at or response.started_at, kind="questionnaires",
            title=f"{texts.TITLES[response.instrument]}: {score}",
            details=tuple(str(x) for x in (category, response.get_timepoint_display(),
                                           _change(response)) if x),
        )


def _change(response: Any) -> str:
    """"Since the start: −4 (clinically important improvement)", or "" without a change."""
    found = queries.change_from_baseline(response)
    if found is None:
        return ""
    points = number_format(found.points.normalize())
    if found.points > 0:
        points = f"+{points}"
    if found.verdict is None:
        return gettext("Since the start: %(points)s") % {"points": points}
    return gettext("Since the start: %(points)s (%(verdict)s)") % {
        "points": points, "verdict": texts.CHANGE_VERDICTS[found.verdict.value]}
