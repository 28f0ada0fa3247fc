"""The migration that adds ``ActivityEntry.task`` names the everyday tasks and other
activities logged before it from their description, as ``task_name`` does."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from battrerygg.diary.models import task_name

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("diary", "0003_entry_patient_time_index")]
AFTER = [("diary", "0004_entry_task_name")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def back_to_0003():
    """Migrate the diary back to before the task name; afterwards forward to the latest."""
    yield _migrate(BEFORE)
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def test_earlier_entries_get_their_task_name(cast, back_to_0003):
    apps = back_to_0003
    entry = apps.get_model("diary", "ActivityEntry")
    at = datetime(2026, 3, 10, 9, tzinfo=UTC)
    common = {"patient_id": cast.patient.pk, "started_at": at, "local_date": date(2026, 3, 10),
              "minutes": 20, "pain_baseline": 3, "pain_during": 4, "pain_after": 3,
              "follow_up_due_at": at}
    rows = {
        "task": entry.objects.create(kind="everyday_task", description=" Vacuuming the flat. ",
                                     **common).pk,
        "other": entry.objects.create(kind="other", description="Gardening", **common).pk,
        "walk": entry.objects.create(kind="walking", description="Round the lake", **common).pk,
        "unnamed": entry.objects.create(kind="everyday_task", description="", **common).pk,
    }
    apps = _migrate(AFTER)
    migrated = apps.get_model("diary", "ActivityEntry")
    tasks = {name: migrated.objects.get(pk=pk).task for name, pk in rows.items()}
    assert tasks == {"task": "vacuuming the flat", "other": "gardening", "walk": "",
                     "unnamed": ""}
    assert tasks["task"] == task_name("everyday_task", " Vacuuming the flat. ")
