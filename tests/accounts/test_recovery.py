"""Recovery by e-mail (issue 11): "forgot password" for patients and staff; a one-time link
that expires; the same answer whether or not the address has an account; throttled;
expired or used links say so clearly and change nothing."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone, translation
from django.utils.translation import gettext

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db
NEW = "Ny-ryggvag-2026!"


def _sv(text: str) -> str:
    with translation.override("sv"):
        return gettext(text)


def _ask(client, email: str):
    return client.post("/accounts/password/reset/", {"email": email}, follow=True)


def _link() -> str:
    body = mail.outbox[-1].body
    return re.search(r"https?://[^/\s]+(/accounts/password/reset/key/\S+)", body).group(1)


def _choose(client, link: str, password: str = NEW):
    page = client.get(link, follow=True)
    return page, client.post(page.request["PATH_INFO"],
                             {"password1": password, "password2": password}, follow=True)


def test_a_patient_chooses_a_new_password_from_the_link(client, cast):
    start = client.get("/accounts/login/").content.decode()
    assert "/accounts/password/reset/" in start
    answer = _ask(client, "Anna@Example.se")
    assert _sv("Check your e-mail") in answer.content.decode()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["anna@example.se"]
    message = mail.outbox[0]
    assert _sv("Choose a new password") in message.subject  # Swedish, the account's language
    assert "19121212" not in message.body
    page, done = _choose(client, _link())
    assert _sv("Your new password is saved") in done.content.decode()
    cast.patient.user.refresh_from_db()
    assert cast.patient.user.check_password(NEW)
    login = client.post("/accounts/login/", {"login": "anna@example.se", "password": NEW})
    assert login.status_code == 302


def test_the_same_answer_for_an_address_without_an_account(client, cast):
    known = _ask(client, "anna@example.se")
    unknown = _ask(client, "nobody@example.se")
    strip = lambda r: re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", r.content.decode())  # noqa: E731
    assert known.status_code == unknown.status_code == 200
    assert strip(known) == strip(unknown)
    assert len(mail.outbox) == 1  # nothing is sent to an address without an account


def test_staff_recover_too_and_still_need_the_second_factor(client, cast):
    _ask(client, "physio@example.se")
    _page, done = _choose(client, _link())
    assert done.status_code == 200
    client.post("/accounts/login/", {"login": "physio@example.se", "password": NEW})
    page = client.get(f"/clinic/patients/{cast.patient.ref}/")
    assert page.status_code == 302 and page["Location"].startswith("/accounts/2fa/")


def test_a_used_link_does_not_work_again(client, cast):
    _ask(client, "anna@example.se")
    link = _link()
    _choose(client, link)
    page, _ = _choose(client, link, "Annat-losenord-77")
    assert _sv("The link has expired or has already been used. Nothing has been changed.") in \
        page.content.decode()
    cast.patient.user.refresh_from_db()
    assert cast.patient.user.check_password(NEW)


def test_an_expired_link_does_not_work(client, cast, settings):
    settings.RECOVERY_LINK_MINUTES = 60
    with time_machine.travel(timezone.now(), tick=False) as clock:
        _ask(client, "anna@example.se")
        link = _link()
        clock.shift(timedelta(minutes=61))
        page, _ = _choose(client, link)
    assert _sv("The link does not work") in page.content.decode()
    cast.patient.user.refresh_from_db()
    assert cast.patient.user.check_password(PASSWORD)


def test_a_link_still_works_within_the_hour(client, cast):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        _ask(client, "anna@example.se")
        clock.shift(timedelta(minutes=59))
        _page, done = _choose(client, _link())
    assert _sv("Your new password is saved") in done.content.decode()


def test_a_common_or_short_password_is_refused(client, cast):
    _ask(client, "anna@example.se")
    link = _link()
    _page, common = _choose(client, link, "password123")
    html = common.content.decode()
    assert "errorlist" in html
    cast.patient.user.refresh_from_db()
    assert cast.patient.user.check_password(PASSWORD)
    _page, short = _choose(client, link, "Kort-1")
    assert "errorlist" in short.content.decode()


def test_requests_for_links_are_throttled(client, cast):
    for _ in range(3):
        _ask(client, "anna@example.se")
    assert len(mail.outbox) == 3
    fourth = client.post("/accounts/password/reset/", {"email": "anna@example.se"})
    assert fourth.status_code == 429
    assert _sv("Too many requests") in fourth.content.decode()
    assert len(mail.outbox) == 3


def test_an_invitation_token_is_not_a_recovery_link(client, cast):
    """The invitation's token (its own salt) does not open the recovery page."""
    from django.utils.http import int_to_base36

    from battrerygg.accounts.invites import invite_path

    _uid, token = invite_path(cast.patient.user)
    uid36 = int_to_base36(cast.patient.user.pk)
    page, _ = _choose(client, f"/accounts/password/reset/key/{uid36}-{token}/")
    assert _sv("The link does not work") in page.content.decode()
    cast.patient.user.refresh_from_db()
    assert cast.patient.user.check_password(PASSWORD)


def test_allauths_own_swedish_is_used(client, cast):
    """Sentences that come from django-allauth (its form checks, its messages) are in
    Swedish from allauth's own catalogue."""
    _ask(client, "anna@example.se")
    page = client.get(_link(), follow=True)
    mismatch = client.post(page.request["PATH_INFO"],
                           {"password1": NEW, "password2": NEW + "x"})
    assert "Du måste ange samma lösenord" in mismatch.content.decode()
    cast.patient.user.refresh_from_db()
    assert cast.patient.user.check_password(PASSWORD)
    welcome = client.post("/accounts/login/", {"login": "anna@example.se",
                                               "password": PASSWORD}, follow=True)
    assert "Du har loggat in som" in welcome.content.decode()
