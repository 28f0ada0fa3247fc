from django.apps import AppConfig


class RedflagsConfig(AppConfig):
    name = "battrerygg.redflags"
    label = "redflags"

    def ready(self) -> None:
        from battrerygg.redflags import timeline  # noqa: F401 - registers its timeline source
