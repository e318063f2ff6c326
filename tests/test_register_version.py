"""The register's version (krom/register.py): every way of changing the register changes
it, so what is kept under it is never served stale."""

import re

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from krom import register
from suppliers.models import Language, Supplier
from tests.kept import forget_everything_kept
from tests.offices.factories import OfficeFactory, municipality
from tests.postgres import second_connection
from tests.reviews.factories import rate
from tests.suppliers.factories import SupplierFactory

# Committed changes, as in production (on PostgreSQL the triggers run at commit).
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.integration]

# The apps whose tables the public pages show; their history tables are the admin's.
REGISTER_APPS = ["places", "suppliers", "offices", "grades", "reviews", "afsync"]
NOT_SHOWN = {"suppliers_errorreport"}


@pytest.fixture(autouse=True)
def reference_data(transactional_db):
    call_command("load_reference_data", verbosity=0)
    forget_everything_kept()


def register_tables():
    tables = set()
    for app in REGISTER_APPS:
        for model in apps.get_app_config(app).get_models(include_auto_created=True):
            table = model._meta.db_table
            if not model._meta.proxy and "historical" not in table and table not in NOT_SHOWN:
                tables.add(table)
    return tables


def tables_with_triggers():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT DISTINCT event_object_table FROM information_schema.triggers "
                "WHERE trigger_name = 'krom_register_changed'"
            )
        else:
            cursor.execute("SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'trigger'")
        return {row[0] for row in cursor.fetchall()}


def test_every_table_the_public_pages_show_has_the_trigger():
    assert "suppliers_supplier_languages" in register_tables()
    assert register_tables() <= tables_with_triggers()


@pytest.mark.parametrize(
    "change",
    [
        lambda supplier: Supplier.objects.filter(pk=supplier.pk).update(name="Utan signal AB"),
        lambda supplier: supplier.languages.add(Language.objects.get(code="so")),
        lambda supplier: supplier.offices.all().delete(),
        lambda supplier: Supplier.objects.bulk_create([Supplier(name="Ny AB", slug="ny-ab")]),
        lambda supplier: connection.cursor().execute(
            "UPDATE offices_office SET name = 'För hand' WHERE supplier_id = %s", [supplier.pk]
        ),
        lambda supplier: rate(supplier, 5),
    ],
    ids=["update", "m2m", "delete", "bulk_create", "sql", "review"],
)
def test_any_committed_change_to_the_register_gives_a_new_version(change):
    supplier = OfficeFactory(municipality=municipality("0380")).supplier
    before = register.version()
    assert register.version() == before
    with transaction.atomic():
        change(supplier)
    assert register.version() != before


def test_a_rolled_back_change_leaves_the_version_as_it_was():
    supplier = SupplierFactory()
    before = register.version()
    with pytest.raises(RuntimeError), transaction.atomic():
        Supplier.objects.filter(pk=supplier.pk).update(name="Ångrat AB")
        raise RuntimeError
    assert register.version() == before


def test_others_see_the_new_version_only_with_the_change_it_belongs_to():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one writer in at a time; only PostgreSQL has others reading")
    supplier = SupplierFactory()
    other = second_connection()
    query = "SELECT version FROM krom_registerversion WHERE id = 1"
    try:
        before = other.execute(query).fetchone()
        with transaction.atomic():
            Supplier.objects.filter(pk=supplier.pk).update(name="Snart AB")
            # Uncommitted: nothing this transaction sees may be kept for others.
            assert register.version().startswith("uncommitted-")
            assert register.version() != register.version()
            assert other.execute(query).fetchone() == before
        assert other.execute(query).fetchone() != before
    finally:
        other.close()


def cards(client, **params):
    response = client.get("/leverantorer/", params, HTTP_HX_REQUEST="true")
    return response.content.decode().split('<ol class="cards"', 1)[1].split("</ol>", 1)[0]


