"""Making a resent form harmless (SPEC Q3: "repeat submissions harmless").

Each form carries a ``submission_key`` (a UUID made when the form was shown) and each model
that stores such forms has a unique constraint on (patient, submission_key). The answers
first sent with a key are stored under that key. If the patient goes back, changes the form
and sends it again, the same key arrives with other answers: those are a new record, stored
under a key derived from the form's key and the answers (UUID 5), so that sending the
changed form twice — a double click, a reload, two tabs — still stores it once.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from django.db import IntegrityError, models, transaction

M = TypeVar("M", bound=models.Model)


def derived_key(key: uuid.UUID, answers: Mapping[str, Any]) -> uuid.UUID:
    """The key for ``answers`` sent under a form key already used for other answers."""
    return uuid.uuid5(key, json.dumps(answers, sort_keys=True, default=str))


def save_once(
    find: Callable[[uuid.UUID], M | None],
    same: Callable[[M], bool],
    create: Callable[[uuid.UUID], M],
    key: uuid.UUID,
    answers: Mapping[str, Any],
) -> tuple[M, bool]:
    """Store a form's answers once: (record, created).

    find(key): the patient's record under a key, or None. same(record): whether it holds
    these answers. create(key): store them under a key (may raise IntegrityError when a
    concurrent request stored the same key first; it then looks again).
    """
    for _attempt in range(3):
        first = find(key)
        if first is None:
            use = key
        elif same(first):
            return first, False
        else:
            use = derived_key(key, answers)
            earlier = find(use)
            if earlier is not None:
                return earlier, False
        try:
            with transaction.atomic():
                return create(use), True
        except IntegrityError:
            continue  # a concurrent request stored one of these keys: look again
    raise RuntimeError("could not store the form after three concurrent conflicts")
