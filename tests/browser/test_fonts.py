"""Ethiopic and Syriac render with the self-hosted subsets, fetched only where shown."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


def draws_boxes(locator):
    """Whether the element draws its text as boxes ("tofu"): as it looks now, compared with
    the same element with each character replaced by one no font has (U+E000, private use)."""
    drawn = locator.screenshot()
    locator.evaluate(
        "e => { e.textContent = [...e.textContent].map(c => /\\s/.test(c) ? c : '\\ue000')"
        ".join(''); }"
    )
    return locator.screenshot() == drawn


def fonts_fetched(page, url, then=None):
    fetched = []
    page.on("requestfinished", lambda request: fetched.append(request.url))
    page.goto(url)
    if then:
        then(page)
    page.evaluate("document.fonts.ready.then(() => true)")
    return {url.rsplit("/", 1)[-1].split(".")[0] for url in fetched if "/static/fonts/" in url}


def loaded_families(page):
    return page.evaluate(
        "[...document.fonts].filter(f => f.status === 'loaded')"
        ".map(f => f.family.replaceAll('\"', ''))"
    )


@pytest.mark.parametrize(
    ("path", "selector", "family"),
    [
        ("/ti/leverantorer/", "h1", "Noto Sans Ethiopic"),
        ("/ti/leverantorer/", "[data-language-menu] summary [lang=ti]", "Noto Sans Ethiopic"),
        ("/leverantorer/", "#filters label [lang=ti]", "Noto Sans Ethiopic Names"),
        ("/leverantorer/", "#filters label [lang=am]", "Noto Sans Ethiopic Names"),
        ("/leverantorer/", "#filters label [lang=aii]", "Noto Sans Syriac Names"),
    ],
)
def test_ethiopic_and_syriac_glyphs_render_not_as_boxes(live_server, page, path, selector, family):
    page.goto(live_server.url + path)
    page.evaluate("document.fonts.ready.then(() => true)")
    assert not draws_boxes(page.locator(selector).first)
    assert family in loaded_families(page)


def test_tigrinya_pages_fetch_the_tigrinya_subset(live_server, page):
    fetched = fonts_fetched(page, live_server.url + "/ti/leverantorer/")
    assert fetched == {"ethiopic", "syriac-names"}


def test_swedish_pages_fetch_only_the_names_they_show(live_server, page):
    # The search's language filter names Tigrinya, Amharic and Assyrian in their scripts.
    assert fonts_fetched(page, live_server.url + "/leverantorer/") == {
        "ethiopic-names",
        "syriac-names",
    }


def test_a_page_without_such_names_fetches_no_font_until_the_language_menu_opens(
    live_server, browser
):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    assert fonts_fetched(page, live_server.url + "/om-rusta-och-matcha/") == set()

    def open_menu(page):
        page.get_by_role("navigation", name="Välj språk").locator("summary").click()
        expect(page.get_by_role("link", name="ትግርኛ")).to_be_visible()

    page = context.new_page()
    assert fonts_fetched(page, live_server.url + "/om-rusta-och-matcha/", open_menu) == {
        "ethiopic-names"
    }
    context.close()
