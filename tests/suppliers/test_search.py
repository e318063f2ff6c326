"""The supplier search /leverantorer/: each public parameter, its bad values, ordering,
pagination, htmx and the query budget (long because the search has that many parameters)."""

import re

import pytest

from suppliers.views import NEUTRAL_SEED_COOKIE
from tests.offices.factories import OfficeFactory, municipality
from tests.reviews.factories import rate
from tests.suppliers.factories import SupplierFactory
from tests.suppliers.found import found_names

pytestmark = pytest.mark.django_db

URL = "/leverantorer/"
UPPSALA, ENKOPING, KIRUNA = "0380", "0381", "2584"


def names(response):
    return found_names(response)


def supplier_with_office_in(code, **kwargs):
    supplier = SupplierFactory(**kwargs)
    OfficeFactory(supplier=supplier, municipality=municipality(code))
    return supplier


def test_search_lists_active_suppliers_that_have_an_active_office(client):
    listed = supplier_with_office_in(UPPSALA, name="Synlig AB")
    supplier_with_office_in(UPPSALA, name="Inaktiv AB", is_active=False)
    OfficeFactory(supplier__name="Stängt kontor AB", is_active=False)
    SupplierFactory(name="Utan kontor AB")
    response = client.get(URL)
    assert response.status_code == 200
    assert names(response) == [listed.name]
    assert "1 leverantör" in response.text


def test_count_is_shown_as_n_leverantorer(client):
    for n in range(3):
        supplier_with_office_in(UPPSALA, name=f"Leverantör {n}")
    assert '<h2 id="result-count"' in client.get(URL).text
    assert re.search(r'id="result-count"[^>]*>\s*3 leverantörer', client.get(URL).text)


def test_municipality_keeps_suppliers_with_an_office_nearby_and_drops_far_ones(client):
    supplier_with_office_in(UPPSALA, name="I Uppsala AB")
    supplier_with_office_in(ENKOPING, name="I Enköping AB")  # about 40 km from Uppsala
    supplier_with_office_in(KIRUNA, name="I Kiruna AB")
    response = client.get(URL, {"kommun": UPPSALA})
    assert sorted(names(response)) == ["I Enköping AB", "I Uppsala AB"]
    assert "leverantörer nära Uppsala" in response.text


def test_distance_choice_widens_or_narrows_the_search(client):
    supplier_with_office_in(UPPSALA, name="I Uppsala AB")
    supplier_with_office_in(ENKOPING, name="I Enköping AB")
    supplier_with_office_in(KIRUNA, name="I Kiruna AB")
    assert names(client.get(URL, {"kommun": UPPSALA, "avstand": "10"})) == ["I Uppsala AB"]
    everywhere = client.get(URL, {"kommun": UPPSALA, "avstand": "alla"})
    assert len(names(everywhere)) == 3


def test_card_shows_offices_in_the_municipality_and_distance_to_the_nearest(client):
    supplier = supplier_with_office_in(ENKOPING, name="Två kontor AB")
    OfficeFactory(supplier=supplier, municipality=municipality(ENKOPING))
    response = client.get(URL, {"kommun": ENKOPING})
    assert "2 kontor i Enköping" in response.text
    assert "närmaste under 1 km bort" in response.text
    assert "på kontoret minst var fjärde vecka, och resor till ett kontor i en annan ort" in (
        response.text
    )
    response = client.get(URL, {"kommun": UPPSALA})
    assert "0 kontor" not in response.text
    assert re.search(r"Inget kontor i Uppsala, närmaste (3\d|4\d) km bort", response.text)


def test_language_filter_keeps_suppliers_with_any_chosen_language(client):
    supplier_with_office_in(UPPSALA, name="Arabiska AB", language_codes=["sv", "ar"])
    supplier_with_office_in(UPPSALA, name="Somaliska AB", language_codes=["sv", "so"])
    supplier_with_office_in(UPPSALA, name="Bara svenska AB", language_codes=["sv"])
    assert names(client.get(URL, {"sprak": "ar"})) == ["Arabiska AB"]
    both = client.get(URL, {"sprak": ["ar", "so"], "sortering": "namn"})
    assert names(both) == ["Arabiska AB", "Somaliska AB"]


