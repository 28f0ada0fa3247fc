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


def test_cookies_carry_the_host_prefix_behind_https(tmp_path):
    """ASVS V3.4.4: with BATTRERYGG_SECURE the session, CSRF and language cookies are
    __Host- cookies (Secure, path /, no Domain); without HTTPS a browser would refuse them,
    so the plain names stay."""
    code = ("from django.conf import settings as s; "
            "print(s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME, s.LANGUAGE_COOKIE_NAME, "
            "s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_DOMAIN, s.SESSION_COOKIE_PATH)")
    base = {**os.environ, "BATTRERYGG_DATA_DIR": str(tmp_path),
            "DJANGO_SETTINGS_MODULE": "battrerygg.settings",
            "BATTRERYGG_SECRET_KEY": "x" * 50, "BATTRERYGG_ALLOWED_HOSTS": "h.example.se"}
    secure = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={**base, "BATTRERYGG_SECURE": "true"})
    assert secure.stdout.split() == ["__Host-sessionid", "__Host-csrftoken",
                                     "__Host-django_language", "True", "None", "/"], secure.stderr
    plain = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           env={**base, "BATTRERYGG_SECURE": "false"})
    assert plain.stdout.split()[:3] == ["sessionid", "csrftoken", "django_language"]
