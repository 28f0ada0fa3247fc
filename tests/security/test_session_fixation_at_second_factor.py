"""Attack: session fixation across the second step. A staff session that gains its second
factor after the login (enrolling an app, or "confirm it is you" with a code) must go on
under a new session key, as the login itself gives one; the old key must be worthless."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from tests.accounts.helpers import code_now, give_app, password_login
from tests.conftest import PASSWORD, login_without_second_factor

pytestmark = pytest.mark.django_db


def _page(cast) -> str:
    return f"/clinic/patients/{cast.patient.ref}/"


def _with_key(key: str) -> Client:
    other = Client()
    other.cookies[settings.SESSION_COOKIE_NAME] = key
    return other


def test_the_login_gives_a_new_key(client, cast):
    give_app(cast.physio)
    client.get("/accounts/login/")
    client.session.save()
    before = client.cookies[settings.SESSION_COOKIE_NAME].value
    password_login(client, "physio@example.se", PASSWORD)
    assert client.post("/accounts/2fa/authenticate/", {"code": code_now()}).status_code == 302
    assert client.cookies[settings.SESSION_COOKIE_NAME].value != before
    assert _with_key(before).get(_page(cast)).status_code == 302  # to the login


def test_confirming_the_second_factor_gives_a_new_key(client, cast):
    give_app(cast.physio)
    login_without_second_factor(client, cast.physio)
    before = client.cookies[settings.SESSION_COOKIE_NAME].value
    answer = client.post(f"/accounts/2fa/reauthenticate/?next={_page(cast)}",
                         {"code": code_now()})
    assert answer.status_code == 302 and answer["Location"] == _page(cast)
    assert client.cookies[settings.SESSION_COOKIE_NAME].value != before
    assert client.get(_page(cast)).status_code == 200
    stale = _with_key(before).get(_page(cast))
    assert stale.status_code == 302 and "/accounts/login/" in stale["Location"]


@pytest.mark.django_db(transaction=True)  # allauth's signal runs on commit
def test_enrolling_an_app_gives_a_new_key(client, cast):
    password_login(client, "physio@example.se", PASSWORD)
    before = client.cookies[settings.SESSION_COOKIE_NAME].value
    secret = client.get("/accounts/2fa/totp/activate/").context["form"].secret
    assert client.post("/accounts/2fa/totp/activate/",
                       {"code": code_now(secret)}).status_code == 302
    assert client.cookies[settings.SESSION_COOKIE_NAME].value != before
    assert client.get(_page(cast)).status_code == 200
    stale = _with_key(before).get(_page(cast))
    assert stale.status_code == 302 and "/accounts/login/" in stale["Location"]
