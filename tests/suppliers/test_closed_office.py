"""An office that takes no new participants is never offered as a choice: each page says so
where the button was and points to the nearest offices that do take participants."""

import datetime
import re

import pytest

from tests.offices.factories import ContractFactory, OfficeFactory, delivery_area, municipality
from tests.suppliers.factories import SupplierFactory

pytestmark = pytest.mark.django_db

REOPENS = datetime.date(2027, 1, 30)


def choose_url(office):
    return f"/leverantorer/{office.supplier.slug}/kontor/{office.url_key}/valj/"


def main_text(response):
    html = response.text
    return html[html.index("<main") : html.index("</main>")]


@pytest.fixture
def norr():
    """Jobbcoach Norr: its Luleå office is closed until 30 January 2027; it has open offices
    in Piteå (about 50 km away) and Kiruna (about 250 km), and a closed one in Boden."""
    supplier = SupplierFactory(name="Jobbcoach Norr AB")
    contract = ContractFactory(
        supplier=supplier, ka_number="10071234", delivery_area=delivery_area("lulea")
    )

    def office(name, code, **kwargs):
        return OfficeFactory(
            supplier=supplier,
            contract=contract,
            name=name,
            municipality=municipality(code),
            **kwargs,
        )

    return {
        "supplier": supplier,
        "closed": office(
            "Jobbcoach Luleå",
            "2580",
            taking_participants=False,
            taking_participants_from=REOPENS,
        ),
        "kiruna": office("Jobbcoach Kiruna", "2584"),
        "pitea": office("Jobbcoach Piteå", "2581"),
        "boden": office("Jobbcoach Boden", "2582", taking_participants=False),
    }


@pytest.fixture
def others():
    """Another supplier's open office in Luleå, a closed one in Boden, and an open one in
    Stockholm, outside the county."""
    return {
        "lulea": OfficeFactory(
            supplier__name="Arbetslinjen AB",
            name="Arbetslinjen Luleå",
            municipality=municipality("2580"),
        ),
        "boden": OfficeFactory(
            supplier__name="Stängda AB",
            name="Stängda Boden",
            municipality=municipality("2582"),
            taking_participants=False,
        ),
        "stockholm": OfficeFactory(supplier__name="Söderjobb AB", name="Söderjobb City"),
    }


def test_choosing_a_closed_office_says_so_and_offers_the_nearest_open_ones(client, norr, others):
    text = main_text(client.get(choose_url(norr["closed"])))
    assert "Kontoret tar inte emot nya deltagare</h1>" in text
    assert "tar emot igen från 30 januari 2027" in text
    assert "ka-number--large" not in text and "Så berättar du" not in text
    same, other = text.split("Andra leverantörer i närheten:")
    # Nearest first; closed offices and offices outside the county are not offered.
    assert same.index("Jobbcoach Piteå") < same.index("Jobbcoach Kiruna")
    assert "Jobbcoach Boden" not in text
    assert f'href="{choose_url(norr["pitea"])}"' in same
    assert "Arbetslinjen Luleå" in other and f'href="{choose_url(others["lulea"])}"' in other
    assert "Stängda Boden" not in text and "Söderjobb" not in text


def test_the_dialog_for_a_closed_office_offers_the_open_ones_too(htmx_client, norr, others):
    text = htmx_client.get(choose_url(norr["closed"])).text
    assert "<html" not in text
    assert "Kontoret tar inte emot nya deltagare</h2>" in text
    assert "Jobbcoach Piteå" in text and "Arbetslinjen Luleå" in text


def test_without_any_open_office_nearby_the_page_says_so_and_links_the_search(client):
    closed = OfficeFactory(taking_participants=False)
    text = main_text(client.get(choose_url(closed)))
    assert "Vi hittar inga andra kontor i närheten som tar emot nya deltagare" in text
    assert 'href="/leverantorer/?tar_emot=on"' in text


