"""Issue 12: the kind of dose decides what a step changes (clinical.dosing). A hold or a
stretch gets a longer hold, a loaded strength exercise a heavier load, and active sitting
more breaks (a shorter stretch of sitting), never longer sitting."""

from decimal import Decimal

import pytest

from battrerygg.clinical.dosing import (
    BREAKS_SHORTEST,
    HOLD_TOP,
    Band,
    Dose,
    DoseError,
    Step,
    progress,
    regress,
)

STRETCH = (Dose(sets=1, repetitions=2, hold_seconds=20), Dose(sets=2, repetitions=2,
                                                                 hold_seconds=30))
SITTING = (Dose(minutes=45), Dose(minutes=30))
STRENGTH = (Dose(sets=2, repetitions=8), Dose(sets=3, repetitions=10))


def test_hold_progression_lengthens_the_hold_not_the_repetitions():
    step = progress(Step(1, STRETCH[0]), STRETCH)
    assert step == Step(1, Dose(sets=1, repetitions=2, hold_seconds=25))


def test_hold_progression_reaches_the_top_then_the_next_level():
    assert progress(Step(1, Dose(sets=1, repetitions=2, hold_seconds=58)), STRETCH).dose == \
        Dose(sets=1, repetitions=2, hold_seconds=HOLD_TOP)
    assert progress(Step(1, Dose(sets=1, repetitions=2, hold_seconds=HOLD_TOP)), STRETCH) == \
        Step(2, STRETCH[1])


def test_hold_regression_shortens_the_hold():
    assert regress(Step(2, STRETCH[1]), STRETCH).dose.hold_seconds == 25
    with pytest.raises(DoseError) as caught:
        regress(Step(1, Dose(sets=1, repetitions=2, hold_seconds=5)), STRETCH)
    assert caught.value.code == "bottom"


@pytest.mark.parametrize(("kg", "expected"), [
    ("2", "3"),  # at least 1 kg
    ("10", "11"),  # 10 % = 1 kg
    ("20", "22"),  # 10 %
    ("12.5", "14"),  # 1.25 kg, rounded half up to 1.5
])
def test_loaded_strength_progresses_by_the_load(kg, expected):
    start = Dose(sets=3, repetitions=10, load_kg=Decimal(kg))
    step = progress(Step(2, start), STRENGTH)
    assert step.level == 2
    assert (step.dose.sets, step.dose.repetitions) == (3, 10)
    assert step.dose.load_kg == Decimal(expected)


def test_a_band_progresses_to_the_next_stronger_band_then_the_next_level():
    light = Dose(sets=2, repetitions=8, band=Band.LIGHT)
    assert progress(Step(1, light), STRENGTH).dose.band is Band.MEDIUM
    strongest = Dose(sets=2, repetitions=8, band=Band.EXTRA_HEAVY)
    assert progress(Step(1, strongest), STRENGTH) == Step(2, STRENGTH[1])


def test_regressing_the_lightest_load_takes_the_load_away():
    assert regress(Step(1, Dose(sets=2, repetitions=8, load_kg=Decimal("1"))), STRENGTH).dose \
        == Dose(sets=2, repetitions=8)
    assert regress(Step(1, Dose(sets=2, repetitions=8, band=Band.LIGHT)), STRENGTH).dose == \
        Dose(sets=2, repetitions=8)


def test_active_sitting_progresses_by_breaks_not_longer_sitting():
    step = progress(Step(1, SITTING[0]), SITTING, breaks=True)
    assert step == Step(1, Dose(minutes=36))  # 45 − 20 %: a break sooner
    # Down to the shortest stretch, then the next level keeps the shorter sitting.
    assert progress(Step(1, Dose(minutes=BREAKS_SHORTEST)), SITTING, breaks=True) == \
        Step(2, Dose(minutes=BREAKS_SHORTEST))
    minutes, current = 45, Step(1, SITTING[0])
    for _ in range(10):
        try:
            current = progress(current, SITTING, breaks=True)
        except DoseError:
            break
        assert current.dose.minutes is not None and current.dose.minutes <= minutes
        minutes = current.dose.minutes


def test_active_sitting_regresses_to_longer_stretches():
    assert regress(Step(2, Dose(minutes=30)), SITTING, breaks=True) == Step(2, Dose(minutes=36))


@pytest.mark.parametrize(("kwargs", "code"), [
    ({"sets": 2, "repetitions": 8, "hold_seconds": 0}, "hold"),
    ({"sets": 2, "repetitions": 8, "hold_seconds": 121}, "hold"),
    ({"sets": 2, "repetitions": 8, "load_kg": Decimal("0.3")}, "load"),
    ({"sets": 2, "repetitions": 8, "load_kg": Decimal("2.25")}, "load"),
    ({"sets": 2, "repetitions": 8, "load_kg": Decimal("201")}, "load"),
    ({"sets": 2, "repetitions": 8, "band": "purple"}, "load"),
    ({"minutes": 10, "hold_seconds": 20}, "extras"),
    ({"sets": 2, "repetitions": 8, "hold_seconds": 20, "band": Band.LIGHT}, "extras"),
    ({"sets": 2, "repetitions": 8, "load_kg": Decimal("2"), "band": Band.LIGHT}, "extras"),
])
def test_invalid_holds_and_loads_are_refused(kwargs, code):
    with pytest.raises(DoseError) as caught:
        Dose(**kwargs)
    assert caught.value.code == code
