"""What Arbetsförmedlingen's files say about contracts, compared with our register.

AF's files (grades, results follow-up) name each contract by its KA-number, with the
supplier's name, the delivery area and its AF region as AF spells them. Register loads the
register once, answers contract() for every row (planning new contracts, suppliers, areas
and names without writing), reports the plan with summary() for the dry run, and writes it
with apply() inside the caller's transaction.

The KA-number is the key: a contract keeps its number when its supplier is renamed or taken
over, so a new name on a known number is recorded as a name the contract has had, never as
a new contract."""

import datetime
import re
from collections import defaultdict

from django.utils import timezone
from django.utils.translation import gettext as _

from krom.history import AF_IMPORT, Author
from krom.verification import DataSource
from offices.models import Contract, ContractName
from places.models import AfRegion, DeliveryArea
from suppliers.models import Supplier, SupplierName
from suppliers.names import folded, name_match_key, unique_slug

# Stored data, not page text: a supplier made from AF's files knows only its name.
NEW_SUPPLIER_DESCRIPTION = "Uppgifter från Arbetsförmedlingens filer."
_CHUNK = 500


class RegisterError(ValueError):
    """What a file says cannot go into the register; the message says why, in Swedish."""


def place_key(name):
    """How area and region names are compared: 'Göteborg Syd-Öst' → 'goteborg syd ost'."""
    return " ".join(re.sub(r"[^\w]+", " ", folded(name)).split())


_REGIONS = {place_key(region.value): region.value for region in AfRegion}


def _clean(text):
    return " ".join(str(text or "").split())


