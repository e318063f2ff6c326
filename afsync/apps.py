from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AfSyncConfig(AppConfig):
    name = "afsync"
    verbose_name = _("Arbetsförmedlingens Sök leverantör")
