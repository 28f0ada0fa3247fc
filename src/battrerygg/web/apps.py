from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "battrerygg.web"
    label = "web"
