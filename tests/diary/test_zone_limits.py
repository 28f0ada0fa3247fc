"""Zone limits per patient and per clinic (SPEC C1: configurable thresholds)."""

from __future__ import annotations

from battrerygg.clinical.pain_monitoring import DEFAULT_LIMITS, ZoneLimits
from battrerygg.diary.queries import limits_for


def test_patient_limits_win_over_the_clinics(cast):
    clinic, patient = cast.clinic, cast.patient
    assert limits_for(patient) == DEFAULT_LIMITS
    clinic.zone_safe_max, clinic.zone_acceptable_max = 1, 4
    clinic.save()
    patient.refresh_from_db()
    assert limits_for(patient) == ZoneLimits(1, 4)
    patient.zone_safe_max, patient.zone_acceptable_max = 3, 6
    assert limits_for(patient) == ZoneLimits(3, 6)


def test_limits_out_of_order_fall_back(cast):
    patient = cast.patient
    patient.zone_safe_max, patient.zone_acceptable_max = 6, 3
    assert limits_for(patient) == DEFAULT_LIMITS


def test_limits_change_the_zone_shown(client, cast, log_activity):
    from datetime import date

    entry = log_activity(cast.patient, date(2026, 3, 10), during=5)
    client.force_login(cast.patient.user)
    assert 'data-zone="acceptable"' in client.get(f"/diary/{entry.pk}/").content.decode()
    cast.patient.zone_safe_max, cast.patient.zone_acceptable_max = 1, 4
    cast.patient.save()
    assert 'data-zone="high_risk"' in client.get(f"/diary/{entry.pk}/").content.decode()
