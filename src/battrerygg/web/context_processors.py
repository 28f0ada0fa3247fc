"""Template context shared by every page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest

from battrerygg.accounts.models import Role
from battrerygg.patients.access import has_role, may_confirm_hsa_id, requires_second_factor


@dataclass(frozen=True)
class Menu:
    """Which parts of the main menu the user is shown (each page guards itself as well):
    a patient's own pages, a physiotherapist's, a clinic admin's."""

    patient: bool
    physiotherapist: bool
    clinic_admin: bool
    account: bool = False  # logged in: the login-and-security page
    second_factor_required: bool = False  # staff: a second step before patient data
    may_confirm_hsa_id: bool = False  # staff with an HSA-id, in a two-factor session

    @property
    def staff(self) -> bool:
        """A physiotherapist or a clinic admin (the group sessions' staff pages)."""
        return self.physiotherapist or self.clinic_admin


def menu(request: HttpRequest) -> dict[str, Any]:
    """``menu``: the roles the menu is built for, decided by the access layer
    (``access.has_role``) rather than by role names in templates."""
    user = getattr(request, "user", None)
    return {"menu": Menu(
        patient=has_role(user, Role.PATIENT),
        physiotherapist=has_role(user, Role.PHYSIOTHERAPIST),
        clinic_admin=has_role(user, Role.CLINIC_ADMIN),
        account=bool(getattr(user, "is_authenticated", False)),
        second_factor_required=requires_second_factor(user),
        may_confirm_hsa_id=may_confirm_hsa_id(user),
    )}
