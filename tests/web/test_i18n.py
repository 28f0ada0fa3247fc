"""Every user-facing string is translated, and no English shows on a Swedish page."""

from __future__ import annotations

import functools
import re
import uuid
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext

import battrerygg
from tests.diary.helpers import activity_form
from tests.pages import ADMIN, PATIENT, PUBLIC, add_plan_data, lesson_paths
from tests.redflags.helpers import red_flag_form

CATALOGUE = Path(battrerygg.__file__).parent / "locale" / "sv" / "LC_MESSAGES" / "django.po"


def test_swedish_catalogue_is_complete():
    po = polib.pofile(str(CATALOGUE))
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []


def test_compiled_catalogue_is_current():
    """The .mo in the package says what the .po says (run compilemessages if not)."""
    po = polib.pofile(str(CATALOGUE))
    stale = []
    with translation.override("sv"):
        for entry in po.translated_entries():
            if entry.msgid_plural or entry.msgctxt:
                continue
            if gettext(entry.msgid) != entry.msgstr:
                stale.append(entry.msgid)
    assert stale == []


class _Text(HTMLParser):
    """Visible text and the human-readable attributes of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        for name, value in attrs:
            if name in ("aria-label", "title", "alt", "placeholder") and value:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return re.sub(r"\s+", " ", " ".join(parser.parts))


@functools.cache
def _phrases(catalogue: Path, modified: float) -> tuple[str, ...]:
    po = polib.pofile(str(catalogue))
    return tuple(
        entry.msgid for entry in po.translated_entries()
        if not ("%(" in entry.msgid or "{" in entry.msgid or len(entry.msgid) < 8
                or entry.msgid == entry.msgstr)
    )


def english_phrases() -> list[str]:
    """msgids whose Swedish differs, long enough not to be a shared word (the catalogue is
    parsed once per version of the file)."""
    return list(_phrases(CATALOGUE, CATALOGUE.stat().st_mtime))


def english_leaks(html: str, phrases: list[str] | None = None) -> list[str]:
    """The English phrases visible on a page (its text parsed once, not once per phrase)."""
    text = visible_text(html)
    return [p for p in (english_phrases() if phrases is None else phrases) if p in text]


@pytest.fixture
def missing_swedish(monkeypatch):
    """Record every message looked up in Swedish that no catalogue knows."""
    from django.utils.translation.trans_real import DjangoTranslation

    missing: set[str] = set()
    original_gettext = DjangoTranslation.gettext
    original_ngettext = DjangoTranslation.ngettext

    def gettext_(self, message):
        if self.language() == "sv" and message and message not in self._catalog:
            missing.add(message)
        return original_gettext(self, message)

    def ngettext_(self, singular, plural, number):
        if self.language() == "sv" and (singular, 0) not in self._catalog:
            missing.add(singular)
        return original_ngettext(self, singular, plural, number)

    monkeypatch.setattr(DjangoTranslation, "gettext", gettext_)
    monkeypatch.setattr(DjangoTranslation, "ngettext", ngettext_)
    return missing


@pytest.fixture
def busy_patient(cast, log_activity):
    from battrerygg.diary.services import save_flare_up_plan

    log_activity(cast.patient, date(2026, 3, 10), hour=10, baseline=4, during=7)
    log_activity(cast.patient, date(2026, 3, 11), hour=10)
    save_flare_up_plan(cast.patient, expected_days=7, what_helps="värme",
                       contact_physio_after_days=14)
    add_plan_data(cast.patient, timezone.localdate())
    return cast.patient


def test_no_english_on_swedish_pages(client, cast, busy_patient, missing_swedish):
    phrases = english_phrases()
    assert len(phrases) > 100
    pages = {}
    for path in PUBLIC + lesson_paths():
        pages[path] = client.get(path)
    client.force_login(busy_patient.user)
    for path in PATIENT:  # (adding an authenticator first asks for the password again)
        pages[f"patient {path}"] = client.get(path, follow=True)
    entry_id = busy_patient.diary_entries.first().pk
    pages["entry"] = client.get(f"/diary/{entry_id}/")
    pages["form errors"] = client.post("/diary/new/", {"submission_key": str(uuid.uuid4())})
    pages["red flags"] = client.post("/red-flags/", red_flag_form("saddle_numbness"),
                                     follow=True)
    pages["red flags unanswered"] = client.post("/red-flags/", {})
    pages["check-in"] = client.get(f"/balance/{busy_patient.balance_checkins.first().pk}/")
    pages["check-in errors"] = client.post("/balance/new/", {"load_stress": "11"})
    pages["goal errors"] = client.post("/goals/new/", {"target": "-3"})
    goal = busy_patient.weekly_goals.first()
    pages["goal edit"] = client.get(f"/goals/{goal.pk}/edit/")
    from battrerygg.plan.reminders import token_for

    pages["stop reminders"] = client.get(f"/reminders/stop/{token_for(busy_patient)}/")
    pages["stop reminders bad link"] = client.get("/reminders/stop/nonsense/")
    pages["repeated hour"] = client.post("/diary/new/", activity_form(
        local_date="2026-10-25", local_time="02:30"))
    client.force_login(cast.physio)
    limits = f"/clinic/patients/{busy_patient.ref}/pain-limits/"
    pages["pain limits"] = client.get(limits)
    pages["pain limits errors"] = client.post(limits, {"safe_max": "5", "acceptable_max": "3",
                                                       "follow_up_tolerance": "99"})
    client.force_login(cast.clinic_admin)
    pages["clinic limits errors"] = client.post("/clinic/pain-limits/", {"safe_max": "4"})
    for path in ADMIN:
        pages[f"admin {path}"] = client.get(path)
    pages["admin log search errors"] = client.post("/clinic/log/", {"patient": "nobody"})
    found = {}
    for name, response in pages.items():
        assert response.status_code in (200, 302, 400, 404), name
        html = response.content.decode()
        assert '<html lang="sv">' in html, name
        leaks = english_leaks(html, phrases)
        if leaks:
            found[name] = leaks
    assert found == {}
    assert missing_swedish == set(), "strings missing from the Swedish catalogue"


def test_english_pages_are_english(client, busy_patient):
    user = busy_patient.user
    user.language = "en"
    user.save()
    client.force_login(user)
    html = client.get("/diary/").content.decode()
    assert '<html lang="en">' in html and "Pain diary" in html
