"""Who runs Matchningskollen, how to reach it, the accessibility statement, and the facts
and words a job seeker meets at Arbetsförmedlingen."""

import re

import pytest

from krom.af_pages import AF_PAGES

pytestmark = pytest.mark.django_db

ABOUT_US, ACCESSIBILITY = "/om-matchningskollen/", "/tillganglighet/"


def main_text(response):
    html = response.text[response.text.index("<main") : response.text.index("</main>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_about_us_says_who_runs_the_site_how_to_contact_it_and_who_controls_the_data(
    client, settings
):
    settings.SITE_OPERATOR = "Kollen Ideell Förening"
    settings.SITE_OPERATOR_ORGANISATION_NUMBER = "802400-1234"
    settings.SITE_CONTACT_EMAIL = "hej@kollen.example"
    response = client.get(ABOUT_US)
    assert response.status_code == 200
    text = main_text(response)
    assert "Matchningskollen drivs av Kollen Ideell Förening , organisationsnummer 802400-1234" in (
        text
    )
    assert 'href="mailto:hej@kollen.example"' in response.text
    assert "Kollen Ideell Förening är personuppgiftsansvarig" in text
    assert 'href="/om-kakor-och-personuppgifter/"' in response.text
    assert "inte en del av Arbetsförmedlingen" in text
    assert "Rapportera fel" in text
    assert "september 2025" in text and "Omdömena är våra egna" in text


def test_accessibility_statement_has_the_parts_of_a_swedish_public_statement(client, settings):
    settings.SITE_CONTACT_EMAIL = "hej@kollen.example"
    response = client.get(ACCESSIBILITY)
    assert response.status_code == 200
    text = main_text(response)
    headings = re.findall(r"<h[23][^>]*>([^<]+)</h[23]>", response.text)
    for heading in [
        "Hur tillgänglig är webbplatsen?",
        "Vad kan du göra om du inte kan använda delar av webbplatsen?",
        "Rapportera brister i webbplatsens tillgänglighet",
        "Tillsyn",
        "Teknisk information om webbplatsens tillgänglighet",
        "Innehåll som inte är tillgängligt",
        "Hur vi testat webbplatsen",
    ]:
        assert heading in headings, heading
    assert "lagen om tillgänglighet till digital offentlig service" in text
    assert "delvis förenlig med WCAG 2.1 nivå AA" in text
    assert "Myndigheten för digital förvaltning (Digg)" in text
    assert 'href="https://www.digg.se/' in response.text
    assert 'href="mailto:hej@kollen.example"' in response.text
    assert re.search(r"uppdaterades senast \d{1,2} \w+ 20\d\d", text)


@pytest.mark.parametrize("url", [ABOUT_US, ACCESSIBILITY, "/om-kakor-och-personuppgifter/"])
def test_trust_pages_are_linked_from_every_footer_listed_in_the_sitemap_and_translated(client, url):
    footer = client.get("/").text.split('<footer class="site-footer">')[1]
    assert f'href="{url}"' in footer
    assert f"http://testserver{url}</loc>" in client.get("/sitemap.xml").text
    for prefix in ["/en", "/ar"]:
        assert client.get(prefix + url).status_code == 200


def test_about_page_uses_the_words_people_meet_at_arbetsformedlingen(client):
    text = main_text(client.get("/om-rusta-och-matcha/"))
    for word in [
        "Rusta och matcha 2",
        "KROM",
        "handledare",
        "jobbcoach",
        "LOV",
        "valfrihetssystem",
        "förmedlingsinsatser",
    ]:
        assert word in text, word


def test_about_page_says_who_can_get_the_service(client):
    text = main_text(client.get("/om-rusta-och-matcha/"))
    assert "inskriven på Arbetsförmedlingen länge" in text
    for programme in [
        "jobb- och utvecklingsgarantin",
        "jobbgarantin för ungdomar",
        "etableringsprogrammet",
    ]:
        assert programme in text


def test_about_page_lists_every_activity_arbetsformedlingen_names(client):
    html = client.get("/om-rusta-och-matcha/").text
    section = html[
        html.index('id="aktiviteter"') : html.index("</section>", html.index('id="aktiviteter"'))
    ]
    activities = re.findall(r"<li>(.*?)</li>", section, re.S)
    assert len(activities) == 10
    text = " ".join(activities)
    for activity in [
        "vad du kan",
        "arbetsmarknaden",
        "CV",
        "följer upp",
        "söka utbildning",
        "arbetsgivare",
        "mentor",
        "motivation",
        "vägledning",
        "högst 20 timmar",
        "hälsa",
        "digitala verktyg",
        "språk",
    ]:
        assert activity in text, activity


@pytest.mark.parametrize("url", ["/om-rusta-och-matcha/", "/fragor-och-svar/"])
def test_information_pages_link_arbetsformedlingens_own_pages(client, url):
    html = client.get(url).text
    for page in ["rusta-och-matcha", "sok-leverantor", "fragor-och-svar"]:
        assert f'href="{AF_PAGES[page]}"' in html, page
    assert "klagomål" in main_text(client.get(url))


@pytest.mark.parametrize("url", ["/om-rusta-och-matcha/", "/fragor-och-svar/"])
def test_information_pages_say_af_shows_no_participant_reviews_and_ours_are_our_own(client, url):
    text = main_text(client.get(url))
    assert "september 2025" in text
    assert "våra egna" in text
