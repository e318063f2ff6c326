"""The search on the contract model: the delivery area filter, suppliers whose contracts are
known before their offices, and compare links that name offices by their url key."""

import re

import pytest

from tests.bidi import without_bidi
from tests.offices.factories import ContractFactory, OfficeFactory, delivery_area, municipality
from tests.suppliers.factories import SupplierFactory
from tests.suppliers.found import found_names

pytestmark = pytest.mark.django_db

URL = "/leverantorer/"
UPPSALA, KIRUNA = "0380", "2584"


def names(response):
    return sorted(found_names(response))


def card_of(response, name):
    text = without_bidi(response.text)
    start = text.index(f">{name}</a>")
    return text[start : text.index("</li>", start)]


def supplier_with_office_in(code, **kwargs):
    supplier = SupplierFactory(**kwargs)
    OfficeFactory(supplier=supplier, municipality=municipality(code))
    return supplier


def test_area_filter_keeps_suppliers_with_a_contract_in_force_in_the_area(client):
    supplier_with_office_in(UPPSALA, name="I Uppsala AB")
    supplier_with_office_in(KIRUNA, name="I Kiruna AB")
    ended = supplier_with_office_in(KIRUNA, name="Upphört i Uppsala AB")
    ContractFactory(supplier=ended, delivery_area=delivery_area("uppsala"), ended=True)
    only_contract = SupplierFactory(name="Bara avtal AB")
    ContractFactory(supplier=only_contract, delivery_area=delivery_area("uppsala"))
    response = client.get(URL, {"omrade": "uppsala"})
    assert names(response) == ["Bara avtal AB", "I Uppsala AB"]
    assert re.search(r"2 leverantörer\s+med avtal i Uppsala", response.text)


def test_area_and_municipality_combine(client):
    supplier_with_office_in(UPPSALA, name="Nära med avtal AB")
    supplier_with_office_in("0188", name="Nära i ett annat område AB")  # Norrtälje
    far = supplier_with_office_in(KIRUNA, name="Långt bort med avtal AB")
    ContractFactory(supplier=far, delivery_area=delivery_area("uppsala"))
    assert len(names(client.get(URL, {"kommun": UPPSALA, "avstand": "100"}))) == 2
    response = client.get(URL, {"kommun": UPPSALA, "avstand": "100", "omrade": "uppsala"})
    assert names(response) == ["Nära med avtal AB"]
    assert re.search(r"1 leverantör\s+nära Uppsala\s+med avtal i Uppsala", response.text)


def test_area_select_lists_areas_with_contracts_grouped_by_af_region(client):
    supplier_with_office_in(UPPSALA)
    supplier_with_office_in(KIRUNA)
    text = client.get(URL).text
    select = text[
        text.index('name="omrade"') : text.index("</select>", text.index('name="omrade"'))
    ]
    assert '<option value="" selected>Alla leveransområden</option>' in select
    assert re.search(r'<optgroup label="Region Mitt">\s*<option value="uppsala">Uppsala', select)
    assert re.search(r'<optgroup label="Region Nord">\s*<option value="kiruna">Kiruna', select)
    assert "stockholm-mitt" not in select


def test_an_area_without_contracts_is_ignored_with_a_note(client):
    supplier_with_office_in(UPPSALA, name="Jobbcoach AB")
    response = client.get(URL, {"omrade": "gotland"})
    assert response.status_code == 200
    assert names(response) == ["Jobbcoach AB"]
    assert "Leveransområde: ”gotland” – finns inte i listan" in response.text


def test_card_shows_the_areas_contract_ka_number_when_an_area_is_chosen(client):
    supplier = supplier_with_office_in(UPPSALA, name="Jobbcoach AB")
    supplier.contracts.update(ka_number="10071234")
    card = card_of(client.get(URL, {"omrade": "uppsala"}), "Jobbcoach AB")
    assert "Avtal KA 10071234" in card
    assert "Leveransområde Uppsala" in card


def test_supplier_known_only_from_af_files_is_found_and_says_addresses_are_unknown(client):
    supplier = SupplierFactory(name="Ny från filen AB", organisation_number=None)
    ContractFactory(supplier=supplier, ka_number="10075555", delivery_area=delivery_area("uppsala"))
    for params in [{}, {"q": "ny fran"}, {"omrade": "uppsala"}]:
        response = client.get(URL, params)
        assert names(response) == ["Ny från filen AB"], params
    card = card_of(client.get(URL), "Ny från filen AB")
    assert "<dt>Kontor</dt><dd>Adresserna är inte kända ännu</dd>" in card
    assert "Jämför" not in card
    page = client.get(supplier.get_absolute_url()).text
    assert "10075555" in page
    assert "Adresserna är inte kända ännu, eller så listar Arbetsförmedlingen inte" in page


def test_supplier_whose_known_offices_are_all_closed_is_not_listed(client):
    OfficeFactory(supplier__name="Stängt AB", is_active=False)
    assert names(client.get(URL)) == []


def test_compare_links_name_offices_by_their_url_key(client):
    supplier = supplier_with_office_in(UPPSALA, name="Jobbcoach AB")
    office = supplier.offices.get()
    response = client.get(URL, {"kommun": UPPSALA})
    assert f'href="?kommun={UPPSALA}&amp;kontor={office.url_key}"' in card_of(
        response, "Jobbcoach AB"
    )
    compared = client.get(URL, {"kommun": UPPSALA, "kontor": office.url_key})
    card = card_of(compared, "Jobbcoach AB")
    assert "Ta bort ur jämförelsen" in card
    assert f'<input type="hidden" name="kontor" value="{office.url_key}">' in compared.text
    page = client.get(supplier.get_absolute_url(), {"kontor": office.url_key}).text
    assert f'href="/jamfor/?kontor={office.url_key}"' in page
    assert 'href="?">Ta bort ur jämförelsen' in page
