"""Every write of the physiotherapist's care records (SPEC T1, T2): in a transaction,
audited, refused unless ``access.may_treat`` (or, for a new patient,
``access.may_register_patient``), and harmless to repeat."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import timezone, translation

from battrerygg.accounts.models import Clinic, User
from battrerygg.audit.keys import What
from battrerygg.audit.services import record_change
from battrerygg.care import consent as consent_text
from battrerygg.care.invites import invite_link
from battrerygg.care.models import (
    Assessment,
    CareRequest,
    Consent,
    EpisodeEnding,
    Invite,
    Registration,
)
from battrerygg.clinical.instruments.startback import Risk
from battrerygg.clinical.pathways import Classification, Pathway, ends_programme, pathway_for
from battrerygg.clinical.red_flags import Outcome, Sign, most_urgent, needs_care, outcome_of
from battrerygg.localtime import local_date
from battrerygg.patients import identity
from battrerygg.patients.access import (
    AccessDenied,
    check_treat,
    may_answer_care_request,
    may_register_patient,
    may_request_care,
    may_treat,
)
from battrerygg.patients.models import CareRelation, Episode, Patient
from battrerygg.patients.services import current_episode, register_patient
from battrerygg.proms import services as proms
from battrerygg.proms.models import Response, Timepoint
from battrerygg.redflags.models import RedFlagCheck
from battrerygg.submissions import create_once, save_once


class CareError(ValueError):
    """A care write that breaks a rule; ``code`` names it (care.texts.ERRORS)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def _locked_open_episode(patient: Patient) -> Episode | None:
    """The patient's open episode with its row locked for this transaction; None when
    there is none."""
    current = current_episode(patient)
    if current is None:
        return None
    return Episode.objects.select_for_update().filter(pk=current.pk).first()


# New patient ------------------------------------------------------------------------------

def create_patient(
    *, actor: User, clinic: Clinic, full_name: str, email: str, personnummer: str,
    language: str, submission_key: uuid.UUID, now: datetime | None = None,
) -> tuple[Patient | None, bool]:
    """Register a patient at ``clinic`` in the care of ``actor``: an account without a
    usable password (they choose one from the invitation), the first episode (starting
    today, the clinic's local date) and the care relation. Returns (patient, created); the
    same form sent again (same key and data) returns the patient it created.

    The answer never tells whether the person is registered elsewhere (SPEC §1, Q2;
    docs/privacy-security.md, "A patient who moves clinic"): when the personnummer (or, for
    a patient registered without one, the e-mail address) belongs to a registered patient,
    nothing is created that the physiotherapist may see; the patient is asked instead
    (``request_care``: a request on their page and an e-mail) and (None, False) is
    returned. An e-mail address of any other account is left alone, also (None, False).
    The view answers all cases with the same words.

    personnummer: a personnummer or samordningsnummer in any accepted form, stored as 12
    digits. Raises AccessDenied unless actor is a physiotherapist of ``clinic``
    (``access.may_register_patient``); CareError("invalid_personnummer"),
    ("implausible_personnummer": a birth date in the future or over 120 years ago).
    """
    if not may_register_patient(actor, clinic):
        raise AccessDenied
    try:
        pnr = identity.normalise(personnummer)
    except identity.ImplausibleBirthDate:
        raise CareError("implausible_personnummer") from None
    except ValueError:
        raise CareError("invalid_personnummer") from None
    email = User.objects.normalize_email(email.strip()).lower()
    full_name = full_name.strip()

    def create(key: uuid.UUID) -> Registration:
        if User.objects.filter(email__iexact=email).exists():
            raise CareError("email_taken")
        if Patient.objects.filter(personnummer=pnr).exists():
            raise CareError("personnummer_taken")
        start = (now or timezone.now()).astimezone(ZoneInfo(settings.TIME_ZONE)).date()
        patient = register_patient(
            email=email, password=None, full_name=full_name, personnummer=pnr,
            clinic=clinic, episode_start=start, language=language, created_by=actor,
        )
        relation = CareRelation.objects.create(physiotherapist=actor, patient=patient,
                                               clinic=clinic)
        registration = Registration.objects.create(submission_key=key, patient=patient,
                                                   created_by=actor)
        record_change(actor=actor, patient=patient, action="create", what=What.CARE_RELATION,
                      object_id=relation.pk, clinic=clinic)
        return registration

    content = {"clinic": clinic.pk, "full_name": full_name, "email": email,
               "personnummer": pnr, "language": language}
    try:
        with transaction.atomic():
            registration, created = save_once(
                lambda key: Registration.objects.filter(submission_key=key, created_by=actor)
                .select_related("patient").first(),
                create, submission_key, content,
                conflicts=(CareError,),  # "email_taken" may mean this form, sent at once
            )
    except (CareError, IntegrityError):  # registered already (or at this very moment)
        registered = (
            Patient.objects.filter(personnummer=pnr).select_related("user").first()
            or Patient.objects.filter(user__email__iexact=email, personnummer__isnull=True)
            .select_related("user").first()
        )
        if registered is not None:
            request_care(actor, clinic, registered)
        return None, False
    return registration.patient, created


