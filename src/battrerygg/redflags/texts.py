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
    Sign.NEW_SEXUAL_DYSFUNCTION: _(
        "Have you recently lost feeling in your genitals during sex, or found that they no "
        "longer work as before (for example, no erection)?"
    ),
    Sign.BOTH_LEGS_NUMB_TINGLING_OR_WEAK: _(
        "Do you have numbness, tingling or weakness in both legs?"
    ),
    Sign.WORSENING_LEG_OR_FOOT_WEAKNESS: _(
        "Is a leg or foot getting weaker and weaker, for example so that you trip or your foot drops?"
    ),
    Sign.ONE_LEG_OR_FOOT_WEAK_OR_NUMB: _(
        "Have you recently got a clear weakness or numbness in one leg or foot?"
    ),
    Sign.HIGH_ENERGY_TRAUMA: _(
        "Did the pain start after a violent accident, such as a traffic accident or a fall "
        "from a height?"
    ),
    Sign.AFTER_ACCIDENT_OR_FALL: _("Did the pain start after an accident or a fall?"),
    Sign.HISTORY_OF_CANCER: _("Have you had cancer?"),
    Sign.OSTEOPOROSIS_OR_LONG_TERM_CORTISONE: _(
        "Do you have osteoporosis (brittle bones), or have you taken cortisone tablets for a long time?"
    ),
    Sign.FEVER_OR_GENERALLY_ILL: _("Do you have a fever, or do you feel generally ill?"),
    Sign.WEAKENED_IMMUNITY_OR_INJECTED_DRUGS: _(
        "Is your immune defence weakened (by an illness or by medicines), or do you inject "
        "drugs?"
    ),
    Sign.UNEXPLAINED_WEIGHT_LOSS: _("Have you lost weight without trying to?"),
    Sign.CONSTANT_NIGHT_PAIN: _(
        "Is the pain constant at night, and does it not ease when you rest or change position?"
    ),
    Sign.FIRST_ONSET_AFTER_50: _(
        "Are you over about 50, and is this the first time you have had back pain?"
    ),
    Sign.INFLAMMATORY_BACK_PAIN: _(
        "Did the back pain begin before you were about 45, and is your back stiff in the "
        "morning, with a stiffness that eases when you move?"
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
            Sign.NEW_SEXUAL_DYSFUNCTION,
            Sign.BOTH_LEGS_NUMB_TINGLING_OR_WEAK,
            Sign.WORSENING_LEG_OR_FOOT_WEAKNESS,
            Sign.ONE_LEG_OR_FOOT_WEAK_OR_NUMB,
        ),
    ),
    (
        _("Your health and how the pain began"),
        (
            Sign.HIGH_ENERGY_TRAUMA,
            Sign.AFTER_ACCIDENT_OR_FALL,
            Sign.FEVER_OR_GENERALLY_ILL,
            Sign.WEAKENED_IMMUNITY_OR_INJECTED_DRUGS,
            Sign.HISTORY_OF_CANCER,
            Sign.OSTEOPOROSIS_OR_LONG_TERM_CORTISONE,
            Sign.UNEXPLAINED_WEIGHT_LOSS,
            Sign.CONSTANT_NIGHT_PAIN,
            Sign.FIRST_ONSET_AFTER_50,
            Sign.INFLAMMATORY_BACK_PAIN,
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
            "What you describe needs to be checked by a doctor at once. Go to an emergency "
            "department now. Do not wait to see if it passes."
        ),
        "contact": _("If you cannot get to an emergency department, call 112."),
    },
    Outcome.SEEK_CARE_TODAY: {
        "heading": _("Seek care today"),
        "text": _(
            "Your back pain should be checked by a doctor today, not in a few days. Call "
            "your health centre now, or 1177 for advice on where to go. If the health centre "
            "is closed, go to an emergency department. If you get worse, seek care at once."
        ),
        "contact": _("Call your health centre today, or 1177 for advice on where to go."),
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
