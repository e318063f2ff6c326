"""The caseworker lookup /ka/: the contract's page, old numbers, text search, bad input, JSON
and AF's real grade file, in that order (long because it is one page with a JSON twin)."""

import datetime

import pytest

from grades.grade_file import read_grade_file
from grades.services import import_grade_file
from offices.models import Contract, ContractName
from tests.bidi import without_bidi
from tests.grades.factories import ResultGradeFactory
from tests.grades.grade_files import real_grade_file
from tests.offices.factories import ContractFactory, OfficeFactory, delivery_area
from tests.suppliers.factories import SupplierFactory

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


def main_text(response):
    html = without_bidi(response.text)
    return html[html.index("<main") : html.index("</main>")]


def office_in(contract, **kwargs):
    """An office of the contract, in a municipality of the contract's area."""
    kwargs.setdefault("municipality", contract.delivery_area.municipalities.first())
    return OfficeFactory(contract=contract, supplier=contract.supplier, **kwargs)


def gothenburg_contract(**kwargs):
    contract = ContractFactory(delivery_area=delivery_area("goteborg-mitt"), **kwargs)
    office_in(contract, name="Kontor Centrum", postal_town="Göteborg", postal_code="41101")
    return contract


@pytest.fixture
def jobbvagen():
    """A contract as AF's files and the register have it: two offices sharing the
    KA-number, and grades for three publications, the latest without a grade."""
    contract = ContractFactory(
        ka_number="10072909",
        supplier__name="Jobbvägen AB",
        supplier__organisation_number="5560360793",
        delivery_area=delivery_area("stockholm-mitt"),
        start_date=datetime.date(2024, 4, 1),
    )
    centrum = office_in(
        contract,
        name="Kontor Centrum",
        street_address="Storgatan 1",
        postal_code="11122",
        postal_town="Stockholm",
        phone="08-123 45 67",
        email="centrum@jobbvagen.example",
    )
    soder = office_in(
        contract,
        name="Kontor Söder",
        street_address="Götgatan 9",
        postal_code="11646",
        postal_town="Stockholm",
        taking_participants=False,
        taking_participants_from=datetime.date(2026, 5, 4),
    )
    for month, stars in [(1, 2), (3, 3)]:
        ResultGradeFactory(contract=contract, month=datetime.date(2025, month, 1), stars=stars)
    ResultGradeFactory(contract=contract, month=datetime.date(2026, 3, 1), missing=True)
    return contract, centrum, soder


# The contract's page


@pytest.mark.parametrize("typed", ["10072909", "KA 1007 2909", "ka-10072909", " 1007 2909 "])
def test_ka_number_typed_with_spaces_or_prefix_leads_to_the_contract(client, typed):
    ContractFactory(ka_number="10072909", supplier__name="Jobbvägen AB")
    response = client.get("/ka/", {"q": typed}, follow=True)
    assert response.redirect_chain == [("/ka/10072909/", 302)]
    assert response.status_code == 200
    assert "Jobbvägen AB" in main_text(response)


def test_contract_page_shows_supplier_area_region_and_that_it_is_in_force(client, jobbvagen):
    contract, _centrum, _soder = jobbvagen
    text = main_text(client.get("/ka/10072909/"))
    assert "<h1>Jobbvägen AB, Stockholm Mitt</h1>" in text
    for shown in [
        "10072909",
        f'<a href="{contract.supplier.get_absolute_url()}">Jobbvägen AB</a>',
        "556036-0793",
        "Stockholm Mitt",
        "Stockholm-Gotland",
        "Avtalet gäller",
        "sedan 1 april 2024",
    ]:
        assert shown in text, shown
    assert "Avtalet gäller inte längre" not in text


def test_two_offices_sharing_the_ka_number_are_both_shown_with_their_status(client, jobbvagen):
    contract, centrum, soder = jobbvagen
    text = main_text(client.get("/ka/10072909/"))
    assert "2 kontor" in text
    assert "Alla avtalets kontor har samma KA-nummer" in text
    for shown in [
        "Kontor Centrum",
        "Storgatan 1, 111 22 Stockholm",
        "08-123 45 67",
        "centrum@jobbvagen.example",
        "Kontor Söder",
        "Götgatan 9, 116 46 Stockholm",
        "Tar emot nya deltagare",
        "Tar inte emot nya deltagare – tar emot igen från 4 maj 2026",
    ]:
        assert shown in text, shown
    # Söder takes no new participants: not "Aktivt", whatever else holds.
    assert text.count("<strong>Aktivt</strong>") == 1
    assert "<strong>Tar inte emot nya deltagare</strong> – tar emot igen från 4 maj 2026" in text
    supplier_page = contract.supplier.get_absolute_url()
    for office in [centrum, soder]:
        assert f'id="kontor-{office.url_key}"' in text
        assert f'href="{supplier_page}#kontor-{office.url_key}"' in text


