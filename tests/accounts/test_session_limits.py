"""Sessions (SPEC Q2, issue 11): an idle timeout (30 minutes by default) and an absolute
limit (12 hours), tested with the clock moved; the user sees their sessions (device,
when, from where) and ends one, the others, or all."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test import Client

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db
T0 = datetime(2026, 3, 20, 8, 0, tzinfo=UTC)


@pytest.fixture
def product_limits(settings):
    settings.SESSION_COOKIE_AGE = 30 * 60
    settings.SESSION_MAX_HOURS = 12


def _login(client, email="anna@example.se"):
    response = client.post("/accounts/login/", {"login": email, "password": PASSWORD})
    assert response.status_code == 302


def _in(client) -> bool:
    return client.get("/diary/").status_code == 200


def test_a_session_ends_after_30_idle_minutes(client, cast, product_limits):
    with time_machine.travel(T0, tick=False) as clock:
        _login(client)
        clock.shift(timedelta(minutes=29))
        assert _in(client)
        clock.shift(timedelta(minutes=29))  # working keeps it alive
        assert _in(client)
        clock.shift(timedelta(minutes=31))
        assert not _in(client)
        assert client.get("/diary/")["Location"].startswith("/accounts/login/")


def test_the_idle_timeout_is_configurable(client, cast, settings):
    settings.SESSION_COOKIE_AGE = 10 * 60
    with time_machine.travel(T0, tick=False) as clock:
        _login(client)
        clock.shift(timedelta(minutes=11))
        assert not _in(client)


def test_a_session_ends_12_hours_after_login_however_busy(client, cast, product_limits):
    with time_machine.travel(T0, tick=False) as clock:
        _login(client)
        for _ in range(12 * 3):
            clock.shift(timedelta(minutes=20))
            assert _in(client)
        clock.shift(timedelta(minutes=20))
        response = client.get("/diary/", follow=True)
        assert response.redirect_chain[-1][0].startswith("/accounts/login/")
        assert not _in(client)


def test_the_user_sees_and_ends_their_sessions(cast, product_limits):
    with time_machine.travel(T0, tick=False):
        laptop = Client(HTTP_USER_AGENT="Firefox på Linux", REMOTE_ADDR="10.1.1.1")
        phone = Client(HTTP_USER_AGENT="Safari på iPhone", REMOTE_ADDR="10.2.2.2")
        tablet = Client(HTTP_USER_AGENT="Chrome på iPad", REMOTE_ADDR="10.3.3.3")
        for device in (laptop, phone, tablet):
            _login(device)
        page = laptop.get("/accounts/sessions/")
        html = page.content.decode()
        for seen in ("Firefox på Linux", "Safari på iPhone", "Chrome på iPad", "10.2.2.2",
                     "2026"):
            assert seen in html
        sessions = page.context["sessions"]
        phone_session = next(s for s in sessions if s.ip == "10.2.2.2")
        laptop.post("/accounts/sessions/", {"end": str(phone_session.pk)})
        assert not _in(phone) and _in(laptop) and _in(tablet)
        laptop.post("/accounts/sessions/", {"end": "others"})
        assert not _in(tablet) and _in(laptop)
        response = laptop.post("/accounts/sessions/", {"end": "all"})
        assert response["Location"].startswith("/accounts/login/")
        assert not _in(laptop)


def test_nobody_ends_another_users_session(cast, product_limits):
    from allauth.usersessions.models import UserSession

    with time_machine.travel(T0, tick=False):
        anna, bertil = Client(), Client()
        _login(anna)
        _login(bertil, email="bertil@example.se")
        theirs = UserSession.objects.get(user=cast.patient_b.user)
        anna.post("/accounts/sessions/", {"end": str(theirs.pk)})
        assert _in(bertil)
