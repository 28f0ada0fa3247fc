"""Access follows care (SPEC §1, issue 11 item 6): no single person gives themself, or an
account they control, access to a patient.

The escalation this closes: a clinic admin adds a "physiotherapist" with an e-mail address
they control, then moves a colleague's patients to that account. Now the move is only a
proposal until a second person who already treats the patients (or, where nobody active
does, another clinic admin) approves; the proposer and the receiving account cannot; the
patient's "who can see my data" page lists every step. A system admin cannot do it through
the Django admin either.
"""

from __future__ import annotations

import pytest

from battrerygg.accounts.models import Role, StaffMembership, User
from battrerygg.audit.models import AuditEvent
from battrerygg.clinic import transfers
from battrerygg.patients import access
from battrerygg.patients.access import AccessDenied
from battrerygg.patients.models import CareRelation, TransferProposal


def _membership(user, clinic) -> StaffMembership:
    return StaffMembership.objects.get(user=user, clinic=clinic)


def _treating(patient) -> set[int]:
    return set(CareRelation.objects.filter(patient=patient, ended_at__isnull=True)
               .values_list("physiotherapist", flat=True))


@pytest.fixture
def mallory(client, cast):
    """The escalation's first step: the clinic admin adds a 'physiotherapist' whose mailbox
    they control (the invitation lands with them)."""
    client.force_login(cast.clinic_admin)
    response = client.post("/clinic/staff/", {
        "clinic": cast.clinic.pk, "email": "admins-other-mailbox@example.se",
        "full_name": "Mallory", "role": Role.PHYSIOTHERAPIST})
    assert response.status_code == 302
    return User.objects.get(email="admins-other-mailbox@example.se")


def test_the_escalation_fails_without_a_second_person(client, cast, mallory):
    a = cast.patient
    leaving = _membership(cast.physio, cast.clinic)
    client.force_login(cast.clinic_admin)
    # the old one-click move is gone: removal with a target moves nothing
    client.post(f"/clinic/staff/{leaving.pk}/remove/", {"move_to": mallory.pk})
    assert _treating(a) == {cast.physio.pk}
    # the admin proposes the move to the account they control
    response = client.post(f"/clinic/staff/{leaving.pk}/transfer/", {"move_to": mallory.pk})
    assert response.status_code == 302
    proposal = TransferProposal.objects.get()
    assert proposal.state == "pending" and set(proposal.patients.all()) == {a, cast.patient_b}
    assert _treating(a) == {cast.physio.pk}
    # neither the proposer nor the receiving account can approve, by page or by service
    for who in (cast.clinic_admin, mallory):
        client.force_login(who)
        assert "/approve/" not in client.get("/clinic/transfers/").content.decode()
        response = client.post(f"/clinic/transfers/{proposal.pk}/approve/")
        assert response.status_code in (403, 404)
        with pytest.raises(AccessDenied):
            transfers.approve_transfer(who, proposal.pk)
    # nor someone who does not treat the patients, nor another clinic's staff
    for who in (cast.colleague, cast.other_physio):
        with pytest.raises(AccessDenied):
            transfers.approve_transfer(who, proposal.pk)
    proposal.refresh_from_db()
    assert proposal.state == "pending"
    assert _treating(a) == {cast.physio.pk}
    client.force_login(mallory)
    assert client.get(f"/clinic/patients/{a.ref}/").status_code == 404
    # the patient already sees the proposal on their page
    client.force_login(a.user)
    page = client.get("/my-record/access/").content.decode()
    assert "föreslog att din vård flyttas från physio@example.se till Mallory" in page

    # the second person: the physiotherapist who treats the patients approves
    client.force_login(cast.physio)
    assert f"/clinic/transfers/{proposal.pk}/approve/" in client.get(
        "/clinic/transfers/").content.decode()
    client.post(f"/clinic/transfers/{proposal.pk}/approve/")
    proposal.refresh_from_db()
    assert (proposal.state, proposal.decided_by) == ("approved", cast.physio)
    assert _treating(a) == {mallory.pk}
    # and the patient is told: the change is listed on their page, in plain words (A reads
    # Swedish)
    client.force_login(a.user)
    page = client.get("/my-record/access/").content.decode()
    assert "Flytten av din vård från physio@example.se till Mallory godkändes." in page
    assert "Mallory på Vårdcentralen A började behandla dig och kan se dina uppgifter." in page
    assert ("physio@example.se på Vårdcentralen A behandlar inte längre dig och kan inte "
            "längre se dina uppgifter.") in page
    assert "Mallory på Vårdcentralen A, sedan" in page  # who can see now
    whats = list(AuditEvent.objects.filter(patient=a).exclude(action="read")
                 .values_list("what", flat=True))
    assert {"care_relation.transfer.proposed", "care_relation.transfer.approved",
            "care_relation.end", "care_relation"} <= set(whats)


