"""Write-side logic for reviews: the rating summary stored on each supplier."""

from django.db import transaction
from django.db.models import Count, Q, Sum

from reviews.models import Review
from suppliers.models import Supplier

RATING_SUMMARY_FIELDS = [
    "review_count",
    "rating_sum",
    *(f"rating_{rating}_count" for rating in range(1, 6)),
]


def summaries_from_reviews(supplier_ids=None):
    """The rating summary of each supplier, counted from its approved reviews."""
    approved = Review.objects.filter(status=Review.Status.APPROVED)
    if supplier_ids is not None:
        approved = approved.filter(supplier_id__in=supplier_ids)
    rows = approved.values("supplier_id").annotate(
        review_count=Count("id"),
        rating_sum=Sum("rating"),
        **{f"rating_{r}_count": Count("id", filter=Q(rating=r)) for r in range(1, 6)},
    )
    return {row.pop("supplier_id"): row for row in rows}


@transaction.atomic
def recompute_rating_summaries(supplier_ids=None):
    """Recount every (or the given) supplier's summary from scratch.

    Returns the suppliers whose stored summary differed from the recount (drift).
    """
    suppliers = Supplier.objects.select_for_update().order_by("pk")
    if supplier_ids is not None:
        suppliers = suppliers.filter(pk__in=supplier_ids)
    counted = summaries_from_reviews(supplier_ids)
    empty = dict.fromkeys(RATING_SUMMARY_FIELDS, 0)
    drifted = []
    for supplier in suppliers.only("pk", "name", *RATING_SUMMARY_FIELDS):
        expected = counted.get(supplier.pk, empty)
        if any(getattr(supplier, field) != expected[field] for field in RATING_SUMMARY_FIELDS):
            for field in RATING_SUMMARY_FIELDS:
                setattr(supplier, field, expected[field])
            drifted.append(supplier)
    Supplier.objects.bulk_update(drifted, RATING_SUMMARY_FIELDS, batch_size=500)
    return drifted
