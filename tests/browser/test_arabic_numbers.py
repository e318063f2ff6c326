"""In Arabic (right to left) numbers and codes must still read left to right, in order:
"010-904 41 36", not "36 41 010-904". Checked where the glyphs land on screen."""

import pytest
from playwright.sync_api import expect

from tests.offices.factories import ContractFactory, OfficeFactory, delivery_area, municipality
from tests.suppliers.factories import SupplierFactory

pytestmark = pytest.mark.django_db(transaction=True)

# The left edges of the glyphs of `target` (spaces left out) in the first element matching
# `selector` whose text holds it, in the order of the text; null when no element holds it.
GLYPH_LEFTS = """([selector, target]) => {
  for (const root of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes = [];
    let text = "";
    while (walker.nextNode()) {
      nodes.push([walker.currentNode, text.length]);
      text += walker.currentNode.data;
    }
    const start = text.indexOf(target);
    if (start < 0) continue;
    const lefts = [];
    for (let i = start; i < start + target.length; i++) {
      if (text[i].trim() === "") continue;
      const [node, offset] = nodes.filter(([, begins]) => begins <= i).pop();
      const range = document.createRange();
      range.setStart(node, i - offset);
      range.setEnd(node, i - offset + 1);
      lefts.push(range.getBoundingClientRect().left);
    }
    return lefts;
  }
  return null;
}"""


def assert_reads_left_to_right(page, selector, target):
    lefts = page.evaluate(GLYPH_LEFTS, [selector, target])
    assert lefts is not None, f"{target!r} is not in {selector}"
    assert lefts == sorted(lefts) and len(set(lefts)) == len(lefts), (
        f"{target!r} in {selector} is not laid out left to right: {lefts}"
    )


@pytest.fixture
def gothenburg():
    supplier = SupplierFactory(
        name="Västjobb AB",
        organisation_number="5592228208",
        short_description="Vi hjälper dig till jobb i Göteborg.",
    )
    contract = ContractFactory(
        supplier=supplier, ka_number="10072909", delivery_area=delivery_area("goteborg-mitt")
    )
    OfficeFactory(
        supplier=supplier,
        contract=contract,
        name="Västjobb Centrum",
        street_address="Drottninggatan 5",
        postal_code="40244",
        postal_town="Göteborg",
        phone="010-904 41 36",
        municipality=municipality("1480"),
    )
    return supplier


@pytest.fixture
def arabic_page(browser):
    context = browser.new_context(locale="ar", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def test_supplier_page_in_arabic_reads_numbers_and_codes_left_to_right(
    live_server, arabic_page, gothenburg
):
    page = arabic_page
    page.goto(f"{live_server.url}/ar/leverantorer/{gothenburg.slug}/")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    for text in ["010-904 41 36", "559222-8208", "10072909", "402 44"]:
        isolated = page.locator('bdi[dir="ltr"]', has_text=text)
        expect(isolated.first).to_be_attached()
    assert_reads_left_to_right(page, ".office__facts", "010-904 41 36")
    assert_reads_left_to_right(page, ".office__facts", "402 44 Göteborg")
    assert_reads_left_to_right(page, ".supplier-facts", "559222-8208")
    assert_reads_left_to_right(page, ".contract__facts", "10072909")
    # The supplier's own Swedish text keeps its own direction: its full stop at its end.
    lead = page.locator("p.lead")
    expect(lead).to_have_attribute("lang", "sv")
    assert lead.evaluate("element => getComputedStyle(element).direction") == "ltr"
    assert_reads_left_to_right(page, "p.lead", "Göteborg.")


def test_choice_and_caseworker_page_in_arabic_read_numbers_left_to_right(
    live_server, arabic_page, gothenburg
):
    page = arabic_page
    page.goto(f"{live_server.url}/ar/leverantorer/{gothenburg.slug}/")
    page.locator(".choose-button").first.click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    assert_reads_left_to_right(page, "dialog .choice__facts", "559222-8208")
    assert_reads_left_to_right(page, "dialog .choice__facts", "402 44 Göteborg")
    assert_reads_left_to_right(page, "dialog .choice__facts", "10072909")

    page.goto(f"{live_server.url}/ar/ka/10072909/")
    assert_reads_left_to_right(page, ".office-facts", "010-904 41 36")
    assert_reads_left_to_right(page, ".office-facts", "402 44 Göteborg")
    assert_reads_left_to_right(page, ".office-facts", "559222-8208")


def test_arbetsformedlingens_phone_number_reads_left_to_right_in_arabic(live_server, arabic_page):
    page = arabic_page
    page.goto(f"{live_server.url}/ar/finns-inte/")
    expect(page.locator('bdi[dir="ltr"]', has_text="0771-416 416")).to_be_attached()
    assert_reads_left_to_right(page, "main", "0771-416 416")
