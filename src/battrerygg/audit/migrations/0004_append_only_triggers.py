"""The access log is append-only in the database itself: UPDATE and DELETE of its rows are
refused by triggers (SQLite and PostgreSQL; the SQL is in ``audit/triggers.py``).

A later migration that rebuilds the table on SQLite (most ALTERs do: new table, copy,
rename) drops these triggers: such a migration must end with ``triggers.create`` again;
``tests/audit/test_append_only.py`` fails otherwise.
"""

from django.db import migrations

from battrerygg.audit import triggers


def create_triggers(apps, schema_editor):
    triggers.create(schema_editor.connection)


def drop_triggers(apps, schema_editor):
    triggers.drop(schema_editor.connection)


class Migration(migrations.Migration):

    dependencies = [("audit", "0003_chain_and_snapshots")]

    operations = [migrations.RunPython(create_triggers, drop_triggers)]
