from django.apps import AppConfig


class ProgrammeConfig(AppConfig):
    """Exercise library and prescriptions (SPEC T3, P7)."""

    name = "battrerygg.programme"
    label = "programme"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from battrerygg.programme import library, timeline  # noqa: F401 - registers a source

        library.exercises("sv")  # load and validate the library at startup: fail loudly
