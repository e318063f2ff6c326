"""Personal data kept only as long as needed: purge commands, admin sessions, and the
privacy page that states each period."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from suppliers.models import ErrorReport
from tests.suppliers.factories import SupplierFactory

pytestmark = pytest.mark.django_db


def test_error_report_emails_are_erased_after_90_days_and_the_reports_kept():
    supplier = SupplierFactory()
    old = ErrorReport.objects.create(supplier=supplier, what_is_wrong="Fel", contact_email="a@b.se")
    new = ErrorReport.objects.create(supplier=supplier, what_is_wrong="Fel", contact_email="c@d.se")
    ErrorReport.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=91))
    ErrorReport.objects.filter(pk=new.pk).update(created_at=timezone.now() - timedelta(days=89))
    call_command("purge_error_report_emails")
    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.contact_email, old.what_is_wrong) == ("", "Fel")
    assert new.contact_email == "c@d.se"


def test_admin_login_records_are_deleted_after_30_days():
    def record(model, days, **extra):
        row = model.objects.create(
            ip_address="203.0.113.1",
            user_agent="Mozilla",
            username="admin",
            path_info="/admin/",
            **extra,
        )
        model.objects.filter(pk=row.pk).update(attempt_time=timezone.now() - timedelta(days=days))
        return row

    old_attempt, old_log = record(AccessAttempt, 31, failures_since_start=5), record(AccessLog, 31)
    recent = record(AccessLog, 29)
    call_command("purge_admin_login_records")
    assert not AccessAttempt.objects.filter(pk=old_attempt.pk).exists()
    assert not AccessLog.objects.filter(pk=old_log.pk).exists()
    assert AccessLog.objects.filter(pk=recent.pk).exists()


def test_admin_sessions_last_hours_not_weeks():
    assert settings.SESSION_COOKIE_AGE <= 8 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


def test_the_privacy_page_states_what_is_kept_and_for_how_long(client):
    text = client.get("/om-kakor-och-personuppgifter/").content.decode()
    assert "Rapportera fel" in text
    assert "e-postadress" in text
    assert "90 dagar" in text  # the error report's e-mail address
    assert "30 dagar" in text  # the review's client code, the admin login records
    assert "8 timmar" in text  # the admin's session
    assert "inloggning" in text
