"""The migration to contracts keeps every office, KA-number and grade of a register made
before contracts existed."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.integration

# Offices 0005 and suppliers 0006, the last before contracts, end the squashed migrations
# that replace them: a register made before contracts runs the later squashed ones, with
# their copies of the old data migrations.
BEFORE_CONTRACTS = [
    ("offices", "0001_initial_squashed_0005_verified_data_and_office_details"),
    ("suppliers", "0005_result_grades_squashed_0006_verified_data_and_office_details"),
    ("grades", None),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state([t for t in targets if t[1]]).apps


@pytest.fixture
def old_schema(transactional_db):
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    # An earlier transactional test may have emptied the database.
    call_command("load_reference_data", verbosity=0)
    yield migrate(BEFORE_CONTRACTS)
    migrate(latest)
    # A transactional test's database is emptied afterwards: put the reference data back.
    call_command("load_reference_data", verbosity=0)


def old_register(apps):
    Supplier = apps.get_model("suppliers", "Supplier")
    Office = apps.get_model("offices", "Office")
    Municipality = apps.get_model("offices", "Municipality")
    OldGrade = apps.get_model("suppliers", "ResultGrade")
    stockholm = Municipality.objects.get(code="0180")
    gothenburg = Municipality.objects.get(code="1480")
    supplier = Supplier.objects.create(
        name="Jobbvägen AB", slug="jobbvagen-ab", organisation_number="5560360793"
    )
    for ka_number, municipality, active in [
        ("111111", stockholm, True),
        ("222222", stockholm, True),
        ("333333", gothenburg, False),
    ]:
        Office.objects.create(
            supplier=supplier,
            name=f"Kontor {ka_number}",
            ka_number=ka_number,
            street_address="Storgatan 1",
            postal_code="11122",
            postal_town=municipality.name,
            municipality=municipality,
            is_active=active,
        )
    for published, stars, reason in [
        (datetime.date(2026, 1, 20), 2, ""),
        (datetime.date(2026, 3, 20), None, "too_few_participants"),
    ]:
        OldGrade.objects.create(
            supplier=supplier,
            delivery_area=stockholm.delivery_area,
            stars=stars,
            no_grade_reason=reason,
            period_start=datetime.date(2025, 1, 1),
            period_end=datetime.date(2025, 12, 31),
            published_on=published,
            is_current=published.month == 3,
        )
    # A grade for an area where the supplier has no office.
    OldGrade.objects.create(
        supplier=supplier,
        delivery_area=Municipality.objects.get(code="1280").delivery_area,
        stars=4,
        period_start=datetime.date(2025, 1, 1),
        period_end=datetime.date(2025, 12, 31),
        published_on=datetime.date(2026, 3, 20),
    )


def test_each_supplier_and_area_becomes_a_contract_and_nothing_is_lost(old_schema):
    old_register(old_schema)
    apps = migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    Contract = apps.get_model("offices", "Contract")
    Office = apps.get_model("offices", "Office")
    ResultGrade = apps.get_model("grades", "ResultGrade")

    offices = {office.legacy_ka_number: office for office in Office.objects.all()}
    assert set(offices) == {"111111", "222222", "333333"}
    stockholm = Contract.objects.get(delivery_area__name="Stockholm Mitt")
    assert offices["111111"].contract_id == offices["222222"].contract_id == stockholm.pk
    # The old numbers were the offices' own: the contract's is not known yet.
    assert stockholm.ka_number is None
    assert stockholm.in_force
    gothenburg = Contract.objects.get(pk=offices["333333"].contract_id)
    assert gothenburg.ka_number is None
    assert not gothenburg.in_force

    history = [
        (grade.month, grade.stars, grade.no_grade_reason)
        for grade in ResultGrade.objects.filter(contract=stockholm).order_by("month")
    ]
    assert history == [
        (datetime.date(2026, 1, 1), 2, ""),
        (datetime.date(2026, 3, 1), None, "too_few_participants"),
    ]
    assert (stockholm.current_grade, stockholm.current_grade_month) == (
        None,
        datetime.date(2026, 3, 1),
    )
    graded_without_office = Contract.objects.get(delivery_area__name="Malmö")
    assert graded_without_office.ka_number is None
    assert graded_without_office.current_grade == 4
    assert not graded_without_office.in_force
    assert Contract.objects.count() == 3
