"""Issue 12's changed patient texts in Swedish at 390 px, one screenshot each (review): the
red-flag result "today", the diary entry of a high baseline not raised (keep), the diary's
repeated-hour question, "My limits", the not-settling message, a questionnaire result with a
worsening, the balance page with very heavy feelings, the exercise stop rule and lesson 08.
Screenshots go to the artifacts folder as review-<what>.png."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from battrerygg.clinical.balance import Capacity, Load, Ratings
from tests.conftest import PASSWORD
from tests.e2e.conftest import login
from tests.proms.helpers import answer

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
STHLM = ZoneInfo("Europe/Stockholm")
NOW = datetime(2026, 3, 30, 12, tzinfo=STHLM)


def _activity(patient, day: date, baseline: int, during: int, after: int,
              at_24h: int | None = None, kind: str = "walking"):
    from battrerygg.diary.services import ActivityInput, record_activity

    entry, _ = record_activity(patient, ActivityInput(
        kind=kind, local_date=day, local_time=time(15, 0), minutes=30,
        pain_baseline=baseline, pain_during=during, pain_after=after, pain_24h=at_24h,
    ), submission_key=uuid.uuid4(), now=NOW)
    return entry


def test_review_screens_in_swedish_at_390(cast, open_page, artifacts):
    from battrerygg.diary.services import LimitsInput, save_flare_up_plan, set_limits
    from battrerygg.plan.services import record_checkin
    from battrerygg.proms import services as proms

    anna = cast.patient
    with time_machine.travel(NOW, tick=True):
        # Three weeks of steady pain 6: not settling; the last one the high-baseline keep.
        for offset in range(21):
            _activity(anna, date(2026, 3, 9) + timedelta(days=offset), 7, 6, 6, 7)
        # A first ride: resting pain 7, not raised by cycling, back to 7: keep (PMR01).
        ride = _activity(anna, date(2026, 3, 28), 7, 6, 6, 7, kind="cycling")
        save_flare_up_plan(anna, physiotherapist_contact="Sara, 010-123 45 67")
        set_limits(cast.physio, anna, LimitsInput(
            safe_max=3, acceptable_max=5, follow_up_tolerance=1,
            reason="Ont på morgonen av stelhet"))
        heavy = record_checkin(
            anna, local_date=date(2026, 3, 28), today=date(2026, 3, 28),
            submission_key=uuid.uuid4(),
            ratings=Ratings(capacity=dict.fromkeys(Capacity, 5),
                            loads=dict(zip(Load, [5, 9, 6, 4], strict=True))))
        answer(anna, "nrs_back", {"pain": "3"}, day=date(2026, 3, 9))
        task = proms.assign_questionnaire(anna, "nrs_back", date(2026, 3, 30),
                                          actor=cast.physio)
        worse = answer(anna, "nrs_back", {"pain": "5"}, day=date(2026, 3, 30),
                       timepoint="assigned", assignment=task)

        page, foreign = open_page(390)

        def shot(url: str, name: str, *must: str, detail: str = "") -> None:
            if url:
                page.goto(url)
                page.wait_for_load_state()
            text = page.inner_text("main")
            for words in must:
                assert words in text, (name, words)
            page.screenshot(path=artifacts / f"review-{name}.png", full_page=True)
            if detail:  # the changed words close up
                page.locator(detail).first.screenshot(
                    path=artifacts / f"review-{name}-detail.png")

        # The public red-flag check, answered "fever": seek care today.
        page.goto("/red-flags/")
        for radio in page.locator("main input[type=radio][value=no]").all():
            radio.check()
        page.check("main input[name=fever_or_generally_ill][value=yes]")
        page.click("main button[type=submit]")
        page.wait_for_load_state()
        shot("", "red-flag-today", "Sök vård i dag")

        login(page, anna.user.email, PASSWORD)
        shot(f"/diary/{ride.pk}/", "diary-entry-high-baseline-keep", "Behåll")
        shot("/diary/", "diary-my-limits", detail="#my-limits")
        shot("/", "start-not-settling", "Sara, 010-123 45 67", detail="#not-settling")
        shot(f"/questionnaires/{worse.pk}/result/", "questionnaire-worsening", "sämre")
        shot(f"/balance/{heavy.pk}/", "balance-heavy-feelings", "1177")
        shot("/guide/08-en-dalig-period/", "lesson-08")

    # October's repeated hour: the form asks summer or winter time.
    with time_machine.travel(datetime(2026, 10, 25, 12, tzinfo=UTC), tick=True):
        login(page, anna.user.email, PASSWORD)  # the session of March has expired
        page.goto("/diary/new/")
        page.select_option("#id_kind", "walking")
        page.fill("#id_local_date", "2026-10-25")
        page.fill("#id_local_time", "02:30")
        page.fill("#id_minutes", "20")
        for name, value in (("pain_baseline", 3), ("pain_during", 4), ("pain_after", 3)):
            page.click(f"label[for=id_{name}_{value}]")
        page.click("main form button[type=submit]")
        page.wait_for_load_state()
        shot("", "diary-repeated-hour", "sommartid", "vintertid")
    assert list(foreign) == []


def test_review_exercise_stop_rule_at_390(cast, open_page, artifacts):
    from battrerygg.programme.services import PrescriptionInput, prescribe

    anna = cast.patient
    with time_machine.travel(NOW, tick=True):
        prescribe(cast.physio, anna, PrescriptionInput(
            exercise="hoftfallning", level=2, frequency_per_week=3, sets=2, repetitions=10),
            submission_key=uuid.uuid4())
        page, _ = open_page(390)
        login(page, anna.user.email, PASSWORD)
        page.goto("/exercises/")
        page.wait_for_load_state()
        assert "Avbryt om benet reagerar" in page.inner_text("main")
        page.screenshot(path=artifacts / "review-exercise-stop-rule.png", full_page=True)
