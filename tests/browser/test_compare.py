import re

import pytest
from playwright.sync_api import expect

from offices.models import Accessibility
from tests.browser.conftest import assert_no_axe_violations
from tests.offices.factories import OfficeFactory, municipality
from tests.suppliers.factories import SupplierFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def offices():
    uppsala = municipality("0380")
    return [
        OfficeFactory(
            supplier=SupplierFactory(name=f"{name} AB", language_codes=["sv"]),
            name=f"{name} Uppsala",
            ka_number=ka,
            municipality=uppsala,
            step_free_entrance=step_free,
        )
        for name, ka, step_free in [
            ("Alfa", "10071111", Accessibility.YES),
            ("Beta", "10072222", Accessibility.NO),
            ("Gamma", "10073333", Accessibility.UNKNOWN),
            ("Delta", "10074444", Accessibility.YES),
        ]
    ]


def test_compare_two_offices_from_the_search_and_a_fourth_is_refused(live_server, page, offices):
    page.goto(live_server.url + "/leverantorer/?kommun=0380&sortering=namn")
    page.get_by_role("link", name="Jämför – Alfa Uppsala").click()
    expect(page.get_by_text("Du jämför 1 kontor av högst 3.")).to_be_visible()
    page.get_by_role("link", name="Jämför – Beta Uppsala").click()
    page.get_by_role("link", name="Visa jämförelsen").click()
    alfa, beta = offices[0].url_key, offices[1].url_key
    expect(page).to_have_url(
        re.compile(rf"/jamfor/\?kommun=0380&sortering=namn&kontor={alfa}&kontor={beta}$")
    )
    expect(page.get_by_role("heading", level=1)).to_have_text("Jämför kontor")
    expect(page.get_by_role("rowheader", name=re.compile("Entré utan trappsteg"))).to_contain_text(
        "skiljer sig"
    )
    page.get_by_role("link", name="Tillbaka till sökningen").click()
    expect(page).to_have_url(re.compile(r"/leverantorer/\?kommun=0380&sortering=namn&kontor="))
    expect(page.get_by_label("Sortera")).to_have_value("namn")
    page.goto(live_server.url + "/jamfor/?" + "&".join(f"kontor={o.url_key}" for o in offices))
    expect(page.get_by_role("alert")).to_contain_text("Du kan jämföra högst 3 kontor")


def test_comparison_at_320_px_has_no_horizontal_scroll_and_no_axe_violations(
    live_server, browser, axe, offices
):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    keys = "&".join(f"kontor={office.url_key}" for office in offices[:3])
    page.goto(live_server.url + f"/jamfor/?kommun=0380&{keys}")
    expect(page.get_by_role("link", name="Alfa AB")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_no_axe_violations(axe, page)
    context.close()


def test_comparison_works_without_javascript(live_server, browser, offices):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/leverantorer/alfa-ab/")
    page.get_by_role("link", name="Jämför – Alfa Uppsala").click()
    page.get_by_role("link", name="Visa jämförelsen").click()
    expect(page.get_by_role("link", name="Välj leverantör – Alfa Uppsala")).to_be_visible()
    context.close()


def test_an_old_link_with_the_offices_own_ka_numbers_still_compares_them(
    live_server, page, offices
):
    for office, number in zip(offices, ["111111", "222222"], strict=False):
        office.legacy_ka_number = number
        office.save()
    page.goto(live_server.url + "/jamfor/?kontor=111111&kontor=222222")
    expect(page.get_by_role("link", name="Alfa AB")).to_be_visible()
    expect(page.get_by_role("link", name="Beta AB")).to_be_visible()
    page.get_by_role("link", name="Ta bort ur jämförelsen – Alfa Uppsala").click()
    expect(page).to_have_url(re.compile(rf"/jamfor/\?kontor={offices[1].url_key}$"))
    expect(page.get_by_role("link", name="Alfa AB")).to_have_count(0)


def test_report_error_form_with_errors_has_no_axe_violations(live_server, page, axe, offices):
    page.goto(live_server.url + "/leverantorer/alfa-ab/")
    page.get_by_role("link", name="Rapportera fel").click()
    page.get_by_role("button", name="Skicka rapporten").click()
    expect(page.get_by_role("alert")).to_contain_text("Skriv vad som är fel.")
    assert_no_axe_violations(axe, page)
    page.get_by_label("Vad är fel?").fill("Fel telefonnummer.")
    page.get_by_role("button", name="Skicka rapporten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tack för din rapport")