def test_unknown_language_is_ignored_with_a_note_and_known_ones_still_apply(client):
    supplier_with_office_in(UPPSALA, name="Arabiska AB", language_codes=["ar"])
    supplier_with_office_in(UPPSALA, name="Finska AB", language_codes=["fi"])
    response = client.get(URL, {"sprak": ["ar", "xx"]})
    assert names(response) == ["Arabiska AB"]
    assert "Språk: ”xx” – finns inte i listan" in response.text


def test_industry_filter(client):
    supplier_with_office_in(UPPSALA, name="IT AB", industry_slugs=["data-it"])
    supplier_with_office_in(UPPSALA, name="Vård AB", industry_slugs=["halso-och-sjukvard"])
    assert names(client.get(URL, {"bransch": "data-it"})) == ["IT AB"]


def test_remote_filter_and_its_note_about_meeting_at_the_office(client):
    supplier_with_office_in(UPPSALA, name="Distans AB", offers_remote=True)
    supplier_with_office_in(UPPSALA, name="På plats AB", offers_remote=False)
    response = client.get(URL, {"distans": "1"})
    assert names(response) == ["Distans AB"]
    assert "på kontoret minst var fjärde vecka" in response.text


def test_minimum_rating_uses_the_average_of_approved_reviews(client):
    rate(supplier_with_office_in(UPPSALA, name="Fyra AB"), 4, 4, 5)
    rate(supplier_with_office_in(UPPSALA, name="Tre AB"), 3, 3, 4)
    supplier_with_office_in(UPPSALA, name="Oprövad AB")
    assert names(client.get(URL, {"betyg": "4"})) == ["Fyra AB"]
    assert sorted(names(client.get(URL, {"betyg": "3"}))) == ["Fyra AB", "Tre AB"]


@pytest.mark.parametrize("typed", ["jobb", "JOBB", "norr", "coach n", "Jöbb"])
def test_name_search_is_partial_and_ignores_case_and_accents(client, typed):
    supplier_with_office_in(UPPSALA, name="Jobbcoach Norr AB")
    supplier_with_office_in(UPPSALA, name="Framtid Syd AB")
    assert names(client.get(URL, {"q": typed})) == ["Jobbcoach Norr AB"]


def test_name_search_finds_swedish_letters_typed_without_dots(client):
    supplier_with_office_in(UPPSALA, name="Växtkraft Öresund AB")
    assert names(client.get(URL, {"q": "vaxtkraft oresund"})) == ["Växtkraft Öresund AB"]


def test_filters_combine(client):
    supplier_with_office_in(
        UPPSALA, name="Passar AB", language_codes=["ar"], industry_slugs=["data-it"], remote=True
    )
    supplier_with_office_in(
        UPPSALA, name="Fel bransch AB", language_codes=["ar"], industry_slugs=["transport"]
    )
    supplier_with_office_in(
        KIRUNA, name="För långt bort AB", language_codes=["ar"], industry_slugs=["data-it"]
    )
    response = client.get(
        URL, {"kommun": UPPSALA, "sprak": "ar", "bransch": "data-it", "distans": "1", "q": "pass"}
    )
    assert names(response) == ["Passar AB"]


def test_highest_rated_uses_a_bayesian_average(client):
    one_perfect = rate(supplier_with_office_in(UPPSALA, name="En femma AB"), 5)
    many_good = rate(supplier_with_office_in(UPPSALA, name="Många bra AB"), *([5] * 120 + [4] * 80))
    rate(supplier_with_office_in(UPPSALA, name="Svag AB"), *([2] * 30))
    assert one_perfect.rating_average > many_good.rating_average
    response = client.get(URL, {"sortering": "betyg"})
    assert names(response) == ["Många bra AB", "En femma AB", "Svag AB"]


def test_most_reviews_first(client):
    rate(supplier_with_office_in(UPPSALA, name="Två AB"), 3, 3)
    rate(supplier_with_office_in(UPPSALA, name="Tre AB"), 3, 3, 3)
    supplier_with_office_in(UPPSALA, name="Noll AB")
    assert names(client.get(URL, {"sortering": "omdomen"})) == ["Tre AB", "Två AB", "Noll AB"]


def test_name_order_is_swedish_with_a_ring_a_dots_and_o_dots_last(client):
    for name in [
        "Örebro AB",
        "Ängel AB",
        "Åsa AB",
        "Zeta AB",
        "Alfa AB",
        "Emil AB",
        "éclair AB",
    ]:
        supplier_with_office_in(UPPSALA, name=name)
    response = client.get(URL, {"sortering": "namn"})
    assert names(response) == [
        "Alfa AB",
        "éclair AB",
        "Emil AB",
        "Zeta AB",
        "Åsa AB",
        "Ängel AB",
        "Örebro AB",
    ]


