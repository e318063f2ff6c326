import pytest
from django.db import OperationalError, connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from krom.views import server_error
from tests.suppliers.factories import SupplierFactory

pytestmark = pytest.mark.django_db

NOTICE = "Exempeldata: leverantörerna på den här webbplatsen är påhittade."
ASKS = 'WHERE "suppliers_supplier"."is_example"'
PAGES = ["home", "suppliers:search", "about", "faq", "privacy", "offices:ka_lookup"]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_says_plainly_that_it_shows_example_data(client, page):
    SupplierFactory(is_example=True, with_offices=1)
    response = client.get(reverse(page))
    assert response.status_code == 200
    assert NOTICE in response.text
    assert "Sidorna visar inte Arbetsförmedlingens riktiga uppgifter." in response.text


def test_a_supplier_page_with_example_data_says_so(client):
    supplier = SupplierFactory(is_example=True, with_offices=1)
    assert NOTICE in client.get(supplier.get_absolute_url()).text


@pytest.mark.parametrize("page", PAGES)
def test_pages_say_nothing_of_example_data_when_the_register_has_none(client, page):
    SupplierFactory(with_offices=1)
    assert "Exempeldata" not in client.get(reverse(page)).text


def test_the_notice_costs_one_query_on_a_page_and_none_on_an_htmx_partial(client):
    SupplierFactory(is_example=True, with_offices=1)
    with CaptureQueriesContext(connection) as page:
        client.get(reverse("suppliers:search"))
    with CaptureQueriesContext(connection) as partial:
        client.get(reverse("suppliers:search"), headers={"HX-Request": "true"})
    assert len([q for q in page.captured_queries if ASKS in q["sql"]]) == 1
    assert not any(ASKS in q["sql"] for q in partial.captured_queries)


def test_the_page_for_an_unreachable_database_still_renders(rf):
    """The 503 page is rendered with the request, and so asks about example data: with
    the database down, it leaves the notice out rather than fail."""

    def refuse(execute, sql, params, many, context):
        raise OperationalError("the database is down")

    with connection.execute_wrapper(refuse):
        try:
            raise OperationalError("the database is down")
        except OperationalError:
            response = server_error(rf.get("/"))
    assert response.status_code == 503
    assert "Exempeldata" not in response.content.decode()


def test_the_question_is_asked_once_a_minute_not_on_every_page(client, monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr("demo.context_processors.time.monotonic", lambda: clock[0])
    assert "Exempeldata" not in client.get("/").text
    SupplierFactory(is_example=True)
    assert "Exempeldata" not in client.get("/").text  # the answer of a second ago
    clock[0] += 61
    assert "Exempeldata" in client.get("/").text
