"""Single sign-on by OpenID Connect (authorisation code with PKCE and a nonce) through a
region's e-ID broker, on django-allauth's ``openid_connect`` provider.

- ``oidc``: the provider, which adds a nonce to the authorisation request and keeps no
  identity number in the database (``SocialAccount.extra_data`` holds iss and sub only);
- ``checks``: what must hold of the tokens before anyone is matched (nonce, issuer,
  subject);
- ``matching``: who the e-ID names: a staff account by the configured claim, or a patient
  a clinic registered by the personal identity number claim (never by e-mail alone);
- ``adapter``: allauth's hooks: nobody is created, refusals are a page of their own;
- ``second_factor``: marks a staff login whose broker vouched for a second factor.

Configured by the ``BATTRERYGG_OIDC_*`` environment variables (settings.py, README).
"""

PROVIDER_ID = "region"
"""The allauth app id of the region's broker: the callback URL is
``/accounts/oidc/region/login/callback/`` (what the broker registers)."""
