from django.apps import AppConfig


class KromConfig(AppConfig):
    """The shared pieces: the abuse-control counters and the cache table live here."""

    name = "krom"
    verbose_name = "Matchningskollen"

    def ready(self):
        from django.contrib.auth.signals import user_login_failed

        from krom import abuse

        user_login_failed.connect(abuse.count_failed_login, dispatch_uid="krom.abuse.login")
