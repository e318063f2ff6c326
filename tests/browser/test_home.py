import pytest

from tests.browser.conftest import assert_no_axe_violations
from tests.offices.factories import OfficeFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_home_page_in_chromium_has_one_heading_and_no_axe_violations(live_server, page, axe):
    OfficeFactory()
    page.goto(live_server.url + "/")
    assert page.get_by_role("heading", level=1).all_inner_texts() == [
        "Välj leverantör för Rusta och matcha"
    ]
    assert "1 leverantör med 1 kontor" in page.locator("main").inner_text()
    assert_no_axe_violations(axe, page)


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(live_server, page):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Hoppa till innehållet")
    assert skip_link.evaluate("element => element === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