def test_a_search_asked_again_reads_only_the_version_until_the_register_changes(client):
    for n in range(25):
        OfficeFactory(
            supplier=SupplierFactory(name=f"Sökt {n} AB", language_codes=["ar"]),
            municipality=municipality("0380"),
        )
    first = cards(client, kommun="0380", sprak="ar")
    with CaptureQueriesContext(connection) as queries:
        again = cards(client, kommun="0380", sprak="ar")
    assert again == first
    assert [query["sql"] for query in queries] == [queries[0]["sql"]]
    assert "krom_registerversion" in queries[0]["sql"]
    # A change no signal hears of (QuerySet.update) still shows at once.
    Supplier.objects.filter(name="Sökt 0 AB").update(name="Bytt namn AB")
    changed = cards(client, kommun="0380", sprak="ar", sortering="namn")
    assert "Bytt namn AB" in changed and "Sökt 0 AB" not in changed


def test_a_kept_supplier_page_changes_with_the_register(client):
    supplier = SupplierFactory(name="Sidan AB")
    OfficeFactory(supplier=supplier, municipality=municipality("0380"), name="Gamla kontoret")
    url = supplier.get_absolute_url()
    assert "Gamla kontoret" in client.get(url).text
    with CaptureQueriesContext(connection) as queries:
        assert "Gamla kontoret" in client.get(url).text
    assert len(queries) == 1
    supplier.offices.update(name="Nya kontoret")
    page = client.get(url).text
    assert "Nya kontoret" in page and "Gamla kontoret" not in page


def test_a_card_for_another_place_reuses_what_it_shows_of_the_supplier(client):
    supplier = SupplierFactory(name="Platsen AB", language_codes=["ar"])
    OfficeFactory(supplier=supplier, municipality=municipality("0380"))
    assert "Arabiska" in cards(client, kommun="0380")
    with CaptureQueriesContext(connection) as queries:
        elsewhere = cards(client, kommun="0381")
    assert "Inget kontor i Enköping" in elsewhere
    assert "Arabiska" in elsewhere
    assert not [query for query in queries if "suppliers_supplier_languages" in query["sql"]]
    supplier.languages.set(Language.objects.filter(code="so"))
    assert "Somaliska" in cards(client, kommun="0381")


def chosen(client, params):
    """What the filter form shows as chosen: (kommun, omrade, sprak, bransch)."""
    page = client.get("/leverantorer/", params).content.decode()

    def selected(name):
        select = page[page.index(f'name="{name}"') :]
        return re.findall(r'<option value="([^"]+)" selected>', select[: select.index("</select>")])

    def checked(name):
        return re.findall(rf'name="{name}" value="([^"]+)" id="[^"]+" checked>', page)

    return selected("kommun"), selected("omrade"), checked("sprak"), checked("bransch")


def test_the_filters_show_what_each_search_chose_whatever_was_chosen_before(client):
    OfficeFactory(municipality=municipality("0380"))
    OfficeFactory(municipality=municipality("2584"))  # Kiruna: its area is in use too
    first = {"kommun": "0380", "omrade": "uppsala", "sprak": "ar", "bransch": "data-it"}
    assert chosen(client, first) == (["0380"], ["uppsala"], ["ar"], ["data-it"])
    assert chosen(client, first | {"kommun": "0381", "distans": "1"}) == (
        ["0381"],
        ["uppsala"],
        ["ar"],
        ["data-it"],
    )
    assert chosen(client, {"omrade": "kiruna", "sprak": ["so", "ar"]}) == (
        [],
        ["kiruna"],
        ["ar", "so"],
        [],
    )
    assert chosen(client, {"bransch": ["bygg-och-anlaggning", "data-it"]}) == (
        [],
        [],
        [],
        ["bygg-och-anlaggning", "data-it"],
    )
    assert chosen(client, first) == (["0380"], ["uppsala"], ["ar"], ["data-it"])
