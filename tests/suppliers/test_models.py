import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from suppliers.models import Industry, Language, Supplier
from tests.offices.factories import ContractFactory, OfficeFactory
from tests.suppliers.factories import SupplierFactory

pytestmark = pytest.mark.django_db


def test_organisation_number_typed_with_hyphen_is_stored_as_ten_digits():
    supplier = SupplierFactory.build(organisation_number="556036-0793")
    supplier.full_clean()
    assert supplier.organisation_number == "5560360793"
    assert supplier.organisation_number_display == "556036-0793"


@pytest.mark.parametrize("typed", ["556036-0794", "12345", "abcdefghij", "5560360793123"])
def test_bad_organisation_number_is_rejected_with_a_swedish_message(typed):
    supplier = SupplierFactory.build(organisation_number=typed)
    with pytest.raises(ValidationError) as error:
        supplier.full_clean()
    assert any(
        "giltigt svenskt organisationsnummer" in message
        for message in error.value.message_dict["organisation_number"]
    )


def test_duplicate_organisation_number_is_rejected_by_the_database():
    SupplierFactory(organisation_number="5560360793")
    with pytest.raises(IntegrityError), transaction.atomic():
        SupplierFactory(organisation_number="5560360793")


def test_duplicate_slug_is_rejected_by_the_database():
    SupplierFactory(slug="jobbcoach-norr-ab")
    with pytest.raises(IntegrityError), transaction.atomic():
        SupplierFactory(slug="jobbcoach-norr-ab")


def test_slug_is_made_from_the_name_when_left_empty():
    supplier = SupplierFactory(name="Växtkraft Öresund AB", slug="")
    assert supplier.slug == "vaxtkraft-oresund-ab"


def test_reference_languages_cover_the_most_spoken_languages_in_sweden():
    codes = set(Language.objects.values_list("code", flat=True))
    assert len(codes) >= 40
    required = {"sv", "en", "ar", "so", "ti", "fa", "prs", "ckb", "kmr", "bs", "hr", "sr"}
    required |= {"pl", "es", "tr", "ru", "uk", "fi", "swl"}
    assert required <= codes


def test_languages_carry_their_own_names():
    arabic = Language.objects.get(code="ar")
    assert (arabic.name_sv, arabic.name_en, arabic.native_name) == ("Arabiska", "Arabic", "العربية")


def test_occupation_fields_are_loaded():
    assert Industry.objects.count() == 21
    assert Industry.objects.filter(slug="data-it").exists()


def test_active_suppliers_exclude_inactive_ones():
    active = SupplierFactory()
    SupplierFactory(inactive=True)
    assert list(Supplier.objects.active()) == [active]


def test_searchable_suppliers_have_an_office_to_choose_or_a_contract_known_before_its_offices():
    with_office = OfficeFactory(supplier__name="Kontor AB").supplier
    only_contract = ContractFactory(supplier__name="Bara avtal AB").supplier
    OfficeFactory(supplier__name="Stängt kontor AB", is_active=False)
    ContractFactory(supplier__name="Upphört avtal AB", ended=True)
    ended = ContractFactory(supplier__name="Kontor i upphört avtal AB", ended=True)
    OfficeFactory(supplier=ended.supplier, contract=ended)
    ContractFactory(supplier__name="Inaktiv AB", supplier__is_active=False)
    SupplierFactory(name="Inget alls AB")
    assert set(Supplier.objects.searchable()) == {with_office, only_contract}
