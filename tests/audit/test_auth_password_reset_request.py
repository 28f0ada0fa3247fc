"""A recovery link asked for an existing account is a row of the access log; for an
address no account has there is no row naming it, and the page answers alike."""

from __future__ import annotations

import re

import pytest

from battrerygg.audit.keys import What
from tests.audit.auth_helpers import auth_rows, chain_intact, every_value

pytestmark = pytest.mark.django_db


def _ask(client, email: str):
    return client.post("/accounts/password/reset/", {"email": email}, follow=True)


def _page(response) -> str:
    """The page without what differs on every request (CSRF tokens, CSP nonces)."""
    html = response.content.decode()
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)
    return re.sub(r'nonce="[^"]*"', "", html)


def test_a_request_for_an_existing_account_is_a_row(client, cast):
    _ask(client, "anna@example.se")
    [row] = auth_rows()
    assert (row.what, row.actor, row.object_id) == (
        What.PASSWORD_RESET_REQUESTED, cast.patient.user, "")
    assert chain_intact()


def test_an_unknown_address_leaves_no_row_and_the_same_answer(client, cast):
    known = _ask(client, "anna@example.se")
    unknown = _ask(client, "okand-person@example.se")
    assert unknown.redirect_chain == known.redirect_chain
    assert unknown.status_code == known.status_code
    assert _page(unknown).replace("okand-person@example.se", "") == \
        _page(known).replace("anna@example.se", "")
    assert len(auth_rows()) == 1  # the known one's
    assert all("okand-person" not in every_value(row) for row in auth_rows())
