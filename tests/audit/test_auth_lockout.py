"""A pause of logins after wrong passwords (django-axes) is a row of the access log: once
when the limit is reached, once for each login tried while paused (not also a failed
login's row: the password was not checked)."""

from __future__ import annotations

import pytest

from battrerygg.audit.keys import What
from tests.audit.auth_helpers import auth_rows, chain_intact
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def _try(client, password: str):
    return client.post("/accounts/login/", {"login": "anna@example.se", "password": password})


def test_reaching_the_limit_writes_one_lockout_row(client, cast):
    for _ in range(5):
        _try(client, "Fel-losenord-2026")
    assert len(auth_rows(What.LOGIN_FAILED)) == 5
    [locked] = auth_rows(What.LOGIN_LOCKED_OUT)
    assert (locked.actor, locked.object_id) == (cast.patient.user, "limit reached")
    assert _try(client, PASSWORD).status_code == 429
    assert len(auth_rows(What.LOGIN_FAILED)) == 5  # the password was not checked
    assert [r.object_id for r in auth_rows(What.LOGIN_LOCKED_OUT)] == [
        "limit reached", "attempt while paused"]
    assert auth_rows(What.LOGIN) == []
    assert chain_intact()
