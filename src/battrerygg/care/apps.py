from django.apps import AppConfig


class CareConfig(AppConfig):
    name = "battrerygg.care"
    label = "care"

    def ready(self) -> None:
        from battrerygg.care import (
            invites,  # noqa: F401 - registers an invitation state
            timeline,  # noqa: F401 - registers a timeline source
        )
