"""Clinically important change from baseline (SPEC C6).

An improvement is clinically important when the score has fallen by at least the
measure's minimal important change in points (NRS 2 points, ODI 10 points), or by at least
30 % of the baseline score when the baseline is above the measure's floor (below).
Computed with exact decimals (3 → 2 is 33.3 %, important).

Baseline floor of the 30 % route (SPEC C6 refinement, turn 2). A proportion of a small
number is a small number: NRS 1 → 0 is a 100 % improvement of one point, ODI 8 → 0 one of
eight points, and neither is a clinically important change. Ostelo et al. (2008) give the
30 % threshold for patients with pain and disability to improve from; they note that the
minimal important change depends on the baseline and that a patient near the floor of the
scale cannot show one. The 30 % route therefore applies only to a baseline *above the
lowest band* of the measure, where a patient has something to improve from:
- NRS: above 2, the top of the "safe" zone of the pain-monitoring model (Thomeé 1997; SPEC
  C1), so from 3 (3 → 2, 33 %, stays important: cases CH02);
- ODI: above 20, the top of the "minimal disability" band (Fairbank & Pynsent 2000).
Below the floor only the point threshold can make an improvement important (NRS 2 → 0 still
is). The floors are this programme's reading of the sources, named constants here.

Verdicts. A score that rose is named a worsening (``worsened``), whatever its size; an
important one reaches the measure's point threshold upwards (``important_worsening``, the
same minimal important change read the other way). At baseline 0 there is nothing to
improve from: no percentage and no verdict (``verdict`` None) unless the score rose.

Source: Ostelo RWJG, Deyo RA, Stratford P, et al. Interpreting change scores for pain and
functional status in low back pain: towards international consensus regarding minimal
important change. Spine 2008;33:90–94. Thomeé R. Phys Ther 1997;77:1690–1703. Fairbank JCT,
Pynsent PB. Spine 2000;25:2940–2953.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

POINTS = {"NRS": Decimal(2), "ODI": Decimal(10)}
PERCENT = Decimal(30)
# The 30 % route needs a baseline strictly above this (the top of the measure's lowest band).
PERCENT_FLOOR = {"NRS": Decimal(2), "ODI": Decimal(20)}


class Verdict(StrEnum):
    """What a change from baseline means (SPEC C6)."""

    IMPORTANT_IMPROVEMENT = "important_improvement"
    IMPROVED = "improved"  # better, but not by a clinically important change
    UNCHANGED = "unchanged"
    WORSENED = "worsened"  # higher than at baseline, less than the minimal important change
    IMPORTANT_WORSENING = "important_worsening"


@dataclass(frozen=True)
class Change:
    """points: follow-up − baseline (negative = better for these measures).
    percent: improvement as a share of baseline, in percent (None when baseline is 0).
    important_improvement: C6's verdict. worsened: the score rose (any amount).
    important_worsening: it rose by at least the measure's point threshold.
    verdict: the one word for all of it, None at baseline 0 unless the score rose."""

    measure: str
    baseline: Decimal
    follow_up: Decimal
    points: Decimal
    percent: Decimal | None
    important_improvement: bool
    worsened: bool = False
    important_worsening: bool = False
    verdict: Verdict | None = None


def change(measure: str, baseline: Decimal | int | float, follow_up: Decimal | int | float
           ) -> Change:
    """The change of an NRS (0–10) or ODI (0–100) score from baseline to a follow-up.

    Lower is better for both. Raises ValueError for an unknown measure or a score out of
    its range.
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
    by_percent = (percent is not None and percent >= PERCENT
                  and before > PERCENT_FLOOR[measure])
    important = improvement > 0 and (improvement >= POINTS[measure] or by_percent)
    worsened = improvement < 0
    important_worsening = -improvement >= POINTS[measure]
    verdict: Verdict | None
    if important_worsening:
        verdict = Verdict.IMPORTANT_WORSENING
    elif worsened:
        verdict = Verdict.WORSENED
    elif before == 0:
        verdict = None  # nothing to improve from
    elif important:
        verdict = Verdict.IMPORTANT_IMPROVEMENT
    elif improvement > 0:
        verdict = Verdict.IMPROVED
    else:
        verdict = Verdict.UNCHANGED
    return Change(measure, before, after, after - before, percent, important, worsened,
                  important_worsening, verdict)
