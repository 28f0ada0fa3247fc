"""The care records on the physiotherapist's timeline of a patient (patients.timeline):
assessments (each version), consent given or withdrawn, invitations and episode endings."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from battrerygg.care import queries
from battrerygg.patients.models import Patient
from battrerygg.patients.timeline import Event, register


def _by(user: Any) -> str:
    return gettext("by %(name)s") % {"name": user.full_name or user.email} if user else ""


@register("care", _("Assessment and enrolment"), order=3)
def care_source(user: Any, patient: Patient) -> Iterable[Event]:
    """Events of the patient's care records, read through care.queries."""
    assessment_url = reverse("care:assessment", kwargs={"ref": patient.ref})
    for found in queries.assessments(user, patient):
        details = [found.get_classification_display(), found.get_pathway_display()]
        if found.stratum:
            details.insert(1, found.get_stratum_display())
        if found.referral_note:
            details.append(gettext("Referred to: %(where)s") % {"where": found.referral_note})
        if found.note:
            details.append(found.note)
        details.append(_by(found.assessed_by))
        yield Event(at=found.created_at, kind="care",
                    title=gettext("Assessment, version %(n)s") % {"n": found.version},
                    details=tuple(str(d) for d in details if d), url=assessment_url,
                    tone="high" if found.referral_note else "")
    for consent in queries.consents(user, patient):
        yield Event(at=consent.given_at, kind="care", title=gettext("Consent given; enrolled"),
                    details=(consent.get_method_display(), _by(consent.recorded_by)))
        if consent.withdrawn_at:
            yield Event(at=consent.withdrawn_at, kind="care",
                        title=gettext("Consent withdrawn"), tone="acc",
                        details=tuple(x for x in (consent.get_withdrawal_method_display(),
                                                  consent.withdrawal_note,
                                                  _by(consent.withdrawn_by)) if x))
    for invite in queries.invites(user, patient):
        yield Event(at=invite.sent_at, kind="care", title=gettext("Invitation e-mailed"),
                    details=(_by(invite.sent_by),))
    for ending in queries.endings(user, patient):
        yield Event(at=ending.ended_at, kind="care",
                    title=gettext("Episode ended: %(reason)s") % {
                        "reason": ending.episode.get_end_reason_display()},
                    details=tuple(x for x in (ending.note, _by(ending.ended_by)) if x))
