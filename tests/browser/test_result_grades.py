import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_no_axe_violations
from tests.offices.factories import OfficeFactory, municipality
from tests.suppliers.factories import ResultGradeFactory, SupplierFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def graded_suppliers():
    uppsala = municipality("0380")
    for name, grade in [("Resultat AB", {"stars": 3}), ("Nystart AB", {"too_new": True})]:
        supplier = SupplierFactory(name=name)
        OfficeFactory(supplier=supplier, municipality=uppsala)
        ResultGradeFactory(supplier=supplier, **grade)


def card(page, name):
    return page.get_by_role("listitem").filter(has=page.get_by_role("link", name=name))


def test_search_card_shows_the_grade_and_the_explanation_with_no_axe_violations(
    live_server, page, axe, graded_suppliers
):
    page.goto(live_server.url + "/leverantorer/?kommun=0380")
    graded = card(page, "Resultat AB")
    expect(graded.get_by_text("Arbetsförmedlingens resultatbetyg: 3 av 4")).to_be_visible()
    expect(
        graded.get_by_text(re.compile("mätperiod 1\u00a0jan\u00a02026 – 30\u00a0jun\u00a02026"))
    ).to_be_visible()
    expect(card(page, "Nystart AB").get_by_text("Inget betyg ännu")).to_be_visible()

    explanation = page.get_by_text("Att betyg saknas betyder inte att leverantören är dålig.")
    expect(explanation).to_be_hidden()
    page.get_by_text("Vad betyder betygen?").click()
    expect(explanation).to_be_visible()
    assert_no_axe_violations(axe, page)

    page.get_by_label("Resultatbetyg").select_option(label="3 och högre")
    expect(page.locator("#result-count")).to_have_text("1 leverantör nära Uppsala")
    expect(page).to_have_url(re.compile(r"resultatbetyg=3"))
    expect(page.get_by_role("link", name="Nystart AB")).to_have_count(0)
    assert_no_axe_violations(axe, page)

    page.get_by_role("link", name="Resultat AB").click()
    expect(page.get_by_role("heading", name="Arbetsförmedlingens resultatbetyg")).to_be_visible()
    assert_no_axe_violations(axe, page)
