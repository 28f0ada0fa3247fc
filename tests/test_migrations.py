"""The migrations describe the models exactly (a model change without its migration fails)."""

from __future__ import annotations

import io

from django.core.management import call_command


def test_no_missing_migrations(db):
    out = io.StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)  # exits 1 if missing
    assert "No changes detected" in out.getvalue()
