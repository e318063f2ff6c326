from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from reviews.models import Review, comment_fingerprint
from tests.offices.factories import OfficeFactory
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


def test_participation_month_must_be_the_first_day_of_a_month():
    review = ReviewFactory.build(supplier=SupplierFactory(), participation_month=date(2026, 3, 2))
    with pytest.raises(ValidationError) as error:
        review.full_clean()
    assert "participation_month" in error.value.message_dict


def test_office_must_belong_to_the_reviews_supplier():
    review = ReviewFactory.build(supplier=SupplierFactory(), office=OfficeFactory())
    with pytest.raises(ValidationError) as error:
        review.full_clean()
    assert error.value.message_dict["office"] == ["Kontoret hör till en annan leverantör."]


def test_fingerprint_ignores_case_and_spacing_but_not_words():
    assert comment_fingerprint(" Bra  coach\n") == comment_fingerprint("bra COACH")
    assert comment_fingerprint("Bra coach") != comment_fingerprint("Dålig coach")
    assert comment_fingerprint("  ") == ""


def test_approved_reviews_for_the_list_are_newest_first():
    supplier = SupplierFactory()
    older = ReviewFactory(supplier=supplier)
    newer = ReviewFactory(supplier=supplier)
    ReviewFactory(supplier=supplier, pending=True)
    assert list(Review.objects.for_review_list()) == [newer, older]
