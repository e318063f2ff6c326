"""A writer who puts a phone number in a review is warned, loses nothing, and may send it
anyway; the moderator then sees the review flagged."""

import re

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from reviews.models import Review
from tests.browser.conftest import assert_no_axe_violations
from tests.offices.factories import OfficeFactory

pytestmark = pytest.mark.django_db(transaction=True)

COMMENT = "Min coach Anna var toppen, ring henne på 070-123 45 67."


@pytest.fixture(autouse=True)
def empty_rate_limit():
    cache.clear()


def test_a_phone_number_in_the_comment_is_warned_about_and_can_be_sent_anyway(
    live_server, page, axe
):
    supplier = OfficeFactory().supplier
    page.goto(f"{live_server.url}/leverantorer/{supplier.slug}/omdome/")
    page.get_by_label("5 – Mycket bra").check()
    page.get_by_label("Månad").select_option(index=1)
    page.get_by_label("År").select_option(index=1)
    page.get_by_label("Kommentar", exact=True).fill(COMMENT)
    page.get_by_label(re.compile("^Jag har deltagit")).check()
    page.get_by_role("button", name="Skicka omdöme").click()

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("kommentaren innehåller telefonnummer")
    expect(page.get_by_label("Kommentar", exact=True)).to_have_value(COMMENT)
    expect(page.get_by_label("5 – Mycket bra")).to_be_checked()
    assert Review.objects.count() == 0
    assert_no_axe_violations(axe, page)

    page.get_by_label(re.compile("^Skicka kommentaren ändå")).check()
    page.get_by_role("button", name="Skicka omdöme").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tack för ditt omdöme")
    review = Review.objects.get()
    assert review.comment == COMMENT and review.personal_data_kinds() == ["phone"]
