from django.apps import AppConfig


class PromsConfig(AppConfig):
    name = "battrerygg.proms"
    label = "proms"
