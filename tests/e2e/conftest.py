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


def login(page, email: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", password)
    page.click("main button[type=submit]")
    page.wait_for_load_state()


AXE_RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def axe_checker(page):
    """(check, found): check(label) runs axe-core's WCAG 2.1 A/AA rules on the page as it
    is now; found maps each label with violations to (rule, impact, first targets)."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    found: dict = {}

    def check(label: str) -> None:
        result = axe.run(page, options={**AXE_RULES})
        violations = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
                      for v in result.response["violations"]]
        if violations:
            found[label] = violations

    return check, found
