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


def login_staff(client, user) -> None:  # type: ignore[no-untyped-def]
    """Log ``user`` (staff) into the test ``client`` with a passed second factor in the
    session, as after a login with an authenticator app: staff pages need one
    (``patients.access.second_factor_satisfied``). The bench measures the page, not the
    login. The user gets an app (a random secret) if they have none, since a second factor
    counts only while the account has one."""
    import time

    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, generate_totp_secret())
    client.force_login(user)
    session = client.session
    session["account_authentication_methods"] = [
        {"method": "mfa", "type": "totp", "at": time.time()}]
    session["account_authentication_methods_user"] = str(user.pk)
    session.save()
