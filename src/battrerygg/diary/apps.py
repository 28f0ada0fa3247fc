from django.apps import AppConfig


class DiaryConfig(AppConfig):
    name = "battrerygg.diary"
    label = "diary"

    def ready(self) -> None:
        from battrerygg.diary import timeline  # noqa: F401 - registers its timeline source
