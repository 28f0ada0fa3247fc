"""The authorisation matrix: every URL of the product, with every kind of user.

Nine users (SPEC §1, issues 5 and 11): anonymous, patient A, patient B, A's
physiotherapist (care relation at A's clinic), a colleague at the same clinic without one,
a physiotherapist of another clinic, the clinic admin, A's physiotherapist in a session
that has not passed a second factor (sent to enrol or verify one; sees nothing of A), and
a patient of A's clinic logged in by the region's e-ID (single sign-on through the test
OpenID provider, matched by the personal identity number claim; sees only their own data).
Every id in a URL belongs to patient A (or to A's clinic), so each row says who may reach
A's data through that URL.

For every URL and user the test checks:
- the GET outcome written in ``ROUTES`` (ok, login, 403 or 404);
- that no page served to someone who may not see A's data contains any of A's data
  (A's name, e-mail and the free texts A wrote, see ``A_MARKERS``);
- for every URL that takes a POST, that a user it refuses changes nothing at all: every row
  of every table of the product (audit log included) is the same before and after, but for
  the access log's record of the refusal itself (rows with action "denied", and the end
  of its chain).

A URL missing from ``ROUTES`` fails the test, so a new page cannot skip the matrix.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

import pytest
import time_machine
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tests.conftest import login_without_second_factor

ROLES = ("anonymous", "patient_a", "patient_b", "physio", "colleague", "other_physio",
         "clinic_admin", "physio_no_2fa", "sso_patient")
SEES_A = {"patient_a", "physio"}  # who may see A's data at all (physio_no_2fa may not)

OK, LOGIN, DENIED, NOT_FOUND = "ok", "login", 403, 404
SECOND_FACTOR = "second factor"  # sent to enrol or verify a second factor (issue 11)

NOW = datetime(2026, 3, 20, 9, 0, tzinfo=UTC)

A_MARKERS = ("Anna Exempel", "anna@example.se", "MARKOR-A-DAGBOK", "MARKOR-A-MOTIVATION",
             "MARKOR-A-PLAN")


def expect(**by_role: object) -> dict[str, object]:
    """An outcome for each role; unnamed roles take ``rest``. A's physiotherapist without
    a second factor in the session (``physio_no_2fa``), unless named, is sent to get one
    where A's physiotherapist may go and the others may not, and is treated like A's
    physiotherapist elsewhere (public pages, own account pages, refusals). The SSO patient
    (a patient of A's clinic logged in with the region's e-ID) is another patient: as
    patient B unless named."""
    rest = by_role.pop("rest", None)
    out = {role: by_role.get(role, rest) for role in ROLES}
    if "physio_no_2fa" not in by_role:
        physio = out["physio"]
        out["physio_no_2fa"] = SECOND_FACTOR if physio == OK and rest != OK else physio
    out["sso_patient"] = by_role.get("sso_patient", out["patient_b"])
    missing = [role for role, outcome in out.items() if outcome is None]
    assert not missing, f"no outcome for {missing}"
    return out


# Shapes that repeat.
PUBLIC = expect(rest=OK)
# A patient's own page (no id): every patient sees their own; staff are refused.
OWN_PAGE = expect(anonymous=LOGIN, patient_a=OK, patient_b=OK, rest=DENIED)
# A's object by id through a patient page: only A; B gets 404 (the id is not confirmed).
A_OBJECT = expect(anonymous=LOGIN, patient_a=OK, patient_b=NOT_FOUND, rest=DENIED)
# A staff page about A (by A's reference): only A's physiotherapist.
A_STAFF = expect(anonymous=LOGIN, physio=OK, colleague=NOT_FOUND, other_physio=NOT_FOUND,
                 rest=DENIED)
# A physiotherapist's page without a patient in it (lists of their own patients, library).
PHYSIO_PAGE = expect(anonymous=LOGIN, physio=OK, colleague=OK, other_physio=OK, rest=DENIED)
ADMIN_PAGE = expect(anonymous=LOGIN, clinic_admin=OK, rest=DENIED)
# A's object by id where both A and A's physiotherapist may read it (the access layer
# refuses staff without a second factor: 404 like anyone else).
A_STAFF_AND_PATIENT = expect(anonymous=NOT_FOUND, patient_a=OK, physio=OK,
                             physio_no_2fa=NOT_FOUND, rest=NOT_FOUND)
# The logged-in user's own account (two-factor, sessions): everyone logged in.
OWN_ACCOUNT = expect(anonymous=LOGIN, rest=OK)
NO_AUTHENTICATOR = expect(anonymous=LOGIN, rest=NOT_FOUND)
# (the SSO patient's e-ID login is fresh, so no confirmation is asked first: 404)
NO_SUCH_PASSKEY = expect(anonymous=LOGIN, patient_a=OK, patient_b=OK, physio_no_2fa=OK,
                         sso_patient=NOT_FOUND, rest=NOT_FOUND)
# Confirming it is you: the SSO patient has no password (an e-ID login is all they have,
# fresh enough to change their account for a few minutes after logging in): refused.
REAUTHENTICATE = expect(anonymous=LOGIN, sso_patient=DENIED, rest=OK)
STAFF_PAGE = expect(anonymous=LOGIN, physio=OK, colleague=OK, other_physio=OK, clinic_admin=OK,
                    rest=DENIED)
# A group session of A's clinic: its staff; another clinic's physiotherapist gets 404.
GROUP_SESSION = expect(anonymous=LOGIN, physio=OK, colleague=OK, clinic_admin=OK,
                       other_physio=NOT_FOUND, rest=DENIED)


@dataclass
class World:
    """The cast and one of each of A's things, made through the services."""

    cast: object
    ids: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Route:
    """One URL: how to build it, who may GET it, and whether it takes a POST."""

    kwargs: Callable[[World], dict[str, object]] = lambda w: {}
    get: dict[str, object] | None = None  # None: GET not allowed (405) for everyone
    post: bool = False  # takes a POST: refused users must change nothing
    # audit read rows one GET by A's physiotherapist writes: None → 1 for a page about A
    # (reached by A's reference or an id of A's), else 0
    reads: int | None = None

    def expected_reads(self) -> int:
        if self.reads is not None:
            return self.reads
        return 1 if self.get in (A_STAFF,) or self.get == A_STAFF_AND_PATIENT else 0


