"""A clinic admin adds and removes staff of their own clinics; patients move with a leaver."""

from __future__ import annotations

import pytest

from battrerygg.accounts.models import StaffMembership, User
from battrerygg.audit.models import AuditEvent
from battrerygg.patients.models import CareRelation, TransferProposal


def add(client, cast, **overrides):
    data = {"clinic": cast.clinic.pk, "email": "Ny@Example.se", "full_name": "Nina Ny",
            "role": "physiotherapist"} | overrides
    return client.post("/clinic/staff/", data)


def test_the_admin_sees_staff_with_patient_counts_but_no_patient_names(client, cast):
    client.force_login(cast.clinic_admin)
    html = client.get("/clinic/staff/").content.decode()
    assert "physio@example.se" in html and "colleague@example.se" in html
    assert "other@example.se" not in html  # another clinic
    assert "Anna" not in html and "Bertil" not in html


def test_adding_a_physiotherapist_creates_an_account_without_a_password(client, cast):
    client.force_login(cast.clinic_admin)
    assert add(client, cast).status_code == 302
    user = User.objects.get(email="ny@example.se")
    assert user.role == "physiotherapist" and not user.has_usable_password()
    assert StaffMembership.objects.filter(user=user, clinic=cast.clinic).exists()
    assert add(client, cast).status_code == 302  # a repeat is harmless
    assert StaffMembership.objects.filter(user=user).count() == 1


@pytest.mark.parametrize("overrides, message", [
    ({"email": "anna@example.se"}, "används redan av ett annat konto"),  # a patient's
    ({"email": "inte-en-adress"}, "giltig e-postadress"),
    ({"role": "system_admin"}, "Välj ett giltigt alternativ"),
    ({"full_name": ""}, "Detta fält måste fyllas i"),
    ({"full_name": "Evil\u202eName"}, "Namnet innehåller otillåtna tecken"),
])
def test_bad_input_is_refused_with_a_message(client, cast, overrides, message):
    client.force_login(cast.clinic_admin)
    before = (User.objects.count(), StaffMembership.objects.count())
    response = add(client, cast, **overrides)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert (User.objects.count(), StaffMembership.objects.count()) == before


def test_a_clinic_the_admin_does_not_manage_is_refused(client, cast):
    client.force_login(cast.clinic_admin)
    response = add(client, cast, clinic=cast.other_clinic.pk)
    assert response.status_code == 400
    assert not User.objects.filter(email="ny@example.se").exists()


def test_removing_a_physiotherapist_moves_their_patients_after_a_second_person_approves(
        client, cast):
    client.force_login(cast.clinic_admin)
    membership = StaffMembership.objects.get(user=cast.physio, clinic=cast.clinic)
    # with patients, removal is refused: they move by an approved transfer first
    client.post(f"/clinic/staff/{membership.pk}/remove/")
    assert StaffMembership.objects.filter(pk=membership.pk).exists()
    client.post(f"/clinic/staff/{membership.pk}/transfer/", {"move_to": cast.colleague.pk})
    assert set(CareRelation.objects.filter(ended_at__isnull=True)
               .values_list("physiotherapist", flat=True)) == {cast.physio.pk}
    proposal = TransferProposal.objects.get()
    # the leaving physiotherapist, who treats the patients, approves
    client.force_login(cast.physio)
    assert "Vårdcentralen A" in client.get("/clinic/transfers/").content.decode()
    client.post(f"/clinic/transfers/{proposal.pk}/approve/")
    active = CareRelation.objects.filter(ended_at__isnull=True)
    assert set(active.values_list("physiotherapist", flat=True)) == {cast.colleague.pk}
    assert AuditEvent.objects.filter(what="care_relation", actor=cast.physio,
                                     clinic=cast.clinic).count() == 2
    # access follows: the colleague now sees Anna, the leaver does not
    client.force_login(cast.colleague)
    assert client.get(f"/clinic/patients/{cast.patient.ref}/").status_code == 200
    client.force_login(cast.physio)
    assert client.get(f"/clinic/patients/{cast.patient.ref}/").status_code == 404
    # and now the leaver can be removed
    client.force_login(cast.clinic_admin)
    client.post(f"/clinic/staff/{membership.pk}/remove/")
    assert not StaffMembership.objects.filter(pk=membership.pk).exists()


def test_patients_cannot_be_moved_to_another_clinics_physiotherapist(client, cast):
    client.force_login(cast.clinic_admin)
    membership = StaffMembership.objects.get(user=cast.physio, clinic=cast.clinic)
    client.post(f"/clinic/staff/{membership.pk}/transfer/", {"move_to": cast.other_physio.pk})
    assert not TransferProposal.objects.exists()
    assert not CareRelation.objects.filter(physiotherapist=cast.other_physio).exists()


def test_another_clinics_membership_is_out_of_reach(client, cast):
    client.force_login(cast.clinic_admin)
    other = StaffMembership.objects.get(user=cast.other_physio)
    client.post(f"/clinic/staff/{other.pk}/remove/")
    assert StaffMembership.objects.filter(pk=other.pk).exists()


@pytest.mark.parametrize("who", ["physio", "patient"])
def test_only_clinic_admins_manage_staff(client, cast, who):
    actor = getattr(cast, who)
    client.force_login(getattr(actor, "user", actor))
    assert client.get("/clinic/staff/").status_code == 403
    assert add(client, cast).status_code == 403


def test_a_new_staff_member_is_invited_by_e_mail_and_chooses_a_password(client, cast, mailoutbox):
    import re

    client.force_login(cast.clinic_admin)
    add(client, cast)
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["ny@example.se"] and "Vårdcentralen A" in mail.body
    link = re.search(r"https?://\S+/invite/\S+/", mail.body).group(0)
    client.cookies.clear()
    path = link.split("testserver", 1)[-1]
    form = client.get(path, follow=True)
    assert form.status_code == 200
    client.post(form.redirect_chain[-1][0], {"new_password1": "Ett-bra-losenord-2026",
                                              "new_password2": "Ett-bra-losenord-2026"})
    user = User.objects.get(email="ny@example.se")
    assert user.check_password("Ett-bra-losenord-2026")
    again = client.get(path, follow=True)
    assert "Länken fungerar inte längre" in again.content.decode()


def test_an_existing_staff_account_added_to_another_clinic_gets_no_invitation(
        client, cast, mailoutbox):
    client.force_login(cast.clinic_admin)
    add(client, cast, email="other@example.se")  # has a password already
    assert mailoutbox == []
    assert StaffMembership.objects.filter(user=cast.other_physio, clinic=cast.clinic).exists()


def test_the_invitation_can_be_sent_again(client, cast, mailoutbox):
    client.force_login(cast.clinic_admin)
    add(client, cast)
    membership = StaffMembership.objects.get(user__email="ny@example.se")
    client.post(f"/clinic/staff/{membership.pk}/invite/")
    assert len(mailoutbox) == 2
    physio = StaffMembership.objects.get(user=cast.physio)
    client.post(f"/clinic/staff/{physio.pk}/invite/")  # has a password: refused
    assert len(mailoutbox) == 2
