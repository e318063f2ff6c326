"""HEAD on every public page (link checkers, monitors and crawlers send it), and the JSON
lookup answering JSON during a database outage."""

import json

import pytest
from django.db import OperationalError

from tests.offices.factories import OfficeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def office():
    return OfficeFactory(ka_number="10071234")


def public_urls(office):
    slug = office.supplier.slug
    return [
        "/",
        "/en/",
        "/leverantorer/",
        f"/leverantorer/{slug}/",
        f"/leverantorer/{slug}/kontor/{office.url_key}/valj/",
        f"/leverantorer/{slug}/omdome/",
        f"/leverantorer/{slug}/omdome/tack/",
        f"/leverantorer/{slug}/omdomen/",
        f"/leverantorer/{slug}/rapportera-fel/",
        f"/leverantorer/{slug}/rapportera-fel/tack/",
        "/ka/",
        f"/ka/?q={office.supplier.name[:5]}",
        "/ka/10071234/",
        "/ka/10071234/?format=json",
        f"/jamfor/?kontor={office.url_key}",
        "/om-rusta-och-matcha/",
        "/fragor-och-svar/",
        "/om-kakor-och-personuppgifter/",
        "/oppna-data/",
        "/robots.txt",
        "/sitemap.xml",
    ]


def test_head_answers_200_on_every_public_page(client, office):
    statuses = {url: client.head(url).status_code for url in public_urls(office)}
    assert statuses == dict.fromkeys(public_urls(office), 200)


def test_head_sends_the_headers_of_get_without_a_body(client, office):
    head, get = client.head("/leverantorer/"), client.get("/leverantorer/")
    assert head.content == b""
    assert head["Content-Type"] == get["Content-Type"]


@pytest.fixture
def database_down(monkeypatch, client):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr("django.db.backends.utils.CursorWrapper.execute", refuse)
    client.raise_request_exception = False


@pytest.mark.parametrize(
    "url, headers",
    [
        ("/ka/?q=10071234&format=json", {}),
        ("/ka/10071234/?format=json", {}),
        ("/ka/10071234/", {"HTTP_ACCEPT": "application/json"}),
    ],
)
def test_json_lookup_answers_json_503_while_the_database_is_down(
    client, database_down, url, headers
):
    response = client.get(url, **headers)
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response["Retry-After"] == "10"
    assert "tillfälligt otillgänglig" in json.loads(response.content)["error"]


def test_the_html_lookup_keeps_its_503_page_while_the_database_is_down(client, database_down):
    response = client.get("/ka/10071234/")
    assert response.status_code == 503
    assert "kort avbrott" in response.content.decode()
