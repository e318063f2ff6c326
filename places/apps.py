from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacesConfig(AppConfig):
    name = "places"
    verbose_name = _("Kommuner och leveransområden")

    def load_reference_data(self):
        from places.reference_data import load_places

        load_places()