def test_contract_page_shows_the_current_grade_with_its_month_and_the_history(client, jobbvagen):
    text = main_text(client.get("/ka/10072909/"))
    assert "Arbetsförmedlingens resultatbetyg:" in text
    assert "Inget betyg ännu" in text
    assert "publicerat för mars 2026" in text
    assert "Inget betyg betyder inte en dålig leverantör" in text
    table = text[text.index("<table") : text.index("</table>")]
    rows = [
        ("Januari 2025", "2 av 4"),
        ("Mars 2025", "3 av 4"),
        ("Mars 2026", "Betyg saknas"),
    ]
    positions = [table.index(f"{month}</th><td>{grade}</td>") for month, grade in rows]
    assert positions == sorted(positions), "in the order of the months"


def test_contract_never_published_by_af_has_no_grade_and_no_history(client):
    ContractFactory(ka_number="10070001")
    text = main_text(client.get("/ka/10070001/"))
    assert "Inget betyg ännu" in text
    assert "inget publicerat för avtalet" in text
    assert "<table" not in text


def test_contract_without_offices_says_its_addresses_are_not_yet_known(client):
    ContractFactory(ka_number="10079999", supplier__name="Ny Leverantör AB")
    page = main_text(client.get("/ka/10079999/"))
    assert "Avtalets adresser är inte kända än" in page
    assert "office-card" not in page
    listed = main_text(client.get("/ka/", {"q": "Ny Leverantör"}))
    assert "1 avtal hittades" in listed
    assert "Avtalets adresser är inte kända än" in listed
    assert client.get("/ka/10079999/", **JSON).json()["contract"]["offices"] == []


def test_ended_contract_says_so_and_when(client):
    contract = ContractFactory(
        ka_number="10070002", ended=True, ended_on=datetime.date(2025, 12, 31)
    )
    office_in(contract, name="Gamla kontoret")
    text = main_text(client.get("/ka/10070002/"))
    assert "Avtalet gäller inte längre" in text
    assert "det upphörde 31 december 2025" in text
    assert "Inaktivt" in text
    assert "avtalet gäller inte längre." in text
    assert "<strong>Aktivt</strong>" not in text


@pytest.mark.parametrize(
    "office_kwargs",
    [{"is_active": False}, {"supplier__is_active": False}],
    ids=["inactive office", "inactive supplier"],
)
def test_inactive_office_is_shown_and_marked_inactive(client, office_kwargs):
    OfficeFactory(ka_number="42424242", name="Stängt kontor", **office_kwargs)
    for response in [client.get("/ka/42424242/"), client.get("/ka/", {"q": "Stängt"})]:
        text = main_text(response)
        assert "Stängt kontor" in text
        assert "naktivt" in text
        assert "<strong>Aktivt</strong>" not in text


def test_inactive_supplier_is_named_as_the_reason_and_not_linked(client):
    office = OfficeFactory(ka_number="42424242", supplier__is_active=False)
    text = main_text(client.get("/ka/42424242/"))
    assert "leverantören är inte aktiv" in text
    assert office.supplier.get_absolute_url() not in text


def test_example_data_says_so_in_html_and_json(client):
    contract = ContractFactory(ka_number="10070003", supplier__is_example=True)
    assert "Exempeldata" in client.get(f"/ka/{contract.ka_number}/").text
    assert client.get(f"/ka/{contract.ka_number}/", **JSON).json()["contract"]["supplier"][
        "example"
    ]


# Old numbers: each office had its own KA-number before contracts


def test_an_offices_old_ka_number_leads_to_its_contract_at_the_office(client, jobbvagen):
    _contract, _centrum, soder = jobbvagen
    soder.legacy_ka_number = "123456"
    soder.save()
    response = client.get("/ka/123456/")
    assert response.status_code == 302
    assert response["Location"] == f"/ka/10072909/#kontor-{soder.url_key}"
    page = main_text(client.get("/ka/10072909/"))
    assert "Tidigare eget KA-nummer" in page and "123456" in page
    typed = client.get("/ka/", {"q": "KA 123 456"})
    assert typed["Location"] == f"/ka/10072909/#kontor-{soder.url_key}"