def _a(key: str) -> Callable[[World], dict[str, object]]:
    return lambda w: {key: w.ids[key]}


ROUTES: dict[str, Route] = {
    "web:home": Route(get=PUBLIC),
    "web:language": Route(get=None, post=False),  # switches the visitor's own language
    "accounts:login": Route(get=PUBLIC),
    "accounts:logout": Route(get=None, post=False),
    "accounts:password": Route(get=expect(anonymous=LOGIN, rest=OK)),
    "accounts:password_done": Route(get=expect(anonymous=LOGIN, rest=OK)),
    # django-allauth's account pages (issue 11): recovery, two-factor, sessions. Each
    # shows or changes only the logged-in user's own account.
    "account_login": Route(get=PUBLIC),
    "account_logout": Route(get=None, post=False),
    "account_inactive": Route(get=PUBLIC),
    "account_reauthenticate": Route(get=REAUTHENTICATE, post=True),
    "account_reset_password": Route(get=PUBLIC, post=True),
    "account_reset_password_done": Route(get=PUBLIC),
    # a wrong key shows only that the link does not work
    "account_reset_password_from_key": Route(
        kwargs=lambda w: {"uidb36": "1", "key": "abc-123"}, get=PUBLIC, post=True),
    "account_reset_password_from_key_done": Route(get=PUBLIC),
    "mfa_index": Route(get=OWN_ACCOUNT),
    "mfa_authenticate": Route(get=OWN_ACCOUNT, post=True),
    "mfa_reauthenticate": Route(get=REAUTHENTICATE, post=True),
    "mfa_activate_totp": Route(get=OWN_ACCOUNT, post=True),
    # nobody in the cast has an authenticator yet: nothing to show
    "mfa_deactivate_totp": Route(get=NO_AUTHENTICATOR, post=True),
    "mfa_view_recovery_codes": Route(get=NO_AUTHENTICATOR),
    "mfa_generate_recovery_codes": Route(get=OWN_ACCOUNT, post=True),
    "mfa_download_recovery_codes": Route(get=NO_AUTHENTICATOR),
    "mfa_list_webauthn": Route(get=OWN_ACCOUNT),
    "mfa_add_webauthn": Route(get=OWN_ACCOUNT, post=True),
    "mfa_reauthenticate_webauthn": Route(get=REAUTHENTICATE, post=True),
    "mfa_login_webauthn": Route(get=OWN_ACCOUNT, post=True),
    # a passkey nobody has: 404 once past "confirm it is you" (staff's test logins are
    # fresh); the others are first asked for their password (a redirect)
    "mfa_edit_webauthn": Route(kwargs=lambda w: {"pk": 1}, get=NO_SUCH_PASSKEY, post=True),
    "mfa_remove_webauthn": Route(kwargs=lambda w: {"pk": 1}, get=NO_SUCH_PASSKEY, post=True),
    "usersessions_list": Route(get=OWN_ACCOUNT, post=True),
    # Single sign-on with the region's e-ID (configured for every role here): the login
    # (a POST goes on to the provider), its callback (without a login of this browser in
    # progress: to the refusal page) and the refusal page.
    "openid_connect_login": Route(kwargs=lambda w: {"provider_id": "region"}, get=PUBLIC,
                                  post=True),
    "openid_connect_callback": Route(kwargs=lambda w: {"provider_id": "region"},
                                     get=PUBLIC),
    "sso:refused": Route(kwargs=lambda w: {"reason": "unknown_number"}, get=PUBLIC),
    "guide:index": Route(get=PUBLIC),
    "guide:lesson": Route(kwargs=lambda w: {"slug": w.ids["lesson"]}, get=PUBLIC),
    "redflags:check": Route(get=PUBLIC, post=True),
    # a stored check: A and A's physiotherapist (an audited read); others 404
    "redflags:result": Route(kwargs=_a("check_id"), get=A_STAFF_AND_PATIENT),
    "diary:index": Route(get=OWN_PAGE),
    "diary:new": Route(get=OWN_PAGE, post=True),
    "diary:entry": Route(kwargs=_a("entry_id"), get=A_OBJECT),
    "diary:edit": Route(kwargs=_a("entry_id"), get=A_OBJECT, post=True),
    "diary:follow_up": Route(kwargs=_a("entry_id"), get=None, post=True),
    "diary:delete": Route(kwargs=_a("entry_id"), get=A_OBJECT, post=True),
    "diary:restore": Route(kwargs=lambda w: {"entry_id": w.ids["deleted_entry_id"]},
                           get=None, post=True),
    "diary:plan": Route(get=OWN_PAGE),
    "diary:plan_edit": Route(get=OWN_PAGE, post=True),
    "diary:plan_print": Route(get=OWN_PAGE),
    "plan:balance": Route(get=OWN_PAGE),
    "plan:checkin_new": Route(get=OWN_PAGE, post=True),
    "plan:checkin": Route(kwargs=_a("checkin_id"), get=A_OBJECT),
    "plan:goals": Route(get=OWN_PAGE),
    "plan:goal_new": Route(get=OWN_PAGE, post=True),
    "plan:goal_edit": Route(kwargs=_a("goal_id"), get=A_OBJECT, post=True),
    "plan:goal_end": Route(kwargs=_a("goal_id"), get=None, post=True),
    "plan:motivation": Route(get=OWN_PAGE, post=True),
    "plan:reminders": Route(get=OWN_PAGE, post=True),
    # the signed stop link in A's reminder e-mail works without logging in, for whoever
    # holds it (like any unsubscribe link); it shows no health data
    "plan:reminders_stop": Route(kwargs=lambda w: {"token": w.ids["stop_token"]},
                                 get=PUBLIC),
    "proms:index": Route(get=OWN_PAGE),
    "proms:start": Route(get=None, post=True),
    "proms:question": Route(kwargs=lambda w: {"response_id": w.ids["response_id"],
                                              "number": 1}, get=A_OBJECT, post=True),
    "proms:summary": Route(kwargs=_a("response_id"), get=A_OBJECT, post=True),
    "proms:result": Route(kwargs=lambda w: {"response_id": w.ids["submitted_id"]},
                          get=A_OBJECT),
    "proms:history": Route(kwargs=lambda w: {"instrument_id": "nrs_back"}, get=OWN_PAGE),
    "audit:reads": Route(get=OWN_PAGE),
    # who can see A's data, and A's answer to a clinic's request to care for A
    "audit:access": Route(get=OWN_PAGE),
    "audit:care_request": Route(kwargs=lambda w: {"request_id": w.ids["care_request_id"]},
                                get=None, post=True),
    # The dashboard writes one read row per patient whose signals it shows (A and B here).
    "clinic:dashboard": Route(get=STAFF_PAGE, post=True, reads=2),
    "clinic:patients": Route(get=PHYSIO_PAGE),
    "clinic:patient": Route(kwargs=_a("ref"), get=A_STAFF),
    "clinic:staff": Route(get=ADMIN_PAGE, post=True),
    # the access-log review (T8): the clinic admin; masked personnummer, no names
    "clinic:log": Route(get=ADMIN_PAGE, post=True),
    "clinic:staff_invite": Route(kwargs=lambda w: {"membership_id": w.ids["membership_id"]},
                                 get=None, post=True),
    "clinic:staff_remove": Route(kwargs=lambda w: {"membership_id": w.ids["membership_id"]},
                                 get=None, post=True),
    # a member's HSA-id (how the region's e-ID names staff): the clinic admin
    "clinic:staff_hsa_id": Route(kwargs=lambda w: {"membership_id": w.ids["membership_id"]},
                                 get=None, post=True),
    # a staff member's own answer about their HSA-id ("mine" / "not mine"), in a session
    # that passed the second factor
    "clinic:own_hsa_id": Route(get=None, post=True),
    # moves of patients (access follows care): the clinic admin proposed moving A's
    # physiotherapist's patients to the colleague; counts only, no names
    "clinic:transfers": Route(get=STAFF_PAGE),
    "clinic:transfer_propose": Route(kwargs=lambda w: {"membership_id": w.ids["membership_id"]},
                                     get=None, post=True),
    **{f"clinic:transfer_{action}": Route(kwargs=_a("proposal_id"), get=None, post=True)
       for action in ("approve", "decline", "cancel")},
    # care (T1, T2): registering a patient, and A's assessment, enrolment and ending
    "care:new_patient": Route(get=PHYSIO_PAGE, post=True),
    "care:assessment": Route(kwargs=_a("ref"), get=A_STAFF, post=True),
    "care:enrol": Route(kwargs=_a("ref"), get=A_STAFF, post=True),
    "care:end_episode": Route(kwargs=_a("ref"), get=A_STAFF, post=True),
    # the invitation link is public; a wrong token shows only that the link does not work
    "invite:confirm": Route(kwargs=lambda w: {"uidb64": w.ids["uidb64"], "token": "abc-123"},
                            get=PUBLIC, post=True),
    "invite:done": Route(get=PUBLIC),
    "programme:index": Route(get=OWN_PAGE),
    "programme:log": Route(kwargs=_a("prescription_id"), get=A_OBJECT, post=True),
    # a patient's pain-monitoring limits: set by A's physiotherapist, with a reason
    "diary_staff:limits": Route(kwargs=_a("ref"), get=A_STAFF, post=True),
    # a clinic's default zone limits: its admin (no patient data)
    "diary_staff:clinic_limits": Route(get=ADMIN_PAGE, post=True),
    "programme_staff:library": Route(get=STAFF_PAGE),
    "programme_staff:exercise": Route(kwargs=lambda w: {"slug": "backenlyft"}, get=STAFF_PAGE),
    "programme_staff:programme": Route(kwargs=_a("ref"), get=A_STAFF, post=True),
    "programme_staff:change": Route(kwargs=lambda w: {"ref": w.ids["ref"],
                                                      "prescription_id": w.ids["prescription_id"]},
                                    get=A_STAFF, post=True),
    **{f"programme_staff:{action}": Route(
        kwargs=lambda w: {"ref": w.ids["ref"], "prescription_id": w.ids["prescription_id"]},
        get=None, post=True) for action in ("progress", "regress", "undo", "end", "reopen")},
    # group sessions: A is booked into a session of A's clinic led by A's physiotherapist
    "groups:index": Route(get=OWN_PAGE),
    "groups:ics": Route(kwargs=_a("booking_id"), get=A_OBJECT),
    "groups:cancel": Route(kwargs=_a("booking_id"), get=None, post=True),
    "groups_staff:list": Route(get=STAFF_PAGE),  # counts only, no names
    "groups_staff:new": Route(get=STAFF_PAGE, post=True),
    "groups_staff:material": Route(get=STAFF_PAGE),
    # the clinic's staff see the session; only the leader sees A's name (one read row)
    "groups_staff:detail": Route(kwargs=_a("session_id"), get=GROUP_SESSION, reads=1),
    "groups_staff:edit": Route(kwargs=_a("session_id"), get=GROUP_SESSION, post=True),
    "groups_staff:cancel": Route(kwargs=_a("session_id"), get=GROUP_SESSION, post=True),
    "groups_staff:attendance": Route(kwargs=_a("session_id"), get=None, post=True),
    "groups_staff:patient_sessions": Route(kwargs=_a("ref"), get=A_STAFF, post=True),
    "groups_staff:patient_booking_cancel": Route(
        kwargs=lambda w: {"ref": w.ids["ref"], "booking_id": w.ids["booking_id"]},
        get=None, post=True),
}

