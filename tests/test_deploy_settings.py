"""Production settings pass Django's deployment checklist (SPEC Q2)."""

from __future__ import annotations

import os
import subprocess
import sys


def test_check_deploy_is_clean(tmp_path):
    env = {
        **os.environ,
        "BATTRERYGG_DATA_DIR": str(tmp_path),
        "BATTRERYGG_SECRET_KEY": "x" * 20 + "production-secret-key-for-the-check-only-0123456789",
        "BATTRERYGG_SECURE": "true",
        "BATTRERYGG_ALLOWED_HOSTS": "battrerygg.example.se",
    }
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the browser tests' conftest
    done = subprocess.run(
        [sys.executable, "-m", "battrerygg.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env=env, capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout


def test_bad_setting_fails_loudly(tmp_path):
    env = {**os.environ, "BATTRERYGG_DATA_DIR": str(tmp_path), "BATTRERYGG_SECURE": "maybe"}
    done = subprocess.run([sys.executable, "-m", "battrerygg.cli", "check"], env=env,
                          capture_output=True, text=True)
    assert done.returncode != 0
    assert "BATTRERYGG_SECURE must be a boolean" in done.stderr
