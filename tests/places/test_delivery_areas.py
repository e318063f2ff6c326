from pathlib import Path

import openpyxl
import pytest
from django.db.models import Count

from places import reference_data
from places.models import AfRegion, DeliveryArea, Municipality
from places.reference_data import load_delivery_areas

pytestmark = pytest.mark.django_db


def test_reference_data_puts_every_municipality_in_one_of_af_s_64_delivery_areas():
    assert not Municipality.objects.filter(delivery_area=None).exists()
    assert DeliveryArea.objects.count() == 64
    assert not DeliveryArea.objects.annotate(size=Count("municipalities")).filter(size=0).exists()


def test_areas_carry_arbetsformedlingen_s_six_regions():
    regions = dict(DeliveryArea.objects.values_list("name", "region"))
    assert set(regions.values()) == {choice.value for choice in AfRegion}
    assert regions["Stockholm Mitt"] == "Stockholm-Gotland"
    assert regions["Göteborg Syd-Öst"] == "Väst"
    assert regions["Skövde-Falköping-Lidköping"] == "Väst"
    assert regions["Avesta-Hedemora"] == "Mitt"


def test_area_names_are_those_of_arbetsformedlingen_s_grade_file():
    path = Path(__file__).parent.parent / "data" / "af" / "betyg-rusta-och-matcha-mars-2026.xlsx"
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows = list(workbook["Betyg över tid"].iter_rows(values_only=True))[1:]
    workbook.close()
    in_file = {(row[1], row[2]) for row in rows}
    assert set(DeliveryArea.objects.values_list("name", "region")) == in_file


@pytest.mark.parametrize(
    ("municipality", "area"),
    [
        ("0180", "stockholm-mitt"),
        ("0163", "stockholm-nord"),
        ("0380", "uppsala"),
        ("2584", "kiruna"),
        ("1480", "goteborg-mitt"),
        ("1280", "malmo"),
    ],
)
def test_known_municipalities_lie_in_their_area(municipality, area):
    assert Municipality.objects.get(code=municipality).delivery_area.code == area


def test_loading_again_changes_nothing():
    before = dict(Municipality.objects.values_list("code", "delivery_area__code"))
    load_delivery_areas()
    assert dict(Municipality.objects.values_list("code", "delivery_area__code")) == before


def test_a_municipality_in_two_areas_is_refused(monkeypatch):
    rows = reference_data.read_rows("delivery_areas.csv")
    rows[1]["municipality_codes"] += " 0180"
    monkeypatch.setattr(reference_data, "read_rows", lambda filename: rows)
    with pytest.raises(ValueError, match="0180"):
        load_delivery_areas()


def test_a_municipality_in_no_area_is_refused(monkeypatch):
    rows = [
        row for row in reference_data.read_rows("delivery_areas.csv") if row["code"] != "gotland"
    ]
    monkeypatch.setattr(reference_data, "read_rows", lambda filename: rows)
    with pytest.raises(ValueError, match="0980"):
        load_delivery_areas()


def test_admin_area_page_lists_its_municipalities(admin_client):
    area = DeliveryArea.objects.get(code="stockholm-nord")
    response = admin_client.get(f"/admin/places/deliveryarea/{area.pk}/change/")
    assert response.status_code == 200
    for name in ["Järfälla", "Täby", "Upplands-Bro", "Sundbyberg", "Solna"]:
        assert name in response.text
