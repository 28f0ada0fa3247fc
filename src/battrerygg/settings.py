"""Settings: every setting is an environment variable with a default.

Read through small typed helpers that fail loudly on a bad value. Nothing secret is in the
repository: without ``BATTRERYGG_SECRET_KEY`` (or ``BATTRERYGG_SECRET_KEY_FILE``) the embedded
default generates a key once and keeps it in the data folder.
The README's "Configuration" table lists them.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent


def envbool(name: str, default: bool) -> bool:
    """Boolean from the environment: 1/true/yes/on or 0/false/no/off; else an error."""
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() in {"1", "true", "yes", "on"}:
        return True
    if raw.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false), got {raw!r}")


def envint(name: str, default: int) -> int:
    """Integer from the environment; else an error."""
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, got {raw!r}") from None


def envlist(name: str, default: list[str]) -> list[str]:
    """Comma-separated list from the environment."""
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def secret(name: str) -> str | None:
    """A secret: the contents of the file named by NAME_FILE, else NAME, else None."""
    path = os.environ.get(f"{name}_FILE")
    if path:
        try:
            return Path(path).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ImproperlyConfigured(f"cannot read {name}_FILE={path!r}: {exc}") from exc
    return os.environ.get(name) or None


DATA_DIR = Path(os.environ.get("BATTRERYGG_DATA_DIR") or Path.cwd() / "data").resolve()


def _embedded_secret_key() -> str:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        key_file.chmod(0o600)
    return key_file.read_text(encoding="utf-8").strip()


DEBUG = envbool("BATTRERYGG_DEBUG", False)
SECRET_KEY = secret("BATTRERYGG_SECRET_KEY") or _embedded_secret_key()
# The Django admin site (system admins: configuration only; it cannot change roles,
# memberships or care relations, see accounts/admin.py). Off unless turned on; on by default
# in development (DEBUG). Every path under /admin/ is a 404 while off
# (web.middleware.AdminSwitchMiddleware).
ADMIN_ENABLED = envbool("BATTRERYGG_ADMIN_ENABLED", DEBUG)
# A valid new-patient form is answered no sooner than this (seconds), whether the person was
# new or registered elsewhere (care.views.new_patient; docs/privacy-security.md).
REGISTRATION_MIN_SECONDS = envint("BATTRERYGG_REGISTRATION_MIN_MS", 1000) / 1000
ALLOWED_HOSTS = envlist("BATTRERYGG_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = envlist("BATTRERYGG_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "battrerygg.sso",  # before allauth: our templates for its single sign-on pages
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "axes",
    "csp",
    "django_htmx",
    "battrerygg.accounts",
    "battrerygg.audit",
    "battrerygg.patients",
    "battrerygg.guide",
    "battrerygg.redflags",
    "battrerygg.diary",
    "battrerygg.plan",
    "battrerygg.proms",
    "battrerygg.programme",
    "battrerygg.clinic",
    "battrerygg.care",
    "battrerygg.groups",
    "battrerygg.web",
]

MIDDLEWARE = [
    "battrerygg.web.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "battrerygg.web.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "battrerygg.web.middleware.AdminSwitchMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "battrerygg.accounts.middleware.UserSessionsMiddleware",  # allauth's, once a minute
    "battrerygg.web.middleware.SecondFactorMiddleware",
    "battrerygg.web.middleware.UserLanguageMiddleware",
    "battrerygg.web.middleware.PrivatePagesMiddleware",
    "axes.middleware.AxesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "battrerygg.accounts.middleware.SessionLimitsMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "battrerygg.web.middleware.AccessDeniedMiddleware",
]

ROOT_URLCONF = "battrerygg.urls"
WSGI_APPLICATION = "battrerygg.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Our own pages for allauth's login, recovery, two-factor and session screens.
        "DIRS": [BASE_DIR / "accounts" / "allauth_templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "battrerygg.web.context_processors.menu",
            ],
            "builtins": ["battrerygg.web.templatetags.battrerygg_tags"],
        },
    },
]

# Database: embedded SQLite (WAL) in the data folder, PostgreSQL when DATABASE_URL is set.
if os.environ.get("DATABASE_URL"):
    DATABASES = {
        "default": dj_database_url.parse(
            os.environ["DATABASE_URL"], conn_max_age=envint("BATTRERYGG_CONN_MAX_AGE", 60)
        )
    }
else:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "battrerygg.sqlite3",
            "OPTIONS": {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache holds what must be shared by every process of the server: used second-factor
# codes (a code works once) and allauth's rate limits (wrong codes, recovery requests). It
# lives in the database (table created by the migration accounts 0002), with room enough
# that a flood of new keys cannot push those records out.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "battrerygg_cache",
        "OPTIONS": {"MAX_ENTRIES": envint("BATTRERYGG_CACHE_MAX_ENTRIES", 1_000_000)},
    }
}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # first: a locked-out login never reaches the next (axes's, marking what it refuses)
    "battrerygg.accounts.throttle.LockoutBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# Minimum length and Django's list of 20,000 common passwords (a file shipped with Django;
# no network look-ups).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": envint("BATTRERYGG_PASSWORD_MIN_LENGTH", 12)}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "battrerygg.accounts.validators.MaximumLengthValidator",
     "OPTIONS": {"max_length": 128}},
]
LOGIN_URL = "accounts:login"
CSRF_FAILURE_VIEW = "battrerygg.web.views.csrf_failure"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "web:home"

# Identity (django-allauth): login by e-mail address, no self sign-up (clinics create
# accounts), recovery by e-mail, two-factor (TOTP, recovery codes, passkeys), sessions.
# accounts.adapter.AccountAdapter, with single sign-on's rule for staff passwords.
ACCOUNT_ADAPTER = "battrerygg.sso.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True  # "forgot password" answers alike for any address
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False  # and sends nothing to an unknown address
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_PASSWORD_RESET_TOKEN_GENERATOR = "battrerygg.accounts.tokens.RecoveryTokenGenerator"
ACCOUNT_FORMS = {
    "login": "battrerygg.accounts.forms.LoginForm",
    "reset_password": "battrerygg.accounts.forms.ResetPasswordForm",
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "BättreRygg: "
# Tell the account by e-mail when its password or second factor changes (an app or a passkey
# added or removed, new recovery codes, a password reset or changed; ASVS 2.2.3, 2.5.5).
ACCOUNT_EMAIL_NOTIFICATIONS = True
# How long a "forgot password" link works (minutes); the invitation keeps
# PASSWORD_RESET_TIMEOUT (3 days).
RECOVERY_LINK_MINUTES = envint("BATTRERYGG_RECOVERY_LINK_MINUTES", 60)
# allauth's own rate limits (in the cache): requests for a recovery link per address and
# per e-mail address, and wrong second-factor codes per account ("login_failed" is what
# allauth counts them under; wrong passwords are django-axes's, in the database).
ACCOUNT_RATE_LIMITS = {
    "reset_password": "20/m/ip,3/15m/key",
    "reset_password_from_key": "20/m/ip",
    "login_failed": "10/m/ip,{}/15m/key".format(envint("BATTRERYGG_MFA_FAILURE_LIMIT", 5)),
    "reauthenticate": "10/m/user",
}
MFA_ADAPTER = "battrerygg.accounts.adapter.MFAAdapter"
MFA_FORMS = {
    "authenticate": "battrerygg.accounts.forms.SecondStepForm",
    "reauthenticate": "battrerygg.accounts.forms.SecondStepAgainForm",
    "activate_totp": "battrerygg.accounts.forms.AddAppForm",
    "add_webauthn": "battrerygg.accounts.forms.AddPasskeyForm",
    "edit_webauthn": "battrerygg.accounts.forms.EditPasskeyForm",
}
MFA_TOTP_TOLERANCE = 1  # a code of the 30 seconds before or after still works (clock drift)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_PASSKEY_SIGNUP_ENABLED = False
MFA_TOTP_ISSUER = "BättreRygg"
MFA_RECOVERY_CODE_COUNT = 10
MFA_TRUST_ENABLED = False
# The key that encrypts the secrets of authenticator apps and recovery codes at rest
# (accounts.adapter.MFAAdapter); the secret key unless given its own.
MFA_ENCRYPTION_KEY = secret("BATTRERYGG_MFA_KEY") or SECRET_KEY
# Passkeys on plain http work only on localhost (development, the browser tests).
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = not envbool("BATTRERYGG_SECURE", False)
USERSESSIONS_TRACK_ACTIVITY = True
USERSESSIONS_ADAPTER = "battrerygg.accounts.adapter.UserSessionsAdapter"

# Login throttling (django-axes, in the database): an account from one address after
# BATTRERYGG_LOGIN_FAILURE_LIMIT wrong passwords, an account from any address after
# BATTRERYGG_LOGIN_ACCOUNT_FAILURE_LIMIT, and an address across accounts (password
# spraying) after BATTRERYGG_LOGIN_ADDRESS_FAILURE_LIMIT; each pauses for the cool-off.
AXES_HANDLER = "battrerygg.accounts.throttle.LoginThrottle"
AXES_FAILURE_LIMIT = envint("BATTRERYGG_LOGIN_FAILURE_LIMIT", 5)
LOGIN_ACCOUNT_FAILURE_LIMIT = envint("BATTRERYGG_LOGIN_ACCOUNT_FAILURE_LIMIT", 10)
LOGIN_ADDRESS_FAILURE_LIMIT = envint("BATTRERYGG_LOGIN_ADDRESS_FAILURE_LIMIT", 20)
AXES_COOLOFF_TIME = envint("BATTRERYGG_LOGIN_COOLOFF_MINUTES", 15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "username", "ip_address"]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "login"
AXES_USERNAME_CALLABLE = "battrerygg.accounts.throttle.login_name"

# Sessions and cookies: a session ends after BATTRERYGG_IDLE_TIMEOUT_MINUTES without a
# request (the cookie's and the stored session's age, renewed as the user works) and at
# the latest BATTRERYGG_SESSION_MAX_HOURS after logging in (accounts.middleware).
IDLE_TIMEOUT_MINUTES = envint("BATTRERYGG_IDLE_TIMEOUT_MINUTES", 30)
SESSION_MAX_HOURS = envint("BATTRERYGG_SESSION_MAX_HOURS", 12)
SESSION_COOKIE_AGE = IDLE_TIMEOUT_MINUTES * 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE = envbool("BATTRERYGG_SECURE", False)  # true behind HTTPS in production
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
LANGUAGE_COOKIE_SECURE = SECURE
# Behind HTTPS the cookies carry the __Host- prefix (ASVS 4.0 V3.4.4): the browser then
# accepts them only when Secure, for path / and without a Domain, so a sibling host cannot
# set or shadow them.
_COOKIE_PREFIX = "__Host-" if SECURE else ""
SESSION_COOKIE_NAME = f"{_COOKIE_PREFIX}sessionid"
CSRF_COOKIE_NAME = f"{_COOKIE_PREFIX}csrftoken"
LANGUAGE_COOKIE_NAME = f"{_COOKIE_PREFIX}django_language"
SECURE_SSL_REDIRECT = SECURE and envbool("BATTRERYGG_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = envint("BATTRERYGG_HSTS_SECONDS", 31536000 if SECURE else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
SECURE_HSTS_PRELOAD = envbool("BATTRERYGG_HSTS_PRELOAD", SECURE)
BEHIND_PROXY = envbool("BATTRERYGG_BEHIND_PROXY", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# The access-log review (clinic.log_review): more distinct patients read by one staff
# member on one day than this is an "unusual volume", shown first.
LOG_REVIEW_DAILY_PATIENTS = envint("BATTRERYGG_LOG_REVIEW_DAILY_PATIENTS", 25)
# Browser features no page of the product uses (web.middleware.RequestIdMiddleware).
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)
# Request bodies, set explicitly: the forms are small and nothing large is uploaded; a
# larger body, more fields or more files are refused with a 400.
DATA_UPLOAD_MAX_MEMORY_SIZE = envint("BATTRERYGG_MAX_REQUEST_BYTES", 256 * 1024)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
DATA_UPLOAD_MAX_NUMBER_FILES = 10
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
X_FRAME_OPTIONS = "DENY"

# Content Security Policy: nothing from other hosts, no inline script.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# Languages: Swedish first, English complete; times in Europe/Stockholm.
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Stockholm"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise serves from the finders
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

EMAIL_BACKEND = os.environ.get(
    "BATTRERYGG_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("BATTRERYGG_FROM_EMAIL", "BättreRygg <noreply@localhost>")
EMAIL_HOST = os.environ.get("BATTRERYGG_EMAIL_HOST", "localhost")
EMAIL_PORT = envint("BATTRERYGG_EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("BATTRERYGG_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = secret("BATTRERYGG_EMAIL_PASSWORD") or ""
EMAIL_USE_TLS = envbool("BATTRERYGG_EMAIL_TLS", False)
EMAIL_TIMEOUT = envint("BATTRERYGG_EMAIL_TIMEOUT", 30)
# The site's public address, for links in e-mails (reminders).
SITE_URL = os.environ.get("BATTRERYGG_SITE_URL", "http://127.0.0.1:8000")

# Single sign-on (OpenID Connect, code flow with PKCE) through the region's e-ID broker,
# on when BATTRERYGG_OIDC_ISSUER is set (battrerygg.sso; README: Configuration).
SSO_ISSUER = os.environ.get("BATTRERYGG_OIDC_ISSUER", "").strip()
SSO_ENABLED = bool(SSO_ISSUER)
SSO_CLIENT_ID = os.environ.get("BATTRERYGG_OIDC_CLIENT_ID", "").strip()
SSO_CLIENT_SECRET = secret("BATTRERYGG_OIDC_CLIENT_SECRET") or ""
SSO_SCOPES = envlist("BATTRERYGG_OIDC_SCOPES", [
    "openid", "profile", "email", "https://id.oidc.se/scope/naturalPersonNumber"])
SSO_PNR_CLAIM = os.environ.get(
    "BATTRERYGG_OIDC_PNR_CLAIM", "https://id.oidc.se/claim/personalIdentityNumber").strip()
SSO_COORDINATION_CLAIM = os.environ.get(
    "BATTRERYGG_OIDC_COORDINATION_CLAIM", "https://id.oidc.se/claim/coordinationNumber").strip()
SSO_STAFF_CLAIM = os.environ.get("BATTRERYGG_OIDC_STAFF_CLAIM", "").strip()
SSO_STAFF_FIELD = os.environ.get("BATTRERYGG_OIDC_STAFF_FIELD", "hsa_id").strip()
SSO_STAFF_ACR_VALUES = envlist("BATTRERYGG_OIDC_STAFF_ACR_VALUES", [])
SSO_TRUST_BROKER_FOR_STAFF = envbool("BATTRERYGG_OIDC_TRUST_BROKER_FOR_STAFF", False)
SSO_STAFF_PASSWORDS = envbool("BATTRERYGG_OIDC_STAFF_PASSWORDS", True)
if SSO_STAFF_FIELD not in {"hsa_id", "email"}:
    raise ImproperlyConfigured(
        f"BATTRERYGG_OIDC_STAFF_FIELD must be hsa_id or email, got {SSO_STAFF_FIELD!r}")
if SSO_ENABLED and not (SSO_CLIENT_ID and SSO_CLIENT_SECRET):
    raise ImproperlyConfigured(
        "BATTRERYGG_OIDC_ISSUER is set: BATTRERYGG_OIDC_CLIENT_ID and "
        "BATTRERYGG_OIDC_CLIENT_SECRET_FILE (or BATTRERYGG_OIDC_CLIENT_SECRET) are needed too")
if SSO_ENABLED and SECURE and not SSO_ISSUER.startswith("https://"):
    raise ImproperlyConfigured("BATTRERYGG_OIDC_ISSUER must be an https:// address in production")
if SSO_ENABLED and "openid" not in SSO_SCOPES:
    raise ImproperlyConfigured("BATTRERYGG_OIDC_SCOPES must include openid")
if not SSO_ENABLED and not SSO_STAFF_PASSWORDS:
    raise ImproperlyConfigured(
        "BATTRERYGG_OIDC_STAFF_PASSWORDS=false needs single sign-on (BATTRERYGG_OIDC_ISSUER)")
# The login button's form is answered with a redirect to the broker: browsers check that
# redirect against the page's form-action, so the broker's origin is allowed there
# (BATTRERYGG_OIDC_AUTHORIZATION_ORIGIN when its authorisation endpoint is elsewhere).
SSO_FORM_ACTION = sorted({
    f"{part.scheme}://{part.netloc}"
    for part in (urlsplit(url) for url in [
        SSO_ISSUER, os.environ.get("BATTRERYGG_OIDC_AUTHORIZATION_ORIGIN", "").strip()])
    if part.scheme in ("https", "http") and part.netloc
}) if SSO_ENABLED else []
CONTENT_SECURITY_POLICY["DIRECTIVES"]["form-action"] = ["'self'", *SSO_FORM_ACTION]
SOCIALACCOUNT_ADAPTER = "battrerygg.sso.adapter.SocialAccountAdapter"
SOCIALACCOUNT_AUTO_SIGNUP = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False  # never link an e-ID to an account by e-mail
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = False
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_QUERY_EMAIL = False
SOCIALACCOUNT_EMAIL_REQUIRED = False
SOCIALACCOUNT_PROVIDERS = {
    "openid_connect": {
        "provider_class": "battrerygg.sso.oidc.RegionOpenIDConnectProvider",
        "OAUTH_PKCE_ENABLED": True,
        "APPS": [{
            "provider_id": "region",  # battrerygg.sso.PROVIDER_ID
            "name": "e-ID",
            "client_id": SSO_CLIENT_ID,
            "secret": SSO_CLIENT_SECRET,
            "settings": {
                "server_url": SSO_ISSUER.rstrip("/") + "/.well-known/openid-configuration",
                "oauth_pkce_enabled": True,
                "scope": SSO_SCOPES,
                "fetch_userinfo": True,
            },
        }] if SSO_ENABLED else [],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Every line names the request it belongs to (X-Request-ID, also in the access log).
    "filters": {"request_id": {"()": "battrerygg.audit.context.RequestIdFilter"}},
    "formatters": {"plain": {"format": "%(levelname)s %(name)s [%(request_id)s] %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["request_id"],
                             "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("BATTRERYGG_LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}
