from django.apps import AppConfig


class CareConfig(AppConfig):
    name = "battrerygg.care"
    label = "care"
