"""Invitation links (SPEC T2): the link a patient or a new staff member gets by e-mail, and
what it depends on in the care records.

The token is the accounts app's (``accounts/invites.py``: Django's password-reset tokens
with our own salt); the page that takes it is ``care/invite_views.py``. Care adds to the
token's hash the latest invitation, so a resent invitation voids the earlier link, and for
a patient their active consent in an open episode (its id, or none), so withdrawing consent
or ending the episode voids an outstanding link. Staff accounts (invited by their clinic
admin) have no invitation row and no consent, so their links are unaffected. Registered
when the app is ready (``care/apps.py``).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.urls import reverse

from battrerygg.accounts.invites import invite_path, invite_state
from battrerygg.accounts.models import Role
from battrerygg.care.models import Consent, Invite
from battrerygg.patients.access import has_role


@invite_state
def care_state(user: Any) -> str:
    """``|<latest invitation id or None>``, and for a patient ``|consent:<id or None>``."""
    latest = (
        Invite.objects.filter(patient__user=user).order_by("-pk")
        .values_list("pk", flat=True).first()
    )
    value = f"|{latest}"
    if has_role(user, Role.PATIENT):
        consent = (
            Consent.objects.filter(patient__user=user, withdrawn_at__isnull=True,
                                   episode__end_date__isnull=True)
            .order_by("-pk").values_list("pk", flat=True).first()
        )
        value = f"{value}|consent:{consent}"
    return value


def invite_link(user: Any, *, base_url: str | None = None) -> str:
    """The absolute invitation link for ``user``: ``base_url`` (else ``SITE_URL``) and the
    ``invite:confirm`` page with a fresh token."""
    uid, token = invite_path(user)
    return (base_url or settings.SITE_URL).rstrip("/") + reverse(
        "invite:confirm", kwargs={"uidb64": uid, "token": token})
