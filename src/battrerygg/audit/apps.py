from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "battrerygg.audit"
    label = "audit"
