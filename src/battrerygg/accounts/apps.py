from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "battrerygg.accounts"
    label = "accounts"