def request_care(actor: User, clinic: Clinic, patient: Patient) -> CareRequest | None:
    """Ask ``patient`` (registered already) to agree to ``actor``'s care at ``clinic``: a
    pending request on their "who can see my data" page and an e-mail in their language,
    audited on their record. Asking again while one is pending changes nothing; a patient
    the actor already treats is not asked. Nothing here is shown to the actor.
    Returns the request (None when not asked). Raises AccessDenied unless
    ``access.may_request_care``."""
    if not may_request_care(actor, clinic):
        raise AccessDenied
    if may_treat(actor, patient):
        return None

    def pending() -> CareRequest | None:
        return CareRequest.objects.filter(patient=patient, clinic=clinic, physiotherapist=actor,
                                          state=CareRequest.State.PENDING).first()

    def create() -> CareRequest:
        request = CareRequest.objects.create(patient=patient, clinic=clinic,
                                             physiotherapist=actor)
        record_change(actor=actor, patient=patient, action="create", what=What.CARE_REQUEST,
                      object_id=request.pk, clinic=clinic)
        return request

    with transaction.atomic():
        request, created = create_once(pending, create)
    if created:
        user = patient.user
        with translation.override(user.language or "sv"):
            context = {"clinic": clinic.name, "physiotherapist": str(actor),
                       "link": settings.SITE_URL.rstrip("/") + "/my-record/access/"}
            subject = render_to_string("care/email/care_request_subject.txt", context).strip()
            body = render_to_string("care/email/care_request_body.txt", context)
        send_mail(subject, body, None, [user.email])
    return request


@transaction.atomic
def answer_care_request(user: Any, request_id: int, *, accept: bool) -> CareRequest:
    """The patient's answer to a clinic's request to care for them. Yes: the care relation
    with the asking physiotherapist at that clinic begins (or reopens), so they may see the
    patient's data from now on; no: nothing changes. Both audited on the patient's record.
    Answering again the same way changes nothing.

    Raises AccessDenied unless ``user`` is the patient (``access.may_answer_care_request``);
    CareError("request_answered") when it was answered the other way,
    ("request_expired") when the physiotherapist may no longer take patients at that clinic
    (left it, or has no second factor: ``access.may_request_care``).
    """
    request = (CareRequest.objects.select_for_update().filter(pk=request_id)
               .select_related("patient", "clinic", "physiotherapist").first())
    if request is None or not may_answer_care_request(user, request.patient):
        raise AccessDenied
    wanted = CareRequest.State.ACCEPTED if accept else CareRequest.State.DECLINED
    if request.state == wanted:
        return request
    if request.state != CareRequest.State.PENDING:
        raise CareError("request_answered")
    patient = request.patient
    if accept:
        if not may_request_care(request.physiotherapist, request.clinic):
            raise CareError("request_expired")
        relation, created = CareRelation.objects.get_or_create(
            physiotherapist=request.physiotherapist, patient=patient, clinic=request.clinic)
        if not created and relation.ended_at is not None:
            relation.ended_at = None
            relation.save(update_fields=["ended_at"])
            created = True
        if created:
            record_change(actor=user, patient=patient, action="create",
                          what=What.CARE_RELATION, object_id=relation.pk)
    request.state, request.answered_at = wanted, timezone.now()
    request.save(update_fields=["state", "answered_at"])
    record_change(actor=user, patient=patient, action="update", what=What.CARE_REQUEST,
                  object_id=request.pk)
    return request


def care_requests(user: Any, patient: Patient) -> list[CareRequest]:
    """The requests to care for ``patient`` still waiting for their answer (for the
    patient's own page; AccessDenied for anyone else)."""
    if not may_answer_care_request(user, patient):
        raise AccessDenied
    return list(CareRequest.objects.filter(patient=patient, state=CareRequest.State.PENDING)
                .select_related("clinic", "physiotherapist").order_by("created_at", "pk"))


