import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from suppliers.models import ResultGrade
from suppliers.services import save_result_grade
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
