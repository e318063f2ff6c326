from datetime import timedelta

from django.utils import timezone

from suppliers.models import ErrorReport

# Long enough to ask the sender about a report and tell them what was done; then erased
# (templates/pages/privacy.html says so).
CONTACT_EMAIL_RETENTION = timedelta(days=90)


def erase_old_contact_emails():
    """Erase the e-mail address of error reports older than CONTACT_EMAIL_RETENTION;
    returns how many. The report itself stays, without its sender."""
    return (
        ErrorReport.objects.exclude(contact_email="")
        .filter(created_at__lt=timezone.now() - CONTACT_EMAIL_RETENTION)
        .update(contact_email="")
    )
