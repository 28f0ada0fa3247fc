"""Clinical records of the physiotherapist (SPEC T1, T2): assessments, consent and
enrolment, invitations and the ending of an episode.

Assessments are never edited in place: a change is a new version (``version`` + 1), so the
record shows what was known when. Every row names who wrote it and when.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from battrerygg.clinical.instruments.startback import Risk
from battrerygg.clinical.pathways import Classification, Pathway
from battrerygg.patients.models import Episode, Patient
from battrerygg.redflags.models import OUTCOME_CHOICES

CLASSIFICATION_CHOICES = [
    (Classification.NON_SPECIFIC.value, _("Non-specific low back pain")),
    (Classification.RADICULOPATHY.value,
     _("Low back pain with radiating leg pain (radiculopathy)")),
    (Classification.SERIOUS_PATHOLOGY.value, _("Suspected serious pathology: referral")),
]
STRATUM_CHOICES = [
    (Risk.LOW.value, _("Low risk")),
    (Risk.MEDIUM.value, _("Medium risk")),
    (Risk.HIGH.value, _("High risk")),
]
PATHWAY_CHOICES = [
    (Pathway.SELF_CARE.value, _("Self-care guidance and the group education session")),
    (Pathway.PHYSIOTHERAPY.value, _("Physiotherapy programme with supervised training")),
    (Pathway.PSYCHOSOCIAL.value,
     _("Physiotherapy programme with attention to psychosocial factors")),
    (Pathway.REFERRAL.value, _("Referred: leaves the programme")),
]


class Assessment(models.Model):
    """One version of the assessment of an episode (T1).

    red_flag_answers: {sign: bool} for every C2 sign (clinical.red_flags.Sign);
    red_flag_outcome: the core's outcome of them. stratum: the STarT Back risk group
    (empty when referred without one); pathway: clinical.pathways.pathway_for.
    """

    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="assessments")
    episode = models.ForeignKey(Episode, on_delete=models.CASCADE, related_name="assessments")
    version = models.PositiveSmallIntegerField(default=1)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    red_flag_answers = models.JSONField()
    red_flag_outcome = models.CharField(max_length=30, choices=OUTCOME_CHOICES)
    classification = models.CharField(max_length=30, choices=CLASSIFICATION_CHOICES)
    stratum = models.CharField(max_length=10, choices=STRATUM_CHOICES, blank=True)
    pathway = models.CharField(max_length=20, choices=PATHWAY_CHOICES)
    referral_note = models.TextField(_("referred to"), blank=True)
    note = models.TextField(_("note"), blank=True)
    submission_key = models.UUIDField(default=uuid.uuid4)

    class Meta:
        ordering = ["-created_at", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["patient", "submission_key"],
                                    name="assessment_submitted_once"),
            models.UniqueConstraint(fields=["episode", "version"], name="assessment_version"),
        ]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")

    def __str__(self) -> str:
        return f"{self.patient} v{self.version}"


class Consent(models.Model):
    """The patient's informed consent to the programme and their enrolment (T2).

    text_version/language/text: exactly what was agreed (care.consent). A withdrawal keeps
    the row and records when, by whom and how. red_flag_note: the physiotherapist's clinical
    note on enrolling after an assessment whose red-flag outcome sends the patient to care
    (``clinical.red_flags.needs_care``); empty otherwise.
    """

    class Method(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        PHONE = "phone", _("By phone")

    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="consents")
    episode = models.ForeignKey(Episode, on_delete=models.CASCADE, related_name="consents")
    text_version = models.CharField(max_length=20)
    language = models.CharField(max_length=5)
    text = models.TextField()
    method = models.CharField(_("how"), max_length=20, choices=Method.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    given_at = models.DateTimeField(auto_now_add=True)
    enrolled_on = models.DateField(_("enrolment date"))
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True,
        blank=True,
    )
    withdrawal_method = models.CharField(max_length=20, choices=Method.choices, blank=True)
    withdrawal_note = models.TextField(blank=True)
    red_flag_note = models.TextField(_("clinical note on the warning signs"), blank=True,
                                     default="")
    submission_key = models.UUIDField(default=uuid.uuid4)

    class Meta:
        ordering = ["-given_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["patient", "submission_key"],
                                    name="consent_submitted_once"),
            models.UniqueConstraint(fields=["episode"], condition=models.Q(withdrawn_at=None),
                                    name="one_active_consent_per_episode"),
        ]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self) -> str:
        return f"{self.patient} {self.text_version}"

    @property
    def active(self) -> bool:
        return self.withdrawn_at is None


class Invite(models.Model):
    """An e-mail inviting the patient to choose a password. Only the latest invite's link
    works (the invitation token hashes it: care.invites.care_state)."""

    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="invites")
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.patient} {self.sent_at:%Y-%m-%d}"


class EpisodeEnding(models.Model):
    """Who ended an episode, when and why (the reason and date are on the Episode)."""

    episode = models.OneToOneField(Episode, on_delete=models.CASCADE, related_name="ending")
    ended_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                 related_name="+")
    ended_at = models.DateTimeField(auto_now_add=True)
    note = models.TextField(_("note"), blank=True)

    def __str__(self) -> str:
        return f"{self.episode}"


class Registration(models.Model):
    """The form key of a patient created by a physiotherapist, so that a resent form
    opens the patient it created instead of reporting a duplicate."""

    submission_key = models.UUIDField(unique=True)
    patient = models.OneToOneField(Patient, on_delete=models.CASCADE, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.patient} {self.created_at:%Y-%m-%d}"


class CareRequest(models.Model):
    """A clinic asks a patient who is already registered to agree to its care.

    The new-patient form answers alike whether the number it names is new or registered
    elsewhere (docs/privacy-security.md, "A patient who moves clinic"): for a registered
    person it creates this request instead of telling the physiotherapist. The patient is
    asked on their "who can see my data" page and by e-mail; only on their yes does a care
    relation begin (``care.services.answer_care_request``). One pending request per
    patient, clinic and physiotherapist (a partial unique constraint), so a resent form
    asks once.
    """

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for your answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="care_requests")
    clinic = models.ForeignKey("accounts.Clinic", on_delete=models.PROTECT, related_name="+")
    physiotherapist = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                        related_name="+")
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["patient", "clinic", "physiotherapist"], condition=models.Q(
                    state="pending"), name="one_pending_care_request",
            )
        ]
        verbose_name = _("request to care for a patient")
        verbose_name_plural = _("requests to care for a patient")

    def __str__(self) -> str:
        return f"{self.clinic} → {self.patient} ({self.state})"
