import datetime
import re

import pytest
import segno
from django.utils import timezone

from offices.models import Office
from tests.offices.factories import ContractFactory, OfficeFactory, delivery_area, municipality
from tests.suppliers.factories import SupplierFactory

pytestmark = pytest.mark.django_db


def choose_url(office, key=None):
    return f"/leverantorer/{office.supplier.slug}/kontor/{key or office.url_key}/valj/"


@pytest.fixture
def office():
    supplier = SupplierFactory(name="Jobbcoach Norr AB", organisation_number="5560360793")
    contract = ContractFactory(
        supplier=supplier, ka_number="10071234", delivery_area=delivery_area("lulea")
    )
    return OfficeFactory(
        supplier=supplier,
        contract=contract,
        name="Jobbcoach Luleå",
        legacy_ka_number="123456",
        street_address="Storgatan 1",
        postal_code="97231",
        postal_town="Luleå",
        municipality=municipality("2580"),
    )


def test_choice_page_without_javascript_says_exactly_what_to_tell_the_caseworker(client, office):
    response = client.get(choose_url(office))
    assert response.status_code == 200
    text = response.text
    for expected in [
        "<html",
        "Så berättar du för Arbetsförmedlingen</h1>",
        "Berätta för din handläggare",
        "avtalets KA-nummer och kontorets adress",
        '<bdi dir="ltr">556036-0793</bdi>',
        "Luleå",
        "Jobbcoach Luleå",
        'Storgatan 1<br><bdi dir="ltr">972 31</bdi> Luleå',
        f'<bdi dir="ltr" class="ka-number ka-number--large" id="ka-number-{office.pk}">'
        "10071234</bdi>",
        "Kopiera uppgifterna",
        "närmast ditt hem",
        "betalar du resorna själv",
        "Du kan byta leverantör senare",
        "Skriv ut",
        "Tillbaka till leverantören",
        f'href="/leverantorer/jobbcoach-norr-ab/#kontor-{office.url_key}"',
    ]:
        assert expected in text, expected


def test_choice_claims_no_choice_and_names_only_ways_arbetsformedlingen_confirms(client, office):
    text = client.get(choose_url(office)).text
    assert "Du har valt" not in text
    assert "Du har inte valt" in text and "Jobbcoach Norr AB" in text
    assert "Matchningskollen skickar ingenting till Arbetsförmedlingen." in text
    assert "bokade möte med din handläggare" in text
    assert "Fråga din handläggare senast när du måste välja." in text
    # Neither a message on "Mina sidor" nor a phone call is a way AF's own pages confirm.
    assert "Mina sidor" not in text
    assert "0771" not in text


def test_choice_carries_date_address_and_source_in_the_printout_and_the_copy(client, office):
    text = client.get(choose_url(office)).text
    today = timezone.localdate().isoformat()
    page_url = f"http://testserver{choose_url(office)}"
    assert (
        f'Uppgifterna hämtades <bdi dir="ltr">{today}</bdi> från <bdi dir="ltr">{page_url}</bdi>. '
        "Källa: Matchningskollen." in text
    )
    copied = re.search(r"<textarea[^>]*data-copy-text>(.*?)</textarea>", text, re.S).group(1)
    assert copied.splitlines() == [
        "Leverantör: Jobbcoach Norr AB",
        "Kontor: Jobbcoach Luleå",
        "Adress: Storgatan 1, 972 31 Luleå",
        "KA-nummer: 10071234",
        "Leveransområde: Luleå",
        "",
        f"Datum: {today}",
        f"Sidan: {page_url}",
        "Källa: Matchningskollen",
    ]


def test_copied_text_in_arabic_keeps_each_value_left_to_right(client, office):
    text = client.get("/ar" + choose_url(office)).text
    copied = re.search(r"<textarea[^>]*data-copy-text>(.*?)</textarea>", text, re.S).group(1)
    assert "\u2066Storgatan 1, 972 31 Luleå\u2069" in copied
    assert "\u206610071234\u2069" in copied
    assert "\u2066Matchningskollen\u2069" in copied


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_choice_has_a_qr_code_drawn_on_the_server_that_opens_the_caseworker_page(
    client, office, prefix
):
    text = client.get(prefix + choose_url(office)).text
    ka_url = "http://testserver/ka/10071234/"
    qr = re.search(r'<figure class="choice__qr">.*?</figure>', text, re.S).group(0)
    svg = re.search(r"<svg [^>]*>.*?</svg>", qr, re.S).group(0)
    assert 'role="img"' in svg and f"{ka_url}" in svg
    # The drawing is the QR code of exactly that address (the caseworker's page, in Swedish).
    expected = segno.make(ka_url, error="m").svg_inline(scale=4, omitsize=True)
    assert re.search(r' d="([^"]+)"', svg).group(1) == re.search(r' d="([^"]+)"', expected).group(1)
    assert (
        "<script"
        not in re.search(r'<div class="choice".*', text, re.S).group(0).split("</main>")[0]
    )
    assert f'<bdi dir="ltr">{ka_url}</bdi>' in text


