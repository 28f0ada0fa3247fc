"""Bad balance check-ins get a clear Swedish message and nothing is saved."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from battrerygg.audit.models import AuditEvent
from battrerygg.plan.models import BalanceCheckIn
from tests.plan.helpers import checkin_form, sv
from tests.shared import load_case_file

FIRST = load_case_file("journey-anna-refined.json")["balance_checkins"][0]
NOW = datetime(2026, 3, 9, 19, tzinfo=ZoneInfo("Europe/Stockholm"))

CASES = {
    "capacity above 10": ({"strength": "11"}, "The rating must be a whole number from 0 to 10."),
    "negative load": ({"load_stress": "-1"}, "The rating must be a whole number from 0 to 10."),
    "not a whole number": ({"posture": "4.5"}, "The rating must be a whole number from 0 to 10."),
    "a rating missing": ({"fitness": None}, "Choose a number from 0 to 10."),
    "date in the future": ({"local_date": "2026-03-10"}, "The date cannot be in the future."),
    "more than a year back": (
        {"local_date": "2025-03-01"}, "You can date a check-in at most a year back."
    ),
    "unknown direction": ({"physical_direction": "sideways"}, "Choose one of the options."),
    "damaged form key": (
        {"submission_key": "x"}, "The form was incomplete. Reload the page and try again."
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_bad_checkin(client, cast, name):
    changes, message = CASES[name]
    with time_machine.travel(NOW, tick=False):
        client.force_login(cast.patient.user)
        response = client.post("/balance/new/", checkin_form(FIRST, **changes))
    assert response.status_code == 200
    page = response.content.decode()
    assert sv(message) in page
    assert sv("Nothing was saved. Please correct the marked fields.") in page
    assert BalanceCheckIn.objects.count() == 0
    assert not AuditEvent.objects.filter(what="balance_checkin").exists()


def test_the_service_refuses_what_the_form_would(cast):
    from battrerygg.plan.services import PlanError, record_checkin
    from tests.clinical.test_balance_cases import ratings_of

    with pytest.raises(PlanError, match="future_date"):
        record_checkin(cast.patient, local_date=NOW.date().replace(day=10),
                       ratings=ratings_of(FIRST), today=NOW.date())
    with pytest.raises(PlanError, match="bad_direction"):
        record_checkin(cast.patient, local_date=NOW.date(), ratings=ratings_of(FIRST),
                       today=NOW.date(), physical_direction="up")
    assert BalanceCheckIn.objects.count() == 0
