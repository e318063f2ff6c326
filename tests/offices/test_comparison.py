"""/jamfor/: offices side by side, the list in the URL, toggling, the way back to the
search, bad input and the query budget (long because the comparison is reached from three
pages and keeps each one's choices)."""

import datetime
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from krom.verification import DataSource
from offices.comparison import Comparison
from offices.models import Accessibility
from tests.grades.factories import ResultGradeFactory
from tests.kept import forget_everything_kept
from tests.offices.factories import OfficeFactory, municipality
from tests.reviews.factories import rate
from tests.suppliers.factories import SupplierFactory

pytestmark = pytest.mark.django_db

URL = "/jamfor/"


@pytest.fixture
def three_offices():
    uppsala = municipality("0380")
    first = OfficeFactory(
        supplier=SupplierFactory(name="Alfa Jobb AB", language_codes=["sv", "ar"], remote=True),
        name="Alfa Uppsala",
        ka_number="10071111",
        municipality=uppsala,
        step_free_entrance=Accessibility.YES,
        verified_at=timezone.localdate() - timedelta(days=10),
        data_source=DataSource.ARBETSFORMEDLINGEN,
    )
    second = OfficeFactory(
        supplier=SupplierFactory(name="Beta Steg AB", language_codes=["sv", "ar"]),
        name="Beta Uppsala",
        ka_number="10072222",
        municipality=uppsala,
        step_free_entrance=Accessibility.NO,
        taking_participants=False,
        taking_participants_from=timezone.localdate() + timedelta(days=30),
    )
    third = OfficeFactory(
        supplier=SupplierFactory(name="Gamma Väg AB", language_codes=["sv"]),
        name="Gamma Enköping",
        ka_number="10073333",
        municipality=municipality("0381"),
    )
    rate(first.supplier, 5, 4)
    ResultGradeFactory(contract=first.contract, month=datetime.date(2026, 3, 1), stars=3)
    return first, second, third


def keys(*offices):
    return [office.url_key for office in offices]


def row(response, label):
    return next(r for r in response.context["rows"] if r["label"] == label)


def test_comparison_shows_the_offices_from_the_url_in_order(client, three_offices):
    first, second, _third = three_offices
    response = client.get(URL, {"kontor": keys(second, first)})
    assert response.status_code == 200
    assert response.context["offices"] == [second, first]
    text = response.content.decode()
    assert text.index("Beta Steg AB") < text.index("Alfa Jobb AB")


def test_comparison_shows_what_a_job_seeker_compares(client, three_offices):
    first, second, _third = three_offices
    response = client.get(URL, {"kontor": keys(first, second), "kommun": "0380"})
    text = response.content.decode()
    for expected in [
        "Avstånd från Uppsala",
        "Arabiska",
        "Delar på distans",
        "Arbetsförmedlingens resultatbetyg",
        "3 av 4 för avtalet i Uppsala (mars 2026)",
        "Inget betyg ännu (inget publicerat för avtalet)",
        "Inget betyg betyder inte en dålig leverantör",
        "Deltagarnas omdömen",
        "4,5 av 5 (2 omdömen)",
        "Entré utan trappsteg",
        "Tar emot nya deltagare",
        "Nej, från",
        "Uppgifterna kontrollerades",
        "Arbetsförmedlingens publicerade lista",
        "minst var fjärde vecka",
        f"/leverantorer/alfa-jobb-ab/kontor/{first.url_key}/valj/",
        f'href="/leverantorer/alfa-jobb-ab/#kontor-{first.url_key}"',
    ]:
        assert expected in text, expected


def test_each_office_shows_its_contracts_ka_number(client, three_offices):
    first, _second, _third = three_offices
    sibling = OfficeFactory(supplier=first.supplier, name="Alfa Gottsunda", ka_number="10071111")
    text = client.get(URL, {"kontor": keys(first, sibling)}).content.decode()
    assert text.count('<bdi dir="ltr" class="ka-number">10071111</bdi>') == 2


def test_grade_without_stars_says_af_gives_no_reason(client, three_offices):
    _first, second, _third = three_offices
    ResultGradeFactory(contract=second.contract, month=datetime.date(2026, 3, 1), missing=True)
    response = client.get(URL, {"kontor": keys(second)})
    assert row(response, "Arbetsförmedlingens resultatbetyg")["cells"][0]["text"].startswith(
        "Inget betyg ännu för avtalet i Uppsala (mars 2026): Arbetsförmedlingen skriver "
        "”Betyg saknas” och anger inte varför."
    )