# Assessment -------------------------------------------------------------------------------

@dataclass(frozen=True)
class AssessmentInput:
    """What the physiotherapist entered on the assessment page.

    red_flags: {sign: bool} for every clinical.red_flags.Sign. classification: a
    clinical.pathways.Classification value. paper: {instrument id: {link id: raw answer}}
    for baseline questionnaires entered from the patient's paper form (only those not
    already answered; an empty mapping is skipped).
    """

    red_flags: Mapping[str, bool]
    classification: str
    referral_note: str = ""
    note: str = ""
    paper: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def fingerprint(self) -> dict[str, Any]:
        return {"red_flags": dict(self.red_flags), "classification": self.classification,
                "referral_note": self.referral_note.strip(), "note": self.note.strip(),
                "paper": {k: dict(v) for k, v in self.paper.items()}}


def baseline_responses(episode: Episode) -> dict[str, Response]:
    """The episode's sent baseline questionnaires by instrument id."""
    return {r.instrument: r for r in Response.objects.filter(
        episode=episode, timepoint=Timepoint.BASELINE, status=Response.Status.SUBMITTED)}


def enter_paper_form(
    actor: Any, patient: Patient, instrument_id: str, answers: Mapping[str, str],
    *, now: datetime | None = None,
) -> Response:
    """Enter and send a baseline questionnaire from the patient's paper form, through the
    questionnaire services (so it is scored and audited as if answered here). One already
    sent is kept as it is. Raises proms.PromsError (e.g. "incomplete", "not_due")."""
    response, _created = proms.start_response(
        patient, instrument_id, Timepoint.BASELINE, actor=actor, today=local_date(patient.tz, now),
        language=patient.user.language or "sv",
    )
    if response.submitted:
        return response
    for link_id, raw in answers.items():
        if str(raw).strip():  # a blank on the paper form stays unanswered
            proms.save_answer(response, link_id, raw, actor=actor)
    response, _sent = proms.submit_response(response, submission_key=uuid.uuid4(), actor=actor,
                                            now=now)
    return response


def record_assessment(
    actor: Any, patient: Patient, data: AssessmentInput, *, submission_key: uuid.UUID,
    now: datetime | None = None,
) -> tuple[Assessment, bool]:
    """Record the assessment of the current episode (T1) as a new version. Returns
    (assessment, created); the same form sent twice is stored once.

    The red-flag outcome comes from clinical.red_flags, the stratum from the sent STarT Back
    baseline (entered here from paper when given), the pathway from clinical.pathways.
    Suspected serious pathology ends the episode with reason "referred" and the referral
    note. All or nothing. Raises AccessDenied; ValueError for incomplete red-flag answers;
    CareError("episode_ended"), ("emergency_needs_referral"), ("referral_note_missing"),
    ("startback_missing"); proms.PromsError for a paper form that does not fit.
    """
    check_treat(actor, patient)
    if set(data.red_flags) != {s.value for s in Sign}:
        raise ValueError("answer every red-flag sign")
    outcome = outcome_of(data.red_flags)
    classification = Classification(data.classification)
    referral_note = data.referral_note.strip()
    if outcome is Outcome.EMERGENCY and not ends_programme(classification):
        raise CareError("emergency_needs_referral")
    if ends_programme(classification) and not referral_note:
        raise CareError("referral_note_missing")
    fingerprint = data.fingerprint()

    def create(key: uuid.UUID) -> Assessment:
        episode = _locked_open_episode(patient)
        if episode is None:
            raise CareError("episode_ended")
        for instrument_id, answers in data.paper.items():
            if any(str(v).strip() for v in answers.values()):
                enter_paper_form(actor, patient, instrument_id, answers, now=now)
        startback = baseline_responses(episode).get("startback")
        risk = Risk(startback.category) if startback and startback.category else None
        if risk is None and not ends_programme(classification):
            raise CareError("startback_missing")
        pathway = pathway_for(classification, risk)
        version = (episode.assessments.aggregate(v=Max("version"))["v"] or 0) + 1
        assessment = Assessment.objects.create(
            patient=patient, episode=episode, version=version, assessed_by=actor,
            red_flag_answers=fingerprint["red_flags"], red_flag_outcome=outcome.value,
            classification=classification.value, stratum=risk.value if risk else "",
            pathway=pathway.value, referral_note=referral_note, note=fingerprint["note"],
            submission_key=key,
        )
        record_change(actor=actor, patient=patient, action="create", what=What.ASSESSMENT,
                      object_id=assessment.pk)
        if pathway is Pathway.REFERRAL:
            _end(actor, patient, episode, Episode.EndReason.REFERRED, referral_note,
                 local_date(patient.tz, now))
        return assessment

    return save_once(
        lambda key: Assessment.objects.filter(patient=patient, submission_key=key).first(),
        # The paper answers are not part of what is compared: once entered, the page no
        # longer offers them, so the same assessment sent again comes without them.
        create, submission_key, {k: v for k, v in fingerprint.items() if k != "paper"},
    )


