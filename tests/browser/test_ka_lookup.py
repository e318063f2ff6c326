import datetime

import pytest

from tests.browser.conftest import assert_no_axe_violations
from tests.grades.factories import ResultGradeFactory
from tests.offices.factories import ContractFactory, OfficeFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_caseworker_types_a_ka_number_with_spaces_and_finds_the_contract(live_server, page, axe):
    centrum = OfficeFactory(
        ka_number="10072909", name="Kontor Centrum", supplier__name="Jobbvägen AB"
    )
    OfficeFactory(ka_number="10072909", name="Kontor Söder", supplier=centrum.supplier)
    ResultGradeFactory(contract=centrum.contract, month=datetime.date(2026, 1, 1), stars=3)
    ResultGradeFactory(contract=centrum.contract, month=datetime.date(2026, 3, 1), missing=True)
    page.goto(live_server.url + "/")
    page.get_by_role("navigation", name="Huvudmeny").get_by_role(
        "link", name="För handläggare"
    ).click()
    assert_no_axe_violations(axe, page)

    page.get_by_label("KA-nummer eller namn").fill("KA 1007 2909")
    page.get_by_role("button", name="Sök").click()

    page.wait_for_url(live_server.url + "/ka/10072909/")
    assert page.get_by_role("heading", level=1).inner_text() == "Jobbvägen AB, Stockholm Mitt"
    main = page.locator("main").inner_text()
    assert "Avtalet gäller" in main
    offices = page.get_by_role("region", name="2 kontor")
    assert offices.get_by_role("heading", level=3).all_inner_texts() == [
        "Kontor Centrum",
        "Kontor Söder",
    ]
    page.get_by_text("Visa betygen som tabell").click()
    history = page.get_by_role(
        "table", name="Arbetsförmedlingens resultatbetyg för avtal KA 10072909"
    )
    assert history.get_by_role("row").count() == 3
    assert "Betyg saknas" in history.inner_text()
    assert_no_axe_violations(axe, page)


def test_name_search_lists_contracts_and_marks_inactive_offices(live_server, page, axe):
    OfficeFactory(ka_number="10071111", name="Kontor Centrum", supplier__name="Jobbvägen AB")
    OfficeFactory(
        ka_number="10072222",
        name="Kontor Hamnen",
        supplier__name="Jobbvägen Syd AB",
        is_active=False,
    )
    ContractFactory(ka_number="10073333", supplier__name="Jobbvägen Norr AB")
    page.goto(live_server.url + "/ka/")
    page.get_by_label("KA-nummer eller namn").fill("jobbvagen")
    page.get_by_role("button", name="Sök").click()

    results = page.get_by_role("region", name="Resultat")
    assert results.get_by_role("heading", level=3).count() == 3
    syd = results.get_by_role("listitem").filter(has_text="Jobbvägen Syd AB").first
    assert "Kontor Hamnen, Stockholm (inaktivt)" in syd.inner_text()
    assert "10072222" in syd.inner_text()
    norr = results.get_by_role("listitem").filter(has_text="Jobbvägen Norr AB").first
    assert "Avtalets adresser är inte kända än" in norr.inner_text()
    assert_no_axe_violations(axe, page)


def test_old_office_number_leads_to_the_office_in_its_contract(live_server, page):
    office = OfficeFactory(ka_number="10072909", name="Kontor Centrum", legacy_ka_number="123456")
    page.goto(live_server.url + "/ka/123456/")
    page.wait_for_url(live_server.url + f"/ka/10072909/#kontor-{office.url_key}")
    assert "Tidigare eget KA-nummer" in page.locator(f"#kontor-{office.url_key}").inner_text()


def test_unknown_ka_number_page_has_no_axe_violations(live_server, page, axe):
    page.goto(live_server.url + "/ka/99999999/")
    assert page.get_by_role("heading", level=1).inner_text() == "KA-numret hittades inte"
    assert page.get_by_label("KA-nummer eller namn").input_value() == "99999999"
    assert_no_axe_violations(axe, page)
