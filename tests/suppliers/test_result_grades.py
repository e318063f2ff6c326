import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from suppliers.models import ResultGrade
from suppliers.services import save_result_grade
from suppliers.views import NEUTRAL_SEED_COOKIE
from tests.offices.factories import OfficeFactory, municipality
from tests.suppliers.factories import ResultGradeFactory, SupplierFactory, delivery_area

pytestmark = pytest.mark.django_db


def grade(**kwargs):
    """An unsaved grade, to save past the service and meet the database's constraints."""
    defaults = {
        "supplier": SupplierFactory(),
        "delivery_area": delivery_area("uppsala"),
        "stars": 3,
        "period_start": datetime.date(2026, 1, 1),
        "period_end": datetime.date(2026, 6, 30),
        "published_on": datetime.date(2026, 8, 15),
    }
    return ResultGrade(**{**defaults, **kwargs})


def assert_refused_by_database(instance):
    with pytest.raises(IntegrityError), transaction.atomic():
        instance.save()


@pytest.mark.parametrize("stars", [0, 5])
def test_stars_outside_1_to_4_are_refused(stars):
    assert_refused_by_database(grade(stars=stars))
    with pytest.raises(ValidationError):
        grade(stars=stars).full_clean()


@pytest.mark.parametrize("stars", [1, 4])
def test_stars_1_to_4_are_kept(stars):
    grade(stars=stars).save()


def test_no_grade_needs_a_reason_and_a_grade_has_none():
    assert_refused_by_database(grade(stars=None, no_grade_reason=""))
    assert_refused_by_database(grade(stars=2, no_grade_reason="too_few_participants"))
    with pytest.raises(ValidationError, match="Ange varför betyg saknas"):
        grade(stars=None).full_clean()
    grade(stars=None, no_grade_reason="too_few_participants").full_clean()


def test_period_must_not_end_before_it_starts():
    backwards = grade(period_start=datetime.date(2026, 7, 1), period_end=datetime.date(2026, 6, 1))
    assert_refused_by_database(backwards)
    with pytest.raises(ValidationError, match="slutar före den börjar"):
        backwards.full_clean()


def test_only_one_current_grade_per_supplier_and_area():
    first = grade()
    first.save()
    assert_refused_by_database(
        grade(supplier=first.supplier, published_on=datetime.date(2026, 10, 15))
    )
    other_area = grade(supplier=first.supplier, delivery_area=delivery_area("gotland"))
    other_area.save()
    history = grade(
        supplier=first.supplier, published_on=datetime.date(2026, 6, 15), is_current=False
    )
    history.save()


def test_a_newer_publication_makes_the_previous_grade_history():
    old = ResultGradeFactory(stars=2, published_on=datetime.date(2026, 6, 15))
    new = ResultGradeFactory(
        supplier=old.supplier, stars=4, published_on=datetime.date(2026, 8, 15)
    )
    old.refresh_from_db()
    assert (old.is_current, new.is_current) == (False, True)
    assert list(old.supplier.result_grades.current()) == [new]


def test_an_older_publication_imported_late_goes_straight_to_history():
    new = ResultGradeFactory(published_on=datetime.date(2026, 8, 15))
    late = save_result_grade(
        grade(supplier=new.supplier, stars=1, published_on=datetime.date(2026, 4, 15))
    )
    new.refresh_from_db()
    assert (new.is_current, late.is_current) == (True, False)


def test_grades_in_other_areas_stay_current():
    uppsala = ResultGradeFactory()
    gotland = ResultGradeFactory(supplier=uppsala.supplier, delivery_area=delivery_area("gotland"))
    ResultGradeFactory(supplier=uppsala.supplier, published_on=datetime.date(2026, 10, 15))
    gotland.refresh_from_db()
    assert gotland.is_current


def test_a_grade_added_in_the_admin_becomes_current(admin_client):
    old = ResultGradeFactory(stars=2)
    response = admin_client.post(
        "/admin/suppliers/resultgrade/add/",
        {
            "supplier": old.supplier.pk,
            "delivery_area": old.delivery_area.pk,
            "stars": "4",
            "no_grade_reason": "",
            "period_start": "2026-03-01",
            "period_end": "2026-08-31",
            "published_on": "2026-10-15",
        },
    )
    assert response.status_code == 302
    old.refresh_from_db()
    assert not old.is_current
    assert old.supplier.result_grades.current().get().stars == 4


