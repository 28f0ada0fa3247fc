"""What the questionnaires say, in our own words (gettext; Swedish in locale/sv).

For NRS and PSFS this is the question itself. For the licensed instruments (STarT Back,
ODI, Örebro, PSEQ) it is only a short description of what each item is about (its
construct), written by us, plus neutral labels of the answer options: the official
wording is installed by the clinic (docs/questionnaire-wording.md) and never kept here.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

TITLES = {
    "nrs_back": _("Back pain over the last week"),
    "nrs_leg": _("Leg pain over the last week"),
    "startback": _("STarT Back: risk screening"),
    "odi": _("Oswestry Disability Index (ODI)"),
    "psfs": _("Activities that are hard (PSFS)"),
    "orebro": _("Örebro questionnaire, short form"),
    "pseq": _("Confidence despite pain (PSEQ)"),
}

ABOUT = {
    "nrs_back": _("One question about how strong your back pain has been over the last week."),
    "nrs_leg": _("One question about how strong the pain in your leg has been over the last "
                 "week."),
    "startback": _("Nine questions that help your physiotherapist choose the right level of care."),
    "odi": _("Ten questions about how your back affects everyday life."),
    "psfs": _("Name up to five activities that are hard because of your back, and rate each."),
    "orebro": _("Ten questions about things that can slow down recovery."),
    "pseq": _("Ten questions about how sure you are that you can do things despite the pain."),
}

# Our own wording (NRS, PSFS) and construct descriptions (licensed instruments).
QUESTIONS = {
    ("nrs_back", "pain"): _("How strong has your back pain been on average over the last week?"),
    ("nrs_leg", "pain"): _("How strong has the pain in your leg or legs been on average over the last week?"),
    ("startback", "sb1"): _("Leg pain: pain spreading from the back (last two weeks)"),
    ("startback", "sb2"): _("Shoulder or neck pain as well (last two weeks)"),
    ("startback", "sb3"): _("Walking distance limited by the back"),
    ("startback", "sb4"): _("Dressing slowed down by back pain (last two weeks)"),
    ("startback", "sb5"): _("Fear: physical activity seen as unsafe for one's back"),
    ("startback", "sb6"): _("Worry: worrying thoughts much of the time"),
    ("startback", "sb7"): _("Catastrophising: expecting the back pain never to get better"),
    ("startback", "sb8"): _("Low mood: less enjoyment of things"),
    ("startback", "sb9"): _("Bothersomeness of the back pain overall (last two weeks)"),
    ("odi", "pain_intensity"): _("Section 1: Pain intensity"),
    ("odi", "personal_care"): _("Section 2: Personal care (washing, dressing)"),
    ("odi", "lifting"): _("Section 3: Lifting"),
    ("odi", "walking"): _("Section 4: Walking"),
    ("odi", "sitting"): _("Section 5: Sitting"),
    ("odi", "standing"): _("Section 6: Standing"),
    ("odi", "sleeping"): _("Section 7: Sleeping"),
    ("odi", "sex_life"): _("Section 8: Sex life (if applicable)"),
    ("odi", "social_life"): _("Section 9: Social life"),
    ("odi", "travelling"): _("Section 10: Travelling"),
    ("orebro", "o1"): _("How long the current pain problem has lasted"),
    ("orebro", "o2"): _("Pain in the past week"),
    ("orebro", "o3"): _("Feeling tense or anxious in the past week"),
    ("orebro", "o4"): _("Feeling depressed in the past week"),
    ("orebro", "o5"): _("Own estimate of the risk that the pain becomes persistent"),
    ("orebro", "o6"): _("Own estimate of the chances of doing normal work in a few months"),
    ("orebro", "o7"): _("Belief that more pain means one should stop the activity"),
    ("orebro", "o8"): _("Belief that one should not do normal work with this pain"),
    ("orebro", "o9"): _("Ability to do light work for an hour"),
    ("orebro", "o10"): _("Ability to sleep at night"),
    ("pseq", "p1"): _("Confidence: enjoying things despite the pain"),
    ("pseq", "p2"): _("Confidence: doing household chores"),
    ("pseq", "p3"): _("Confidence: socialising as often as before"),
    ("pseq", "p4"): _("Confidence: coping with the pain in most situations"),
    ("pseq", "p5"): _("Confidence: doing some kind of work"),
    ("pseq", "p6"): _("Confidence: doing many of the things one enjoys"),
    ("pseq", "p7"): _("Confidence: coping without medication"),
    ("pseq", "p8"): _("Confidence: reaching most life goals"),
    ("pseq", "p9"): _("Confidence: living a normal life"),
    ("pseq", "p10"): _("Confidence: becoming more active gradually"),
}
for _n in range(1, 6):
    QUESTIONS[("psfs", f"a{_n}")] = _("Activity %(number)s that is hard because of your back "
                                       "(leave empty if there is none)")
    QUESTIONS[("psfs", f"a{_n}_score")] = _(
        "How well can you do activity %(number)s today? 0 means you cannot do it at all, "
        "10 that you can do it as well as before your back problem."
    )

# Neutral labels of answer options (ours, not the official wording).
OPTIONS = {
    "agree": _("Agree"),
    "disagree": _("Disagree"),
    "not_at_all": pgettext_lazy("bothersome", "Not at all"),
    "slightly": pgettext_lazy("bothersome", "Slightly"),
    "moderately": pgettext_lazy("bothersome", "Moderately"),
    "very_much": pgettext_lazy("bothersome", "Very much"),
    "extremely": pgettext_lazy("bothersome", "Extremely"),
    "0_1w": _("0–1 weeks"),
    "1_2w": _("1–2 weeks"),
    "3_4w": _("3–4 weeks"),
    "4_5w": _("4–5 weeks"),
    "6_8w": _("6–8 weeks"),
    "9_11w": _("9–11 weeks"),
    "3_6m": _("3–6 months"),
    "6_9m": _("6–9 months"),
    "9_12m": _("9–12 months"),
    "over_1y": _("More than a year"),
}
ODI_STATEMENT = _("Statement %(number)s (scores %(value)s)")

ANCHORS = {
    "nrs_back": (_("0 = no pain"), _("10 = worst pain imaginable")),
    "nrs_leg": (_("0 = no pain"), _("10 = worst pain imaginable")),
    "psfs": (_("0 = cannot do it"), _("10 = as well as before")),
}

NOT_INSTALLED = _(
    "The official wording of this questionnaire is not installed at your clinic. Each "
    "question shows only what it is about and the answer options, so that a physiotherapist "
    "can enter the answers from a paper form."
)

# Results in plain words. CATEGORIES keeps the instruments' standard labels (low, medium,
# high risk; raised risk) for staff pages; the patient's own pages use PATIENT_CATEGORIES,
# which say what the result means for their care without a label that frightens.
CATEGORIES = {
    ("startback", "low"): _(
        "Low risk. Your back pain is likely to get better with good advice, staying active "
        "and the self-care guide. Your physiotherapist may suggest a few visits."),
    ("startback", "medium"): _(
        "Medium risk. Your back is likely to get better, and physiotherapy with exercise "
        "helps. Your physiotherapist will plan a series of visits with you."),
    ("startback", "high"): _(
        "High risk. Worries and low mood can make back pain last longer. Physiotherapy "
        "that deals with both the body and these thoughts helps. Your physiotherapist will "
        "plan the care with you."),
    ("odi", "minimal"): _(
        "Minimal disability (0–20 %). You manage most everyday activities. Lifting, sitting "
        "and standing may still be hard at times."),
    ("odi", "moderate"): _(
        "Moderate disability (21–40 %). Pain makes sitting, lifting and standing harder. "
        "Travel, social life and work may be affected."),
    ("odi", "severe"): _(
        "Severe disability (41–60 %). Pain is a main problem in everyday life. Your "
        "physiotherapist will go through it with you."),
    ("odi", "crippling"): _(
        "Very severe disability (61–80 %). Back pain affects almost every part of everyday "
        "life. Talk to your physiotherapist."),
    ("odi", "bed_bound"): _(
        "Bed-bound or nearly (81–100 %). Contact your physiotherapist or health centre."),
    ("orebro", "low"): _("Below 50: a low risk that the pain problem becomes long-lasting."),
    ("orebro", "raised"): _(
        "50 or more: a raised risk that the pain problem becomes long-lasting. Your "
        "physiotherapist will talk with you about what can help."),
    ("pseq", "low"): _(
        "Below 40: you feel unsure that you can do things despite the pain. That can "
        "change with practice, and your physiotherapist can help."),
    ("pseq", "higher"): _(
        "40 or more: you feel fairly sure you can do things despite the pain. That helps "
        "recovery."),
}
PATIENT_CATEGORIES = CATEGORIES | {
    ("startback", "low"): _(
        "Your answers suggest that your back will most likely get better with good advice, "
        "staying active and the self-care guide. Your physiotherapist may suggest a few "
        "visits."),
    ("startback", "medium"): _(
        "Your answers suggest that exercise with the support of your physiotherapist will "
        "help your back get better. You will plan a series of visits together."),
    ("startback", "high"): _(
        "Your answers show that worry and low mood weigh on you as well as the pain. That is "
        "common, and care can help with it. Your physiotherapist will plan care with you that "
        "works with both the body and thoughts and feelings, often with a few more visits."),
    ("orebro", "low"): _(
        "Below 50: your answers show few of the things that can slow down recovery."),
    ("orebro", "raised"): _(
        "50 or more: your answers show some things that can slow down recovery, such as "
        "worry, low mood or doubts about work. Your physiotherapist will go through them with "
        "you and plan what helps. With the right support most people get better."),
}
"""What a result means, on the patient's own pages (no "high risk" label)."""
SCORE_MEANING = {
    "nrs_back": _("On the scale 0–10, where 0 is no pain and 10 the worst pain imaginable."),
    "nrs_leg": _("On the scale 0–10, where 0 is no pain and 10 the worst pain imaginable."),
    "startback": _("Points of 9. The part about thoughts and feelings (questions 5–9) counts separately."),
    "odi": _("Percent, 0–100. Lower is better."),
    "psfs": _("Mean of your activities, 0–10. Higher is better."),
    "orebro": _("Points of 100. Lower means a lower risk of long-lasting problems."),
    "pseq": _("Points of 60. Higher means more confidence."),
}
SHORT_SCALE = {  # after a bare score in a list: "4 of 10", "20 %"
    "nrs_back": _("of 10"), "nrs_leg": _("of 10"), "startback": _("of 9"), "odi": "%",
    "psfs": _("of 10"), "orebro": _("of 100"), "pseq": _("of 60"),
}
# The verdict of a change from baseline (clinical.instruments.change.Verdict, SPEC C6).
CHANGE_VERDICTS = {
    "important_improvement": _("clinically important improvement"),
    "improved": _("better, but not a clinically important change"),
    "unchanged": _("unchanged"),
    "worsened": _("worse"),
    "important_worsening": _("clinically important worsening"),
}
# The same verdicts in the words patients read: "clear" rather than "clinically important"
# (issue 12, words patients read).
PATIENT_CHANGE_VERDICTS = {
    "important_improvement": _("clear improvement"),
    "improved": _("better, but not yet a clear improvement"),
    "unchanged": _("unchanged"),
    "worsened": _("worse"),
    "important_worsening": _("clearly worse"),
}
MISSING = {
    "incomplete": _("There is no score because not every question was answered."),
    "too_many_unanswered": _(
        "There is no score because more than one of the ten sections was left unanswered. "
        "The index is only reliable with at least nine sections answered."),
    "no_activity": _("There is no score because no activity was rated."),
}

ERRORS = {
    "unknown_instrument": _("There is no such questionnaire."),
    "unknown_timepoint": _("There is no such questionnaire."),
    "not_due": _("This questionnaire is not due for you now."),
    "no_episode": _("There is no ongoing episode of care."),
    "unknown_item": _("There is no such question in this questionnaire."),
    "unknown_option": _("Choose one of the answers shown."),
    "not_a_number": _("Give a whole number."),
    "out_of_range": _("The answer is outside the scale of this question."),
    "too_long": _("The answer can be at most 200 characters."),
    "required": _("Please answer the question before you go on."),
    "already_submitted": _("This questionnaire has already been sent and can no longer be changed."),
    "incomplete": _("Please answer every question before you send the form."),
    "no_activity": _("Name and rate at least one activity before you send the form."),
    "too_many_unanswered": _("Too many questions are unanswered to give a result. Answer at "
                             "least nine of the ten before you send the form."),
    "paper_only": _("You fill in this questionnaire on paper with your physiotherapist: its "
                    "official wording is not installed here."),
    "closed": _("The time to answer this questionnaire has passed. Your physiotherapist can "
                "send you a new one."),
}