# Ending an episode ------------------------------------------------------------------------

def _end(actor: Any, patient: Patient, episode: Episode, reason: str, note: str,
         on: date) -> None:
    episode.end_date = on
    episode.end_reason = reason
    episode.save(update_fields=["end_date", "end_reason"])
    EpisodeEnding.objects.create(episode=episode, ended_by=actor, note=note)
    record_change(actor=actor, patient=patient, action="update", what=What.EPISODE,
                  object_id=episode.pk)


def end_episode(
    actor: Any, patient: Patient, *, reason: str, note: str = "", on: date | None = None,
    now: datetime | None = None,
) -> tuple[Episode, bool]:
    """End the current episode (goal reached / referred / declined) with a note. Returns
    (episode, ended_now); sending the same ending again changes nothing. An ended episode
    is read-only. Raises AccessDenied, ValueError for an unknown reason,
    CareError("end_date") for a date before the start or after today, ("episode_ended")
    when there is no open episode, ("already_ended") when it ended with another reason.
    """
    check_treat(actor, patient)
    reason = Episode.EndReason(reason).value
    today = local_date(patient.tz, now)
    on = on or today
    with transaction.atomic():
        episode = _locked_open_episode(patient)
        if episode is None:
            latest = patient.episodes.order_by("-start_date", "-pk").first()
            if latest is not None and latest.end_reason == reason:
                return latest, False
            raise CareError("already_ended" if latest and latest.end_date else "episode_ended")
        if not episode.start_date <= on <= today:
            raise CareError("end_date")
        _end(actor, patient, episode, reason, note.strip(), on)
    return episode, True


# Consent, enrolment, invitation -----------------------------------------------------------

def enrolment_red_flags(patient: Patient, assessment: Assessment) -> tuple[Outcome, Any]:
    """The red-flag outcome an enrolment answers to, and the patient's own check that set
    it (None when the assessment's outcome is the most urgent).

    The most urgent (``red_flags.most_urgent``) of the assessment's outcome and of the
    outcomes of the patient's own checks stored since the assessment was recorded: a check
    the patient did after the assessment is news the physiotherapist has not assessed, and
    a "seek care" outcome there also needs the clinical note (SPEC C2, issue 12). Checks
    from before the assessment were asked again in it. No access check: callers have one.
    """
    since = list(RedFlagCheck.objects.filter(patient=patient,
                                             created_at__gte=assessment.created_at)
                 .order_by("-created_at", "-pk"))
    outcome = most_urgent([Outcome(assessment.red_flag_outcome),
                           *(Outcome(c.outcome) for c in since)])
    if outcome is Outcome(assessment.red_flag_outcome):
        return outcome, None
    return outcome, next(c for c in since if Outcome(c.outcome) is outcome)


