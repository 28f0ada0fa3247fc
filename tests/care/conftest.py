"""Care tests run on 10 March 2026, the day after the cast's episodes began (the baseline
questionnaires are open)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield
