import re

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from places.models import County, Municipality
from reviews.models import Review
from reviews.services import recompute_rating_summaries
from tests.browser.conftest import assert_no_axe_violations
from tests.offices.factories import OfficeFactory
from tests.reviews.factories import ReviewFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def empty_rate_limit():
    cache.clear()


@pytest.fixture(autouse=True)
def stockholm():
    """The municipality OfficeFactory uses, in case an earlier browser test flushed it.

    Browser tests run in transactions the live server can see, and each empties the
    database afterwards.
    """
    county, _created = County.objects.get_or_create(code="01", defaults={"name": "Stockholms län"})
    Municipality.objects.get_or_create(
        code="0180",
        defaults={"name": "Stockholm", "county": county, "latitude": 59.33, "longitude": 18.07},
    )


@pytest.fixture
def csp_errors(page):
    errors = []
    page.on(
        "console",
        lambda message: (
            errors.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return errors


def open_form(page, live_server, supplier):
    page.goto(f"{live_server.url}/leverantorer/{supplier.slug}/omdome/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Skriv ett omdöme om {supplier.name}"
    )


def test_review_can_be_written_and_sent_with_the_keyboard_alone(live_server, page, axe, csp_errors):
    office = OfficeFactory(name="Kontor Centrum")
    supplier = office.supplier
    open_form(page, live_server, supplier)
    assert_no_axe_violations(axe, page)

    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")  # the rating group: its first radio
    expect(page.get_by_label("1 – Mycket dåligt")).to_be_focused()
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    expect(page.get_by_label("4 – Bra")).to_be_checked()
    page.keyboard.press("Tab")
    expect(page.get_by_label("Kontor (frivilligt)")).to_be_focused()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Månad")).to_be_focused()
    page.keyboard.press("ArrowDown")  # januari
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # this year
    page.keyboard.press("Tab")
    expect(page.get_by_label("Kommentar")).to_be_focused()
    page.keyboard.type("Bra coach.\nJag fick praktik.")
    expect(page.get_by_text(re.compile(r"Du har 1\s972 tecken kvar\."))).to_be_visible()
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    expect(page.get_by_label("Jag har deltagit i Rusta och matcha")).to_be_checked()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Skicka omdöme")).to_be_focused()
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Tack för ditt omdöme")
    expect(page.get_by_text("Vi läser alla omdömen innan de visas.")).to_be_visible()
    review = Review.objects.get()
    assert (review.rating, review.office, review.status) == (4, office, Review.Status.PENDING)
    assert review.comment == "Bra coach.\nJag fick praktik."
    assert_no_axe_violations(axe, page)
    assert csp_errors == []


def test_form_with_errors_lists_them_first_and_has_no_axe_violations(
    live_server, page, axe, csp_errors
):
    supplier = OfficeFactory().supplier
    open_form(page, live_server, supplier)
    page.get_by_label("Kommentar").fill("<b>Fet text</b>")
    page.get_by_role("button", name="Skicka omdöme").click()

    summary = page.get_by_role("alert")
    expect(summary.get_by_role("heading")).to_have_text("Något behöver rättas")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link", name="Välj ett betyg från 1 till 5.")).to_be_visible()
    expect(page.get_by_label("Kommentar")).to_have_value("<b>Fet text</b>")
    expect(page).to_have_title(re.compile(r"^Fel:"))
    assert_no_axe_violations(axe, page)

    summary.get_by_role("link", name="Välj ett betyg från 1 till 5.").click()
    expect(page.get_by_label("1 – Mycket dåligt")).to_be_in_viewport()
    assert csp_errors == []


def test_review_list_with_summary_has_no_axe_violations(live_server, page, axe, csp_errors):
    office = OfficeFactory()
    for rating in [5, 4, 4, 2]:
        ReviewFactory(supplier=office.supplier, office=office, rating=rating)
    recompute_rating_summaries()
    page.goto(f"{live_server.url}/leverantorer/{office.supplier.slug}/omdomen/")
    expect(page.get_by_text("4 omdömen")).to_be_visible()
    expect(page.get_by_role("row", name=re.compile(r"^4 stjärnor"))).to_contain_text("2")
    assert_no_axe_violations(axe, page)
    assert csp_errors == []
