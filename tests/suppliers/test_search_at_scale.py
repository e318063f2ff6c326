"""What keeps the search fast as the register grows must not change what it finds."""

import random
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from offices.models import Office
from places.geo import distance_km
from suppliers.models import Language, Supplier
from tests.offices.factories import ContractFactory, OfficeFactory, delivery_area, municipality
from tests.reviews.factories import rate
from tests.suppliers.factories import SupplierFactory
from tests.suppliers.found import found_names

pytestmark = pytest.mark.django_db

URL = "/leverantorer/"
UPPSALA = "0380"


def names(response):
    """Every supplier found, on all pages."""
    return sorted(found_names(response, every_page=True))


def test_distance_filter_finds_exactly_the_suppliers_within_the_distance(client):
    """Offices scattered around Uppsala, some without coordinates of their own (they count
    as lying at their municipality's centroid): the search keeps exactly the suppliers
    whose nearest office is within the distance, as measured one by one in Python."""
    uppsala = municipality(UPPSALA)
    rng = random.Random(15)
    places = [municipality(code) for code in ["0380", "0381", "0360", "0305", "0180", "0331"]]
    for n in range(30):
        place = rng.choice(places)
        own_position = rng.random() < 0.7
        OfficeFactory(
            supplier=SupplierFactory(name=f"S{n:02d}"),
            municipality=place,
            latitude=place.latitude + rng.uniform(-0.4, 0.4) if own_position else None,
            longitude=place.longitude + rng.uniform(-0.6, 0.6) if own_position else None,
        )
    for km in [10, 25, 50, 100]:
        expected = sorted(
            office.supplier.name
            for office in Office.objects.select_related("supplier", "municipality")
            if office.distance_km_from(uppsala) <= km
        )
        response = client.get(URL, {"kommun": UPPSALA, "avstand": str(km), "sortering": "namn"})
        assert names(response) == expected, km
        assert 0 < len(expected) < 30 or km == 100


def test_office_is_placed_by_its_own_coordinates_not_its_municipalitys(client):
    """An office registered in Kiruna municipality but standing in Uppsala is near Uppsala;
    one registered in Uppsala but standing in Kiruna is not."""
    uppsala, kiruna = municipality(UPPSALA), municipality("2584")
    OfficeFactory(
        supplier=SupplierFactory(name="Står i Uppsala AB"),
        municipality=kiruna,
        latitude=uppsala.latitude + 0.01,
        longitude=uppsala.longitude,
    )
    OfficeFactory(
        supplier=SupplierFactory(name="Står i Kiruna AB"),
        municipality=uppsala,
        latitude=kiruna.latitude,
        longitude=kiruna.longitude,
    )
    response = client.get(URL, {"kommun": UPPSALA, "avstand": "10"})
    assert names(response) == ["Står i Uppsala AB"]
    assert "närmaste 1 km bort" in response.text
    found = Supplier.objects.filter(name="Står i Uppsala AB").with_distance_from(uppsala).get()
    assert found.nearest_office_km == pytest.approx(
        distance_km(uppsala.latitude, uppsala.longitude, uppsala.latitude + 0.01, uppsala.longitude)
    )


def test_an_office_just_outside_the_distance_is_left_out(client):
    uppsala = municipality(UPPSALA)
    for name, km in [("Innanför AB", 24.9), ("Utanför AB", 25.1)]:
        OfficeFactory(
            supplier=SupplierFactory(name=name),
            municipality=uppsala,
            latitude=uppsala.latitude + km / 111.2,
            longitude=uppsala.longitude,
        )
    response = client.get(URL, {"kommun": UPPSALA, "avstand": "25"})
    assert names(response) == ["Innanför AB"]


