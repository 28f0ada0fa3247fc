from django.apps import AppConfig


class ClinicConfig(AppConfig):
    name = "battrerygg.clinic"
    label = "clinic"
