from django.apps import AppConfig


class GroupsConfig(AppConfig):
    name = "battrerygg.groups"
    label = "groups"
