"""The programme's events on the physiotherapist's timeline of a patient (patients.timeline):
each prescription, each dose change and each ending. Sessions appear as diary entries."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from battrerygg.patients.models import Patient
from battrerygg.patients.timeline import Event, register
from battrerygg.programme import library, queries
from battrerygg.programme.templatetags.programme_tags import dose, per_week


@register("programme", _("Exercise programme"), order=35)
def prescriptions_source(user: Any, patient: Patient) -> Iterable[Event]:
    """Events of every prescription (current and ended): prescribed, each dose change
    (undone ones marked), ended. Reads through programme.queries (the access layer)."""
    url = reverse("programme_staff:programme", kwargs={"ref": patient.ref})
    for ended in (False, True):
        for item in queries.prescriptions(user, patient, ended=ended).prefetch_related(
            "dose_changes"
        ):
            found = library.exercise(library.language(), item.exercise)
            name = found.title if found else item.exercise
            for change in item.dose_changes.all():
                details = [gettext("level %(n)s") % {"n": change.level} + f", {dose(change)}"]
                if change.kind == "prescribed":
                    details.append(per_week(item.frequency_per_week))
                if change.undone_at is not None:
                    details.append(gettext("undone"))
                yield Event(
                    at=change.changed_at, kind="programme",
                    title=f"{change.get_kind_display()}: {name}",
                    details=tuple(details), url=f"{url}#p{item.pk}",
                )
            if item.ended_at is not None:
                yield Event(at=item.ended_at, kind="programme",
                            title=gettext("Prescription ended: %(name)s") % {"name": name},
                            url=url)
