from django.apps import AppConfig


class DiaryConfig(AppConfig):
    name = "battrerygg.diary"
    label = "diary"
