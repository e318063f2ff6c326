import datetime

import pytest

from grades.register import NEW_SUPPLIER_DESCRIPTION, Register, RegisterError
from krom.history import AF_IMPORT, Author
from krom.verification import DataSource
from offices.models import Contract, ContractName
from places.models import DeliveryArea
from suppliers.models import Supplier, SupplierName
from tests.offices.factories import ContractFactory, delivery_area
from tests.suppliers.factories import SupplierFactory

pytestmark = pytest.mark.django_db

MARCH = datetime.date(2026, 3, 1)
MAY = datetime.date(2026, 5, 1)


def row(**overrides):
    return {
        "ka_number": "10079999",
        "supplier_name": "Ny Leverantör AB",
        "area_name": "Stockholm Mitt",
        "region": "Stockholm-Gotland",
        "seen": MARCH,
    } | overrides


def test_unknown_ka_number_plans_a_contract_and_writes_nothing_before_apply():
    register = Register()
    contract = register.contract(**row())

    assert contract.pk is None
    assert not Contract.objects.filter(ka_number="10079999").exists()
    assert register.summary() == {
        "contracts_new": 1,
        "contracts_changed": 0,
        "contracts_unchanged": 0,
        "suppliers_new": 1,
        "areas_new": 0,
        "areas_changed": 0,
        "names_new": 0,
    }


def test_apply_saves_the_contract_with_a_new_supplier_without_organisation_number():
    register = Register(source_note="betyg-rusta-och-matcha-mars-2026.xlsx")
    contract = register.contract(**row(start_date=datetime.date(2024, 9, 1)))
    register.apply()

    contract.refresh_from_db()
    supplier = contract.supplier
    assert supplier.name == "Ny Leverantör AB"
    assert supplier.organisation_number is None
    assert supplier.short_description == NEW_SUPPLIER_DESCRIPTION
    assert supplier.data_source == DataSource.ARBETSFORMEDLINGEN
    assert supplier.slug == "ny-leverantor-ab"
    assert supplier.search_name == "ny leverantor ab"
    assert contract.delivery_area == delivery_area("stockholm-mitt")
    assert contract.start_date == datetime.date(2024, 9, 1)
    assert contract.source_note == "betyg-rusta-och-matcha-mars-2026.xlsx"
    assert list(contract.names.values_list("name", "first_seen", "last_seen")) == [
        ("Ny Leverantör AB", MARCH, MARCH)
    ]


def test_supplier_is_matched_by_a_spelling_of_its_name():
    supplier = SupplierFactory(name="Arbetslivsresurs AR AB")
    register = Register()
    contract = register.contract(**row(supplier_name="Arbetslivsresurs Ar AB."))

    assert contract.supplier == supplier
    assert register.summary()["suppliers_new"] == 0


def test_supplier_is_matched_by_a_recorded_name_variant():
    supplier = SupplierFactory(name="Lärande i Norr AB")
    SupplierName.objects.create(supplier=supplier, name="LiN Coaching")
    contract = Register().contract(**row(supplier_name="LIN coaching AB"))

    assert contract.supplier == supplier


def test_demo_suppliers_are_never_matched():
    SupplierFactory(name="Ny Leverantör AB", slug="demo", is_example=True)
    contract = Register().contract(**row())

    assert contract.supplier.pk is None
    assert contract.supplier.slug == "ny-leverantor-ab"


def test_two_new_contracts_of_one_new_supplier_share_it():
    register = Register()
    first = register.contract(**row(ka_number="10079998"))
    second = register.contract(**row(ka_number="10079997", area_name="Uppsala", region="Öst"))
    register.apply()

    assert first.supplier_id == second.supplier_id
    assert Supplier.objects.filter(name="Ny Leverantör AB").count() == 1


def test_slug_of_a_new_supplier_does_not_collide_with_an_existing_one():
    SupplierFactory(name="Jobbhuset i Norr AB", slug="jobbhuset")
    register = Register()
    contract = register.contract(**row(supplier_name="Jobbhuset"))
    register.apply()

    assert contract.supplier.slug == "jobbhuset-2"


def test_area_is_matched_ignoring_case_and_accents_and_unknown_area_is_created():
    register = Register()
    known = register.contract(**row(ka_number="10079998", area_name="GÖTEBORG syd-ost"))
    new = register.contract(**row(ka_number="10079997", area_name="Ny Ö-stad", region="Väst"))
    register.apply()

    assert known.delivery_area == delivery_area("goteborg-syd-ost")
    area = DeliveryArea.objects.get(name="Ny Ö-stad")
    assert (area.code, area.region) == ("ny-o-stad", "Väst")
    assert new.delivery_area == area
    assert register.summary()["areas_new"] == 1


def test_unknown_region_stops_with_a_swedish_message():
    with pytest.raises(RegisterError, match="Okänd region ”Atlantis” för leveransområdet"):
        Register().contract(**row(area_name="Ny stad", region="Atlantis"))


def test_known_contract_seen_again_is_unchanged_and_its_name_last_seen_moves():
    contract = ContractFactory(ka_number="10079999", supplier__name="Ny Leverantör AB")
    first = Register()
    first.contract(**row())
    first.apply()
    second = Register()
    same = second.contract(**row(seen=MAY))
    second.apply()

    assert same.pk == contract.pk
    assert second.summary()["contracts_unchanged"] == 1
    assert second.summary()["names_new"] == 0
    assert list(contract.names.values_list("first_seen", "last_seen")) == [(MARCH, MAY)]


def test_renamed_supplier_keeps_the_contract_and_records_the_new_name():
    contract = ContractFactory(ka_number="10079999", supplier__name="Gamla Namnet AB")
    register = Register()
    same = register.contract(**row(supplier_name="Köparen AB", seen=MAY))
    register.apply()

    assert same.pk == contract.pk
    contract.refresh_from_db()
    assert contract.supplier.name == "Gamla Namnet AB"
    assert register.summary()["contracts_changed"] == 1
    assert register.summary()["names_new"] == 1
    assert register.renamed == [(same, "Köparen AB")]
    assert ContractName.objects.get(contract=contract).name == "Köparen AB"
    assert Supplier.objects.filter(name="Köparen AB").count() == 0


def test_start_date_that_differs_changes_the_contract():
    contract = ContractFactory(ka_number="10079999", supplier__name="Ny Leverantör AB")
    register = Register()
    register.contract(**row(start_date=datetime.date(2024, 10, 1)))
    register.apply()

    contract.refresh_from_db()
    assert contract.start_date == datetime.date(2024, 10, 1)
    assert register.summary()["contracts_changed"] == 1


def test_a_known_ka_number_in_another_area_stops_with_a_swedish_message():
    ContractFactory(ka_number="10079999", delivery_area=delivery_area("uppsala"))
    with pytest.raises(RegisterError, match="KA-nummer 10079999 hör till leveransområdet Uppsala"):
        Register().contract(**row())


def test_the_same_ka_number_twice_is_one_contract():
    register = Register()
    first = register.contract(**row(seen=MARCH))
    second = register.contract(**row(seen=MAY))
    register.apply()

    assert first is second
    assert register.summary()["contracts_new"] == 1
    assert list(first.names.values_list("first_seen", "last_seen")) == [(MARCH, MAY)]


def test_loading_and_applying_take_a_few_queries(django_assert_max_num_queries):
    ContractFactory.create_batch(5)
    with django_assert_max_num_queries(5):
        register = Register()
    for number in range(20):
        register.contract(**row(ka_number=f"1007{number:04d}", supplier_name=f"Lev {number}"))
    author = Author.system(AF_IMPORT, "test")
    # Two more than without history: the history rows of the new suppliers and contracts.
    with django_assert_max_num_queries(10):
        register.apply(author)
    assert Contract.objects.filter(ka_number__startswith="1007").count() == 20
