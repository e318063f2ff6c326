import factory

from offices.models import Municipality, Office


def municipality(code):
    return Municipality.objects.get(code=code)


class OfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Office

    supplier = factory.SubFactory("tests.suppliers.factories.SupplierFactory")
    name = factory.Sequence(lambda n: f"Kontor {n}")
    ka_number = factory.Sequence(lambda n: f"{500000 + n}")
    street_address = factory.Sequence(lambda n: f"Storgatan {n % 90 + 1}")
    postal_code = "11122"
    municipality = factory.LazyFunction(lambda: municipality("0180"))
    postal_town = factory.LazyAttribute(lambda office: office.municipality.name)
    latitude = factory.LazyAttribute(lambda office: office.municipality.latitude)
    longitude = factory.LazyAttribute(lambda office: office.municipality.longitude)
    is_active = True