def test_an_old_ka_number_in_json_leads_to_the_contracts_json(client, jobbvagen):
    _contract, centrum, _soder = jobbvagen
    centrum.legacy_ka_number = "123456"
    centrum.save()
    response = client.get("/ka/123456/", {"format": "json"})
    assert response.status_code == 302
    assert response["Location"] == "/ka/10072909/?format=json"
    listed = client.get("/ka/", {"q": "123456"}, **JSON).json()
    assert [contract["ka_number"] for contract in listed["contracts"]] == ["10072909"]
    assert listed["contracts"][0]["offices"][0]["legacy_ka_number"] == "123456"


def test_old_number_of_a_contract_without_ka_number_shows_the_contract(client):
    contract = ContractFactory(ka_number=None, supplier__name="Utan Nummer AB")
    office_in(contract, name="Kontor Norr", legacy_ka_number="55555")
    response = client.get("/ka/55555/")
    assert response.status_code == 200
    text = main_text(response)
    assert "Utan Nummer AB" in text and "Kontor Norr" in text
    assert client.get("/ka/", {"q": "55555"})["Location"] == "/ka/55555/"


# Text search


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("Jobbvägen", True),
        ("jobbvag", True),
        ("JOBBVÄGEN", True),
        ("Centrum", True),
        ("göteborg", True),
        ("goteborg", True),
        ("GOTEBORG MITT", True),
        ("jobbvagen goteborg", True),
        ("Gamla Namnet", True),
        ("jobbvagen malmo", False),
        ("Malmö", False),
    ],
)
def test_text_search_matches_supplier_names_area_office_and_town_ignoring_case_and_accents(
    client, query, found
):
    contract = gothenburg_contract(supplier__name="Jobbvägen AB", ka_number="10071111")
    ContractName.objects.create(
        contract=contract,
        name="Gamla Namnet AB",
        first_seen=datetime.date(2025, 1, 1),
        last_seen=datetime.date(2025, 3, 1),
    )
    other = ContractFactory(ka_number="10072222", supplier__name="Annan leverantör AB")
    office_in(other, name="Annat kontor")
    response = client.get("/ka/", {"q": query})
    assert response.status_code == 200
    text = main_text(response)
    assert ("10071111" in text) is found
    assert "10072222" not in text


def test_text_search_lists_contracts_with_their_ka_numbers_and_offices(client):
    first = ContractFactory(ka_number="10071111", delivery_area=delivery_area("goteborg-mitt"))
    office_in(first, name="Hisingen", postal_town="Göteborg")
    office_in(first, name="Frölunda", postal_town="Göteborg", is_active=False)
    second = ContractFactory(ka_number="10072222", delivery_area=delivery_area("goteborg-mitt"))
    office_in(second, name="Centrum", postal_town="Göteborg")
    OfficeFactory(ka_number="10073333", name="Södermalm")
    text = main_text(client.get("/ka/", {"q": "Göteborg"}))
    assert "2 avtal hittades" in text
    assert "10071111" in text and "10072222" in text
    assert "10073333" not in text
    assert "Hisingen, Göteborg" in text
    assert "Frölunda, Göteborg (inaktivt)" in text
    assert 'href="/ka/10071111/"' in text


def test_accented_query_finds_unaccented_name(client):
    OfficeFactory(name="Cafe Jobb", ka_number="10071111")
    assert "10071111" in main_text(client.get("/ka/", {"q": "Café"}))


def test_punctuation_in_query_is_not_a_pattern(client):
    OfficeFactory(name="Kontor Centrum", ka_number="10071111")
    for query in ["Kontor.*", "(", "[", "\\", "%", "_", "'; DROP TABLE", "***"]:
        response = client.get("/ka/", {"q": query})
        assert response.status_code == 200
        assert "10071111" not in main_text(response)


def test_text_search_shows_at_most_fifty_contracts_and_says_so(client):
    supplier = SupplierFactory(name="Stor leverantör AB")
    ContractFactory.create_batch(51, supplier=supplier)
    text = main_text(client.get("/ka/", {"q": "Stor leverantör"}))
    assert "50 avtal hittades" in text
    assert "vi visar de första 50" in text
    assert text.count('class="office-card"') == 50
    listed = client.get("/ka/", {"q": "Stor leverantör"}, **JSON).json()
    assert (listed["count"], listed["truncated"]) == (50, True)


