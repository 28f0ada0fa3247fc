"""Clinic admin pages: the staff of the admin's clinics (SPEC §1)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from battrerygg.accounts.models import Role
from battrerygg.clinic import staff as services
from battrerygg.patients.access import has_role, managed_clinics, may_take_over
from battrerygg.textcheck import has_unsafe_characters
from battrerygg.web.pages import admin_page, staff_page


class StaffForm(forms.Form):
    """Add a staff member: clinic (of the admin's), e-mail, name, role."""

    clinic = forms.TypedChoiceField(label=_lazy("Clinic"), coerce=int)
    email = forms.EmailField(label=_lazy("E-mail address"), max_length=254)
    full_name = forms.CharField(label=_lazy("Name"), max_length=200)
    role = forms.ChoiceField(label=_lazy("Role"), choices=[
        (Role.PHYSIOTHERAPIST, Role.PHYSIOTHERAPIST.label),
        (Role.CLINIC_ADMIN, Role.CLINIC_ADMIN.label),
    ])

    def clean_full_name(self) -> str:
        name = str(self.cleaned_data["full_name"]).strip()
        if has_unsafe_characters(name):
            raise forms.ValidationError(_lazy("The name contains characters that are not "
                                              "allowed."))
        return name

    def __init__(self, *args: object, clinics: list, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["clinic"].choices = [(c.pk, c.name) for c in clinics]
        if len(clinics) == 1:
            self.fields["clinic"].initial = clinics[0].pk


def _page(request: HttpRequest, form: StaffForm, status: int = 200) -> HttpResponse:
    memberships = services.staff_of(request.user)
    rows = [(m, services.open_relations(m) if has_role(m.user, Role.PHYSIOTHERAPIST) else None)
            for m in memberships]
    colleagues = {
        m.pk: [o.user for o in memberships if may_take_over(m, o)] for m in memberships
    }
    return render(request, "clinic/staff.html", {
        "rows": rows, "colleagues": colleagues, "form": form,
    }, status=status)


@admin_page
def staff(request: HttpRequest) -> HttpResponse:
    """Staff of the admin's clinics, with how many patients each physiotherapist has (a
    count, no names), and a form to add a member."""
    clinics = list(managed_clinics(request.user))
    if request.method != "POST":
        return _page(request, StaffForm(clinics=clinics))
    form = StaffForm(request.POST, clinics=clinics)
    if not form.is_valid():
        return _page(request, form, status=400)
    try:
        data = form.cleaned_data
        added = services.add_staff(request.user, clinic_id=data["clinic"], email=data["email"],
                                   full_name=data["full_name"], role=data["role"])
    except services.StaffError as error:
        form.add_error(None, str(error.message))
        return _page(request, form, status=400)
    if added.already_member:
        messages.info(request, _("%(name)s already works at this clinic.") % {"name": added.user})
    elif added.new_account:
        clinic = next(c for c in clinics if c.pk == data["clinic"])
        services.send_staff_invite(request.user, added.user, clinic,
                                   base_url=request.build_absolute_uri("/"))
        messages.success(request, _("%(name)s was added and has been sent an invitation by "
                                    "e-mail.") % {"name": added.user})
    else:
        messages.success(request, _("%(name)s was added.") % {"name": added.user})
    return redirect("clinic:staff")


@require_POST
@admin_page
def invite_staff(request: HttpRequest, membership_id: int) -> HttpResponse:
    """Send a member who has not chosen a password a new invitation."""
    try:
        membership = services.membership_for_admin(request.user, membership_id)
        services.send_staff_invite(request.user, membership.user, membership.clinic,
                                   base_url=request.build_absolute_uri("/"))
    except services.StaffError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("A new invitation was sent to %(email)s.")
                         % {"email": membership.user.email})
    return redirect("clinic:staff")


@require_POST
@admin_page
def remove_staff(request: HttpRequest, membership_id: int) -> HttpResponse:
    """Remove a member without patients from a clinic (patients move by a transfer first)."""
    try:
        services.remove_staff(request.user, membership_id)
    except services.StaffError as error:
        messages.error(request, str(error.message))
        return redirect("clinic:staff")
    messages.success(request, _("Removed from the clinic."))
    return redirect("clinic:staff")


@require_POST
@admin_page
def set_hsa_id(request: HttpRequest, membership_id: int) -> HttpResponse:
    """Set or clear a member's HSA-id (how the region's e-ID names them)."""
    try:
        user = services.set_hsa_id(request.user, membership_id,
                                   str(request.POST.get("hsa_id", ""))[:100])
    except services.StaffError as error:
        messages.error(request, str(error.message))
        return redirect("clinic:staff")
    if user.hsa_id:
        messages.success(request, _("The HSA-id of %(name)s is now %(hsa_id)s.")
                         % {"name": user, "hsa_id": user.hsa_id})
    else:
        messages.success(request, _("%(name)s has no HSA-id now.") % {"name": user})
    return redirect("clinic:staff")


@require_POST
@staff_page
def own_hsa_id(request: HttpRequest) -> HttpResponse:
    """The staff member's answer about the HSA-id their clinic admin set (on their login and
    security page): ``answer`` "mine" confirms it, "not_mine" removes it; ``hsa_id``: the
    value the page showed. Back to that page."""
    answer = request.POST.get("answer", "")
    if answer not in ("mine", "not_mine"):
        return redirect("mfa_index")
    try:
        services.confirm_own_hsa_id(
            request.user, str(request.POST.get("hsa_id", ""))[:100], mine=answer == "mine")
    except services.StaffError as error:
        messages.error(request, str(error.message))
        return redirect("mfa_index")
    if answer == "mine":
        messages.success(request, _("Confirmed. You can log in with your region's e-ID."))
    else:
        messages.success(request, _("The HSA-id was removed from your account. Tell your "
                                    "clinic admin which one is yours."))
    return redirect("mfa_index")
