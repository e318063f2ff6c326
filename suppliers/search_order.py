"""The search's orders, applied to the suppliers a search found.

The database finds the suppliers and the values an order needs once per register version
(krom/register.py), and they are kept sorted by what the order puts first (the distance,
the rating, the name, ...), which is the same for every visitor. Each visitor's order then
only breaks the ties, by the visitor's neutral shuffle (and then the supplier's id, so that
no two suppliers ever tie: the order is the same on every page and every reload), and only
for the page shown: a page costs the same however many suppliers were found, but for the
shuffle, which ranks every one of them (a millisecond for a few thousand). Suppliers of the
same name, too, come in the visitor's shuffle, not in the order they were added."""

import heapq
import random
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

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


def first_key(sort):
    """What the order `sort` puts first, for a row (pk, *SORT_VALUES[sort]): the same for
    every visitor."""
    if sort == SortOrder.RATING:
        # Bayesian average first (a few reviews cannot outrank many), then more reviews.
        return lambda row: (-row[1], -row[2])
    if sort == SortOrder.RESULT_GRADE:
        # Best grade first; suppliers without one last.
        return lambda row: (row[1] is None, -(row[1] or 0))
    if sort == SortOrder.REVIEW_COUNT:
        return lambda row: (-row[1],)
    if sort == SortOrder.NAME:
        # name_sort_key orders Swedish (A–Z, then Å, Ä, Ö) by its code points.
        return lambda row: (row[1],)
    if sort == SortOrder.NEAREST:
        # Nearest first; a supplier whose offices are not known yet last.
        return lambda row: (row[1] is None, row[1] or 0)
    # The neutral order is the shuffle alone: every supplier ties before it.
    return lambda row: ()


def presorted(rows, sort):
    """The rows sorted by what `sort` puts first, to be kept for every visitor."""
    return tuple(sorted(rows, key=first_key(sort)))


class VisitorOrder(Sequence):
    """The ids of the suppliers found, in the order `sort` for the visitor's `seed`, from
    rows presorted() for it. A slice (a page) breaks only the ties that reach into it."""

    def __init__(self, rows, sort, seed):
        self.rows = rows
        self.first_key = first_key(sort)
        shuffle = neutral_shuffle(seed)
        if sort == SortOrder.NEUTRAL:
            # The shuffle is a bijection: no two suppliers tie.
            self.key = lambda row: shuffle(row[0])
        else:
            self.key = lambda row: (*self.first_key(row), shuffle(row[0]), row[0])

    def __len__(self):
        return len(self.rows)

    def __iter__(self):
        return iter(self[:])

    def __getitem__(self, index):
        if not isinstance(index, slice):
            position = range(len(self))[index]  # IndexError beyond the end
            return self[position : position + 1][0]
        if index.step not in (None, 1):
            return [*self][index]
        start, stop, _ = index.indices(len(self))
        if start >= stop:
            return []
        # The rows that can take places start..stop-1 are those tied with the first and the
        # last of them, and every row between.
        low = bisect_left(self.rows, self.first_key(self.rows[start]), key=self.first_key)
        high = bisect_right(self.rows, self.first_key(self.rows[stop - 1]), key=self.first_key)
        block = self.rows[low:high]
        wanted = stop - low
        # A heap finds the first few of many faster; sorting, more than a few.
        if wanted * 8 < len(block):
            block = heapq.nsmallest(wanted, block, key=self.key)
        else:
            block = sorted(block, key=self.key)
        return [row[0] for row in block[start - low : stop - low]]
