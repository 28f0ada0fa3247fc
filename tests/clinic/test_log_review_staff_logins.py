"""Staff logins (and failed ones) are in the clinic's log review, found by staff member,
and in its CSV export, with the method or reason; never a password."""

from __future__ import annotations

import pytest

from battrerygg.audit.keys import What
from tests.accounts.helpers import code_now, give_app, password_login
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db
WRONG = "Fel-losenord-2026"


def _search(client, **data):
    from django.utils import timezone

    today = timezone.localdate().isoformat()
    base = {"start": today, "end": today, "patient": "", "staff": ""}
    return client.post("/clinic/log/", {**base, **data})


def test_the_reviewer_finds_a_staff_members_logins(client, cast):
    give_app(cast.physio)
    password_login(client, "physio@example.se", WRONG)
    password_login(client, "physio@example.se", PASSWORD)
    client.post("/accounts/2fa/authenticate/", {"code": code_now()})
    client.force_login(cast.clinic_admin)
    result = _search(client, staff=str(cast.physio.pk)).context["result"]
    found = {(r.event.what, r.event.object_id) for r in result.rows}
    assert {(What.LOGIN_FAILED, "wrong password"), (What.LOGIN, "password+totp")} <= found
    html = _search(client, staff=str(cast.physio.pk)).content.decode()
    assert "misslyckad inloggning" in html and "inloggning" in html
    body = b"".join(_search(client, staff=str(cast.physio.pk), export="csv")
                    .streaming_content).decode("utf-8-sig")
    assert "auth.login;password+totp" in body and "auth.login.failed;wrong password" in body
    assert WRONG not in body and PASSWORD not in body
