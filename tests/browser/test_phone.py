"""The search on a phone, measured in px at 320×640: a compact header, the search and the
first result on the first screen, a filter change seen and announced beside the control,
no layout shift while loading, and a page that works without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_search_and_choose import suppliers  # noqa: F401 (fixture)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("suppliers")]

PHONE = {"width": 320, "height": 640}


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, locale="sv-SE")
    yield context.new_page()
    context.close()


def box(locator):
    return locator.bounding_box()


def filters_toggle(page):
    return page.locator("summary", has_text="Filtrera")


@pytest.mark.parametrize("query", ["", "?kommun=0380"])
def test_the_first_screen_shows_the_search_and_the_first_result(live_server, phone, query):
    phone.goto(live_server.url + "/leverantorer/" + query)
    header = box(phone.locator("header.site-header"))
    assert header["height"] <= 110, header
    heading = box(phone.get_by_role("heading", level=1, name="Sök leverantör"))
    toggle = box(filters_toggle(phone))
    count = box(phone.locator("#result-count"))
    first_result = box(phone.locator(".card__title").first)
    assert heading["y"] >= header["height"]
    assert toggle["y"] + toggle["height"] <= PHONE["height"]
    assert count["y"] + count["height"] <= PHONE["height"]
    assert first_result["y"] + first_result["height"] <= PHONE["height"], first_result


def test_the_menu_folds_behind_meny_on_a_phone_and_is_always_there_on_a_wide_screen(
    live_server, browser
):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(live_server.url + "/leverantorer/")
    faq = page.get_by_role("link", name="Frågor och svar")
    expect(faq).to_be_hidden()
    page.locator("summary", has_text="Meny").click()
    expect(faq).to_be_visible()
    faq.click()
    expect(page).to_have_url(re.compile("/fragor-och-svar/$"))
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/leverantorer/")
    expect(page.get_by_role("link", name="Frågor och svar")).to_be_visible()
    expect(page.locator("summary", has_text="Meny")).to_be_hidden()
    expect(page.get_by_label("Kommun eller ort")).to_be_visible()
    expect(filters_toggle(page)).to_be_hidden()
    context.close()


def test_a_filter_change_is_seen_and_announced_beside_the_control(live_server, phone):
    phone.goto(live_server.url + "/leverantorer/")
    filters_toggle(phone).click()
    remote = phone.get_by_role("checkbox", name=re.compile("^Distans"))
    remote.scroll_into_view_if_needed()
    remote.check()
    status = phone.get_by_role("status").filter(has_text="leverantör")
    expect(status).to_have_text("0 leverantörer")
    control, live = box(remote), box(status)
    assert live["y"] >= 0 and live["y"] + live["height"] <= PHONE["height"], live
    assert abs(live["y"] - control["y"]) < PHONE["height"] / 2, (control, live)
    expect(phone).to_have_url(re.compile(r"\?distans=on$"))

    phone.get_by_role("checkbox", name=re.compile("^Distans")).uncheck()
    expect(status).to_have_text("3 leverantörer")
    phone.get_by_role("button", name="Visa leverantörer").click()
    expect(phone.get_by_label("Kommun eller ort")).to_be_hidden()
    expect(phone.locator("#result-count")).to_be_focused()
    expect(phone.locator("#result-count")).to_be_in_viewport()


def test_the_search_page_does_not_shift_while_it_loads_on_a_phone(live_server, phone):
    phone.add_init_script(
        """window.__shift = 0;
        new PerformanceObserver(list => {
          for (const entry of list.getEntries()) {
            if (!entry.hadRecentInput) window.__shift += entry.value;
          }
        }).observe({type: "layout-shift", buffered: true});"""
    )
    phone.goto(live_server.url + "/leverantorer/?kommun=0380")
    phone.wait_for_load_state("networkidle")
    phone.wait_for_timeout(300)
    assert phone.evaluate("window.__shift") == 0
    assert phone.evaluate("document.querySelector('[data-filters-panel]').open") is False
    expect(phone.get_by_label("Kommun eller ort")).to_be_hidden()


def test_without_javascript_the_phone_search_works(live_server, browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/leverantorer/")
    filters_toggle(page).click()
    page.get_by_label("Kommun eller ort").select_option(label="Uppsala")
    page.get_by_role("button", name="Visa leverantörer").click()
    expect(page).to_have_url(re.compile(r"kommun=0380"))
    expect(page.locator("#result-count")).to_have_text("2 leverantörer nära Uppsala")
    page.locator("summary", has_text="Meny").click()
    expect(page.get_by_role("link", name="Frågor och svar")).to_be_visible()
    context.close()
