"""Search result cards, rendered once per register version and kept per process.

A card's key holds the register's version (krom/register.py) and everything else the card
shows: the UI language and the day (in the key itself), the supplier, the place and area
searched (distance, offices in the municipality, the area's contract and grade) and the
comparison in the URL (the card's compare link). Anything in the register that changes
changes the version, so a kept card is never stale; only the cards missing from the cache
are read from the database and rendered, in one query for them all.

What a card shows of the supplier alone (its participants' rating, languages, industries
and remote parts: components/supplier_card_about.html) is the same for every place and is
kept once per supplier, so a card for another place renders only what depends on it.
"""

from typing import NamedTuple

from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from krom import register
from offices.models import Office
from suppliers.models import Supplier


class About(NamedTuple):
    """The parts of a card about the supplier alone, as HTML."""

    rating: str
    facts: str


def search_cards(supplier_ids, *, register_version, municipality, area, comparison):
    """The cards of the suppliers `supplier_ids`, in that order, as HTML."""
    shown_with = (
        municipality.code if municipality else None,
        area.code if area else None,
        comparison.comparison_query(),
        tuple(str(key) for key in comparison.office_keys),
    )

    def render_missing(missing):
        suppliers = suppliers_for_cards(missing, municipality, area, comparison)
        abouts = about_suppliers(suppliers, register_version)
        return {
            supplier.pk: render_card(supplier, abouts[supplier.pk], municipality, area, comparison)
            for supplier in suppliers
        }

    keys = {pk: register.key(register_version, "card", pk, shown_with) for pk in supplier_ids}
    cards = register.remembered_many("cards", keys, render_missing)
    return [mark_safe(cards[pk]) for pk in supplier_ids if pk in cards]


def about_suppliers(suppliers, register_version):
    """{supplier id: About}, kept per supplier; the missing ones rendered from one query
    for their languages and one for their industries."""
    by_pk = {supplier.pk: supplier for supplier in suppliers}

    def render_missing(missing):
        missing_suppliers = [by_pk[pk] for pk in missing]
        prefetch_related_objects(missing_suppliers, "languages", "industries")
        return {supplier.pk: render_about(supplier) for supplier in missing_suppliers}

    keys = {pk: register.key(register_version, "about", pk) for pk in by_pk}
    abouts = register.remembered_many("about", keys, render_missing)
    return {pk: About(*map(mark_safe, parts)) for pk, parts in abouts.items()}


def suppliers_for_cards(supplier_ids, municipality, area, comparison):
    """The suppliers with what their cards show of the place searched: one query for the
    suppliers, one for the offices the cards compare."""
    suppliers = list(
        Supplier.objects.filter(pk__in=supplier_ids).for_search_cards(
            municipality=municipality, area=area
        )
    )
    representatives = Office.objects.representing(suppliers)
    for supplier in suppliers:
        office = representatives.get(supplier.pk)
        # Only an office that takes new participants is offered for comparison.
        supplier.compare_office = office if office and office.taking_participants else None
        supplier.none_taking_participants = bool(office) and not office.taking_participants
        if supplier.compare_office:
            supplier.compare_query = comparison.toggled(office.url_key, drop=())
        # A municipality can lie where several areas meet (Stockholm, Göteborg): without a
        # contract in the municipality's own area, show the nearest office's contract.
        if office and municipality and not getattr(supplier, "area_contract", None):
            supplier.nearest_contract = office.contract
    return suppliers


def render_about(supplier):
    template = "components/supplier_card_about.html"
    context = {"supplier": supplier}
    return tuple(str(render_to_string(f"{template}#{part}", context)) for part in About._fields)


def render_card(supplier, about, municipality, area, comparison):
    context = {
        "supplier": supplier,
        "about": about,
        "municipality": municipality,
        "area": area,
        "comparison": comparison,
    }
    return str(render_to_string("components/supplier_card.html", context))