def test_admin_change_page_renders(admin_client):
    grade = ResultGradeFactory()
    response = admin_client.get(f"/admin/suppliers/resultgrade/{grade.pk}/change/")
    assert response.status_code == 200


# On the search page and the supplier page

URL = "/leverantorer/"
UPPSALA, KNIVSTA, STOCKHOLM = "0380", "0330", "0180"


def supplier_in_uppsala(name, stars=None, **grade):
    supplier = SupplierFactory(name=name)
    OfficeFactory(supplier=supplier, municipality=municipality(UPPSALA))
    if stars or grade:
        ResultGradeFactory(supplier=supplier, stars=stars, **grade)
    return supplier


def names(response):
    return [supplier.name for supplier in response.context["page"].object_list]


def card_of(response, name):
    text = response.text
    start = text.index(f">{name}</a>")
    return text[start : text.index("</li>", start)]


def test_card_shows_the_grade_of_the_chosen_municipalitys_area_with_period_and_date(client):
    supplier_in_uppsala("Bra AB", stars=3)
    card = card_of(client.get(URL, {"kommun": KNIVSTA}), "Bra AB")
    assert "Arbetsförmedlingens resultatbetyg: 3 av 4" in card
    assert "Leveransområde Uppsala" in card
    assert (
        "mätperiod 1\u00a0jan\u00a02026 – 30\u00a0jun\u00a02026 · publicerat 15\u00a0aug\u00a02026"
        in card
    )
    assert "Deltagarnas omdömen:" in card


def test_card_says_no_grade_yet_with_the_reason(client):
    supplier_in_uppsala("Ny AB", too_new=True)
    supplier_in_uppsala("Opublicerad AB")
    response = client.get(URL, {"kommun": UPPSALA})
    assert "Inget betyg ännu" in card_of(response, "Ny AB")
    assert "(aktiv kortare tid än 12 månader)" in card_of(response, "Ny AB")
    assert "(inget publicerat för området)" in card_of(response, "Opublicerad AB")


def test_card_shows_neither_history_nor_grades_of_other_areas(client):
    supplier = supplier_in_uppsala("Bytt AB", stars=1, published_on=datetime.date(2026, 6, 15))
    ResultGradeFactory(supplier=supplier, stars=4, delivery_area=delivery_area("stockholm"))
    ResultGradeFactory(supplier=supplier, stars=2, published_on=datetime.date(2026, 8, 15))
    card = card_of(client.get(URL, {"kommun": UPPSALA}), "Bytt AB")
    assert "resultatbetyg: 2 av 4" in card
    assert "1 av 4" not in card and "4 av 4" not in card


def test_without_a_municipality_cards_show_no_grade_but_the_explanation_is_there(client):
    supplier_in_uppsala("Bra AB", stars=3)
    response = client.get(URL)
    assert "Arbetsförmedlingens resultatbetyg: 3 av 4" not in response.text
    assert "<summary>Vad betyder betygen?</summary>" in response.text
    assert "Att betyg saknas betyder inte att leverantören är dålig." in response.text


def test_minimum_result_grade_filter(client):
    supplier_in_uppsala("Fyra AB", stars=4)
    supplier_in_uppsala("Tre AB", stars=3)
    supplier_in_uppsala("Två AB", stars=2)
    supplier_in_uppsala("Utan AB", too_few_participants=True)
    supplier_in_uppsala("Opublicerad AB")
    response = client.get(URL, {"kommun": UPPSALA, "resultatbetyg": "3", "sortering": "namn"})
    assert names(response) == ["Fyra AB", "Tre AB"]
    assert names(client.get(URL, {"kommun": UPPSALA, "resultatbetyg": "4"})) == ["Fyra AB"]


def test_result_grade_filter_without_a_municipality_is_ignored_with_a_note(client):
    supplier_in_uppsala("Fyra AB", stars=4)
    supplier_in_uppsala("Utan AB")
    response = client.get(URL, {"resultatbetyg": "3"})
    assert sorted(names(response)) == ["Fyra AB", "Utan AB"]
    assert "Resultatbetyg: ”3” – Välj en kommun först." in response.text


