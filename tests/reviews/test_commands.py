import io
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from reviews.models import Review
from reviews.services import recompute_rating_summaries
from suppliers.models import Supplier
from tests.reviews.factories import ReviewFactory
from tests.suppliers.factories import SupplierFactory

pytestmark = pytest.mark.django_db


def run(command, *args):
    out = io.StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def corrupted_supplier():
    supplier = SupplierFactory(name="Trasig Summa AB")
    SupplierFactory(name="Hel Summa AB")
    ReviewFactory.create_batch(2, supplier=supplier, rating=3)
    recompute_rating_summaries()
    Supplier.objects.filter(pk=supplier.pk).update(
        review_count=3, rating_sum=10, rating_3_count=2, rating_4_count=1
    )
    return supplier


def test_recompute_ratings_reports_and_fixes_a_corrupted_summary(corrupted_supplier):
    output = run("recompute_ratings")
    assert "1 supplier(s) had a drifted rating summary; all corrected." in output
    assert "Trasig Summa AB" in output
    assert "Hel Summa AB" not in output
    corrupted_supplier.refresh_from_db()
    assert (corrupted_supplier.review_count, corrupted_supplier.rating_sum) == (2, 6)
    assert "0 supplier(s) had a drifted rating summary." in run("recompute_ratings")


def test_recompute_ratings_check_reports_drift_with_an_error_and_changes_nothing(
    corrupted_supplier,
):
    with pytest.raises(CommandError, match="1 supplier\\(s\\) have a drifted rating summary"):
        run("recompute_ratings", "--check")
    corrupted_supplier.refresh_from_db()
    assert corrupted_supplier.review_count == 3


def test_recompute_ratings_check_passes_when_all_is_right():
    ReviewFactory()
    recompute_rating_summaries()
    assert "0 supplier(s) have a drifted rating summary." in run("recompute_ratings", "--check")


def test_purge_erases_client_hashes_older_than_30_days_only():
    old = ReviewFactory(client_hash="a" * 64)
    recent = ReviewFactory(client_hash="b" * 64)
    Review.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=31))
    Review.objects.filter(pk=recent.pk).update(created_at=timezone.now() - timedelta(days=29))
    output = run("purge_review_client_hashes")
    assert "Erased the client hash of 1 review(s)" in output
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.client_hash, recent.client_hash) == ("", "b" * 64)
    assert "of 0 review(s)" in run("purge_review_client_hashes")
