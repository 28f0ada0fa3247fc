"""Exercise doses and one-step progression (SPEC T3, P7, C1).

A dose is either sets × repetitions or a number of minutes. Sets × repetitions may carry
either a hold (seconds each repetition is held: holds and stretches) or an external load
(kilograms, or an elastic band's strength: strength exercises). The physiotherapist moves a
dose up (``progress``) or down (``regress``) one step at a time, and the kind of dose decides
what a step changes: a hold gets longer, a load heavier, repetitions more, minutes more; for
an exercise of breaks from sitting (``breaks=True``, "active sitting") the minutes are the
longest stretch of sitting, and a step up shortens it (more breaks, never longer sitting).

*Whether* to move is decided by the pain-monitoring model (SPEC C1: Thomeé R, Phys Ther
1997;77:1690–1703; Silbernagel KG et al., Am J Sports Med 2007;35:897–906): reduce the load
after a session that raised pain (during or right after) above the baseline into the
high-risk zone or was not back to baseline within 24 hours, increase
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
from decimal import ROUND_HALF_UP, Decimal
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
HOLD_MIN, HOLD_MAX = 1, 120  # valid hold, seconds per repetition
HOLD_STEP_SECONDS = 5  # one step lengthens or shortens the hold by five seconds
HOLD_TOP = 60  # a hold longer than this is not progressed further: the next level instead
HOLD_BOTTOM = 5  # regress shortens a hold down to this, then the level below
LOAD_KG_MIN, LOAD_KG_MAX = Decimal("0.5"), Decimal("200")  # valid load, half kilograms
LOAD_STEP_PERCENT = 10  # one step changes the load by 10 %, at least LOAD_STEP_KG
LOAD_STEP_KG = Decimal("1")
BREAKS_SHORTEST = 15  # active sitting: the shortest stretch of sitting a step up asks for
BREAKS_LONGEST = 60  # active sitting: the longest stretch a step down allows


class Band(StrEnum):
    """An elastic band's strength, lightest first (colours differ between makers)."""

    LIGHT = "light"
    MEDIUM = "medium"
    HEAVY = "heavy"
    EXTRA_HEAVY = "extra_heavy"


