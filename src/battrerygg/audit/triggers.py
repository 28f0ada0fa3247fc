"""The triggers that make the access log append-only in the database (migration 0004).

UPDATE and DELETE of ``audit_auditevent`` rows are refused on SQLite and PostgreSQL,
whoever sends them. TRUNCATE (PostgreSQL) is a whole-database operation that row triggers do
not see; ``flush`` on SQLite lifts the triggers for the wipe (``suspended``), so that both
databases wipe the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

TABLE = "audit_auditevent"
"""The access log's table (``AuditEvent._meta.db_table``)."""
MESSAGE = "audit rows are append-only"

SQLITE = [
    f"CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON {TABLE} "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
    f"CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON {TABLE} "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
]
SQLITE_DROP = ["DROP TRIGGER IF EXISTS audit_no_update", "DROP TRIGGER IF EXISTS audit_no_delete"]

POSTGRESQL = [
    "CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
    f"BEGIN RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'insufficient_privilege'; END $$",
    f"DROP TRIGGER IF EXISTS audit_append_only ON {TABLE}",
    f"CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON {TABLE} "
    "FOR EACH ROW EXECUTE FUNCTION audit_append_only()",
]
POSTGRESQL_DROP = [f"DROP TRIGGER IF EXISTS audit_append_only ON {TABLE}",
                   "DROP FUNCTION IF EXISTS audit_append_only()"]

def _run(connection: Any, by_vendor: dict[str, list[str]]) -> None:
    with connection.cursor() as cursor:
        for statement in by_vendor.get(connection.vendor, []):
            cursor.execute(statement)


def create(connection: Any) -> None:
    """Install the triggers (idempotent)."""
    _run(connection, {"sqlite": SQLITE, "postgresql": POSTGRESQL})


def drop(connection: Any) -> None:
    """Remove the triggers (idempotent)."""
    _run(connection, {"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP})


def installed(connection: Any) -> int:
    """How many of the append-only triggers the database has (SQLite 2, PostgreSQL 1)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND "
                           "tbl_name = %s AND name LIKE 'audit_no_%%'", [TABLE])
        elif connection.vendor == "postgresql":
            cursor.execute("SELECT count(*) FROM pg_trigger WHERE tgname = "
                           "'audit_append_only'")
        else:
            return 0
        return int(cursor.fetchone()[0])


@contextmanager
def suspended(connection: Any) -> Iterator[None]:
    """Lift the triggers on SQLite while a whole-database wipe runs (``flush``); they are
    back afterwards, also when the wipe fails. PostgreSQL's TRUNCATE needs no lifting."""
    if connection.vendor != "sqlite":
        yield
        return
    drop(connection)
    try:
        yield
    finally:
        create(connection)
