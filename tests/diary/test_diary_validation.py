"""Bad input gets a clear message in the user's language, and nothing is saved."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import translation
from django.utils.translation import gettext

from battrerygg.diary.models import ActivityEntry
from tests.diary.helpers import activity_form

NOW = datetime(2026, 3, 12, 12, 0, tzinfo=ZoneInfo("Europe/Stockholm"))


def sv(msgid: str) -> str:
    with translation.override("sv"):
        text = gettext(msgid)
    assert text != msgid, f"not translated to Swedish: {msgid!r}"
    return text


CASES = {
    "pain above 10": ({"pain_during": "11"}, "Pain must be a whole number from 0 to 10."),
    "negative pain": ({"pain_after": "-1"}, "Pain must be a whole number from 0 to 10."),
    "not an integer": ({"pain_during": "4.5"}, "Pain must be a whole number from 0 to 10."),
    "missing baseline": (
        {"pain_baseline": None},
        "Baseline pain is required: how much pain you had before the activity.",
    ),
    "empty baseline": (
        {"pain_baseline": ""},
        "Baseline pain is required: how much pain you had before the activity.",
    ),
    "date in the future": (
        {"local_date": "2026-03-13"}, "The activity cannot start in the future."
    ),
    "later today": (
        {"local_date": "2026-03-12", "local_time": "13:30"},
        "The activity cannot start in the future.",
    ),
    "unknown activity kind": (
        {"kind": "skydiving"}, "Choose one of the activities in the list."
    ),
    "zero minutes": ({"minutes": "0"}, "The duration must be at least 1 minute."),
    "bad date": ({"local_date": "12/03/2026"},
                 "Give the date as year-month-day, for example 2026-03-09."),
}


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input_is_refused_in_swedish(client, cast, name):
    overrides, msgid = CASES[name]
    client.force_login(cast.patient.user)
    with time_machine.travel(NOW, tick=False):
        response = client.post("/diary/new/", activity_form(**overrides))
    assert response.status_code == 200
    html = response.content.decode()
    assert sv(msgid) in html
    assert msgid not in html
    assert ActivityEntry.objects.count() == 0


def test_bad_input_is_refused_in_english(client, cast):
    user = cast.patient.user
    user.language = "en"
    user.save()
    client.force_login(user)
    with time_machine.travel(NOW, tick=False):
        response = client.post("/diary/new/", activity_form(pain_during="11"))
    assert "Pain must be a whole number from 0 to 10." in response.content.decode()
    assert ActivityEntry.objects.count() == 0


def test_good_input_is_saved(client, cast):
    client.force_login(cast.patient.user)
    with time_machine.travel(NOW, tick=False):
        response = client.post("/diary/new/", activity_form())
    entry = ActivityEntry.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/diary/{entry.pk}/"
    assert (entry.pain_baseline, entry.pain_during, entry.pain_after) == (3, 4, 3)
