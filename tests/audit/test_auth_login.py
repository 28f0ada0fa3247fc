"""A successful login is one row of the access log, with its method (password, password
and code, passkey, e-ID), and a logout another."""

from __future__ import annotations

import pytest

from battrerygg.audit.keys import What
from battrerygg.audit.models import AuditEvent
from tests.accounts.helpers import code_now, give_app, password_login
from tests.audit.auth_helpers import auth_rows, chain_intact, every_value
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_a_password_login_writes_one_row(client, cast):
    assert password_login(client, "anna@example.se", PASSWORD).status_code == 302
    [row] = auth_rows()
    assert (row.what, row.action, row.actor, row.object_id) == (
        What.LOGIN, AuditEvent.Action.AUTH, cast.patient.user, "password")
    assert PASSWORD not in every_value(row)
    client.post("/accounts/logout/")
    assert [r.what for r in auth_rows()] == [What.LOGIN, What.LOGOUT]
    assert chain_intact()


def test_a_staff_login_with_a_code_names_both_steps(client, cast):
    give_app(cast.physio)
    password_login(client, "physio@example.se", PASSWORD)
    assert auth_rows() == []  # the password alone is not a login yet
    code = code_now()
    assert client.post("/accounts/2fa/authenticate/", {"code": code}).status_code == 302
    [row] = auth_rows()
    assert (row.what, row.actor, row.object_id) == (What.LOGIN, cast.physio, "password+totp")
    assert code not in every_value(row)
