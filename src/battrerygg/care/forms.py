"""Forms of the care pages. They parse input; the rules are checked by the services."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _

from battrerygg.accounts.models import Clinic
from battrerygg.care.models import CLASSIFICATION_CHOICES, Consent
from battrerygg.clinical.instruments import REGISTRY
from battrerygg.clinical.red_flags import Sign
from battrerygg.patients.models import Episode
from battrerygg.proms import display
from battrerygg.proms.models import InstalledWording
from battrerygg.redflags.forms import YES_NO
from battrerygg.redflags.texts import GROUPS, QUESTIONS
from battrerygg.textcheck import has_unsafe_characters

RELOAD = _("The form was incomplete. Reload the page and try again.")
# Baseline questionnaires the physiotherapist may enter from the patient's paper form.
PAPER_INSTRUMENTS = ("startback", "nrs_back", "nrs_leg", "odi")


class KeyedForm(forms.Form):
    submission_key = forms.UUIDField(
        widget=forms.HiddenInput, initial=uuid.uuid4,
        error_messages={"required": RELOAD, "invalid": RELOAD},
    )


class NewPatientForm(KeyedForm):
    full_name = forms.CharField(label=_("Name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    personnummer = forms.CharField(
        label=_("Personnummer or samordningsnummer"), max_length=13,
        help_text=_("12 digits, e.g. 19121212-1212."),
    )
    language = forms.ChoiceField(label=_("Language"), choices=[("sv", _("Swedish")),
                                                               ("en", _("English"))],
                                 initial="sv", widget=forms.RadioSelect)
    clinic = forms.ModelChoiceField(
        label=_("Clinic"), queryset=Clinic.objects.none(), empty_label=None,
        error_messages={"invalid_choice": _("Choose one of your clinics."),
                        "required": _("Choose one of your clinics.")},
    )

    def __init__(self, *args: Any, clinics: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        name = self.fields["full_name"]  # NUL gets our own message in clean_full_name
        name.validators = [v for v in name.validators
                           if not isinstance(v, ProhibitNullCharactersValidator)]
        self.fields["clinic"].queryset = clinics
        self.only_clinic = clinics.first() if clinics.count() == 1 else None
        if self.only_clinic is not None:  # nothing to choose
            del self.fields["clinic"]

    def clean_full_name(self) -> str:
        name = self.cleaned_data["full_name"]
        if has_unsafe_characters(name):
            raise forms.ValidationError(_("The name contains characters that are not allowed."),
                                        code="unsafe_characters")
        return name

    def chosen_clinic(self) -> Clinic:
        """The chosen clinic (only after is_valid())."""
        return self.only_clinic or self.cleaned_data["clinic"]


class PaperSection:
    """A baseline questionnaire to enter from paper: its title, item views and fields."""

    def __init__(self, form: forms.Form, instrument_id: str, items: list[display.ItemView],
                 needs_wording: bool) -> None:
        self.instrument_id = instrument_id
        self.title = display.texts.TITLES[instrument_id]
        self.needs_wording = needs_wording
        self.fields = [(item, form[f"{instrument_id}__{item.link_id}"]) for item in items]

    @property
    def folded(self) -> bool:
        """The long ODI starts folded away until something is entered in it."""
        return self.instrument_id == "odi" and not any(
            field.value() or field.errors for _item, field in self.fields)


class AssessmentForm(KeyedForm):
    """Red-flag screening (every sign yes or no), classification, referral note, note, and
    the baseline questionnaires not yet answered (``paper``: instrument ids)."""

    classification = forms.ChoiceField(
        label=_("Classification of the episode"), choices=CLASSIFICATION_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a classification.")},
    )
    referral_note = forms.CharField(
        label=_("Referred to (where and why)"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=5000,
                           widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args: Any, paper: tuple[str, ...] = (), language: str = "sv",
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for sign in Sign:
            self.fields[sign.value] = forms.ChoiceField(
                label=QUESTIONS[sign], choices=YES_NO, widget=forms.RadioSelect,
                error_messages={"required": _("Answer yes or no."),
                                "invalid_choice": _("Answer yes or no.")},
            )
        self.paper_sections: list[PaperSection] = []
        for instrument_id in paper:
            instrument = REGISTRY[instrument_id]
            wording = InstalledWording.objects.filter(instrument=instrument_id,
                                                      language=language).first()
            items = display.all_items(instrument, wording)
            for item in items:
                self.fields[f"{instrument_id}__{item.link_id}"] = forms.ChoiceField(
                    label=item.text, choices=item.options, required=False,
                    widget=forms.RadioSelect,
                    error_messages={"invalid_choice": _("Choose one of the answers shown.")},
                )
            needs = display.needs_wording(instrument, wording)
            self.paper_sections.append(PaperSection(self, instrument_id, items, needs))

    def groups(self) -> list[tuple[Any, list[forms.BoundField]]]:
        return [(title, [self[sign.value] for sign in signs]) for title, signs in GROUPS]

    def red_flags(self) -> dict[str, bool]:
        return {sign.value: self.cleaned_data[sign.value] == "yes" for sign in Sign}

    def paper_answers(self) -> dict[str, dict[str, str]]:
        return {
            section.instrument_id: {
                item.link_id: self.cleaned_data.get(f"{section.instrument_id}__{item.link_id}")
                or "" for item, _field in section.fields
            }
            for section in self.paper_sections
        }


class EnrolForm(KeyedForm):
    consent = forms.BooleanField(
        label=_("The patient has read or heard the text above and agrees to take part."),
        required=False,
    )
    method = forms.ChoiceField(label=_("How was consent given?"), choices=Consent.Method.choices,
                               widget=forms.RadioSelect, initial=Consent.Method.IN_PERSON,
                               error_messages={"required": _("Choose how consent was given.")})
    enrolled_on = forms.DateField(label=_("Enrolment date"),
                                  widget=forms.DateInput(attrs={"type": "date"}),
                                  error_messages={"required": _("Give the enrolment date."),
                                                  "invalid": _("Give a date such as 2026-03-09.")})
    red_flag_note = forms.CharField(
        label=_("Clinical note on the warning signs"), required=False, max_length=5000,
        help_text=_("Needed when the assessment's warning signs send the patient to care: "
                    "why enrolling is safe, for example what a doctor found."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class WithdrawForm(forms.Form):
    method = forms.ChoiceField(label=_("How was the withdrawal made?"),
                               choices=Consent.Method.choices, widget=forms.RadioSelect,
                               error_messages={"required": _("Choose how consent was withdrawn.")})
    note = forms.CharField(label=_("Note"), required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 2}))


class EndEpisodeForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=Episode.EndReason.choices,
                               widget=forms.RadioSelect,
                               error_messages={"required": _("Choose a reason.")})
    end_date = forms.DateField(label=_("End date"),
                               widget=forms.DateInput(attrs={"type": "date"}),
                               error_messages={"required": _("Give the end date."),
                                               "invalid": _("Give a date such as 2026-03-09.")})
    note = forms.CharField(label=_("Note"), required=False, max_length=5000,
                           widget=forms.Textarea(attrs={"rows": 3}))
