from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SuppliersConfig(AppConfig):
    name = "suppliers"
    verbose_name = _("Leverantörer")

    def load_reference_data(self):
        from suppliers.reference_data import load_languages_and_industries

        load_languages_and_industries()
