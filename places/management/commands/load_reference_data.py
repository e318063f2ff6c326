from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Load or update the reference data in fixtures/reference/: counties, municipalities, "
        "Arbetsförmedlingen's delivery areas and regions, languages and occupation fields. "
        "Safe to run again: rows are matched on their codes."
    )

    def handle(self, **options):
        # Each app with reference data says so with a load_reference_data() method on its
        # AppConfig (places first, as INSTALLED_APPS lists it): places need not know the
        # apps above it.
        with transaction.atomic():
            for config in apps.get_app_configs():
                if hasattr(config, "load_reference_data"):
                    config.load_reference_data()
        if options["verbosity"]:
            self.stdout.write("Referensdata inlästa.")
