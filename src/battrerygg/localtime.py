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
