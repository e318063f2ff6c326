"""Search result cards and the supplier page's contracts, rendered once and kept per
process, keyed by everything they show.

A card's key is a digest of the UI language, the place and area searched, the comparison in
the URL, and every value of the supplier as the page loaded it: its columns (name, rating
summary, remote, …), what the search annotated (the area's contract and grade, distance,
office counts), what the view attached (the office to compare and its contract), and the
prefetched languages and industries with their names. When a supplier, an office, a grade
or a review changes what a card shows, the key changes with it, so a cached card is never
stale and nothing has to be invalidated; old keys simply age out of the cache.
"""

import hashlib

from django.db.models import Model
from django.utils import timezone
from django.utils.translation import get_language

# Deep enough for supplier → compare office → contract → delivery area.
_DEPTH = 4


def _fingerprint(value, depth=_DEPTH, seen=None):
    """Values that show what `value` holds; a model instance met before (an office's
    contract, which holds the office) by its type and key only."""
    seen = set() if seen is None else seen
    if isinstance(value, Model):
        if depth == 0 or id(value) in seen:
            return (type(value).__name__, value.pk)
        seen.add(id(value))
        concrete = value._meta.concrete_fields
        fields = tuple(field.value_from_object(value) for field in concrete)
        attnames = {field.attname for field in concrete}
        related = {
            name: _fingerprint(cached, depth - 1, seen)
            for name, cached in sorted(value._state.fields_cache.items())
        }
        extra = {
            name: _fingerprint(attribute, depth - 1, seen)
            for name, attribute in sorted(vars(value).items())
            if not name.startswith("_") and name not in attnames
        }
        prefetched = {
            name: [_fingerprint(item, depth - 1, seen) for item in items]
            for name, items in sorted(getattr(value, "_prefetched_objects_cache", {}).items())
        }
        return (type(value).__name__, fields, related, extra, prefetched)
    if isinstance(value, list | tuple):
        return [_fingerprint(item, depth, seen) for item in value]
    return value


def fragment_key(*parts, only_key=()):
    """A digest of the UI language, today's date (what a fragment says about how old its
    data is depends on it) and the parts, models fingerprinted with what they carry;
    models in `only_key` (held by a part, but shown from elsewhere) by their key only."""
    seen = {id(instance) for instance in only_key}
    fingerprinted = (get_language(), timezone.localdate(), _fingerprint(parts, seen=seen))
    return hashlib.sha256(repr(fingerprinted).encode()).hexdigest()


def card_key(supplier, *, comparison, municipality, area):
    """The cache key of the supplier's card on a search page."""
    return fragment_key(
        (municipality.code, municipality.name) if municipality else None,
        (area.code, area.name) if area else None,
        comparison.comparison_query(),
        [str(key) for key in comparison.office_keys],
        supplier,
    )


def contract_key(contract, *, supplier, comparison, municipality):
    """The cache key of a contract with its offices on the supplier's page."""
    return fragment_key(
        (municipality.code, municipality.name) if municipality else None,
        comparison.comparison_query(),
        [str(key) for key in comparison.office_keys],
        (supplier.pk, supplier.slug),
        contract,
        only_key=[supplier],
    )
