"""Wording of the red-flag check: questions and advice, written by us (SPEC C2).

The wording prompts contact with care; it never names a diagnosis.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from battrerygg.clinical.red_flags import Outcome, Sign

QUESTIONS: dict[Sign, Promise] = {
    Sign.BLADDER_BOWEL_CONTROL: _(
        "Have you recently found it hard to control or empty your bladder or bowel?"
    ),
    Sign.SADDLE_NUMBNESS: _(
        "Do you have numbness around your genitals, your back passage or your inner thighs?"
    ),
    Sign.BOTH_LEGS_NUMB_TINGLING_OR_WEAK: _(
        "Do you have numbness, tingling or weakness in both legs?"
    ),
    Sign.WORSENING_LEG_OR_FOOT_WEAKNESS: _(
        "Is a leg or foot getting weaker and weaker, for example so that you trip or your foot drops?"
    ),
    Sign.AFTER_ACCIDENT_OR_FALL: _("Did the pain start after an accident or a fall?"),
    Sign.HISTORY_OF_CANCER: _("Have you had cancer?"),
    Sign.OSTEOPOROSIS_OR_LONG_TERM_CORTISONE: _(
        "Do you have osteoporosis (brittle bones), or have you taken cortisone tablets for a long time?"
    ),
    Sign.FEVER_OR_GENERALLY_ILL: _("Do you have a fever, or do you feel generally ill?"),
    Sign.UNEXPLAINED_WEIGHT_LOSS: _("Have you lost weight without trying to?"),
    Sign.CONSTANT_NIGHT_PAIN: _(
        "Is the pain constant at night, and does it not ease when you rest or change position?"
    ),
    Sign.NOT_SETTLING_AFTER_TWO_WEEKS: _(
        "Have you had the pain for a couple of weeks or more, without it starting to ease?"
    ),
    Sign.UNABLE_TO_PROGRESS_ALONE: _("Do you feel that you are not getting any further on your own?"),
}

GROUPS: tuple[tuple[Promise, tuple[Sign, ...]], ...] = (
    (
        _("Nerves, bladder and bowel"),
        (
            Sign.BLADDER_BOWEL_CONTROL,
            Sign.SADDLE_NUMBNESS,
            Sign.BOTH_LEGS_NUMB_TINGLING_OR_WEAK,
            Sign.WORSENING_LEG_OR_FOOT_WEAKNESS,
        ),
    ),
    (
        _("Your health and how the pain began"),
        (
            Sign.AFTER_ACCIDENT_OR_FALL,
            Sign.HISTORY_OF_CANCER,
            Sign.OSTEOPOROSIS_OR_LONG_TERM_CORTISONE,
            Sign.FEVER_OR_GENERALLY_ILL,
            Sign.UNEXPLAINED_WEIGHT_LOSS,
            Sign.CONSTANT_NIGHT_PAIN,
        ),
    ),
    (
        _("How it is going"),
        (Sign.NOT_SETTLING_AFTER_TWO_WEEKS, Sign.UNABLE_TO_PROGRESS_ALONE),
    ),
)

ADVICE: dict[Outcome, dict[str, Promise]] = {
    Outcome.EMERGENCY: {
        "heading": _("Seek care now"),
        "text": _(
            "What you describe needs to be checked by a doctor today. Go to an emergency "
            "department now, or call 112. Do not wait to see if it passes."
        ),
        "contact": _("Emergency: call 112, or go to the nearest emergency department."),
    },
    Outcome.SEEK_CARE_SOON: {
        "heading": _("Seek care soon"),
        "text": _(
            "Your back pain should be looked at by a doctor. It is probably not dangerous, "
            "but it needs to be checked. Contact your health centre within a few days. "
            "If you get worse, seek care at once."
        ),
        "contact": _("Call your health centre, or 1177 for advice on where to go."),
    },
    Outcome.CONTACT_PHYSIOTHERAPIST: {
        "heading": _("Contact your physiotherapist"),
        "text": _(
            "Nothing you answered is a warning sign. But it can help to get support from a "
            "physiotherapist, who can assess your back and help you move on."
        ),
        "contact": _("Contact your physiotherapist or your health centre."),
    },
    Outcome.SELF_CARE: {
        "heading": _("You can take care of your back yourself"),
        "text": _(
            "Nothing you answered is a warning sign. Most back pain is benign and eases within "
            "a few weeks. Stay as active as you can, and read the self-care guide."
        ),
        "contact": _(
            "If it does not ease within a couple of weeks, or if new symptoms come, "
            "do the check again or contact your physiotherapist."
        ),
    },
}
