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
