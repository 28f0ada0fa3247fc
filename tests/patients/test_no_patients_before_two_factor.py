"""SPEC §1: new staff reach no patient before completing two-factor. The hook
``access.has_enrolled_second_factor`` answers from django-allauth's authenticators: an app
(TOTP) or a passkey; recovery codes alone are not a factor; patients need none."""

from __future__ import annotations

import pytest

from battrerygg.clinic import transfers
from battrerygg.patients import access

pytestmark = pytest.mark.real_second_factor


def _enrol_app(user) -> None:
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import generate_totp_secret

    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP,
                                 data={"secret": generate_totp_secret()})


def test_staff_without_an_app_or_passkey_have_not_enrolled(cast):
    from allauth.mfa.models import Authenticator

    assert not access.has_enrolled_second_factor(cast.physio)
    Authenticator.objects.create(user=cast.physio, type=Authenticator.Type.RECOVERY_CODES,
                                 data={"seed": "00" * 20, "used_mask": 0})
    assert not access.has_enrolled_second_factor(cast.physio)
    _enrol_app(cast.physio)
    assert access.has_enrolled_second_factor(cast.physio)
    assert access.has_enrolled_second_factor(cast.patient.user)  # patients need none
    cast.physio.is_active = False
    cast.physio.save()
    assert not access.has_enrolled_second_factor(cast.physio)


def test_a_new_account_receives_no_patients_until_it_enrols(cast):
    """The receiving colleague has no authenticator: proposing a move to them is refused;
    once they enrol an app, the move can be proposed and approved by the treating
    physiotherapist."""
    for user in (cast.physio, cast.clinic_admin):
        _enrol_app(user)
    leaving = cast.physio.memberships.get(clinic=cast.clinic)
    with pytest.raises(transfers.TransferError):
        transfers.propose_transfer(cast.clinic_admin, leaving.pk, cast.colleague.pk)
    assert not access.may_register_patient(cast.colleague, cast.clinic) or \
        not access.may_request_care(cast.colleague, cast.clinic)
    _enrol_app(cast.colleague)
    proposal, _ = transfers.propose_transfer(cast.clinic_admin, leaving.pk, cast.colleague.pk)
    transfers.approve_transfer(cast.physio, proposal.pk)
    assert access.visible_patients(cast.colleague).filter(pk=cast.patient.pk).exists()