def test_approving_twice_is_harmless_and_a_decided_proposal_stays_decided(cast):
    leaving = _membership(cast.physio, cast.clinic)
    proposal, created = transfers.propose_transfer(cast.clinic_admin, leaving.pk,
                                                   cast.colleague.pk)
    again, created_again = transfers.propose_transfer(cast.clinic_admin, leaving.pk,
                                                      cast.colleague.pk)
    assert created and not created_again and again == proposal
    transfers.approve_transfer(cast.physio, proposal.pk)
    rows = AuditEvent.objects.count()
    transfers.approve_transfer(cast.physio, proposal.pk)
    assert AuditEvent.objects.count() == rows
    with pytest.raises(transfers.TransferError):
        transfers.decline_transfer(cast.physio, proposal.pk)
    with pytest.raises(transfers.TransferError):
        transfers.cancel_transfer(cast.clinic_admin, proposal.pk)


def test_declined_and_withdrawn_proposals_move_nothing(client, cast):
    leaving = _membership(cast.physio, cast.clinic)
    proposal, _ = transfers.propose_transfer(cast.clinic_admin, leaving.pk, cast.colleague.pk)
    client.force_login(cast.physio)
    client.post(f"/clinic/transfers/{proposal.pk}/decline/")
    proposal.refresh_from_db()
    assert proposal.state == "declined" and _treating(cast.patient) == {cast.physio.pk}
    second, _ = transfers.propose_transfer(cast.clinic_admin, leaving.pk, cast.colleague.pk)
    client.force_login(cast.clinic_admin)
    client.post(f"/clinic/transfers/{second.pk}/cancel/")
    second.refresh_from_db()
    assert second.state == "cancelled" and _treating(cast.patient) == {cast.physio.pk}
    assert not access.may_decide_transfer(cast.physio, second)  # withdrawn: nobody may
    with pytest.raises(transfers.TransferError):
        transfers.approve_transfer(cast.physio, second.pk)
    assert _treating(cast.patient) == {cast.physio.pk}
    client.force_login(cast.patient.user)
    page = client.get("/my-record/access/").content.decode()
    assert "avböjdes. Inget ändrades." in page and "drogs tillbaka." in page


def test_a_second_proposal_for_the_same_member_waits_for_the_first(cast, mallory):
    leaving = _membership(cast.physio, cast.clinic)
    transfers.propose_transfer(cast.clinic_admin, leaving.pk, cast.colleague.pk)
    with pytest.raises(transfers.TransferError):
        transfers.propose_transfer(cast.clinic_admin, leaving.pk, mallory.pk)


def test_where_nobody_active_treats_them_a_second_clinic_admin_approves(cast):
    second_admin = User.objects.create_user(email="admin2@example.se", password=None,
                                            role=Role.CLINIC_ADMIN)
    StaffMembership.objects.create(user=second_admin, clinic=cast.clinic)
    leaving = _membership(cast.physio, cast.clinic)
    proposal, _ = transfers.propose_transfer(cast.clinic_admin, leaving.pk, cast.colleague.pk)
    # while the physiotherapist is active, only they may approve
    assert not access.may_decide_transfer(second_admin, proposal)
    cast.physio.is_active = False  # has left; nobody active treats the patients
    cast.physio.save(update_fields=["is_active"])
    assert access.may_decide_transfer(second_admin, proposal)
    assert not access.may_decide_transfer(cast.clinic_admin, proposal)  # the proposer
    assert not access.may_decide_transfer(cast.colleague, proposal)  # the receiver
    assert not access.may_decide_transfer(cast.other_physio, proposal)
    assert proposal in access.transfers_to_decide(second_admin)
    transfers.approve_transfer(second_admin, proposal.pk)
    assert _treating(cast.patient) == {cast.colleague.pk}


