from datetime import timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.core.management.base import BaseCommand
from django.utils import timezone

# The admin login's records (address, browser, username) are kept to notice and look into
# attacks; a lockout itself lasts an hour. templates/pages/privacy.html says so.
LOGIN_RECORD_RETENTION = timedelta(days=30)


class Command(BaseCommand):
    help = (
        f"Delete the admin login records (failed attempts and the login log, with addresses "
        f"and browsers) older than {LOGIN_RECORD_RETENTION.days} days. Run it daily."
    )

    def handle(self, **options):
        cutoff = timezone.now() - LOGIN_RECORD_RETENTION
        deleted = sum(
            model.objects.filter(attempt_time__lt=cutoff).delete()[0]
            for model in (AccessAttempt, AccessFailureLog, AccessLog)
        )
        self.stdout.write(
            f"Deleted {deleted} admin login record(s) older than "
            f"{LOGIN_RECORD_RETENTION.days} days."
        )
