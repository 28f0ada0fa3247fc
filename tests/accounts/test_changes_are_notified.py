"""ASVS V2.2.3 / V2.5.5: a person is told by e-mail, in their language, when their password
is reset, so that a change they did not make does not go unnoticed."""

from __future__ import annotations

import re

from django.core import mail

NEW = "Ny-ryggvag-2026!"


def test_a_reset_password_is_told_by_e_mail_in_the_accounts_language(client, cast):
    client.post("/accounts/password/reset/", {"email": "anna@example.se"})
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/\S+)",
                     mail.outbox[-1].body).group(1)
    page = client.get(link, follow=True)
    client.post(page.request["PATH_INFO"], {"password1": NEW, "password2": NEW})
    cast.patient.user.refresh_from_db()
    assert cast.patient.user.check_password(NEW)
    assert len(mail.outbox) == 2  # the link, then the notice
    notice = mail.outbox[-1]
    assert notice.to == ["anna@example.se"]
    assert "lösenord" in (notice.subject + notice.body).lower()
    assert NEW not in notice.body
