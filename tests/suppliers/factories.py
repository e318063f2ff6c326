import factory
from django.utils.text import slugify
from stdnum import luhn

from suppliers.models import Industry, Language, Supplier


def valid_organisation_number(n):
    body = f"556{n:06d}"
    return body + luhn.calc_check_digit(body)


class SupplierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Supplier
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Leverantör {n} AB")
    slug = factory.LazyAttribute(lambda supplier: slugify(supplier.name))
    organisation_number = factory.Sequence(valid_organisation_number)
    short_description = "Vi hjälper dig till jobb."
    how_we_work = "Du träffar en jobbcoach varannan vecka."
    offers_remote = False
    is_active = True

    class Params:
        remote = factory.Trait(offers_remote=True)
        inactive = factory.Trait(is_active=False)

    @factory.post_generation
    def with_offices(supplier, create, count, **kwargs):
        if create and count:
            from tests.offices.factories import OfficeFactory

            OfficeFactory.create_batch(count, supplier=supplier, **kwargs)

    @factory.post_generation
    def language_codes(supplier, create, codes, **kwargs):
        if create and codes:
            supplier.languages.set(Language.objects.filter(code__in=codes))

    @factory.post_generation
    def industry_slugs(supplier, create, slugs, **kwargs):
        if create and slugs:
            supplier.industries.set(Industry.objects.filter(slug__in=slugs))
