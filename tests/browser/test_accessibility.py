"""WCAG 2.1 AA in every UI language: axe on every page and state, keyboard, reflow, targets
(long because it holds every accessibility promise of the README in one place).

The 500 page is the real one: the live server runs in this process, so the test makes the
search view fail and the request goes through Django's own error handling.
"""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from playwright.sync_api import expect

from tests.offices.factories import OfficeFactory, municipality
from tests.reviews.factories import rate
from tests.suppliers.factories import SupplierFactory

pytestmark = pytest.mark.django_db(transaction=True)

# Every UI language: Swedish at the root, the others under their prefix; Arabic and Persian
# right to left.
PREFIXES = {
    code: "" if code == settings.LANGUAGE_CODE else f"/{code}" for code, _name in settings.LANGUAGES
}
RIGHT_TO_LEFT = [code for code in PREFIXES if code in settings.LANGUAGES_BIDI]


@pytest.fixture
def supplier():
    cache.clear()  # the review form's rate limit
    uppsala = municipality("0380")
    # A long Swedish compound in the name: it must wrap at 320 px, not stick out.
    supplier = SupplierFactory(
        name="Arabiska Jobb Kompetensutvecklingscentrum AB",
        slug="arabiska-jobb-ab",
        language_codes=["sv", "ar"],
        industry_slugs=["data-it"],
    )
    OfficeFactory(
        pk=9001,
        supplier=supplier,
        name="Arabiska Jobb Uppsala",
        ka_number="10072909",
        municipality=uppsala,
    )
    OfficeFactory(supplier=SupplierFactory(name="Svenska Steg AB"), municipality=uppsala)
    OfficeFactory(
        pk=9100,
        supplier=SupplierFactory(name="Stängda Steg AB"),
        name="Stängda Steg Uppsala",
        municipality=uppsala,
        taking_participants=False,
    )
    return rate(supplier, 5, 4, 2)


def text(language, swedish):
    with translation.override(language):
        return translation.gettext(swedish)


