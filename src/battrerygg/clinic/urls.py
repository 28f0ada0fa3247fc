"""Staff pages. A patient is named by their random reference (``Patient.ref``), checked by
the access layer on every request (``web.pages.patient_page``)."""

from django.urls import path

from battrerygg.clinic import views, views_admin, views_dashboard, views_log, views_transfers

app_name = "clinic"
urlpatterns = [
    path("", views_dashboard.dashboard, name="dashboard"),
    path("patients/", views.patients, name="patients"),
    path("patients/<uuid:ref>/", views.patient, name="patient"),
    path("staff/", views_admin.staff, name="staff"),
    path("staff/<int:membership_id>/remove/", views_admin.remove_staff, name="staff_remove"),
    path("staff/<int:membership_id>/invite/", views_admin.invite_staff, name="staff_invite"),
    path("staff/<int:membership_id>/hsa-id/", views_admin.set_hsa_id, name="staff_hsa_id"),
    path("my-hsa-id/", views_admin.own_hsa_id, name="own_hsa_id"),
    path("staff/<int:membership_id>/transfer/", views_transfers.propose,
         name="transfer_propose"),
    path("transfers/", views_transfers.transfers, name="transfers"),
    path("transfers/<int:proposal_id>/approve/", views_transfers.approve,
         name="transfer_approve"),
    path("transfers/<int:proposal_id>/decline/", views_transfers.decline,
         name="transfer_decline"),
    path("transfers/<int:proposal_id>/cancel/", views_transfers.cancel, name="transfer_cancel"),
    path("log/", views_log.log, name="log"),
]
