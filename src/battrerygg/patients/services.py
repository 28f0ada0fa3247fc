"""Writes to the patient record."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from battrerygg.accounts.models import Clinic, Role, User
from battrerygg.audit.keys import What
from battrerygg.audit.services import record_change
from battrerygg.patients import identity
from battrerygg.patients.access import is_self
from battrerygg.patients.models import Episode, Patient


@transaction.atomic
def register_patient(
    *,
    email: str,
    password: str | None,
    full_name: str = "",
    personnummer: str | None = None,
    clinic: Clinic | None = None,
    episode_start: date,
    language: str = "sv",
    created_by: User | None = None,
) -> Patient:
    """Create a patient's account, record and first episode of care.

    personnummer: any accepted form, normalised to 12 digits; raises ValueError if invalid.
    episode_start: local date the episode began. Raises django IntegrityError when the
    e-mail or personnummer is already registered.
    """
    pnr = identity.normalise(personnummer) if personnummer else None
    user = User.objects.create_user(
        email=email, password=password, full_name=full_name, role=Role.PATIENT, language=language
    )
    patient = Patient.objects.create(user=user, clinic=clinic, personnummer=pnr)
    Episode.objects.create(patient=patient, start_date=episode_start)
    # A staff member registers the patient for the clinic they work at.
    record_change(actor=created_by or user, patient=patient, action="create", what=What.PATIENT,
                  clinic=clinic if created_by is not None and not is_self(created_by, patient)
                  else None)
    return patient


def current_episode(patient: Patient) -> Episode | None:
    """The patient's open episode (latest start, not ended), or None.

    A read-only page that asks this several times may look it up once with
    ``remember_current_episode``; services never do, so a write always sees the database."""
    if hasattr(patient, "_remembered_episode"):
        return patient._remembered_episode  # type: ignore[no-any-return]
    return patient.episodes.filter(end_date__isnull=True).order_by("-start_date").first()


def remember_current_episode(patient: Patient) -> Episode | None:
    """Look the open episode up once and keep it on this patient object for the rest of a
    read-only page (the start page asks for it from four modules)."""
    if hasattr(patient, "_remembered_episode"):
        del patient._remembered_episode
    found = current_episode(patient)
    patient._remembered_episode = found  # type: ignore[attr-defined]
    return found
