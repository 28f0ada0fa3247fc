"""Shared start of the bench scripts: Django on a fresh (or given) data folder, migrated,
with the test environment (so the test client and query capture work)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def setup_django() -> None:
    """Configure and start Django for a bench run. The data folder is BATTRERYGG_DATA_DIR,
    or a new temporary folder; DATABASE_URL picks PostgreSQL as in the app."""
    os.environ.setdefault("BATTRERYGG_DATA_DIR", tempfile.mkdtemp(prefix="battrerygg-bench-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "battrerygg.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    setup_test_environment()
    call_command("migrate", verbosity=0)
