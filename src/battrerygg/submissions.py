"""Making a resent form harmless (SPEC Q3: "repeat submissions harmless"): the one way a
service stores something that a double click, a reload, a second tab or a concurrent
identical request may send again. No service catches ``IntegrityError`` to make a resend
harmless (``care.create_patient`` only words one that no stored record explains).

Two functions, one rule. ``create_once(find, create)`` stores a record unless ``find``
already returns it (a *natural key*: the patient's current goal for an activity, the
patient's motivation, a booking of a patient in a session). ``save_once(find, create,
key, content)`` is the same for a form that carries a ``submission_key`` (a UUID made when
the form was shown): the record is stored under ``stored_key(key, content)``, a UUID 5 of
the form's key and what the form says, with a unique constraint on (patient or creator,
key).

The rule:

- **First send**: the record is created (``created`` True).
- **Same key, same content** (double click, reload, two tabs): the record stored first is
  returned unchanged (``created`` False); nothing is written or audited again.
- **Same key, changed content** (the patient went back, changed the form and sent it
  again): ``ChangedForm.NEW_RECORD``, the default: the changed form is a *new record*,
  itself stored once (the changed form sent twice is stored once). The key is derived
  from the content, not compared with the stored record, so a resend of the original
  form still finds its record after that record was edited (a 24-hour value added, a dose
  changed). A form may choose ``ChangedForm.FIRST_RECORD`` instead (stored under the
  form's own key: the changed form returns the first record); its service says why.
- **Concurrent identical requests**: exactly one row. ``create`` runs in a savepoint
  (``transaction.atomic``); when a concurrent request stored the same key first, the unique
  constraint raises ``IntegrityError``, the savepoint is rolled back (a caller already
  inside a transaction on PostgreSQL goes on: no "current transaction is aborted"), and
  ``find`` is asked again: the row the other request stored comes back with ``created``
  False. An ``IntegrityError`` that no stored record explains is raised. On SQLite the
  writers are serialised (``BEGIN IMMEDIATE`` with a busy timeout, settings), so the
  second request finds the first one's row before it writes.

Locks: a service takes the locks it needs *before* the helper (``find`` then runs under
them, e.g. the group session row for a booking, the episode for a consent); a lock taken
inside ``create`` ends with the savepoint when there is a conflict.

Forms and their choice for changed content (the services' docstrings say more):

- NEW_RECORD: red-flag check, balance check-in, assessment (the next version), new patient
  (a new registration, refused by the identity checks when it names a registered person:
  returning the first patient could lead the physiotherapist to assess the wrong person),
  prescription, group session, questionnaire sent (the locked response row is what is sent
  once; its key is stored under this rule).
- FIRST_RECORD: diary activity and programme session (``diary.record_activity``: the page
  says the form was sent already and shows the entry as first saved, to be corrected there;
  a second entry would count the activity twice in the load and pain signals).
- Natural keys (``create_once``): enrolment (the consent stored under the form's key or the
  episode's active consent: one consent per agreement, never replaced by a resent form),
  weekly goal (patient, activity, current), motivation (patient), booking (session,
  patient, not cancelled), questionnaire started (episode, instrument, timepoint, or the
  assignment), the daily reminder e-mail (patient, local date; ``plan.reminders``).
- Updates of one row (the 24-hour value, dose steps with their ``version``) lock it and
  compare; the flare-up plan and the reminder choice use Django's ``get_or_create``, which
  follows the same rule. ``tests/test_concurrent_identical_posts.py`` sends each of these
  forms twenty times at once.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Any, TypeVar

from django.db import IntegrityError, models, transaction

M = TypeVar("M", bound=models.Model)


def stored_key(key: uuid.UUID, content: Mapping[str, Any]) -> uuid.UUID:
    """The key a form's record is stored under: UUID 5 of the form's ``key`` (namespace)
    and ``content`` (JSON with sorted keys; dates, times, decimals and UUIDs as ``str``).
    The same form gives the same key; any changed value gives another."""
    return uuid.uuid5(key, json.dumps(content, sort_keys=True, default=str))


def create_once(
    find: Callable[[], M | None],
    create: Callable[[], M],
    *,
    conflicts: tuple[type[Exception], ...] = (),
) -> tuple[M, bool]:
    """Store a record unless it is stored already: (record, created).

    find(): the stored record under the natural key, or None (it may lock what it finds).
    create(): store it; runs in a savepoint. When it raises ``IntegrityError`` (a
    concurrent request stored the same key first) or one of ``conflicts`` (a service's own
    check that found the key taken, e.g. ``CareError("email_taken")``), the savepoint is
    rolled back and find() is asked again: the record it returns comes back with
    created False; when it returns None the error is raised unchanged.
    """
    found = find()
    if found is not None:
        return found, False
    taken: tuple[type[Exception], ...] = (IntegrityError, *conflicts)
    try:
        with transaction.atomic():
            return create(), True
    except taken:
        found = find()
        if found is None:
            raise
        return found, False


class ChangedForm(StrEnum):
    """What a changed form sent again under a key already used stores (see the module)."""

    NEW_RECORD = "new_record"
    """A new record, stored under ``stored_key(key, content)``: the rule of most forms."""
    FIRST_RECORD = "first_record"
    """Nothing: the record first stored under the form's own key comes back."""


def save_once(
    find: Callable[[uuid.UUID], M | None],
    create: Callable[[uuid.UUID], M],
    key: uuid.UUID,
    content: Mapping[str, Any],
    *,
    changed: ChangedForm = ChangedForm.NEW_RECORD,
    conflicts: tuple[type[Exception], ...] = (),
) -> tuple[M, bool]:
    """Store a keyed form once: (record, created), by the rule of this module.

    key: the form's ``submission_key``. content: what the form says, as JSON-able values
    (the same form must give the same mapping). find(k): the record stored under k for
    this patient (or creator), or None. create(k): store the form under k (the services'
    unique constraint is on the patient or creator and k). changed: what a changed form
    under a used key stores (``ChangedForm``). conflicts: as ``create_once``.
    """
    use = key if changed is ChangedForm.FIRST_RECORD else stored_key(key, content)
    return create_once(lambda: find(use), lambda: create(use), conflicts=conflicts)
