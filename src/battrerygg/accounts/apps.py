from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "battrerygg.accounts"
    label = "accounts"

    def ready(self) -> None:
        from django.contrib import messages
        from django.contrib.auth.signals import user_logged_out
        from django.utils.translation import gettext

        def confirm_logout(sender, request, user, **kwargs):  # noqa: ANN001, ANN003, ANN202
            if request is not None:
                messages.info(request, gettext("You are logged out."))

        user_logged_out.connect(confirm_logout, dispatch_uid="battrerygg.confirm_logout")