def test_reference_data_is_read_once_per_process_not_per_search(client):
    OfficeFactory(supplier=SupplierFactory(name="Någon AB"))
    client.get(URL)
    with CaptureQueriesContext(connection) as queries:
        client.get(URL, {"kommun": UPPSALA, "sprak": "ar"})
    tables = " ".join(query["sql"] for query in queries.captured_queries)
    for table in ["offices_county", "suppliers_language", "suppliers_industry"]:
        assert f'FROM "{table}"' not in tables


def test_an_area_gets_a_contract_in_force_and_appears_among_the_choices(client):
    """The snapshot of areas in use is loaded again when a contract is saved."""
    area = delivery_area("kiruna")
    office = OfficeFactory(
        supplier=SupplierFactory(name="Norr AB"), municipality=municipality("2584")
    )
    office.contract.in_force = False
    office.contract.save()
    before = client.get(URL).text
    assert 'value="kiruna"' not in before
    ContractFactory(supplier=office.supplier, delivery_area=area)
    assert 'value="kiruna"' in client.get(URL).text


def card_text(client, params=None):
    response = client.get(URL, params or {})
    return response.content.decode().split('<ol class="cards"', 1)[1].split("</ol>", 1)[0]


@pytest.mark.parametrize(
    "change, shown",
    [
        (lambda supplier, office: rate(supplier, *[5] * 7), "7 omdömen"),
        (
            lambda supplier, office: supplier.languages.set(Language.objects.filter(code="so")),
            "Somaliska",
        ),
        (lambda supplier, office: setattr_and_save(supplier, name="Nytt Namn AB"), "Nytt Namn AB"),
        (lambda supplier, office: setattr_and_save(office, name="Nya kontoret"), "Nya kontoret"),
        (
            lambda supplier, office: setattr_and_save(
                office.contract, current_grade=4, current_grade_month=date(2026, 11, 1)
            ),
            "resultatbetyg: 4 av 4",
        ),
    ],
    ids=["review", "language", "supplier", "office", "grade"],
)
def test_a_cached_card_changes_when_what_it_shows_changes(client, change, shown):
    supplier = SupplierFactory(name="Kortet AB", language_codes=["ar"])
    office = OfficeFactory(supplier=supplier, municipality=municipality(UPPSALA), name="Kontoret")
    params = {"kommun": UPPSALA}
    before = card_text(client, params)
    assert card_text(client, params) == before  # served from the cache
    assert shown not in before
    change(supplier, office)
    assert shown in card_text(client, params)


def test_a_card_is_rendered_for_the_language_and_place_asked(client):
    supplier = SupplierFactory(name="Språket AB", language_codes=["ar"])
    OfficeFactory(supplier=supplier, municipality=municipality(UPPSALA))
    assert "1 kontor i Uppsala" in card_text(client, {"kommun": UPPSALA})
    assert "Inget kontor i Enköping" in card_text(client, {"kommun": "0381"})
    assert "Arabiska" in card_text(client, {"kommun": UPPSALA})
    english = client.get("/en" + URL, {"kommun": UPPSALA}).content.decode()
    assert ">Arabic<" in english.split('<ol class="cards"', 1)[1]


def somali():
    return Language.objects.get(code="so")


def setattr_and_save(instance, **values):
    for name, value in values.items():
        setattr(instance, name, value)
    instance.save()


def test_a_cached_contract_on_the_supplier_page_changes_with_its_offices_and_grade(client):
    supplier = SupplierFactory(name="Sidan AB")
    office = OfficeFactory(supplier=supplier, municipality=municipality(UPPSALA), name="Gamla")
    url = supplier.get_absolute_url()
    assert "Gamla" in client.get(url).text
    setattr_and_save(office, name="Nya kontoret", taking_participants=False)
    page = client.get(url).text
    assert "Nya kontoret" in page and "Tar inte emot nya deltagare just nu." in page
    setattr_and_save(office.contract, current_grade=3, current_grade_month=date(2026, 11, 1))
    assert "resultatbetyg: 3 av 4" in client.get(url).text
    assert "Avstånd" in client.get(url, {"kommun": UPPSALA}).text
