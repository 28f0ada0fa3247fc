"""Only the patient's own physiotherapist (with an active care relation) writes
prescriptions; everyone else is refused and nothing changes."""

from __future__ import annotations

import uuid

import pytest

from battrerygg.patients.access import AccessDenied
from battrerygg.programme import services
from battrerygg.programme.models import Prescription
from battrerygg.programme.services import PrescriptionInput

from .helpers import give

DATA = PrescriptionInput(exercise="promenad", level=1, minutes=10, frequency_per_week=3)


def test_others_may_not_prescribe_or_change(cast):
    item = give(cast.physio, cast.patient)
    for who in ("patient", "patient_b", "colleague", "other_physio", "clinic_admin"):
        user = getattr(cast, who)
        user = getattr(user, "user", user)
        with pytest.raises(AccessDenied):
            services.prescribe(user, cast.patient, DATA, submission_key=uuid.uuid4())
        for action in (services.progress, services.regress, services.undo_dose_change):
            with pytest.raises(AccessDenied):
                action(user, item, version=1)
        with pytest.raises(AccessDenied):
            services.end_prescription(user, item)
        with pytest.raises(AccessDenied):
            services.change_dose(user, item, level=1, minutes=5, version=1)
    item.refresh_from_db()
    assert (item.version, item.ended_at) == (1, None)
    assert Prescription.objects.count() == 1


def test_an_ended_care_relation_ends_the_right_to_prescribe(cast):
    from django.utils import timezone

    from battrerygg.patients.models import CareRelation

    CareRelation.objects.filter(patient=cast.patient).update(ended_at=timezone.now())
    with pytest.raises(AccessDenied):
        services.prescribe(cast.physio, cast.patient, DATA, submission_key=uuid.uuid4())
