"""Local time: the few conversions between a local date or wall-clock time in a time zone
and an instant, shared by services, queries and pages.

Pure, typed Python (no Django), so that services and queries can use it without importing
the web layer. Instants are aware datetimes; the zones are ``zoneinfo.ZoneInfo`` objects
(any ``tzinfo`` that handles daylight saving the same way). Elapsed time is added in UTC,
wall-clock times are read in the local zone (see docs/architecture.md, "Time").
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, tzinfo


def exists_locally(moment: datetime) -> bool:
    """False for a wall-clock time skipped when the clocks go forward (e.g. 02:30 on the
    last Sunday of March in Stockholm): it does not survive a round trip through UTC.

    moment: an aware datetime whose tzinfo is the local zone it was entered in.
    """
    back = moment.astimezone(UTC).astimezone(moment.tzinfo)
    return back.replace(tzinfo=None) == moment.replace(tzinfo=None)


def is_ambiguous(moment: datetime) -> bool:
    """True for a wall-clock time that happens twice when the clocks go back (e.g. 02:30
    on the last Sunday of October in Stockholm: once in summer time, CEST +02:00, then an
    hour later in winter time, CET +01:00).

    moment: an aware datetime whose tzinfo is the local zone it was entered in (its
    ``fold`` is ignored).
    """
    first, second = moment.replace(fold=0), moment.replace(fold=1)
    return first.utcoffset() != second.utcoffset() and exists_locally(first)


def wall_time_instants(day: date, at: time, tz: tzinfo) -> tuple[datetime, ...]:
    """Every instant (in UTC, earliest first) at which the local clock in ``tz`` shows
    ``at`` on ``day``: none for a time skipped when the clocks go forward, two for a time in
    the repeated hour when they go back (the first in summer time, the second in winter
    time, 60 minutes apart in Stockholm), otherwise one."""
    local = datetime.combine(day, at, tzinfo=tz)
    if not exists_locally(local):
        return ()
    if not is_ambiguous(local):
        return (local.astimezone(UTC),)
    return tuple(sorted({local.replace(fold=f).astimezone(UTC) for f in (0, 1)}))


def at_wall_time(day: date, at: time, tz: tzinfo, *, second: bool | None = None) -> datetime:
    """The instant (in UTC) the patient means by ``at`` on ``day`` in ``tz``.

    second: for a time in the repeated hour (``is_ambiguous``), False for the first
    occurrence (summer time) and True for the second (winter time); ignored otherwise.
    Raises ValueError for a time skipped when the clocks go forward, and for a time in the
    repeated hour when ``second`` is None (ask the patient which one).
    """
    found = wall_time_instants(day, at, tz)
    if not found:
        raise ValueError("that wall-clock time does not exist in the zone on that day")
    if len(found) == 1:
        return found[0]
    if second is None:
        raise ValueError("that wall-clock time happens twice on that day: say which")
    return found[1] if second else found[0]


def midnight(day: date, tz: tzinfo) -> datetime:
    """The instant (in UTC) at which the local date ``day`` begins in ``tz``."""
    return datetime.combine(day, time(0, 0), tzinfo=tz).astimezone(UTC)


def at_noon(day: date, tz: tzinfo) -> datetime:
    """The instant (in UTC) of noon on the local date ``day`` in ``tz``: the instant given
    to a record that has only a local date, so that it is shown on that date."""
    return datetime.combine(day, time(12, 0), tzinfo=tz).astimezone(UTC)


def local_date(tz: tzinfo, now: datetime | None = None) -> date:
    """The local date in ``tz`` at the instant ``now`` (aware; default: the current
    instant), e.g. a patient's "today"."""
    return (now or datetime.now(UTC)).astimezone(tz).date()
