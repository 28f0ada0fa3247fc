"""Sessions ended by the user from the sessions page are a row of the access log (how
many), never a session key."""

from __future__ import annotations

import pytest
from django.test import Client

from battrerygg.audit.keys import What
from tests.audit.auth_helpers import auth_rows, chain_intact, every_value
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_ending_the_other_sessions_writes_one_row(cast):
    laptop, phone = Client(REMOTE_ADDR="10.1.1.1"), Client(REMOTE_ADDR="10.2.2.2")
    for device in (laptop, phone):
        device.post("/accounts/login/", {"login": "anna@example.se", "password": PASSWORD})
    phone_key = phone.session.session_key
    laptop.post("/accounts/sessions/", {"end": "others"})
    [row] = auth_rows(What.SESSIONS_ENDED)
    assert (row.actor, row.object_id, row.address) == (cast.patient.user, "1", "10.1.1.1")
    assert phone_key not in every_value(row)
    laptop.post("/accounts/sessions/", {"end": "all"})
    assert [r.object_id for r in auth_rows(What.SESSIONS_ENDED)] == [
        "1", "1 including this one"]
    assert auth_rows()[-1].what == What.LOGOUT
    assert chain_intact()
