from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from krom.reference_data import load_reference_data


class Command(BaseCommand):
    help = (
        "Load or update the reference data in fixtures/reference/: counties, municipalities, "
        "Arbetsförmedlingen's delivery areas and regions, languages and occupation fields. "
        "Safe to run again: rows are matched on their codes."
    )

    def handle(self, **options):
        with transaction.atomic():
            load_reference_data(apps.get_model)
        if options["verbosity"]:
            self.stdout.write("Referensdata inlästa.")
