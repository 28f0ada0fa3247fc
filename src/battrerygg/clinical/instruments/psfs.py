"""Patient-Specific Functional Scale (PSFS) (SPEC C4).

Structure: the patient names up to five activities they find hard because of their back
and rates each 0 (unable to do it) to 10 (able to do it as before the problem). Score =
mean of the rated activities, rounded to one decimal, half up; higher is better.
Missing items: a named activity without a rating does not count; a rating without a name
counts (a paper form may be entered without copying the names). With no rated activity
there is no score (``missing_reason="no_activity"``); the form cannot be sent then.

Source: Stratford P, Gill C, Westaway M, Binkley J. Assessing disability and change on
individual patients: a report of a patient specific measure. Physiother Can
1995;47:258–263.
Licence: free to use; the questions are in our own words (sv, en).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from battrerygg.clinical.instruments.base import (
    AnswerError,
    Instrument,
    Item,
    ItemType,
    Licence,
    Result,
    round_half_up,
)

ACTIVITIES = 5


def _score(answers: Mapping[str, str]) -> Result:
    scores = [int(answers[f"a{n}_score"]) for n in range(1, ACTIVITIES + 1)
              if answers.get(f"a{n}_score")]
    if not scores:
        return Result(total=None, missing_reason="no_activity")
    mean = round_half_up(Decimal(sum(scores)) / len(scores))
    return Result(total=mean, answered=len(scores))


INSTRUMENT = Instrument(
    id="psfs", version="1995", name="PSFS", licence=Licence.OWN,
    items=tuple(
        item
        for n in range(1, ACTIVITIES + 1)
        for item in (
            Item(f"a{n}", ItemType.STRING, required=False, scored=False),
            Item(f"a{n}_score", ItemType.INTEGER, required=False),
        )
    ),
    scorer=_score, max_total=10, lower_is_better=False,
)


def score_activities(scores: Sequence[int]) -> Result:
    """Mean of one to five activity ratings 0–10.

    Raises AnswerError("no_activity") for none, ("too_many") for more than five,
    ("out_of_range") for a rating outside 0–10.
    """
    if not scores:
        raise AnswerError("no_activity")
    if len(scores) > ACTIVITIES:
        raise AnswerError("too_many")
    answers = {}
    for n, value in enumerate(scores, start=1):
        if isinstance(value, bool) or value not in range(11):
            raise AnswerError("out_of_range", f"a{n}_score")
        answers[f"a{n}_score"] = str(value)
    return INSTRUMENT.score(answers)
