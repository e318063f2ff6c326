import re
from datetime import timedelta

import pytest
from django.utils import timezone

from offices.models import Accessibility, DataSource
from tests.offices.factories import OfficeFactory, municipality
from tests.reviews.factories import rate
from tests.suppliers.factories import ResultGradeFactory, SupplierFactory

pytestmark = pytest.mark.django_db

URL = "/jamfor/"


@pytest.fixture
def three_offices():
    uppsala = municipality("0380")
    first = OfficeFactory(
        supplier=SupplierFactory(name="Alfa Jobb AB", language_codes=["sv", "ar"], remote=True),
        name="Alfa Uppsala",
        ka_number="111111",
        municipality=uppsala,
        step_free_entrance=Accessibility.YES,
        verified_at=timezone.localdate() - timedelta(days=10),
        data_source=DataSource.ARBETSFORMEDLINGEN,
    )
    second = OfficeFactory(
        supplier=SupplierFactory(name="Beta Steg AB", language_codes=["sv", "ar"]),
        name="Beta Uppsala",
        ka_number="222222",
        municipality=uppsala,
        step_free_entrance=Accessibility.NO,
        taking_participants=False,
        taking_participants_from=timezone.localdate() + timedelta(days=30),
    )
    third = OfficeFactory(
        supplier=SupplierFactory(name="Gamma Väg AB", language_codes=["sv"]),
        name="Gamma Enköping",
        ka_number="333333",
        municipality=municipality("0381"),
    )
    rate(first.supplier, 5, 4)
    ResultGradeFactory(supplier=first.supplier, stars=3)
    return first, second, third


def row(response, label):
    return next(r for r in response.context["rows"] if r["label"] == label)


def test_comparison_shows_the_offices_from_the_url_in_order(client, three_offices):
    response = client.get(URL, {"kontor": ["222222", "111111"]})
    assert response.status_code == 200
    assert [o.ka_number for o in response.context["offices"]] == ["222222", "111111"]
    text = response.content.decode()
    assert text.index("Beta Steg AB") < text.index("Alfa Jobb AB")


def test_comparison_shows_what_a_job_seeker_compares(client, three_offices):
    response = client.get(URL, {"kontor": ["111111", "222222"], "kommun": "0380"})
    text = response.content.decode()
    for expected in [
        "Avstånd från Uppsala",
        "Arabiska",
        "Delar på distans",
        "Arbetsförmedlingens resultatbetyg",
        "3 av 4",
        "Inget betyg ännu",
        "Inget betyg betyder inte en dålig leverantör",
        "Deltagarnas omdömen",
        "4,5 av 5 (2 omdömen)",
        "Entré utan trappsteg",
        "Tar emot nya deltagare",
        "Nej, från",
        "Uppgifterna kontrollerades",
        "Arbetsförmedlingens publicerade lista",
        "minst var fjärde vecka",
        "/leverantorer/alfa-jobb-ab/kontor/111111/valj/",
    ]:
        assert expected in text, expected


def test_rows_where_the_offices_differ_are_marked(client, three_offices):
    response = client.get(URL, {"kontor": ["111111", "222222"]})
    assert row(response, "Språk utan tolk")["differs"] is False
    assert row(response, "Delar på distans")["differs"] is True
    assert row(response, "Entré utan trappsteg")["differs"] is True
    text = response.content.decode()
    assert text.count('class="comparison__row--differs"') == sum(
        r["differs"] for r in response.context["rows"]
    )
    assert "(skiljer sig)" in text


def test_at_most_three_offices_and_a_fourth_is_refused_with_a_message(client, three_offices):
    OfficeFactory(ka_number="444444")
    response = client.get(URL, {"kontor": ["111111", "222222", "333333", "444444"]})
    assert len(response.context["offices"]) == 3
    assert "Du kan jämföra högst 3 kontor. Vi lade inte till KA-nummer 444444." in (
        response.content.decode()
    )


def test_unknown_and_malformed_ka_numbers_are_explained(client, three_offices):
    response = client.get(URL, {"kontor": ["111111", "999999", "abc", "KA 222 222"]})
    assert [o.ka_number for o in response.context["offices"]] == ["111111", "222222"]
    text = response.content.decode()
    assert "Vi hittar inga aktiva kontor med KA-nummer 999999" in text
    assert "”abc”" in text


def test_empty_comparison_explains_how_to_add_offices(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert "Du har inte valt några kontor att jämföra än" in response.content.decode()


def test_remove_link_keeps_the_other_offices(client, three_offices):
    response = client.get(URL, {"kontor": ["111111", "222222"], "kommun": "0380"})
    assert 'href="/jamfor/?kontor=222222&amp;kommun=0380"' in response.content.decode() or (
        'href="/jamfor/?kommun=0380&amp;kontor=222222"' in response.content.decode()
    )


def test_comparison_query_budget(client, three_offices, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        response = client.get(URL, {"kontor": ["111111", "222222", "333333"], "kommun": "0380"})
    assert len(response.context["offices"]) == 3


def test_jamfor_toggle_on_supplier_page_adds_and_removes_the_office(client, three_offices):
    first, second, _ = three_offices
    page = client.get(first.supplier.get_absolute_url(), {"kontor": "222222"}).content.decode()
    assert re.search(r'href="\?kontor=222222&amp;kontor=111111"[^>]*>Jämför', page)
    assert "Du jämför 1 kontor av högst 3." in page
    compared = client.get(first.supplier.get_absolute_url(), {"kontor": ["222222", "111111"]})
    assert 'href="?kontor=222222"' in compared.content.decode()
    assert "Ta bort ur jämförelsen" in compared.content.decode()


def test_jamfor_on_a_search_card_adds_the_nearest_office_and_keeps_the_filters(client):
    supplier = SupplierFactory(name="Nära AB")
    OfficeFactory(supplier=supplier, ka_number="555555", municipality=municipality("2584"))
    OfficeFactory(supplier=supplier, ka_number="666666", municipality=municipality("0380"))
    page = client.get("/leverantorer/", {"kommun": "0380", "avstand": "alla"}).content.decode()
    assert "kommun=0380&amp;avstand=alla&amp;kontor=666666" in page
    with_comparison = client.get("/leverantorer/", {"kommun": "0380", "kontor": "666666"})
    text = with_comparison.content.decode()
    assert '<input type="hidden" name="kontor" value="666666">' in text
    assert 'href="/jamfor/?kommun=0380&amp;kontor=666666"' in text


def test_search_page_budget_holds_with_the_comparison(client, django_assert_max_num_queries):
    for n in range(25):
        OfficeFactory(supplier=SupplierFactory(name=f"S{n}", language_codes=["sv", "ar"]))
    with django_assert_max_num_queries(8):
        client.get("/leverantorer/", {"kommun": "0180", "kontor": ["500001", "500002"]})
