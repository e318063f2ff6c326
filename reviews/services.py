"""Write-side logic for reviews, and the rating summary stored on each supplier.

Every change that can move a review into or out of the approved set (approve, reject,
an admin edit, delete) runs in a transaction that first locks the affected suppliers'
rows (in primary-key order, so two moderators cannot deadlock) and then recounts those
suppliers from their approved reviews. A second moderator acting at the same moment
waits for the lock and then sees the first one's committed work, so the stored summary
is always the count of what is approved.
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from krom.history import Author
from reviews.models import REDACTION_MARK, Review, comment_fingerprint
from suppliers.models import Supplier

RATING_SUMMARY_FIELDS = [
    "review_count",
    "rating_sum",
    *(f"rating_{rating}_count" for rating in range(1, 6)),
]

DUPLICATE_WINDOW = timedelta(hours=24)
CLIENT_HASH_RETENTION = timedelta(days=30)


def summaries_from_reviews(supplier_ids=None):
    """The rating summary of each supplier, counted from its approved reviews."""
    approved = Review.objects.filter(status=Review.Status.APPROVED)
    if supplier_ids is not None:
        approved = approved.filter(supplier_id__in=supplier_ids)
    rows = (
        approved.order_by()
        .values("supplier_id")
        .annotate(
            review_count=Count("id"),
            rating_sum=Sum("rating"),
            **{f"rating_{r}_count": Count("id", filter=Q(rating=r)) for r in range(1, 6)},
        )
    )
    return {row.pop("supplier_id"): row for row in rows}


def find_rating_drift(supplier_ids=None, *, lock=False):
    """Suppliers whose stored summary differs from a recount, with the recount set on them.

    Nothing is saved.
    """
    suppliers = Supplier.objects.order_by("pk")
    if lock:
        suppliers = suppliers.select_for_update()
    if supplier_ids is not None:
        suppliers = suppliers.filter(pk__in=supplier_ids)
    counted = summaries_from_reviews(supplier_ids)
    empty = dict.fromkeys(RATING_SUMMARY_FIELDS, 0)
    drifted = []
    for supplier in suppliers.only("pk", "name", "slug", *RATING_SUMMARY_FIELDS):
        expected = counted.get(supplier.pk, empty)
        if any(getattr(supplier, field) != expected[field] for field in RATING_SUMMARY_FIELDS):
            for field in RATING_SUMMARY_FIELDS:
                setattr(supplier, field, expected[field])
            drifted.append(supplier)
    return drifted


@transaction.atomic
def recompute_rating_summaries(supplier_ids=None):
    """Recount every (or the given) supplier's summary from scratch.

    Returns the suppliers whose stored summary differed from the recount (drift).
    """
    drifted = find_rating_drift(supplier_ids, lock=True)
    Supplier.objects.bulk_update(drifted, RATING_SUMMARY_FIELDS, batch_size=500)
    return drifted


def _review_ids(reviews):
    if isinstance(reviews, QuerySet):
        return list(reviews.values_list("pk", flat=True))
    return [review.pk for review in reviews]


def _lock_suppliers(supplier_ids):
    """Lock the suppliers' rows in a fixed order; callers hold the lock until commit."""
    list(
        Supplier.objects.select_for_update()
        .filter(pk__in=supplier_ids)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def _moderate(review_ids, *, status, by, reason=""):
    supplier_ids = sorted(
        set(Review.objects.filter(pk__in=review_ids).values_list("supplier_id", flat=True))
    )
    _lock_suppliers(supplier_ids)
    reviews = list(Review.objects.filter(pk__in=review_ids).exclude(status=status))
    now = timezone.now()
    for review in reviews:
        review.status, review.rejection_reason = status, reason
        review.moderated_by, review.moderated_at, review.updated_at = by, now, now
    changed = Author(user=by).bulk_update(
        Review,
        reviews,
        ["status", "moderated_by", "moderated_at", "rejection_reason", "updated_at"],
    )
    recompute_rating_summaries(supplier_ids)
    return changed


@transaction.atomic
def approve(reviews, by):
    """Approve reviews (a queryset or a list); returns how many changed status."""
    return _moderate(_review_ids(reviews), status=Review.Status.APPROVED, by=by)


@transaction.atomic
def reject(reviews, by, reason):
    """Reject reviews with a reason kept on each; returns how many changed status."""
    reason = reason.strip()
    if not reason:
        raise ValueError("A rejection needs a reason.")
    return _moderate(_review_ids(reviews), status=Review.Status.REJECTED, by=by, reason=reason)


@transaction.atomic
def save_review(review, *, by):
    """Save a review as a moderator edited it in the admin, keeping the summary right.

    A change of status records who moderated and when; a review that is not rejected
    keeps no rejection reason.
    """
    before = (
        Review.objects.filter(pk=review.pk).values("status", "supplier_id").first()
        if review.pk
        else None
    )
    supplier_ids = {review.supplier_id} | ({before["supplier_id"]} if before else set())
    _lock_suppliers(sorted(supplier_ids))
    if before is None or before["status"] != review.status:
        review.moderated_by = by
        review.moderated_at = timezone.now()
    if review.status != Review.Status.REJECTED:
        review.rejection_reason = ""
    review.comment_fingerprint = comment_fingerprint(review.comment)
    Author(user=by).mark(review).save()
    recompute_rating_summaries(sorted(supplier_ids))
    return review


@transaction.atomic
def delete_reviews(reviews):
    """Delete reviews and recount their suppliers; returns how many were deleted."""
    review_ids = _review_ids(reviews)
    supplier_ids = sorted(
        set(Review.objects.filter(pk__in=review_ids).values_list("supplier_id", flat=True))
    )
    _lock_suppliers(supplier_ids)
    deleted, _by_model = Review.objects.filter(pk__in=review_ids).delete()
    recompute_rating_summaries(supplier_ids)
    return deleted


@transaction.atomic
def redact(review, passages, *, by):
    """Replace each passage of the comment with REDACTION_MARK, visibly; the comment as
    the participant wrote it is kept (original_comment, the first time). The rest of the
    participant's words stay exactly as written.

    Raises ValidationError when a passage is not in the comment."""
    passages = [passage.strip() for passage in passages if passage.strip()]
    if not passages:
        raise ValidationError(_("Skriv vad som ska tas bort."), code="empty")
    review = Review.objects.select_for_update().get(pk=review.pk)
    comment = review.comment
    for passage in passages:
        if passage not in comment:
            raise ValidationError(
                _("”%(passage)s” finns inte i kommentaren. Kopiera texten exakt."),
                code="not_found",
                params={"passage": passage[:80]},
            )
        comment = comment.replace(passage, REDACTION_MARK)
    if not review.original_comment:
        review.original_comment = review.comment
    review.comment = comment
    review.redacted_by = by
    review.redacted_at = timezone.now()
    review.save(
        update_fields=["comment", "original_comment", "redacted_by", "redacted_at", "updated_at"]
    )
    return review


@transaction.atomic
def submit(
    *, supplier, rating, office, participation_month, comment, client_hash, personal_data=()
):
    """Store a participant's review as pending, flagged for the moderator with the kinds
    of personal data (reviews.personal_data) the writer was warned about and sent anyway.

    Refuses (ValidationError, code "duplicate") the same text for the same supplier
    within DUPLICATE_WINDOW. The supplier's row is locked so that a double-clicked
    submit cannot slip two copies past the check.
    """
    _lock_suppliers([supplier.pk])
    fingerprint = comment_fingerprint(comment)
    if (
        fingerprint
        and Review.objects.filter(
            supplier=supplier,
            comment_fingerprint=fingerprint,
            created_at__gte=timezone.now() - DUPLICATE_WINDOW,
        ).exists()
    ):
        raise ValidationError(
            _(
                "Vi har redan fått ett omdöme med samma text om den här leverantören. "
                "Tack! Du behöver inte skicka det igen."
            ),
            code="duplicate",
        )
    return Review.objects.create(
        supplier=supplier,
        office=office,
        rating=rating,
        participation_month=participation_month,
        comment=comment,
        comment_fingerprint=fingerprint,
        client_hash=client_hash,
        personal_data=",".join(personal_data),
        status=Review.Status.PENDING,
    )


def purge_client_hashes():
    """Erase client hashes older than CLIENT_HASH_RETENTION; returns how many."""
    return (
        Review.objects.exclude(client_hash="")
        .filter(created_at__lt=timezone.now() - CLIENT_HASH_RETENTION)
        .update(client_hash="")
    )
