"""``{% sso_login_url as url %}``: where the e-ID button posts, or "" when the region's
single sign-on is not configured (the button is then not shown)."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.urls import reverse

from battrerygg.sso import PROVIDER_ID

register = template.Library()


@register.simple_tag
def sso_login_url() -> str:
    if not getattr(settings, "SSO_ENABLED", False):
        return ""
    return reverse("openid_connect_login", kwargs={"provider_id": PROVIDER_ID})
