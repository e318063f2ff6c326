from django.core.management.base import BaseCommand

from krom.abuse import purge_expired_counters


class Command(BaseCommand):
    help = "Delete the abuse-control counters older than an hour. Run it daily (e.g. from cron)."

    def handle(self, **options):
        deleted = purge_expired_counters()
        self.stdout.write(f"Deleted {deleted} expired rate-limit counter(s).")
