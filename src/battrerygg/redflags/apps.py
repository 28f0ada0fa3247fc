from django.apps import AppConfig


class RedflagsConfig(AppConfig):
    name = "battrerygg.redflags"
    label = "redflags"
