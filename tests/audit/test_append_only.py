"""The access log is append-only in the database itself and tamper-evident (SPEC Q2, issue
11 item 7): raw SQL cannot change or delete a row (triggers, SQLite and PostgreSQL: run with
DATABASE_URL for the latter), and ``battrerygg verify_audit`` names the first row changed
behind the triggers' back."""

from __future__ import annotations

import threading

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, connections, transaction

from battrerygg.audit import triggers
from battrerygg.audit.models import AuditEvent, ChainHead
from battrerygg.audit.services import record_denied

TABLE = AuditEvent._meta.db_table


@pytest.fixture
def logged(cast):
    """The cast's rows and five refused attempts: a chain of a few rows."""
    for n in range(5):
        record_denied(actor=cast.colleague, patient=cast.patient, object_id=f"GET /{n}/")
    return cast


def _raw(sql: str, params: list[object]) -> None:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)


def test_the_triggers_are_installed(db):
    assert triggers.installed(connection) == {"sqlite": 2, "postgresql": 1}[connection.vendor]


def test_raw_update_and_delete_are_refused_by_the_database(cast):
    row = AuditEvent.objects.filter(patient=cast.patient).order_by("seq").first()
    with pytest.raises(DatabaseError, match="append-only"):
        _raw(f"UPDATE {TABLE} SET what = %s WHERE id = %s", ["rewritten", row.pk])
    with pytest.raises(DatabaseError, match="append-only"):
        _raw(f"DELETE FROM {TABLE} WHERE id = %s", [row.pk])
    with pytest.raises(DatabaseError, match="append-only"):
        _raw(f"DELETE FROM {TABLE}", [])
    assert AuditEvent.objects.get(pk=row.pk).what == row.what
    call_command("verify_audit")  # intact


def _tamper(sql: str, params: list[object]) -> None:
    """Change the log as someone with the database's owner rights could: triggers off."""
    with transaction.atomic():
        triggers.drop(connection)
        _raw(sql, params)
        triggers.create(connection)


def _verify() -> str:
    with pytest.raises(CommandError) as failed:
        call_command("verify_audit")
    return str(failed.value)


def test_verify_audit_passes_an_intact_log(logged, capsys):
    count = AuditEvent.objects.count()
    assert count > 3
    call_command("verify_audit")
    assert f"audit log intact: {count} rows" in capsys.readouterr().out


def test_verify_audit_names_the_changed_row(logged):
    rows = list(AuditEvent.objects.order_by("seq"))
    target = rows[2]
    _tamper(f"UPDATE {TABLE} SET actor_name = %s WHERE id = %s", ["Someone Else", target.pk])
    message = _verify()
    assert f"row {target.seq} (id {target.pk})" in message
    assert "does not match its hash" in message


def test_verify_audit_names_the_row_after_a_removed_one(logged):
    rows = list(AuditEvent.objects.order_by("seq"))
    _tamper(f"DELETE FROM {TABLE} WHERE id = %s", [rows[1].pk])
    assert f"row {rows[2].seq} (id {rows[2].pk})" in _verify()


def test_verify_audit_sees_rows_cut_off_the_end(logged):
    last = AuditEvent.objects.order_by("seq").last()
    _tamper(f"DELETE FROM {TABLE} WHERE id = %s", [last.pk])
    assert f"its head says row {last.seq}" in _verify()


def test_a_row_rehashed_in_place_breaks_the_next_one(logged):
    """Recomputing a changed row's own hash does not help: the next row names the old one."""
    from battrerygg.audit.chain import FIELDS, digest

    rows = list(AuditEvent.objects.order_by("seq").values("id", "hash", *FIELDS))
    changed = dict(rows[0], what="rewritten")
    _tamper(f"UPDATE {TABLE} SET what = %s, hash = %s WHERE id = %s",
            ["rewritten", digest(changed), rows[0]["id"]])
    assert f"row {rows[1]['seq']} (id {rows[1]['id']})" in _verify()
    assert "does not follow" in _verify()


@pytest.mark.django_db(transaction=True)
def test_writers_in_parallel_do_not_fork_the_chain(django_user_model):
    """Eight threads, each with its own connection, append twenty rows each at once: one
    chain of 160 rows, in order, and the head at its end. (The flush after this test also
    shows that the triggers let a whole-database wipe through.)"""
    start = threading.Barrier(8)
    errors: list[BaseException] = []

    def write() -> None:
        try:
            start.wait()
            for _ in range(20):
                record_denied(actor=None, object_id="GET /somewhere/")
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert list(AuditEvent.objects.order_by("seq").values_list("seq", flat=True)) == \
        list(range(1, 161))
    assert ChainHead.objects.get().seq == 160
    call_command("verify_audit")


def test_rows_are_written_through_the_services_only(cast):
    """A row made by hand (no place in the chain, no hash) is refused by the model."""
    from battrerygg.audit.models import AuditImmutable

    with pytest.raises(AuditImmutable):
        AuditEvent.objects.create(patient=cast.patient, action="read", what="diary", seq=999)
    with pytest.raises(AuditImmutable):
        AuditEvent.objects.bulk_create([AuditEvent(patient=cast.patient, action="read",
                                                   what="diary", seq=999)])
