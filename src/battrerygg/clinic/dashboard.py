"""The physiotherapist's dashboard: which of my patients need attention, and why (SPEC T5, C5).

Reasons, in order of priority (a patient is placed by their most urgent reason; within a
priority the oldest signal comes first, then the name):

1. ``RED_FLAG`` — a red-flag check in the current episode whose outcome is not self-care
   (clinical.red_flags), not yet reviewed.
2. ``LOAD`` — twice or more in the last 7 days (entries started in ``(now - 7 days, now]``)
   an activity in the high-risk zone, or not back to baseline at 24 hours
   (clinical.pain_monitoring.zone_of / back_to_baseline with the patient's limits,
   diary.queries.limits_for). An entry whose 24-hour value is not given counts only when
   it was in the high-risk zone.
3. ``NOT_SETTLING`` — SPEC C5 (clinical.course.not_settling): from day 14 of the episode
   the mean of the last 7 days' pain is not lower than the first 7 days'. Pain is the
   diary's pain before activity; each day counts once (the mean of its entries), as in
   course.not_settling_from_pain.
4. ``OVERDUE`` — a scheduled questionnaire (clinical.instruments.schedule.plan) not sent
   ``GRACE_DAYS`` = 7 days after its due date while its window is still open (after the
   window closes it is missed, no longer answerable, and the physiotherapist assigns a new
   one if needed), or an assigned questionnaire not sent 7 days after its date. The grace
   period leaves the patient a week, as the reminders do, before the physiotherapist is
   asked to act.
5. ``SILENT`` — nothing logged in the diary for 7 days (since the last entry, or since the
   episode began when nothing was ever logged).

Only patients with an open episode have signals; others are listed by name.

Review. "Mark as reviewed" stores a ``clinic.Review`` (physiotherapist, patient, at). A
reason is hidden while its newest evidence (``Reason.latest``) is not later than the
physiotherapist's latest review that is not undone. Newest evidence: the newest unreviewed
red-flag check; the newest time an entry was logged or its 24-hour value given among the
entries counted; for questionnaires the day the newest one became overdue; for states that
go on (not settling, silence) the start of the current week of it, so a review hides them
for a week, after which they show again if still true.

Queries. The dashboard is computed with a fixed number of queries whatever the number of
patients (SPEC Q5; tests/clinic/test_dashboard_queries.py): one for the patients (with their
current episode, care relation clinic, last entry and latest review as subqueries), one per
source (red-flag checks, the last 7 days of diary entries, daily pain means of the two C5
weeks, sent questionnaires, assignments) over a bounded window, and one audit insert.

Audit. Showing a patient's signals is a read of their data: each page view writes one read
row (``what="dashboard"``, the care relation's clinic) per patient whose signals it shows,
in ONE bulk insert. Patients listed only by name (no signals, or all hidden by a review) get
no row. Django 5.2's SQLite backend allows 999 parameters per query (7 per audit row, so
142 rows per INSERT); the dashboard therefore shows at most ``PAGE_SIZE`` = 50 patients with
signals per page, which keeps the insert single and the page short.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import IntEnum
from statistics import fmean
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Avg, Count, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from battrerygg.accounts.models import Role, StaffMembership
from battrerygg.audit.keys import What
from battrerygg.audit.services import record_reads
from battrerygg.clinic.models import Review
from battrerygg.clinical import course
from battrerygg.clinical.instruments import schedule
from battrerygg.clinical.pain_monitoring import Zone, back_to_baseline, zone_of
from battrerygg.clinical.red_flags import PRECEDENCE, Outcome
from battrerygg.diary.models import ActivityEntry
from battrerygg.diary.queries import limits_for
from battrerygg.patients.access import staff_clinics, visible_patients
from battrerygg.patients.models import CareRelation, Episode, Patient
from battrerygg.proms import texts as proms_texts
from battrerygg.proms.models import Assignment, Response, Timepoint
from battrerygg.redflags.models import OUTCOME_CHOICES, RedFlagCheck

PAGE_SIZE = 50
LOOK_BACK = timedelta(days=7)  # the load and silence rules look at one week
LOAD_SIGNALS_NEEDED = 2  # "twice in 7 days"
GRACE_DAYS = 7  # questionnaires: days after the due date before they count as overdue
SILENT_DAYS = 7


class Kind(IntEnum):
    """A reason for attention; the value is its priority (1 = most urgent)."""

    RED_FLAG = 1
    LOAD = 2
    NOT_SETTLING = 3
    OVERDUE = 4
    SILENT = 5


KIND_LABELS = {
    Kind.RED_FLAG: gettext_lazy("Warning signs"),
    Kind.LOAD: gettext_lazy("Load"),
    Kind.NOT_SETTLING: gettext_lazy("Not settling"),
    Kind.OVERDUE: gettext_lazy("Questionnaires"),
    Kind.SILENT: gettext_lazy("Diary"),
}


@dataclass(frozen=True)
class Reason:
    """Why a patient needs attention, in plain words with the figures.

    since: when the signal began (orders the list, oldest first). latest: the newest
    evidence it rests on (a review at or after it hides it). text: translated sentence.
    """

    kind: Kind
    since: datetime
    latest: datetime
    text: str

    @property
    def label(self) -> str:
        """A short heading for the kind of reason (translated)."""
        return str(KIND_LABELS[self.kind])

    @property
    def css(self) -> str:
        return self.kind.name.lower().replace("_", "-")


@dataclass
class PatientSignals:
    """One patient on the dashboard: reasons shown, and how many a review hides."""

    patient: Patient
    reasons: list[Reason] = field(default_factory=list)
    hidden: int = 0
    review_id: int | None = None
    reviewed_at: datetime | None = None

    @property
    def name(self) -> str:
        return self.patient.user.full_name or self.patient.user.email

    def sort_key(self) -> tuple[int, datetime, str, int]:
        top = self.reasons[0]
        return (top.kind, top.since, self.name.casefold(), self.patient.pk)


@dataclass(frozen=True)
class Board:
    """The dashboard's content for one page.

    flagged: this page's patients with signals (at most PAGE_SIZE), most urgent first.
    quiet: patients without shown signals, by name (on page 1 only). page, pages: 1-based.
    flagged_total: patients with signals across all pages.
    """

    flagged: list[PatientSignals]
    quiet: list[PatientSignals]
    page: int
    pages: int
    flagged_total: int


def _midnight(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=tz).astimezone(UTC)


def _date(day: date) -> str:
    """A short date in words: "12 May", "12 maj"."""
    return date_format(day, "j F")


def _day(moment: datetime, tz: ZoneInfo) -> str:
    return _date(moment.astimezone(tz).date())


def _mean(value: float) -> str:
    """A mean pain with one decimal, rounded half up (number_format alone truncates)."""
    return number_format(Decimal(str(value)).quantize(Decimal("0.1"), ROUND_HALF_UP), 1)


def _patients(user: Any) -> QuerySet[Patient]:
    episode = Episode.objects.filter(patient=OuterRef("pk"), end_date__isnull=True).order_by(
        "-start_date", "-pk")
    relation = CareRelation.objects.filter(
        physiotherapist=user, patient=OuterRef("pk"), ended_at__isnull=True,
        clinic__memberships__user=user,
    ).order_by("started_at")
    last = ActivityEntry.objects.filter(patient=OuterRef("pk"), deleted_at__isnull=True).order_by(
        "-started_at")
    review = Review.objects.filter(
        physiotherapist=user, patient=OuterRef("pk"), undone_at__isnull=True).order_by("-at", "-pk")
    return (
        visible_patients(user)
        .select_related("user", "clinic")
        .annotate(
            episode_pk=Subquery(episode.values("pk")[:1]),
            episode_start=Subquery(episode.values("start_date")[:1]),
            care_clinic_pk=Subquery(relation.values("clinic_id")[:1]),
            last_logged=Subquery(last.values("started_at")[:1]),
            review_pk=Subquery(review.values("pk")[:1]),
            reviewed_at=Subquery(review.values("at")[:1]),
        )
    )


def _red_flags(
    user: Any, patients: dict[int, Patient], reviewed: dict[int, datetime | None]
) -> dict[int, Reason]:
    earliest = min((p.episode_start for p in patients.values()), default=None)
    if earliest is None:
        return {}
    checks = (
        RedFlagCheck.objects.filter(
            patient__in=visible_patients(user), created_at__gte=_midnight(earliest, ZoneInfo("UTC"))
            - timedelta(days=1))
        .exclude(outcome=Outcome.SELF_CARE)
        .values_list("patient_id", "created_at", "outcome")
        .order_by("created_at")
    )
    found: dict[int, list[tuple[datetime, str]]] = defaultdict(list)
    for patient_id, created, outcome in checks:
        patient = patients.get(patient_id)
        if patient is None or created.astimezone(patient.tz).date() < patient.episode_start:
            continue
        if reviewed.get(patient_id) is not None and created <= reviewed[patient_id]:
            continue  # reviewed: a check is never shown again once reviewed
        found[patient_id].append((created, outcome))
    labels = dict(OUTCOME_CHOICES)
    out = {}
    for patient_id, items in found.items():
        tz = patients[patient_id].tz
        worst = min((Outcome(o) for _, o in items), key=PRECEDENCE.index)
        text = ngettext(
            "%(outcome)s (check of %(date)s)",
            "%(count)d checks, the most urgent: %(outcome)s (latest %(date)s)",
            len(items),
        ) % {"count": len(items), "outcome": labels[worst.value], "date": _day(items[-1][0], tz)}
        out[patient_id] = Reason(Kind.RED_FLAG, items[0][0], items[-1][0], text)
    return out


def _load(user: Any, patients: dict[int, Patient], now: datetime) -> dict[int, Reason]:
    limits = {pk: limits_for(p) for pk, p in patients.items()}
    if not limits:
        return {}
    # Only entries that may count leave the database: pain at 24 h above baseline, or pain
    # during above the lowest acceptable limit of any patient. The rule itself is applied
    # below by the clinical core with each patient's limits.
    lowest = min(lim.acceptable_max for lim in limits.values())
    rows = (
        ActivityEntry.objects.filter(
            patient__in=visible_patients(user), deleted_at__isnull=True,
            started_at__gt=now - LOOK_BACK, started_at__lte=now,
        )
        .filter(Q(pain_during__gt=lowest) | Q(pain_24h__gt=F("pain_baseline")))
        .values_list("patient_id", "started_at", "created_at", "pain_24h_recorded_at",
                     "pain_baseline", "pain_during", "pain_24h")
        .order_by("started_at", "pk")
    )
    high: dict[int, int] = defaultdict(int)
    not_back: dict[int, int] = defaultdict(int)
    counted: dict[int, list[tuple[datetime, datetime]]] = defaultdict(list)
    for patient_id, started, created, given_24h, baseline, during, at_24h in rows:
        if patient_id not in patients:
            continue
        is_high = zone_of(during, limits[patient_id]) is Zone.HIGH_RISK
        is_not_back = back_to_baseline(baseline, at_24h) is False
        if not (is_high or is_not_back):
            continue
        high[patient_id] += is_high
        not_back[patient_id] += is_not_back
        counted[patient_id].append((started, max(created, given_24h or created)))
    out = {}
    for patient_id, items in counted.items():
        if len(items) < LOAD_SIGNALS_NEEDED:
            continue
        parts = []
        if high[patient_id]:
            parts.append(ngettext("%(count)d time in the high-risk zone",
                                  "%(count)d times in the high-risk zone",
                                  high[patient_id]) % {"count": high[patient_id]})
        if not_back[patient_id]:
            parts.append(ngettext("%(count)d time not back to baseline after 24 hours",
                                  "%(count)d times not back to baseline after 24 hours",
                                  not_back[patient_id]) % {"count": not_back[patient_id]})
        text = _("%(what)s in the last 7 days") % {"what": ", ".join(parts)}
        out[patient_id] = Reason(Kind.LOAD, items[0][0], max(i[1] for i in items), text)
    return out


def _not_settling(
    user: Any, patients: dict[int, Patient], today: dict[int, date]
) -> dict[int, Reason]:
    judged = {
        pk: p for pk, p in patients.items()
        if (today[pk] - p.episode_start).days + 1 >= course.JUDGE_FROM_DAY
    }
    if not judged:
        return {}
    week = timedelta(days=course.WINDOW_DAYS - 1)
    live = ActivityEntry.objects.filter(patient__in=visible_patients(user), deleted_at__isnull=True)
    # The first week of each current episode, joined on the episode.
    episode_start = F("patient__episodes__start_date")
    first_week = live.filter(
        patient__episodes__end_date__isnull=True,
        local_date__gte=episode_start,
        # local_date <= start + 6 days (SQLite's date arithmetic gives a text datetime,
        # which still compares right against a date: "2026-03-15" < "2026-03-15 00:00:00").
        local_date__lte=episode_start + week,
        # The same window in indexed instants, with a day's margin for the time zones.
        started_at__gte=episode_start - timedelta(days=1),
        started_at__lt=episode_start + timedelta(days=course.WINDOW_DAYS + 1),
    )
    # The last week before today (the earliest of the patients' todays, a day's margin).
    last_week = live.filter(
        started_at__gte=_midnight(min(today[pk] for pk in judged) - week, UTC) - timedelta(days=1))
    daily: dict[int, dict[date, float]] = defaultdict(dict)  # the windows may overlap
    for part in (first_week, last_week):
        rows = (part.values("patient_id", "local_date").annotate(mean=Avg("pain_baseline"))
                .values_list("patient_id", "local_date", "mean").order_by())
        for patient_id, day, mean in rows:
            if patient_id in judged:
                daily[patient_id][day] = float(mean)
    out = {}
    for patient_id, days in daily.items():
        patient, end = judged[patient_id], today[patient_id]
        begin = patient.episode_start
        first_end = begin + timedelta(days=course.WINDOW_DAYS)
        first = [m for d, m in days.items() if begin <= d < first_end]
        last = [m for d, m in days.items() if end - week <= d <= end]
        if not first or not last:
            continue
        episode_day = (end - begin).days + 1
        first_mean, last_mean = fmean(first), fmean(last)
        if not course.not_settling(episode_day, first_mean, last_mean):
            continue
        text = _("Not settling after %(days)d days: mean pain %(first)s → %(last)s "
                 "(not lower)") % {"days": episode_day, "first": _mean(first_mean),
                                   "last": _mean(last_mean)}
        since = _midnight(begin + timedelta(days=course.JUDGE_FROM_DAY - 1), patient.tz)
        out[patient_id] = Reason(Kind.NOT_SETTLING, since, _midnight(end - week, patient.tz), text)
    return out


def _overdue(
    user: Any, patients: dict[int, Patient], today: dict[int, date]
) -> dict[int, Reason]:
    grace = timedelta(days=GRACE_DAYS)
    sent = set(
        Response.objects.filter(
            patient__in=visible_patients(user), status=Response.Status.SUBMITTED,
            episode__end_date__isnull=True,
        ).values_list("episode_id", "instrument", "timepoint", "assignment_id")
    )
    slots = {(e, i, t) for e, i, t, a in sent if a is None}
    answered_assignments = {a for *_, a in sent if a is not None}
    latest_today = max(today.values(), default=None)
    assigned: dict[int, list[tuple[str, str, date]]] = defaultdict(list)
    if latest_today is not None:
        for pk, episode_id, instrument, due in Assignment.objects.filter(
            patient__in=visible_patients(user), episode__end_date__isnull=True,
            due_date__lt=latest_today - grace,
        ).values_list("pk", "episode_id", "instrument", "due_date"):
            if pk not in answered_assignments:
                assigned[episode_id].append((instrument, Timepoint.ASSIGNED, due))
    out = {}
    for patient_id, patient in patients.items():
        day = today[patient_id]
        late = [
            (slot.instrument, slot.timepoint.value, slot.due)
            for slot in schedule.plan(patient.episode_start)
            if slot.due + grace < day <= slot.closes
            and (patient.episode_pk, slot.instrument, slot.timepoint.value) not in slots
        ]
        late += [a for a in assigned.get(patient.episode_pk, []) if a[2] + grace < day]
        if not late:
            continue
        late.sort(key=lambda item: item[2])
        groups: dict[str, list[str]] = {}
        for instrument, timepoint, _due in late:
            groups.setdefault(timepoint, []).append(str(proms_texts.TITLES.get(instrument,
                                                                              instrument)))
        names = "; ".join(f"{', '.join(titles)} ({Timepoint(t).label.lower()})"
                          for t, titles in groups.items())
        text = ngettext(
            "%(count)d questionnaire overdue: %(names)s; due %(date)s",
            "%(count)d questionnaires overdue: %(names)s; the first due %(date)s",
            len(late),
        ) % {"count": len(late), "names": names, "date": _date(late[0][2])}
        became = [_midnight(d + grace + timedelta(days=1), patient.tz) for *_x, d in late]
        out[patient_id] = Reason(Kind.OVERDUE, min(became), max(became), text)
    return out


def _silent(patient: Patient, now: datetime) -> Reason | None:
    tz = patient.tz
    last = patient.last_logged
    began = last if last is not None else _midnight(patient.episode_start, tz)
    quiet_for = now - began
    if quiet_for < timedelta(days=SILENT_DAYS):
        return None
    weeks = quiet_for // timedelta(days=SILENT_DAYS)
    days = quiet_for.days
    if last is not None:
        text = ngettext("Nothing logged for %(days)d day (last %(date)s)",
                        "Nothing logged for %(days)d days (last %(date)s)",
                        days) % {"days": days, "date": _day(last, tz)}
    else:
        text = ngettext("Nothing logged in the %(days)d day since the episode began",
                        "Nothing logged in the %(days)d days since the episode began",
                        days) % {"days": days}
    return Reason(Kind.SILENT, began + timedelta(days=SILENT_DAYS),
                  began + weeks * timedelta(days=SILENT_DAYS), text)


def signals(user: Any, now: datetime) -> list[PatientSignals]:
    """Every patient ``user`` may see, with the reasons shown and hidden (no audit row).

    Returns flagged patients first (most urgent, then oldest signal), then the others by
    name. A fixed number of queries, whatever the number of patients.
    """
    everyone = list(_patients(user))
    active = {p.pk: p for p in everyone if p.episode_start is not None}
    today = {pk: now.astimezone(p.tz).date() for pk, p in active.items()}
    active = {pk: p for pk, p in active.items() if today[pk] >= p.episode_start}
    reviewed = {p.pk: p.reviewed_at for p in everyone}
    found: dict[int, list[Reason]] = defaultdict(list)
    sources: Iterable[dict[int, Reason]] = (
        _red_flags(user, active, reviewed), _load(user, active, now),
        _not_settling(user, active, today), _overdue(user, active, today),
        {pk: r for pk, p in active.items() if (r := _silent(p, now)) is not None},
    )
    for source in sources:
        for patient_id, reason in source.items():
            found[patient_id].append(reason)
    out = []
    for patient in everyone:
        item = PatientSignals(patient, review_id=patient.review_pk, reviewed_at=patient.reviewed_at)
        for reason in sorted(found.get(patient.pk, []), key=lambda r: r.kind):
            if item.reviewed_at is not None and reason.latest <= item.reviewed_at:
                item.hidden += 1
            else:
                item.reasons.append(reason)
        out.append(item)
    flagged = sorted((i for i in out if i.reasons), key=PatientSignals.sort_key)
    quiet = sorted((i for i in out if not i.reasons),
                   key=lambda i: (i.name.casefold(), i.patient.pk))
    return flagged + quiet


def board(user: Any, now: datetime, page: object = 1) -> Board:
    """The dashboard page ``page`` for ``user`` at ``now``, audited.

    page: 1-based; anything invalid means 1, beyond the last page means the last. Writes
    one audit read row per patient whose signals the page shows, in one INSERT (see the
    module docstring).
    """
    everyone = signals(user, now)
    flagged = [i for i in everyone if i.reasons]
    pages = max(1, math.ceil(len(flagged) / PAGE_SIZE))
    try:
        number = min(max(1, int(str(page))), pages)
    except ValueError:
        number = 1
    shown = flagged[(number - 1) * PAGE_SIZE: number * PAGE_SIZE]
    record_reads(actor=user, shown=[(i.patient, i.patient.care_clinic_pk) for i in shown],
                 what=What.DASHBOARD)
    quiet = [i for i in everyone if not i.reasons] if number == 1 else []
    return Board(shown, quiet, number, pages, len(flagged))


@dataclass(frozen=True)
class ClinicCounts:
    """A clinic an admin manages, with how many physiotherapists and patients it has."""

    name: str
    physiotherapists: int
    patients: int


def clinic_counts(user: Any) -> list[ClinicCounts]:
    """The clinic admin's clinics with counts only (an admin sees no patient content)."""
    physios = (
        StaffMembership.objects.filter(clinic=OuterRef("pk"), user__role=Role.PHYSIOTHERAPIST,
                                       user__is_active=True)
        .values("clinic").annotate(n=Count("user", distinct=True)).values("n")
    )
    patients = (
        Patient.objects.filter(clinic=OuterRef("pk")).values("clinic").annotate(n=Count("pk"))
        .values("n")
    )
    clinics = staff_clinics(user, role=Role.CLINIC_ADMIN).annotate(
        physio_count=Coalesce(Subquery(physios), 0),
        patient_count=Coalesce(Subquery(patients), 0),
    )
    return [ClinicCounts(c.name, c.physio_count, c.patient_count) for c in clinics]

