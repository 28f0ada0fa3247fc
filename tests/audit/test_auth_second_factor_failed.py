"""A wrong (or reused) second-factor code is a row of the access log, without the code; a
recovery code used is one too."""

from __future__ import annotations

import pytest

from battrerygg.audit.keys import What
from battrerygg.audit.models import AuditEvent
from tests.accounts.helpers import code_now, give_app, password_login
from tests.audit.auth_helpers import auth_rows, chain_intact, every_value
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_a_wrong_code_writes_one_row(client, cast):
    give_app(cast.physio)
    password_login(client, "physio@example.se", PASSWORD)
    assert client.post("/accounts/2fa/authenticate/", {"code": "123456"}).status_code == 200
    [row] = auth_rows()
    assert (row.what, row.action, row.actor, row.object_id) == (
        What.SECOND_FACTOR_FAILED, AuditEvent.Action.DENIED, cast.physio, "totp")
    assert "123456" not in every_value(row)
    assert chain_intact()


def test_a_reused_code_writes_one_row(client, cast):
    give_app(cast.physio)
    password_login(client, "physio@example.se", PASSWORD)
    code = code_now()
    client.post("/accounts/2fa/authenticate/", {"code": code})
    client.post("/accounts/logout/")
    password_login(client, "physio@example.se", PASSWORD)
    assert client.post("/accounts/2fa/authenticate/", {"code": code}).status_code == 200
    assert len(auth_rows(What.SECOND_FACTOR_FAILED)) == 1


def test_a_recovery_code_used_is_a_row(client, cast):
    codes = give_app(cast.physio)
    password_login(client, "physio@example.se", PASSWORD)
    assert client.post("/accounts/2fa/authenticate/", {"code": codes[0]}).status_code == 302
    [used] = auth_rows(What.RECOVERY_CODE_USED)
    assert used.actor == cast.physio and codes[0] not in every_value(used)
    [login] = auth_rows(What.LOGIN)
    assert login.object_id == "password+recovery_codes"
