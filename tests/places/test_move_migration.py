"""County, Municipality and DeliveryArea moved from `offices` to `places` without touching
the database: a register made before the move keeps every row and every link."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.integration

# Offices 0010, the last before the move, ends the squashed migration that replaces it.
BEFORE_THE_MOVE = [
    ("offices", "0006_contracts_squashed_0010_delivery_area_guessed"),
    ("places", None),
]


def migrate(targets):
    """Migrate to the targets; the apps as the database now has them, every app's state
    included (apps the targets do not name stay where they are)."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    return executor.migrate(targets).apps


@pytest.fixture
def before_the_move(transactional_db):
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    # An earlier transactional test may have emptied the database.
    call_command("load_reference_data", verbosity=0)
    yield migrate(BEFORE_THE_MOVE)
    migrate(latest)
    # A transactional test's database is emptied afterwards: put the reference data back.
    call_command("load_reference_data", verbosity=0)


def test_rows_links_and_permissions_survive_the_move(before_the_move):
    apps = before_the_move
    Supplier = apps.get_model("suppliers", "Supplier")
    Contract = apps.get_model("offices", "Contract")
    Office = apps.get_model("offices", "Office")
    OldMunicipality = apps.get_model("offices", "Municipality")
    ContentType = apps.get_model("contenttypes", "ContentType")
    kiruna = OldMunicipality.objects.get(code="2584")
    supplier = Supplier.objects.create(
        name="Norrskenet AB", slug="norrskenet-ab", organisation_number="5560360793"
    )
    contract = Contract.objects.create(
        ka_number="10071111", supplier=supplier, delivery_area=kiruna.delivery_area
    )
    office = Office.objects.create(
        contract=contract,
        supplier=supplier,
        name="Kiruna centrum",
        street_address="Storgatan 1",
        postal_code="98131",
        postal_town="Kiruna",
        municipality=kiruna,
    )
    counts = {
        model: apps.get_model("offices", model).objects.count()
        for model in ["County", "Municipality", "DeliveryArea"]
    }
    municipality_type, _ = ContentType.objects.get_or_create(
        app_label="offices", model="municipality"
    )
    ContentType.objects.filter(app_label="places").delete()

    apps = migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    for model, count in counts.items():
        assert apps.get_model("places", model).objects.count() == count
    office = apps.get_model("offices", "Office").objects.get(pk=office.pk)
    assert (office.municipality.name, office.municipality.county.code) == ("Kiruna", "25")
    assert office.contract.delivery_area.municipalities.filter(code="2584").exists()
    moved_type = apps.get_model("contenttypes", "ContentType").objects.get(pk=municipality_type.pk)
    assert (moved_type.app_label, moved_type.model) == ("places", "municipality")
