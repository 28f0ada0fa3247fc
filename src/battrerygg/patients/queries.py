"""Reads of the patient record that no page of patient data makes.

``patient_for_identity_number`` is the one way to find a patient by personnummer or
samordningsnummer: single sign-on (``battrerygg.sso``) asks it to match an e-ID login to a
record a clinic registered. It returns the record to the login flow only, never to a
person; whether that record may be logged in to is the access layer's answer
(``access.may_sign_on_as_patient``).
"""

from __future__ import annotations

from battrerygg.patients import identity
from battrerygg.patients.models import Patient


def patient_for_identity_number(number: str) -> Patient | None:
    """The patient registered with this personnummer or samordningsnummer, or None.

    number: any accepted form (an e-ID's claim is 12 digits); normalised with
    ``identity.normalise`` before the look-up, so it matches the stored 12 digits.
    Raises ValueError when it is no valid number (checksum, date, implausible age).
    """
    normalised = identity.normalise(number)
    return Patient.objects.select_related("user", "clinic").filter(
        personnummer=normalised).first()
