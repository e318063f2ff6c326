"""Arbetsförmedlingen's grade in the search: per contract in the chosen area, or any
contract in force without one."""

import pytest

from suppliers.views import NEUTRAL_SEED_COOKIE
from tests.bidi import without_bidi
from tests.offices.factories import OfficeFactory, delivery_area, municipality
from tests.suppliers.af_data import graded_contract
from tests.suppliers.factories import SupplierFactory
from tests.suppliers.found import found_names

pytestmark = pytest.mark.django_db

URL = "/leverantorer/"
UPPSALA, KNIVSTA, STOCKHOLM = "0380", "0330", "0180"


def names(response):
    return found_names(response)


def card_of(response, name):
    text = without_bidi(response.text)
    start = text.index(f">{name}</a>")
    return text[start : text.index("</li>", start)]


def supplier_in_uppsala(name, history=(), area="uppsala"):
    """A supplier with an office in Uppsala and a contract there with this grade history."""
    supplier = SupplierFactory(name=name)
    contract = graded_contract(
        history=history, supplier=supplier, delivery_area=delivery_area(area)
    )
    OfficeFactory(supplier=supplier, contract=contract, municipality=municipality(UPPSALA))
    return supplier


def test_card_shows_the_grade_of_the_contract_in_the_chosen_municipalitys_area(client):
    supplier = supplier_in_uppsala("Bra AB", [("2026-01", 1), ("2026-03", 3)])
    ka_number = supplier.contracts.get().ka_number
    graded_contract(
        supplier=supplier, delivery_area=delivery_area("stockholm-mitt"), history=[("2026-03", 4)]
    )
    for params in [{"kommun": KNIVSTA}, {"omrade": "uppsala"}]:
        card = card_of(client.get(URL, params), "Bra AB")
        assert "Arbetsförmedlingens resultatbetyg: 3 av 4" in card
        assert f"Avtal KA {ka_number} · Leveransområde Uppsala · publicerat för mars 2026" in card
        assert "1 av 4" not in card and "4 av 4" not in card
        assert "Deltagarnas omdömen:" in card


def test_card_says_no_grade_yet_and_why(client):
    supplier_in_uppsala("Saknas AB", [("2026-03", None)])
    supplier_in_uppsala("Opublicerad AB")
    response = client.get(URL, {"kommun": UPPSALA})
    assert "Inget betyg ännu" in card_of(response, "Saknas AB")
    assert "”Betyg saknas” och anger inte varför" in card_of(response, "Saknas AB")
    assert "(inget publicerat för avtalet)" in card_of(response, "Opublicerad AB")


def test_a_supplier_without_a_contract_in_the_chosen_area_is_not_listed_for_it(client):
    supplier_in_uppsala("Annat område AB", [("2026-03", 4)], area="stockholm-mitt")
    supplier_in_uppsala("Uppsalaavtal AB", [("2026-03", 2)])
    text = client.get(URL, {"omrade": "uppsala"}).text
    assert "Uppsalaavtal AB" in text
    assert "Annat område AB" not in text


def test_card_shows_the_nearest_office_s_contract_where_the_municipality_s_area_has_none(client):
    """Stockholm and Göteborg lie where several of AF's areas meet: a supplier whose
    nearest office belongs to a neighbouring area's contract shows that contract's grade,
    named with its own area, rather than "no contract"."""
    supplier_in_uppsala("Grannområde AB", [("2026-03", 4)], area="stockholm-nord")
    card = card_of(client.get(URL, {"kommun": UPPSALA}), "Grannområde AB")
    assert "Arbetsförmedlingens resultatbetyg: 4 av 4" in card
    assert "Leveransområde Stockholm Nord" in card
    assert "Inget avtal i leveransområde" not in card


def test_without_an_area_cards_show_no_grade_but_the_explanation_is_there(client):
    supplier_in_uppsala("Bra AB", [("2026-03", 3)])
    response = client.get(URL)
    assert "Arbetsförmedlingens resultatbetyg: 3 av 4" not in response.text
    assert "<summary>Vad betyder betygen?</summary>" in response.text
    assert "Att betyg saknas betyder inte att leverantören är dålig." in response.text


@pytest.mark.parametrize("place", [{"kommun": UPPSALA}, {"omrade": "uppsala"}])
def test_minimum_result_grade_uses_the_contract_in_the_area(client, place):
    supplier_in_uppsala("Fyra AB", [("2026-03", 4)])
    supplier_in_uppsala("Tre AB", [("2026-01", 1), ("2026-03", 3)])
    supplier_in_uppsala("Två AB", [("2026-01", 4), ("2026-03", 2)])
    supplier_in_uppsala("Saknas AB", [("2026-03", None)])
    supplier_in_uppsala("Opublicerad AB")
    elsewhere = supplier_in_uppsala("Bra på annat håll AB", [("2026-03", 1)])
    graded_contract(
        supplier=elsewhere, delivery_area=delivery_area("gotland"), history=[("2026-03", 4)]
    )
    response = client.get(URL, {**place, "resultatbetyg": "3", "sortering": "namn"})
    assert names(response) == ["Fyra AB", "Tre AB"]
    assert names(client.get(URL, {**place, "resultatbetyg": "4"})) == ["Fyra AB"]


