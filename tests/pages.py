"""Every page of the product, as (user-kind, path): used by the i18n and host checks."""

from __future__ import annotations

PUBLIC = [
    "/",
    "/guide/",
    "/red-flags/",
    "/accounts/login/",
    "/accounts/e-id/refused/unknown_number/",
    "/accounts/password/reset/",
    "/accounts/password/reset/done/",
    "/does-not-exist/",
]
PATIENT = [
    "/",
    "/diary/",
    "/diary/new/",
    "/flare-up-plan/",
    "/flare-up-plan/edit/",
    "/flare-up-plan/print/",
    "/balance/",
    "/balance/new/",
    "/goals/",
    "/goals/new/",
    "/goals/motivation/",
    "/reminders/",
    "/accounts/password/",
    "/accounts/2fa/",
    "/accounts/2fa/totp/activate/",
    "/accounts/2fa/webauthn/",
    "/accounts/2fa/webauthn/add/",
    "/accounts/sessions/",
    "/questionnaires/",
    "/questionnaires/history/odi/",
    "/exercises/",
    "/sessions/",
    "/my-record/access/",
]

# The clinic admin's pages (the cast's clinic_admin).
ADMIN = [
    "/clinic/",
    "/clinic/staff/",
    "/clinic/log/",
    "/clinic/pain-limits/",
]


def lesson_paths() -> list[str]:
    from battrerygg.guide.content import lessons

    return [f"/guide/{lesson.slug}/" for lesson in lessons("sv")]


def add_plan_data(patient, today) -> None:
    """Two balance check-ins, a goal and a motivation, so the plan pages show everything."""
    from datetime import timedelta

    from battrerygg.clinical.balance import Capacity, Load, Ratings
    from battrerygg.plan import services

    for days_ago, capacity, load in ((14, 3, 7), (1, 6, 3)):
        services.record_checkin(
            patient, local_date=today - timedelta(days=days_ago), today=today,
            ratings=Ratings(capacity=dict.fromkeys(Capacity, capacity),
                            loads=dict.fromkeys(Load, load)),
            physical_direction="too_little",
        )
    services.set_goal(patient, activity="walking", unit="minutes", target=90,
                      today=today - timedelta(days=14))
    services.set_goal(patient, activity="cycling", unit="sessions", target=2, today=today)
    services.save_motivation(patient, "Orka gå till jobbet")
    services.set_email_reminders(patient, True)
