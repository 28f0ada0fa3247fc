"""A patient's timeline for their physiotherapist: everything recorded, as events.

The registry lives here, in a base app that imports no domain app. Each app owns its
*source*, a function ``(user, patient) -> Iterable[Event]`` in ``<app>/timeline.py`` that
reads through that app's queries (so through the access layer), and registers it with
``register`` when its AppConfig is ready. The page (``clinic.views.patient``) reads inside
one audit read scope, so the whole timeline is one audit row however many sources it has.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.utils.functional import Promise

from battrerygg.patients.models import Patient


@dataclass(frozen=True)
class Event:
    """One thing that happened in a patient's care.

    at: an aware instant (UTC or any zone); kind: the source key (e.g. "diary");
    title: one line; details: short lines under it; tone: "high", "acc", "safe" or "" (the
    colour of the marker); url: where to read more, if anywhere.
    """

    at: datetime
    kind: str
    title: str
    details: tuple[str, ...] = ()
    tone: str = ""
    url: str = ""


Source = Callable[[Any, Patient], Iterable[Event]]


@dataclass
class _Registered:
    label: Promise
    source: Source
    order: int = field(default=0)


SOURCES: dict[str, _Registered] = {}


def register(kind: str, label: Promise, order: int = 50) -> Callable[[Source], Source]:
    """Decorator: add a timeline source under ``kind`` (shown as ``label`` in the filter;
    ``order``: its place in the filter, smaller first). Registering a kind again replaces
    its source."""

    def decorator(source: Source) -> Source:
        SOURCES[kind] = _Registered(label, source, order)
        return source

    return decorator


def kinds() -> list[tuple[str, Promise]]:
    """(kind, label) of every source, in display order."""
    return [(k, r.label) for k, r in sorted(SOURCES.items(), key=lambda kv: kv[1].order)]


def events(user: Any, patient: Patient, only: str | None = None) -> list[Event]:
    """The patient's events, newest first; ``only``: one source kind (unknown → all).
    Events at the same instant keep the order the sources registered in (the order of
    INSTALLED_APPS) and each source's own order.

    Raises patients.access.AccessDenied (from the sources' queries) when ``user`` may not
    see the patient.
    """
    chosen = [only] if only in SOURCES else list(SOURCES)
    found: list[Event] = []
    for kind in chosen:
        found.extend(SOURCES[kind].source(user, patient))
    return sorted(found, key=lambda e: e.at, reverse=True)
