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