def test_no_account_without_a_second_factor_receives_patients(cast, monkeypatch):
    """The hook ``access.has_enrolled_second_factor`` (the identity helper fills it in)."""
    leaving = _membership(cast.physio, cast.clinic)
    proposal, _ = transfers.propose_transfer(cast.clinic_admin, leaving.pk, cast.colleague.pk)
    real = access.has_enrolled_second_factor
    monkeypatch.setattr(access, "has_enrolled_second_factor",
                        lambda user: real(user) and user != cast.colleague)
    with pytest.raises(transfers.TransferError):
        transfers.approve_transfer(cast.physio, proposal.pk)
    assert _treating(cast.patient) == {cast.physio.pk}
    proposal.refresh_from_db()
    assert proposal.state == "pending"
    transfers.cancel_transfer(cast.clinic_admin, proposal.pk)
    with pytest.raises(transfers.TransferError):
        transfers.propose_transfer(cast.clinic_admin, leaving.pk, cast.colleague.pk)
    # and no care relation is created for such an account by registering a patient
    assert not access.may_register_patient(cast.colleague, cast.clinic)
    assert not access.may_request_care(cast.colleague, cast.clinic)


def test_the_django_admin_cannot_change_roles_memberships_or_care_relations(
        client, cast, settings):
    settings.ADMIN_ENABLED = True
    root = User.objects.create_superuser("root@example.se", "Admin-password-2026")
    client.force_login(root)
    member = _membership(cast.physio, cast.clinic)
    assert client.get("/admin/accounts/user/").status_code == 200  # shown
    assert client.get(f"/admin/accounts/user/{cast.physio.pk}/change/").status_code == 200
    before = (list(User.objects.values_list("pk", "email", "role", "is_active")),
              list(StaffMembership.objects.values_list("pk", "user", "clinic")))
    client.post(f"/admin/accounts/user/{cast.other_physio.pk}/change/", {
        "email": "root-mailbox@example.se", "role": Role.PHYSIOTHERAPIST, "is_active": "on"})
    client.post("/admin/accounts/user/add/", {"email": "x@example.se",
                                              "role": Role.PHYSIOTHERAPIST})
    client.post("/admin/accounts/staffmembership/add/", {"user": cast.other_physio.pk,
                                                         "clinic": cast.clinic.pk})
    client.post(f"/admin/accounts/staffmembership/{member.pk}/delete/", {"post": "yes"})
    client.post(f"/admin/accounts/clinic/{cast.clinic.pk}/delete/", {"post": "yes"})
    after = (list(User.objects.values_list("pk", "email", "role", "is_active")),
             list(StaffMembership.objects.values_list("pk", "user", "clinic")))
    assert after == before
    assert client.get("/admin/accounts/staffmembership/add/").status_code == 403
    assert client.get("/admin/patients/carerelation/").status_code == 404
    assert client.get("/admin/patients/transferproposal/").status_code == 404


def test_the_django_admin_is_off_unless_turned_on(client, cast, settings):
    root = User.objects.create_superuser("root@example.se", "Admin-password-2026")
    client.force_login(root)
    settings.ADMIN_ENABLED = False
    assert client.get("/admin/").status_code == 404
    assert client.get("/admin/login/").status_code == 404
    settings.ADMIN_ENABLED = True
    assert client.get("/admin/").status_code == 200


def test_whoever_may_approve_is_told_by_e_mail_without_patient_names(cast, mallory,
                                                                     mailoutbox):
    mailoutbox.clear()  # the invitation to Mallory's mailbox
    leaving = _membership(cast.physio, cast.clinic)
    transfers.propose_transfer(cast.clinic_admin, leaving.pk, mallory.pk)
    assert [m.to for m in mailoutbox] == [["physio@example.se"]]
    body = mailoutbox[0].body
    assert "Mallory" in body and "/clinic/transfers/" in body
    assert "Anna" not in body and "Bertil" not in body
    transfers.propose_transfer(cast.clinic_admin, leaving.pk, mallory.pk)  # again: no mail
    assert len(mailoutbox) == 1
