from django.apps import AppConfig


class PromsConfig(AppConfig):
    name = "battrerygg.proms"
    label = "proms"

    def ready(self) -> None:
        from battrerygg.proms import timeline  # noqa: F401 - registers its timeline source