def fail_the_search(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("suppliers.views.SupplierFilter", broken)


def open_dialog(page, language):
    page.get_by_role("link", name=text(language, "Välj leverantör")).first.click()
    expect(page.get_by_role("dialog")).to_be_visible()


def submit_empty_error_report(page, language):
    page.get_by_role("button", name=text(language, "Skicka rapporten")).click()
    expect(page.locator(".error-summary")).to_be_visible()


def submit_empty_review(page, language):
    page.get_by_role("button", name=text(language, "Skicka omdöme")).click()
    expect(page.locator(".error-summary")).to_be_visible()


# (name, path, what to do on the page once it has loaded)
STATES = [
    ("home", "/", None),
    ("about", "/om-rusta-och-matcha/", None),
    ("faq", "/fragor-och-svar/", None),
    ("search", "/leverantorer/", None),
    ("search with filters", "/leverantorer/?kommun=0380&sprak=ar&distans=on&betyg=3", None),
    ("search without results", "/leverantorer/?q=finnsinte", None),
    ("search with a validation note", "/leverantorer/?sprak=xx&sortering=narmast&sida=x", None),
    ("supplier", "/leverantorer/arabiska-jobb-ab/?kommun=0380", None),
    ("choose dialog open", "/leverantorer/arabiska-jobb-ab/", open_dialog),
    (
        "choice without JavaScript",
        "/leverantorer/arabiska-jobb-ab/kontor/9001-arabiska-jobb-uppsala/valj/",
        None,
    ),
    ("reviews", "/leverantorer/arabiska-jobb-ab/omdomen/", None),
    ("review form with errors", "/leverantorer/arabiska-jobb-ab/omdome/", submit_empty_review),
    ("KA lookup", "/ka/", None),
    ("KA lookup with results", "/ka/?q=Arabiska", None),
    ("KA lookup without result", "/ka/?q=99999999", None),
    ("KA lookup with an error", "/ka/?q=" + "x" * 101, None),
    ("contract by KA number", "/ka/10072909/", None),
    ("comparison", "/jamfor/?kommun=0380&kontor=9001-arabiska-jobb-uppsala", None),
    ("empty comparison", "/jamfor/", None),
    (
        "error report form with errors",
        "/leverantorer/arabiska-jobb-ab/rapportera-fel/",
        submit_empty_error_report,
    ),
    ("privacy", "/om-kakor-och-personuppgifter/", None),
    ("who we are", "/om-matchningskollen/", None),
    ("accessibility statement", "/tillganglighet/", None),
    (
        "an office taking no new participants, with alternatives",
        "/leverantorer/stangda-steg-ab/kontor/9100-stangda-steg-uppsala/valj/",
        None,
    ),
    ("text error report", "/rapportera-fel/?sida=/fragor-och-svar/", None),
    ("404", "/finns-inte/", None),
]
# Lättläst svenska: Swedish only, outside the language prefixes.
EASY_READ_STATES = [
    ("easy-read start", "/lattlast/", None),
    ("easy-read about", "/lattlast/om-rusta-och-matcha/", None),
    ("easy-read FAQ", "/lattlast/fragor-och-svar/", None),
    ("easy-read privacy", "/lattlast/om-kakor-och-personuppgifter/", None),
    (
        "easy-read choice",
        "/lattlast/leverantorer/arabiska-jobb-ab/kontor/9001-arabiska-jobb-uppsala/valj/",
        None,
    ),
]


@pytest.mark.parametrize("language", PREFIXES)
def test_axe_finds_no_violations_on_any_page_or_state(
    live_server, page, axe, supplier, language, monkeypatch
):
    reports = []

    def check(name):
        results = axe.run(page)
        if results.violations_count:
            reports.append(f"{name} ({page.url}):\n{results.generate_report()}")

    for name, path, action in STATES:
        page.goto(live_server.url + PREFIXES[language] + path)
        assert page.locator("html").get_attribute("lang") == language, name
        if action:
            action(page, language)
        check(name)

    fail_the_search(monkeypatch)
    response = page.goto(live_server.url + PREFIXES[language] + "/leverantorer/")
    assert response.status == 500
    check("500")
    assert not reports, "\n\n".join(reports)


@pytest.mark.parametrize("language", PREFIXES)
def test_one_h1_and_the_landmarks_on_every_page(live_server, page, supplier, language):
    for name, path, _action in STATES:
        page.goto(live_server.url + PREFIXES[language] + path)
        assert page.get_by_role("heading", level=1).count() == 1, name
        assert page.get_by_role("banner").count() == 1, name
        assert page.get_by_role("main").count() == 1, name
        assert page.get_by_role("contentinfo").count() == 1, name
        assert page.get_by_role("navigation", name=text(language, "Huvudmeny")).count() == 1


def test_every_aria_reference_points_to_an_element_and_errors_are_linked_to_fields(
    live_server, page, supplier
):
    for name, path, action in STATES:
        page.goto(live_server.url + path)
        if action:
            action(page, "sv")
        broken = page.evaluate(
            """() => [...document.querySelectorAll(
                  '[aria-describedby], [aria-labelledby], [aria-controls]')]
                .flatMap(e => ['aria-describedby', 'aria-labelledby', 'aria-controls']
                  .flatMap(a => (e.getAttribute(a) || '').split(/\\s+/).filter(Boolean)))
                .filter(id => !document.getElementById(id))"""
        )
        assert broken == [], (name, broken)
        unexplained = page.evaluate(
            """() => [...document.querySelectorAll('[aria-invalid=true]')]
                .filter(e => ![e, e.closest('fieldset')].some(owner => owner
                  && (owner.getAttribute('aria-describedby') || '').split(/\\s+/)
                    .some(id => id.endsWith('_error') && document.getElementById(id))))
                .map(e => e.id)"""
        )
        assert unexplained == [], (name, unexplained)


def test_review_form_errors_are_summarised_first_with_links_to_their_fields(
    live_server, page, supplier
):
    page.goto(live_server.url + "/leverantorer/arabiska-jobb-ab/omdome/")
    submit_empty_review(page, "sv")
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    links = summary.get_by_role("link")
    assert links.count() >= 3
    for i in range(links.count()):
        target = links.nth(i).get_attribute("href").removeprefix("#")
        assert page.locator(f"[id='{target}']").count() == 1, target
    links.first.click()
    assert page.evaluate("document.activeElement.getAttribute('aria-invalid')") == "true"


def test_easy_read_pages_have_no_axe_violations_one_h1_and_the_landmarks(
    live_server, page, axe, supplier
):
    reports = []
    for name, path, _action in EASY_READ_STATES:
        page.goto(live_server.url + path)
        assert page.locator("html").get_attribute("lang") == "sv", name
        assert page.get_by_role("heading", level=1).count() == 1, name
        for role in ["banner", "main", "contentinfo"]:
            assert page.get_by_role(role).count() == 1, (name, role)
        results = axe.run(page)
        if results.violations_count:
            reports.append(f"{name}:\n{results.generate_report()}")
    assert not reports, "\n\n".join(reports)


@pytest.mark.parametrize("language", RIGHT_TO_LEFT)
def test_right_to_left_pages_are_mirrored(live_server, page, supplier, language):
    page.goto(live_server.url + f"/{language}/leverantorer/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    viewport = page.viewport_size["width"]
    # The filters are the first column: on the right in Arabic.
    filters = page.locator("#filters").bounding_box()
    results = page.locator("#results").bounding_box()
    assert filters["x"] > results["x"]
    assert filters["x"] + filters["width"] > viewport / 2
    assert page.locator("#id_kommun").evaluate("e => getComputedStyle(e).direction") == "rtl"


def active_element(page):
    return page.evaluate(
        "() => { const e = document.activeElement;"
        " return e ? (e.id || e.getAttribute('href') || e.tagName) : null; }"
    )


@pytest.mark.parametrize("language", PREFIXES)
def test_keyboard_skip_link_then_filters_then_results_without_a_trap(
    live_server, page, supplier, language
):
    prefix = PREFIXES[language]
    page.goto(live_server.url + prefix + "/leverantorer/?kommun=0380")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name=text(language, "Hoppa till innehållet"))
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box["y"] >= 0 and box["height"] >= 44, "the focused skip link is visible"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    order = []
    for _ in range(200):
        page.keyboard.press("Tab")
        order.append(active_element(page))
        if order[-1] == prefix + "/leverantorer/arabiska-jobb-ab/?kommun=0380":
            break
    else:
        raise AssertionError(f"Tab never reached the results: {order}")
    assert order[0] == "id_kommun"
    assert order.index("id_sprak_0") < order.index("id_q") < order.index("BUTTON")

    # Going on, focus leaves the page and comes back to the skip link: no trap.
    for _ in range(200):
        page.keyboard.press("Tab")
        if active_element(page) == "#main":
            break
    else:
        raise AssertionError("Tab never came back round to the skip link")


def test_keyboard_focus_is_clearly_visible(live_server, page, supplier):
    page.goto(live_server.url + "/leverantorer/")
    for _ in range(8):
        page.keyboard.press("Tab")
        style = page.evaluate(
            "() => { const s = getComputedStyle(document.activeElement);"
            " return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow]; }"
        )
        # A dark ring (contrast on white) inside a yellow one (contrast on the blue header).
        assert style[:3] == ["solid", "3px", "rgb(27, 27, 27)"], (active_element(page), style)
        assert style[3].startswith("rgb(255, 191, 71) 0px 0px 0px 6px"), style


def test_filters_fold_behind_a_button_on_a_phone_and_open_with_the_keyboard(
    live_server, browser, supplier
):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(live_server.url + "/leverantorer/")
    toggle = page.locator("summary", has_text="Filtrera")
    expect(page.locator("[data-filters-panel]")).not_to_have_attribute("open", "")
    expect(page.get_by_label("Kommun eller ort")).to_be_hidden()
    toggle.focus()
    page.keyboard.press("Enter")
    expect(page.locator("[data-filters-panel]")).to_have_attribute("open", "")
    page.get_by_label("Kommun eller ort").select_option(label="Uppsala")
    # The third is Stängda Steg AB: found, but its office takes no new participants.
    expect(page.locator("#result-count")).to_have_text("3 leverantörer nära Uppsala")
    context.close()


def test_without_javascript_the_filters_open_on_a_phone(live_server, browser, supplier):
    context = browser.new_context(viewport={"width": 320, "height": 640}, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/leverantorer/")
    page.locator("summary", has_text="Filtrera").click()
    expect(page.get_by_label("Kommun eller ort")).to_be_visible()
    context.close()


def horizontal_overflow(page):
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


@pytest.mark.parametrize("language", PREFIXES)
def test_every_page_reflows_at_320_css_pixels_without_horizontal_scrolling(
    live_server, browser, supplier, language, monkeypatch
):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    for name, path, action in STATES:
        page.goto(live_server.url + PREFIXES[language] + path)
        if name == "search with filters":
            page.locator("summary", has_text=text(language, "Filtrera")).click()
        if action:
            action(page, language)
        assert horizontal_overflow(page) <= 0, (name, widest_elements(page))
    context.close()


def widest_elements(page):
    """What sticks out sideways, for the failure message."""
    return page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .map(e => [e.outerHTML.slice(0, 80), e.getBoundingClientRect()])
            .filter(([, r]) => r.left < 0 || r.right > window.innerWidth)
            .map(([html, r]) => `${html} ${r.left}..${r.right}`).slice(0, 5)"""
    )


@pytest.mark.parametrize("language", PREFIXES)
def test_text_at_200_percent_keeps_the_layout_without_horizontal_scrolling(
    live_server, browser, supplier, language
):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    for path in ["/", "/leverantorer/?kommun=0380", "/leverantorer/arabiska-jobb-ab/", "/ka/"]:
        page.goto(live_server.url + PREFIXES[language] + path)
        before = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
        page.evaluate("document.documentElement.style.fontSize = '200%'")
        after = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
        assert after == pytest.approx(2 * before), path
        assert horizontal_overflow(page) <= 0, path
    context.close()


@pytest.mark.parametrize("width", [320, 1280])
def test_controls_are_at_least_44_by_44_pixels(live_server, browser, supplier, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    small = []
    for path in ["/leverantorer/?kommun=0380", "/leverantorer/arabiska-jobb-ab/", "/ka/"]:
        page.goto(live_server.url + path)
        toggle = page.locator("[data-filters-toggle]")
        if toggle.is_visible():
            toggle.click()
        small += page.evaluate(
            """() => [...document.querySelectorAll(
                  'header a, header summary, main button, main select,'
                  + ' main input:not([type=checkbox]),'
                  + ' main a.button, .filters a, .pagination a, .breadcrumbs a, .card__title a,'
                  + ' .choice-list__options label, .field--checkbox label')]
                .filter(e => e.offsetParent !== null)
                .map(e => [e.outerHTML.slice(0, 80), e.getBoundingClientRect()])
                .filter(([, r]) => r.height < 44 || r.width < 44)
                .map(([html, r]) => `${location.pathname}: ${html} ${r.width}x${r.height}`)"""
        )
    context.close()
    assert not small, "\n".join(small)


def test_reduced_motion_turns_off_every_transition_and_animation(live_server, browser, supplier):
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    page.goto(live_server.url + "/leverantorer/arabiska-jobb-ab/")
    open_dialog(page, "sv")
    moving = page.evaluate(
        """() => [...document.querySelectorAll('*')].filter(e => {
              const s = getComputedStyle(e);
              return s.animationName !== 'none'
                || s.transitionDuration.split(',').some(d => parseFloat(d) > 0);
           }).map(e => e.tagName)"""
    )
    assert moving == []
    assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "auto"
    context.close()


def test_design_page_has_no_axe_violations(live_server, page, axe, settings):
    settings.DEBUG = True
    page.goto(live_server.url + "/design/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Komponenter")
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_report()
