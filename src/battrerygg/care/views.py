"""The physiotherapist's care pages (SPEC T1, T2): a new patient, the assessment, enrolment
with consent and the invitation, ending the episode. Thin views: writes are services,
reads are queries; every page about a patient writes one audit row (web.pages)."""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters

from battrerygg.audit.keys import What
from battrerygg.care import consent as consent_text
from battrerygg.care import queries, services
from battrerygg.care.forms import (
    PAPER_INSTRUMENTS,
    AssessmentForm,
    EndEpisodeForm,
    EnrolForm,
    NewPatientForm,
    WithdrawForm,
)
from battrerygg.care.models import STRATUM_CHOICES
from battrerygg.care.texts import ERRORS, REGISTERED
from battrerygg.clinical.instruments import REGISTRY
from battrerygg.clinical.red_flags import Sign, needs_care
from battrerygg.localtime import local_date
from battrerygg.patients import identity
from battrerygg.patients.access import StaffAccess, registration_clinics
from battrerygg.proms import texts as proms_texts
from battrerygg.proms.services import PromsError
from battrerygg.redflags.models import OUTCOME_CHOICES
from battrerygg.redflags.texts import QUESTIONS
from battrerygg.web.pages import patient_page, physio_page


def _context(request: HttpRequest, access: StaffAccess, **extra: Any) -> dict[str, Any]:
    patient = access.patient
    born = identity.birth_date(patient.personnummer) if patient.personnummer else None
    return {"patient": patient, "clinic": access.clinic,
            "episode": queries.latest_episode(request.user, patient),
            "masked": identity.mask(patient.personnummer) if patient.personnummer else "",
            # A samordningsnummer with an unknown birth month or day: what is known.
            "born_partly": born.isoformat() if born and None in (born.month, born.day) else "",
            **extra}


@sensitive_post_parameters("personnummer")
@physio_page
def new_patient(request: HttpRequest) -> HttpResponse:
    """Register a new patient (name, e-mail, personnummer, language) in my care.

    A valid form is answered with the same words, the same redirect and no sooner than
    ``REGISTRATION_MIN_SECONDS`` whether the person was new or registered elsewhere (then
    they are asked to agree instead: ``services.create_patient``), so that the form tells
    no one who is registered (docs/privacy-security.md)."""
    clinics = registration_clinics(request.user)
    form = NewPatientForm(request.POST or None, clinics=clinics)
    error = ""
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        started = time.monotonic()
        try:
            services.create_patient(
                actor=request.user, clinic=form.chosen_clinic(), full_name=data["full_name"],
                email=data["email"], personnummer=data["personnummer"],
                language=data["language"], submission_key=data["submission_key"],
            )
        except services.CareError as exc:
            error = str(ERRORS[exc.code])
            if exc.code in ("invalid_personnummer", "implausible_personnummer"):
                form.add_error("personnummer", error)
        else:
            rest = settings.REGISTRATION_MIN_SECONDS - (time.monotonic() - started)
            if rest > 0:
                time.sleep(rest)
            messages.success(request, str(REGISTERED))
            return redirect("care:new_patient")
    return render(request, "care/new_patient.html", {"form": form, "error": error},
                  status=400 if request.method == "POST" else 200)


@patient_page(What.ASSESSMENT)
def assessment(request: HttpRequest, access: StaffAccess) -> HttpResponse:
    """The assessment (T1): shown when recorded; a form for the first or a new version."""
    patient, user = access.patient, request.user
    current = queries.current_assessment(user, patient)
    ctx = _context(request, access, current=current, step="assessment")
    episode = ctx["episode"]
    done = queries.baseline(user, patient, episode) if episode else {}
    ctx["baseline"] = [(REGISTRY[i], proms_texts.TITLES[i], done.get(i)) for i in PAPER_INSTRUMENTS]
    ctx["strata"] = dict(STRATUM_CHOICES)
    ctx["versions"] = queries.assessments(user, patient)
    ctx["yes_signs"] = [QUESTIONS[Sign(k)] for k, v in (current.red_flag_answers.items()
                                                         if current else ()) if v]
    editing = episode is not None and episode.end_date is None and (
        current is None or request.GET.get("edit") == "1" or request.method == "POST")
    if not editing:
        return render(request, "care/assessment.html", ctx)
    paper = tuple(i for i in PAPER_INSTRUMENTS if i not in done)
    language = patient.user.language or "sv"
    initial: dict[str, Any] = {}
    if current is not None:
        initial = {k: ("yes" if v else "no") for k, v in current.red_flag_answers.items()}
        initial.update(classification=current.classification, note=current.note,
                       referral_note=current.referral_note)
    form = AssessmentForm(request.POST or None, initial=initial, paper=paper, language=language)
    error = ""
    if request.method == "POST" and form.is_valid():
        data = services.AssessmentInput(
            red_flags=form.red_flags(), classification=form.cleaned_data["classification"],
            referral_note=form.cleaned_data["referral_note"], note=form.cleaned_data["note"],
            paper=form.paper_answers(),
        )
        try:
            services.record_assessment(user, patient, data,
                                       submission_key=form.cleaned_data["submission_key"])
        except services.CareError as exc:
            error = str(ERRORS[exc.code])
        except PromsError as exc:
            message = str(proms_texts.ERRORS.get(exc.code, proms_texts.ERRORS["unknown_item"]))
            error = message
            for section in form.paper_sections:
                name = f"{section.instrument_id}__{exc.link_id}"
                if exc.link_id and name in form.fields:
                    form.add_error(name, message)
        else:
            messages.success(request, _("The assessment is saved."))
            return redirect("care:assessment", ref=patient.ref)
    elif request.method == "POST":
        error = _("Nothing was saved. Please correct the marked fields.")
    ctx.update(form=form, error=error)
    return render(request, "care/assessment_form.html", ctx,
                  status=400 if request.method == "POST" else 200)