def test_rows_where_the_offices_differ_are_marked(client, three_offices):
    first, second, _third = three_offices
    response = client.get(URL, {"kontor": keys(first, second)})
    assert row(response, "Språk utan tolk")["differs"] is False
    assert row(response, "Delar på distans")["differs"] is True
    assert row(response, "Entré utan trappsteg")["differs"] is True
    text = response.content.decode()
    assert text.count('class="comparison__row--differs"') == sum(
        r["differs"] for r in response.context["rows"]
    )
    assert "(skiljer sig)" in text


def test_at_most_three_offices_and_a_fourth_is_refused_with_a_message(client, three_offices):
    fourth = OfficeFactory(ka_number="10074444")
    response = client.get(URL, {"kontor": keys(*three_offices, fourth)})
    assert len(response.context["offices"]) == 3
    assert "Du kan jämföra högst 3 kontor. Vi lade inte till fler." in response.content.decode()


def test_the_same_office_named_twice_is_compared_once(client, three_offices):
    first, _second, _third = three_offices
    first.legacy_ka_number = "111111"
    first.save()
    response = client.get(URL, {"kontor": [first.url_key, f"{first.pk}-old-name", "111111"]})
    assert response.context["offices"] == [first]


def test_unknown_and_malformed_offices_are_explained(client, three_offices):
    first, second, _third = three_offices
    response = client.get(
        URL, {"kontor": [first.url_key, "999999-borta", "abc", "KA 222 222", second.url_key]}
    )
    assert response.context["offices"] == [first, second]
    text = response.content.decode()
    assert "Vi hittar inte 1 av kontoren i länken bland dem som går att välja" in text
    assert "”abc”" in text and "”KA 222 222”" in text
    assert "det är inte en länk till ett kontor" in text


def test_an_inactive_office_in_the_link_is_explained(client, three_offices):
    first, second, third = three_offices
    second.is_active = False
    second.save()
    third.contract.in_force = False
    third.contract.save()
    response = client.get(URL, {"kontor": keys(first, second, third)})
    assert response.context["offices"] == [first]
    assert "Vi hittar inte 2 av kontoren i länken" in response.content.decode()


def test_old_links_with_the_offices_own_ka_numbers_still_compare_them(client, three_offices):
    first, second, _third = three_offices
    for office, number in [(first, "111111"), (second, "222222")]:
        office.legacy_ka_number = number
        office.save()
    response = client.get(URL, {"kontor": ["222222", "111111", "333333"], "kommun": "0380"})
    assert response.status_code == 200
    assert response.context["offices"] == [second, first]
    text = response.content.decode()
    assert "Vi hittar inte 1 av kontoren i länken" in text
    # Links on the page name the offices as they are named now.
    assert f'href="/jamfor/?kontor={first.url_key}&amp;kommun=0380"' in text
    assert f"kontor={second.url_key}&amp;kontor={first.url_key}" in text


@pytest.mark.parametrize(
    "value",
    ["99999999999", "12345678901-x", "1-", "0-x", "-", "\x00", "1-Å", "1" * 300, "", " 12-a"],
)
def test_odd_values_never_break_the_comparison(client, three_offices, value):
    response = client.get(URL, {"kontor": [value, three_offices[0].url_key]})
    assert response.status_code == 200
    assert response.context["offices"] == [three_offices[0]]


