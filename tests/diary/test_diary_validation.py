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
    "more than a year ago": (
        {"local_date": "2025-03-01"}, "You can log activities from the past year."
    ),
    "year 1": ({"local_date": "0001-01-01"}, "You can log activities from the past year."),
    "steps negative": (
        {"steps": "-5"},
        ("Give a number from %(low)s to %(high)s, or leave the field empty.",
         {"low": 0, "high": 200000}),
    ),
    "damaged form key": (
        {"submission_key": "not-a-key"},
        "The form was incomplete. Reload the page and try again.",
    ),
    "unknown intensity": ({"intensity": "extreme"}, "Choose one of the options in the list."),
    "bad date": ({"local_date": "12/03/2026"},
                 "Give the date as year-month-day, for example 2026-03-09."),
}


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input_is_refused_in_swedish(client, cast, name):
    overrides, msgid = CASES[name]
    params = None
    if isinstance(msgid, tuple):
        msgid, params = msgid
    client.force_login(cast.patient.user)
    with time_machine.travel(NOW, tick=False):
        response = client.post("/diary/new/", activity_form(**overrides))
    assert response.status_code == 200
    html = response.content.decode()
    expected, english = sv(msgid), msgid
    if params:
        expected, english = expected % params, english % params
    assert expected in html
    assert english not in html
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
        response = client.post("/diary/new/", activity_form(intensity="moderate", sets="3",
                                                             repetitions="10"))
    entry = ActivityEntry.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/diary/{entry.pk}/"
    assert (entry.pain_baseline, entry.pain_during, entry.pain_after) == (3, 4, 3)
    assert (entry.intensity, entry.sets, entry.repetitions) == ("moderate", 3, 10)


def test_a_time_skipped_by_daylight_saving_is_refused(client, cast):
    client.force_login(cast.patient.user)
    with time_machine.travel(datetime(2026, 3, 30, 12, 0, tzinfo=ZoneInfo("Europe/Stockholm"))):
        response = client.post(
            "/diary/new/", activity_form(local_date="2026-03-29", local_time="02:30")
        )
        assert sv(
            "That time did not exist on that day: the clocks were put forward an hour. "
            "Choose a time one hour later."
        ) in response.content.decode()
        assert ActivityEntry.objects.count() == 0
        ok = client.post("/diary/new/", activity_form(local_date="2026-03-29",
                                                      local_time="03:30"))
    assert ok.status_code == 302
    assert ActivityEntry.objects.get().local_start.hour == 3


def test_a_resubmitted_form_says_so(client, cast):
    client.force_login(cast.patient.user)
    form = activity_form()
    with time_machine.travel(NOW, tick=False):
        client.post("/diary/new/", form)
        page = client.post("/diary/new/", {**form, "minutes": "45"}, follow=True)
    assert sv("This form had already been sent, so the activity was saved only once. "
              "Here it is as first saved.") in page.content.decode()
    assert ActivityEntry.objects.get().minutes == 20
