import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from offices.fields import normalize_ka_number
from offices.models import Office
from tests.offices.factories import OfficeFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("12345", "12345"),
        ("KA 123 45", "12345"),
        ("ka-123456", "123456"),
        ("KA:1234567890", "1234567890"),
        (" 123-456 ", "123456"),
        ("١٢٣٤٥", "12345"),
    ],
)
def test_ka_number_is_normalised_to_digits(typed, stored):
    office = OfficeFactory.build(ka_number=typed, supplier=OfficeFactory().supplier)
    office.full_clean()
    assert office.ka_number == stored


@pytest.mark.parametrize("typed", ["1234", "12345678901", "12a45", "KB12345", "", "12\u00b345"])
def test_bad_ka_number_is_rejected_with_a_clear_message(typed):
    office = OfficeFactory.build(ka_number=typed, supplier=OfficeFactory().supplier)
    with pytest.raises(ValidationError) as error:
        office.full_clean()
    assert "ka_number" in error.value.message_dict


def test_ka_number_message_explains_the_format():
    office = OfficeFactory.build(ka_number="12a45", supplier=OfficeFactory().supplier)
    with pytest.raises(ValidationError) as error:
        office.full_clean()
    assert error.value.message_dict["ka_number"] == [
        "Ett KA-nummer består av 5–10 siffror, till exempel 123456."
    ]


def test_normalize_leaves_other_text_for_validation_to_reject():
    assert normalize_ka_number("KA abc") == "abc"


def test_duplicate_ka_number_is_rejected_by_the_database():
    OfficeFactory(ka_number="777777")
    with pytest.raises(IntegrityError), transaction.atomic():
        OfficeFactory(ka_number="777777")


def test_duplicate_ka_number_gets_a_form_message():
    OfficeFactory(ka_number="777777")
    office = OfficeFactory.build(ka_number="KA 777 777", supplier=OfficeFactory().supplier)
    with pytest.raises(ValidationError) as error:
        office.full_clean()
    assert error.value.message_dict["ka_number"] == [
        "Ett annat kontor har redan det här KA-numret."
    ]


def test_database_refuses_a_too_short_ka_number_even_without_validation():
    office = OfficeFactory.build(ka_number="123", supplier=OfficeFactory().supplier)
    with pytest.raises(IntegrityError), transaction.atomic():
        Office.objects.bulk_create([office])


def test_postal_code_typed_with_a_space_is_stored_as_digits_and_shown_with_the_space():
    office = OfficeFactory.build(postal_code="123 45", supplier=OfficeFactory().supplier)
    office.full_clean()
    assert office.postal_code == "12345"
    assert office.postal_code_display == "123 45"


@pytest.mark.parametrize("typed", ["1234", "123456", "12a45"])
def test_bad_postal_code_is_rejected(typed):
    office = OfficeFactory.build(postal_code=typed, supplier=OfficeFactory().supplier)
    with pytest.raises(ValidationError) as error:
        office.full_clean()
    assert error.value.message_dict["postal_code"][0].startswith("Ett postnummer består av fem")


def test_database_refuses_only_one_coordinate():
    office = OfficeFactory.build(latitude=59.3, longitude=None, supplier=OfficeFactory().supplier)
    with pytest.raises(IntegrityError), transaction.atomic():
        Office.objects.bulk_create([office])


def test_full_address_reads_like_a_postal_address():
    office = OfficeFactory(
        street_address="Storgatan 1", postal_code="11122", postal_town="Stockholm"
    )
    assert office.full_address == "Storgatan 1, 111 22 Stockholm"


def test_active_offices_exclude_inactive_offices_and_offices_of_inactive_suppliers():
    visible = OfficeFactory()
    OfficeFactory(is_active=False)
    OfficeFactory(supplier__is_active=False)
    assert list(Office.objects.active()) == [visible]