# Everything a form of the product might want, valid, so a refusal is the access layer's
# and not the form's.
POST_DATA = {
    "submission_key": "6f1c1f8e-1b1e-4b8a-9e0f-2d6a4a8d1c01",
    "kind": "walking", "description": "ändrad", "local_date": "2026-03-19",
    "local_time": "10:00", "minutes": "30", "pain_baseline": "2", "pain_during": "3",
    "pain_after": "2", "pain_24h": "2",
    "posture": "5", "strength": "5", "flexibility": "5", "fitness": "5",
    "load_physical": "5", "physical_direction": "too_much",
    "load_negative_emotions": "5", "load_stress": "5", "load_worrying_thoughts": "5",
    "activity": "walking", "unit": "minutes", "target": "90", "text": "ändrad",
    "hsa_id": "SE2321000016-9999",
    "by_email": "on", "instrument": "nrs_back", "timepoint": "baseline", "answer": "3",
    "what_helps": "ändrad", "own_actions": "ändrad", "favourite_exercise": "ändrad",
    "expected_days": "5", "contact_physio_after_days": "14",
    "email": "ny@example.se", "full_name": "Ny", "role": "physiotherapist",
}


def all_url_names() -> set[str]:
    """Every named URL of the product (the Django admin site excluded)."""
    names: set[str] = set()

    def walk(resolver: URLResolver, namespace: str) -> None:
        for item in resolver.url_patterns:
            if isinstance(item, URLResolver):
                if str(item.pattern).startswith("admin/"):
                    continue
                inner = f"{namespace}:{item.namespace}" if namespace and item.namespace \
                    else (item.namespace or namespace)
                walk(item, inner)
            elif isinstance(item, URLPattern) and item.name:
                names.add(f"{namespace}:{item.name}" if namespace else item.name)

    walk(get_resolver(), "")
    return names


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def world(frozen, cast, log_activity, settings, oidc_provider):
    """A's things, one of each, and a membership of the clinic to point at; single sign-on
    configured with the test provider."""
    from tests.sso import flow

    flow.configure(settings, oidc_provider)
    from battrerygg.accounts.models import StaffMembership
    from battrerygg.clinical.red_flags import Sign
    from battrerygg.diary.services import delete_entry, save_flare_up_plan
    from battrerygg.guide.content import lessons
    from battrerygg.plan import reminders
    from battrerygg.plan.services import record_checkin, save_motivation, set_goal
    from battrerygg.proms.services import start_response, submit_response
    from battrerygg.redflags.services import record_red_flag_check

    w = World(cast)
    a = cast.patient
    from battrerygg.patients.services import register_patient

    register_patient(email="sso-patient@example.se", password=None, full_name="Sigrid Sso",
                     personnummer=SSO_NUMBER, clinic=cast.clinic,
                     episode_start=date(2026, 3, 9))
    entry = log_activity(a, date(2026, 3, 18))
    entry.description = "MARKOR-A-DAGBOK"
    entry.save(update_fields=["description"])
    gone = log_activity(a, date(2026, 3, 17))
    delete_entry(gone)
    check, _ = record_red_flag_check(a, {s.value: False for s in Sign},
                                     submission_key=uuid.uuid4())
    save_motivation(a, "MARKOR-A-MOTIVATION")
    save_flare_up_plan(a, what_helps="MARKOR-A-PLAN")
    w.ids.update(
        lesson=lessons("sv")[0].slug,
        entry_id=entry.pk, deleted_entry_id=gone.pk, check_id=check.pk,
        stop_token=reminders.token_for(a), ref=a.ref,
        uidb64=urlsafe_base64_encode(force_bytes(a.user.pk)),
        membership_id=StaffMembership.objects.get(user=cast.colleague).pk,
    )
    w.ids["checkin_id"] = _checkin(a, record_checkin).pk
    w.ids.update(_access_changes(cast))
    w.ids.update(_group_session(cast))
    w.ids["goal_id"] = set_goal(a, activity="walking", unit="minutes", target=60,
                                today=date(2026, 3, 19)).pk
    today = date(2026, 3, 19)
    response, _ = start_response(a, "nrs_leg", "baseline", actor=a.user, today=today)
    w.ids["response_id"] = response.pk
    nrs, _ = start_response(a, "nrs_back", "baseline", actor=a.user, today=today)
    from battrerygg.proms.services import save_answer

    for item in _items("nrs_back"):
        save_answer(nrs, item, "4", actor=a.user)
    submit_response(nrs, actor=a.user, submission_key=uuid.uuid4(), now=NOW)
    w.ids["submitted_id"] = nrs.pk
    from battrerygg.programme.services import PrescriptionInput, prescribe

    w.ids["prescription_id"] = prescribe(
        cast.physio, a, PrescriptionInput(exercise="backenlyft", level=1, sets=2,
                                          repetitions=10, frequency_per_week=3),
        submission_key=uuid.uuid4())[0].pk
    return w


