import re

import pytest
from django.conf import settings
from django.utils import translation
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


def choose_language(page, menu_name, language_name):
    switcher = page.get_by_role("navigation", name=menu_name)
    switcher.locator("summary").click()
    switcher.get_by_role("link", name=language_name).click()


def test_switching_language_keeps_the_filters_chosen_without_a_page_load(
    live_server, page, suppliers
):
    page.goto(live_server.url + "/leverantorer/")
    page.get_by_label("Kommun eller ort").select_option(label="Uppsala")
    page.get_by_role("checkbox", name="Arabiska — العربية").check()
    expect(page.locator("#result-count")).to_have_text("1 leverantör nära Uppsala")

    choose_language(page, "Välj språk", "العربية")
    expect(page).to_have_url(re.compile(r"/ar/leverantorer/\?kommun=0380&.*sprak=ar"))
    assert page.locator("html").get_attribute("dir") == "rtl"
    expect(page.get_by_role("checkbox", name="العربية")).to_be_checked()
    expect(page.get_by_role("link", name="Arabiska Jobb AB")).to_be_visible()

    choose_language(page, "اختر اللغة", "English")
    expect(page).to_have_url(re.compile(r"/en/leverantorer/\?kommun=0380&.*sprak=ar"))
    expect(page.locator("#result-count")).to_have_text("1 supplier near Uppsala")
    expect(page.get_by_role("checkbox", name="Arabic — العربية")).to_be_checked()


def test_the_current_language_is_marked_and_each_name_is_in_its_own_language(live_server, page):
    page.goto(live_server.url + "/en/fragor-och-svar/")
    switcher = page.get_by_role("navigation", name="Choose language")
    expect(switcher.locator("summary")).to_contain_text("English")
    switcher.locator("summary").click()
    current = switcher.locator("[aria-current=true]")
    expect(current).to_have_text("English")
    for code, name in settings.LANGUAGES:
        expect(switcher.get_by_role("link", name=name, exact=True)).to_have_attribute("lang", code)
    expect(switcher.get_by_role("link", name="Svenska")).to_have_attribute(
        "href", "/fragor-och-svar/"
    )


def test_eight_languages_fit_a_320_pixel_phone_and_work_from_the_keyboard(
    live_server, browser, suppliers
):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(live_server.url + "/leverantorer/?kommun=0380")
    switcher = page.get_by_role("navigation", name="Välj språk")
    summary = switcher.locator("summary")
    # Closed, the switcher is one line: no taller than a 44 px target and its padding.
    assert switcher.bounding_box()["height"] <= 60
    summary.focus()
    page.keyboard.press("Enter")
    links = switcher.get_by_role("link")
    # Every language, and "Lättläst" beside the menu on a Swedish page.
    expect(links).to_have_count(len(settings.LANGUAGES) + 1)
    for i in range(links.count()):
        box = links.nth(i).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 320, links.nth(i).inner_text()
        assert box["height"] >= 44
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.keyboard.press("Escape")
    expect(switcher.get_by_role("link", name="Soomaali")).to_be_hidden()
    expect(summary).to_be_focused()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/so/leverantorer/\?kommun=0380$"))
    assert page.locator("html").get_attribute("lang") == "so"
    context.close()


def test_persian_pages_are_right_to_left_and_say_dari_readers_are_meant_too(live_server, page):
    page.goto(live_server.url + "/fa/om-rusta-och-matcha/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    notice = page.locator(".translation-notice")
    with translation.override("fa"):
        dari = translation.gettext(
            "Texten är skriven så att den som läser dari också ska förstå den."
        )
    expect(notice).to_contain_text(dari)
    assert notice.evaluate("e => getComputedStyle(e).direction") == "rtl"
