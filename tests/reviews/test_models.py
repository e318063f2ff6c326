import pytest
from django.db import IntegrityError, transaction

from reviews.models import Review
from tests.reviews.factories import ReviewFactory
from tests.suppliers.factories import SupplierFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("rating", [0, 6, 100])
def test_database_refuses_a_rating_outside_1_to_5(rating):
    supplier = SupplierFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Review.objects.bulk_create([Review(supplier=supplier, rating=rating)])


@pytest.mark.parametrize("rating", [1, 5])
def test_database_accepts_ratings_1_and_5(rating):
    assert ReviewFactory(rating=rating).pk


def test_database_refuses_an_unknown_status():
    supplier = SupplierFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Review.objects.bulk_create([Review(supplier=supplier, rating=3, status="hidden")])


def test_new_review_is_pending():
    assert Review(supplier=SupplierFactory(), rating=3).status == Review.Status.PENDING
