"""Attack: change an account's credentials unnoticed (someone at an unlocked computer
removes the authenticator app or changes the password; a new sign-in link or a recovery
link is used by whoever holds it). The account is told by e-mail every time its password
or second factor changes (ASVS 2.2.3, 2.5.5), with no secret in the mail."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client

from tests.accounts.helpers import code_now, give_app, password_login
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

NEW = "Ett-helt-nytt-losenord-42"


def _to(address: str) -> list:
    return [m for m in mail.outbox if m.to == [address]]


def test_removing_the_authenticator_app_is_told(client, cast):
    give_app(cast.physio)
    password_login(client, "physio@example.se", PASSWORD)
    client.post("/accounts/2fa/authenticate/", {"code": code_now()})
    mail.outbox.clear()
    assert client.post("/accounts/2fa/totp/deactivate/").status_code == 302
    sent = _to("physio@example.se")
    assert len(sent) == 1 and "BättreRygg" in sent[0].subject


@pytest.mark.django_db(transaction=True)  # allauth tells of a new app on commit
def test_adding_an_authenticator_app_is_told(client, cast):
    password_login(client, "physio@example.se", PASSWORD)
    secret = client.get("/accounts/2fa/totp/activate/").context["form"].secret
    mail.outbox.clear()
    client.post("/accounts/2fa/totp/activate/", {"code": code_now(secret)})
    sent = _to("physio@example.se")
    assert sent and all(secret not in m.body for m in sent)


def test_changing_the_password_is_told(client, cast):
    password_login(client, "anna@example.se", PASSWORD)
    mail.outbox.clear()
    response = client.post("/accounts/password/", {
        "old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW})
    assert response.status_code == 302
    sent = _to("anna@example.se")
    assert len(sent) == 1 and NEW not in sent[0].body


def test_a_reset_by_the_recovery_link_is_told(client, cast):
    client.post("/accounts/password/reset/", {"email": "anna@example.se"})
    link = re.search(r"/accounts/password/reset/key/\S+", mail.outbox[-1].body).group(0)
    page = client.get(link, follow=True)
    mail.outbox.clear()
    client.post(page.request["PATH_INFO"], {"password1": NEW, "password2": NEW})
    assert len(_to("anna@example.se")) == 1
    assert Client().post("/accounts/login/", {"login": "anna@example.se",
                                              "password": NEW}).status_code == 302


def test_a_new_sign_in_link_from_the_physiotherapist_is_told(client, cast):
    from battrerygg.accounts.invites import invite_path

    uid, token = invite_path(cast.patient.user)
    page = client.get(f"/invite/{uid}/{token}/", follow=True)
    mail.outbox.clear()
    response = client.post(page.request["PATH_INFO"], {"new_password1": NEW,
                                                       "new_password2": NEW})
    assert response.status_code == 302
    sent = _to("anna@example.se")
    assert len(sent) == 1 and NEW not in sent[0].body
