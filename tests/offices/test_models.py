import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from offices.fields import normalize_ka_number
from offices.models import Contract, Office
from tests.offices.factories import ContractFactory, OfficeFactory, municipality
from tests.suppliers.factories import SupplierFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("10072909", "10072909"),
        ("KA 1007 2909", "10072909"),
        ("ka-10072909", "10072909"),
        ("KA:10072909", "10072909"),
        (" 1007-2909 ", "10072909"),
        ("١٠٠٧٢٩٠٩", "10072909"),
    ],
)
def test_contract_ka_number_is_normalised_to_digits(typed, stored):
    contract = ContractFactory.build(ka_number=typed, supplier=SupplierFactory())
    contract.full_clean()
    assert contract.ka_number == stored


@pytest.mark.parametrize(
    "typed", ["1007290", "100729091", "1007a909", "KB10072909", "12\u00b345678"]
)
def test_bad_contract_ka_number_is_rejected_with_a_clear_message(typed):
    contract = ContractFactory.build(ka_number=typed, supplier=SupplierFactory())
    with pytest.raises(ValidationError) as error:
        contract.full_clean()
    assert error.value.message_dict["ka_number"] == [
        "Ett KA-nummer består av 8 siffror, till exempel 10072909."
    ]


def test_normalize_leaves_other_text_for_validation_to_reject():
    assert normalize_ka_number("KA abc") == "abc"


def test_duplicate_ka_number_is_rejected_by_the_database():
    ContractFactory(ka_number="10077777")
    with pytest.raises(IntegrityError), transaction.atomic():
        ContractFactory(ka_number="10077777")


def test_duplicate_ka_number_gets_a_form_message():
    ContractFactory(ka_number="10077777")
    contract = ContractFactory.build(ka_number="KA 1007 7777", supplier=SupplierFactory())
    with pytest.raises(ValidationError) as error:
        contract.full_clean()
    assert error.value.message_dict["ka_number"] == ["Ett annat avtal har redan det här KA-numret."]


def test_database_refuses_a_too_short_ka_number_even_without_validation():
    contract = ContractFactory.build(ka_number="123", supplier=SupplierFactory())
    with pytest.raises(IntegrityError), transaction.atomic():
        Contract.objects.bulk_create([contract])


def test_offices_of_one_supplier_in_one_area_share_the_contract_and_its_ka_number():
    supplier = SupplierFactory()
    first = OfficeFactory(supplier=supplier, municipality=municipality("0180"))
    second = OfficeFactory(supplier=supplier, municipality=municipality("0180"))
    elsewhere = OfficeFactory(supplier=supplier, municipality=municipality("1480"))
    assert first.contract == second.contract
    assert first.ka_number == second.ka_number == first.contract.ka_number
    assert elsewhere.contract != first.contract
    assert elsewhere.contract.delivery_area.name == "Göteborg Mitt"


def test_office_takes_its_supplier_from_its_contract():
    contract = ContractFactory()
    office = OfficeFactory(contract=contract, supplier=SupplierFactory())
    office.refresh_from_db()
    assert office.supplier == contract.supplier


def test_office_url_key_names_the_office_and_finds_it_again():
    office = OfficeFactory(name="Göteborg Centrum")
    assert office.url_key == f"{office.pk}-goteborg-centrum"
    assert Office.objects.from_url_key(office.url_key) == office
    assert Office.objects.from_url_key(f"{office.pk}-another-name") == office


def test_a_bare_number_in_an_office_url_is_the_office_s_old_ka_number():
    office = OfficeFactory()
    Office.objects.filter(pk=office.pk).update(legacy_ka_number="123456")
    assert Office.objects.from_url_key("123456") == office
    assert Office.objects.from_url_key("654321") is None


@pytest.mark.parametrize("key", ["", "abc", "-1", "12-ÅÄÖ", "1" * 11, "12/34"])
def test_malformed_office_url_keys_find_nothing(key):
    OfficeFactory()
    assert Office.objects.from_url_key(key) is None


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


def test_active_offices_exclude_inactive_offices_ended_contracts_and_inactive_suppliers():
    visible = OfficeFactory()
    OfficeFactory(is_active=False)
    OfficeFactory(supplier__is_active=False)
    OfficeFactory(contract=ContractFactory(ended=True))
    assert list(Office.objects.active()) == [visible]
    assert visible.is_available
