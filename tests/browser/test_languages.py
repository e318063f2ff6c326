import re

import pytest
from playwright.sync_api import expect

from tests.offices.factories import OfficeFactory, municipality
from tests.suppliers.factories import SupplierFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def suppliers():
    uppsala = municipality("0380")
    OfficeFactory(
        supplier=SupplierFactory(name="Arabiska Jobb AB", language_codes=["sv", "ar"]),
        municipality=uppsala,
    )
    OfficeFactory(supplier=SupplierFactory(name="Svenska Steg AB"), municipality=uppsala)


def test_switching_language_keeps_the_filters_chosen_without_a_page_load(
    live_server, page, suppliers
):
    page.goto(live_server.url + "/leverantorer/")
    page.get_by_label("Kommun eller ort").select_option(label="Uppsala")
    page.get_by_role("checkbox", name="Arabiska — العربية").check()
    expect(page.locator("#result-count")).to_have_text("1 leverantör nära Uppsala")

    switcher = page.get_by_role("navigation", name="Välj språk")
    switcher.get_by_role("link", name="العربية").click()
    expect(page).to_have_url(re.compile(r"/ar/leverantorer/\?kommun=0380&.*sprak=ar"))
    assert page.locator("html").get_attribute("dir") == "rtl"
    expect(page.get_by_role("checkbox", name="العربية")).to_be_checked()
    expect(page.get_by_role("link", name="Arabiska Jobb AB")).to_be_visible()

    page.get_by_role("navigation", name="اختر اللغة").get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/leverantorer/\?kommun=0380&.*sprak=ar"))
    expect(page.locator("#result-count")).to_have_text("1 supplier near Uppsala")
    expect(page.get_by_role("checkbox", name="Arabic — العربية")).to_be_checked()


def test_the_current_language_is_marked_and_each_name_is_in_its_own_language(live_server, page):
    page.goto(live_server.url + "/en/fragor-och-svar/")
    switcher = page.get_by_role("navigation", name="Choose language")
    current = switcher.locator("[aria-current=true]")
    expect(current).to_have_text("English")
    expect(switcher.get_by_role("link", name="العربية")).to_have_attribute("lang", "ar")
    expect(switcher.get_by_role("link", name="Svenska")).to_have_attribute(
        "href", "/fragor-och-svar/"
    )