def _access_changes(cast) -> dict[str, object]:
    """A pending move of A's physiotherapist's patients to the colleague, and the other
    clinic's request to care for A (its physiotherapist entered A's number)."""
    from battrerygg.care.models import CareRequest
    from battrerygg.care.services import create_patient
    from battrerygg.clinic.transfers import propose_transfer

    proposal, _ = propose_transfer(cast.clinic_admin, _membership_of(cast.physio),
                                   cast.colleague.pk)
    create_patient(actor=cast.other_physio, clinic=cast.other_clinic, full_name="A",
                   email="a-igen@example.se", personnummer="19121212-1212", language="sv",
                   submission_key=uuid.uuid4())
    return {"proposal_id": proposal.pk,
            "care_request_id": CareRequest.objects.get(patient=cast.patient).pk}


def _membership_of(user) -> int:
    from battrerygg.accounts.models import StaffMembership

    return StaffMembership.objects.get(user=user).pk


def _group_session(cast) -> dict[str, object]:
    from datetime import timedelta

    from battrerygg.groups import services

    starts = datetime(2026, 3, 25, 13, 0, tzinfo=UTC)
    session, _ = services.schedule_session(cast.physio, cast.clinic, services.SessionInput(
        kind="education", title="Ryggskola", starts_at=starts,
        ends_at=starts + timedelta(minutes=90), capacity=5, leader=cast.physio,
        place="Samlingsrummet"), now=NOW)
    booking, _ = services.book_patient(cast.physio, session.pk, cast.patient, now=NOW)
    return {"session_id": session.pk, "booking_id": booking.pk}


