"""Issue 12's dashboard signals, through the dashboard with its sentences (en, sv): very
high negative emotions in the latest balance check-in (SPEC C3), a baseline above the
acceptable zone (SPEC C1 refinement), and morning pain rising week on week (SPEC C1,
Silbernagel 2007)."""

import uuid
from datetime import UTC, date, datetime, timedelta

from battrerygg.clinic.dashboard import Kind
from battrerygg.clinical.balance import Capacity, Load, Ratings
from battrerygg.plan.services import record_checkin
from tests.clinic.helpers import NOW, log, reasons

TODAY = date(2026, 3, 30)  # day 22 of the cast's episodes


def _checkin(patient, day: date, emotions: int) -> None:
    ratings = Ratings(capacity={c: 5 for c in Capacity},
                      loads={x: emotions if x is Load.NEGATIVE_EMOTIONS else 4 for x in Load})
    record_checkin(patient, local_date=day, ratings=ratings, today=TODAY,
                   submission_key=uuid.uuid4())


def test_very_high_negative_emotions_in_the_latest_checkin(cast):
    _checkin(cast.patient, date(2026, 3, 20), 9)
    _checkin(cast.patient_b, date(2026, 3, 20), 9)
    _checkin(cast.patient_b, date(2026, 3, 27), 7)  # the latest is not very high
    assert reasons(cast.physio, NOW, Kind.NEGATIVE_EMOTIONS) == {"Anna Exempel": [
        "Negative emotions rated 9 of 10 in the balance check-in of 20 March"]}
    assert reasons(cast.physio, NOW, Kind.NEGATIVE_EMOTIONS, language="sv") == {
        "Anna Exempel": ["Negativa känslor skattade till 9 av 10 i balanskollen 20 mars"]}


def test_a_baseline_above_the_acceptable_zone(cast):
    log(cast.patient, NOW - timedelta(days=2), baseline=7, during=5, at_24h=6)
    log(cast.patient, NOW - timedelta(days=1), baseline=6, during=5, at_24h=6)
    log(cast.patient_b, NOW - timedelta(days=1), baseline=5, during=5, at_24h=5)
    assert reasons(cast.physio, NOW, Kind.HIGH_BASELINE) == {"Anna Exempel": [
        "Pain before an activity above the acceptable zone (highest 7, limit 5) 2 times in "
        "the last 7 days"]}
    assert reasons(cast.physio, NOW, Kind.HIGH_BASELINE, language="sv") == {"Anna Exempel": [
        "Smärta före en aktivitet över den acceptabla zonen (högst 7, gräns 5) 2 gånger de "
        "senaste 7 dagarna"]}


def test_morning_pain_rising_week_on_week(cast):
    for days_ago in range(1, 14):
        when = datetime(2026, 3, 30, 9, tzinfo=UTC) - timedelta(days=days_ago)
        log(cast.patient, when, baseline=4, during=3, at_24h=2 if days_ago >= 7 else 3)
        log(cast.patient_b, when, baseline=4, during=3, at_24h=3)  # flat
    # Mornings of 17-23 March: 2 (the 23rd's value is its activity's, on the 23rd);
    # of 24-29 March: 3.
    assert reasons(cast.physio, NOW, Kind.MORNING_PAIN_RISING) == {"Anna Exempel": [
        "Morning pain rising week on week: mean 2.0 → 3.0"]}
    assert reasons(cast.physio, NOW, Kind.MORNING_PAIN_RISING, language="sv") == {
        "Anna Exempel": ["Morgonsmärtan ökar vecka för vecka: snitt 2,0 → 3,0"]}
