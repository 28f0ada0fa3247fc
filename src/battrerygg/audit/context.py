"""The request being served, as the access log and the request log see it: its id
(``X-Request-ID``) and the client's address. Set by ``web.middleware.RequestIdMiddleware``;
read by ``audit.services`` (every row) and ``RequestIdFilter`` (every log line). Imports no
model, so the logging configuration can name the filter before the apps are loaded."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class RequestInfo:
    """Where the request being served comes from: its id and the client's IP address
    (None when unknown)."""

    request_id: str
    address: str | None


_request: ContextVar[RequestInfo | None] = ContextVar("audit_request", default=None)


@contextmanager
def request_context(request_id: str, address: str | None) -> Iterator[RequestInfo]:
    """Serve one request: rows and log lines written meanwhile carry its id."""
    info = RequestInfo(request_id, address)
    token = _request.set(info)
    try:
        yield info
    finally:
        _request.reset(token)


def current_request() -> RequestInfo | None:
    """The request being served (``request_context``), if any."""
    return _request.get()


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to every log record: of the request being served, or of the
    request the record names (Django logs a 404 after the middleware has finished, with
    ``extra={"request": …}``; the middleware sets ``request.request_id``); else "-"."""

    def filter(self, record: logging.LogRecord) -> bool:
        info = _request.get()
        named = getattr(getattr(record, "request", None), "request_id", None)
        record.request_id = info.request_id if info else (named or "-")
        return True
