import datetime
import re

import pytest
from playwright.sync_api import expect

from grades.models import ContractResult
from tests.browser.conftest import assert_no_axe_violations
from tests.grades.factories import ResultGradeFactory
from tests.offices.factories import ContractFactory, OfficeFactory, delivery_area, municipality
from tests.suppliers.factories import SupplierFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def graded_suppliers():
    uppsala = municipality("0380")
    for name, ka_number, grades in [
        ("Resultat AB", "10071234", [(2026, 1, None), (2026, 3, 3)]),
        ("Nystart AB", "10075678", [(2026, 3, None)]),
    ]:
        supplier = SupplierFactory(name=name)
        contract = ContractFactory(
            supplier=supplier, ka_number=ka_number, delivery_area=delivery_area("uppsala")
        )
        OfficeFactory(supplier=supplier, contract=contract, municipality=uppsala)
        for year, month, stars in grades:
            ResultGradeFactory(
                contract=contract,
                month=datetime.date(year, month, 1),
                stars=stars,
                missing=stars is None,
            )
    ContractResult.objects.create(
        contract=contract,
        period=datetime.date(2026, 5, 1),
        participants=40,
        participants_a=20,
        participants_b=10,
        participants_c=10,
        rr1_a=5,
        rr1_b=3,
        rr1_c=2,
        rr2_a=1,
        rr2_b=1,
        rr2_c=0,
        risks_termination=True,
        source_file="resultatuppfoljning-maj-2026.xlsx",
        edition=datetime.date(2026, 5, 1),
    )


def card(page, name):
    return page.get_by_role("listitem").filter(has=page.get_by_role("link", name=name))


def test_search_card_shows_the_grade_and_the_explanation_with_no_axe_violations(
    live_server, page, axe, graded_suppliers
):
    page.goto(live_server.url + "/leverantorer/?kommun=0380")
    graded = card(page, "Resultat AB")
    expect(graded.get_by_text("Arbetsförmedlingens resultatbetyg: 3 av 4")).to_be_visible()
    expect(graded.get_by_text(re.compile("Avtal KA 10071234 .* mars 2026"))).to_be_visible()
    expect(card(page, "Nystart AB").get_by_text("Inget betyg ännu")).to_be_visible()

    explanation = page.get_by_text("Att betyg saknas betyder inte att leverantören är dålig.")
    expect(explanation).to_be_hidden()
    page.get_by_text("Vad betyder betygen?").click()
    expect(explanation).to_be_visible()
    assert_no_axe_violations(axe, page)

    page.get_by_label("Resultatbetyg").select_option(label="minst 3 av 4")
    expect(page.locator("#result-count")).to_have_text("1 leverantör nära Uppsala")
    expect(page).to_have_url(re.compile(r"resultatbetyg=3"))
    expect(page.get_by_role("link", name="Nystart AB")).to_have_count(0)
    assert_no_axe_violations(axe, page)


def test_supplier_page_shows_the_contracts_grade_history_and_results_with_no_axe_violations(
    live_server, page, axe, graded_suppliers
):
    page.goto(live_server.url + "/leverantorer/nystart-ab/")
    contract = page.get_by_role("region", name="Leveransområde Uppsala")
    expect(
        contract.get_by_role("heading", name="Arbetsförmedlingens resultatbetyg")
    ).to_be_visible()
    expect(contract.get_by_text("10071234")).to_have_count(0)
    expect(contract.locator(".ka-number").get_by_text("10075678", exact=True)).to_be_visible()
    expect(contract.get_by_text("riskerar hävning (period maj 2026)")).to_be_visible()
    expect(contract.get_by_text("10 av 40 deltagare (25 procent)")).to_be_visible()

    table = contract.get_by_role("table", name=re.compile("resultatbetyg för avtal KA 10075678"))
    expect(table).to_be_hidden()
    contract.get_by_text("Visa betygen som tabell").click()
    expect(table.get_by_role("row", name="Mars 2026 Betyg saknas")).to_be_visible()
    assert_no_axe_violations(axe, page)
