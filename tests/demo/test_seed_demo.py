"""seed_demo: each kind of invented data and its shape, determinism, and removal (long
because every part of the data has a promise in the README)."""

import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count
from django.utils import timezone

from grades.models import ContractResult, ResultGrade, ResultWeights
from offices.models import Contract, ContractName, Office
from reviews.models import Review, comment_fingerprint
from reviews.services import find_rating_drift
from suppliers.models import ErrorReport, Supplier, SupplierName
from suppliers.names import folded, swedish_sort_key
from tests.offices.factories import ContractFactory
from tests.reviews.factories import ReviewFactory
from tests.suppliers.factories import SupplierFactory

pytestmark = pytest.mark.django_db


def seed(**options):
    out = io.StringIO()
    call_command("seed_demo", stdout=out, **options)
    return out.getvalue()


def remove():
    call_command("seed_demo", remove=True, stdout=io.StringIO())


def snapshot(*, with_reviews=True):
    """Everything seed_demo makes, by supplier, in a comparable form."""
    suppliers = Supplier.objects.prefetch_related(
        "languages",
        "industries",
        "offices",
        "reviews",
        "contracts__delivery_area",
        "contracts__result_grades",
        "contracts__results",
        "contracts__names",
    ).order_by("slug")
    return [
        (
            supplier.slug,
            supplier.organisation_number,
            supplier.offers_remote,
            sorted(language.code for language in supplier.languages.all()),
            sorted(industry.slug for industry in supplier.industries.all()),
            sorted(
                (
                    contract.ka_number,
                    contract.delivery_area.code,
                    contract.start_date,
                    contract.in_force,
                    contract.current_grade,
                    contract.current_grade_month,
                    [(g.month, g.stars, g.no_grade_reason) for g in contract.grade_history],
                    sorted(
                        (r.period, r.participants, r.rr1_a, r.rr2_c, r.weighted_result)
                        for r in contract.results.all()
                    ),
                    sorted((n.name, n.first_seen, n.last_seen) for n in contract.names.all()),
                )
                for contract in supplier.contracts.all()
            ),
            sorted(
                (office.name, office.contract_id is not None, office.postal_code)
                for office in supplier.offices.all()
            ),
            sorted(review.rating for review in supplier.reviews.all()) if with_reviews else None,
        )
        for supplier in suppliers
    ]


def counts():
    return [
        model.objects.count()
        for model in (Supplier, Contract, Office, ResultGrade, ContractResult, Review)
    ]


def test_seed_demo_creates_example_suppliers_with_contracts_offices_and_approved_reviews():
    output = seed(suppliers=12, seed=4, reviews=300)
    assert Supplier.objects.filter(is_example=True).count() == 12
    assert Review.objects.filter(status=Review.Status.APPROVED).count() == 300
    assert "created 12 suppliers" in output
    for supplier in Supplier.objects.prefetch_related("offices", "languages", "contracts"):
        assert 1 <= supplier.offices.count() <= 40
        assert supplier.contracts.exists()
        assert "sv" in {language.code for language in supplier.languages.all()}
        supplier.full_clean()
        for contract in supplier.contracts.all():
            contract.full_clean()
        for office in supplier.offices.all():
            office.full_clean()


def test_offices_in_one_delivery_area_share_their_suppliers_contract_there():
    seed(suppliers=40, seed=3, reviews=0)
    offices = Office.objects.select_related("contract__delivery_area", "municipality")
    for office in offices:
        assert office.contract.delivery_area_id == office.municipality.delivery_area_id
        assert office.supplier_id == office.contract.supplier_id
    assert not (
        Contract.objects.values("supplier", "delivery_area")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .exists()
    )
    assert Contract.objects.annotate(n=Count("offices")).filter(n__gte=2).exists()
    assert not Contract.objects.filter(offices=None).exists()
    assert not Contract.objects.filter(delivery_area__region="").exists()


def test_contracts_have_unique_invented_8_digit_ka_numbers():
    seed(suppliers=40, seed=3, reviews=0)
    numbers = list(Contract.objects.values_list("ka_number", flat=True))
    assert len(numbers) == len(set(numbers))
    for number in numbers:
        assert len(number) == 8 and number.isdigit()
        assert "10090000" <= number <= "10999999", "above Arbetsförmedlingen's real 1007xxxx"


