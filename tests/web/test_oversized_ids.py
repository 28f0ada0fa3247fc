"""No 500 on an oversized or negative number anywhere (issue 11 item 9): every URL with an
integer in its path, and every posted id the views parse themselves (attendance marks, the
dashboard's undo) and every numeric form field, sent 99999999999999999999 by a user who may
use the page, answer with a 404, a form error or a redirect, never a 500."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests import test_authorisation_matrix as matrix
from tests.test_authorisation_matrix import POST_DATA, ROUTES, login_as

# The matrix's world (A's things, one of each), as fixtures of this module.
frozen, world = matrix.frozen, matrix.world

HUGE = "99999999999999999999"
NUMBERS = (HUGE, "-1", "-99999999999999999999", "1e400")
# Who may use each kind of page: a patient page as A, a staff page as A's physiotherapist,
# an admin page as the clinic admin.
USERS = ("patient_a", "physio", "clinic_admin")


def _int_kwargs(world, name: str, value: str) -> dict[str, object] | None:
    kwargs = ROUTES[name].kwargs(world)
    ints = [key for key, given in kwargs.items() if isinstance(given, int)]
    if not ints:
        return None
    return {key: (value if key in ints else given) for key, given in kwargs.items()}


def _url(name: str, kwargs: dict[str, object]) -> str:
    plain = {k: (1 if str(v) in NUMBERS else v) for k, v in kwargs.items()}
    url = reverse(name, kwargs=plain)
    for key, value in kwargs.items():
        if str(value) in NUMBERS:  # the int converter takes digits only: swap the 1 in
            url = url.replace(f"/{plain[key]}/", f"/{value}/", 1)
    return url


@pytest.mark.parametrize("role", USERS)
def test_oversized_ids_in_paths_are_404(client, world, role):
    login_as(client, world.cast, role)
    wrong = []
    for name, route in sorted(ROUTES.items()):
        kwargs = _int_kwargs(world, name, HUGE)
        if kwargs is None:
            continue
        url = _url(name, kwargs)
        methods = (["get"] if route.get else []) + (["post"] if route.post or not route.get
                                                     else [])
        for method in methods:
            response = getattr(client, method)(url, POST_DATA)
            if response.status_code >= 500:
                wrong.append(f"{method.upper()} {url}: {response.status_code}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("number", NUMBERS)
@pytest.mark.parametrize("role", USERS)
def test_oversized_numbers_in_forms_are_form_errors(client, world, role, number):
    """Every form of the product, every number field given ``number``."""
    login_as(client, world.cast, role)
    data = {**POST_DATA, **{k: number for k, v in POST_DATA.items() if v.isdigit()},
            "undo": number, "review": number, "page": number, "membership": number,
            "colleague": number, "leader": number, "capacity": number,
            f"attended-{number.lstrip('-')}": "yes", "patient": number}
    wrong = []
    for name, route in sorted(ROUTES.items()):
        if not route.post:
            continue
        response = client.post(reverse(name, kwargs=route.kwargs(world)), data)
        if response.status_code >= 500:
            wrong.append(f"{name}: {response.status_code}")
        if role == "anonymous" or name == "accounts:logout":
            login_as(client, world.cast, role)
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("number", (*NUMBERS, "²", "1²", "١٢"))
def test_oversized_attendance_marks_are_404(client, world, number):
    """After the session started, its leader sends a mark for booking ``number``."""
    from datetime import UTC, datetime

    import time_machine

    url = reverse("groups_staff:attendance", kwargs={"session_id": world.ids["session_id"]})
    with time_machine.travel(datetime(2026, 3, 25, 15, 0, tzinfo=UTC), tick=False):
        login_as(client, world.cast, "physio")
        response = client.post(url, {f"attended-{number}": "yes",
                                     f"attended-{world.ids['booking_id']}": "yes"})
    assert response.status_code == 404


@pytest.mark.parametrize("number", (*NUMBERS, "²", "١٢"))
def test_oversized_review_undo_is_404(client, world, number):
    login_as(client, world.cast, "physio")
    response = client.post(reverse("clinic:dashboard"), {"undo": number})
    assert response.status_code == 404
