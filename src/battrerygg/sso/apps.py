from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SsoConfig(AppConfig):
    name = "battrerygg.sso"
    label = "sso"
    verbose_name = _("Single sign-on")

    def ready(self) -> None:
        from allauth.account.signals import user_logged_in

        from battrerygg.sso import second_factor

        user_logged_in.connect(second_factor.on_login, dispatch_uid="battrerygg.sso")