def test_demo_ka_numbers_never_take_one_already_in_the_register():
    seed(suppliers=5, seed=3, reviews=0)
    first_run = dict(Contract.objects.values_list("ka_number", "delivery_area__code"))
    taken = min(first_run)
    remove()
    existing = ContractFactory(ka_number=taken)
    seed(suppliers=5, seed=3, reviews=0)
    existing.refresh_from_db()
    assert existing.ka_number == taken
    assert not existing.supplier.is_example
    demo_numbers = set(
        Contract.objects.filter(supplier__is_example=True).values_list("ka_number", flat=True)
    )
    assert taken not in demo_numbers
    assert len(demo_numbers) == len(first_run)


def test_grades_follow_arbetsformedlingens_publication_months_for_15_months():
    seed(suppliers=40, seed=3, reviews=0)
    today = timezone.localdate()
    months = set(ResultGrade.objects.values_list("month", flat=True))
    assert all(month.day == 1 and month.month % 2 == 1 for month in months)
    assert len(months) == 8
    assert max(months) < today.replace(day=1)
    assert (today - min(months)).days < 16 * 31
    for grade in ResultGrade.objects.all():
        grade.full_clean()
    stars = set(ResultGrade.objects.values_list("stars", flat=True))
    assert stars >= {None, 1, 2, 3, 4}
    missing = ResultGrade.objects.filter(stars=None)
    assert set(missing.values_list("no_grade_reason", flat=True)) == {
        ResultGrade.NoGradeReason.UNKNOWN
    }


def test_each_contracts_current_grade_is_its_latest_months():
    seed(suppliers=40, seed=3, reviews=0)
    contracts = Contract.objects.prefetch_related("result_grades")
    assert any(c.current_grade for c in contracts)
    for contract in contracts:
        history = contract.grade_history
        if not history:
            assert (contract.current_grade, contract.current_grade_month) == (None, None)
            continue
        latest = history[-1]
        assert contract.current_grade_month == latest.month
        assert contract.current_grade == latest.stars


def test_results_follow_up_agrees_with_the_grades_and_the_periods_weights():
    seed(suppliers=40, seed=3, reviews=0)
    weights = {w.period: w for w in ResultWeights.objects.all()}
    grades = {(g.contract_id, g.month): g for g in ResultGrade.objects.all()}
    latest = dict(
        Contract.objects.exclude(current_grade_month=None).values_list("pk", "current_grade_month")
    )
    results = list(ContractResult.objects.all())
    assert len({r.contract_id for r in results}) > 0.6 * len(latest)
    for result in results:
        result.full_clean()
        assert result.grade == grades[result.contract_id, result.period].stars
        assert result.participants == sum(
            getattr(result, f"participants_{level}") for level in "abc"
        )
        for level in "abc":
            rr1, rr2 = getattr(result, f"rr1_{level}"), getattr(result, f"rr2_{level}")
            assert rr2 <= rr1 <= getattr(result, f"participants_{level}")
        w = weights[result.period]
        expected = (
            w.weight_a * (result.rr1_a + result.rr2_a)
            + w.weight_b * (result.rr1_b + result.rr2_b)
            + w.weight_c * (result.rr1_c + result.rr2_c)
        ) / (2 * result.participants)
        assert abs(result.weighted_result - expected) <= Decimal("0.0005")
        if result.period != latest[result.contract_id]:
            assert result.risks_termination is None
    risks = {r.risks_termination for r in results if r.period == latest[r.contract_id]}
    assert risks == {True, False}


def test_contracts_remember_the_names_they_had():
    seed(suppliers=40, seed=3, reviews=0)
    for contract in Contract.objects.exclude(current_grade_month=None).select_related("supplier"):
        names = list(contract.names.order_by("first_seen"))
        assert names[-1].name == contract.supplier.name
        assert names[-1].last_seen == contract.current_grade_month
    assert (
        ContractName.objects.count() >= Contract.objects.exclude(current_grade_month=None).count()
    )


