"""A failure to write an authentication row never changes the answer to a login: a right
password still logs in, a wrong one is still refused (and the failure is logged)."""

from __future__ import annotations

import logging

import pytest

from tests.accounts.helpers import password_login
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def broken_log(monkeypatch):
    def fail(**kwargs):
        raise RuntimeError("the log is down")

    monkeypatch.setattr("battrerygg.audit.auth_events.record_auth_event", fail)


def test_a_wrong_password_is_still_refused(client, cast, broken_log, caplog):
    with caplog.at_level(logging.ERROR, logger="battrerygg.audit"):
        response = password_login(client, "anna@example.se", "Fel-losenord-2026")
    assert response.status_code == 200
    assert client.get("/diary/").status_code == 302
    assert "could not record auth.login.failed" in caplog.text
    assert "Fel-losenord-2026" not in caplog.text


def test_a_right_password_still_logs_in(client, cast, broken_log):
    assert password_login(client, "anna@example.se", PASSWORD).status_code == 302
    assert client.get("/diary/").status_code == 200