def test_nearest_first_when_a_municipality_is_chosen(client):
    supplier_with_office_in(ENKOPING, name="Enköping AB")
    supplier_with_office_in(UPPSALA, name="Uppsala AB")
    supplier_with_office_in("0360", name="Tierp AB")  # about 60 km north of Uppsala
    response = client.get(URL, {"kommun": UPPSALA, "avstand": "100", "sortering": "narmast"})
    assert names(response) == ["Uppsala AB", "Enköping AB", "Tierp AB"]


def test_nearest_without_a_municipality_falls_back_to_neutral_order_with_a_note(client):
    supplier_with_office_in(UPPSALA)
    response = client.get(URL, {"sortering": "narmast"})
    assert response.status_code == 200
    assert "Välj en kommun för att sortera på avstånd." in response.text
    assert "Ordningen är slumpad" in response.text


def test_neutral_order_is_stable_for_a_visitor_and_differs_between_visitors(client):
    for n in range(15):
        supplier_with_office_in(UPPSALA, name=f"Leverantör {n:02d} AB")
    first = client.get(URL)
    cookie = first.cookies[NEUTRAL_SEED_COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Lax" and not cookie["max-age"]
    assert names(client.get(URL)) == names(first)
    client.cookies[NEUTRAL_SEED_COOKIE] = str(int(cookie.value) + 1)
    other_visitor = names(client.get(URL))
    assert sorted(other_visitor) == sorted(names(first))
    assert other_visitor != names(first)
    assert names(first) != sorted(names(first))
    assert "Ordningen är slumpad och olika för varje besökare" in first.text


def test_pagination_shows_20_per_page_and_keeps_the_filters(client):
    for n in range(25):
        supplier_with_office_in(UPPSALA, name=f"Arabisk {n:02d} AB", language_codes=["ar"])
    supplier_with_office_in(UPPSALA, name="Utan arabiska AB", language_codes=["sv"])
    first = client.get(URL, {"sprak": "ar", "sortering": "namn"})
    assert len(names(first)) == 20
    assert "?sprak=ar&amp;sortering=namn&amp;sida=2" in first.text
    second = client.get(URL, {"sprak": "ar", "sortering": "namn", "sida": "2"})
    assert names(second) == [f"Arabisk {n:02d} AB" for n in range(20, 25)]
    assert "Sida 2 av 2" in second.text


def test_htmx_request_gets_only_the_results_and_the_count(htmx_client, client):
    supplier_with_office_in(UPPSALA, name="Arabiska AB", language_codes=["ar"])
    supplier_with_office_in(UPPSALA, name="Finska AB", language_codes=["fi"])
    htmx_client.cookies[NEUTRAL_SEED_COOKIE] = "12345"
    partial = htmx_client.get(URL, {"sprak": "ar"})
    assert "<html" not in partial.text
    assert 'data-hx-swap-oob="innerHTML"' in partial.text
    assert "Arabiska AB" in partial.text and "Finska AB" not in partial.text
    assert "Vary" in partial and "HX-Request" in partial["Vary"]


def test_htmx_results_are_the_same_markup_as_the_full_page(client):
    for n in range(5):
        supplier_with_office_in(UPPSALA, name=f"Leverantör {n} AB", language_codes=["ar"])
    client.cookies[NEUTRAL_SEED_COOKIE] = "777"
    params = {"kommun": UPPSALA, "sprak": "ar"}
    full = client.get(URL, params).text
    partial = client.get(URL, params, HTTP_HX_REQUEST="true").text
    results = partial[partial.index('<div id="results"') :].strip()
    count = re.search(r'data-hx-swap-oob="innerHTML">(.*?)</h2>', partial, re.S).group(1)
    assert results in full
    assert re.search(r'class="result-count">' + re.escape(count) + "</h2>", full)
    # The count beside the filters is the live one: announced after each change.
    assert re.search(r'role="status">' + re.escape(count) + "</p>", full)
    assert re.search(r'id="filter-count" data-hx-swap-oob="innerHTML">' + re.escape(count), partial)


def test_without_javascript_the_form_is_a_plain_get_form(client):
    supplier_with_office_in(UPPSALA)
    text = client.get(URL).text
    assert re.search(r'<form[^>]*method="get"[^>]*action="/leverantorer/"', text)
    assert 'data-hx-push-url="true"' in text and 'data-hx-target="#results"' in text
    for label in [
        "Kommun eller ort",
        "Leveransområde",
        "Språk",
        "Bransch",
        "Distans",
        "Lägsta betyg",
        "Resultatbetyg",
        "Sök på namn",
    ]:
        assert label in text


# At most 8 queries, page or partial, once base.html's question whether the register holds
# example data has been answered (once a minute per process; the first page asks it).
@pytest.mark.parametrize("htmx", [False, True])
def test_query_budget_is_fixed_whatever_the_page_size(client, django_assert_max_num_queries, htmx):
    for n in range(30):
        supplier = SupplierFactory(
            name=f"Stor {n} AB",
            language_codes=["sv", "ar", "so", "fi", "en", "ti"],
            industry_slugs=["data-it", "transport", "hantverk"],
            with_offices=6,
        )
        rate(supplier, 4, 5)
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    client.get(URL)
    for params in [
        {},
        {"kommun": "0180", "sortering": "betyg", "sprak": ["ar", "so"]},
        {"omrade": "stockholm-mitt", "kontor": ["1-kontor", "123456"]},
    ]:
        with django_assert_max_num_queries(8):
            response = client.get(URL, params, **headers)
        assert len(response.context["page"].object_list) == 20


@pytest.mark.parametrize(
    "query",
    [
        "kommun=9999",
        "sprak=xx",
        "betyg=7",
        "betyg=abc",
        "sida=-1",
        "sida=abc",
        "sida=99999",
        "sortering=DROP",
        "sortering=narmast",
        "avstand=5000",
        "kommun=0180&kommun=1480",
        "omrade=finns-inte",
        "omrade=%00",
        "omrade=stockholm-mitt&omrade=uppsala",
        "kommun=%00",
        "q=%00abc",
        "q=" + "a" * 5000,
        "q=%ff%fe%fd",
        "sprak=%ff",
        "distans=maybe",
        "q=%27%3B%20DROP%20TABLE%20suppliers_supplier%3B--",
        "q={{ settings.SECRET_KEY }}",
    ],
)
def test_bad_input_never_fails_and_still_shows_results(client, settings, query):
    supplier_with_office_in(UPPSALA, name="Jobbcoach AB")
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200
    assert 'id="results"' in response.text
    assert settings.SECRET_KEY not in response.text


@pytest.mark.parametrize(
    ("query", "note"),
    [
        ("kommun=9999", "Kommun eller ort: ”9999” – finns inte i listan"),
        ("betyg=7", "Lägsta betyg: ”7” – finns inte i listan"),
        ("sida=abc", "Sidnumret måste vara ett heltal från 1"),
        ("sortering=DROP", "Sortera: ”DROP” – finns inte i listan"),
        ("omrade=atlantis", "Leveransområde: ”atlantis” – finns inte i listan"),
        ("q=%00abc", "Sök på namn"),
    ],
)
def test_ignored_input_is_named_on_the_page(client, query, note):
    supplier_with_office_in(UPPSALA)
    response = client.get(f"{URL}?{query}")
    assert "kunde vi inte använda" in response.text
    assert note in response.text


def test_a_flood_of_parameters_is_a_bad_request(client):
    response = client.get(URL + "?" + "&".join(f"sprak=x{n}" for n in range(2000)))
    assert response.status_code == 400


def test_script_in_the_query_is_escaped(client):
    supplier_with_office_in(UPPSALA)
    response = client.get(URL, {"kommun": "<script>alert(1)</script>"})
    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;" in response.text


def test_the_two_minimum_grade_filters_say_out_of_how_many(client):
    html = client.get("/leverantorer/").text
    assert ">minst 3 av 5</option>" in html
    assert ">minst 3 av 4</option>" in html
    assert "och högre" not in html


def test_an_htmx_search_pushes_its_address_without_empty_parameters(htmx_client):
    supplier_with_office_in(UPPSALA)
    form = {"kommun": UPPSALA, "avstand": "", "omrade": "", "betyg": "", "q": "", "sortering": ""}
    response = htmx_client.get(URL, {**form, "sprak": ["ar", ""]})
    assert response["HX-Push-Url"] == f"{URL}?kommun={UPPSALA}&sprak=ar"
    assert htmx_client.get(URL, {"q": "", "betyg": ""})["HX-Push-Url"] == URL