def test_supplier_page_shows_no_choose_or_compare_button_for_a_closed_office(client, norr):
    text = main_text(client.get(norr["supplier"].get_absolute_url()))
    closed = text[text.index(f'id="kontor-{norr["closed"].url_key}"') :]
    closed = closed[: closed.index("</li>")]
    assert "Välj leverantör" not in closed and "Jämför" not in closed
    assert "Du kan inte välja kontoret just nu." in closed
    assert f'href="{choose_url(norr["closed"])}"' in closed
    assert "Se kontor i närheten som tar emot nya deltagare" in closed
    open_office = text[text.index(f'id="kontor-{norr["pitea"].url_key}"') :]
    assert "Välj leverantör" in open_office[: open_office.index("</li>")]


def test_search_card_compares_an_open_office_even_when_a_closed_one_is_nearer(client, norr):
    text = main_text(client.get("/leverantorer/?kommun=2580&tar_emot=on"))
    card = re.search(r'<li class="card">.*?</li>\s*(?=<li class="card">|</ol>)', text, re.S)
    card = card.group(0)
    assert "Jobbcoach Norr AB" in card
    assert "(Jobbcoach Luleå)" not in card
    # Piteå is the nearest office to Luleå that takes participants.
    assert "Jobbcoach Piteå" in card
    assert f"kontor={norr['pitea'].url_key}" in card


def test_search_card_of_a_supplier_without_open_offices_says_so(client):
    OfficeFactory(supplier__name="Stängda AB", taking_participants=False)
    text = main_text(client.get("/leverantorer/"))
    assert "Inget av leverantörens kontor tar emot nya deltagare just nu." in text
    assert "Jämför" not in text


def test_comparison_shows_no_choose_button_for_a_closed_office(client, norr):
    query = f"?kontor={norr['closed'].url_key}&kontor={norr['pitea'].url_key}"
    text = main_text(client.get(f"/jamfor/{query}"))
    assert text.count(">Välj leverantör <") == 1
    assert "Tar inte emot nya deltagare. Du kan inte välja kontoret just nu." in text
    assert f'href="{choose_url(norr["closed"])}"' in text


def test_caseworker_page_shows_a_closed_office_as_not_taking_participants(client, norr):
    text = main_text(client.get("/ka/10071234/"))
    closed = text[text.index(f'id="kontor-{norr["closed"].url_key}"') :]
    closed = closed[: closed.index("</li>")]
    assert "Aktivt" not in closed
    assert "office-status--active" not in closed
    assert "<strong>Tar inte emot nya deltagare</strong> – tar emot igen från 30 januari 2027" in (
        " ".join(closed.split())
    )
    assert text.count("<strong>Aktivt</strong>") == 2  # Piteå and Kiruna
    # The caseworker can show the job seeker the nearest offices that take participants.
    assert f'href="{choose_url(norr["closed"])}">Kontor i närheten som tar emot nya deltagare' in (
        closed
    )


def test_caseworker_json_says_whether_each_office_can_be_chosen_now(client, norr):
    offices = {
        office["name"]: office
        for office in client.get("/ka/10071234/?format=json").json()["contract"]["offices"]
    }
    assert offices["Jobbcoach Luleå"]["active"] is True
    assert offices["Jobbcoach Luleå"]["choosable"] is False
    assert offices["Jobbcoach Luleå"]["taking_new_participants"] is False
    assert offices["Jobbcoach Luleå"]["taking_new_participants_from"] == "2027-01-30"
    assert offices["Jobbcoach Piteå"]["choosable"] is True


def test_caseworker_search_lists_a_closed_office_as_not_taking_participants(client, norr):
    text = " ".join(main_text(client.get("/ka/", {"q": "Jobbcoach Norr"})).split())
    assert (
        'Jobbcoach Luleå</bdi>, <bdi lang="sv" dir="auto">Luleå</bdi> (tar inte emot nya deltagare)'
        in (text)
    )
    assert 'Jobbcoach Piteå</bdi>, <bdi lang="sv" dir="auto">Piteå</bdi></li>' in text
