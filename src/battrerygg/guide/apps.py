from django.apps import AppConfig


class GuideConfig(AppConfig):
    name = "battrerygg.guide"
    label = "guide"