def test_choice_says_all_the_contracts_offices_share_the_ka_number(client, office):
    other = OfficeFactory(
        supplier=office.supplier,
        contract=office.contract,
        name="Jobbcoach Luleå centrum",
        street_address="Smedjegatan 9",
        municipality=municipality("2580"),
    )
    texts = [client.get(choose_url(chosen)).text for chosen in (office, other)]
    for text in texts:
        assert "10071234</bdi>" in text
        assert "Alla kontor i avtalet har samma KA-nummer." in text
        assert "Säg därför också vilket kontor du har valt: adressen." in text
    assert "Storgatan 1<br>" in texts[0] and "Smedjegatan 9<br>" in texts[1]
    assert "Storgatan 1, " in texts[0] and "Smedjegatan 9, " in texts[1]


def test_choice_for_htmx_is_the_dialog_content_only(htmx_client, office):
    response = htmx_client.get(choose_url(office))
    assert response.status_code == 200
    assert "<html" not in response.text
    assert 'id="choose-heading"' in response.text and "<h2" in response.text
    assert 'data-ka-number="10071234"' in response.text
    assert "HX-Request" in response["Vary"]


@pytest.mark.parametrize("old_key", ["123456", "KA%20123%20456", "ka-123456"])
def test_old_links_with_the_offices_own_ka_number_move_permanently_to_the_office(
    client, office, old_key
):
    response = client.get(choose_url(office, old_key))
    assert response.status_code == 301
    assert response["Location"] == choose_url(office)


def test_a_link_with_an_old_office_name_moves_permanently_to_the_current_one(client, office):
    response = client.get(choose_url(office, f"{office.pk}-gammalt-namn"))
    assert response.status_code == 301
    assert response["Location"] == choose_url(office)
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize(
    "make_url",
    [
        lambda office: f"/leverantorer/finns-inte/kontor/{office.url_key}/valj/",
        lambda office: choose_url(office, f"{office.pk + 1000}-kontor"),
        lambda office: choose_url(office, "999999"),
        lambda office: choose_url(office, "10071234"),
        lambda office: choose_url(office, "abc"),
        lambda office: choose_url(office, "-1-kontor"),
        lambda office: choose_url(office, "%00"),
        lambda office: choose_url(office, "1" * 500),
        lambda office: choose_url(office, "9" * 10 + "-kontor"),
        lambda office: (
            f"/leverantorer/{OfficeFactory().supplier.slug}/kontor/{office.url_key}/valj/"
        ),
        lambda office: f"/leverantorer/{OfficeFactory().supplier.slug}/kontor/123456/valj/",
    ],
    ids=[
        "unknown-supplier",
        "unknown-office",
        "unknown-old-number",
        "the-contracts-ka-number",
        "letters",
        "negative",
        "nul",
        "huge",
        "huge-id",
        "office-of-another-supplier",
        "old-number-of-another-suppliers-office",
    ],
)
def test_choice_of_an_unknown_or_mismatched_office_is_a_helpful_404(client, office, make_url):
    response = client.get(make_url(office))
    assert response.status_code == 404
    assert "Vi hittar inte sidan" in response.text
    assert "/leverantorer/" in response.text


def test_choice_of_an_inactive_office_says_it_cannot_be_chosen(client, office):
    office.is_active = False
    office.save()
    text = client.get(choose_url(office)).text
    assert "Kontoret går inte att välja" in text
    assert "är inte aktivt just nu" in text
    assert "Kopiera uppgifterna" not in text
    assert client.get(choose_url(office, "123456"), follow=True).status_code == 200


def test_choice_of_an_office_of_an_inactive_supplier_is_404(client, office):
    office.supplier.is_active = False
    office.supplier.save()
    assert client.get(choose_url(office)).status_code == 404


def test_choice_of_an_office_whose_contract_has_ended_says_so(client, office):
    office.contract.in_force = False
    office.contract.save()
    text = client.get(choose_url(office)).text
    assert "gäller inte längre. Du kan inte välja kontoret." in text
    assert "ka-number--large" not in text


def test_choice_of_an_office_af_no_longer_lists_says_since_when(htmx_client, office):
    Office.objects.filter(pk=office.pk).update(no_longer_listed_on=datetime.date(2026, 11, 2))
    text = htmx_client.get(choose_url(office)).text
    assert "listar inte" in text and "sedan 2 november 2026" in text
    assert "ka-number--large" not in text


def test_choice_without_a_known_ka_number_says_to_give_name_and_address(client):
    contract = ContractFactory(ka_number=None)
    office = OfficeFactory(supplier=contract.supplier, contract=contract)
    text = client.get(choose_url(office)).text
    assert "Inte känt ännu. Säg leverantörens namn och kontorets adress." in text
    assert "KA-nummer: inte känt ännu" in text
    assert "choice__qr" not in text
