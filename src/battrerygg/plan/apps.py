from django.apps import AppConfig


class PlanConfig(AppConfig):
    name = "battrerygg.plan"
    label = "plan"
