import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_no_axe_violations
from tests.offices.factories import ContractFactory, OfficeFactory, delivery_area, municipality
from tests.suppliers.factories import SupplierFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def suppliers():
    uppsala, kiruna = municipality("0380"), municipality("2584")
    arabic = SupplierFactory(name="Arabiska Jobb AB", language_codes=["sv", "ar"])
    contract = ContractFactory(
        supplier=arabic, ka_number="10071234", delivery_area=delivery_area("uppsala")
    )
    OfficeFactory(
        supplier=arabic,
        contract=contract,
        name="Arabiska Jobb Uppsala",
        legacy_ka_number="123456",
        municipality=uppsala,
        street_address="Kungsgatan 3",
    )
    OfficeFactory(
        supplier=arabic,
        contract=contract,
        name="Arabiska Jobb Knivsta",
        municipality=municipality("0330"),
        street_address="Centralvägen 1",
    )
    swedish = SupplierFactory(name="Svenska Steg AB", language_codes=["sv"])
    OfficeFactory(supplier=swedish, municipality=uppsala)
    far = SupplierFactory(name="Norrut AB", language_codes=["sv", "ar"])
    OfficeFactory(supplier=far, municipality=kiruna)
    return arabic


def result_count(page):
    return page.locator("#result-count")


def test_filtering_updates_results_and_url_and_back_restores_them(live_server, page, suppliers):
    page.goto(live_server.url + "/leverantorer/")
    expect(result_count(page)).to_have_text("3 leverantörer")

    page.get_by_label("Kommun eller ort").select_option(label="Uppsala")
    expect(result_count(page)).to_have_text("2 leverantörer nära Uppsala")
    expect(page).to_have_url(re.compile(r"kommun=0380"))

    page.get_by_role("checkbox", name=re.compile("^Arabiska")).check()
    expect(result_count(page)).to_have_text("1 leverantör nära Uppsala")
    expect(page).to_have_url(re.compile(r"kommun=0380.*sprak=ar"))
    expect(page.get_by_role("link", name="Svenska Steg AB")).to_have_count(0)

    page.go_back()
    expect(page).not_to_have_url(re.compile(r"sprak="))
    expect(page.get_by_role("link", name="Svenska Steg AB")).to_be_visible()

    page.get_by_role("link", name="Arabiska Jobb AB").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Arabiska Jobb AB")
    expect(page.get_by_role("heading", name="Leveransområde Uppsala")).to_be_visible()
    expect(page.get_by_text("10071234")).to_be_visible()


def test_search_and_supplier_pages_have_no_axe_violations(live_server, page, axe, suppliers):
    page.goto(live_server.url + "/leverantorer/?kommun=0380&sprak=xx")
    expect(page.get_by_text("finns inte i listan")).to_be_visible()
    assert_no_axe_violations(axe, page)
    page.goto(live_server.url + "/leverantorer/?q=finnsinte")
    expect(result_count(page)).to_have_text("0 leverantörer")
    assert_no_axe_violations(axe, page)
    page.goto(live_server.url + "/leverantorer/arabiska-jobb-ab/?kommun=0380")
    assert_no_axe_violations(axe, page)


def tab_to(page, locator, limit=400):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"could not reach {locator} with Tab")


def test_keyboard_only_choice_opens_dialog_copies_ka_number_and_returns_focus(
    live_server, browser, axe, suppliers
):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(live_server.url + "/leverantorer/?kommun=0380")
    supplier_link = page.get_by_role("link", name="Arabiska Jobb AB")
    tab_to(page, supplier_link)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Arabiska Jobb AB")

    choose = page.get_by_role("link", name="Välj leverantör – Arabiska Jobb Uppsala")
    tab_to(page, choose)
    page.keyboard.press("Enter")

    dialog = page.get_by_role("dialog", name="Så berättar du för Arbetsförmedlingen")
    expect(dialog).to_be_visible()
    expect(dialog.locator(".ka-number--large")).to_have_text("10071234")
    expect(dialog.get_by_text("Du har inte valt Arabiska Jobb AB än.")).to_be_visible()
    expect(dialog.get_by_text("Berätta för din handläggare vilken leverantör")).to_be_visible()
    qr_code = dialog.get_by_role("img", name="QR-kod som öppnar")
    expect(qr_code).to_be_visible()
    assert qr_code.get_attribute("aria-label").endswith("/ka/10071234/")
    expect(dialog.locator(".choice__facts").get_by_text("Kungsgatan 3")).to_be_visible()
    expect(dialog.get_by_text("Alla kontor i avtalet har samma KA-nummer.")).to_be_visible()
    assert dialog.evaluate("element => element.contains(document.activeElement)")
    assert_no_axe_violations(axe, page)

    copy = dialog.get_by_role("button", name="Kopiera uppgifterna")
    tab_to(page, copy)
    page.keyboard.press("Enter")
    expect(dialog.get_by_role("status")).to_contain_text("Uppgifterna är kopierade")
    copied = page.evaluate("navigator.clipboard.readText()").splitlines()
    assert "KA-nummer: 10071234" in copied
    assert "Kontor: Arabiska Jobb Uppsala" in copied
    assert any(re.fullmatch(r"Datum: \d{4}-\d\d-\d\d", line) for line in copied)
    assert any(
        re.fullmatch(r"Sidan: http.*/kontor/\d+-arabiska-jobb-uppsala/valj/", line)
        for line in copied
    )
    assert copied[-1] == "Källa: Matchningskollen"

    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    assert choose.evaluate("element => element === document.activeElement")
    context.close()


