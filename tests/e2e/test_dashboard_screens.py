"""The dashboard in the browser on the demo data: every reason shows, most urgent first,
"Mark as reviewed" moves a patient to the quiet list and Undo brings them back; phone and
desktop screenshots (test-artifacts/dashboard-*.png)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine

from tests.conftest import PASSWORD
from tests.e2e.conftest import login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

NOW = datetime(2026, 5, 12, 7, 30, tzinfo=UTC)
LABELS = {"red_flag": "Varningstecken", "negative_emotions": "Negativa känslor",
          "load": "Belastning", "high_baseline": "Smärta i vila",
          "morning_pain_rising": "Morgonsmärta", "not_settling": "Inte bättre",
          "overdue": "Frågeformulär", "silent": "Dagbok"}


@pytest.mark.parametrize("width", [390, 1280])
def test_dashboard_on_the_demo(open_page, artifacts, cast, width):
    from battrerygg.clinic import demo

    with time_machine.travel(NOW, tick=True):
        expected = demo.load(now=NOW, clinic=cast.clinic, physio=cast.physio)
        page, foreign = open_page(width=width)
        login(page, cast.physio.email, PASSWORD)
        page.goto("/clinic/")
        items = page.locator("ol.attention > li")
        names = [items.nth(i).locator("h2").inner_text() for i in range(items.count())]
        # Demo patients in priority order; Anna and Bertil (cast) have signals too.
        order = [expected[k] for k in LABELS]  # LABELS is in the order of priority
        assert [n for n in names if n in order] == order
        for reason, name in expected.items():
            item = items.filter(has=page.get_by_role("heading", name=name))
            assert item.locator(".reason-kind").first.inner_text().lower() == LABELS[reason].lower()
        page.screenshot(path=str(artifacts / f"dashboard-{width}.png"), full_page=True)

        item = items.filter(has=page.get_by_role("heading", name=expected["load"]))
        item.get_by_role("button", name="Markera som granskad").click()
        page.wait_for_load_state()
        assert "markerad som granskad" in page.locator(".messages").inner_text()
        quiet = page.locator("ul.quiet-list")
        assert expected["load"] in quiet.inner_text()
        page.screenshot(path=str(artifacts / f"dashboard-reviewed-{width}.png"), full_page=True)
        quiet.locator("li", has_text=expected["load"]).get_by_role("button").click()
        page.wait_for_load_state()
        assert expected["load"] in page.locator("ol.attention").inner_text()

        admin, _ = open_page(width=width)
        login(admin, cast.clinic_admin.email, PASSWORD)
        admin.goto("/clinic/")
        assert "Mina mottagningar" in admin.locator("h1").inner_text()
        admin.screenshot(path=str(artifacts / f"dashboard-admin-{width}.png"), full_page=True)
    assert foreign == []