def _items(instrument_id: str) -> list[str]:
    from battrerygg.clinical.instruments import REGISTRY

    return [item.link_id for item in REGISTRY[instrument_id].items]


def _checkin(patient, record_checkin):
    from battrerygg.clinical.balance import Capacity, Load, Ratings

    ratings = Ratings({c: 5 for c in Capacity}, {x: 5 for x in Load})
    return record_checkin(patient, ratings=ratings, local_date=date(2026, 3, 19),
                          physical_direction="too_much", submission_key=uuid.uuid4(),
                          today=date(2026, 3, 19))


SSO_NUMBER = "198112189876"


@pytest.fixture
def sso_login(request):
    """sso_login(client): log the SSO patient in with the e-ID through the real test
    provider (started, and the product configured for it, on first use)."""
    from tests.oidc_provider.fixture import PNR_CLAIM
    from tests.sso import flow

    def _login(client) -> None:
        provider = request.getfixturevalue("oidc_provider")
        flow.configure(request.getfixturevalue("settings"), provider)
        provider.add_user("matrix-sso-patient", "pw", {PNR_CLAIM: SSO_NUMBER})
        response = flow.sso_login(client, "matrix-sso-patient", "pw")
        assert response.status_code == 302, response.content[:500]

    return _login


def login_as(client, cast, role: str, sso_login=None) -> None:
    """A fresh session for ``role``; staff pass a second factor (tests/conftest.py), except
    ``physio_no_2fa``: A's physiotherapist with a password only; the SSO patient logs in
    with the e-ID (``sso_login``)."""
    users = {"patient_a": cast.patient.user, "patient_b": cast.patient_b.user,
             "physio": cast.physio, "colleague": cast.colleague,
             "other_physio": cast.other_physio, "clinic_admin": cast.clinic_admin}
    client.cookies.clear()  # a fresh session (logout() would need a request)
    if role == "physio_no_2fa":
        login_without_second_factor(client, cast.physio)
    elif role == "sso_patient":
        sso_login(client)
    elif role != "anonymous":
        client.force_login(users[role])


