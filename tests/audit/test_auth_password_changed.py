"""Changing one's password, and choosing a new one from a recovery link, are rows of the
access log, without the password."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from battrerygg.audit.keys import What
from tests.accounts.helpers import password_login
from tests.audit.auth_helpers import auth_rows, chain_intact, every_value
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db
NEW = "Ny-ryggvag-2026!"


def test_changing_the_password_writes_one_row(client, cast):
    password_login(client, "anna@example.se", PASSWORD)
    response = client.post("/accounts/password/", {
        "old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW})
    assert response.status_code == 302
    [row] = auth_rows(What.PASSWORD_CHANGED)
    assert row.actor == cast.patient.user
    assert NEW not in every_value(row) and PASSWORD not in every_value(row)
    assert chain_intact()


def test_a_password_chosen_from_the_link_writes_one_row(client, cast):
    client.post("/accounts/password/reset/", {"email": "anna@example.se"})
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/\S+)",
                     mail.outbox[-1].body).group(1)
    page = client.get(link, follow=True)
    client.post(page.request["PATH_INFO"], {"password1": NEW, "password2": NEW})
    [row] = auth_rows(What.PASSWORD_RESET)
    assert row.actor == cast.patient.user and NEW not in every_value(row)
    assert [r.what for r in auth_rows()] == [What.PASSWORD_RESET_REQUESTED, What.PASSWORD_RESET]
