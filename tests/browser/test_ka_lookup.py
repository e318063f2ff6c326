import pytest

from tests.browser.conftest import assert_no_axe_violations
from tests.offices.factories import OfficeFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_caseworker_types_a_ka_number_with_spaces_and_finds_the_office(live_server, page, axe):
    OfficeFactory(ka_number="123456", name="Kontor Centrum", supplier__name="Jobbvägen AB")
    page.goto(live_server.url + "/")
    page.get_by_role("navigation", name="Huvudmeny").get_by_role(
        "link", name="För handläggare"
    ).click()
    assert_no_axe_violations(axe, page)

    page.get_by_label("KA-nummer eller namn").fill("KA 123 456")
    page.get_by_role("button", name="Sök").click()

    page.wait_for_url(live_server.url + "/ka/123456/")
    assert page.get_by_role("heading", level=1).inner_text() == "Jobbvägen AB, Kontor Centrum"
    assert "Aktivt" in page.locator("main").inner_text()
    assert_no_axe_violations(axe, page)


def test_name_search_lists_offices_and_marks_inactive_ones(live_server, page, axe):
    OfficeFactory(ka_number="111111", name="Kontor Centrum", supplier__name="Jobbvägen AB")
    OfficeFactory(
        ka_number="222222", name="Kontor Hamnen", supplier__name="Jobbvägen Syd AB", is_active=False
    )
    page.goto(live_server.url + "/ka/")
    page.get_by_label("KA-nummer eller namn").fill("jobbvagen")
    page.get_by_role("button", name="Sök").click()

    results = page.get_by_role("region", name="Resultat")
    assert results.get_by_role("listitem").count() == 2
    hamnen = results.get_by_role("listitem").filter(has_text="Kontor Hamnen")
    assert "Inaktivt" in hamnen.inner_text()
    assert "222222" in hamnen.inner_text()
    assert_no_axe_violations(axe, page)


def test_unknown_ka_number_page_has_no_axe_violations(live_server, page, axe):
    page.goto(live_server.url + "/ka/99999/")
    assert page.get_by_role("heading", level=1).inner_text() == "Kontoret hittades inte"
    assert page.get_by_label("KA-nummer eller namn").input_value() == "99999"
    assert_no_axe_violations(axe, page)