def test_query_count_does_not_grow_with_contracts_offices_or_grades(
    client, django_assert_max_num_queries
):
    supplier = SupplierFactory(name="Jobbvägen AB")
    for contract in ContractFactory.create_batch(12, supplier=supplier):
        office_in(contract)
        office_in(contract)
        ResultGradeFactory(contract=contract, stars=2)
        ResultGradeFactory(contract=contract, month=datetime.date(2026, 1, 1), missing=True)
    first = Contract.objects.first()
    # The register's version (krom/register.py), contracts, their offices, their grades; a
    # page adds base.html's example-data check.
    with django_assert_max_num_queries(5):
        response = client.get("/ka/", {"q": "jobbvagen"})
    assert "12 avtal hittades" in main_text(response)
    with django_assert_max_num_queries(4):
        listed = client.get("/ka/", {"q": "jobbvagen", "format": "json"}).json()
    assert listed["count"] == 12
    assert all(len(contract["offices"]) == 2 for contract in listed["contracts"])
    # The contract page adds the names the contract has had in AF's files.
    with django_assert_max_num_queries(6):
        page = client.get(f"/ka/{first.ka_number}/")
    assert first.ka_number in main_text(page)
    with django_assert_max_num_queries(4):
        data = client.get(f"/ka/{first.ka_number}/", **JSON).json()["contract"]
    assert (data["ka_number"], len(data["grade_history"])) == (first.ka_number, 2)
    with django_assert_max_num_queries(4):
        missing = client.get("/ka/50000000/")
    assert missing.status_code == 404


# Bad input


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("KA%201007%202909", "/ka/10072909/"),
        ("ka-10072909", "/ka/10072909/"),
        ("1007-2909", "/ka/10072909/"),
        ("%D9%A1%D9%A0%D9%A0%D9%A7%D9%A2%D9%A9%D9%A0%D9%A9", "/ka/10072909/"),
    ],
)
def test_permalink_typed_with_spaces_or_prefix_redirects_to_digits_only(client, typed, canonical):
    ContractFactory(ka_number="10072909")
    response = client.get(f"/ka/{typed}/")
    assert response.status_code == 301
    assert response["Location"] == canonical


def test_permalink_redirect_keeps_the_query_string_and_language(client):
    ContractFactory(ka_number="10072909")
    response = client.get("/en/ka/KA%2010072909/?format=json")
    assert response["Location"] == "/en/ka/10072909/?format=json"


def test_unknown_ka_number_is_a_404_page_leading_back_to_the_search(client):
    response = client.get("/ka/99999999/")
    assert response.status_code == 404
    text = main_text(response)
    assert "Vi hittar inget avtal med KA-nummer 99999999" in text
    assert 'action="/ka/"' in text
    assert 'name="q"' in text


@pytest.mark.parametrize(
    "typed", ["abc", "1234", "12345678901", "12%0045", "%00", "x" * 300, "%F0%9F%98%80"]
)
def test_malformed_ka_number_is_a_404_not_an_error(client, typed):
    response = client.get(f"/ka/{typed}/")
    assert response.status_code == 404
    assert "Ett KA-nummer består av 8 siffror" in main_text(response)


def test_valid_but_unknown_ka_number_in_the_form_says_so(client):
    response = client.get("/ka/", {"q": "KA 9999 9999"})
    assert response.status_code == 200
    assert "Vi hittar inget avtal med KA-nummer 99999999" in main_text(response)


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


def test_json_for_unknown_or_malformed_ka_number_is_a_404_error_object(client):
    for url in ["/ka/99999999/", "/ka/abc/", "/ka/%00/"]:
        response = client.get(url, **JSON)
        assert response.status_code == 404
        assert response["Content-Type"] == "application/json"
        assert set(response.json()) == {"error"}


# JSON


