import pytest
from django.apps import apps
from django.db.models import Count

from krom import reference_data
from krom.reference_data import load_delivery_areas
from offices.models import DeliveryArea, Municipality

pytestmark = pytest.mark.django_db


def test_migrate_puts_every_municipality_in_a_delivery_area():
    assert not Municipality.objects.filter(delivery_area=None).exists()
    assert 70 <= DeliveryArea.objects.count() <= 100


def test_every_area_has_municipalities_of_one_county():
    areas = DeliveryArea.objects.annotate(
        counties=Count("municipalities__county", distinct=True),
        size=Count("municipalities"),
    )
    assert {(area.counties, area.size > 0) for area in areas} == {(1, True)}


@pytest.mark.parametrize(
    ("municipality", "area"),
    [
        ("0180", "stockholm"),
        ("0163", "stockholm-norr"),
        ("0330", "uppsala"),
        ("2584", "malmfalten"),
    ],
)
def test_known_municipalities_lie_in_their_area(municipality, area):
    assert Municipality.objects.get(code=municipality).delivery_area.code == area


def test_loading_again_changes_nothing():
    before = dict(Municipality.objects.values_list("code", "delivery_area__code"))
    load_delivery_areas(apps.get_model)
    assert dict(Municipality.objects.values_list("code", "delivery_area__code")) == before


def test_a_municipality_in_two_areas_is_refused(monkeypatch):
    rows = reference_data.read_rows("delivery_areas.csv")
    rows[1]["municipality_codes"] += " 0180"
    monkeypatch.setattr(reference_data, "read_rows", lambda filename: rows)
    with pytest.raises(ValueError, match="0180"):
        load_delivery_areas(apps.get_model)


def test_a_municipality_in_no_area_is_refused(monkeypatch):
    rows = [
        row for row in reference_data.read_rows("delivery_areas.csv") if row["code"] != "gotland"
    ]
    monkeypatch.setattr(reference_data, "read_rows", lambda filename: rows)
    with pytest.raises(ValueError, match="0980"):
        load_delivery_areas(apps.get_model)


def test_admin_area_page_lists_its_municipalities(admin_client):
    area = DeliveryArea.objects.get(code="stockholm-vast")
    response = admin_client.get(f"/admin/offices/deliveryarea/{area.pk}/change/")
    assert response.status_code == 200
    for name in ["Järfälla", "Ekerö", "Upplands-Bro", "Sundbyberg", "Solna"]:
        assert name in response.text
