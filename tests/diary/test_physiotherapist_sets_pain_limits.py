"""SPEC C1: the physiotherapist sets a patient's zone limits and 24-hour tolerance on a screen
of their own, with the reason, audited; the advice follows at once."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import time_machine

from battrerygg.audit.models import AuditEvent
from battrerygg.clinical.pain_monitoring import ZoneLimits
from battrerygg.diary.models import LimitsChange
from battrerygg.diary.queries import assessed_entry, limits_for
from battrerygg.diary.services import DiaryError, LimitsInput, set_limits
from battrerygg.patients.access import AccessDenied

NOW = datetime(2026, 3, 20, 9, 0, tzinfo=UTC)


def _url(cast) -> str:
    return f"/clinic/patients/{cast.patient.ref}/pain-limits/"


def _post(client, cast, **overrides):
    data = {"safe_max": "1", "acceptable_max": "4", "follow_up_tolerance": "1",
            "reason": "Morning stiffness; strict zones after a flare-up."}
    data.update(overrides)
    with time_machine.travel(NOW, tick=False):
        client.force_login(cast.physio)
        return client.post(_url(cast), data)


def test_the_physiotherapist_sets_limits_with_a_reason(client, cast):
    response = _post(client, cast)
    assert response.status_code == 302
    cast.patient.refresh_from_db()
    assert limits_for(cast.patient) == ZoneLimits(1, 4, 1)
    change = LimitsChange.objects.get(patient=cast.patient)
    assert change.changed_by == cast.physio
    assert change.reason == "Morning stiffness; strict zones after a flare-up."
    audit = AuditEvent.objects.filter(patient=cast.patient, what="pain_limits",
                                      action="update").get()
    assert audit.actor == cast.physio and audit.object_id == str(change.pk)


def test_the_page_shows_the_limits_and_their_history(client, cast):
    _post(client, cast)
    with time_machine.travel(NOW, tick=False):
        page = client.get(_url(cast)).content.decode()
    assert 'data-limits="1,4,1"' in page
    assert "Morning stiffness; strict zones after a flare-up." in page


def test_without_a_reason_nothing_is_saved(client, cast):
    response = _post(client, cast, reason="  ")
    assert response.status_code == 400
    cast.patient.refresh_from_db()
    assert cast.patient.zone_safe_max is None
    assert not LimitsChange.objects.exists()


@pytest.mark.parametrize(("safe", "acceptable"), [("1", ""), ("5", "3"), ("3", "3")])
def test_limits_out_of_order_or_half_given_are_refused(client, cast, safe, acceptable):
    assert _post(client, cast, safe_max=safe, acceptable_max=acceptable).status_code == 400
    assert not LimitsChange.objects.exists()


def test_the_same_limits_sent_twice_are_one_change(client, cast):
    _post(client, cast)
    _post(client, cast)
    assert LimitsChange.objects.count() == 1
    assert AuditEvent.objects.filter(what="pain_limits", action="update").count() == 1


def test_both_zone_limits_empty_go_back_to_the_clinics(client, cast):
    _post(client, cast)
    _post(client, cast, safe_max="", acceptable_max="", follow_up_tolerance="0",
          reason="Back to the usual limits.")
    cast.patient.refresh_from_db()
    assert limits_for(cast.patient) == ZoneLimits()
    assert LimitsChange.objects.count() == 2


def test_only_the_treating_physiotherapist_may_set_them(cast):
    data = LimitsInput(1, 4, 0, "reason")
    for user in (cast.colleague, cast.patient.user, cast.clinic_admin):
        with pytest.raises(AccessDenied):
            set_limits(user, cast.patient, data)
    with pytest.raises(DiaryError):
        set_limits(cast.physio, cast.patient, LimitsInput(1, 4, 3, "reason"))
    assert not LimitsChange.objects.exists()


def test_a_tolerance_changes_the_advice_at_once(client, cast, log_activity):
    entry = log_activity(cast.patient, date(2026, 3, 10), hour=15, baseline=3, during=4)
    entry.pain_24h = 4  # the next morning, one point above the afternoon baseline
    entry.save()
    assert assessed_entry(cast.patient.user, entry.pk).assessment.advice.value == "reduce"
    _post(client, cast, safe_max="", acceptable_max="", follow_up_tolerance="1")
    cast.patient.refresh_from_db()
    assert assessed_entry(cast.patient.user, entry.pk).assessment.advice.value == "keep"