def test_seed_demo_is_deterministic_for_a_seed():
    seed(suppliers=8, seed=7, reviews=100)
    first = snapshot()
    remove()
    seed(suppliers=8, seed=7, reviews=100)
    assert snapshot() == first


def test_different_seeds_give_different_data():
    seed(suppliers=8, seed=7, reviews=0)
    first = snapshot()
    remove()
    seed(suppliers=8, seed=8, reviews=0)
    assert snapshot() != first


def test_seed_demo_run_twice_creates_nothing_the_second_time():
    seed(suppliers=6, seed=2, reviews=60)
    before = counts()
    output = seed(suppliers=6, seed=2, reviews=60)
    assert counts() == before
    assert "created 0 suppliers, 0 contracts, 0 offices and 0 reviews" in output


def test_asking_for_more_suppliers_keeps_the_first_ones_and_adds_the_same_as_a_fresh_run():
    seed(suppliers=5, seed=2, reviews=0)
    first = snapshot()
    seed(suppliers=9, seed=2, reviews=0)
    grown = snapshot()
    assert len(grown) == 9
    assert all(supplier in grown for supplier in first)
    remove()
    seed(suppliers=9, seed=2, reviews=0)
    assert snapshot() == grown


def test_reviews_asked_for_are_shared_out_as_suppliers_are_added():
    seed(suppliers=5, seed=2, reviews=500)
    seed(suppliers=10, seed=2, reviews=1000)
    assert Review.objects.count() == 1000


def test_rating_summaries_count_the_approved_reviews():
    seed(suppliers=6, seed=5, reviews=200)
    assert find_rating_drift() == []
    for supplier in Supplier.objects.prefetch_related("reviews"):
        ratings = [r.rating for r in supplier.reviews.all() if r.status == Review.Status.APPROVED]
        assert supplier.review_count == len(ratings)
        assert supplier.rating_sum == sum(ratings)
        for rating in range(1, 6):
            assert getattr(supplier, f"rating_{rating}_count") == ratings.count(rating)


def test_search_names_are_set_although_bulk_writes_skip_save():
    seed(suppliers=6, seed=5, reviews=0)
    for supplier in Supplier.objects.all():
        assert supplier.search_name == folded(supplier.name)
        assert supplier.name_sort_key == swedish_sort_key(supplier.name)
    name = Supplier.objects.first().name
    assert Supplier.objects.filter(search_name__contains=folded(name.upper())).exists()


def test_reviews_are_stored_as_the_orm_would_store_them():
    before = timezone.now()
    seed(suppliers=6, seed=5, reviews=200)
    reviews = Review.objects.select_related("office")
    assert len(reviews) == 200
    for review in reviews:
        review.full_clean()
        assert review.status == Review.Status.APPROVED
        assert review.moderated_at == review.created_at < before
        assert review.updated_at >= before
        assert review.participation_month.day == 1
        assert review.participation_month < review.created_at.date()
        assert review.comment_fingerprint == comment_fingerprint(review.comment)
        assert review.client_hash == review.original_comment == review.rejection_reason == ""
        assert review.office is None or review.office.supplier_id == review.supplier_id
    newest = Review.objects.latest("created_at")
    assert Review.objects.filter(created_at=newest.created_at).count() == 1
    assert Review.objects.filter(created_at__gt=before - timedelta(days=1)).count() < 200


def test_example_data_is_written_without_change_history():
    seed(suppliers=6, seed=5, reviews=60)
    for model in (Supplier, Contract, Office, ResultGrade, ContractResult, Review):
        assert model.objects.exists()
        assert not model.history.exists(), model


def test_offices_are_denser_in_big_cities():
    seed(suppliers=120, seed=1, reviews=0)
    stockholm = Office.objects.filter(municipality__code="0180").count()
    bjurholm = Office.objects.filter(municipality__code="2403").count()
    assert stockholm > 5 * max(bjurholm, 1)


def test_negative_counts_are_refused():
    with pytest.raises(CommandError):
        seed(suppliers=-1, seed=1)


def test_remove_deletes_the_example_data_and_nothing_else():
    real = SupplierFactory(with_offices=1)
    seed(suppliers=6, seed=2, reviews=60)
    remove()
    assert list(Supplier.objects.all()) == [real]
    assert Office.objects.count() == 1
    assert Contract.objects.count() == 1
    assert ResultGrade.objects.count() == ContractResult.objects.count() == 0
    assert not ResultWeights.objects.exists()
    assert not Review.objects.exists()


