"""Red flags: warning signs in low back pain and what to do (SPEC C2).

Sources: the BättreRygg patient leaflet; Finucane LM et al. International framework for red
flags for potential serious spinal pathologies. J Orthop Sports Phys Ther 2020;50:350–372;
NICE guideline NG59, Low back pain and sciatica in over 16s (2016, updated 2020); NICE
guideline NG65, Spondyloarthritis in over 16s (2017); Swedish regional guidance for primary
care and 1177 (Vårdguiden) on back pain. Single red flags predict serious disease poorly
(Finucane 2020): an outcome prompts contact with care, it is never a diagnosis.

Outcomes (turn 2 of SPEC C2): five levels, most urgent first. "Seek care today" sits between
emergency and "seek care soon" for the signs where a delay of days is too long but the
emergency department is not the first place to go: fever or feeling generally ill with the
back pain (possible infection), pain after an accident or a fall (possible fracture), and a
new marked weakness or numbness in one leg or foot (a neurological deficit that is not
worsening fast). A high-energy accident (traffic, a fall from a height) is an emergency.

No under-triage: ``outcome_of`` is the most urgent outcome of any sign answered yes, so a
combination of answers is never less urgent than any of its signs alone
(``tests/clinical/test_red_flags_no_under_triage.py`` enumerates every answer set).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum


class Outcome(StrEnum):
    """The five outcomes, in order of precedence (most urgent first)."""

    EMERGENCY = "emergency"  # now: the emergency department; 112 if you cannot get there
    SEEK_CARE_TODAY = "seek_care_today"  # today: health centre or 1177, else the emergency dept.
    SEEK_CARE_SOON = "seek_care_soon"  # within a few days: the health centre (1177)
    CONTACT_PHYSIOTHERAPIST = "contact_physiotherapist"
    SELF_CARE = "self_care"


class Sign(StrEnum):
    """Warning signs asked about in the check; each maps to one outcome.

    The values are stored with every answered check: never rename one (a stored check
    must still read). New signs are added; a check stored before they were asked simply
    lacks their keys (read as "not asked", never as "yes").
    """

    # Possible cauda equina syndrome or progressive neurological deficit (Finucane 2020).
    BLADDER_BOWEL_CONTROL = "bladder_bowel_control"
    SADDLE_NUMBNESS = "saddle_numbness"
    NEW_SEXUAL_DYSFUNCTION = "new_sexual_dysfunction"
    BOTH_LEGS_NUMB_TINGLING_OR_WEAK = "both_legs_numb_tingling_or_weak"
    WORSENING_LEG_OR_FOOT_WEAKNESS = "worsening_leg_or_foot_weakness"
    ONE_LEG_OR_FOOT_WEAK_OR_NUMB = "one_leg_or_foot_weak_or_numb"
    # Possible fracture, malignancy, infection or inflammatory disease (Finucane 2020;
    # NICE NG59; NICE NG65).
    HIGH_ENERGY_TRAUMA = "high_energy_trauma"
    AFTER_ACCIDENT_OR_FALL = "after_accident_or_fall"
    HISTORY_OF_CANCER = "history_of_cancer"
    OSTEOPOROSIS_OR_LONG_TERM_CORTISONE = "osteoporosis_or_long_term_cortisone"
    FEVER_OR_GENERALLY_ILL = "fever_or_generally_ill"
    WEAKENED_IMMUNITY_OR_INJECTED_DRUGS = "weakened_immunity_or_injected_drugs"
    UNEXPLAINED_WEIGHT_LOSS = "unexplained_weight_loss"
    CONSTANT_NIGHT_PAIN = "constant_night_pain"
    FIRST_ONSET_AFTER_50 = "first_onset_after_50"
    INFLAMMATORY_BACK_PAIN = "inflammatory_back_pain"
    # The leaflet: help from a physiotherapist when it does not settle.
    NOT_SETTLING_AFTER_TWO_WEEKS = "not_settling_after_two_weeks"
    UNABLE_TO_PROGRESS_ALONE = "unable_to_progress_alone"


OUTCOME_OF_SIGN: Mapping[Sign, Outcome] = {
    Sign.BLADDER_BOWEL_CONTROL: Outcome.EMERGENCY,
    Sign.SADDLE_NUMBNESS: Outcome.EMERGENCY,
    Sign.NEW_SEXUAL_DYSFUNCTION: Outcome.EMERGENCY,
    Sign.BOTH_LEGS_NUMB_TINGLING_OR_WEAK: Outcome.EMERGENCY,
    Sign.WORSENING_LEG_OR_FOOT_WEAKNESS: Outcome.EMERGENCY,
    Sign.ONE_LEG_OR_FOOT_WEAK_OR_NUMB: Outcome.SEEK_CARE_TODAY,
    Sign.HIGH_ENERGY_TRAUMA: Outcome.EMERGENCY,
    Sign.AFTER_ACCIDENT_OR_FALL: Outcome.SEEK_CARE_TODAY,
    Sign.HISTORY_OF_CANCER: Outcome.SEEK_CARE_SOON,
    Sign.OSTEOPOROSIS_OR_LONG_TERM_CORTISONE: Outcome.SEEK_CARE_SOON,
    Sign.FEVER_OR_GENERALLY_ILL: Outcome.SEEK_CARE_TODAY,
    Sign.WEAKENED_IMMUNITY_OR_INJECTED_DRUGS: Outcome.SEEK_CARE_SOON,
    Sign.UNEXPLAINED_WEIGHT_LOSS: Outcome.SEEK_CARE_SOON,
    Sign.CONSTANT_NIGHT_PAIN: Outcome.SEEK_CARE_SOON,
    Sign.FIRST_ONSET_AFTER_50: Outcome.SEEK_CARE_SOON,
    Sign.INFLAMMATORY_BACK_PAIN: Outcome.SEEK_CARE_SOON,
    Sign.NOT_SETTLING_AFTER_TWO_WEEKS: Outcome.CONTACT_PHYSIOTHERAPIST,
    Sign.UNABLE_TO_PROGRESS_ALONE: Outcome.CONTACT_PHYSIOTHERAPIST,
}

_CES = "Finucane 2020 (cauda equina syndrome); NICE NG59; 1177"
SOURCE_OF_SIGN: Mapping[Sign, str] = {
    Sign.BLADDER_BOWEL_CONTROL: f"leaflet; {_CES}",
    Sign.SADDLE_NUMBNESS: f"leaflet; {_CES}",
    Sign.NEW_SEXUAL_DYSFUNCTION: _CES,
    Sign.BOTH_LEGS_NUMB_TINGLING_OR_WEAK: f"leaflet; {_CES}",
    Sign.WORSENING_LEG_OR_FOOT_WEAKNESS: "leaflet; Finucane 2020 (progressive neurological "
                                         "deficit)",
    Sign.ONE_LEG_OR_FOOT_WEAK_OR_NUMB: "Finucane 2020 (neurological deficit); NICE NG59 "
                                       "(sciatica); Swedish regional guidance / 1177",
    Sign.HIGH_ENERGY_TRAUMA: "Finucane 2020 (fracture: major trauma); Swedish regional "
                             "guidance / 1177",
    Sign.AFTER_ACCIDENT_OR_FALL: "leaflet; Finucane 2020 (fracture: trauma); NICE NG59; "
                                 "Swedish regional guidance / 1177",
    Sign.HISTORY_OF_CANCER: "leaflet; Finucane 2020 (malignancy); NICE NG59",
    Sign.OSTEOPOROSIS_OR_LONG_TERM_CORTISONE: "leaflet; Finucane 2020 (fracture)",
    Sign.FEVER_OR_GENERALLY_ILL: "leaflet; Finucane 2020 (infection); NICE NG59; Swedish "
                                 "regional guidance / 1177",
    Sign.WEAKENED_IMMUNITY_OR_INJECTED_DRUGS: "Finucane 2020 (infection: immunosuppression, "
                                              "intravenous drug use)",
    Sign.UNEXPLAINED_WEIGHT_LOSS: "leaflet; Finucane 2020 (malignancy)",
    Sign.CONSTANT_NIGHT_PAIN: "leaflet; Finucane 2020",
    Sign.FIRST_ONSET_AFTER_50: "Finucane 2020 (malignancy, fracture: age over 50)",
    Sign.INFLAMMATORY_BACK_PAIN: "NICE NG65 (spondyloarthritis: inflammatory back pain, "
                                 "onset before 45)",
    Sign.NOT_SETTLING_AFTER_TWO_WEEKS: "leaflet",
    Sign.UNABLE_TO_PROGRESS_ALONE: "leaflet",
}

PRECEDENCE: tuple[Outcome, ...] = tuple(Outcome)


def outcome_of(answers: Mapping[str, bool]) -> Outcome:
    """The outcome of a red-flag check.

    answers: sign key (a ``Sign`` value) → True when the patient has that sign; keys left
    out or False count as "no". The most urgent outcome of any sign present wins
    (emergency > seek_care_today > seek_care_soon > contact_physiotherapist > self_care);
    none → self_care. Raises ValueError for an unknown key or a non-boolean answer.
    Source: SPEC C2 (leaflet; Finucane 2020; NICE NG59; per sign: ``SOURCE_OF_SIGN``).
    """
    present: set[Outcome] = set()
    for key, value in answers.items():
        try:
            sign = Sign(key)
        except ValueError:
            raise ValueError(f"unknown red-flag sign: {key!r}") from None
        if not isinstance(value, bool):
            raise ValueError(f"answer for {key!r} must be true or false")
        if value:
            present.add(OUTCOME_OF_SIGN[sign])
    for outcome in PRECEDENCE:
        if outcome in present:
            return outcome
    return Outcome.SELF_CARE


def more_urgent(a: Outcome, b: Outcome) -> bool:
    """True when outcome ``a`` is more urgent than ``b`` (earlier in ``PRECEDENCE``)."""
    return PRECEDENCE.index(a) < PRECEDENCE.index(b)


def most_urgent(outcomes: Iterable[Outcome]) -> Outcome:
    """The most urgent of several outcomes (``PRECEDENCE``); self_care when there are none.

    outcomes: outcomes of checks or assessments of one patient, in any order. Used where
    more than one answered check speaks for the same decision (an enrolment after the
    patient's own check): the later, or milder, answer never hides a more urgent one.
    Source: SPEC C2 (never less urgent than any sign alone, carried over to several checks).
    """
    found = set(outcomes)
    return next((o for o in PRECEDENCE if o in found), Outcome.SELF_CARE)


def needs_care(outcome: Outcome) -> bool:
    """True for an outcome that sends the patient to care beyond the programme (emergency,
    today, soon): a physiotherapist who enrols the patient anyway records why (SPEC C2,
    issue 12). Contact the physiotherapist and self-care are within the programme."""
    return more_urgent(outcome, Outcome.CONTACT_PHYSIOTHERAPIST)


def signs_for(outcome: Outcome) -> tuple[Sign, ...]:
    """The signs that lead to ``outcome``, in the order they are asked."""
    return tuple(s for s in Sign if OUTCOME_OF_SIGN[s] is outcome)
