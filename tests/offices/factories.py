import factory

from offices.models import Contract, Office
from tests.places.factories import delivery_area, municipality


class ContractFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contract

    ka_number = factory.Sequence(lambda n: f"{10080000 + n}")
    supplier = factory.SubFactory("tests.suppliers.factories.SupplierFactory")
    delivery_area = factory.LazyFunction(lambda: delivery_area("stockholm-mitt"))
    in_force = True

    class Params:
        ended = factory.Trait(in_force=False)


def contract_for(office):
    """The supplier's contract in the office's delivery area, as Arbetsförmedlingen has
    it: offices of one supplier in one area share a contract and its KA-number."""
    area = office.municipality.delivery_area
    if office.ka_number:
        contract = Contract.objects.filter(ka_number=office.ka_number).first()
        return contract or ContractFactory(
            ka_number=office.ka_number, supplier=office.supplier, delivery_area=area
        )
    contract = Contract.objects.filter(supplier=office.supplier, delivery_area=area).first()
    return contract or ContractFactory(supplier=office.supplier, delivery_area=area)


class OfficeFactory(factory.django.DjangoModelFactory):
    """OfficeFactory(supplier=s) puts the office in s's contract for the municipality's
    area (made when missing); OfficeFactory(ka_number="10071234") in that contract."""

    class Meta:
        model = Office

    class Params:
        ka_number = None

    supplier = factory.SubFactory("tests.suppliers.factories.SupplierFactory")
    name = factory.Sequence(lambda n: f"Kontor {n}")
    street_address = factory.Sequence(lambda n: f"Storgatan {n % 90 + 1}")
    postal_code = "11122"
    municipality = factory.LazyFunction(lambda: municipality("0180"))
    contract = factory.LazyAttribute(contract_for)
    postal_town = factory.LazyAttribute(lambda office: office.municipality.name)
    latitude = factory.LazyAttribute(lambda office: office.municipality.latitude)
    longitude = factory.LazyAttribute(lambda office: office.municipality.longitude)
    is_active = True
