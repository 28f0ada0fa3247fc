"""Reading the authentication rows of the access log in tests (``audit.auth_events``)."""

from __future__ import annotations

import io

from django.core.management import call_command

from battrerygg.audit.models import AuditEvent


def auth_rows(what=None) -> list[AuditEvent]:
    """The rows of authentication events (``what`` starting with "auth."), oldest first."""
    rows = AuditEvent.objects.filter(what__startswith="auth.").order_by("seq")
    return list(rows.filter(what=what) if what is not None else rows)


def every_value(row: AuditEvent) -> str:
    """Every stored field of ``row`` as one text, to look for what must not be there."""
    return " ".join(str(getattr(row, field.attname)) for field in AuditEvent._meta.fields)


def chain_intact() -> bool:
    """``battrerygg verify_audit`` passes (it raises SystemExit on a broken chain)."""
    call_command("verify_audit", stdout=io.StringIO())
    return True
