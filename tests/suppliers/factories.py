import datetime

import factory
from django.utils.text import slugify
from stdnum import luhn

from offices.models import DeliveryArea
from suppliers.models import Industry, Language, ResultGrade, Supplier
from suppliers.services import save_result_grade


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


def delivery_area(code):
    return DeliveryArea.objects.get(code=code)


class ResultGradeFactory(factory.django.DjangoModelFactory):
    """Saved through the service, so the latest publication is the current one."""

    class Meta:
        model = ResultGrade

    supplier = factory.SubFactory(SupplierFactory)
    delivery_area = factory.LazyFunction(lambda: delivery_area("uppsala"))
    stars = 3
    no_grade_reason = ""
    period_start = datetime.date(2026, 1, 1)
    period_end = datetime.date(2026, 6, 30)
    published_on = datetime.date(2026, 8, 15)

    class Params:
        too_few_participants = factory.Trait(
            stars=None, no_grade_reason=ResultGrade.NoGradeReason.TOO_FEW_PARTICIPANTS
        )
        too_new = factory.Trait(
            stars=None, no_grade_reason=ResultGrade.NoGradeReason.ACTIVE_LESS_THAN_12_MONTHS
        )

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return save_result_grade(model_class(*args, **kwargs))
