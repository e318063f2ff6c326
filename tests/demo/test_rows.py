"""demo.rows: example data written and deleted in bulk, stored as the ORM stores it."""

from datetime import UTC, date, datetime

import pytest

from demo.rows import delete_rows, insert_objects, insert_rows
from grades.models import ResultGrade
from reviews.models import Review
from tests.offices.factories import ContractFactory
from tests.reviews.factories import ReviewFactory
from tests.suppliers.factories import SupplierFactory

pytestmark = pytest.mark.django_db

WRITTEN_AT = datetime(2025, 3, 14, 9, 26, 53, 589793, tzinfo=UTC)


def stored(review):
    """The review's columns as read back, but its id and when the row was written."""
    return {
        field.attname: getattr(review, field.attname)
        for field in Review._meta.concrete_fields
        if field.name not in {"id", "updated_at"}
    }


def test_insert_rows_stores_what_bulk_create_stores_and_fills_the_other_columns():
    supplier = SupplierFactory()
    fields = ("supplier_id", "rating", "comment", "participation_month", "created_at")
    values = (supplier.pk, 4, "Bra coach.", date(2025, 2, 1), WRITTEN_AT)
    assert insert_rows(Review, fields, [values]) == 1
    [bulk] = Review.objects.bulk_create([Review(**dict(zip(fields, values, strict=True)))])
    copied, created = Review.objects.exclude(pk=bulk.pk).get(), Review.objects.get(pk=bulk.pk)
    assert stored(copied) == stored(created)
    assert copied.created_at == WRITTEN_AT
    assert copied.status == Review.Status.PENDING
    assert copied.updated_at is not None
    assert Review.objects.filter(created_at=WRITTEN_AT).count() == 2


def test_insert_objects_takes_foreign_keys_from_objects_saved_after_they_were_built():
    supplier = SupplierFactory()
    contract = ContractFactory.build(supplier=supplier)
    grade = ResultGrade(contract=contract, month=date(2025, 3, 1), stars=3)
    contract.save()
    assert insert_objects(ResultGrade, [grade]) == 1
    saved = ResultGrade.objects.get()
    assert (saved.contract, saved.month, saved.stars) == (contract, date(2025, 3, 1), 3)
    assert saved.created_at is not None


def test_delete_rows_deletes_in_one_statement_without_versions(django_assert_num_queries):
    kept = ReviewFactory(rating=5)
    ReviewFactory.create_batch(3, rating=1)
    with django_assert_num_queries(1):
        assert delete_rows(Review.objects.filter(rating=1)) == 3
    assert list(Review.objects.all()) == [kept]
    assert not Review.history.filter(history_type="-").exists()