@patient_page(What.ENROLMENT)
def enrol(request: HttpRequest, access: StaffAccess) -> HttpResponse:
    """Enrolment (T2): the consent text, consent recorded, the invitation, withdrawal."""
    patient, user = access.patient, request.user
    ctx = _context(request, access, step="enrol")
    episode = ctx["episode"]
    language = patient.user.language or "sv"
    enrol_form = EnrolForm(request.POST if request.POST.get("action") == "enrol" else None,
                           initial={"enrolled_on": local_date(access.patient.tz)})
    withdraw_form = WithdrawForm(request.POST if request.POST.get("action") == "withdraw"
                                 else None)
    error = ""
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "enrol" and enrol_form.is_valid():
                data = enrol_form.cleaned_data
                services.enrol(user, patient, consent_given=data["consent"],
                               method=data["method"], enrolled_on=data["enrolled_on"],
                               submission_key=data["submission_key"],
                               red_flag_note=data["red_flag_note"])
                messages.success(request, _("Consent and enrolment are recorded."))
                return redirect("care:enrol", ref=patient.ref)
            if action == "invite":
                again = patient.user.has_usable_password()
                services.send_invite(user, patient,
                                     base_url=request.build_absolute_uri("/"))
                messages.success(request, _("A new sign-in link has been sent by e-mail.")
                                 if again else _("The invitation has been sent by e-mail."))
                return redirect("care:enrol", ref=patient.ref)
            if action == "withdraw" and withdraw_form.is_valid():
                services.withdraw_consent(user, patient, **withdraw_form.cleaned_data)
                messages.success(request, _("The withdrawal of consent is recorded."))
                return redirect("care:enrol", ref=patient.ref)
            if action not in ("enrol", "invite", "withdraw"):
                error = _("The form was incomplete. Reload the page and try again.")
            else:
                error = _("Nothing was saved. Please correct the marked fields.")
        except services.CareError as exc:
            error = str(ERRORS[exc.code])
            if exc.code == "red_flag_note_missing":
                enrol_form.add_error("red_flag_note", error)
    all_consents = queries.consents(user, patient)
    assessment = queries.current_assessment(user, patient)
    active = next((c for c in all_consents if c.active and episode and c.episode_id == episode.pk),
                  None)
    outcome, from_check = (queries.enrolment_outcome(user, patient, assessment)
                           if assessment is not None else (None, None))
    ctx.update(
        consents=all_consents, active=active, enrol_form=enrol_form,
        withdraw_form=withdraw_form, error=error,
        consent_paragraphs=consent_text.paragraphs(language),
        consent_version=consent_text.VERSION, invites=queries.invites(user, patient),
        has_password=patient.user.has_usable_password(),
        assessment=assessment,
        red_flag_note_needed=outcome is not None and needs_care(outcome),
        red_flag_check=from_check,
        red_flag_outcome_label=dict(OUTCOME_CHOICES).get(outcome.value if outcome else "", ""),
    )
    return render(request, "care/enrol.html", ctx,
                  status=400 if request.method == "POST" else 200)


@patient_page(What.EPISODE)
def end_episode(request: HttpRequest, access: StaffAccess) -> HttpResponse:
    """End the current episode with a reason and a note; an ended one is shown read-only."""
    patient, user = access.patient, request.user
    ctx = _context(request, access, step="end")
    episode = ctx["episode"]
    form = EndEpisodeForm(request.POST or None, initial={"end_date": local_date(access.patient.tz)})
    error = ""
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.end_episode(user, patient, reason=data["reason"], note=data["note"],
                                 on=data["end_date"])
        except services.CareError as exc:
            error = str(ERRORS[exc.code])
        else:
            messages.success(request, _("The episode has ended."))
            return redirect("care:end_episode", ref=patient.ref)
    elif request.method == "POST":
        error = _("Nothing was saved. Please correct the marked fields.")
    ended = episode is not None and episode.end_date is not None
    ctx.update(form=form, error=error, ended=ended,
               ending=queries.ending(user, patient, episode) if ended else None)
    return render(request, "care/end_episode.html", ctx,
                  status=400 if request.method == "POST" else 200)
