"""Exercise doses and one-step progression (SPEC T3, P7, C1).

A dose is either sets × repetitions or a number of minutes. The physiotherapist moves a dose
up (``progress``) or down (``regress``) one step at a time.

*Whether* to move is decided by the pain-monitoring model (SPEC C1: Thomeé R, Phys Ther
1997;77:1690–1703; Silbernagel KG et al., Am J Sports Med 2007;35:897–906): reduce the load
after a session in the high-risk zone or not back to baseline within 24 hours, increase
gradually after three sessions in a row within limits. ``suggestion`` links that advice to a
step.

*How far* one step goes is not given by those sources: the step sizes below are this
programme's own convention, kept as named constants so a clinic can review them. They follow
the common habit of adding a few repetitions, then a set, then moving to a harder variant of
the exercise.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from enum import StrEnum

from battrerygg.clinical.pain_monitoring import SESSIONS_BEFORE_INCREASE, Advice

# Valid ranges of a dose (inclusive).
SETS_MIN, SETS_MAX = 1, 10
REPS_MIN, REPS_MAX = 1, 50
MINUTES_MIN, MINUTES_MAX = 1, 180

# The programme's step convention (not from the sources above; see the module docstring).
REPS_STEP = 2  # one step adds or removes two repetitions per set
REPS_TOP = 15  # above this, progress adds a set instead of repetitions
REPS_BOTTOM = 6  # below this, regress removes a set instead of repetitions
REPS_AFTER_NEW_SET = 10  # repetitions per set when a set is added
SETS_TOP = 3  # above this, progress moves to the next level
MINUTES_STEP_PERCENT = 20  # one step changes the minutes by 20 %, at least one minute
MINUTES_TOP = 60  # above this, progress moves to the next level


class DoseError(ValueError):
    """A dose or step that breaks a rule. ``code`` names the rule for a translated message:
    "missing" (neither or both kinds of dose), "sets", "repetitions", "minutes" (out of
    range or not a whole number), "top" (no step up left), "bottom" (no step down left),
    "level" (level outside 1…levels)."""

    def __init__(self, code: str, message: str = "") -> None:
        super().__init__(message or code)
        self.code = code


def _whole(value: object, low: int, high: int, code: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise DoseError(code, f"{code} must be a whole number {low}-{high}")
    return value


@dataclass(frozen=True)
class Dose:
    """Sets × repetitions (sets 1–10, repetitions 1–50) or minutes (1–180), not both.

    Raises DoseError on construction when the dose is incomplete, mixed or out of range.
    """

    sets: int | None = None
    repetitions: int | None = None
    minutes: int | None = None

    def __post_init__(self) -> None:
        if self.minutes is not None:
            if self.sets is not None or self.repetitions is not None:
                raise DoseError("missing", "give sets × repetitions or minutes, not both")
            _whole(self.minutes, MINUTES_MIN, MINUTES_MAX, "minutes")
            return
        if self.sets is None or self.repetitions is None:
            raise DoseError("missing", "give sets × repetitions or minutes")
        _whole(self.sets, SETS_MIN, SETS_MAX, "sets")
        _whole(self.repetitions, REPS_MIN, REPS_MAX, "repetitions")

    @property
    def timed(self) -> bool:
        """True for a dose in minutes."""
        return self.minutes is not None


@dataclass(frozen=True)
class Step:
    """A dose at a level of an exercise (level 1 = easiest)."""

    level: int
    dose: Dose


def _check_level(level: int, level_doses: tuple[Dose, ...]) -> None:
    if not level_doses or not 1 <= level <= len(level_doses):
        raise DoseError("level", "level outside the exercise's levels")


def _minutes_step(minutes: int) -> int:
    return max(1, math.floor(minutes * MINUTES_STEP_PERCENT / 100 + 0.5))


def progress(current: Step, level_doses: tuple[Dose, ...]) -> Step:
    """One step up from ``current``.

    level_doses: the exercise's default dose per level (index 0 = level 1).
    Sets × repetitions: add REPS_STEP repetitions up to REPS_TOP; at REPS_TOP add a set
    (repetitions back to REPS_AFTER_NEW_SET) up to SETS_TOP; then the next level at its
    default dose. Minutes: add MINUTES_STEP_PERCENT % (at least one minute) up to MINUTES_TOP;
    then the next level. Raises DoseError("top") at the last level's top, ("level") for a
    level outside level_doses. Source: the programme's convention (module docstring).
    """
    _check_level(current.level, level_doses)
    dose = current.dose
    if dose.timed:
        assert dose.minutes is not None
        if dose.minutes < MINUTES_TOP:
            minutes = min(dose.minutes + _minutes_step(dose.minutes), MINUTES_TOP)
            return replace(current, dose=Dose(minutes=minutes))
    else:
        assert dose.sets is not None and dose.repetitions is not None
        if dose.repetitions < REPS_TOP:
            reps = min(dose.repetitions + REPS_STEP, REPS_TOP)
            return replace(current, dose=Dose(sets=dose.sets, repetitions=reps))
        if dose.sets < SETS_TOP:
            return replace(current, dose=Dose(sets=dose.sets + 1, repetitions=REPS_AFTER_NEW_SET))
    if current.level < len(level_doses):
        return Step(current.level + 1, level_doses[current.level])
    raise DoseError("top", "already at the highest level and dose")


def regress(current: Step, level_doses: tuple[Dose, ...]) -> Step:
    """One step down from ``current``.

    Sets × repetitions: remove REPS_STEP repetitions down to REPS_BOTTOM; at REPS_BOTTOM (or
    below) remove a set, down to one; then the level below at its default dose. Minutes:
    remove MINUTES_STEP_PERCENT % (at least one minute) down to one minute; then the level
    below. Raises DoseError("bottom") at level 1 with one set of REPS_BOTTOM repetitions or
    fewer (or one minute), ("level") for a level outside level_doses.
    Source: the programme's convention (module docstring).
    """
    _check_level(current.level, level_doses)
    dose = current.dose
    if dose.timed:
        assert dose.minutes is not None
        if dose.minutes > MINUTES_MIN:
            minutes = max(dose.minutes - _minutes_step(dose.minutes), MINUTES_MIN)
            return replace(current, dose=Dose(minutes=minutes))
    else:
        assert dose.sets is not None and dose.repetitions is not None
        if dose.repetitions > REPS_BOTTOM:
            reps = max(dose.repetitions - REPS_STEP, REPS_BOTTOM)
            return replace(current, dose=Dose(sets=dose.sets, repetitions=reps))
        if dose.sets > SETS_MIN:
            return replace(current, dose=Dose(sets=dose.sets - 1, repetitions=dose.repetitions))
    if current.level > 1:
        return Step(current.level - 1, level_doses[current.level - 2])
    raise DoseError("bottom", "already at the easiest level and dose")


class Suggestion(StrEnum):
    """What the physiotherapist may do with a prescription's dose."""

    PROGRESS = "progress"
    KEEP = "keep"
    REGRESS = "regress"
    AWAIT = "await"  # the latest session's 24-hour value is not given yet


def suggestion(advice: Advice | None, sessions_at_dose: int | None = None) -> Suggestion | None:
    """The dose step that the C1 advice of the latest session of an exercise points to.

    advice: pain_monitoring.assess(...).advice for the latest session of this exercise
    (None: no session yet → None). sessions_at_dose: sessions logged since the dose was
    last changed, if known; "increase" needs SESSIONS_BEFORE_INCREASE of them, so a dose
    just raised is not raised again on the strength of sessions at the old dose.
    reduce → regress; keep → keep; increase → progress; await_24h → await.
    Source: SPEC C1 (Thomeé 1997; Silbernagel et al. 2007); programme convention for the
    sessions-at-dose guard.
    """
    if advice is None:
        return None
    if advice is Advice.REDUCE:
        return Suggestion.REGRESS
    if advice is Advice.AWAIT_24H:
        return Suggestion.AWAIT
    if advice is Advice.INCREASE and (
        sessions_at_dose is None or sessions_at_dose >= SESSIONS_BEFORE_INCREASE
    ):
        return Suggestion.PROGRESS
    return Suggestion.KEEP
