import factory

from reviews.models import Review


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Review

    supplier = factory.SubFactory("tests.suppliers.factories.SupplierFactory")
    rating = 4
    comment = "Bra stöd från min coach."
    status = Review.Status.APPROVED

    class Params:
        pending = factory.Trait(status=Review.Status.PENDING)


def rate(supplier, *ratings):
    """Give the supplier approved reviews with these ratings and update its summary."""
    from reviews.services import recompute_rating_summaries

    ReviewFactory.create_batch(len(ratings), supplier=supplier, rating=factory.Iterator(ratings))
    recompute_rating_summaries([supplier.pk])
    supplier.refresh_from_db()
    return supplier
