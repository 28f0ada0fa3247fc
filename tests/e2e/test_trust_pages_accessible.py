"""The staff pages issue 11 added pass axe-core's WCAG 2.1 A/AA rules at phone and desktop
width, in Swedish and English: the staff page with moves of patients and HSA-ids, the moves
awaiting approval, the log review (with a search's results), the clinic's and a patient's
pain limits, the login-and-security page, the sessions list; and the patient's "who can
see my data" page."""

from __future__ import annotations

import pytest

from tests.conftest import PASSWORD
from tests.e2e.conftest import axe_checker, login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [390, 1280])
def test_trust_pages_have_no_axe_violations(cast, open_page, width):
    from battrerygg.clinic import transfers

    # A move of A's physiotherapist's patients to the colleague, awaiting a second person.
    transfers.propose_transfer(cast.clinic_admin, cast.physio.memberships.get(
        clinic=cast.clinic).pk, cast.colleague.pk)
    cast.physio.hsa_id = "SE2321000016-1234"
    cast.physio.save()
    page, foreign = open_page(width)
    check, found = axe_checker(page)
    for language in ("sv", "en"):
        login(page, "admin@example.se", PASSWORD)
        if language == "en":
            page.click("button[name=language][value=en]")
        for path in ("/clinic/staff/", "/clinic/transfers/", "/clinic/log/",
                     "/clinic/pain-limits/", "/accounts/2fa/", "/accounts/sessions/"):
            page.goto(path)
            assert page.url.endswith(path), page.url  # the page itself, not a redirect
            check(f"admin {language} {path}")
        page.goto("/clinic/log/")
        with page.expect_navigation():
            page.click("main form button[type=submit]")
        check(f"admin {language} log search")
        login(page, "physio@example.se", PASSWORD)
        if language == "en":
            page.click("button[name=language][value=en]")
        for path in ("/clinic/transfers/", f"/clinic/patients/{cast.patient.ref}/pain-limits/",
                     "/accounts/2fa/"):
            page.goto(path)
            assert page.url.endswith(path), page.url
            check(f"physio {language} {path}")
        login(page, "anna@example.se", PASSWORD)
        if language == "en":
            page.click("button[name=language][value=en]")
        page.goto("/my-record/access/")
        assert page.url.endswith("/my-record/access/")
        check(f"patient {language} access")
    assert found == {}
    assert foreign == []
