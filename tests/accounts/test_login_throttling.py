"""Login throttling (SPEC Q2, issue 11): per account from one address, per account from
any address, and per address across accounts (password spraying), in the database
(django-axes); a successful login does not wipe an address's count; common passwords are
refused."""

from __future__ import annotations

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def _try(client, email: str, password: str, address: str = "10.0.0.1"):
    return client.post("/accounts/login/", {"login": email, "password": password},
                       REMOTE_ADDR=address)


@pytest.fixture
def many_accounts(db):
    from battrerygg.accounts.models import User

    return [User.objects.create_user(f"user{i}@example.se", PASSWORD) for i in range(30)]


def test_spraying_one_password_over_many_accounts_is_slowed(client, settings, many_accounts):
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 20
    answers = [_try(client, u.email, "Sommar2026!").status_code for u in many_accounts]
    assert answers[:19] == [200] * 19  # each account failed once only: a form error
    assert set(answers[19:]) == {429}  # the 20th failure from the address pauses it
    # even the right password of another account is refused from that address now
    assert _try(client, "user29@example.se", PASSWORD).status_code == 429
    # another address is not affected
    assert _try(client, "user29@example.se", PASSWORD, "10.0.0.2").status_code == 302


def test_a_successful_login_does_not_reset_the_address_count(client, settings, many_accounts):
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 20
    for user in many_accounts[:15]:
        _try(client, user.email, "Sommar2026!")
    assert _try(client, many_accounts[29].email, PASSWORD).status_code == 302  # own account
    client.post("/accounts/logout/")
    answers = [_try(client, u.email, "Sommar2026!").status_code for u in many_accounts[15:20]]
    assert answers[-1] == 429


def test_one_account_from_many_addresses_is_paused(client, settings, cast):
    settings.LOGIN_ACCOUNT_FAILURE_LIMIT = 10
    for i in range(10):
        _try(client, "anna@example.se", "fel", f"10.0.1.{i}")
    assert _try(client, "anna@example.se", PASSWORD, "10.0.2.1").status_code == 429


def test_one_account_from_one_address_is_paused_after_five(client, cast):
    for _ in range(5):
        _try(client, "anna@example.se", "fel")
    assert _try(client, "anna@example.se", PASSWORD).status_code == 429
    assert _try(client, "bertil@example.se", PASSWORD).status_code == 302


def test_common_and_short_passwords_are_refused(cast):
    user = cast.patient.user
    for weak in ("password1234", "qwertyuiop", "Kort-1", "1234567890123"):
        with pytest.raises(ValidationError):
            validate_password(weak, user)
    validate_password("Ryggen-mar-bra-2026", user)
