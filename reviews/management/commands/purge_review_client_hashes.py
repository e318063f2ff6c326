from django.core.management.base import BaseCommand

from reviews.services import purge_client_hashes


class Command(BaseCommand):
    help = (
        "Erase the abuse-control client hash of reviews older than 30 days. Run it daily "
        "(e.g. from cron)."
    )

    def handle(self, **options):
        erased = purge_client_hashes()
        self.stdout.write(f"Erased the client hash of {erased} review(s) older than 30 days.")