HISTORY_MODELS = (Supplier, SupplierName, Contract, Office, ResultGrade, ContractResult, Review)


def versions():
    """Each tracked model's versions, as (object id, +/~/-)."""
    return {
        model: sorted(model.history.values_list("id", "history_type")) for model in HISTORY_MODELS
    }


def test_remove_takes_what_points_at_example_data_and_its_versions_and_writes_none():
    real = SupplierFactory(with_offices=1)
    seed(suppliers=4, seed=2, reviews=40)
    example = Supplier.objects.filter(is_example=True).first()
    office = example.offices.first()
    # What an admin or a visitor may add to example data; each but the report has versions.
    ErrorReport.objects.create(supplier=example, office=office, what_is_wrong="Fel adress.")
    SupplierName.objects.create(supplier=example, name="Ett annat namn AB")
    example.phone = "010-100 00 00"
    example.save()
    # Another supplier's rows naming an example office keep their rows, without the office.
    report = ErrorReport.objects.create(supplier=real, office=office, what_is_wrong="Fel.")
    review = ReviewFactory(supplier=real, office=office)
    before = versions()
    remove()
    assert list(Supplier.objects.all()) == [real]
    assert list(ErrorReport.objects.all()) == [report]
    assert not SupplierName.objects.exists()
    assert list(Review.objects.all()) == [review]
    report.refresh_from_db()
    review.refresh_from_db()
    assert report.office is None and review.office is None
    kept = {
        model: [(pk, kind) for pk, kind in listed if model.objects.filter(pk=pk).exists()]
        for model, listed in before.items()
    }
    assert versions() == kept
    assert kept[Supplier] == [(real.pk, "+")]
    assert kept[Review] == [(review.pk, "+")]


def test_weights_already_published_for_a_period_are_used_not_replaced():
    seed(suppliers=3, seed=2, reviews=0)
    period = ContractResult.objects.latest("period").period
    remove()
    published = ResultWeights.objects.create(
        period=period,
        weight_a=Decimal("0.5"),
        weight_b=Decimal("1"),
        weight_c=Decimal("1.5"),
        source_file="resultatuppfoljning.xlsx",
        edition=date(2099, 1, 1),
    )
    seed(suppliers=3, seed=2, reviews=0)
    assert ResultWeights.objects.get(period=period).weight_a == published.weight_a
    result = ContractResult.objects.filter(period=period).first()
    expected = (
        Decimal("0.5") * (result.rr1_a + result.rr2_a)
        + (result.rr1_b + result.rr2_b)
        + Decimal("1.5") * (result.rr1_c + result.rr2_c)
    ) / (2 * result.participants)
    assert abs(result.weighted_result - expected) <= Decimal("0.0005")


@pytest.mark.django_db
def test_seed_demo_gives_the_query_planner_statistics():
    from django.db import connection

    call_command("seed_demo", suppliers=3, seed=1, reviews=5, stdout=io.StringIO())
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'offices_office'")
        else:
            cursor.execute("SELECT count(*) FROM pg_stats WHERE tablename = 'offices_office'")
        assert cursor.fetchone()[0] > 0


def planned_rows(table):
    """How many rows the query planner's statistics say the table has."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = %s", [table])
            return int(cursor.fetchone()[0].split()[0])
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
        return int(cursor.fetchone()[0])


def test_remove_gives_the_query_planner_statistics_of_what_is_left():
    SupplierFactory(with_offices=1)
    seed(suppliers=6, seed=1, reviews=0)
    assert planned_rows("offices_office") > 6
    remove()
    assert planned_rows("offices_office") == 1


def test_demo_names_reach_national_scale_and_keep_the_first_ones():
    from django.utils.text import slugify

    from demo.demo_data import supplier_names

    names = supplier_names(1)
    assert len(names) >= 20_000
    assert len({slugify(name) for name in names}) == len(names)
    assert all(name.endswith(" Två AB") for name in names[len(names) // 2 :])
    assert not any("Två" in name for name in names[: len(names) // 2])