def outcome(response) -> object:
    if response.status_code in (301, 302):
        location = response["Location"]
        if location.startswith(("/accounts/2fa/?", "/accounts/2fa/reauthenticate/?",
                                "/accounts/2fa/webauthn/reauthenticate/?")):
            return SECOND_FACTOR
        return LOGIN if "/accounts/login/" in location else OK
    if response.status_code == 200:
        return OK
    return response.status_code


def snapshot() -> list[tuple]:
    """Every row of every table of the product's apps (audit log included), but the
    records of refusals (audit rows "denied" and the chain's head, which they move)."""
    rows = []
    for model in apps.get_models():
        if not model.__module__.startswith("battrerygg."):
            continue
        if model._meta.label == "audit.ChainHead":
            continue
        fields = [f.attname for f in model._meta.concrete_fields if f.attname != "last_login"]
        found = model.objects.order_by("pk")
        if model._meta.label == "audit.AuditEvent":
            found = found.exclude(action="denied")
        rows.append((model._meta.label, tuple(found.values_list(*fields))))
    return rows


def test_every_url_is_in_the_matrix():
    missing = sorted(all_url_names() - set(ROUTES))
    stale = sorted(set(ROUTES) - all_url_names())
    assert not missing, f"add these URLs to ROUTES: {missing}"
    assert not stale, f"these ROUTES no longer exist: {stale}"


