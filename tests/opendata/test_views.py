import datetime

import pytest
from django.utils.http import http_date

from grades.models import ResultGrade
from offices.models import Contract
from opendata.schema import TABLES
from suppliers.models import Language, Supplier
from tests.grades.factories import ResultGradeFactory
from tests.offices.factories import OfficeFactory
from tests.opendata.register import build_register, read_file
from tests.suppliers.factories import SupplierFactory

pytestmark = pytest.mark.django_db

# Telling a client that nothing has changed reads no rows: only the version's aggregates.
VERSION_QUERIES = 8


def test_files_carry_etag_last_modified_and_may_be_cached_and_read_anywhere(client):
    build_register()

    response, _text = read_file(client, "register.json")

    assert response["ETag"].startswith('W/"')
    assert response["Last-Modified"].endswith("GMT")
    assert "public" in response["Cache-Control"]
    assert "max-age=600" in response["Cache-Control"]
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Content-Type"] == "application/json"


def test_csv_files_are_csv_in_utf_8(client):
    build_register()

    response, text = read_file(client, "locations.csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8; header=present"
    assert text.startswith("id,organization_id,service_id,ka_number,")
    assert text.endswith("\r\n")


@pytest.mark.parametrize("filename", ["register.json", "organizations.csv", "grades.csv"])
def test_a_client_with_the_current_etag_gets_304_without_the_register_being_read(
    client, django_assert_max_num_queries, filename
):
    build_register()
    response, _text = read_file(client, filename)

    with django_assert_max_num_queries(VERSION_QUERIES):
        again = client.get(f"/oppna-data/{filename}", headers={"if-none-match": response["ETag"]})

    assert again.status_code == 304
    assert again["ETag"] == response["ETag"]
    assert again["Last-Modified"] == response["Last-Modified"]
    assert again.content == b""


def test_a_client_that_last_fetched_at_last_modified_gets_304(client):
    build_register()
    response, _text = read_file(client, "services.csv")

    again = client.get(
        "/oppna-data/services.csv", headers={"if-modified-since": response["Last-Modified"]}
    )

    assert again.status_code == 304


def test_a_client_with_an_older_copy_gets_the_file(client):
    build_register()
    response, _text = read_file(client, "services.csv")
    long_ago = http_date(datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC).timestamp())

    again = client.get(
        "/oppna-data/services.csv",
        headers={"if-none-match": 'W/"something-else"', "if-modified-since": long_ago},
    )

    assert again.status_code == 200


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda: OfficeFactory(), id="a new office"),
        pytest.param(
            lambda: ResultGradeFactory(
                contract=Contract.objects.filter(in_force=True).first(),
                month=datetime.date(2026, 5, 1),
            ),
            id="a new month's grade",
        ),
        pytest.param(lambda: SupplierFactory(), id="a new supplier"),
        pytest.param(
            lambda: Supplier.objects.first().languages.add(Language.objects.get(code="fi")),
            id="a language added to a supplier",
        ),
    ],
)
def test_any_change_to_the_register_changes_the_etag(client, change):
    build_register()
    response, _text = read_file(client, "register.json")

    change()
    again = client.get("/oppna-data/register.json", headers={"if-none-match": response["ETag"]})

    assert again.status_code == 200
    assert again["ETag"] != response["ETag"]


def test_a_corrected_grade_changes_the_etag_though_no_timestamp_does(client):
    build_register()
    grade = ResultGradeFactory(month=datetime.date(2026, 5, 1), stars=4)
    response, _text = read_file(client, "grades.csv")

    grade.stars = 1
    ResultGrade.objects.bulk_update([grade], ["stars"])
    again = client.get("/oppna-data/grades.csv", headers={"if-none-match": response["ETag"]})

    assert again.status_code == 200


@pytest.mark.parametrize("filename", ["register.json", "accessibility.csv"])
def test_head_answers_the_headers_without_reading_the_register(
    client, django_assert_max_num_queries, filename
):
    build_register()

    with django_assert_max_num_queries(VERSION_QUERIES):
        response = client.head(f"/oppna-data/{filename}")

    assert response.status_code == 200
    assert response["ETag"]
    assert b"".join(response.streaming_content) == b""


@pytest.mark.parametrize("filename", ["users.csv", "register.xml", "organizations.json", "x"])
def test_unknown_files_are_not_found(client, filename):
    assert client.get(f"/oppna-data/{filename}").status_code == 404


def test_files_cannot_be_posted_to(client):
    assert client.post("/oppna-data/register.json").status_code == 405


def test_the_page_lists_each_file_with_its_url_and_columns(client):
    build_register()

    response = client.get("/oppna-data/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Öppna data" in html
    assert "http://testserver/oppna-data/register.json" in html
    for name, table in TABLES.items():
        assert f"http://testserver/oppna-data/{name}.csv" in html
        for column in table.column_names:
            assert f"<code>{column}</code>" in html
    assert "CC0 1.0" in html
    assert "Arbetsförmedlingens offentliga uppgifter" in html
    assert "Registret ändrades senast" in html


def test_the_page_in_english_links_to_the_same_files(client):
    response = client.get("/en/oppna-data/")

    assert response.status_code == 200
    assert 'href="http://testserver/oppna-data/register.json"' in response.content.decode()


def test_the_page_says_when_the_files_hold_example_data(client):
    SupplierFactory(is_example=True)

    response = client.get("/oppna-data/")

    assert "Just nu innehåller filerna exempeldata" in response.content.decode()


def test_the_page_does_not_mention_example_data_for_a_real_register(client):
    SupplierFactory()

    response = client.get("/oppna-data/")

    assert "exempeldata" not in response.content.decode()


def test_the_page_takes_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    build_register(suppliers=3)

    with django_assert_max_num_queries(VERSION_QUERIES + 1):
        response = client.get("/oppna-data/")

    assert response.status_code == 200
