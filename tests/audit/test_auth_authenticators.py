"""Adding an authenticator app (with its recovery codes), renewing the recovery codes and
removing the app are rows of the access log, naming the kind only (never a secret or a
code)."""

from __future__ import annotations

import pytest

from battrerygg.audit.keys import What
from tests.accounts.helpers import code_now, password_login
from tests.audit.auth_helpers import auth_rows, chain_intact, every_value
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.mark.django_db(transaction=True)
def test_enrolling_and_removing_an_app(client, cast):
    # Real commits: allauth says it on commit, inside the request (as in production), so
    # the new second factor counts for the session before the next request.
    password_login(client, "physio@example.se", PASSWORD)
    secret = client.get("/accounts/2fa/totp/activate/").context["form"].secret
    client.post("/accounts/2fa/totp/activate/", {"code": code_now(secret)})
    added = auth_rows(What.AUTHENTICATOR_ADDED)
    assert {r.object_id for r in added} == {"totp", "recovery_codes"}
    assert all(r.actor == cast.physio and secret not in every_value(r) for r in added)
    client.post("/accounts/2fa/recovery-codes/generate/")
    assert [r.object_id for r in auth_rows(What.RECOVERY_CODES_RESET)] == ["recovery_codes"]
    client.post("/accounts/2fa/totp/deactivate/")
    assert "totp" in {r.object_id for r in auth_rows(What.AUTHENTICATOR_REMOVED)}
    assert chain_intact()
