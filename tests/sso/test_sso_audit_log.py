"""An e-ID login refused is a row of the access log with the reason code only, never a
claim's value (the identity number); an e-ID login is a login row with the method "e-id"."""

from __future__ import annotations

import pytest

from battrerygg.audit.keys import What
from battrerygg.audit.models import AuditEvent
from tests.audit.auth_helpers import auth_rows, chain_intact, every_value
from tests.conftest import PASSWORD
from tests.oidc_provider.fixture import PNR_CLAIM
from tests.sso import flow

pytestmark = pytest.mark.django_db
STRANGER = "198112189876"


@pytest.fixture
def sso(settings, oidc_provider):
    flow.configure(settings, oidc_provider)
    return oidc_provider


def test_an_unknown_number_is_one_row_with_the_reason_only(client, cast, sso):
    sso.add_user("stranger-log", "pw", {PNR_CLAIM: STRANGER, "email": "anna@example.se",
                                        "email_verified": True})
    response = flow.sso_login(client, "stranger-log", "pw")
    assert response["Location"].startswith("/accounts/e-id/refused/")
    [row] = auth_rows()
    assert (row.what, row.action, row.actor, row.object_id) == (
        What.SSO_REFUSED, AuditEvent.Action.DENIED, None, "unknown_number")
    text = every_value(row)
    assert STRANGER not in text and "19811218" not in text and "anna@" not in text
    assert chain_intact()


def test_an_e_id_login_is_a_login_row(client, cast, sso):
    sso.add_user("anna-log", "pw", {PNR_CLAIM: cast.patient.personnummer})
    flow.sso_login(client, "anna-log", "pw")
    [row] = auth_rows()
    assert (row.what, row.actor, row.object_id) == (What.LOGIN, cast.patient.user, "e-id")


def test_a_staff_password_while_only_the_e_id_is_allowed_names_the_account(
        client, cast, settings):
    settings.SSO_ENABLED = True
    settings.SSO_STAFF_PASSWORDS = False
    client.post("/accounts/login/", {"login": "physio@example.se", "password": PASSWORD})
    [row] = auth_rows()
    assert (row.what, row.actor, row.object_id) == (
        What.SSO_REFUSED, cast.physio, "staff_e_id_only")
