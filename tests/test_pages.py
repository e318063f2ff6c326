import re

import pytest

from tests.offices.factories import OfficeFactory

# Every full page asks the database once, whether the register holds example data.
pytestmark = pytest.mark.django_db

PAGES = ["/om-rusta-och-matcha/", "/fragor-och-svar/"]


def main_text(response):
    """The visible text of <main>, without tags and with whitespace collapsed."""
    html = response.text[response.text.index("<main") : response.text.index("</main>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("url", PAGES)
def test_information_page_has_exactly_one_h1(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response.text.count("<h1") == 1


@pytest.mark.parametrize("url", PAGES)
def test_information_page_is_in_the_main_menu_and_served_in_english_too(client, url):
    assert f'<a href="{url}">' in client.get(url).text
    assert client.get("/en" + url).status_code == 200


def test_about_page_has_a_table_of_contents_linking_to_each_section(client):
    html = client.get("/om-rusta-och-matcha/").text
    toc = html[html.index('class="toc"') : html.index("</nav>", html.index('class="toc"'))]
    anchors = re.findall(r'href="#([^"]+)"', toc)
    assert len(anchors) >= 8
    for anchor in anchors:
        assert f'id="{anchor}"' in html


def test_about_page_explains_the_four_steps_in_order(client):
    text = main_text(client.get("/om-rusta-och-matcha/"))
    steps = [
        "Du får ett beslut",
        "Du väljer leverantör",
        "Du gör en plan med din jobbcoach",
        "Du får jobb eller börjar studera",
    ]
    positions = [text.index(step) for step in steps]
    assert positions == sorted(positions)


def test_about_page_explains_levels_length_and_rights_and_duties(client):
    text = main_text(client.get("/om-rusta-och-matcha/"))
    for fact in [
        "tre nivåer",
        "statistiskt bedömningsstöd",
        "tolv månader",
        "aktivitetsstöd",
        "aktivitetsrapport",
        "sjuk",
        "sfi",
        "varannan vecka",
        "var fjärde vecka",
    ]:
        assert fact in text


@pytest.mark.parametrize("url", PAGES)
def test_information_page_says_how_to_tell_arbetsformedlingen_the_choice(client, url):
    text = main_text(client.get(url))
    assert "bokade möte" in text
    assert "KA-nummer" in text
    assert "Fråga din handläggare senast när du måste välja." in text
    # Only the way Arbetsförmedlingen's own pages confirm: no "Mina sidor", no phone call.
    assert "Mina sidor" not in text
    assert "0771" not in text


@pytest.mark.parametrize("url", PAGES)
def test_information_page_states_the_nearest_supplier_rule_and_own_travel_cost(client, url):
    text = main_text(client.get(url))
    assert "får du den leverantör som finns närmast där du bor" in text
    assert "betalar du själv dina resor" in text


@pytest.mark.parametrize("url", PAGES)
def test_information_page_tells_the_two_kinds_of_stars_apart(client, url):
    text = main_text(client.get(url))
    assert "1–5 stjärnor" in text
    # Arbetsförmedlingen's grade is drawn as a bar with four steps, never as stars.
    assert "1–4 stjärnor" not in text
    assert "stapel med fyra steg" in text
    assert "resultatbetyg" in text
    assert "Inget betyg ännu" in text
    assert "Det betyder inte att leverantören är dålig" in text


def test_faq_answers_are_details_with_a_summary(client):
    html = client.get("/fragor-och-svar/").text
    assert html.count("<details>") >= 10
    assert html.count("<details>") == html.count("<summary>")


@pytest.mark.parametrize("url", PAGES)
def test_information_page_leads_to_the_supplier_search(client, url):
    assert '<a class="button" href="/leverantorer/">Sök leverantör</a>' in client.get(url).text


def test_home_page_explains_rusta_och_matcha_and_leads_straight_to_the_search(client):
    OfficeFactory()
    response = client.get("/")
    text = main_text(response)
    assert "Rusta och matcha är ett stöd från Arbetsförmedlingen" in text
    assert 'href="/leverantorer/">Sök leverantör</a>' in response.text
    assert '<a href="/om-rusta-och-matcha/">Läs mer om Rusta och matcha</a>' in response.text
    assert "Just nu finns 1 leverantör med 1 kontor i Matchningskollen." in text


@pytest.mark.parametrize("url", ["/", *PAGES])
def test_pages_have_no_inline_scripts_styles_or_event_handlers(client, url):
    html = client.get(url).text
    assert "style=" not in html
    assert "<style" not in html
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)
    assert not re.search(r"\son[a-z]+=", html)


def test_privacy_page_names_every_cookie_and_what_a_review_stores(client):
    response = client.get("/om-kakor-och-personuppgifter/")
    assert response.status_code == 200
    text = response.content.decode()
    for expected in ["neutral_ordning", "csrftoken", "IP-adress", "30 dagar", "inga spårare"]:
        assert expected in text
    assert 'href="/om-kakor-och-personuppgifter/"' in client.get("/").content.decode()


def test_design_page_is_not_found_when_debug_is_off(client, settings):
    settings.DEBUG = False
    assert client.get("/design/").status_code == 404


def test_design_page_shows_the_components_when_debug_is_on(client, settings):
    settings.DEBUG = True
    response = client.get("/design/")
    assert response.status_code == 200
    for component in ["Knappar", "Filterpanel", "Kort", "Stjärnor", "Sidnumrering", "Dialog"]:
        assert f">{component}" in response.text
    # The kit's components, each rendered once from its own template.
    assert response.text.count("data-error-summary") == 1
    assert response.text.count('class="rate-limited"') == 1
    assert response.text.count('class="field field--error"') == 1
    assert "svenska, arabiska, somaliska" in response.text
