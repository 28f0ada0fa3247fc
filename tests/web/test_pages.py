"""Pages: no request to other hosts, CSP without inline script, language switch, 503."""

from __future__ import annotations

import re
from unittest import mock

from django.db import OperationalError

from tests.pages import PATIENT, PUBLIC, lesson_paths

URL_ATTR = re.compile(r"""\b(?:src|href|action|srcset|xlink:href)\s*=\s*["']([^"']*)["']""", re.I)
CSS_URL = re.compile(r"url\(\s*['\"]?([^)'\"]+)")


def external_refs(html: str) -> list[str]:
    refs = URL_ATTR.findall(html) + CSS_URL.findall(html)
    return [r for r in refs if re.match(r"^(?:[a-z]+:)?//", r, re.I)]


def test_no_page_refers_to_another_host(client, cast):
    responses = [client.get(p) for p in PUBLIC + lesson_paths()]
    client.force_login(cast.patient.user)
    responses += [client.get(p) for p in PATIENT]
    for response in responses:
        assert external_refs(response.content.decode()) == []
        assert "<script>" not in response.content.decode()  # no inline script


def test_csp_header_forbids_inline_script_and_other_hosts(client, db):
    csp = client.get("/")["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "default-src 'self'" in csp


def test_default_language_is_swedish_whatever_the_browser_says(client, db):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="sv">' in html


def test_language_switch_is_saved_for_the_user(client, cast):
    user = cast.patient.user
    client.force_login(user)
    response = client.post("/language/", {"language": "en", "next": "/diary/"})
    assert response.status_code == 302 and response["Location"] == "/diary/"
    user.refresh_from_db()
    assert user.language == "en"
    assert '<html lang="en">' in client.get("/diary/").content.decode()


def test_language_switch_refuses_other_hosts(client, db):
    response = client.post("/language/", {"language": "en", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_database_down_gives_a_clear_503(client, db):
    with mock.patch("battrerygg.guide.views.content.lessons", side_effect=OperationalError):
        response = client.get("/guide/")
    assert response.status_code == 503
    assert "databas" in response.content.decode()  # Swedish: "databasen"


def test_logged_in_pages_are_not_cached(client, cast):
    assert "no-store" not in client.get("/guide/").get("Cache-Control", "")
    client.force_login(cast.patient.user)
    cache = client.get("/diary/")["Cache-Control"]
    assert "no-store" in cache and "private" in cache


def test_wrong_method_gets_a_page(client, cast):
    client.force_login(cast.patient.user)
    response = client.get("/accounts/logout/")
    assert response.status_code == 405
    assert '<html lang="sv">' in response.content.decode()
    assert response["Allow"] == "POST, OPTIONS"


def test_language_chosen_before_login_is_kept(client, cast):
    from tests.conftest import PASSWORD

    client.post("/language/", {"language": "en", "next": "/accounts/login/"})
    client.post("/accounts/login/", {"login": "anna@example.se", "password": PASSWORD})
    user = cast.patient.user
    user.refresh_from_db()
    assert user.language == "en"
    assert '<html lang="en">' in client.get("/diary/").content.decode()
