"""WCAG 2.1 A/AA rules that a machine can check (axe-core), on every page, at phone and
desktop width, in Swedish and English (SPEC Q4). Keyboard use and reading order still
need a person; this catches labels, contrast, names, landmarks and ARIA misuse."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.e2e.conftest import axe_checker, login
from tests.pages import PATIENT, PUBLIC, add_plan_data, lesson_paths
from tests.redflags.helpers import red_flag_form

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "Axe-check-2026"


@pytest.fixture
def patient(db):
    from battrerygg.diary.services import ActivityInput, record_activity, save_flare_up_plan
    from battrerygg.patients.services import register_patient
    from battrerygg.redflags.services import record_red_flag_check

    patient = register_patient(email="axe@example.se", password=PASSWORD,
                               episode_start=timezone.localdate() - timedelta(days=20))
    now = timezone.now()
    for days, during in ((3, 7), (2, 4), (1, 2)):
        local = (now - timedelta(days=days)).astimezone(patient.tz)
        record_activity(patient, ActivityInput(
            kind="walking", local_date=local.date(), local_time=local.time().replace(
                second=0, microsecond=0), minutes=20, pain_baseline=3, pain_during=during,
            pain_after=3), submission_key=uuid.uuid4(), now=now)
    save_flare_up_plan(patient, expected_days=7, what_helps="värme")
    answers = {k: v == "yes" for k, v in red_flag_form("history_of_cancer").items()
               if k != "submission_key"}
    record_red_flag_check(patient, answers, submission_key=uuid.uuid4())
    add_plan_data(patient, timezone.localdate())
    return patient


@pytest.mark.parametrize("width", [390, 1280])
def test_no_axe_violations(patient, open_page, width):
    page, _foreign = open_page(width)
    check, found = axe_checker(page)
    for path in PUBLIC + lesson_paths():
        page.goto(path)
        check(path)
    login(page, "axe@example.se", PASSWORD)
    entry = patient.diary_entries.first()
    check_ = patient.red_flag_checks.first()
    for language in ("sv", "en"):
        if language == "en":
            page.click("button[name=language][value=en]")
        checkin = patient.balance_checkins.first()
        for path in [*PATIENT, f"/diary/{entry.pk}/", f"/red-flags/result/{check_.pk}/",
                     f"/balance/{checkin.pk}/"]:
            page.goto(path)
            check(f"{language} {path}")
        page.goto("/diary/new/")
        with page.expect_navigation():
            page.click("main form button[type=submit]")  # the form with every error shown
        check(f"{language} diary form errors")
        page.goto("/balance/new/")
        with page.expect_navigation():
            page.click("main form button[type=submit]")
        check(f"{language} check-in form errors")
    assert found == {}
