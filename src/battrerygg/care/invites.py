"""What an invitation link depends on in the care records (SPEC T2).

The link itself is the accounts app's (``accounts/invites.py``: Django's password-reset
tokens with our own salt). Care adds to its hash the latest invitation, so a resent
invitation voids the earlier link, and for a patient their active consent in an open
episode (its id, or none), so withdrawing consent or ending the episode voids an
outstanding link. Staff accounts (invited by their clinic admin) have no invitation row
and no consent, so their links are unaffected. Registered when the app is ready.
"""

from __future__ import annotations

from typing import Any

from battrerygg.accounts.invites import invite_state
from battrerygg.accounts.models import Role
from battrerygg.care.models import Consent, Invite


@invite_state
def care_state(user: Any) -> str:
    """``|<latest invitation id or None>``, and for a patient ``|consent:<id or None>``."""
    latest = (
        Invite.objects.filter(patient__user=user).order_by("-pk")
        .values_list("pk", flat=True).first()
    )
    value = f"|{latest}"
    if user.role == Role.PATIENT:
        consent = (
            Consent.objects.filter(patient__user=user, withdrawn_at__isnull=True,
                                   episode__end_date__isnull=True)
            .order_by("-pk").values_list("pk", flat=True).first()
        )
        value = f"{value}|consent:{consent}"
    return value
