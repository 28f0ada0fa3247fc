from django.apps import AppConfig


class PlanConfig(AppConfig):
    name = "battrerygg.plan"
    label = "plan"

    def ready(self) -> None:
        from battrerygg.plan import timeline  # noqa: F401 - registers its timeline source
