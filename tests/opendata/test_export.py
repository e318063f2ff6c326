import pytest
from django.test import Client

from grades.models import ResultGrade
from offices.models import Contract, Office
from opendata.schema import TABLES
from suppliers.models import Supplier
from tests.opendata.register import PRIVATE, build_register, read_csv, read_file, read_json
from tests.suppliers.factories import SupplierFactory

pytestmark = pytest.mark.django_db

# A fixed number of queries whatever the register's size: the version (8 aggregates),
# then one query per table, two for the tables with names from AF's files.
JSON_QUERIES = 18
CSV_QUERIES = 10


def database_counts():
    offices = Office.objects.count()
    return {
        "organizations": Supplier.objects.count(),
        "services": Contract.objects.count(),
        "locations": offices,
        "service_at_locations": offices,
        "languages": Supplier.languages.through.objects.count(),
        "industries": Supplier.industries.through.objects.count(),
        "accessibility": offices,
        "grades": ResultGrade.objects.count(),
    }


def test_each_csv_file_has_as_many_rows_as_the_database(client):
    build_register(suppliers=2)

    exported = {table: len(read_csv(client, table)) for table in TABLES}

    assert exported == database_counts()
    assert exported["locations"] == 6


def test_the_json_document_has_every_table_with_as_many_rows_as_the_database(client):
    build_register(suppliers=2)

    document = read_json(client)

    assert list(document) == ["metadata", *TABLES]
    counts = {table: len(document[table]) for table in TABLES}
    assert counts == database_counts() == document["metadata"]["counts"]


def test_every_row_has_the_columns_the_page_describes(client):
    build_register()

    document = read_json(client)

    for name, table in TABLES.items():
        assert list(document[name][0]) == table.column_names
        assert list(read_csv(client, name)[0]) == table.column_names


@pytest.mark.parametrize("filename", ["register.json", *(f"{table}.csv" for table in TABLES)])
def test_nothing_private_is_in_any_file(client, filename):
    build_register()

    _response, text = read_file(client, filename)

    for what, private in PRIVATE.items():
        assert private not in text, what


def test_the_metadata_states_the_licence_the_source_and_the_date(client):
    build_register()

    metadata = read_json(client)["metadata"]

    assert metadata["license"]["name"] == "CC0 1.0"
    assert "Arbetsförmedlingens offentliga uppgifter" in metadata["license"]["note"]
    assert "Arbetsförmedlingen" in metadata["source"]
    assert metadata["generated_at"].endswith("+00:00")
    assert metadata["data_updated_at"] <= metadata["generated_at"]
    assert metadata["is_example_data"] is False
    assert metadata["files"]["locations"] == "http://testserver/oppna-data/locations.csv"


def test_example_suppliers_are_declared_in_the_metadata(client):
    SupplierFactory(is_example=True)

    metadata = read_json(client)["metadata"]

    assert metadata["is_example_data"] is True
    assert "påhittade" in metadata["example_data_note"]


def test_supplier_row_has_review_summary_languages_and_industries(client):
    build_register()
    supplier = Supplier.objects.get()

    document = read_json(client)

    [organization] = document["organizations"]
    assert organization["name"] == supplier.name
    assert organization["alternate_name"] == f"{supplier.name} Aktiebolag"
    assert organization["tax_id"] == supplier.organisation_number_display
    assert organization["uri"] == f"http://testserver/leverantorer/{supplier.slug}/"
    assert (organization["review_count"], organization["review_average"]) == (1, 5.0)
    assert organization["reviews_rated_5"] == 1
    assert organization["phone"] is None  # missing: null in JSON, empty in CSV
    languages = {row["code"] for row in document["languages"]}
    assert languages == {"ar", "so"}
    assert [row["name"] for row in document["industries"]] == ["Hälso- och sjukvård"]


def test_ended_contracts_and_closed_or_unlisted_offices_stay_marked_as_such(client):
    build_register()

    services = {row["delivery_area"]: row for row in read_csv(client, "services")}
    locations = {row["name"]: row for row in read_csv(client, "locations")}

    assert services["uppsala"]["in_force"] == "false"
    assert services["uppsala"]["ended_on"] == "2025-12-31"
    assert services["uppsala"]["status"] == "defunct"
    assert services["stockholm-mitt"]["status"] == "active"
    unlisted = next(row for row in locations.values() if row["no_longer_listed_on"])
    assert unlisted["no_longer_listed_on"] == "2026-02-01"
    assert (unlisted["available"], unlisted["status"]) == ("false", "inactive")
    closed = next(row for row in locations.values() if row["city"] == "Uppsala")
    assert (closed["is_active"], closed["status"]) == ("false", "defunct")


def test_offices_carry_coordinates_address_and_their_contracts_ka_number(client):
    build_register()
    office = Office.objects.get(latitude=59.3345)

    [location] = [row for row in read_json(client)["locations"] if row["id"] == office.pk]

    assert (location["latitude"], location["longitude"]) == (59.3345, 18.0632)
    assert location["postal_code"] == "111 22"
    assert location["ka_number"] == office.contract.ka_number
    assert location["service_id"] == office.contract_id
    assert location["state_province"] == "Stockholms län"


def test_grade_history_is_exported_per_contract_and_month(client):
    build_register()
    contract = Contract.objects.get(in_force=True)

    grades = read_csv(client, "grades")

    history = [
        (row["grade_month"], row["grade"], row["no_grade_reason"])
        for row in grades
        if row["service_id"] == str(contract.pk)
    ]
    assert history == [("2026-01", "2", ""), ("2026-03", "3", "")]
    missing = next(row for row in grades if row["grade"] == "")
    assert missing["no_grade_reason"] == "unknown"
    service = next(row for row in read_csv(client, "services") if row["id"] == str(contract.pk))
    assert (service["grade"], service["grade_month"]) == ("3", "2026-03")


def test_files_are_the_same_whatever_the_language_of_the_request(client):
    build_register()

    swedish = read_json(client)
    english = read_json(Client(headers={"accept-language": "en"}))
    _response, prefixed = read_file(client, "organizations.csv", prefix="/en")

    for document in (swedish, english):
        del document["metadata"]["generated_at"]
    assert swedish == english
    assert "http://testserver/leverantorer/" in prefixed
    assert "/en/" not in prefixed


def test_the_export_takes_a_fixed_number_of_queries_whatever_its_size(
    client, django_assert_max_num_queries
):
    build_register(suppliers=1)
    with django_assert_max_num_queries(JSON_QUERIES):
        assert len(read_json(client)["organizations"]) == 1
    with django_assert_max_num_queries(CSV_QUERIES):
        assert len(read_csv(client, "organizations")) == 1

    build_register(suppliers=5)
    with django_assert_max_num_queries(JSON_QUERIES):
        document = read_json(client)
    assert len(document["organizations"]) == 6
    for table in TABLES:
        with django_assert_max_num_queries(CSV_QUERIES):
            rows = read_csv(client, table)
        assert len(rows) == len(document[table])
