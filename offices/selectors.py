"""Reads about offices that a page needs beyond one queryset."""

from dataclasses import dataclass

from offices.models import Office
from places.geo import distance_km

ALTERNATIVES_PER_LIST = 3


@dataclass
class Alternatives:
    """Offices to offer instead of one that cannot be chosen, nearest first."""

    same_supplier: list
    other_suppliers: list

    def __bool__(self):
        return bool(self.same_supplier or self.other_suppliers)


def alternatives_to(office, *, limit=ALTERNATIVES_PER_LIST):
    """The nearest offices of the same supplier, and of other suppliers in the same county,
    that a job seeker can choose now (active and taking new participants), each with its
    `distance_km` from `office`. Two queries."""
    origin = office.position
    offices = (
        Office.objects.choosable()
        .exclude(pk=office.pk)
        .select_related("supplier", "municipality", "contract")
    )

    def nearest(queryset):
        found = list(queryset)
        for each in found:
            each.distance_km = distance_km(*origin, *each.position)
        found.sort(key=lambda each: (each.distance_km, each.name))
        return found[:limit]

    return Alternatives(
        same_supplier=nearest(offices.filter(supplier_id=office.supplier_id)),
        other_suppliers=nearest(
            offices.exclude(supplier_id=office.supplier_id).filter(
                municipality__county_id=office.municipality.county_id
            )
        ),
    )
