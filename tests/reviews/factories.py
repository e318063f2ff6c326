from datetime import date

import factory

from reviews.models import Review, comment_fingerprint


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Review

    supplier = factory.SubFactory("tests.suppliers.factories.SupplierFactory")
    rating = 4
    comment = "Bra stöd från min coach."
    comment_fingerprint = factory.LazyAttribute(lambda review: comment_fingerprint(review.comment))
    participation_month = date(2025, 3, 1)
    status = Review.Status.APPROVED

    class Params:
        pending = factory.Trait(status=Review.Status.PENDING)
        rejected = factory.Trait(
            status=Review.Status.REJECTED, rejection_reason="Innehåller personuppgifter."
        )
        at_office = factory.Trait(
            office=factory.SubFactory(
                "tests.offices.factories.OfficeFactory",
                supplier=factory.SelfAttribute("..supplier"),
            )
        )


def rate(supplier, *ratings):
    """Give the supplier approved reviews with these ratings and update its summary."""
    from reviews.services import recompute_rating_summaries

    ReviewFactory.create_batch(len(ratings), supplier=supplier, rating=factory.Iterator(ratings))
    recompute_rating_summaries([supplier.pk])
    supplier.refresh_from_db()
    return supplier
