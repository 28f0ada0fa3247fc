"""The cast every test can use (healthchecks style): two patients of one clinic, their
physiotherapist, a colleague without a care relation, a physiotherapist of another clinic
and a clinic admin. Data is set up through the services, as the product does."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, time

import pytest

from tests.oidc_provider.fixture import oidc_provider  # noqa: F401 - session fixture

PASSWORD = "Test-password-2026"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Every test user is hashed with cheap Argon2 parameters (tests/hashers.py)."""
    settings.PASSWORD_HASHERS = ["tests.hashers.FastArgon2PasswordHasher"]


@pytest.fixture(autouse=True)
def _no_registration_floor(settings):
    """The new-patient form's minimum answer time (care.views.new_patient) is not waited
    for in tests (they never sleep); tests/care/test_care_registered_elsewhere.py checks it."""
    settings.REGISTRATION_MIN_SECONDS = 0


@pytest.fixture(autouse=True)
def _long_sessions(settings):
    """Tests move the clock by days inside one login (a dashboard a week later); their
    sessions neither idle out nor reach the absolute limit. The session limits' own tests
    (tests/accounts/test_session_limits.py) set the product's values."""
    settings.SESSION_COOKIE_AGE = 400 * 86400
    settings.SESSION_MAX_HOURS = 10 * 365 * 24


@pytest.fixture(autouse=True)
def _fresh_cache(request):
    """allauth's rate limits and used codes live in the cache (a database table): each test
    that uses the database starts with none (a transactional test's flush leaves the
    cache's table alone)."""
    names = request.fixturenames
    if not any(n in names for n in ("db", "transactional_db", "_django_db_helper")):
        yield
        return
    from django.core.cache import cache

    request.getfixturevalue("transactional_db" if "transactional_db" in names else "db")
    cache.clear()
    yield
    cache.clear()


def pass_second_factor(client) -> None:
    """Record in the client's session a passed second factor (a TOTP code), as a staff
    login through the two-factor step does (``patients.access.second_factor_satisfied``)."""
    import time as _time

    session = client.session
    records = session.get("account_authentication_methods", [])
    records.append({"method": "mfa", "type": "totp", "at": _time.time()})
    session["account_authentication_methods"] = records
    session["account_authentication_methods_user"] = str(session["_auth_user_id"])
    session.save()


@pytest.fixture(autouse=True)
def _staff_logins_pass_second_factor(monkeypatch):
    """``client.force_login(staff)`` gives a session that has passed a second factor, so
    that tests of staff pages need not enrol one; ``login_without_second_factor`` is the
    plain login (the gate's tests and the authorisation matrix use it)."""
    from django.test import Client

    from battrerygg.patients.access import requires_second_factor

    original = Client.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        if requires_second_factor(user):
            pass_second_factor(self)

    monkeypatch.setattr(Client, "force_login", force_login)
    monkeypatch.setattr(Client, "_plain_force_login", original, raising=False)


@pytest.fixture(autouse=True)
def _staff_have_enrolled_a_second_factor(request, monkeypatch):
    """Staff of the tests count as having enrolled a second factor (as they would have at
    their first login), so that tests of care and transfers need not enrol one; a test
    marked ``real_second_factor`` asks allauth's authenticators
    (``access.has_enrolled_second_factor`` as the product runs it)."""
    if request.node.get_closest_marker("real_second_factor"):
        return
    from battrerygg.patients import access

    def enrolled(user) -> bool:
        return bool(getattr(user, "is_active", False))

    monkeypatch.setattr(access, "has_enrolled_second_factor", enrolled)


def login_without_second_factor(client, user) -> None:
    """Log ``user`` in with a password only: no second factor in the session."""
    client._plain_force_login(user)


@dataclass
class Cast:
    patient: object
    patient_b: object
    physio: object
    colleague: object
    other_physio: object
    clinic_admin: object
    clinic: object
    other_clinic: object


@pytest.fixture
def cast(db):
    from battrerygg.accounts.models import Clinic, Role, StaffMembership, User
    from battrerygg.patients.models import CareRelation
    from battrerygg.patients.services import register_patient

    clinic = Clinic.objects.create(name="Vårdcentralen A")
    other = Clinic.objects.create(name="Vårdcentralen B")

    def staff(email: str, role: str, at: Clinic) -> User:
        user = User.objects.create_user(email=email, password=PASSWORD, role=role)
        StaffMembership.objects.create(user=user, clinic=at)
        return user

    physio = staff("physio@example.se", Role.PHYSIOTHERAPIST, clinic)
    colleague = staff("colleague@example.se", Role.PHYSIOTHERAPIST, clinic)
    other_physio = staff("other@example.se", Role.PHYSIOTHERAPIST, other)
    admin = staff("admin@example.se", Role.CLINIC_ADMIN, clinic)
    a = register_patient(
        email="anna@example.se", password=PASSWORD, full_name="Anna Exempel",
        personnummer="19121212-1212", clinic=clinic, episode_start=date(2026, 3, 9),
    )
    b = register_patient(
        email="bertil@example.se", password=PASSWORD, full_name="Bertil Exempel",
        clinic=clinic, episode_start=date(2026, 3, 9),
    )
    CareRelation.objects.create(physiotherapist=physio, patient=a, clinic=clinic)
    CareRelation.objects.create(physiotherapist=physio, patient=b, clinic=clinic)
    return Cast(a, b, physio, colleague, other_physio, admin, clinic, other)


@pytest.fixture
def log_activity():
    """Log an activity through the service: log_activity(patient, day, hh, kind, mins, b, d, a)."""
    from battrerygg.diary.services import ActivityInput, record_activity

    def _log(patient, day: date, hour: int = 10, kind: str = "walking", minutes: int = 20,
             baseline: int = 3, during: int = 4, after: int = 3, now=None):
        from datetime import datetime, timedelta

        now = now or datetime(day.year, day.month, day.day, 23, 59, tzinfo=UTC) + timedelta(days=1)
        entry, _ = record_activity(
            patient,
            ActivityInput(kind=kind, local_date=day, local_time=time(hour, 0), minutes=minutes,
                          pain_baseline=baseline, pain_during=during, pain_after=after),
            submission_key=uuid.uuid4(), now=now,
        )
        return entry

    return _log


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """On SQLite the test database is a file in the data folder rather than shared memory,
    as the product's: threads (tests/test_concurrent_identical_posts.py) and the browser
    tests' live server then use connections of their own, with WAL, ``BEGIN IMMEDIATE`` and
    the busy timeout of the settings (in shared memory SQLite answers "database table is
    locked" at once instead of waiting)."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    test = database.setdefault("TEST", {})
    if database["ENGINE"] == "django.db.backends.sqlite3" and not test.get("NAME"):
        test["NAME"] = str(settings.DATA_DIR / "test.sqlite3")
