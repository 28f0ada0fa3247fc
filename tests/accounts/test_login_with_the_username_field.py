"""A login post that names the address ``username`` (Django's login form, older scripts and
password managers) logs in like ``login``, and is throttled per account like it."""

from __future__ import annotations

import pytest
from django.test import override_settings

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_the_username_field_logs_in(client, cast):
    response = client.post("/accounts/login/", {"username": "Anna@example.se",
                                                "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/").context["user"] == cast.patient.user


@override_settings(AXES_FAILURE_LIMIT=3)
def test_the_username_field_is_throttled_per_account(client, cast):
    for _ in range(3):
        client.post("/accounts/login/", {"username": "anna@example.se", "password": "wrong"},
                    REMOTE_ADDR="10.0.0.1")
    # the account from the same address is paused, even with the right password
    locked = client.post("/accounts/login/", {"username": "anna@example.se",
                                              "password": PASSWORD}, REMOTE_ADDR="10.0.0.1")
    assert locked.status_code != 302
    assert "_auth_user_id" not in client.session
