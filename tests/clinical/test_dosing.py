"""Dose steps of the programme's convention (clinical.dosing), with right answers at the edges."""

import pytest

from battrerygg.clinical.dosing import (
    Dose,
    DoseError,
    Step,
    Suggestion,
    progress,
    regress,
    suggestion,
)
from battrerygg.clinical.pain_monitoring import Advice

LEVELS = (Dose(sets=2, repetitions=8), Dose(sets=2, repetitions=10), Dose(sets=3, repetitions=8))
TIMED = (Dose(minutes=10), Dose(minutes=20))


@pytest.mark.parametrize("kwargs, code", [
    ({}, "missing"),
    ({"sets": 2}, "missing"),
    ({"sets": 2, "repetitions": 10, "minutes": 5}, "missing"),
    ({"sets": 0, "repetitions": 10}, "sets"),
    ({"sets": 11, "repetitions": 10}, "sets"),
    ({"sets": 2, "repetitions": 0}, "repetitions"),
    ({"sets": 2, "repetitions": 51}, "repetitions"),
    ({"sets": 2, "repetitions": -3}, "repetitions"),
    ({"minutes": 0}, "minutes"),
    ({"minutes": 181}, "minutes"),
    ({"minutes": 2.5}, "minutes"),
    ({"sets": True, "repetitions": 10}, "sets"),
])
def test_invalid_doses_are_refused(kwargs, code):
    with pytest.raises(DoseError) as err:
        Dose(**kwargs)
    assert err.value.code == code


@pytest.mark.parametrize("kwargs", [
    {"sets": 1, "repetitions": 1}, {"sets": 10, "repetitions": 50}, {"minutes": 1},
    {"minutes": 180},
])
def test_range_ends_are_valid(kwargs):
    Dose(**kwargs)


@pytest.mark.parametrize("before, after", [
    (Step(1, Dose(sets=2, repetitions=8)), Step(1, Dose(sets=2, repetitions=10))),
    (Step(1, Dose(sets=2, repetitions=14)), Step(1, Dose(sets=2, repetitions=15))),
    (Step(1, Dose(sets=2, repetitions=15)), Step(1, Dose(sets=3, repetitions=10))),
    (Step(1, Dose(sets=3, repetitions=15)), Step(2, Dose(sets=2, repetitions=10))),
    (Step(2, Dose(sets=5, repetitions=20)), Step(3, Dose(sets=3, repetitions=8))),
])
def test_progress_one_step(before, after):
    assert progress(before, LEVELS) == after


def test_progress_at_the_top_of_the_last_level_is_refused():
    with pytest.raises(DoseError) as err:
        progress(Step(3, Dose(sets=3, repetitions=15)), LEVELS)
    assert err.value.code == "top"


@pytest.mark.parametrize("before, after", [
    (Step(1, Dose(sets=3, repetitions=10)), Step(1, Dose(sets=3, repetitions=8))),
    (Step(1, Dose(sets=3, repetitions=7)), Step(1, Dose(sets=3, repetitions=6))),
    (Step(1, Dose(sets=3, repetitions=6)), Step(1, Dose(sets=2, repetitions=6))),
    (Step(1, Dose(sets=2, repetitions=4)), Step(1, Dose(sets=1, repetitions=4))),
    (Step(2, Dose(sets=1, repetitions=6)), Step(1, Dose(sets=2, repetitions=8))),
])
def test_regress_one_step(before, after):
    assert regress(before, LEVELS) == after


@pytest.mark.parametrize("dose", [Dose(sets=1, repetitions=6), Dose(sets=1, repetitions=1)])
def test_regress_at_the_bottom_is_refused_with_a_reason(dose):
    with pytest.raises(DoseError) as err:
        regress(Step(1, dose), LEVELS)
    assert err.value.code == "bottom"
    assert "easiest" in str(err.value)


@pytest.mark.parametrize("minutes, up, down", [
    (1, 2, None), (2, 3, 1), (10, 12, 8), (30, 36, 24), (55, 60, 44), (90, None, 72),
])
def test_timed_steps(minutes, up, down):
    step = Step(1, Dose(minutes=minutes))
    if up is None:
        assert progress(step, TIMED) == Step(2, Dose(minutes=20))
    else:
        assert progress(step, TIMED) == Step(1, Dose(minutes=up))
    if down is None:
        with pytest.raises(DoseError):
            regress(step, TIMED)
    else:
        assert regress(step, TIMED) == Step(1, Dose(minutes=down))


def test_timed_top_moves_level_then_refuses():
    assert progress(Step(1, Dose(minutes=60)), TIMED) == Step(2, Dose(minutes=20))
    with pytest.raises(DoseError) as err:
        progress(Step(2, Dose(minutes=60)), TIMED)
    assert err.value.code == "top"
    assert regress(Step(2, Dose(minutes=1)), TIMED) == Step(1, Dose(minutes=10))


@pytest.mark.parametrize("level", [0, 4])
def test_level_outside_the_exercise_is_refused(level):
    with pytest.raises(DoseError) as err:
        progress(Step(level, Dose(minutes=5)), LEVELS)
    assert err.value.code == "level"


@pytest.mark.parametrize("advice, at_dose, expected", [
    (None, None, None),
    (Advice.REDUCE, None, Suggestion.REGRESS),
    (Advice.KEEP, None, Suggestion.KEEP),
    (Advice.AWAIT_24H, 5, Suggestion.AWAIT),
    (Advice.INCREASE, None, Suggestion.PROGRESS),
    (Advice.INCREASE, 3, Suggestion.PROGRESS),
    (Advice.INCREASE, 2, Suggestion.KEEP),
    (Advice.REDUCE, 0, Suggestion.REGRESS),
])
def test_suggestion_follows_the_c1_advice(advice, at_dose, expected):
    assert suggestion(advice, at_dose) == expected
