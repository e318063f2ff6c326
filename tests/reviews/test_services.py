import threading
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, connections, transaction

from reviews import services
from reviews.models import Review
from suppliers.models import Supplier
from tests.offices.factories import OfficeFactory
from tests.reviews.factories import ReviewFactory
from tests.suppliers.factories import SupplierFactory

pytestmark = pytest.mark.django_db

SUMMARY = services.RATING_SUMMARY_FIELDS


def summary(supplier):
    supplier.refresh_from_db()
    return {field: getattr(supplier, field) for field in SUMMARY}


def expected(*ratings):
    return {
        "review_count": len(ratings),
        "rating_sum": sum(ratings),
        **{f"rating_{r}_count": ratings.count(r) for r in range(1, 6)},
    }


@pytest.fixture
def moderator():
    return get_user_model().objects.create_user("moderator")


def test_approve_counts_the_review_and_records_who_and_when(moderator):
    supplier = SupplierFactory()
    review = ReviewFactory(supplier=supplier, rating=5, pending=True)
    assert services.approve([review], by=moderator) == 1
    review.refresh_from_db()
    assert review.status == Review.Status.APPROVED
    assert review.moderated_by == moderator
    assert review.moderated_at is not None
    assert summary(supplier) == expected(5)


def test_approving_an_approved_review_again_changes_nothing(moderator):
    supplier = SupplierFactory()
    review = ReviewFactory(supplier=supplier, rating=2, pending=True)
    services.approve(Review.objects.all(), by=moderator)
    assert services.approve(Review.objects.all(), by=moderator) == 0
    assert summary(supplier) == expected(2)
    assert Review.objects.get(pk=review.pk).status == Review.Status.APPROVED


def test_reject_keeps_the_reason_and_removes_an_approved_review_from_the_summary(moderator):
    supplier = SupplierFactory()
    kept = ReviewFactory(supplier=supplier, rating=4, pending=True)
    dropped = ReviewFactory(supplier=supplier, rating=1, pending=True)
    services.approve([kept, dropped], by=moderator)
    assert summary(supplier) == expected(4, 1)
    services.reject([dropped], by=moderator, reason="Handlar om en annan leverantör.")
    dropped.refresh_from_db()
    assert dropped.status == Review.Status.REJECTED
    assert dropped.rejection_reason == "Handlar om en annan leverantör."
    assert summary(supplier) == expected(4)


def test_reject_needs_a_reason(moderator):
    review = ReviewFactory(pending=True)
    with pytest.raises(ValueError):
        services.reject([review], by=moderator, reason="  ")
    assert Review.objects.get().status == Review.Status.PENDING


def test_approving_a_rejected_review_clears_the_reason(moderator):
    review = ReviewFactory(rejected=True)
    services.approve([review], by=moderator)
    review.refresh_from_db()
    assert (review.status, review.rejection_reason) == (Review.Status.APPROVED, "")


def test_approve_across_several_suppliers_updates_each(moderator):
    first, second = SupplierFactory.create_batch(2)
    ReviewFactory(supplier=first, rating=5, pending=True)
    ReviewFactory(supplier=second, rating=3, pending=True)
    ReviewFactory(supplier=second, rating=2, pending=True)
    services.approve(Review.objects.all(), by=moderator)
    assert summary(first) == expected(5)
    assert summary(second) == expected(3, 2)


def test_editing_rating_of_an_approved_review_updates_the_summary(moderator):
    supplier = SupplierFactory()
    review = ReviewFactory(supplier=supplier, rating=2, pending=True)
    services.approve([review], by=moderator)
    review.refresh_from_db()
    review.rating = 5
    services.save_review(review, by=moderator)
    assert summary(supplier) == expected(5)


def test_editing_status_records_the_moderator_and_clears_a_stale_reason(moderator):
    supplier = SupplierFactory()
    review = ReviewFactory(supplier=supplier, rating=3, rejected=True)
    review.status = Review.Status.APPROVED
    services.save_review(review, by=moderator)
    review.refresh_from_db()
    assert (review.moderated_by, review.rejection_reason) == (moderator, "")
    assert summary(supplier) == expected(3)


