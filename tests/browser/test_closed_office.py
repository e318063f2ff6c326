"""A job seeker meets an office that takes no new participants: it cannot be chosen, and
the page leads on to nearby offices that can."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_no_axe_violations
from tests.offices.factories import ContractFactory, OfficeFactory, delivery_area, municipality
from tests.suppliers.factories import SupplierFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def norr():
    supplier = SupplierFactory(name="Jobbcoach Norr AB")
    contract = ContractFactory(
        supplier=supplier, ka_number="10071234", delivery_area=delivery_area("lulea")
    )
    for name, code, taking in [
        ("Jobbcoach Luleå", "2580", False),
        ("Jobbcoach Piteå", "2581", True),
    ]:
        OfficeFactory(
            supplier=supplier,
            contract=contract,
            name=name,
            municipality=municipality(code),
            taking_participants=taking,
            taking_participants_from=None if taking else datetime.date(2027, 1, 30),
        )
    OfficeFactory(
        supplier__name="Arbetslinjen AB",
        name="Arbetslinjen Luleå",
        municipality=municipality("2580"),
    )
    return supplier


def test_a_closed_office_cannot_be_chosen_and_leads_to_open_ones(live_server, page, axe, norr):
    page.goto(f"{live_server.url}/leverantorer/{norr.slug}/")
    expect(page.get_by_role("link", name="Välj leverantör – Jobbcoach Piteå")).to_be_visible()
    expect(page.get_by_role("link", name="Välj leverantör – Jobbcoach Luleå")).to_have_count(0)
    expect(page.get_by_role("link", name=re.compile("^Jämför – Jobbcoach Luleå"))).to_have_count(0)
    expect(page.get_by_text("Tar emot igen från 30 januari 2027")).to_be_visible()

    page.get_by_role(
        "link", name="Se kontor i närheten som tar emot nya deltagare – Jobbcoach Luleå"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Kontoret tar inte emot nya deltagare"
    )
    expect(page.get_by_text("Jobbcoach Piteå", exact=True)).to_be_visible()
    expect(page.get_by_text("Arbetslinjen Luleå", exact=True)).to_be_visible()
    assert_no_axe_violations(axe, page)

    page.get_by_role(
        "link", name="Välj det här kontoret – Jobbcoach Norr AB, Jobbcoach Piteå"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Så berättar du för Arbetsförmedlingen"
    )
    expect(page.locator(".choice__facts").get_by_text("Jobbcoach Piteå")).to_be_visible()


def test_search_card_compares_only_an_office_taking_participants(live_server, page, norr):
    page.goto(f"{live_server.url}/leverantorer/?kommun=2580&tar_emot=on")
    card = page.get_by_role("listitem").filter(
        has=page.get_by_role("link", name="Jobbcoach Norr AB")
    )
    expect(card.get_by_role("link", name="Jämför – Jobbcoach Piteå")).to_be_visible()
    card.get_by_role("link", name="Jämför – Jobbcoach Piteå").click()
    page.goto(f"{live_server.url}/jamfor/?{page.url.split('?', 1)[1]}")
    expect(page.get_by_role("link", name="Välj leverantör – Jobbcoach Piteå")).to_be_visible()
