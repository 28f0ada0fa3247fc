from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "battrerygg.audit"
    label = "audit"

    def ready(self) -> None:
        from battrerygg.audit import auth_events

        auth_events.connect()
