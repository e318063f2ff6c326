import pytest

from tests.offices.factories import OfficeFactory
from tests.suppliers.factories import SupplierFactory

pytestmark = pytest.mark.django_db


def choose_url(office, ka_number=None):
    return f"/leverantorer/{office.supplier.slug}/kontor/{ka_number or office.ka_number}/valj/"


@pytest.fixture
def office():
    return OfficeFactory(
        supplier=SupplierFactory(name="Jobbcoach Norr AB", organisation_number="5560360793"),
        name="Jobbcoach Luleå",
        ka_number="123456",
        street_address="Storgatan 1",
        postal_code="97231",
        postal_town="Luleå",
    )


def test_choice_page_without_javascript_says_exactly_what_to_tell_the_caseworker(client, office):
    response = client.get(choose_url(office))
    assert response.status_code == 200
    text = response.text
    for expected in [
        "<html",
        "Du har valt Jobbcoach Norr AB</h1>",
        "Berätta för din handläggare på Arbetsförmedlingen",
        "556036-0793",
        "Jobbcoach Luleå",
        "Storgatan 1<br>972 31 Luleå",
        '<span class="ka-number ka-number--large" id="ka-number-123456">123456</span>',
        "Kopiera KA-nummer",
        "Mina sidor",
        "0771-416 416",
        "närmast ditt hem",
        "betalar du resorna själv",
        "Du kan byta leverantör senare",
        "Skriv ut",
        "Tillbaka till leverantören",
    ]:
        assert expected in text, expected


def test_choice_for_htmx_is_the_dialog_content_only(htmx_client, office):
    response = htmx_client.get(choose_url(office))
    assert response.status_code == 200
    assert "<html" not in response.text
    assert 'id="choose-heading"' in response.text and "<h2" in response.text
    assert "123456" in response.text
    assert "HX-Request" in response["Vary"]


def test_ka_number_typed_with_prefix_and_spaces_finds_the_office(client, office):
    assert client.get(choose_url(office, "KA%20123%20456")).status_code == 200


@pytest.mark.parametrize(
    "make_url",
    [
        lambda office: f"/leverantorer/finns-inte/kontor/{office.ka_number}/valj/",
        lambda office: choose_url(office, "999999"),
        lambda office: choose_url(office, "abc"),
        lambda office: choose_url(office, "%00"),
        lambda office: choose_url(office, "1" * 500),
        lambda office: (
            f"/leverantorer/{OfficeFactory().supplier.slug}/kontor/{office.ka_number}/valj/"
        ),
    ],
    ids=["unknown-supplier", "unknown-ka", "letters", "nul", "huge", "office-of-another-supplier"],
)
def test_choice_of_an_unknown_or_mismatched_office_is_a_helpful_404(client, office, make_url):
    response = client.get(make_url(office))
    assert response.status_code == 404
    assert "Vi hittar inte sidan" in response.text
    assert "/leverantorer/" in response.text


def test_choice_of_an_inactive_office_is_404(client, office):
    office.is_active = False
    office.save()
    assert client.get(choose_url(office)).status_code == 404


def test_choice_of_an_office_of_an_inactive_supplier_is_404(client, office):
    office.supplier.is_active = False
    office.supplier.save()
    assert client.get(choose_url(office)).status_code == 404
