from django.apps import AppConfig


class GroupsConfig(AppConfig):
    name = "battrerygg.groups"
    label = "groups"

    def ready(self) -> None:
        from battrerygg.groups import timeline  # noqa: F401  (registers the timeline source)
