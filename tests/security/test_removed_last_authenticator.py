"""Attack: pass the second factor, then remove the last authenticator and go on reading
patients in the same session (or another session of the account). A session's "mfa"
record counts only while the account still has an authenticator app or a passkey
(``access.second_factor_satisfied``)."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.accounts.helpers import code_now, give_app, password_login
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.django_db(transaction=True),  # allauth's signals run on commit
              pytest.mark.real_second_factor]


def _page(cast) -> str:
    return f"/clinic/patients/{cast.patient.ref}/"


def test_removing_the_last_app_ends_the_second_factor_of_every_session(client, cast):
    from allauth.mfa.models import Authenticator

    give_app(cast.physio)
    other = Client()
    for c in (client, other):
        password_login(c, "physio@example.se", PASSWORD)
        assert c.post("/accounts/2fa/authenticate/",
                      {"code": code_now(step=0 if c is client else 1)}).status_code == 302
        assert c.get(_page(cast)).status_code == 200

    assert client.post("/accounts/2fa/totp/deactivate/").status_code == 302
    assert not Authenticator.objects.filter(user=cast.physio).exists()

    for c in (client, other):
        response = c.get(_page(cast))
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/2fa/?next=")
        assert "Anna Exempel" not in c.get("/clinic/", follow=True).content.decode()


def test_enrolling_again_restores_it(client, cast):
    give_app(cast.physio)
    password_login(client, "physio@example.se", PASSWORD)
    client.post("/accounts/2fa/authenticate/", {"code": code_now()})
    client.post("/accounts/2fa/totp/deactivate/")
    page = client.get("/accounts/2fa/totp/activate/")
    secret = page.context["form"].secret
    assert client.post("/accounts/2fa/totp/activate/",
                       {"code": code_now(secret)}).status_code == 302
    assert client.get(_page(cast)).status_code == 200
