"""Questionnaire tests run on the journey's second day unless they travel elsewhere:
the cast's episodes start on 2026-03-09, so the baseline questionnaires are due."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine

DAY_TWO = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def on_day_two():
    with time_machine.travel(DAY_TWO, tick=False):
        yield


@pytest.fixture(autouse=True)
def licensed_wording(request):
    """The clinic of these tests holds the licences: made-up wording of every licensed
    instrument is installed (sv, en), unless a test is marked ``no_wording``."""
    if request.node.get_closest_marker("no_wording") or "db" not in request.fixturenames:
        yield
        return
    from tests.proms.wording import install_sample_wording

    request.getfixturevalue("db")
    install_sample_wording()
    yield
