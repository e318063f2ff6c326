"""Every form behaves the same with JavaScript: a page that comes back with errors starts
at the error summary (static/js/app.js), whichever form it is."""

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from tests.offices.factories import OfficeFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_error_report_sent_empty_starts_at_the_error_summary(live_server, page):
    cache.clear()  # the form's rate limit
    office = OfficeFactory(supplier__slug="jobbsteget-ab")
    page.goto(f"{live_server.url}/leverantorer/{office.supplier.slug}/rapportera-fel/")
    page.get_by_role("button", name="Skicka rapporten").click()
    summary = page.get_by_role("alert").filter(has_text="Något behöver rättas")
    expect(summary).to_be_focused()
    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.tagName") == "TEXTAREA"
