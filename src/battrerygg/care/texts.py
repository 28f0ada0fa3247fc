"""Messages of the physiotherapist's care pages (translated)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

ERRORS = {
    "invalid_personnummer": _("This is not a valid personnummer or samordningsnummer. "
                              "Check the digits."),
    "implausible_personnummer": _("Check the personnummer: the date of birth is not "
                                  "plausible."),
    "request_answered": _("You have already answered this request."),
    "request_expired": _("This request can no longer be accepted: the physiotherapist no "
                         "longer takes patients at that clinic."),
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
    "red_flag_note_missing": _("The assessment's warning signs send the patient to care. "
                               "Write a clinical note on why enrolling is safe (for example, "
                               "what a doctor found) before enrolling them."),
}

# The same words whether the person was new (registered now) or registered elsewhere (asked
# to agree): the form never tells who exists (docs/privacy-security.md).
REGISTERED = _("Done. A new patient is now in your list of patients. If the person was "
               "already registered in BättreRygg, they have been asked to agree to your "
               "care and will appear in your list when they do.")
