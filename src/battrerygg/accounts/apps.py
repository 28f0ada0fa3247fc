from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "battrerygg.accounts"
    label = "accounts"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in, user_logged_out

        from battrerygg.accounts import middleware, signals

        user_logged_out.connect(signals.confirm_logout, dispatch_uid="battrerygg.logout")
        user_logged_in.connect(signals.keep_chosen_language, dispatch_uid="battrerygg.language")
        user_logged_in.connect(middleware.mark_login, dispatch_uid="battrerygg.session_start")
        from allauth.mfa.signals import authenticator_added, authenticator_used

        authenticator_added.connect(signals.second_factor_added,
                                    dispatch_uid="battrerygg.second_factor_added")
        authenticator_used.connect(signals.second_factor_verified,
                                   dispatch_uid="battrerygg.second_factor_verified")