class Register:
    """Our contracts, suppliers and delivery areas, and the changes AF's files bring."""

    def __init__(self, *, source_note=""):
        self.source_note = source_note[:200]
        areas = list(DeliveryArea.objects.all())
        self._areas = {place_key(area.name): area for area in areas}
        self._area_names = {area.pk: area.name for area in areas}
        self._area_codes = {area.code for area in self._areas.values()}
        self._area_regions = {}
        suppliers = {supplier.pk: supplier for supplier in Supplier.objects.order_by("pk")}
        self._slugs = {supplier.slug for supplier in suppliers.values()}
        # Matched by name: real suppliers only, never demo data's invented ones.
        self._suppliers = {}
        for supplier in suppliers.values():
            if not supplier.is_example:
                self._suppliers.setdefault(name_match_key(supplier.name), supplier)
        variants = SupplierName.objects.filter(supplier__is_example=False)
        for key, supplier_id in variants.values_list("match_key", "supplier_id"):
            self._suppliers[key] = suppliers[supplier_id]
        self._contracts = {}
        contracts = Contract.objects.filter(ka_number__isnull=False).select_related("delivery_area")
        for contract in contracts:
            contract.supplier = suppliers[contract.supplier_id]
            self._contracts[contract.ka_number] = contract
        by_pk = {contract.pk: contract.ka_number for contract in self._contracts.values()}
        self._names = defaultdict(list)
        for name in ContractName.objects.filter(contract_id__in=by_pk):
            self._names[by_pk[name.contract_id]].append(name)
        self._seen = set()
        self._changed = set()
        self._changed_areas = {}
        self._changed_names = {}
        self._new_names = []
        self.new_contracts = []
        self.new_suppliers = []
        self.new_areas = []
        self.renamed = []  # (contract, name in the file) for known contracts with a new name

    def known(self, ka_number):
        """Our contract with this KA-number (or one planned in this run), or None."""
        return self._contracts.get(ka_number)

    def contract(self, *, ka_number, supplier_name, area_name, region, seen, start_date=None):
        """The contract with this KA-number: ours, or a new unsaved one that apply() saves.

        `seen` is the date the file shows the row for (first day of the month)."""
        supplier_name, area_name = _clean(supplier_name), _clean(area_name)
        if not supplier_name or not area_name:
            raise RegisterError(
                _("KA-nummer %(ka)s saknar leverantörens namn eller leveransområde.")
                % {"ka": ka_number}
            )
        area = self._area(area_name, region)
        contract = self._contracts.get(ka_number)
        if contract is not None and contract.supplier.is_example:
            raise RegisterError(
                _(
                    "KA-nummer %(ka)s hör till ett påhittat avtal i exempeldata. Ta bort "
                    "exempeldata först (manage.py seed_demo --remove)."
                )
                % {"ka": ka_number}
            )
        if contract is None:
            contract = Contract(
                ka_number=ka_number,
                supplier=self._supplier(supplier_name),
                delivery_area=area,
                start_date=start_date,
                verified_at=seen,
                data_source=DataSource.ARBETSFORMEDLINGEN,
                source_note=self.source_note,
            )
            self._contracts[ka_number] = contract
            self.new_contracts.append(contract)
        else:
            self._check_area(contract, area)
            if start_date is not None and contract.start_date != start_date:
                contract.start_date = start_date
                self._changed.add(ka_number)
        self._record_name(contract, supplier_name, seen)
        self._seen.add(ka_number)
        return contract

    def summary(self):
        """Counts for the dry run: what apply() would write, or has written."""
        new = {contract.ka_number for contract in self.new_contracts}
        changed = self._changed - new
        return {
            "contracts_new": len(new),
            "contracts_changed": len(changed),
            "contracts_unchanged": len(self._seen - new - changed),
            "suppliers_new": len(self.new_suppliers),
            "areas_new": len(self.new_areas),
            "areas_changed": len(self._changed_areas),
            "names_new": len(self.renamed),
        }

    def apply(self, author=None):
        """Write the plan; call inside a transaction. Afterwards every contract that
        contract() returned has its pk. The change history names `author`
        (krom.history.Author), by default the AF import with the source note."""
        if author is None:
            author = Author.system(AF_IMPORT, self.source_note or "Arbetsförmedlingens filer")
        DeliveryArea.objects.bulk_create([a for a in self.new_areas if a.pk is None])
        DeliveryArea.objects.bulk_update(self._changed_areas.values(), ["region"])
        for supplier in self.new_suppliers:
            supplier.set_name_keys()
        author.bulk_create(Supplier, [s for s in self.new_suppliers if s.pk is None])
        author.bulk_create(Contract, [c for c in self.new_contracts if c.pk is None])
        now = timezone.now()
        changed = [self._contracts[ka] for ka in self._changed if self._contracts[ka].pk]
        for contract in changed:
            contract.updated_at = now
        author.bulk_update(
            Contract,
            changed,
            ["start_date", "delivery_area", "delivery_area_guessed", "updated_at"],
        )
        ContractName.objects.bulk_create(
            [name for name in self._new_names if name.pk is None], batch_size=_CHUNK
        )
        ContractName.objects.bulk_update(
            self._changed_names.values(), ["first_seen", "last_seen"], batch_size=_CHUNK
        )

    def _area(self, name, region):
        key = place_key(name)
        region = self._region(region, name)
        if region and self._area_regions.setdefault(key, region) != region:
            raise RegisterError(
                _("Leveransområdet %(area)s står i två regioner i filen: %(one)s och %(two)s.")
                % {"area": name, "one": self._area_regions[key], "two": region}
            )
        area = self._areas.get(key)
        if area is None:
            area = DeliveryArea(name=name[:100], code=self._unique_code(name), region=region)
            self._areas[key] = area
            self.new_areas.append(area)
        elif region and area.region != region:
            area.region = region
            if area.pk is not None:
                self._changed_areas[area.pk] = area
        return area

    def _region(self, region, area_name):
        if not _clean(region):
            return ""
        value = _REGIONS.get(place_key(str(region)))
        if value is None:
            raise RegisterError(
                _(
                    "Okänd region ”%(region)s” för leveransområdet %(area)s. "
                    "Arbetsförmedlingens regioner är %(regions)s."
                )
                % {"region": region, "area": area_name, "regions": ", ".join(AfRegion.values)}
            )
        return value

    def _unique_code(self, name):
        return unique_slug(name, self._area_codes, length=90, fallback="omrade")

    def _supplier(self, name):
        key = name_match_key(name)
        supplier = self._suppliers.get(key)
        if supplier is None:
            supplier = Supplier(
                name=name[:200],
                slug=self._unique_slug(name),
                short_description=NEW_SUPPLIER_DESCRIPTION,
                data_source=DataSource.ARBETSFORMEDLINGEN,
                source_note=self.source_note,
            )
            self._suppliers[key] = supplier
            self.new_suppliers.append(supplier)
        return supplier

    def _unique_slug(self, name):
        return unique_slug(name, self._slugs, length=190, fallback="leverantor")

    def _check_area(self, contract, area):
        same = (
            contract.delivery_area is area
            if contract.pk is None
            else area.pk is not None and contract.delivery_area_id == area.pk
        )
        if same:
            return
        if contract.delivery_area_guessed:
            # The sync guessed the area from an address; AF's files say which it is.
            contract.delivery_area, contract.delivery_area_guessed = area, False
            self._changed.add(contract.ka_number)
            return
        ours = (
            contract.delivery_area.name
            if contract.pk is None
            else self._area_names[contract.delivery_area_id]
        )
        raise RegisterError(
            _(
                "KA-nummer %(ka)s hör till leveransområdet %(ours)s i registret men till "
                "%(theirs)s i filen. Rätta avtalet eller filen och försök igen."
            )
            % {"ka": contract.ka_number, "ours": ours, "theirs": area.name}
        )

    def _record_name(self, contract, name, seen: datetime.date):
        """Keep every name the contract has had in AF's files, with when it was seen."""
        key = name_match_key(name)
        names = self._names[contract.ka_number]
        known = next((known for known in names if name_match_key(known.name) == key), None)
        if known is None:
            known = ContractName(
                contract=contract, name=name[:200], first_seen=seen, last_seen=seen
            )
            names.append(known)
            self._new_names.append(known)
            supplier = self._suppliers.get(key)
            if contract.pk is not None and (
                supplier is None or supplier.pk != contract.supplier_id
            ):
                self.renamed.append((contract, name))
                self._changed.add(contract.ka_number)
            return
        if seen > known.last_seen or seen < known.first_seen:
            known.first_seen, known.last_seen = (
                min(known.first_seen, seen),
                max(known.last_seen, seen),
            )
            if known.pk is not None:
                self._changed_names[known.pk] = known
