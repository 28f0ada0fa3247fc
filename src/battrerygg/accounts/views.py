"""The user's sessions (SPEC Q2): each device where they are logged in — when it began,
when it was last used, from which address and browser — and ending one, all others, or
all of them (django-allauth's usersessions, our page)."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import get_adapter
from allauth.account.views import PasswordResetDoneView
from allauth.usersessions.internal.flows.sessions import end_sessions
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext


@login_required
def sessions(request: HttpRequest) -> HttpResponse:
    """GET: the list. POST ``end`` = a session id (that one), "others" or "all" (this
    device too, which logs out). Only the user's own sessions are ever ended; an unknown
    id changes nothing."""
    own = sorted(UserSession.objects.purge_and_list(request.user),
                 key=lambda s: s.created_at, reverse=True)
    if request.method == "POST":
        choice = request.POST.get("end", "")
        if choice == "all":
            chosen = own
        elif choice == "others":
            chosen = [s for s in own if not s.is_current()]
        else:
            chosen = [s for s in own if str(s.pk) == choice]
        if chosen:
            current = any(s.is_current() for s in chosen)
            end_sessions(request, chosen)
            if current:
                return redirect("accounts:login")
            messages.success(request, gettext("The session has ended.") if len(chosen) == 1
                             else gettext("The sessions have ended."))
        return redirect("usersessions_list")
    return render(request, "usersessions/usersession_list.html", {
        "sessions": own, "idle_minutes": settings.SESSION_COOKIE_AGE // 60,
        "hours": settings.SESSION_MAX_HOURS})


class RecoverySentView(PasswordResetDoneView):
    """"Check your e-mail": the same page whether or not the address has an account."""

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context_data(**kwargs)
        context["link_minutes"] = settings.RECOVERY_LINK_MINUTES
        return context


recovery_sent = RecoverySentView.as_view()


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's page to change one's password, saying so when it is done
    (``signals.password_changed_by_user``: the access log's row) and telling the account by
    e-mail (as allauth tells of a reset or a new second factor: ``ACCOUNT_EMAIL_NOTIFICATIONS``)."""

    def form_valid(self, form: Any) -> HttpResponse:
        from battrerygg.accounts.signals import password_changed_by_user

        response = super().form_valid(form)
        password_changed_by_user.send(sender=type(self), request=self.request,
                                      user=form.user)
        get_adapter(self.request).send_notification_mail(
            "account/email/password_changed", self.request.user)
        return response
