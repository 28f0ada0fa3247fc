"""Load demo data (a clinic, a physiotherapist, a patient with three weeks of diary)."""

from __future__ import annotations

import uuid
from datetime import time, timedelta
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from battrerygg.accounts.models import Clinic, Role, StaffMembership, User
from battrerygg.care import demo as care_demo
from battrerygg.clinic import demo as dashboard_demo
from battrerygg.clinical.instruments import REGISTRY
from battrerygg.clinical.instruments.base import Licence
from battrerygg.diary.services import (
    ActivityInput,
    record_activity,
    record_follow_up,
    save_flare_up_plan,
)
from battrerygg.groups import demo as groups_demo
from battrerygg.patients.models import CareRelation
from battrerygg.patients.services import register_patient
from battrerygg.programme import demo as programme_demo
from battrerygg.proms.services import (
    assign_questionnaire,
    save_answer,
    start_response,
    submit_response,
)
from battrerygg.redflags.services import record_red_flag_check

DEMO_PASSWORD = "BattreRygg-demo-2026"
PATIENT_EMAIL = "anna@example.se"
PHYSIO_EMAIL = "fysio@example.se"
ADMIN_EMAIL = "admin@example.se"

# (days ago, hour, kind, minutes, baseline, during, after, 24h or None when still due)
DIARY = [
    (20, 10, "walking", 15, 6, 7, 7, 6),
    (19, 10, "walking", 10, 6, 5, 5, 6),
    (17, 18, "programme_exercise", 20, 5, 4, 4, 5),
    (16, 10, "walking", 10, 5, 5, 5, 5),
    (14, 10, "walking", 15, 5, 4, 4, 5),
    (13, 18, "programme_exercise", 20, 5, 4, 4, 6),
    (11, 10, "walking", 20, 4, 4, 3, 4),
    (9, 14, "everyday_task", 60, 4, 7, 6, 6),
    (8, 10, "walking", 20, 5, 4, 4, 4),
    (6, 18, "programme_exercise", 20, 4, 3, 3, 3),
    (4, 10, "nordic_walking", 30, 3, 3, 3, 3),
    (3, 10, "walking", 25, 3, 3, 2, 3),
    (2, 18, "cycling", 20, 3, 4, 3, None),  # its 24-hour value is asked for on the start page
]

# (days ago, instrument, timepoint, answers, send?): the baseline questionnaires at the
# start, an ODI the physiotherapist asked for after two weeks, and a PSFS half answered.
QUESTIONNAIRES: list[tuple[int, str, str, dict[str, str], bool]] = [
    (21, "nrs_back", "baseline", {"pain": "6"}, True),
    (21, "nrs_leg", "baseline", {"pain": "2"}, True),
    (21, "startback", "baseline", {
        "sb1": "agree", "sb2": "disagree", "sb3": "agree", "sb4": "agree", "sb5": "agree",
        "sb6": "agree", "sb7": "disagree", "sb8": "disagree", "sb9": "moderately"}, True),
    (21, "odi", "baseline", dict(zip(
        ("pain_intensity", "personal_care", "lifting", "walking", "sitting", "standing",
         "sleeping", "sex_life", "social_life", "travelling"),
        ("3", "1", "2", "2", "3", "2", "2", "0", "2", "1"), strict=True)), True),
    (7, "odi", "assigned", dict(zip(
        ("pain_intensity", "personal_care", "lifting", "walking", "sitting", "standing",
         "sleeping", "sex_life", "social_life", "travelling"),
        ("2", "0", "1", "1", "2", "1", "1", "0", "1", "1"), strict=True)), True),
    (7, "nrs_back", "assigned", {"pain": "4"}, True),
    (0, "psfs", "assigned", {"a1": "Sitta i bilen till jobbet", "a1_score": "4",
                             "a2": "Lyfta barnbarnet"}, False),
]