def test_empty_comparison_explains_how_to_add_offices(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert "Du har inte valt några kontor att jämföra än" in response.content.decode()


def test_remove_link_keeps_the_other_offices(client, three_offices):
    first, second, _third = three_offices
    response = client.get(URL, {"kontor": keys(first, second), "kommun": "0380"})
    assert f'href="/jamfor/?kontor={second.url_key}&amp;kommun=0380"' in response.content.decode()


def test_comparison_query_budget(client, three_offices, django_assert_max_num_queries):
    for office, number in zip(three_offices, ["111111", "222222", "333333"], strict=True):
        office.legacy_ka_number = number
        office.save()
    # With the register's version (krom/register.py).
    with django_assert_max_num_queries(9):
        response = client.get(URL, {"kontor": keys(*three_offices), "kommun": "0380"})
    assert len(response.context["offices"]) == 3
    with django_assert_max_num_queries(10):
        response = client.get(URL, {"kontor": ["111111", "222222", "333333"], "kommun": "0380"})
    assert len(response.context["offices"]) == 3


def test_toggling_adds_an_office_by_its_key_and_removes_it_by_any_name_of_the_same_id(
    three_offices,
):
    first, second, _third = three_offices
    query = QueryDict(f"kontor={first.pk}-old-name&kontor={second.url_key}&sida=2")
    comparison = Comparison(query, keep=QueryDict("sida=2"))
    assert first.url_key in comparison and second.url_key in comparison
    assert comparison.toggled(first.url_key) == f"?kontor={second.url_key}"
    assert comparison.toggled(second.url_key, drop=()) == f"?kontor={first.pk}-old-name&sida=2"
    empty = Comparison(QueryDict("kommun=0380&kontor=111111"), keep=QueryDict("kommun=0380"))
    assert first.url_key not in empty
    assert empty.toggled(first.url_key) == f"?kommun=0380&kontor=111111&kontor={first.url_key}"
    assert empty.comparison_query() == "?kommun=0380&kontor=111111"
    assert "abc" not in empty


# The comparison from the supplier page and the search (suppliers.views).


def test_jamfor_toggle_on_supplier_page_adds_and_removes_the_office(client, three_offices):
    first, second, _ = three_offices
    page = client.get(first.supplier.get_absolute_url(), {"kontor": second.url_key})
    text = page.content.decode()
    assert re.search(
        rf'href="\?kontor={second.url_key}&amp;kontor={first.url_key}"[^>]*>Jämför', text
    )
    assert "Du jämför 1 kontor av högst 3." in text
    compared = client.get(first.supplier.get_absolute_url(), {"kontor": keys(second, first)})
    assert f'href="?kontor={second.url_key}"' in compared.content.decode()
    assert "Ta bort ur jämförelsen" in compared.content.decode()


def test_jamfor_on_a_search_card_adds_the_nearest_office_and_keeps_the_filters(client):
    supplier = SupplierFactory(name="Nära AB")
    OfficeFactory(supplier=supplier, municipality=municipality("2584"))
    near = OfficeFactory(supplier=supplier, municipality=municipality("0380"))
    page = client.get("/leverantorer/", {"kommun": "0380", "avstand": "alla"}).content.decode()
    assert f"kommun=0380&amp;avstand=alla&amp;kontor={near.url_key}" in page
    with_comparison = client.get("/leverantorer/", {"kommun": "0380", "kontor": near.url_key})
    text = with_comparison.content.decode()
    assert f'<input type="hidden" name="kontor" value="{near.url_key}">' in text
    assert f'href="/jamfor/?kommun=0380&amp;kontor={near.url_key}"' in text


def test_comparing_adds_no_query_to_the_search_page(client):
    for n in range(25):
        OfficeFactory(supplier=SupplierFactory(name=f"S{n}", language_codes=["sv", "ar"]))
    counts = []
    # base.html's question about example data (answered once a minute) and the search's
    # reference data (loaded once per process) are asked by the first page.
    client.get("/leverantorer/")
    for compared in [[], ["1-a", "500002"]]:
        # Neither request finds what the other kept (krom/register.py).
        forget_everything_kept()
        with CaptureQueriesContext(connection) as queries:
            client.get("/leverantorer/", {"kommun": "0180", "kontor": compared})
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_way_back_from_the_comparison_keeps_every_search_choice(client, three_offices):
    first, second, _ = three_offices
    search = {
        "kommun": "0380",
        "avstand": "25",
        "sprak": ["ar", "so"],
        "distans": "on",
        "sortering": "namn",
        "betyg": "",
        "sida": "2",
        "kontor": [first.url_key, second.url_key],
    }
    text = client.get(URL, search).content.decode()
    back = re.search(r'<a href="(/leverantorer/[^"]*)">Tillbaka till sökningen', text).group(1)
    query = QueryDict(back.split("?", 1)[1].replace("&amp;", "&"))
    assert query["kommun"] == "0380"
    assert query["avstand"] == "25"
    assert query.getlist("sprak") == ["ar", "so"]
    assert query["distans"] == "on"
    assert query["sortering"] == "namn"
    assert query.getlist("kontor") == [first.url_key, second.url_key]
    assert "betyg" not in query and "sida" not in query


def test_compare_links_carry_no_empty_parameters(three_offices):
    first, *_ = three_offices
    comparison = Comparison(
        QueryDict("kommun=&sprak=&sprak=ar&avstand=&kontor="), keep=QueryDict("sprak=ar&avstand=")
    )
    assert comparison.toggled(first.url_key) == f"?sprak=ar&kontor={first.url_key}"