def expected_json(contract, centrum, soder):
    supplier_page = f"/leverantorer/{contract.supplier.slug}/"
    return {
        "ka_number": "10072909",
        "url": "/ka/10072909/",
        "in_force": True,
        "no_longer_listed_on": None,
        "available": True,
        "start_date": "2024-04-01",
        "ended_on": None,
        "supplier": {
            "name": "Jobbvägen AB",
            "slug": "jobbvagen-ab",
            "organisation_number": "556036-0793",
            "active": True,
            "example": False,
            "url": supplier_page,
        },
        "delivery_area": {
            "code": "stockholm-mitt",
            "name": "Stockholm Mitt",
            "region": "Stockholm-Gotland",
        },
        "current_grade": {"grade": None, "month": "2026-03"},
        "grade_history": [
            {"month": "2025-01", "grade": 2},
            {"month": "2025-03", "grade": 3},
            {"month": "2026-03", "grade": None},
        ],
        "offices": [
            {
                "id": centrum.pk,
                "name": "Kontor Centrum",
                "legacy_ka_number": None,
                "address": {
                    "street": "Storgatan 1",
                    "postal_code": "111 22",
                    "postal_town": "Stockholm",
                    "municipality": {"code": "0180", "name": "Stockholm"},
                },
                "phone": "08-123 45 67",
                "email": "centrum@jobbvagen.example",
                "active": True,
                "choosable": True,
                "taking_new_participants": True,
                "taking_new_participants_from": None,
                "url": f"{supplier_page}#kontor-{centrum.url_key}",
            },
            {
                "id": soder.pk,
                "name": "Kontor Söder",
                "legacy_ka_number": None,
                "address": {
                    "street": "Götgatan 9",
                    "postal_code": "116 46",
                    "postal_town": "Stockholm",
                    "municipality": {"code": "0180", "name": "Stockholm"},
                },
                "phone": None,
                "email": None,
                "active": True,
                "choosable": False,
                "taking_new_participants": False,
                "taking_new_participants_from": "2026-05-04",
                "url": f"{supplier_page}#kontor-{soder.url_key}",
            },
        ],
    }


@pytest.mark.parametrize("ask", [{"format": "json"}, {}], ids=["?format=json", "Accept"])
def test_permalink_answers_json_in_the_documented_shape(client, jobbvagen, ask):
    headers = {} if ask else JSON
    response = client.get("/ka/10072909/", ask, **headers)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"contract": expected_json(*jobbvagen)}


@pytest.mark.parametrize("ask", [{"format": "json"}, {}], ids=["?format=json", "Accept"])
def test_search_answers_json_in_the_documented_shape(client, jobbvagen, ask):
    headers = {} if ask else JSON
    response = client.get("/ka/", {"q": "jobbvagen", **ask}, **headers)
    assert response.status_code == 200
    assert response.json() == {
        "query": "jobbvagen",
        "count": 1,
        "truncated": False,
        "contracts": [expected_json(*jobbvagen)],
    }


def test_json_of_a_graded_contract_gives_stars_and_month(client):
    contract = ContractFactory(ka_number="10070004")
    ResultGradeFactory(contract=contract, month=datetime.date(2026, 1, 1), stars=1)
    ResultGradeFactory(contract=contract, month=datetime.date(2026, 3, 1), stars=4)
    data = client.get("/ka/10070004/", **JSON).json()["contract"]
    assert data["current_grade"] == {"grade": 4, "month": "2026-03"}
    assert [grade["grade"] for grade in data["grade_history"]] == [1, 4]


def test_json_of_a_contract_never_published_has_no_grade(client):
    ContractFactory(ka_number="10070005", supplier__organisation_number=None)
    data = client.get("/ka/10070005/", **JSON).json()["contract"]
    assert data["current_grade"] is None
    assert data["grade_history"] == []
    assert data["supplier"]["organisation_number"] is None


def test_json_marks_offices_of_an_inactive_supplier_or_ended_contract_inactive(client):
    OfficeFactory(ka_number="42424242", supplier__is_active=False)
    data = client.get("/ka/42424242/", **JSON).json()["contract"]
    assert data["offices"][0]["active"] is False
    assert data["offices"][0]["url"] is None
    assert data["supplier"]["active"] is False
    assert data["supplier"]["url"] is None
    ended = ContractFactory(ka_number="10070006", ended=True, ended_on=datetime.date(2025, 6, 30))
    office_in(ended)
    data = client.get("/ka/10070006/", **JSON).json()["contract"]
    assert (data["in_force"], data["ended_on"]) == (False, "2025-06-30")
    assert data["offices"][0]["active"] is False


def test_ka_number_query_in_json_answers_the_list_instead_of_redirecting(client, jobbvagen):
    response = client.get("/ka/", {"q": "KA 1007 2909"}, **JSON)
    assert response.status_code == 200
    assert [contract["ka_number"] for contract in response.json()["contracts"]] == ["10072909"]


def test_empty_query_in_json_is_an_empty_list(client):
    response = client.get("/ka/", {"format": "json"})
    assert response.json() == {"query": "", "count": 0, "truncated": False, "contracts": []}


