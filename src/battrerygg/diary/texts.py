"""What the pain-monitoring model's results say to the patient (our wording, SPEC C1)."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from battrerygg.clinical.pain_monitoring import Advice, Zone

ZONE_LABELS: dict[str, Promise] = {
    Zone.SAFE: _("Safe"),
    Zone.ACCEPTABLE: _("Acceptable"),
    Zone.HIGH_RISK: _("High risk"),
}

ADVICE: dict[str, dict[str, Promise]] = {
    Advice.REDUCE: {
        "heading": _("Reduce the load next time"),
        "text": _(
            "The pain went too high, or it was not back to your baseline within 24 hours. "
            "Next time, do a little less: shorter time, lower intensity or fewer repetitions."
        ),
    },
    Advice.KEEP: {
        "heading": _("Keep the same load"),
        "text": _(
            "The pain stayed within safe to acceptable and was back to your baseline within "
            "24 hours. Keep the same load next time."
        ),
    },
    Advice.INCREASE: {
        "heading": _("You can increase a little"),
        "text": _(
            "This is the third time in a row that this activity went well. Next time you can "
            "increase the load a little: a few more minutes or repetitions."
        ),
    },
    Advice.AWAIT_24H: {
        "heading": _("How is the pain tomorrow?"),
        "text": _(
            "The pain during the activity was within safe to acceptable. Whether the load was "
            "right depends on your pain 24 hours later. We will ask you for it."
        ),
    },
}
