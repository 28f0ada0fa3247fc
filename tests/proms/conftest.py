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
