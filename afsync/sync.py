"""Keeping contracts and offices in step with Arbetsförmedlingen's "Sök leverantör".

plan_sync() compares AF's list with the register without writing (the dry run);
apply_sync() writes the plan in one transaction and keeps a dated snapshot. Offices are
matched by (KA-number, AF's address id); AF's coordinates are taken as they are; an office
or contract that AF no longer lists is marked, never deleted. Only contracts that a sync
has listed before (they have an office with an AF address id) can become "no longer listed":
contracts known only from the grade files, and demo data, are left alone.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from afsync.af_search import SearchError, check_not_suspiciously_short
from afsync.models import OfficeSync
from grades.register import Register
from krom.history import AF_SYNC, Author
from krom.verification import DataSource
from offices.models import Contract, Office
from places.geo import distance_km
from places.models import Municipality
from suppliers.names import folded

# A postal town with a municipality's name gives that municipality when the address lies
# this close to its centroid; otherwise the nearest centroid decides.
TOWN_NAME_TRUSTED_WITHIN_KM = 60
ADDRESS_FIELDS = ["street_address", "postal_code", "postal_town", "latitude", "longitude"]
SYNCED_FIELDS = [*ADDRESS_FIELDS, "municipality", "taking_participants"]


@dataclass
class SyncPlan:
    listed: list
    register: Register
    today: object
    new_offices: list = field(default_factory=list)
    changed_offices: list = field(default_factory=list)
    unchanged_offices: int = 0
    unlisted_offices: list = field(default_factory=list)
    relisted_offices: list = field(default_factory=list)
    unlisted_contracts: list = field(default_factory=list)
    relisted_contracts: list = field(default_factory=list)
    listed_offices: dict = field(default_factory=dict)  # pk: office, for every listed one

    def labelled_counts(self):
        return [(COUNT_LABELS[key], value) for key, value in self.counts().items()]

    def counts(self):
        summary = self.register.summary()
        return {
            "contracts_listed": len(self.listed),
            "contracts_new": summary["contracts_new"],
            "contracts_unlisted": len(self.unlisted_contracts),
            "contracts_relisted": len(self.relisted_contracts),
            "suppliers_new": summary["suppliers_new"],
            "offices_new": len(self.new_offices),
            "offices_changed": len(self.changed_offices),
            "offices_unchanged": self.unchanged_offices,
            "offices_unlisted": len(self.unlisted_offices),
            "offices_relisted": len(self.relisted_offices),
        }


COUNT_LABELS = {
    "contracts_listed": _lazy("avtal i listan"),
    "contracts_new": _lazy("nya avtal"),
    "contracts_unlisted": _lazy("avtal som inte längre listas"),
    "contracts_relisted": _lazy("avtal som listas igen"),
    "suppliers_new": _lazy("nya leverantörer"),
    "offices_new": _lazy("nya kontor"),
    "offices_changed": _lazy("ändrade kontor"),
    "offices_unchanged": _lazy("oförändrade kontor"),
    "offices_unlisted": _lazy("kontor som inte längre listas"),
    "offices_relisted": _lazy("kontor som listas igen"),
}


class MunicipalityFinder:
    """The municipality an address lies in, from its postal town or its coordinates."""

    def __init__(self):
        self.municipalities = list(Municipality.objects.select_related("delivery_area"))
        self.by_name = {folded(m.name): m for m in self.municipalities}

    def find(self, address):
        named = self.by_name.get(folded(address.postal_town))
        if named and self._km(named, address) <= TOWN_NAME_TRUSTED_WITHIN_KM:
            return named
        return min(self.municipalities, key=lambda m: self._km(m, address))

    @staticmethod
    def _km(municipality, address):
        return distance_km(
            municipality.latitude, municipality.longitude, address.latitude, address.longitude
        )


def listed_before_count():
    return (
        Contract.objects.filter(no_longer_listed_on__isnull=True)
        .filter(offices__af_address_id__gt="")
        .distinct()
        .count()
    )


def plan_sync(listed, *, today=None):
    """What applying AF's list would change; writes nothing. Raises SearchError for a list
    much shorter than the one listed now."""
    check_not_suspiciously_short(listed, listed_before_count())
    today = today or timezone.localdate()
    with translation.override("sv"):  # stored data, in Swedish whoever runs the sync
        source_note = f"Arbetsförmedlingens Sök leverantör {date_format(today, 'j F Y')}"
    register = Register(source_note=source_note)
    plan = SyncPlan(listed=listed, register=register, today=today)
    finder = MunicipalityFinder()
    synced_offices, unsynced_offices = {}, defaultdict(dict)
    for office in Office.objects.select_related("contract__supplier", "municipality"):
        if office.af_address_id:
            synced_offices[office.contract_id, office.af_address_id] = office
        else:
            unsynced_offices[office.contract_id][same_address(office)] = office
    seen_offices, seen_contracts = {}, set()
    for entry in listed:
        contract = listed_contract(register, entry, finder, today)
        seen_contracts.add(contract.pk)
        if contract.no_longer_listed_on is not None:
            plan.relisted_contracts.append(contract)
        by_hand = unsynced_offices.get(contract.pk, {})
        for address in entry.addresses:
            office = synced_offices.get((contract.pk, address.address_id))
            values = office_values(address, finder, entry.taking_new_participants, office)
            if office is None:
                # An office entered by hand (or from before the sync) at the same address
                # becomes AF's office rather than a second one.
                office = by_hand.pop((address.postal_code, folded(address.street)), None)
                if office is not None:
                    values["af_address_id"] = address.address_id
            if office is None:
                plan.new_offices.append(new_office(contract, address, values, source_note, today))
                continue
            seen_offices[office.pk] = office
            if office.no_longer_listed_on is not None:
                plan.relisted_offices.append(office)
            changes = {
                name: value for name, value in values.items() if getattr(office, name) != value
            }
            if changes:
                plan.changed_offices.append((office, changes))
            elif office.no_longer_listed_on is None:
                plan.unchanged_offices += 1
        if entry.taking_new_participants is not None:
            # AF says per contract whether it takes new participants: so for every office.
            for office in by_hand.values():
                if office.taking_participants != entry.taking_new_participants:
                    change = {"taking_participants": entry.taking_new_participants}
                    plan.changed_offices.append((office, change))
    plan.listed_offices = seen_offices
    for office in synced_offices.values():
        if office.pk not in seen_offices and office.no_longer_listed_on is None:
            plan.unlisted_offices.append(office)
    plan.unlisted_contracts = list(
        Contract.objects.filter(no_longer_listed_on__isnull=True, offices__af_address_id__gt="")
        .exclude(pk__in=[pk for pk in seen_contracts if pk])
        .select_related("supplier", "delivery_area")
        .distinct()
    )
    return plan


def listed_contract(register, entry, finder, today):
    known = register.known(entry.ka_number)
    if known is not None:
        area = known.delivery_area
    else:
        # AF's search names no delivery area: a new contract takes its first address's.
        area = finder.find(entry.addresses[0]).delivery_area if entry.addresses else None
        if area is None:
            raise SearchError(
                _("Avtal %(ka)s är nytt och har ingen adress: leveransområdet går inte att veta.")
                % {"ka": entry.ka_number}
            )
    contract = register.contract(
        ka_number=entry.ka_number,
        supplier_name=entry.supplier_name,
        area_name=area.name,
        region=area.region or None,
        seen=today.replace(day=1),
    )
    if known is None:
        contract.delivery_area_guessed = True
    return contract


def office_values(address, finder, taking, office):
    values = {
        "street_address": address.street,
        "postal_code": address.postal_code,
        "postal_town": address.postal_town,
        "latitude": address.latitude,
        "longitude": address.longitude,
        "municipality": finder.find(address),
    }
    if taking is not None:
        values["taking_participants"] = taking
        if taking and office is not None and office.taking_participants_from:
            values["taking_participants_from"] = None
    return values


def same_address(office):
    return office.postal_code, folded(office.street_address)


def new_office(contract, address, values, source_note, today):
    return Office(
        contract=contract,
        name=f"{address.postal_town}, {address.street}"[:200],
        af_address_id=address.address_id,
        verified_at=today,
        data_source=DataSource.ARBETSFORMEDLINGEN,
        source_note=source_note,
        **values,
    )


@transaction.atomic
def apply_sync(plan, *, source, by=None):
    """Write the plan, all or nothing, and keep its snapshot. The change history names the
    sync (krom.history.AF_SYNC), its source and who uploaded the pages."""
    author = Author.system(
        AF_SYNC, f"Arbetsförmedlingens Sök leverantör: {source}"[:500], uploaded_by=by
    )
    plan.register.apply(author)
    for office in plan.new_offices:
        # bulk_create skips save(), which takes the supplier from the contract.
        office.supplier_id = office.contract.supplier_id
    author.bulk_create(Office, plan.new_offices)
    now = timezone.now()
    touched, fields = {}, {"verified_at", "updated_at"}
    for office, changes in plan.changed_offices:
        for name, value in changes.items():
            setattr(office, name, value)
        office.verified_at, office.updated_at = plan.today, now
        touched[office.pk] = office
        fields.update(changes)
    for offices, listed_on in [(plan.unlisted_offices, plan.today), (plan.relisted_offices, None)]:
        for office in offices:
            office.no_longer_listed_on, office.updated_at = listed_on, now
            touched[office.pk] = office
            fields.add("no_longer_listed_on")
    # Every office AF lists now has been checked today, changed or not.
    for office in plan.listed_offices.values():
        if office.verified_at != plan.today:
            office.verified_at = plan.today
            touched[office.pk] = office
    author.bulk_update(Office, touched.values(), fields)
    for contracts, listed_on in [
        (plan.unlisted_contracts, plan.today),
        (plan.relisted_contracts, None),
    ]:
        for contract in contracts:
            contract.no_longer_listed_on, contract.updated_at = listed_on, now
        author.bulk_update(Contract, contracts, ["no_longer_listed_on", "updated_at"])
    return OfficeSync.objects.create(
        source=source[:500],
        synced_by=by,
        listed_contracts=len(plan.listed),
        listed_offices=sum(len(entry.addresses) for entry in plan.listed),
        counts=plan.counts(),
        appeared=[describe_office(office) for office in plan.new_offices],
        disappeared=[describe_office(office) for office in plan.unlisted_offices]
        + [describe_contract(contract) for contract in plan.unlisted_contracts],
    )


def describe_office(office):
    return {
        "ka_number": office.contract.ka_number,
        "supplier": office.contract.supplier.name,
        "office": office.name,
        "address": office.full_address,
    }


def describe_contract(contract):
    return {
        "ka_number": contract.ka_number,
        "supplier": contract.supplier.name,
        "delivery_area": contract.delivery_area.name,
    }
