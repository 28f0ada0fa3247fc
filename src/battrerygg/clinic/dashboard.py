"""The physiotherapist's dashboard: which of my patients need attention, and why (SPEC T5, C7).

The rules are clinical rules and live in the clinical core: ``clinical.attention`` states
each reason and its thresholds (red flags, very high negative emotions in the latest balance
check-in, load twice in 7 days, a baseline above the acceptable zone, morning pain rising
week on week, not settling (C5), questionnaires overdue after 7 days' grace, nothing logged
for 7 days), which signals a review hides, and the order of the patients. This module only
fetches, in batches, the plain values those rules take, calls them, and puts the result into
words (``clinic.texts``).

Only patients with an open episode that has begun have signals; others are listed by name.

Review. "Mark as reviewed" stores a ``clinic.Review`` (physiotherapist, patient, at); the
physiotherapist's latest review that is not undone is handed to the core
(``attention.review``), which hides what it covers.

Queries. The dashboard is computed with a fixed number of queries whatever the number of
patients (SPEC Q5; tests/clinic/test_dashboard_queries.py): one for the patients (with their
current episode, care relation clinic, last entry, latest balance check-in and latest review
as subqueries), one per source (red-flag checks of the current episodes, the last 7 days of
diary entries, daily pain means of the two C5 weeks, daily next-morning pain of the last two
weeks, sent questionnaires, assignments) over a bounded window, and one audit insert. A
query narrows only by what no rule can contradict (the patients, a date
window, not deleted); which rows count is decided by the core.

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
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

from django.db.models import Count, F, Max, Min, OuterRef, QuerySet, Subquery

from battrerygg.audit.keys import What
from battrerygg.audit.services import record_reads
from battrerygg.clinic import texts
from battrerygg.clinic.models import Review
from battrerygg.clinical import attention, course
from battrerygg.clinical.attention import Kind
from battrerygg.clinical.red_flags import Outcome
from battrerygg.diary.models import ActivityEntry
from battrerygg.diary.queries import limits_for
from battrerygg.localtime import midnight
from battrerygg.patients.access import treating_relations, visible_patients
from battrerygg.patients.models import Episode, Patient
from battrerygg.plan.models import BalanceCheckIn
from battrerygg.proms.models import Assignment, Response
from battrerygg.redflags.models import RedFlagCheck

__all__ = ["PAGE_SIZE", "Board", "Kind", "PatientSignals", "Reason", "board", "signals"]

PAGE_SIZE = 50


@dataclass(frozen=True)
class Reason:
    """Why a patient needs attention: the core's signal, and the sentence shown for it.

    kind, since, latest: as the signal's (clinical.attention.Signal). tz: the patient's time
    zone, in which the sentence's dates are meant. text: the translated sentence
    (clinic.texts.sentence), made when read, in the language active then: only the page's
    patients are put into words, however many have signals.
    """

    signal: attention.Signal
    tz: tzinfo

    @property
    def text(self) -> str:
        return texts.sentence(self.signal, self.tz)

    @property
    def kind(self) -> Kind:
        return self.signal.kind

    @property
    def since(self) -> datetime:
        return self.signal.since

    @property
    def latest(self) -> datetime:
        return self.signal.latest

    @property
    def label(self) -> str:
        """A short heading for the kind of reason (translated)."""
        return texts.label(self.kind)

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

    def sort_key(self) -> tuple[Any, ...]:
        """The core's order (clinical.attention.order_key), then the patient's id."""
        return (*attention.order_key([r.signal for r in self.reasons], self.name),
                self.patient.pk)


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


def _patients(user: Any) -> QuerySet[Patient]:
    episode = Episode.objects.filter(patient=OuterRef("pk"), end_date__isnull=True).order_by(
        "-start_date", "-pk")
    relation = treating_relations(user).filter(patient=OuterRef("pk")).order_by("started_at")
    last = ActivityEntry.objects.filter(patient=OuterRef("pk"), deleted_at__isnull=True).order_by(
        "-started_at")
    review = Review.objects.filter(
        physiotherapist=user, patient=OuterRef("pk"), undone_at__isnull=True).order_by("-at", "-pk")
    checkin = BalanceCheckIn.objects.filter(patient=OuterRef("pk")).order_by(
        "-local_date", "-created_at", "-pk")
    return (
        visible_patients(user)
        .select_related("user", "clinic")
        .annotate(
            episode_pk=Subquery(episode.values("pk")[:1]),
            episode_start=Subquery(episode.values("start_date")[:1]),
            care_clinic_pk=Subquery(relation.values("clinic_id")[:1]),
            last_logged=Subquery(last.values("started_at")[:1]),
            review_pk=Subquery(review.values("pk")[:1]),
            checkin_at=Subquery(checkin.values("created_at")[:1]),
            checkin_day=Subquery(checkin.values("local_date")[:1]),
            checkin_emotions=Subquery(checkin.values("load_negative_emotions")[:1]),
            reviewed_at=Subquery(review.values("at")[:1]),
        )
    )


def _red_flag_checks(
    user: Any, episodes: dict[int, attention.OpenEpisode]
) -> dict[int, list[attention.RedFlagAnswer]]:
    """Every red-flag check since the earliest current episode began (a day's margin for
    the time zones), whatever its outcome."""
    earliest = min((e.start for e in episodes.values()), default=None)
    if earliest is None:
        return {}
    rows = RedFlagCheck.objects.filter(
        patient__in=visible_patients(user),
        created_at__gte=midnight(earliest, UTC) - timedelta(days=1),
    ).values_list("patient_id", "created_at", "outcome").order_by()
    out: dict[int, list[attention.RedFlagAnswer]] = defaultdict(list)
    for patient_id, created, outcome in rows:
        out[patient_id].append(attention.RedFlagAnswer(created, Outcome(outcome)))
    return out


def _recent_entries(user: Any, now: datetime) -> dict[int, list[attention.DiaryEntry]]:
    """The diary entries (not deleted) started in the load rule's window before ``now``,
    those with the same pains given as one (``attention.DiaryEntry.times``): at most one
    row per combination of pains, however many entries a patient logs."""
    rows = ActivityEntry.objects.filter(
        patient__in=visible_patients(user), deleted_at__isnull=True,
        started_at__gt=now - attention.LOAD_WINDOW, started_at__lte=now,
    ).values("patient_id", "pain_baseline", "pain_during", "pain_24h", "pain_after").annotate(
        first=Min("started_at"), logged=Max("created_at"), at_24h=Max("pain_24h_recorded_at"),
        n=Count("pk"),
    ).values_list("patient_id", "first", "logged", "pain_baseline", "pain_during", "pain_24h",
                  "at_24h", "n", "pain_after").order_by()
    out: dict[int, list[attention.DiaryEntry]] = defaultdict(list)
    for patient_id, *values in rows:
        out[patient_id].append(attention.DiaryEntry._make(values))
    return out


def _daily_pain(
    user: Any, episodes: dict[int, attention.OpenEpisode]
) -> dict[int, list[attention.DailyPain]]:
    """The daily mean pain before activity over the two C5 weeks: the first week of each
    current episode and the last week before today (each with a day's margin)."""
    if not episodes:
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
    # The last week before today (the earliest of the patients' todays): the instants with
    # a day's margin for the time zones, and whole local days only, so that a day the margin
    # cuts in two never stands in for the same day of the first week.
    earliest_today = min(e.today for e in episodes.values())
    last_week = live.filter(
        local_date__gte=earliest_today - week,
        started_at__gte=midnight(earliest_today - week, UTC) - timedelta(days=1))
    # How many ratings of each value each day: at most eleven rows a day, however many
    # entries. Both windows hold whole local days, so a day in both gives the same counts.
    counts: dict[int, dict[tuple[date, int], int]] = defaultdict(dict)
    for part in (first_week, last_week):
        for patient_id, day, pain, n in part.values(
            "patient_id", "local_date", "pain_baseline"
        ).annotate(n=Count("pk")).values_list(
            "patient_id", "local_date", "pain_baseline", "n"
        ).order_by():
            counts[patient_id][(day, pain)] = n
    # The day's mean, and "each day counts once", are the core's (course), not SQL's.
    return {
        patient_id: [
            attention.DailyPain(day, mean)
            for day, mean in course.daily_means_of_counts(
                (day, pain, n) for (day, pain), n in found.items()).items()
        ]
        for patient_id, found in counts.items()
    }


def _morning_pain(
    user: Any, episodes: dict[int, attention.OpenEpisode]
) -> dict[int, list[attention.DailyPain]]:
    """The daily mean next-morning (24-hour) pain of the last two weeks before today (the
    earliest of the patients' todays; whole local days, the instants with a day's margin),
    by the activity's local date: at most eleven rows a patient a day."""
    if not episodes:
        return {}
    earliest_today = min(e.today for e in episodes.values())
    first = earliest_today - timedelta(days=2 * course.WINDOW_DAYS - 1)
    counts: dict[int, list[tuple[date, int, int]]] = defaultdict(list)
    for patient_id, day, pain, n in ActivityEntry.objects.filter(
        patient__in=visible_patients(user), deleted_at__isnull=True, pain_24h__isnull=False,
        local_date__gte=first, started_at__gte=midnight(first, UTC) - timedelta(days=1),
    ).values("patient_id", "local_date", "pain_24h").annotate(n=Count("pk")).values_list(
        "patient_id", "local_date", "pain_24h", "n"
    ).order_by():
        counts[patient_id].append((day, pain, n))
    # The day's mean is the core's (course), as for C5.
    return {
        patient_id: [attention.DailyPain(day, mean)
                     for day, mean in course.daily_means_of_counts(found).items()]
        for patient_id, found in counts.items()
    }


def _questionnaires(
    user: Any, episodes: dict[int, attention.OpenEpisode]
) -> tuple[dict[int, set[tuple[str, str]]], dict[int, list[attention.AssignedQuestionnaire]]]:
    """Per current episode (its pk): the scheduled (instrument, timepoint) sent, and the
    assignments whose date is past the grace period for the latest of the patients' todays."""
    sent: dict[int, set[tuple[str, str]]] = defaultdict(set)
    assigned: dict[int, list[attention.AssignedQuestionnaire]] = defaultdict(list)
    if not episodes:
        return sent, assigned
    answered: set[int] = set()
    for episode_id, instrument, timepoint, assignment_id in Response.objects.filter(
        patient__in=visible_patients(user), status=Response.Status.SUBMITTED,
        episode__end_date__isnull=True,
    ).values_list("episode_id", "instrument", "timepoint", "assignment_id"):
        if assignment_id is None:
            sent[episode_id].add((instrument, timepoint))
        else:
            answered.add(assignment_id)
    latest_today = max(e.today for e in episodes.values())
    for pk, episode_id, instrument, due in Assignment.objects.filter(
        patient__in=visible_patients(user), episode__end_date__isnull=True,
        due_date__lt=latest_today - timedelta(days=attention.GRACE_DAYS),
    ).values_list("pk", "episode_id", "instrument", "due_date"):
        assigned[episode_id].append(
            attention.AssignedQuestionnaire(instrument, due, sent=pk in answered))
    return sent, assigned


def signals(user: Any, now: datetime) -> list[PatientSignals]:
    """Every patient ``user`` may see, with the reasons shown and hidden (no audit row).

    Returns flagged patients first (in the order of clinical.attention.order_key), then the
    others by name. A fixed number of queries, whatever the number of patients.
    """
    everyone = list(_patients(user))
    episodes = {
        p.pk: attention.OpenEpisode(p.episode_start, now, p.tz)
        for p in everyone if p.episode_start is not None
    }
    episodes = {pk: e for pk, e in episodes.items() if e.begun}
    checks = _red_flag_checks(user, episodes)
    entries = _recent_entries(user, now)
    daily = _daily_pain(user, episodes)
    mornings = _morning_pain(user, episodes)
    sent, assigned = _questionnaires(user, episodes)
    out = []
    for patient in everyone:
        item = PatientSignals(patient, review_id=patient.review_pk, reviewed_at=patient.reviewed_at)
        episode = episodes.get(patient.pk)
        if episode is not None:
            found = attention.signals(attention.Evidence(
                episode=episode, limits=limits_for(patient),
                red_flag_checks=tuple(checks.get(patient.pk, ())),
                entries=tuple(entries.get(patient.pk, ())),
                daily_pain=tuple(daily.get(patient.pk, ())),
                sent=frozenset(sent.get(patient.episode_pk, ())),
                assigned=tuple(assigned.get(patient.episode_pk, ())),
                last_logged=patient.last_logged, reviewed_at=patient.reviewed_at,
                morning_pain=tuple(mornings.get(patient.pk, ())),
                latest_checkin=(
                    attention.CheckIn(patient.checkin_at, patient.checkin_day,
                                      patient.checkin_emotions)
                    if patient.checkin_at is not None else None),
            ))
            shown, hidden = attention.review(found, patient.reviewed_at)
            item.reasons = [Reason(s, patient.tz) for s in shown]
            item.hidden = len(hidden)
        out.append(item)
    return sorted(out, key=PatientSignals.sort_key)


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