@pytest.mark.parametrize("role", ROLES)
def test_get_outcomes_and_no_leaks(client, world, role, sso_login):
    login_as(client, world.cast, role, sso_login)
    wrong = []
    for name, route in sorted(ROUTES.items()):
        url = reverse(name, kwargs=route.kwargs(world))
        response = client.get(url)
        expected = route.get[role] if route.get else 405
        got = outcome(response)
        if got != expected:
            wrong.append(f"{name} {url}: expected {expected}, got {got}")
        if role not in SEES_A and response.status_code == 200:
            body = response.content.decode()
            leaked = [m for m in A_MARKERS if m in body]
            if leaked:
                wrong.append(f"{name} {url}: shows A's data {leaked}")
        if role == "anonymous" or name == "accounts:logout":
            login_as(client, world.cast, role, sso_login)
    assert not wrong, "\n".join(wrong)


def test_every_staff_read_writes_exactly_one_audit_row(client, world):
    """A's physiotherapist opens every page once: each page about A writes exactly one read
    row (about A, by the physiotherapist, with the clinic), other pages none."""
    from battrerygg.audit.models import AuditEvent

    login_as(client, world.cast, "physio")
    wrong = []
    for name, route in sorted(ROUTES.items()):
        if not route.get or route.get["physio"] != OK:
            continue
        last = AuditEvent.objects.order_by("pk").values_list("pk", flat=True).last() or 0
        client.get(reverse(name, kwargs=route.kwargs(world)))
        # authentication rows aside (the e-ID callback, opened without a login, is a
        # refused e-ID login: a row of its own, audit.auth_events)
        rows = list(AuditEvent.objects.filter(pk__gt=last).exclude(what__startswith="auth."))
        reads = [r for r in rows if r.action == "read"]
        if len(reads) != route.expected_reads() or len(rows) != len(reads):
            wrong.append(f"{name}: {[(r.action, r.what) for r in rows]}, "
                         f"expected {route.expected_reads()} read(s)")
        for row in reads:
            if row.actor_id != world.cast.physio.pk:
                wrong.append(f"{name}: read row by {row.actor_id}")
    assert not wrong, "\n".join(wrong)
    clinic_rows = AuditEvent.objects.filter(action="read", what="timeline")
    assert [r.clinic for r in clinic_rows] == [world.cast.clinic]


