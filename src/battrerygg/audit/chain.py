"""The audit log's hash chain: what a row's hash covers, and the check of the whole chain.

Each row's ``hash`` is sha256 (hex) over the canonical serialisation of its fields and the
previous row's hash (``prev_hash``; the first row's is ``GENESIS``). The serialisation is
JSON with sorted keys, no spaces, UTF-8, times in UTC with microseconds, ids as integers or
null. Changing, inserting or removing a row breaks the chain at that row (or at the row
after it); rows cut off the end no longer match ``ChainHead``.

The serialisation never changes (old rows must keep verifying): a new field of the row is
added to ``FIELDS`` only with a version mark in its value, never by reordering.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

GENESIS = "0" * 64
"""The ``prev_hash`` of the first row."""

FIELDS = (
    "seq", "at", "actor_id", "actor_name", "actor_role", "patient_id", "clinic_id",
    "clinic_name", "action", "what", "object_id", "address", "request_id", "prev_hash",
)
"""The fields of ``AuditEvent`` a row's hash covers (all but ``id`` and ``hash``)."""


def canonical(row: Mapping[str, Any]) -> bytes:
    """The bytes a row's hash is computed over. row: the ``FIELDS`` of an AuditEvent
    (``at`` an aware datetime; ids int or None; the rest str or None)."""
    values: dict[str, Any] = {}
    for name in FIELDS:
        value = row[name]
        if isinstance(value, datetime):
            value = value.astimezone(UTC).isoformat(timespec="microseconds")
        values[name] = value
    return json.dumps(values, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False).encode()


def digest(row: Mapping[str, Any]) -> str:
    """sha256 (64 hex characters) of ``canonical(row)``; ``row["prev_hash"]`` chains it."""
    return hashlib.sha256(canonical(row)).hexdigest()


@dataclass(frozen=True)
class Break:
    """The first place the chain does not hold: the row (``seq``, ``pk``; None when rows
    are missing at the end) and why."""

    seq: int | None
    pk: int | None
    reason: str


def first_break(rows: Iterator[Mapping[str, Any]], head: tuple[int, str] | None
                ) -> tuple[int, Break | None]:
    """Walk ``rows`` (every row's ``FIELDS`` plus ``id`` and ``hash``, by ``seq``) and
    return (rows checked, the first Break or None). head: (seq, hash) of ``ChainHead``, or
    None when there is none (an empty log)."""
    previous, expected, count = GENESIS, 1, 0
    for row in rows:
        count += 1
        seq, pk = int(row["seq"]), int(row["id"])
        if seq != expected:
            return count, Break(seq, pk, f"expected row {expected} of the chain, found {seq}")
        if row["prev_hash"] != previous:
            return count, Break(seq, pk, "does not follow the row before it")
        if digest(row) != row["hash"]:
            return count, Break(seq, pk, "its content does not match its hash")
        previous, expected = row["hash"], expected + 1
    last = (expected - 1, previous)
    if head is not None and head != last:
        return count, Break(None, None,
                            f"the chain ends at row {last[0]}, its head says row {head[0]}")
    return count, None
