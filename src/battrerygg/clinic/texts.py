"""The dashboard's words: a heading per kind of reason and a sentence per signal.

The signals and their figures come from the clinical core (clinical.attention); this module
only puts them into the user's language (dates as "12 May", means with one decimal).
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from battrerygg.clinical.attention import (
    HighBaselineSignal,
    Kind,
    LoadSignal,
    MorningPainSignal,
    NegativeEmotionsSignal,
    NotSettlingSignal,
    OverdueSignal,
    RedFlagSignal,
    Signal,
    SilentSignal,
)
from battrerygg.proms import texts as proms_texts
from battrerygg.proms.models import Timepoint
from battrerygg.redflags.models import OUTCOME_CHOICES

KIND_LABELS = {
    Kind.RED_FLAG: gettext_lazy("Warning signs"),
    Kind.NEGATIVE_EMOTIONS: gettext_lazy("Negative emotions"),
    Kind.LOAD: gettext_lazy("Load"),
    Kind.HIGH_BASELINE: gettext_lazy("Pain at rest"),
    Kind.MORNING_PAIN_RISING: gettext_lazy("Morning pain"),
    Kind.NOT_SETTLING: gettext_lazy("Not settling"),
    Kind.OVERDUE: gettext_lazy("Questionnaires"),
    Kind.SILENT: gettext_lazy("Diary"),
}


def label(kind: Kind) -> str:
    """A short heading for the kind of reason (translated)."""
    return str(KIND_LABELS[kind])


def _date(day: date) -> str:
    """A short date in words: "12 May", "12 maj"."""
    return date_format(day, "j F")


def _day(moment: datetime, tz: tzinfo) -> str:
    return _date(moment.astimezone(tz).date())


def _mean(value: float) -> str:
    """A mean pain with one decimal, rounded half up (number_format alone truncates)."""
    return number_format(Decimal(str(value)).quantize(Decimal("0.1"), ROUND_HALF_UP), 1)


def _red_flag(signal: RedFlagSignal, tz: tzinfo) -> str:
    labels = dict(OUTCOME_CHOICES)
    return ngettext(
        "%(outcome)s (check of %(date)s)",
        "%(count)d checks, the most urgent: %(outcome)s (latest %(date)s)",
        signal.checks,
    ) % {"count": signal.checks, "outcome": labels[signal.most_urgent.value],
         "date": _day(signal.latest, tz)}


def _load(signal: LoadSignal) -> str:
    parts = []
    if signal.high_risk:
        parts.append(ngettext("%(count)d time in the high-risk zone",
                              "%(count)d times in the high-risk zone",
                              signal.high_risk) % {"count": signal.high_risk})
    if signal.not_back:
        parts.append(ngettext("%(count)d time not back to baseline after 24 hours",
                              "%(count)d times not back to baseline after 24 hours",
                              signal.not_back) % {"count": signal.not_back})
    return _("%(what)s in the last 7 days") % {"what": ", ".join(parts)}


def _negative_emotions(signal: NegativeEmotionsSignal) -> str:
    return _("Negative emotions rated %(rating)d of 10 in the balance check-in of "
             "%(date)s") % {"rating": signal.rating, "date": _date(signal.day)}


def _high_baseline(signal: HighBaselineSignal) -> str:
    return ngettext(
        "Pain before an activity above the acceptable zone (%(highest)d, limit %(limit)d) "
        "once in the last 7 days",
        "Pain before an activity above the acceptable zone (highest %(highest)d, limit "
        "%(limit)d) %(count)d times in the last 7 days",
        signal.entries,
    ) % {"count": signal.entries, "highest": signal.highest, "limit": signal.acceptable_max}


def _morning_pain(signal: MorningPainSignal) -> str:
    return _("Morning pain rising week on week: mean %(previous)s → %(this)s") % {
        "previous": _mean(signal.previous_mean), "this": _mean(signal.this_mean)}


def _not_settling(signal: NotSettlingSignal) -> str:
    return _("Not settling after %(days)d days: mean pain %(first)s → %(last)s "
             "(not lower)") % {"days": signal.episode_day,
                               "first": _mean(signal.first_week_mean),
                               "last": _mean(signal.last_week_mean)}


def _overdue(signal: OverdueSignal) -> str:
    groups: dict[str, list[str]] = {}
    for item in signal.late:
        title = proms_texts.TITLES.get(item.instrument, item.instrument)
        groups.setdefault(item.timepoint.value, []).append(str(title))
    names = "; ".join(f"{', '.join(titles)} ({Timepoint(t).label.lower()})"
                      for t, titles in groups.items())
    return ngettext(
        "%(count)d questionnaire overdue: %(names)s; due %(date)s",
        "%(count)d questionnaires overdue: %(names)s; the first due %(date)s",
        len(signal.late),
    ) % {"count": len(signal.late), "names": names, "date": _date(signal.late[0].due)}


def _silent(signal: SilentSignal, tz: tzinfo) -> str:
    if signal.last_logged is not None:
        return ngettext("Nothing logged for %(days)d day (last %(date)s)",
                        "Nothing logged for %(days)d days (last %(date)s)",
                        signal.days) % {"days": signal.days,
                                        "date": _day(signal.last_logged, tz)}
    return ngettext("Nothing logged in the %(days)d day since the episode began",
                    "Nothing logged in the %(days)d days since the episode began",
                    signal.days) % {"days": signal.days}


def sentence(signal: Signal, tz: tzinfo) -> str:
    """The signal in plain words with its figures, in the active language.

    tz: the patient's time zone, in which dates are shown. Raises TypeError for a kind of
    signal this module does not know.
    """
    if isinstance(signal, RedFlagSignal):
        return _red_flag(signal, tz)
    if isinstance(signal, NegativeEmotionsSignal):
        return _negative_emotions(signal)
    if isinstance(signal, LoadSignal):
        return _load(signal)
    if isinstance(signal, HighBaselineSignal):
        return _high_baseline(signal)
    if isinstance(signal, MorningPainSignal):
        return _morning_pain(signal)
    if isinstance(signal, NotSettlingSignal):
        return _not_settling(signal)
    if isinstance(signal, OverdueSignal):
        return _overdue(signal)
    if isinstance(signal, SilentSignal):
        return _silent(signal, tz)
    raise TypeError(f"no sentence for {type(signal).__name__}")
