"""Sent questionnaires on the physiotherapist's timeline of a patient
(``patients.timeline``): one event per response, with its score and category."""

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
            details=tuple(str(x) for x in (category, response.get_timepoint_display()) if x),
        )