class Command(BaseCommand):
    help = "Load demo data (harmless to run again) and print the demo logins."

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0)  # a fresh data folder works
        self._load()

    @transaction.atomic
    def _load(self) -> None:
        clinic, _ = Clinic.objects.get_or_create(name="Vårdcentralen Exempel")
        physio = _staff(clinic, PHYSIO_EMAIL, "Fysio Demo", Role.PHYSIOTHERAPIST)
        _staff(clinic, ADMIN_EMAIL, "Admin Demo", Role.CLINIC_ADMIN)
        if not User.objects.filter(email=PATIENT_EMAIL).exists():
            self._patient(clinic, physio)
        anna = User.objects.get(email=PATIENT_EMAIL).patient
        now = timezone.now()
        # Each app's own demo part (each harmless to repeat).
        care_demo.load(now=now, physio=physio, patient=anna)
        programme_demo.load(now=now, physio=physio, patient=anna)
        dashboard_demo.load(now=now, clinic=clinic, physio=physio)
        groups_demo.load(now=now, clinic=clinic, physio=physio, patients=[anna])
        self.stdout.write("Demo data loaded. Log in at /accounts/login/ with:")
        self.stdout.write(f"  patient:          {PATIENT_EMAIL} / {DEMO_PASSWORD}")
        self.stdout.write(f"  physiotherapist:  {PHYSIO_EMAIL} / {DEMO_PASSWORD}")
        self.stdout.write(f"  clinic admin:     {ADMIN_EMAIL} / {DEMO_PASSWORD}")
        self.stdout.write("Staff add a second step (an authenticator app or a passkey) at their "
                          "first login, before they see patients' data.")

    def _patient(self, clinic: Clinic, physio: User) -> None:
        now = timezone.now()
        today = timezone.localdate()
        patient = register_patient(
            email=PATIENT_EMAIL, password=DEMO_PASSWORD, full_name="Anna Exempel",
            personnummer="19121212-1212", clinic=clinic,
            episode_start=today - timedelta(days=21),
        )
        CareRelation.objects.create(physiotherapist=physio, patient=patient, clinic=clinic)
        for days_ago, hour, kind, minutes, before, during, after, at_24h in DIARY:
            entry, _ = record_activity(
                patient,
                ActivityInput(
                    kind=kind, local_date=today - timedelta(days=days_ago),
                    local_time=time(hour, 0), minutes=minutes, pain_baseline=before,
                    pain_during=during, pain_after=after,
                ),
                submission_key=uuid.uuid4(),
                now=now,
            )
            if at_24h is not None:
                record_follow_up(entry, at_24h, now=max(now, entry.follow_up_due_at))
        save_flare_up_plan(
            patient, expected_days=7, what_helps="Korta promenader, värme, katt-kamel.",
            own_actions="Röra mig lite varje timme. Planera lättare dagar på jobbet.",
            favourite_exercise="Katt-kamel", contact_physio_after_days=14,
            physiotherapist_contact="Vårdcentralen Exempel, 010-000 00 00",
        )
        record_red_flag_check(patient, {}, submission_key=uuid.uuid4())
        for days_ago, instrument, timepoint, answers, send in QUESTIONNAIRES:
            day = today - timedelta(days=days_ago)
            assignment = (assign_questionnaire(patient, instrument, day, actor=physio)
                          if timepoint == "assigned" else None)
            # Licensed instruments without installed wording are filled in on paper and
            # entered by the physiotherapist; the rest the patient answers at home.
            who = physio if REGISTRY[instrument].licence is Licence.LICENSED else patient.user
            response, _ = start_response(
                patient, instrument, timepoint, actor=who, today=day,
                assignment_id=assignment.pk if assignment else None,
            )
            for link_id, value in answers.items():
                save_answer(response, link_id, value, actor=who)
            if send:
                submit_response(response, submission_key=uuid.uuid4(), actor=who,
                                now=now - timedelta(days=days_ago))
        _demo_plan(patient, today)


def _staff(clinic: Clinic, email: str, name: str, role: str) -> User:
    """A demo staff member of the clinic (created once)."""
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password=DEMO_PASSWORD, full_name=name,
                                        role=role)
        StaffMembership.objects.create(user=user, clinic=clinic)
    return user


def _demo_plan(patient: Any, today: Any) -> None:
    """Two balance check-ins three weeks apart, weekly goals and a motivation."""
    from battrerygg.clinical.balance import Capacity, Load, Ratings
    from battrerygg.plan import services as plan

    for days_ago, capacity, loads in (
        (21, (4, 3, 5, 3), (6, 5, 7, 6)),
        (1, (5, 5, 6, 5), (4, 4, 5, 3)),
    ):
        plan.record_checkin(
            patient, local_date=today - timedelta(days=days_ago), today=today,
            ratings=Ratings(capacity=dict(zip(Capacity, capacity, strict=True)),
                            loads=dict(zip(Load, loads, strict=True))),
            physical_direction="too_little",
        )
    plan.set_goal(patient, activity="walking", unit="minutes", target=90,
                  today=today - timedelta(days=14))
    plan.set_goal(patient, activity="nordic_walking", unit="sessions", target=1,
                  today=today - timedelta(days=7))
    plan.save_motivation(patient, "Att orka gå till jobbet och leka med barnbarnen.")
