"""Login by e-mail, argon2 passwords, throttling of repeated failures."""

from __future__ import annotations

from battrerygg.accounts.models import User
from tests.conftest import PASSWORD


def test_login_and_logout(client, cast):
    response = client.post("/accounts/login/", {"login": "Anna@Example.se",
                                                "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/diary/").status_code == 200
    client.post("/accounts/logout/")
    assert client.get("/diary/").status_code == 302


def test_passwords_are_argon2(cast):
    assert User.objects.get(email="anna@example.se").password.startswith("argon2")


def test_wrong_password_is_a_clear_error(client, cast):
    response = client.post("/accounts/login/", {"login": "anna@example.se",
                                                "password": "wrong"})
    assert response.status_code == 200
    assert "form-errors" in response.content.decode()


def test_repeated_failures_lock_the_account(client, cast):
    for _ in range(5):
        client.post("/accounts/login/", {"login": "anna@example.se", "password": "wrong"})
    response = client.post("/accounts/login/", {"login": "anna@example.se",
                                                "password": PASSWORD})
    assert response.status_code == 429
    assert client.get("/diary/").status_code == 302


def test_logout_is_confirmed(client, cast):
    from django.utils import translation
    from django.utils.translation import gettext

    client.force_login(cast.patient.user)
    page = client.post("/accounts/logout/", follow=True).content.decode()
    with translation.override("sv"):
        assert gettext("You are logged out.") in page
