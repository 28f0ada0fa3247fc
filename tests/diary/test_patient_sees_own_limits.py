"""The patient sees their own pain-monitoring limits on the diary page (SPEC C1)."""

from __future__ import annotations

from datetime import UTC, datetime

import time_machine

from battrerygg.diary.services import LimitsInput, set_limits

NOW = datetime(2026, 3, 20, 9, 0, tzinfo=UTC)


def _diary(client, cast) -> str:
    with time_machine.travel(NOW, tick=False):
        client.force_login(cast.patient.user)
        return client.get("/diary/").content.decode()


def test_the_usual_limits_are_shown_before_any_entry(client, cast):
    page = _diary(client, cast)
    assert 'id="my-limits"' in page
    assert 'data-limits="2,5,0"' in page


def test_limits_set_by_the_physiotherapist_are_shown(client, cast):
    set_limits(cast.physio, cast.patient, LimitsInput(1, 4, 1, "after a flare-up"))
    page = _diary(client, cast)
    assert 'data-limits="1,4,1"' in page
    assert "after a flare-up" not in page  # the reason is the physiotherapist's note
