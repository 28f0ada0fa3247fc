"""Messages of the physiotherapist's care pages (translated)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

ERRORS = {
    "invalid_personnummer": _("This is not a valid personnummer or samordningsnummer. "
                              "Check the digits."),
    "implausible_personnummer": _("Check the personnummer: the date of birth is not "
                                  "plausible."),
    "email_taken": _("This e-mail address is already registered."),
    "personnummer_taken": _("This personnummer is already registered."),
    "already_registered": _("This patient is already registered."),
    "not_your_clinic": _("Choose one of your clinics."),
    "episode_ended": _("The episode has ended and can no longer be changed."),
    "emergency_needs_referral": _("The warning signs call for care now: classify the episode "
                                  "as suspected serious pathology and refer the patient."),
    "referral_note_missing": _("Write where the patient is referred."),
    "startback_missing": _("Enter the patient's STarT Back answers to match a pathway."),
    "consent_missing": _("The patient's consent is needed to enrol them. Tick the box when "
                         "they have agreed."),
    "not_assessed": _("Assess the patient before enrolling them."),
    "referred": _("The patient was referred and cannot be enrolled in the programme."),
    "enrolment_date": _("The enrolment date must be between the start of the episode and "
                        "today."),
    "end_date": _("The end date must be between the start of the episode and today."),
    "not_enrolled": _("Enrol the patient with their consent before inviting them."),
    "no_consent": _("There is no consent to withdraw."),
    "already_ended": _("The episode has already ended with another reason."),
}
