"""The moderator reads the whole comment where the decision is made, at 1280 px."""

import pytest
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from tests.reviews.factories import ReviewFactory

pytestmark = pytest.mark.django_db(transaction=True)

LONG_COMMENT = (
    "Min handledare hjälpte mig med CV, personligt brev och intervjuträning varje vecka. " * 10
    + "Sista meningen måste synas."
)


@pytest.fixture
def moderator_page(browser, live_server, django_user_model):
    user = django_user_model.objects.create_superuser("moderator", "m@example.se", "lösenord-123")
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": live_server.url,
            }
        ]
    )
    yield context.new_page()
    context.close()


def assert_fully_on_screen(page, locator):
    box = locator.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 1280, box
    hidden = locator.evaluate(
        # One pixel of rounding is not hidden text.
        "e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1"
    )
    assert not hidden


def test_the_queue_shows_every_comment_whole_on_a_1280_px_screen(live_server, moderator_page):
    ReviewFactory(pending=True, comment=LONG_COMMENT, supplier__name="Långa Namnet Jobbcoach AB")
    ReviewFactory(pending=True, comment="Ring 070-123 45 67", personal_data="phone")
    page = moderator_page
    page.goto(live_server.url + reverse("admin:reviews_review_changelist"))
    comment = page.locator("td.field-full_comment .review-comment", has_text="Sista meningen")
    expect(comment).to_contain_text("Sista meningen måste synas.")
    assert_fully_on_screen(page, comment)
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    expect(page.get_by_text("Kan innehålla telefonnummer")).to_be_visible()


def test_the_review_page_decides_with_a_ready_reason(live_server, moderator_page):
    review = ReviewFactory(pending=True, comment=LONG_COMMENT)
    page = moderator_page
    page.goto(live_server.url + reverse("admin:reviews_review_change", args=[review.pk]))
    comment = page.locator(".review-comment--full")
    expect(comment).to_contain_text("Sista meningen måste synas.")
    assert_fully_on_screen(page, comment)
    page.get_by_role("button", name="Avslå: Handlar inte om leverantörens tjänst.").click()
    expect(
        page.get_by_text("Omdömet är avslaget: Handlar inte om leverantörens tjänst.")
    ).to_be_visible()
    review.refresh_from_db()
    assert review.rejection_reason == "Handlar inte om leverantörens tjänst."
