"""Lättläst svenska: the information pages and the choice in easy-to-read Swedish."""

import datetime
import re

import pytest

from tests.offices.factories import OfficeFactory
from tests.suppliers.factories import SupplierFactory

pytestmark = pytest.mark.django_db

EASY_READ_PAGES = [
    ("/lattlast/", "Matchningskollen på lättläst svenska"),
    ("/lattlast/om-rusta-och-matcha/", "Det här är Rusta och matcha"),
    ("/lattlast/fragor-och-svar/", "Frågor och svar"),
    ("/lattlast/om-kakor-och-personuppgifter/", "Det här sparar vi om dig"),
]


def sentences(html):
    """The sentences of the paragraphs, list items and headings in <main>."""
    main = html[html.index("<main") : html.index("</main>")]
    blocks = re.findall(r"<(p|li|h[1-3])\b[^>]*>(.*?)</\1>", main, re.DOTALL)
    texts = [re.sub(r"<[^>]+>", " ", text) for _tag, text in blocks]
    return [s.strip() for text in texts for s in re.split(r"[.?!:](?:\s|$)", text) if s.strip()]


@pytest.mark.parametrize(("url", "heading"), EASY_READ_PAGES)
def test_easy_read_pages_are_swedish_whatever_the_browser_asks_for(client, url, heading):
    response = client.get(url, headers={"accept-language": "ar"})
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "sv"
    assert '<html lang="sv" dir="ltr">' in response.text
    assert f"<h1>{heading}</h1>" in response.text


@pytest.mark.parametrize(("url", "heading"), EASY_READ_PAGES)
def test_easy_read_sentences_are_short(client, url, heading):
    """Myndigheten för tillgängliga medier: short sentences, one idea each."""
    found = sentences(client.get(url).text)
    assert len(found) >= 10
    assert [s for s in found if len(s.split()) > 15] == []


@pytest.mark.parametrize(
    ("url", "easy_read"),
    [
        ("/", "/lattlast/"),
        ("/om-rusta-och-matcha/", "/lattlast/om-rusta-och-matcha/"),
        ("/fragor-och-svar/", "/lattlast/fragor-och-svar/"),
        ("/om-kakor-och-personuppgifter/", "/lattlast/om-kakor-och-personuppgifter/"),
        ("/leverantorer/", "/lattlast/"),
        ("/ka/", "/lattlast/"),
    ],
)
def test_every_swedish_page_links_to_its_easy_read_version(client, url, easy_read):
    html = client.get(url).text
    assert (
        f'<a class="language-switcher__easy-read" href="{easy_read}" lang="sv">Lättläst</a>' in html
    )


def test_pages_in_other_languages_have_no_easy_read_link(client):
    assert "language-switcher__easy-read" not in client.get("/en/om-rusta-och-matcha/").text


def test_the_switcher_on_an_easy_read_page_leads_to_the_same_page_in_each_language(client):
    html = client.get("/lattlast/fragor-och-svar/").text
    assert 'href="/fragor-och-svar/" lang="sv"' in html
    assert 'href="/fa/fragor-och-svar/" lang="fa"' in html
    assert 'href="/lattlast/fragor-och-svar/" lang="sv" aria-current="true">Lättläst<' in html


def test_the_choice_in_easy_read_swedish_gives_the_ka_number_and_the_address(client):
    office = OfficeFactory(
        supplier=SupplierFactory(name="Steg AB"), ka_number="10072909", street_address="Storgatan 1"
    )
    url = f"/lattlast/leverantorer/{office.supplier.slug}/kontor/{office.url_key}/valj/"
    html = client.get(url).text
    # Nothing is chosen until the job seeker tells Arbetsförmedlingen, at the booked meeting.
    assert "<h1>Så berättar du om ditt val</h1>" in html
    assert "Du har valt" not in html
    assert "Matchningskollen skickar ingenting till Arbetsförmedlingen." in html
    assert "Mina sidor" not in html
    assert '<p class="ka-number ka-number--large"><bdi dir="ltr">10072909</bdi></p>' in html
    assert "Storgatan 1" in html
    assert f'href="/leverantorer/{office.supplier.slug}/kontor/{office.url_key}/valj/"' in html
    swedish = client.get(url.removeprefix("/lattlast")).text
    assert f'class="language-switcher__easy-read" href="{url}"' in swedish


def test_an_unknown_office_in_easy_read_swedish_is_a_404(client):
    supplier = SupplierFactory()
    response = client.get(f"/lattlast/leverantorer/{supplier.slug}/kontor/0-finns-inte/valj/")
    assert response.status_code == 404


def test_the_sitemap_lists_the_easy_read_pages(client):
    sitemap = client.get("/sitemap.xml").text
    for url, _heading in EASY_READ_PAGES:
        assert f"{url}</loc>" in sitemap


def test_an_office_taking_no_new_participants_is_not_offered_in_easy_read_swedish(client):
    office = OfficeFactory(
        supplier=SupplierFactory(name="Steg AB"),
        ka_number="10072909",
        taking_participants=False,
        taking_participants_from=datetime.date(2027, 1, 30),
    )
    url = f"/lattlast/leverantorer/{office.supplier.slug}/kontor/{office.url_key}/valj/"
    html = client.get(url).text
    assert "<h1>Du kan inte välja det här kontoret just nu</h1>" in html
    assert "10072909" not in html
    assert "30 januari 2027" in html
