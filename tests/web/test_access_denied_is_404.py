"""Refused access is the 404 page, decided in one place (web.middleware.AccessDeniedMiddleware)."""

from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.test import RequestFactory

from battrerygg.audit.models import AuditEvent
from battrerygg.patients.access import AccessDenied
from battrerygg.web.middleware import AccessDeniedMiddleware

SRC = Path(__file__).resolve().parents[2] / "src" / "battrerygg"


def _main(response) -> str:
    return re.search(r"<main.*</main>", response.content.decode(), re.S).group(0)


def test_the_middleware_turns_access_denied_into_404_and_nothing_else(db):
    """AccessDenied: 404 and a refusal row; any other exception: left alone, no row."""
    middleware = AccessDeniedMiddleware(lambda request: None)
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    with pytest.raises(Http404):
        middleware.process_exception(request, AccessDenied())
    assert middleware.process_exception(request, ValueError("other")) is None
    assert list(AuditEvent.objects.values_list("action", "object_id")) == [("denied", "GET /")]


def test_another_patients_entry_is_the_ordinary_404_page_without_a_read_row(client, cast,
                                                                            log_activity):
    """The same 404 page as for an unknown page; the access log records the refusal (who,
    which path) and no read."""
    entry = log_activity(cast.patient_b, date(2026, 3, 10))
    client.force_login(cast.patient.user)
    unknown = client.get("/no-such-page/")
    before = max(AuditEvent.objects.values_list("pk", flat=True), default=0)
    refused = client.get(f"/diary/{entry.pk}/")
    assert refused.status_code == unknown.status_code == 404
    assert [t.name for t in refused.templates][:1] == ["404.html"]
    assert _main(refused) == _main(unknown)  # the same page
    rows = AuditEvent.objects.filter(pk__gt=before)
    assert [(r.action, r.actor, r.object_id) for r in rows] == [
        ("denied", cast.patient.user, f"GET /diary/{entry.pk}/")]


def test_another_physiotherapists_patient_is_404_without_a_row(client, cast):
    client.force_login(cast.other_physio)
    response = client.get(f"/clinic/patients/{cast.patient.ref}/programme/")
    assert response.status_code == 404
    assert [t.name for t in response.templates][:1] == ["404.html"]
    assert not AuditEvent.objects.filter(action="read").exists()


def _only_raises_404(handler: ast.ExceptHandler) -> bool:
    if len(handler.body) != 1 or not isinstance(handler.body[0], ast.Raise):
        return False
    raised = handler.body[0].exc
    if isinstance(raised, ast.Call):
        raised = raised.func
    return isinstance(raised, ast.Name) and raised.id == "Http404"


def _catches_access_denied(caught: ast.expr | None) -> bool:
    """``except AccessDenied``, ``except access.AccessDenied`` or a tuple naming it."""
    names = caught.elts if isinstance(caught, ast.Tuple) else [caught]
    return any(isinstance(n, ast.Name) and n.id == "AccessDenied"
               or isinstance(n, ast.Attribute) and n.attr == "AccessDenied" for n in names)


def test_the_check_sees_access_denied_in_a_tuple_or_through_its_module():
    for caught in ("AccessDenied", "(AccessDenied, ValueError)", "access.AccessDenied"):
        handler = ast.parse(f"try:\n    pass\nexcept {caught}:\n    raise Http404\n").body[0]
        assert _catches_access_denied(handler.handlers[0].type) and _only_raises_404(
            handler.handlers[0]), caught


def test_no_module_catches_access_denied_only_to_raise_404():
    """A view that only turns AccessDenied into 404 lets it through instead: the middleware
    answers it. Handlers that answer otherwise (403, a message, an htmx partial) stay."""
    copies = []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.ExceptHandler) and _catches_access_denied(node.type)
                    and _only_raises_404(node)):
                copies.append(f"{path.relative_to(SRC)}:{node.lineno}")
    assert copies == []
