from django.core.management.base import BaseCommand

from suppliers.services import CONTACT_EMAIL_RETENTION, erase_old_contact_emails


class Command(BaseCommand):
    help = (
        f"Erase the sender's e-mail address of error reports older than "
        f"{CONTACT_EMAIL_RETENTION.days} days. Run it daily (e.g. from cron)."
    )

    def handle(self, **options):
        erased = erase_old_contact_emails()
        self.stdout.write(
            f"Erased the e-mail address of {erased} error report(s) older than "
            f"{CONTACT_EMAIL_RETENTION.days} days."
        )