class DoseError(ValueError):
    """A dose or step that breaks a rule. ``code`` names the rule for a translated message:
    "missing" (neither or both kinds of dose), "sets", "repetitions", "minutes" (out of
    range or not a whole number), "hold" (hold out of range), "load" (kilograms out of range
    or not in half kilograms, or an unknown band), "extras" (a hold or load with minutes, or
    more than one of hold, kilograms and band), "top" (no step up left), "bottom" (no step
    down left), "level" (level outside 1…levels)."""

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

    With sets × repetitions, at most one of: hold_seconds (1–120, each repetition held that
    long), load_kg (0.5–200 kg in half kilograms, a Decimal) or band (a Band). Raises
    DoseError on construction when the dose is incomplete, mixed or out of range.
    """

    sets: int | None = None
    repetitions: int | None = None
    minutes: int | None = None
    hold_seconds: int | None = None
    load_kg: Decimal | None = None
    band: Band | None = None

    def __post_init__(self) -> None:
        extras = [x for x in (self.hold_seconds, self.load_kg, self.band) if x is not None]
        if self.minutes is not None:
            if self.sets is not None or self.repetitions is not None:
                raise DoseError("missing", "give sets × repetitions or minutes, not both")
            _whole(self.minutes, MINUTES_MIN, MINUTES_MAX, "minutes")
            if extras:
                raise DoseError("extras", "a hold or load goes with sets × repetitions")
            return
        if self.sets is None or self.repetitions is None:
            raise DoseError("missing", "give sets × repetitions or minutes")
        _whole(self.sets, SETS_MIN, SETS_MAX, "sets")
        _whole(self.repetitions, REPS_MIN, REPS_MAX, "repetitions")
        if len(extras) > 1:
            raise DoseError("extras", "give at most one of hold, kilograms and band")
        if self.hold_seconds is not None:
            _whole(self.hold_seconds, HOLD_MIN, HOLD_MAX, "hold")
        if self.load_kg is not None and not (
            isinstance(self.load_kg, Decimal) and self.load_kg.is_finite()
            and LOAD_KG_MIN <= self.load_kg <= LOAD_KG_MAX and (self.load_kg * 2) % 1 == 0
        ):
            raise DoseError("load", "kilograms must be 0.5–200 in half kilograms")
        if self.band is not None and not isinstance(self.band, Band):
            raise DoseError("load", "unknown band")

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


def _load_step(kg: Decimal) -> Decimal:
    """LOAD_STEP_PERCENT of ``kg``, at least LOAD_STEP_KG, rounded half up to half kilograms."""
    step = max(LOAD_STEP_KG, kg * LOAD_STEP_PERCENT / 100)
    return (step * 2).to_integral_value(rounding=ROUND_HALF_UP) / 2


def _next_band(band: Band, up: bool) -> Band | None:
    order = list(Band)
    index = order.index(band) + (1 if up else -1)
    return order[index] if 0 <= index < len(order) else None


def progress(current: Step, level_doses: tuple[Dose, ...], *, breaks: bool = False) -> Step:
    """One step up from ``current``.

    level_doses: the exercise's default dose per level (index 0 = level 1).
    breaks: the exercise is breaks from sitting; its minutes are the longest stretch of
    sitting, so a step up shortens them by MINUTES_STEP_PERCENT % (at least one minute) down
    to BREAKS_SHORTEST, then the next level, whose default is used only when it is shorter
    (a new level changes what the break holds, never lengthens the sitting).
    A hold: add HOLD_STEP_SECONDS up to HOLD_TOP (sets and repetitions stay), then the next
    level. Kilograms: add LOAD_STEP_PERCENT % (at least LOAD_STEP_KG, half kilograms) up to
    LOAD_KG_MAX; a band: the next stronger band; at the strongest, the next level.
    Sets × repetitions without either: add REPS_STEP repetitions up to REPS_TOP; at REPS_TOP
    add a set (repetitions back to REPS_AFTER_NEW_SET) up to SETS_TOP; then the next level at
    its default dose. Minutes: add MINUTES_STEP_PERCENT % (at least one minute) up to
    MINUTES_TOP; then the next level. Raises DoseError("top") at the last level's top,
    ("level") for a level outside level_doses. Source: the programme's convention (module
    docstring).
    """
    _check_level(current.level, level_doses)
    dose = current.dose
    if dose.timed:
        assert dose.minutes is not None
        if breaks:
            if dose.minutes > BREAKS_SHORTEST:
                minutes = max(dose.minutes - _minutes_step(dose.minutes), BREAKS_SHORTEST)
                return replace(current, dose=Dose(minutes=minutes))
        elif dose.minutes < MINUTES_TOP:
            minutes = min(dose.minutes + _minutes_step(dose.minutes), MINUTES_TOP)
            return replace(current, dose=Dose(minutes=minutes))
    elif dose.hold_seconds is not None:
        if dose.hold_seconds < HOLD_TOP:
            hold = min(dose.hold_seconds + HOLD_STEP_SECONDS, HOLD_TOP)
            return replace(current, dose=replace(dose, hold_seconds=hold))
    elif dose.load_kg is not None:
        if dose.load_kg < LOAD_KG_MAX:
            kg = min(dose.load_kg + _load_step(dose.load_kg), LOAD_KG_MAX)
            return replace(current, dose=replace(dose, load_kg=kg))
    elif dose.band is not None:
        stronger = _next_band(dose.band, up=True)
        if stronger is not None:
            return replace(current, dose=replace(dose, band=stronger))
    else:
        assert dose.sets is not None and dose.repetitions is not None
        if dose.repetitions < REPS_TOP:
            reps = min(dose.repetitions + REPS_STEP, REPS_TOP)
            return replace(current, dose=Dose(sets=dose.sets, repetitions=reps))
        if dose.sets < SETS_TOP:
            return replace(current, dose=Dose(sets=dose.sets + 1, repetitions=REPS_AFTER_NEW_SET))
    if current.level < len(level_doses):
        following = level_doses[current.level]
        if breaks and dose.minutes is not None and following.minutes is not None:
            # a new level changes the breaks, never lengthens the sitting
            following = Dose(minutes=min(dose.minutes, following.minutes))
        return Step(current.level + 1, following)
    raise DoseError("top", "already at the highest level and dose")


def regress(current: Step, level_doses: tuple[Dose, ...], *, breaks: bool = False) -> Step:
    """One step down from ``current``.

    breaks: as in ``progress``; a step down lengthens the stretch of sitting by
    MINUTES_STEP_PERCENT % up to BREAKS_LONGEST, then the level below (its default only when
    longer).
    A hold: shorten by HOLD_STEP_SECONDS down to HOLD_BOTTOM, then the level below.
    Kilograms: remove LOAD_STEP_PERCENT % (at least LOAD_STEP_KG) down to LOAD_KG_MIN; from
    there (or a lighter step) the load is taken away and the repetitions stay. A band: the
    next lighter band; from the lightest, no band.
    Sets × repetitions: remove REPS_STEP repetitions down to REPS_BOTTOM; at REPS_BOTTOM (or
    below) remove a set, down to one; then the level below at its default dose. Minutes:
    remove MINUTES_STEP_PERCENT % (at least one minute) down to one minute; then the level
    below. Raises DoseError("bottom") at level 1 with one set of REPS_BOTTOM repetitions or
    fewer (or one minute, or a hold of HOLD_BOTTOM), ("level") for a level outside
    level_doses. Source: the programme's convention (module docstring).
    """
    _check_level(current.level, level_doses)
    dose = current.dose
    if dose.timed:
        assert dose.minutes is not None
        if breaks:
            if dose.minutes < BREAKS_LONGEST:
                minutes = min(dose.minutes + _minutes_step(dose.minutes), BREAKS_LONGEST)
                return replace(current, dose=Dose(minutes=minutes))
        elif dose.minutes > MINUTES_MIN:
            minutes = max(dose.minutes - _minutes_step(dose.minutes), MINUTES_MIN)
            return replace(current, dose=Dose(minutes=minutes))
    elif dose.hold_seconds is not None:
        if dose.hold_seconds > HOLD_BOTTOM:
            hold = max(dose.hold_seconds - HOLD_STEP_SECONDS, HOLD_BOTTOM)
            return replace(current, dose=replace(dose, hold_seconds=hold))
    elif dose.load_kg is not None:
        kg = dose.load_kg - _load_step(dose.load_kg)
        return replace(current, dose=replace(dose, load_kg=kg if kg >= LOAD_KG_MIN else None))
    elif dose.band is not None:
        return replace(current, dose=replace(dose, band=_next_band(dose.band, up=False)))
    else:
        assert dose.sets is not None and dose.repetitions is not None
        if dose.repetitions > REPS_BOTTOM:
            reps = max(dose.repetitions - REPS_STEP, REPS_BOTTOM)
            return replace(current, dose=Dose(sets=dose.sets, repetitions=reps))
        if dose.sets > SETS_MIN:
            return replace(current, dose=Dose(sets=dose.sets - 1, repetitions=dose.repetitions))
    if current.level > 1:
        below = level_doses[current.level - 2]
        if breaks and dose.minutes is not None and below.minutes is not None:
            below = Dose(minutes=max(dose.minutes, below.minutes))
        return Step(current.level - 1, below)
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
