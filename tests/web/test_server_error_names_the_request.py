"""ASVS V7.4.1: an unexpected error answers a generic, translated page that names the
request's id (the X-Request-ID of its log lines and audit rows) and nothing else of it."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import path

from battrerygg import urls as product_urls


def _boom(request):
    raise RuntimeError("secret detail 19121212-1212")


urlpatterns = [path("boom/", _boom), *product_urls.urlpatterns]
handler500 = product_urls.handler500


@pytest.mark.urls("tests.web.test_server_error_names_the_request")
def test_a_500_names_the_request_id_and_no_detail(db):
    client = Client(raise_request_exception=False)
    response = client.get("/boom/", HTTP_ACCEPT_LANGUAGE="sv")
    html = response.content.decode()
    assert response.status_code == 500
    request_id = response.headers.get("X-Request-ID") or ""
    assert request_id and request_id in html
    assert "Något gick fel" in html and "uppge den här referensen" in html
    assert "secret detail" not in html and "19121212" not in html