@pytest.mark.parametrize("role", [r for r in ROLES if r != "patient_a"])
def test_refused_posts_change_nothing(client, world, role, sso_login):
    """Every POST to a URL about A's data by anyone who may not change it changes nothing.

    Own-page POSTs (e.g. a new diary entry) by patient B change B's data, which is theirs to
    change: those are skipped for B; staff and anonymous users are refused everywhere
    except the staff pages their role may use.
    """
    login_as(client, world.cast, role, sso_login)
    wrong = []
    for name, route in sorted(ROUTES.items()):
        if not route.post:
            continue
        own = route.get is not None and route.get.get(role) == OK
        if own or (route.get is None and _may_post(name, role)):
            continue
        url = reverse(name, kwargs=route.kwargs(world))
        before = snapshot()
        response = client.post(url, POST_DATA)
        if snapshot() != before:
            wrong.append(f"{name} {url}: changed data ({response.status_code})")
        if outcome(response) not in (LOGIN, DENIED, NOT_FOUND, 400, SECOND_FACTOR):
            wrong.append(f"{name} {url}: answered {outcome(response)}")
    assert not wrong, "\n".join(wrong)


def _may_post(name: str, role: str) -> bool:
    """POST-only URLs that this role may legitimately use on its own data."""
    own_posts = {
        "clinic:staff_remove": {"clinic_admin"},
        "clinic:staff_invite": {"clinic_admin"},
        "clinic:staff_hsa_id": {"clinic_admin"},
        # staff answer about their own account's HSA-id only
        "clinic:own_hsa_id": {"physio", "colleague", "other_physio", "clinic_admin"},
        "clinic:transfer_propose": {"clinic_admin"},
        "clinic:transfer_cancel": {"clinic_admin"},
        # A's physiotherapist treats the patients of the move: the second person
        "clinic:transfer_approve": {"physio"},
        "clinic:transfer_decline": {"physio"},
        "proms:start": {"patient_b", "sso_patient"},  # B starts B's own questionnaire
        **{f"programme_staff:{action}": {"physio"}  # A's physiotherapist changes A's dose
           for action in ("progress", "regress", "undo", "end", "reopen")},
        # staff of the clinic may send attendance (before the start it is refused with a
        # message and changes nothing); A's physiotherapist may cancel A's booking
        "groups_staff:attendance": {"physio", "colleague"},
        "groups_staff:patient_booking_cancel": {"physio"},
    }
    return role in own_posts.get(name, set())
