from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SsoConfig(AppConfig):
    name = "battrerygg.sso"
    label = "sso"
    verbose_name = _("Single sign-on")

    def ready(self) -> None:
        from battrerygg.sso import second_factor

        second_factor.connect_signals()