def enrol(
    actor: Any, patient: Patient, *, consent_given: bool, method: str, enrolled_on: date,
    submission_key: uuid.UUID, red_flag_note: str = "", now: datetime | None = None,
) -> tuple[Consent, bool]:
    """Record the patient's informed consent (care.consent, in the patient's language) and
    enrol them in the programme from ``enrolled_on``. Returns (consent, created); a patient
    already enrolled in this episode keeps their consent.

    red_flag_note: required when the current assessment's red-flag outcome, or that of a
    check the patient did since it (``enrolment_red_flags``), sends the patient to care
    (``clinical.red_flags.needs_care``: emergency, today, soon; SPEC C2, issue 12): why
    enrolling is safe (e.g. seen by a doctor, findings); stored with the consent. Ignored
    (stored empty) otherwise.

    Raises AccessDenied; ValueError for an unknown method; CareError("consent_missing"),
    ("episode_ended"), ("not_assessed"), ("referred"), ("enrolment_date"),
    ("red_flag_note_missing").
    """
    check_treat(actor, patient)
    if not consent_given:
        raise CareError("consent_missing")
    method = Consent.Method(method).value
    red_flag_note = red_flag_note.strip()
    with transaction.atomic():
        episode = _locked_open_episode(patient)
        if episode is None:
            raise CareError("episode_ended")
        open_episode = episode

        def create() -> Consent:
            assessment = open_episode.assessments.order_by("-version").first()
            if assessment is None:
                raise CareError("not_assessed")
            if assessment.pathway == Pathway.REFERRAL:
                raise CareError("referred")
            if not open_episode.start_date <= enrolled_on <= local_date(patient.tz, now):
                raise CareError("enrolment_date")
            sends_to_care = needs_care(enrolment_red_flags(patient, assessment)[0])
            if sends_to_care and not red_flag_note:
                raise CareError("red_flag_note_missing")
            language = patient.user.language or "sv"
            consent = Consent.objects.create(
                patient=patient, episode=open_episode, text_version=consent_text.VERSION,
                language=language, text=consent_text.text(language), method=method,
                recorded_by=actor, enrolled_on=enrolled_on, submission_key=submission_key,
                red_flag_note=red_flag_note if sends_to_care else "",
            )
            record_change(actor=actor, patient=patient, action="create", what=What.CONSENT,
                          object_id=consent.pk)
            return consent

        # One consent per agreement: the form's key (even after a withdrawal, so a resent
        # form never re-enrols) or the episode's active consent (a partial unique
        # constraint). A changed form returns that consent: a consent is not a form the
        # patient may send twice with other content, and it cannot be replaced.
        return create_once(
            lambda: Consent.objects.filter(patient=patient, submission_key=submission_key)
            .first() or open_episode.consents.filter(withdrawn_at__isnull=True).first(),
            create,
        )


def withdraw_consent(
    actor: Any, patient: Patient, *, method: str, note: str = "", now: datetime | None = None,
) -> tuple[Consent, bool]:
    """Record that the patient withdrew their consent (when, by whom, how). Returns
    (consent, withdrawn_now); a second withdrawal changes nothing. Raises AccessDenied,
    ValueError for an unknown method, CareError("no_consent")."""
    check_treat(actor, patient)
    method = Consent.Method(method).value
    with transaction.atomic():
        consent = (Consent.objects.select_for_update()
                   .filter(patient=patient, withdrawn_at__isnull=True).first())
        if consent is None:
            latest = patient.consents.first()
            if latest is None:
                raise CareError("no_consent")
            return latest, False
        consent.withdrawn_at = now or timezone.now()
        consent.withdrawn_by = actor
        consent.withdrawal_method = method
        consent.withdrawal_note = note.strip()
        consent.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_method",
                                    "withdrawal_note"])
        record_change(actor=actor, patient=patient, action="update", what=What.CONSENT,
                      object_id=consent.pk)
    return consent, True


def send_invite(actor: Any, patient: Patient, *, base_url: str | None = None) -> Invite:
    """E-mail the patient (in their language) a one-time link to choose their password: the
    invitation, or, for a patient who has one already, a new sign-in link (a forgotten
    password, a new phone), which a physiotherapist may send at any time; the old password
    works until the new one is chosen. A new link voids the previous one. The mail holds
    no health data and no personnummer. Raises AccessDenied; CareError("not_enrolled")
    without an active consent in the current episode."""
    check_treat(actor, patient)
    user = patient.user
    again = user.has_usable_password()
    episode = current_episode(patient)
    if episode is None or not episode.consents.filter(withdrawn_at__isnull=True).exists():
        raise CareError("not_enrolled")
    with transaction.atomic():
        invite = Invite.objects.create(patient=patient, sent_by=actor)
        record_change(actor=actor, patient=patient, action="create", what=What.INVITE,
                      object_id=invite.pk)
        link = invite_link(user, base_url=base_url)
        with translation.override(user.language or "sv"):
            context = {"link": link, "name": user.full_name, "again": again,
                       "days": settings.PASSWORD_RESET_TIMEOUT // 86400}
            subject = render_to_string("care/email/invite_subject.txt", context).strip()
            body = render_to_string("care/email/invite_body.txt", context)
        send_mail(subject, body, None, [user.email])
    return invite