def test_best_result_grade_first_without_grade_last_and_ties_in_neutral_order(client):
    supplier_in_uppsala("Två AB", stars=2)
    supplier_in_uppsala("Utan AB", too_few_participants=True)
    for n in range(6):
        supplier_in_uppsala(f"Fyra {n} AB", stars=4)
    supplier_in_uppsala("Opublicerad AB")
    client.cookies[NEUTRAL_SEED_COOKIE] = "4242"
    ranked = names(client.get(URL, {"kommun": UPPSALA, "sortering": "resultatbetyg"}))
    neutral = names(client.get(URL, {"kommun": UPPSALA}))
    fours = [name for name in neutral if name.startswith("Fyra")]
    assert ranked[:7] == [*fours, "Två AB"]
    assert sorted(ranked[7:]) == ["Opublicerad AB", "Utan AB"]
    assert ranked[7:] == [name for name in neutral if name in {"Opublicerad AB", "Utan AB"}]
    assert fours != sorted(fours)


def test_sorting_on_result_grade_without_a_municipality_falls_back_with_a_note(client):
    supplier_in_uppsala("Fyra AB", stars=4)
    response = client.get(URL, {"sortering": "resultatbetyg"})
    assert "Välj en kommun för att sortera på resultatbetyg." in response.text
    assert "Ordningen är slumpad" in response.text


@pytest.mark.parametrize("htmx", [False, True])
def test_grades_keep_the_search_within_8_queries(client, django_assert_max_num_queries, htmx):
    for n in range(30):
        supplier = SupplierFactory(name=f"Stor {n} AB", language_codes=["sv", "ar"], with_offices=3)
        ResultGradeFactory(
            supplier=supplier, delivery_area=delivery_area("stockholm"), stars=n % 4 + 1
        )
        ResultGradeFactory(
            supplier=supplier,
            delivery_area=delivery_area("stockholm"),
            stars=1,
            published_on=datetime.date(2026, 4, 15),
        )
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    params = {"kommun": STOCKHOLM, "resultatbetyg": "2", "sortering": "resultatbetyg"}
    with django_assert_max_num_queries(8):
        response = client.get(URL, params, **headers)
    assert len(response.context["page"].object_list) == 20
    assert response.text.count("Arbetsförmedlingens resultatbetyg: 4 av 4") == 7


def test_supplier_page_shows_each_area_with_offices_and_its_grade_or_none(client):
    supplier = SupplierFactory(name="Tre områden AB")
    for code in [UPPSALA, STOCKHOLM, "0980"]:
        OfficeFactory(supplier=supplier, municipality=municipality(code))
    ResultGradeFactory(supplier=supplier, stars=4)
    ResultGradeFactory(
        supplier=supplier, delivery_area=delivery_area("gotland"), too_few_participants=True
    )
    ResultGradeFactory(supplier=supplier, delivery_area=delivery_area("malmo"), stars=1)
    response = client.get(supplier.get_absolute_url(), {"kommun": "0120"})
    areas = [area.name for area, _ in response.context["result_grades"]]
    assert areas == ["Gotland", "Stockholm", "Uppsala"]
    text = response.text
    assert "Arbetsförmedlingens resultatbetyg: 4 av 4" in text
    assert "(för få deltagare)" in text
    assert "(inget publicerat för området)" in text
    assert "1 av 4" not in text
    assert "<summary>Vad betyder betygen?</summary>" in text


def test_supplier_page_puts_the_chosen_municipalitys_area_first(client):
    supplier = SupplierFactory()
    for code in [UPPSALA, STOCKHOLM]:
        OfficeFactory(supplier=supplier, municipality=municipality(code))
    response = client.get(supplier.get_absolute_url(), {"kommun": KNIVSTA})
    assert [area.name for area, _ in response.context["result_grades"]] == ["Uppsala", "Stockholm"]
    assert "(här ligger Knivsta)" in response.text


@pytest.mark.parametrize(
    ("query", "note"),
    [
        ("kommun=0380&resultatbetyg=9", "Resultatbetyg: ”9” – finns inte i listan"),
        ("kommun=9999&resultatbetyg=3", "Resultatbetyg: ”3” – Välj en kommun först."),
        ("resultatbetyg=abc", "Resultatbetyg: ”abc” – finns inte i listan"),
    ],
)
def test_bad_result_grade_input_is_ignored_with_a_note(client, query, note):
    supplier_in_uppsala("Fyra AB", stars=4)
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200
    assert names(response) == ["Fyra AB"]
    assert note in response.text