def test_minimum_result_grade_without_an_area_counts_any_contract_in_force(client):
    supplier_in_uppsala("Fyra här AB", [("2026-03", 4)])
    elsewhere = supplier_in_uppsala("Fyra på Gotland AB", [("2026-03", 1)])
    graded_contract(
        supplier=elsewhere, delivery_area=delivery_area("gotland"), history=[("2026-03", 4)]
    )
    ended = supplier_in_uppsala("Fyra förr AB", [("2026-03", 2)])
    graded_contract(
        supplier=ended,
        delivery_area=delivery_area("malmo"),
        history=[("2026-03", 4)],
        in_force=False,
    )
    supplier_in_uppsala("Utan AB")
    response = client.get(URL, {"resultatbetyg": "4", "sortering": "namn"})
    assert names(response) == ["Fyra här AB", "Fyra på Gotland AB"]
    assert "någonstans i landet har ett avtal med resultatbetyg 4 av 4." in response.text
    assert "eller högre" not in response.text
    assert "kunde vi inte använda" not in response.text
    three = client.get(URL, {"resultatbetyg": "3"}).text
    assert "någonstans i landet har ett avtal med resultatbetyg minst 3 av 4." in three


@pytest.mark.parametrize("place", [{"kommun": UPPSALA}, {"omrade": "uppsala"}])
def test_best_result_grade_first_without_grade_last_and_ties_in_neutral_order(client, place):
    supplier_in_uppsala("Två AB", [("2026-03", 2)])
    supplier_in_uppsala("Saknas AB", [("2026-03", None)])
    for n in range(6):
        supplier_in_uppsala(f"Fyra {n} AB", [("2026-03", 4)])
    supplier_in_uppsala("Opublicerad AB")
    client.cookies[NEUTRAL_SEED_COOKIE] = "4242"
    ranked = names(client.get(URL, {**place, "sortering": "resultatbetyg"}))
    neutral = names(client.get(URL, place))
    fours = [name for name in neutral if name.startswith("Fyra")]
    assert ranked[:7] == [*fours, "Två AB"]
    assert ranked[7:] == [name for name in neutral if name in {"Opublicerad AB", "Saknas AB"}]
    assert fours != sorted(fours)


def test_sorting_on_result_grade_without_an_area_falls_back_with_a_note(client):
    supplier_in_uppsala("Fyra AB", [("2026-03", 4)])
    response = client.get(URL, {"sortering": "resultatbetyg"})
    assert "Välj en kommun eller ett leveransområde för att sortera på resultatbetyg." in (
        response.text
    )
    assert "Ordningen är slumpad" in response.text


# The register's version, the suppliers found, then the page's 20 cards: the suppliers,
# their languages and industries and the offices they compare (the full page adds the
# question whether the register holds example data and the reference data's check).
@pytest.mark.parametrize(("htmx", "budget"), [(False, 10), (True, 9)])
@pytest.mark.parametrize("place", [{"kommun": STOCKHOLM}, {"omrade": "stockholm-mitt"}])
def test_grades_keep_the_search_within_its_query_budget(
    client, django_assert_max_num_queries, htmx, budget, place
):
    for n in range(30):
        supplier = SupplierFactory(name=f"Stor {n} AB", language_codes=["sv", "ar"])
        contract = graded_contract(
            supplier=supplier,
            delivery_area=delivery_area("stockholm-mitt"),
            history=[("2026-01", 1), ("2026-03", n % 4 + 1)],
        )
        for _ in range(3):
            OfficeFactory(
                supplier=supplier, contract=contract, municipality=municipality(STOCKHOLM)
            )
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    params = {**place, "resultatbetyg": "2", "sortering": "resultatbetyg"}
    with django_assert_max_num_queries(budget):
        response = client.get(URL, params, **headers)
    assert len(response.context["page"].object_list) == 20
    assert response.text.count("Arbetsförmedlingens resultatbetyg: 4 av 4") == 7


@pytest.mark.parametrize(
    ("query", "note"),
    [
        ("kommun=0380&resultatbetyg=9", "Resultatbetyg: ”9” – finns inte i listan"),
        ("resultatbetyg=abc", "Resultatbetyg: ”abc” – finns inte i listan"),
        ("omrade=uppsala&resultatbetyg=0", "Resultatbetyg: ”0” – finns inte i listan"),
    ],
)
def test_bad_result_grade_input_is_ignored_with_a_note(client, query, note):
    supplier_in_uppsala("Fyra AB", [("2026-03", 4)])
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200
    assert names(response) == ["Fyra AB"]
    assert note in response.text
