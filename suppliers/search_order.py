"""The search's orders, applied to the suppliers a search found.

The database finds the suppliers and the values an order needs (kept under the register's
version, krom/register.py); the order itself, which differs for every visitor, is made
here: sorting a few thousand tuples takes a millisecond, while asking the database to
sort every match again for each visitor's shuffle took most of a search request.

Every order ends in the visitor's neutral shuffle (and then the supplier's id), so that no
two suppliers ever tie: the order is the same on every page and every reload."""

import random

from suppliers.filters import SortOrder

# A prime for the neutral order's hash: every visitor gets a different shuffle.
SHUFFLE_PRIME = 2_147_483_647

# The values each order needs besides the supplier's id, as the search annotates them.
SORT_VALUES = {
    SortOrder.NEUTRAL: (),
    SortOrder.RATING: ("bayesian_rating", "review_count"),
    SortOrder.RESULT_GRADE: ("area_grade",),
    SortOrder.REVIEW_COUNT: ("review_count",),
    SortOrder.NAME: ("name_sort_key",),
    SortOrder.NEAREST: ("nearest_office_km",),
}


def neutral_shuffle(seed):
    """A per-visitor shuffle of supplier ids: the seed picks the multiplier and offset of a
    hash of the id (a large multiplier, which wraps around the prime even for small,
    consecutive ids)."""
    scrambled = random.Random(seed)
    multiplier = scrambled.randrange(1_000_000_000, 2_000_000_000)
    offset = scrambled.randrange(SHUFFLE_PRIME)
    return lambda pk: (pk * multiplier + offset) % SHUFFLE_PRIME


def order_key(sort, seed):
    """The sort key of a row (pk, *SORT_VALUES[sort])."""
    shuffle = neutral_shuffle(seed)
    if sort == SortOrder.RATING:
        # Bayesian average first (a few reviews cannot outrank many), then more reviews.
        return lambda row: (-row[1], -row[2], shuffle(row[0]), row[0])
    if sort == SortOrder.RESULT_GRADE:
        # Best grade first; suppliers without one last.
        return lambda row: (row[1] is None, -(row[1] or 0), shuffle(row[0]), row[0])
    if sort == SortOrder.REVIEW_COUNT:
        return lambda row: (-row[1], shuffle(row[0]), row[0])
    if sort == SortOrder.NAME:
        # name_sort_key orders Swedish (A–Z, then Å, Ä, Ö) by its code points.
        return lambda row: (row[1], row[0])
    if sort == SortOrder.NEAREST:
        # Nearest first; a supplier whose offices are not known yet last.
        return lambda row: (row[1] is None, row[1] or 0, shuffle(row[0]), row[0])
    # The shuffle gives every id its own place (a bijection below the prime): no tie.
    return lambda row: shuffle(row[0])


def in_order(rows, sort, seed):
    """The ids of `rows` in the order `sort` for the visitor's `seed`."""
    return [row[0] for row in sorted(rows, key=order_key(sort, seed))]
