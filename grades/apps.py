from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GradesConfig(AppConfig):
    name = "grades"
    verbose_name = _("Arbetsförmedlingens betyg och resultat")
