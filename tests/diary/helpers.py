"""Helpers for posting the diary form as a browser would."""

from __future__ import annotations

import uuid
from typing import Any


def activity_form(**overrides: Any) -> dict[str, Any]:
    data = {
        "submission_key": str(uuid.uuid4()),
        "kind": "walking",
        "local_date": "2026-03-10",
        "local_time": "10:00",
        "minutes": "20",
        "pain_baseline": "3",
        "pain_during": "4",
        "pain_after": "3",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}
