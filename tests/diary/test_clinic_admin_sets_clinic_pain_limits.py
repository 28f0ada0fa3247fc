"""SPEC C1: zone limits per clinic, set by the clinic admin with a reason; a patient's own
limits still win."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine

from battrerygg.clinical.pain_monitoring import ZoneLimits
from battrerygg.diary.models import ClinicLimitsChange
from battrerygg.diary.queries import limits_for
from battrerygg.diary.services import DiaryError, LimitsInput, set_clinic_limits, set_limits
from battrerygg.patients.access import AccessDenied

NOW = datetime(2026, 3, 20, 9, 0, tzinfo=UTC)
URL = "/clinic/pain-limits/"


def _post(client, cast, **overrides):
    data = {"clinic": str(cast.clinic.pk), "safe_max": "1", "acceptable_max": "4",
            "reason": "Our team's agreed limits."}
    data.update(overrides)
    with time_machine.travel(NOW, tick=False):
        client.force_login(cast.clinic_admin)
        return client.post(URL, data)


def test_the_admin_sets_the_clinics_limits_for_its_patients(client, cast):
    assert _post(client, cast).status_code == 302
    cast.patient.refresh_from_db()
    assert limits_for(cast.patient) == ZoneLimits(1, 4)
    change = ClinicLimitsChange.objects.get()
    assert (change.clinic, change.changed_by, change.reason) == (
        cast.clinic, cast.clinic_admin, "Our team's agreed limits.")
    with time_machine.travel(NOW, tick=False):
        page = client.get(URL).content.decode()
    assert 'data-clinic-limits="1,4"' in page and "Our team&#x27;s agreed limits." in page


def test_a_patients_own_limits_win(client, cast):
    set_limits(cast.physio, cast.patient, LimitsInput(3, 6, 0, "tolerant"))
    _post(client, cast)
    cast.patient.refresh_from_db()
    assert limits_for(cast.patient) == ZoneLimits(3, 6)


def test_without_a_reason_or_out_of_order_nothing_is_saved(client, cast):
    assert _post(client, cast, reason="").status_code == 400
    assert _post(client, cast, safe_max="4", acceptable_max="4").status_code == 400
    assert _post(client, cast, safe_max="", acceptable_max="4").status_code == 400
    assert not ClinicLimitsChange.objects.exists()


def test_the_same_limits_again_change_nothing(client, cast):
    _post(client, cast)
    _post(client, cast)
    assert ClinicLimitsChange.objects.count() == 1


def test_only_the_clinics_admin(cast):
    for user in (cast.physio, cast.patient.user, cast.colleague):
        with pytest.raises(AccessDenied):
            set_clinic_limits(user, cast.clinic, 1, 4, "why")
    with pytest.raises(DiaryError):
        set_clinic_limits(cast.clinic_admin, cast.clinic, 1, 4, " ")
    assert not ClinicLimitsChange.objects.exists()


def test_the_admin_cannot_set_another_clinics_limits(client, cast):
    other = cast.other_physio.memberships.get().clinic
    response = _post(client, cast, clinic=str(other.pk))
    assert response.status_code == 400
    other.refresh_from_db()
    assert other.zone_safe_max is None