@pytest.mark.parametrize("value", ["xml", "JSON", "%00", ""])
def test_another_format_is_ignored_and_the_accept_header_decides(client, jobbvagen, value):
    html = client.get(f"/ka/10072909/?format={value}")
    assert (html.status_code, html["Content-Type"]) == (200, "text/html; charset=utf-8")
    data = client.get(f"/ka/10072909/?format={value}", **JSON)
    assert data.json() == {"contract": expected_json(*jobbvagen)}


def test_browsers_accept_header_gets_html(client, jobbvagen):
    browser_accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    response = client.get("/ka/10072909/", HTTP_ACCEPT=browser_accept)
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize(
    "url",
    ["/ka/", "/ka/?q=Centrum", "/ka/10072909/", "/ka/KA10072909/", "/ka/99999999/", "/ka/?q=x"],
)
def test_every_answer_varies_on_accept(client, jobbvagen, url):
    assert "Accept" in client.get(url)["Vary"]


def test_lookup_answers_get_only(client):
    assert client.post("/ka/", {"q": "10072909"}).status_code == 405


@pytest.mark.parametrize("url", ["/ka/?format=json", "/ka/10072909/?format=json"])
def test_a_post_asking_for_json_gets_a_json_405_not_a_csrf_page(url):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(url, {"q": "10072909"})
    assert response.status_code == 405
    assert response["Content-Type"] == "application/json"
    assert response["Allow"] == "GET, HEAD"
    assert "GET" in response.json()["error"]
    assert client.put("/ka/", **JSON).json()["error"]


# Arbetsförmedlingen's real grade file, imported as published


@pytest.mark.integration
def test_contracts_imported_from_afs_grade_file_are_shown_as_in_the_file(
    client, django_assert_max_num_queries
):
    import_grade_file(read_grade_file(real_grade_file()))

    data = client.get("/ka/10072909/", **JSON).json()["contract"]
    assert data["supplier"]["name"] == "Arbetslivsresurs Ar AB"
    assert data["supplier"]["organisation_number"] is None
    area = data["delivery_area"]
    assert (area["name"], area["region"]) == ("Avesta-Hedemora", "Mitt")
    assert data["current_grade"] == {"grade": 1, "month": "2026-03"}
    months = ["2025-01", "2025-03", "2025-05", "2025-07", "2025-09", "2025-11", "2026-01"]
    assert data["grade_history"] == [
        {"month": month, "grade": stars}
        for month, stars in zip([*months, "2026-03"], [3, 3, 3, 3, 2, 2, 2, 1], strict=True)
    ]
    assert data["offices"] == []

    ungraded = client.get("/ka/10074736/", **JSON).json()["contract"]
    assert [grade["grade"] for grade in ungraded["grade_history"]] == [None] * 6 + [3, 3]

    page = main_text(client.get("/ka/10072909/"))
    assert "Arbetslivsresurs Ar AB, Avesta-Hedemora" in page
    assert "publicerat för mars 2026" in page
    assert "Avtalets adresser är inte kända än" in page

    with django_assert_max_num_queries(4):
        listed = main_text(client.get("/ka/", {"q": "Avesta-Hedemora"}))
    assert "10072909" in listed and "10074736" in listed


def test_contract_page_lists_the_names_the_contract_has_had_in_af_files(client):
    contract = ContractFactory(ka_number="10071111", supplier__name="Nya Namnet AB")
    for name, first, last in [("Gamla Namnet AB", 1, 5), ("Nya Namnet AB", 7, 11)]:
        ContractName.objects.create(
            contract=contract,
            name=name,
            first_seen=datetime.date(2025, first, 1),
            last_seen=datetime.date(2025, last, 1),
        )
    response = client.get("/ka/10071111/")
    assert "Namn i Arbetsförmedlingens filer" in response.text
    assert "Gamla Namnet AB" in response.text
    assert "januari 2025 – maj 2025" in response.text


def test_contract_page_needs_no_names_list_when_af_used_the_supplier_s_own_name(client):
    contract = ContractFactory(ka_number="10071112", supplier__name="Samma AB")
    ContractName.objects.create(
        contract=contract,
        name="Samma AB",
        first_seen=datetime.date(2025, 1, 1),
        last_seen=datetime.date(2025, 1, 1),
    )
    assert "Namn i Arbetsförmedlingens filer" not in client.get("/ka/10071112/").text
