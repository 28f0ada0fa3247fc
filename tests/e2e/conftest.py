"""Browser tests: Playwright for Python driving Debian's chromium.

They skip with a clear message when chromium is absent, except in CI (CI=true), where a
missing browser is a failure. Screenshots go to test-artifacts/ (BATTRERYGG_ARTIFACTS).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# beside it are synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("BATTRERYGG_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(
    os.environ.get("BATTRERYGG_ARTIFACTS")
    or Path(__file__).resolve().parents[2] / "test-artifacts"
)
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium_available() -> bool:
    return Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is not None


@pytest.fixture(scope="session")
def browser():
    if not _chromium_available():
        if os.environ.get("CI"):
            pytest.fail(f"chromium not found at {CHROMIUM}; CI must install it (apt chromium)")
        pytest.skip(f"chromium not found at {CHROMIUM}: install Debian's chromium to run e2e tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


class ForeignRequests(list):
    """Requests the page made to any host but the test server."""


@pytest.fixture
def open_page(browser, live_server):
    """open_page(width=1280, javascript=True) → (page, foreign_requests)."""
    contexts = []
    server_host = urlparse(live_server.url).netloc

    def _open(width: int = 1280, javascript: bool = True):
        context = browser.new_context(
            viewport={"width": width, "height": 900}, java_script_enabled=javascript,
            base_url=live_server.url,
        )
        contexts.append(context)
        page = context.new_page()
        foreign = ForeignRequests()

        def _check(request):
            parsed = urlparse(request.url)
            if parsed.scheme in ("http", "https", "ws", "wss") and parsed.netloc != server_host:
                foreign.append(request.url)

        page.on("request", _check)
        page.set_default_timeout(15000)
        return page, foreign

    yield _open
    for context in contexts:
        context.close()


STAFF_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # base32; the test staff's app


def totp_code(secret: str = STAFF_TOTP_SECRET, step: int = 0) -> str:
    """The authenticator app's code now, or ``step`` periods of 30 s on (the server's
    clock: the live server runs in this process, so a travelled clock moves both)."""
    from allauth.mfa.totp.internal.auth import (
        format_hotp_value,
        hotp_value,
        yield_hotp_counters_from_time,
    )

    counters = list(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(secret, counters[len(counters) // 2] + step))


def give_totp(user, secret: str = STAFF_TOTP_SECRET) -> None:
    """Give ``user`` an authenticator app with ``secret`` (and recovery codes), as staff
    have after enrolling (issue 11); nothing when they have one."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
    from allauth.mfa.totp.internal.auth import TOTP

    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, secret)
        RecoveryCodes.activate(user)


def enter_totp(page, user, secret: str = STAFF_TOTP_SECRET) -> None:
    """Answer the two-factor step with the app's current code (a code used before in its
    window is refused, as it should be: forget that use, the test logs in again)."""
    from django.core.cache import cache

    code = totp_code(secret)
    cache.delete(f"allauth.mfa.totp.used?user={user.pk}&code={code}")
    page.fill("#id_code", code)
    page.click("main form[action$='/2fa/authenticate/'] button[type=submit]")
    page.wait_for_load_state()


def login(page, email: str, password: str) -> None:
    """Log in through the login page; staff (who must pass a second factor) get an
    authenticator app first and answer the two-factor step with its code."""
    from battrerygg.accounts.models import User
    from battrerygg.patients.access import requires_second_factor

    user = User.objects.filter(email=email).first()
    staff = user is not None and requires_second_factor(user)
    if staff:
        give_totp(user)
    page.context.clear_cookies()  # a fresh session (test sessions do not time out)
    page.goto("/accounts/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", password)
    page.click("main form[action$='/accounts/login/'] button[type=submit]")
    page.wait_for_load_state()
    if staff:
        enter_totp(page, user)


AXE_RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def axe_checker(page):
    """(check, found): check(label) runs axe-core's WCAG 2.1 A/AA rules on the page as it
    is now; found maps each label with violations to (rule, impact, first targets)."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    found: dict = {}

    def check(label: str) -> None:
        page.wait_for_load_state("load")  # a form just sent may still be navigating
        result = axe.run(page, options={**AXE_RULES})
        violations = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
                      for v in result.response["violations"]]
        if violations:
            found[label] = violations

    return check, found
