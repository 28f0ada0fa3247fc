"""Template tags of the care app for the patient's pages."""

from __future__ import annotations

from typing import Any

from django import template

from battrerygg.care import queries
from battrerygg.patients.access import AccessDenied, own_patient
from battrerygg.patients.services import current_episode

register = template.Library()


@register.inclusion_tag("care/_episode_notice.html")
def episode_notice(user: Any, patient: Any = None) -> dict[str, Any]:
    """For a patient: their latest episode, when it has ended (reason and date only).
    patient: the user's patient record when the page has it (saves a query)."""
    if patient is None:
        try:
            patient = own_patient(user)
        except AccessDenied:
            return {}
    if current_episode(patient) is not None:
        return {}
    episode = queries.latest_episode(user, patient)
    return {"episode": episode if episode is not None and episode.end_date else None}
