import pytest

from tests.offices.factories import OfficeFactory, municipality
from tests.suppliers.factories import SupplierFactory

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


def gothenburg_office(**kwargs):
    return OfficeFactory(
        municipality=municipality("1480"),
        postal_town="Göteborg",
        postal_code="41101",
        **kwargs,
    )


def main_text(response):
    html = response.text
    return html[html.index("<main") : html.index("</main>")]


@pytest.mark.parametrize("typed", ["12345", "KA 123 45", "ka-12345", " 123 45 "])
def test_ka_number_typed_with_spaces_or_prefix_leads_to_the_office(client, typed):
    OfficeFactory(ka_number="12345", name="Kontor Centrum")
    response = client.get("/ka/", {"q": typed}, follow=True)
    assert response.redirect_chain == [("/ka/12345/", 302)]
    assert response.status_code == 200
    assert "Kontor Centrum" in response.text


def test_office_page_shows_supplier_address_municipality_and_contact(client):
    office = OfficeFactory(
        ka_number="123456",
        name="Kontor Centrum",
        supplier__name="Jobbvägen AB",
        supplier__organisation_number="5560360793",
        street_address="Storgatan 1",
        postal_code="11122",
        postal_town="Stockholm",
        phone="08-123 45 67",
        email="centrum@jobbvagen.example",
    )
    text = main_text(client.get(f"/ka/{office.ka_number}/"))
    for shown in [
        "123456",
        "Jobbvägen AB",
        "556036-0793",
        "Kontor Centrum",
        "Storgatan 1, 111 22 Stockholm",
        "Stockholm",
        "08-123 45 67",
        "centrum@jobbvagen.example",
        "Aktivt",
    ]:
        assert shown in text
    assert "Inaktivt" not in text


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("Jobbvägen", True),
        ("jobbvag", True),
        ("JOBBVÄGEN", True),
        ("Centrum", True),
        ("göteborg", True),
        ("goteborg", True),
        ("GOTEBORG", True),
        ("jobbvagen goteborg", True),
        ("jobbvagen malmo", False),
        ("Malmö", False),
    ],
)
def test_text_search_matches_supplier_office_and_town_ignoring_case_and_accents(
    client, query, found
):
    gothenburg_office(name="Kontor Centrum", supplier__name="Jobbvägen AB")
    OfficeFactory(name="Annat kontor", supplier__name="Annan leverantör AB")
    response = client.get("/ka/", {"q": query})
    assert response.status_code == 200
    text = main_text(response)
    assert ("Kontor Centrum" in text) is found
    assert "Annat kontor" not in text


def test_postal_town_search_lists_offices_with_their_ka_numbers(client):
    gothenburg_office(ka_number="111111", name="Hisingen")
    gothenburg_office(ka_number="222222", name="Frölunda")
    OfficeFactory(ka_number="333333", name="Södermalm")
    text = main_text(client.get("/ka/", {"q": "Göteborg"}))
    assert "2 kontor hittades" in text
    assert "111111" in text and "222222" in text
    assert "333333" not in text


def test_accented_query_finds_unaccented_name(client):
    OfficeFactory(name="Cafe Jobb")
    assert "Cafe Jobb" in main_text(client.get("/ka/", {"q": "Café"}))


def test_punctuation_in_query_is_not_a_pattern(client):
    OfficeFactory(name="Kontor Centrum")
    for query in ["Kontor.*", "(", "[", "\\", "%", "_", "'; DROP TABLE", "***"]:
        response = client.get("/ka/", {"q": query})
        assert response.status_code == 200
        assert "Kontor Centrum" not in main_text(response)


@pytest.mark.parametrize(
    "office_kwargs",
    [{"is_active": False}, {"supplier__is_active": False}],
    ids=["inactive office", "inactive supplier"],
)
def test_inactive_office_is_shown_and_marked_inactive_in_text(client, office_kwargs):
    OfficeFactory(ka_number="424242", name="Stängt kontor", **office_kwargs)
    for response in [
        client.get("/ka/424242/"),
        client.get("/ka/", {"q": "Stängt"}),
    ]:
        text = main_text(response)
        assert "Stängt kontor" in text
        assert "Inaktivt" in text
        assert "Aktivt" not in text


def test_inactive_supplier_is_named_as_the_reason(client):
    OfficeFactory(ka_number="424242", supplier__is_active=False)
    assert "leverantören är inte aktiv" in main_text(client.get("/ka/424242/"))


def test_text_search_shows_at_most_fifty_offices_and_says_so(client):
    SupplierFactory(name="Stor leverantör AB", with_offices=51)
    text = main_text(client.get("/ka/", {"q": "Stor leverantör"}))
    assert "50 kontor hittades" in text
    assert "vi visar de första 50" in text
    assert text.count('class="office-card"') == 50


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("KA%20123%2045", "/ka/12345/"),
        ("ka-12345", "/ka/12345/"),
        ("123-45", "/ka/12345/"),
        ("%D9%A1%D9%A2%D9%A3%D9%A4%D9%A5", "/ka/12345/"),
    ],
)
def test_permalink_typed_with_spaces_or_prefix_redirects_to_digits_only(client, typed, canonical):
    OfficeFactory(ka_number="12345")
    response = client.get(f"/ka/{typed}/")
    assert response.status_code == 301
    assert response["Location"] == canonical


def test_permalink_redirect_keeps_the_query_string_and_language(client):
    OfficeFactory(ka_number="12345")
    response = client.get("/en/ka/KA%2012345/?format=json")
    assert response["Location"] == "/en/ka/12345/?format=json"


