import io

import pytest
from django.core.management import CommandError, call_command

from offices.models import Office
from reviews.models import Review
from suppliers.models import ResultGrade, Supplier

pytestmark = pytest.mark.django_db


def seed(**options):
    out = io.StringIO()
    call_command("seed_demo", stdout=out, **options)
    return out.getvalue()


def snapshot():
    return [
        (
            supplier.slug,
            supplier.organisation_number,
            supplier.offers_remote,
            sorted(language.code for language in supplier.languages.all()),
            sorted(industry.slug for industry in supplier.industries.all()),
            sorted((o.ka_number, o.municipality_id, o.postal_code) for o in supplier.offices.all()),
            sorted(review.rating for review in supplier.reviews.all()),
        )
        for supplier in Supplier.objects.prefetch_related(
            "languages", "industries", "offices", "reviews"
        ).order_by("slug")
    ]


def test_seed_demo_creates_the_requested_suppliers_with_offices_and_approved_reviews():
    output = seed(suppliers=12, seed=4, reviews=300)
    assert Supplier.objects.count() == 12
    assert Review.objects.filter(status=Review.Status.APPROVED).count() == 300
    assert "created 12 suppliers" in output
    for supplier in Supplier.objects.prefetch_related("offices", "languages"):
        assert 1 <= supplier.offices.count() <= 40
        assert "sv" in {language.code for language in supplier.languages.all()}
        for office in supplier.offices.all():
            office.full_clean()
        supplier.full_clean()


def test_seed_demo_is_deterministic_for_a_seed():
    seed(suppliers=8, seed=7, reviews=100)
    first = snapshot()
    Supplier.objects.all().delete()
    seed(suppliers=8, seed=7, reviews=100)
    assert snapshot() == first


def test_different_seeds_give_different_data():
    seed(suppliers=8, seed=7, reviews=0)
    first = snapshot()
    Supplier.objects.all().delete()
    seed(suppliers=8, seed=8, reviews=0)
    assert snapshot() != first


def test_seed_demo_run_twice_creates_nothing_the_second_time():
    seed(suppliers=6, seed=2, reviews=60)
    counts = (Supplier.objects.count(), Office.objects.count(), Review.objects.count())
    output = seed(suppliers=6, seed=2, reviews=60)
    assert (Supplier.objects.count(), Office.objects.count(), Review.objects.count()) == counts
    assert "created 0 suppliers, 0 offices and 0 reviews" in output


def test_asking_for_more_suppliers_keeps_the_first_ones_and_adds_the_rest():
    seed(suppliers=5, seed=2, reviews=0)
    first_slugs = set(Supplier.objects.values_list("slug", flat=True))
    seed(suppliers=9, seed=2, reviews=0)
    assert Supplier.objects.count() == 9
    assert first_slugs < set(Supplier.objects.values_list("slug", flat=True))


def test_offices_are_denser_in_big_cities():
    seed(suppliers=120, seed=1, reviews=0)
    stockholm = Office.objects.filter(municipality__code="0180").count()
    bjurholm = Office.objects.filter(municipality__code="2403").count()
    assert stockholm > 5 * max(bjurholm, 1)


def test_negative_counts_are_refused():
    with pytest.raises(CommandError):
        seed(suppliers=-1, seed=1)


def grade_snapshot():
    return sorted(
        ResultGrade.objects.values_list(
            "supplier__slug", "delivery_area__code", "stars", "no_grade_reason", "published_on"
        ),
        key=str,
    )


def test_seed_demo_grades_suppliers_in_the_areas_of_their_offices():
    output = seed(suppliers=40, seed=3, reviews=0)
    current = ResultGrade.objects.current().select_related("supplier")
    assert "results grades" in output
    for grade in current:
        grade.full_clean()
    pairs = {(grade.supplier_id, grade.delivery_area_id) for grade in current}
    office_pairs = set(Office.objects.values_list("supplier", "municipality__delivery_area"))
    assert pairs == office_pairs
    assert ResultGrade.objects.filter(is_current=False).count() == len(pairs)
    assert {grade.stars for grade in current} >= {None, 2, 3, 4}
    assert {grade.no_grade_reason for grade in current if grade.stars is None} == {
        "too_few_participants",
        "active_less_than_12_months",
    }


def test_seed_demo_grades_are_deterministic_and_not_added_twice():
    seed(suppliers=8, seed=7, reviews=0)
    first = grade_snapshot()
    seed(suppliers=8, seed=7, reviews=0)
    assert grade_snapshot() == first
    Supplier.objects.all().delete()
    seed(suppliers=8, seed=7, reviews=0)
    assert grade_snapshot() == first
