"""``flush`` as Django's, wiping the access log with the rest of the database on SQLite too:
its append-only triggers are lifted for the wipe and put back (PostgreSQL's TRUNCATE does
not fire row triggers). Only a whole-database wipe gets past them."""

from __future__ import annotations

from typing import Any

from django.core.management.commands import flush
from django.db import DEFAULT_DB_ALIAS, connections

from battrerygg.audit import triggers


class Command(flush.Command):
    def handle(self, **options: Any) -> None:
        connection = connections[options.get("database") or DEFAULT_DB_ALIAS]
        with triggers.suspended(connection):
            super().handle(**options)