def test_deleting_reviews_updates_the_summary(moderator):
    supplier = SupplierFactory()
    reviews = ReviewFactory.create_batch(3, supplier=supplier, rating=4, pending=True)
    services.approve(reviews, by=moderator)
    assert services.delete_reviews(Review.objects.filter(pk=reviews[0].pk)) == 1
    assert summary(supplier) == expected(4, 4)
    services.delete_reviews(reviews[1:])
    assert summary(supplier) == expected()


def test_submit_stores_a_pending_review_with_fingerprint_and_client_hash():
    supplier = SupplierFactory()
    office = OfficeFactory(supplier=supplier)
    review = services.submit(
        supplier=supplier,
        rating=3,
        office=office,
        participation_month=date(2026, 1, 1),
        comment="Helt okej.",
        client_hash="a" * 64,
    )
    assert review.status == Review.Status.PENDING
    assert review.comment_fingerprint
    assert summary(supplier) == expected()


def test_submit_refuses_the_same_text_within_a_day_whatever_its_case_and_spacing():
    supplier = SupplierFactory()
    kwargs = {
        "supplier": supplier,
        "rating": 3,
        "office": None,
        "participation_month": date(2026, 1, 1),
        "client_hash": "",
    }
    services.submit(comment="Helt  okej.", **kwargs)
    with pytest.raises(ValidationError) as error:
        services.submit(comment="HELT okej.", **kwargs)
    assert error.value.code == "duplicate"


def test_two_reviews_without_comment_are_not_duplicates():
    supplier = SupplierFactory()
    for _ in range(2):
        services.submit(
            supplier=supplier,
            rating=5,
            office=None,
            participation_month=None,
            comment="",
            client_hash="",
        )
    assert Review.objects.count() == 2


def test_database_refuses_a_rejection_reason_on_a_review_that_is_not_rejected():
    supplier = SupplierFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Review.objects.bulk_create([Review(supplier=supplier, rating=3, rejection_reason="Nej")])


def test_recompute_finds_and_fixes_a_deliberately_corrupted_summary(moderator):
    good, corrupted = SupplierFactory.create_batch(2)
    services.approve(
        [
            ReviewFactory(supplier=good, rating=4, pending=True),
            ReviewFactory(supplier=corrupted, rating=2, pending=True),
        ],
        by=moderator,
    )
    Supplier.objects.filter(pk=corrupted.pk).update(
        review_count=5, rating_sum=25, rating_2_count=0, rating_5_count=5
    )
    assert [s.pk for s in services.find_rating_drift()] == [corrupted.pk]
    assert summary(corrupted)["review_count"] == 5  # finding does not fix
    assert [s.pk for s in services.recompute_rating_summaries()] == [corrupted.pk]
    assert summary(corrupted) == expected(2)
    assert services.recompute_rating_summaries() == []


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Row locks (SELECT … FOR UPDATE) need PostgreSQL; SQLite serialises all writes.",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_moderators_approving_at_once_leave_correct_aggregates():
    moderators = [get_user_model().objects.create_user(f"moderator{n}") for n in range(2)]
    supplier = SupplierFactory()
    reviews = [
        ReviewFactory(supplier=supplier, rating=rating, pending=True)
        for rating in [1, 2, 3, 4, 5, 5, 4, 3]
    ]
    # Overlapping halves: both moderators approve reviews 2–5 at the same moment.
    batches = [reviews[:6], reviews[2:]]
    barrier = threading.Barrier(len(batches))
    errors = []

    def moderate(batch, moderator):
        try:
            barrier.wait(timeout=10)
            for _ in range(5):
                services.approve(batch, by=moderator)
                services.reject(batch[:1], by=moderator, reason="Test")
                services.approve(batch[:1], by=moderator)
        except Exception as error:  # reported after the threads join
            errors.append(error)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=moderate, args=(batch, moderator))
        for batch, moderator in zip(batches, moderators, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    assert summary(supplier) == expected(1, 2, 3, 4, 5, 5, 4, 3)
    assert services.find_rating_drift() == []
