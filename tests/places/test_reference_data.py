import pytest

from places.models import County, Municipality

pytestmark = pytest.mark.django_db


def test_all_21_counties_and_290_municipalities_are_loaded_by_migrate():
    assert County.objects.count() == 21
    assert Municipality.objects.count() == 290


@pytest.mark.parametrize(
    ("code", "name", "county_code"),
    [
        ("0180", "Stockholm", "01"),
        ("1480", "Göteborg", "14"),
        ("1280", "Malmö", "12"),
        ("2584", "Kiruna", "25"),
        ("0380", "Uppsala", "03"),
        ("0980", "Gotland", "09"),
        ("0330", "Knivsta", "03"),
    ],
)
def test_known_municipality_codes(code, name, county_code):
    municipality = Municipality.objects.select_related("county").get(code=code)
    assert municipality.name == name
    assert municipality.county.code == county_code


def test_every_municipality_code_starts_with_its_county_code():
    mismatched = [
        m.code for m in Municipality.objects.select_related("county") if m.code[:2] != m.county.code
    ]
    assert mismatched == []


def test_municipality_centroids_lie_in_sweden():
    outside = Municipality.objects.exclude(
        latitude__range=(55.3, 69.1), longitude__range=(10.9, 24.2)
    )
    assert list(outside) == []


def test_kiruna_lies_north_of_malmo():
    kiruna = Municipality.objects.get(code="2584")
    malmo = Municipality.objects.get(code="1280")
    assert kiruna.latitude - malmo.latitude > 12
