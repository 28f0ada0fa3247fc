from django.apps import AppConfig


class PatientsConfig(AppConfig):
    name = "battrerygg.patients"
    label = "patients"