def test_unknown_ka_number_is_a_404_page_leading_back_to_the_search(client):
    response = client.get("/ka/99999/")
    assert response.status_code == 404
    text = main_text(response)
    assert "99999" in text
    assert 'action="/ka/"' in text
    assert 'name="q"' in text


@pytest.mark.parametrize(
    "typed", ["abc", "1234", "12345678901", "12%0045", "%00", "x" * 300, "%F0%9F%98%80"]
)
def test_malformed_ka_number_is_a_404_not_an_error(client, typed):
    response = client.get(f"/ka/{typed}/")
    assert response.status_code == 404
    assert "Ett KA-nummer består av 5–10 siffror" in main_text(response)


def test_valid_but_unknown_ka_number_in_the_form_says_so(client):
    response = client.get("/ka/", {"q": "KA 999 99"})
    assert response.status_code == 200
    assert "Vi hittar inget kontor med KA-nummer 99999" in main_text(response)


def test_empty_query_shows_the_form_without_results_or_errors(client):
    OfficeFactory()
    for params in [{}, {"q": ""}, {"q": "   "}]:
        response = client.get("/ka/", params)
        assert response.status_code == 200
        text = main_text(response)
        assert '<label for="id_q">KA-nummer eller namn</label>' in text
        assert "errorlist" not in text
        assert "office-card" not in text


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("x" * 101, "Skriv högst 100 tecken."),
        ("Göte\x00borg", "Sökningen innehåller ett tecken som inte går att söka på."),
    ],
)
def test_too_long_query_or_nul_byte_gets_a_swedish_form_error(client, query, message):
    response = client.get("/ka/", {"q": query})
    assert response.status_code == 200
    assert message in main_text(response)
    assert 'aria-invalid="true"' in response.text


def test_bad_query_in_json_is_a_400_with_the_message(client):
    response = client.get("/ka/", {"q": "x" * 101, "format": "json"})
    assert response.status_code == 400
    assert response.json() == {"error": "Skriv högst 100 tecken."}


def test_query_count_does_not_grow_with_the_number_of_offices(
    client, django_assert_max_num_queries
):
    SupplierFactory(name="Jobbvägen AB", with_offices=30)
    with django_assert_max_num_queries(1):
        response = client.get("/ka/", {"q": "jobbvagen"})
    assert "30 kontor hittades" in main_text(response)
    with django_assert_max_num_queries(1):
        client.get("/ka/500000/")


def expected_json(office):
    return {
        "ka_number": "123456",
        "url": "/ka/123456/",
        "name": "Kontor Centrum",
        "active": True,
        "address": {
            "street": "Storgatan 1",
            "postal_code": "111 22",
            "postal_town": "Stockholm",
            "municipality": {"code": "0180", "name": "Stockholm"},
        },
        "phone": "08-123 45 67",
        "email": None,
        "supplier": {
            "name": "Jobbvägen AB",
            "slug": "jobbvagen-ab",
            "organisation_number": "556036-0793",
            "active": True,
        },
    }


@pytest.fixture
def centrum():
    return OfficeFactory(
        ka_number="123456",
        name="Kontor Centrum",
        supplier__name="Jobbvägen AB",
        supplier__organisation_number="5560360793",
        street_address="Storgatan 1",
        postal_code="11122",
        postal_town="Stockholm",
        phone="08-123 45 67",
    )


@pytest.mark.parametrize("ask", [{"format": "json"}, {}], ids=["?format=json", "Accept"])
def test_search_answers_json_in_the_documented_shape(client, centrum, ask):
    headers = {} if ask else JSON
    response = client.get("/ka/", {"q": "jobbvagen", **ask}, **headers)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "query": "jobbvagen",
        "count": 1,
        "truncated": False,
        "offices": [expected_json(centrum)],
    }


@pytest.mark.parametrize("ask", [{"format": "json"}, {}], ids=["?format=json", "Accept"])
def test_permalink_answers_json_in_the_documented_shape(client, centrum, ask):
    headers = {} if ask else JSON
    response = client.get("/ka/123456/", ask, **headers)
    assert response.status_code == 200
    assert response.json() == {"office": expected_json(centrum)}


def test_ka_number_query_in_json_answers_the_list_instead_of_redirecting(client, centrum):
    response = client.get("/ka/", {"q": "KA 123 456"}, **JSON)
    assert response.status_code == 200
    assert [office["ka_number"] for office in response.json()["offices"]] == ["123456"]


def test_json_marks_an_office_of_an_inactive_supplier_inactive(client):
    OfficeFactory(ka_number="424242", supplier__is_active=False)
    office = client.get("/ka/424242/", **JSON).json()["office"]
    assert office["active"] is False
    assert office["supplier"]["active"] is False


def test_json_for_unknown_or_malformed_ka_number_is_a_404_error_object(client):
    for url in ["/ka/99999/", "/ka/abc/"]:
        response = client.get(url, **JSON)
        assert response.status_code == 404
        assert set(response.json()) == {"error"}


def test_empty_query_in_json_is_an_empty_list(client):
    response = client.get("/ka/", {"format": "json"})
    assert response.json() == {"query": "", "count": 0, "truncated": False, "offices": []}


def test_browsers_accept_header_gets_html(client, centrum):
    browser_accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    response = client.get("/ka/123456/", HTTP_ACCEPT=browser_accept)
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize(
    "url", ["/ka/", "/ka/?q=Centrum", "/ka/123456/", "/ka/KA123456/", "/ka/99999/", "/ka/?q=x"]
)
def test_every_answer_varies_on_accept(client, centrum, url):
    assert "Accept" in client.get(url)["Vary"]


def test_lookup_answers_get_only(client):
    assert client.post("/ka/", {"q": "123456"}).status_code == 405
