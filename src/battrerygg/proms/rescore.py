"""Check stored scores against the clinical core's current rules (used by data migrations).

A sent questionnaire keeps a snapshot of its score (``Response.total``, ``category``,
``subscales``, ``missing_reason``), taken when it was sent. When a scoring rule changes
(SPEC C4 refinement, turn 2: an ODI is scored only with at most one unanswered section), a
data migration calls ``rescore`` so that every stored snapshot is what the core now says,
and reports how many changed.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from battrerygg.clinical.instruments import REGISTRY
from battrerygg.clinical.instruments.base import AnswerError

logger = logging.getLogger(__name__)


def rescore(response_model: Any, instruments: Iterable[str] | None = None) -> tuple[int, int]:
    """Recompute the stored score of every sent response (of ``instruments``, or all known).

    response_model: the ``proms.Response`` model (a migration's historical model will do:
    only fields are used). Each sent response is scored again by the core from its stored
    answers; those whose snapshot differs are updated (``total``, ``category``,
    ``subscales``, ``missing_reason``; the answers and the sending time are kept). A
    response whose stored answers the core no longer accepts is left as it is and logged.
    Returns (checked, changed) and logs both.
    """
    wanted = set(REGISTRY) if instruments is None else set(instruments) & set(REGISTRY)
    checked = changed = 0
    sent = response_model.objects.filter(status="submitted", instrument__in=wanted)
    for response in sent.order_by("pk").iterator():
        checked += 1
        instrument = REGISTRY[response.instrument]
        try:
            result = instrument.scorer(instrument.check_answers(response.answers))
        except AnswerError as exc:
            logger.warning("response %s (%s): stored answers refused (%s), left as stored",
                           response.pk, response.instrument, exc.code)
            continue
        snapshot = {
            "total": result.total,
            "category": result.category or "",
            "subscales": {name: str(value) for name, value in result.subscales.items()},
            "missing_reason": result.missing_reason or "",
        }
        if any(getattr(response, field) != value for field, value in snapshot.items()):
            for field, value in snapshot.items():
                setattr(response, field, value)
            response.save(update_fields=[*snapshot, "updated_at"])
            changed += 1
    logger.info("rescored %d sent questionnaires: %d changed", checked, changed)
    return checked, changed
