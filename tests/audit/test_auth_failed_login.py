"""A failed login is a row of the access log (ASVS 4.0 V7.1.3, V7.2.1): the account the
address names, or none with "unknown account"; never the password, never an address no
account has."""

from __future__ import annotations

import pytest

from battrerygg.audit.keys import What
from battrerygg.audit.models import AuditEvent
from tests.audit.auth_helpers import auth_rows, chain_intact, every_value

pytestmark = pytest.mark.django_db
TRIED = "Hemligt-fel-2026"


def _try(client, email: str):
    return client.post("/accounts/login/", {"login": email, "password": TRIED},
                       REMOTE_ADDR="10.9.8.7")


def test_a_wrong_password_names_the_account_and_not_the_password(client, cast):
    assert _try(client, "Anna@Example.se").status_code == 200
    [row] = auth_rows()
    assert (row.what, row.action, row.actor, row.patient) == (
        What.LOGIN_FAILED, AuditEvent.Action.DENIED, cast.patient.user, None)
    assert row.object_id == "wrong password"
    assert row.address == "10.9.8.7" and row.request_id
    assert TRIED not in every_value(row)
    assert chain_intact()


def test_an_unknown_address_is_not_kept(client, cast):
    assert _try(client, "nobody-here@example.se").status_code == 200
    [row] = auth_rows()
    assert (row.what, row.actor, row.object_id) == (
        What.LOGIN_FAILED, None, "unknown account")
    text = every_value(row)
    assert "nobody-here" not in text and TRIED not in text
    assert chain_intact()
