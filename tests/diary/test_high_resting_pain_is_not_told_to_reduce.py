"""The diary gives the refined C1 advice: resting pain 7, a walk that kept it at 6 and 7 the
next morning is "keep", with the reason in words; pain right after in the high-risk zone is
"reduce" at once."""

from __future__ import annotations

from datetime import UTC, date, datetime

import time_machine
from django.utils import translation

from battrerygg.diary.texts import REASONS

NOW = datetime(2026, 3, 20, 12, tzinfo=UTC)


def _page(client, cast, entry) -> tuple[str, str]:
    with time_machine.travel(NOW, tick=False):
        client.force_login(cast.patient.user)
        response = client.get(f"/diary/{entry.pk}/")
    return response.content.decode(), response.wsgi_request.LANGUAGE_CODE


def test_a_walk_that_did_not_raise_high_resting_pain_is_keep(client, cast, log_activity):
    entry = log_activity(cast.patient, date(2026, 3, 10), baseline=7, during=6, after=6)
    entry.pain_24h = 7
    entry.save()
    page, language = _page(client, cast, entry)
    assert 'data-advice="keep"' in page and 'data-zone="high_risk"' in page
    with translation.override(language):
        assert str(REASONS["high_not_raised"]) in page


def test_pain_right_after_in_the_high_risk_zone_is_reduce_at_once(client, cast, log_activity):
    entry = log_activity(cast.patient, date(2026, 3, 10), baseline=2, during=4, after=7)
    page, language = _page(client, cast, entry)
    assert 'data-advice="reduce"' in page and 'data-zone="acceptable"' in page
    with translation.override(language):
        assert str(REASONS["after_high_risk"]) in page
