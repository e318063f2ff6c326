from datetime import date, timedelta

import pytest
from django.utils import timezone

from krom.verification import DataSource
from offices.models import Accessibility
from tests.offices.factories import OfficeFactory
from tests.suppliers.factories import SupplierFactory
from tests.suppliers.found import found_names

pytestmark = pytest.mark.django_db


def test_supplier_page_says_when_data_was_checked_and_where_it_came_from(client):
    supplier = SupplierFactory(
        verified_at=date(2026, 10, 12),
        data_source=DataSource.ARBETSFORMEDLINGEN,
        source_note="lista 1 oktober 2026",
        with_offices=1,
    )
    text = client.get(supplier.get_absolute_url()).content.decode()
    assert "Uppgifterna kontrollerades 12 oktober 2026" in text
    assert (
        "källa: Arbetsförmedlingens publicerade lista "
        '(<bdi lang="sv" dir="auto">lista 1 oktober 2026</bdi>)' in text
    )


@pytest.mark.parametrize(
    ("days_ago", "caution"), [(10, False), (180, False), (181, True), (None, True)]
)
def test_data_not_checked_in_180_days_shows_a_caution(client, days_ago, caution):
    checked = None if days_ago is None else timezone.localdate() - timedelta(days=days_ago)
    supplier = SupplierFactory(verified_at=checked, with_offices=0)
    OfficeFactory(supplier=supplier, verified_at=timezone.localdate())
    text = client.get(supplier.get_absolute_url()).content.decode()
    assert ("Fråga leverantören eller Arbetsförmedlingen" in text) is caution


def test_office_accessibility_and_taking_participants_are_shown(client):
    office = OfficeFactory(
        step_free_entrance=Accessibility.YES,
        hearing_loop=Accessibility.NO,
        accessibility_notes="Ramp vid bakdörren.",
        taking_participants=False,
        taking_participants_from=date(2027, 2, 1),
    )
    text = client.get(office.supplier.get_absolute_url()).content.decode()
    assert "<dt>Entré utan trappsteg</dt><dd>Ja</dd>" in text
    assert "<dt>Hörslinga</dt><dd>Nej</dd>" in text
    assert "<dt>Tillgänglig toalett</dt><dd>Vet inte</dd>" in text
    assert "Ramp vid bakdörren." in text
    assert "Tar emot igen från 1 februari 2027" in text
    assert "Välj leverantör" not in text
    assert "Du kan inte välja kontoret just nu." in text


def names(response):
    return sorted(found_names(response))


def test_step_free_entrance_filter(client):
    OfficeFactory(supplier__name="Ramp AB", step_free_entrance=Accessibility.YES)
    OfficeFactory(supplier__name="Trappor AB", step_free_entrance=Accessibility.NO)
    OfficeFactory(supplier__name="Okänt AB")
    response = client.get("/leverantorer/", {"tillganglig": "1"})
    assert names(response) == ["Ramp AB"]
    assert "Tillgänglig entré" in response.content.decode()


def test_taking_participants_filter_and_closed_offices_still_listed(client):
    OfficeFactory(supplier__name="Öppet AB")
    OfficeFactory(supplier__name="Fullt AB", taking_participants=False)
    assert names(client.get("/leverantorer/", {"tar_emot": "1"})) == ["Öppet AB"]
    assert names(client.get("/leverantorer/")) == ["Fullt AB", "Öppet AB"]
