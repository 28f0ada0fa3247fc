from django.apps import AppConfig


class CareConfig(AppConfig):
    name = "battrerygg.care"
    label = "care"

    def ready(self) -> None:
        from battrerygg.care import timeline  # noqa: F401 - registers a timeline source
