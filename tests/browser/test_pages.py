import pytest

from tests.browser.conftest import assert_no_axe_violations
from tests.offices.factories import OfficeFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_home_page_leads_to_the_search_and_the_information_pages(live_server, page, axe):
    OfficeFactory()
    page.goto(live_server.url + "/")
    assert (
        page.get_by_role("main").get_by_role("link", name="Sök leverantör").get_attribute("href")
        == "/leverantorer/"
    )
    assert_no_axe_violations(axe, page)
    page.get_by_role("link", name="Läs mer om Rusta och matcha").click()
    page.wait_for_url(live_server.url + "/om-rusta-och-matcha/")
    assert page.get_by_role("heading", level=1).all_inner_texts() == ["Om Rusta och matcha"]


def test_about_page_table_of_contents_and_axe(live_server, page, axe):
    page.goto(live_server.url + "/om-rusta-och-matcha/")
    assert page.get_by_role("heading", level=1).count() == 1
    toc = page.get_by_role("navigation", name="Innehåll")
    toc.get_by_role("link", name="Hur går det till?").click()
    assert page.url.endswith("#sa-gar-det-till")
    assert page.get_by_role("heading", name="Hur går det till?", level=2).is_visible()
    assert_no_axe_violations(axe, page)


def test_faq_answer_opens_from_its_question_and_axe(live_server, page, axe):
    page.goto(live_server.url + "/fragor-och-svar/")
    assert page.get_by_role("heading", level=1).all_inner_texts() == ["Frågor och svar"]
    answer = page.get_by_text("får du den leverantör som finns närmast där du bor")
    assert not answer.is_visible()
    assert_no_axe_violations(axe, page)
    page.get_by_text("Måste jag välja en leverantör?").click()
    assert answer.is_visible()
    assert_no_axe_violations(axe, page)
