"""Clinically important change from baseline (SPEC C6).

An improvement is clinically important when the score has fallen by at least the
measure's minimal important change in points (NRS 2 points, ODI 10 points) or by at least
30 % of the baseline score, whichever is reached first. A worsening or no change is never
an important improvement. Computed with exact decimals (3 → 2 is 33.3 %, important).

Source: Ostelo RWJG, Deyo RA, Stratford P, et al. Interpreting change scores for pain and
functional status in low back pain: towards international consensus regarding minimal
important change. Spine 2008;33:90–94.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

POINTS = {"NRS": Decimal(2), "ODI": Decimal(10)}
PERCENT = Decimal(30)


@dataclass(frozen=True)
class Change:
    """points: follow-up − baseline (negative = better for these measures).
    percent: improvement as a share of baseline, in percent (None when baseline is 0)."""

    measure: str
    baseline: Decimal
    follow_up: Decimal
    points: Decimal
    percent: Decimal | None
    important_improvement: bool


def change(measure: str, baseline: Decimal | int | float, follow_up: Decimal | int | float
           ) -> Change:
    """The change of an NRS (0–10) or ODI (0–100) score from baseline to a follow-up.

    Raises ValueError for an unknown measure or a score out of its range.
    """
    if measure not in POINTS:
        raise ValueError(f"no minimal important change known for {measure!r}")
    top = Decimal(10 if measure == "NRS" else 100)
    before, after = Decimal(str(baseline)), Decimal(str(follow_up))
    for value in (before, after):
        if not Decimal(0) <= value <= top:
            raise ValueError(f"{measure} is 0-{top}")
    improvement = before - after
    percent = improvement * 100 / before if before > 0 else None
    important = improvement > 0 and (
        improvement >= POINTS[measure] or (percent is not None and percent >= PERCENT)
    )
    return Change(measure, before, after, after - before, percent, important)