def test_close_button_closes_the_dialog(live_server, page, suppliers):
    page.goto(live_server.url + "/leverantorer/arabiska-jobb-ab/")
    page.get_by_role("link", name="Välj leverantör – Arabiska Jobb Uppsala").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Stäng").click()
    expect(dialog).to_be_hidden()


def test_without_javascript_the_choice_is_a_page_of_its_own(live_server, browser, axe, suppliers):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/leverantorer/?kommun=0380&sprak=ar")
    expect(result_count(page)).to_have_text("1 leverantör nära Uppsala")
    page.get_by_role("link", name="Arabiska Jobb AB").click()
    page.get_by_role("link", name="Välj leverantör – Arabiska Jobb Uppsala").click()
    expect(page).to_have_url(
        re.compile(r"/leverantorer/arabiska-jobb-ab/kontor/\d+-arabiska-jobb-uppsala/valj/$")
    )
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Så berättar du för Arbetsförmedlingen"
    )
    expect(page.locator(".ka-number--large")).to_have_text("10071234")
    expect(page.locator(".choice__facts").get_by_text("Kungsgatan 3")).to_be_visible()
    expect(page.get_by_role("link", name="Tillbaka till leverantören")).to_be_visible()
    context.close()


def test_filter_form_submits_as_plain_get_without_javascript(live_server, browser, suppliers):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/leverantorer/")
    page.get_by_label("Kommun eller ort").select_option(label="Uppsala")
    page.get_by_role("button", name="Visa leverantörer").click()
    expect(page).to_have_url(re.compile(r"kommun=0380"))
    expect(result_count(page)).to_have_text("2 leverantörer nära Uppsala")
    context.close()


def test_an_old_shared_choice_link_leads_to_the_office(live_server, page, suppliers):
    page.goto(live_server.url + "/leverantorer/arabiska-jobb-ab/kontor/123456/valj/")
    expect(page).to_have_url(
        re.compile(r"/leverantorer/arabiska-jobb-ab/kontor/\d+-arabiska-jobb-uppsala/valj/$")
    )
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Så berättar du för Arbetsförmedlingen"
    )
    expect(page.locator(".choice__facts").get_by_text("Kungsgatan 3")).to_be_visible()


def test_area_filter_narrows_the_search(live_server, page, suppliers):
    page.goto(live_server.url + "/leverantorer/")
    page.get_by_label("Leveransområde").select_option(label="Uppsala")
    expect(result_count(page)).to_have_text(re.compile(r"2 leverantörer\s+med avtal i Uppsala"))
    expect(page).to_have_url(re.compile(r"omrade=uppsala"))
    expect(page.get_by_role("link", name="Norrut AB")).to_have_count(0)


def test_the_printout_carries_the_facts_date_address_source_and_qr_code(
    live_server, page, suppliers
):
    page.goto(live_server.url + "/leverantorer/arabiska-jobb-ab/")
    page.get_by_role("link", name="Välj leverantör – Arabiska Jobb Uppsala").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(dialog.locator(".ka-number--large")).to_have_text("10071234")
    expect(dialog.get_by_role("img", name="QR-kod som öppnar")).to_be_visible()
    source = dialog.locator(".choice__source")
    expect(source).to_be_visible()
    expect(source).to_contain_text(re.compile(r"hämtades \d{4}-\d\d-\d\d från http"))
    expect(source).to_contain_text("Källa: Matchningskollen.")
    expect(dialog.get_by_role("button", name="Kopiera uppgifterna")).to_be_hidden()
