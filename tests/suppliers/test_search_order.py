"""The search's orders, made in Python for each visitor (suppliers/search_order.py)."""

from hypothesis import given
from hypothesis import strategies as st

from suppliers.filters import SortOrder
from suppliers.search_order import VisitorOrder, neutral_shuffle, presorted


def in_order(rows, sort, seed):
    return list(VisitorOrder(presorted(rows, sort), sort, seed))


def test_the_neutral_order_is_a_shuffle_of_its_own_for_each_visitor():
    rows = [(pk,) for pk in range(1, 501)]
    first, again, other = in_order(rows, "", 7), in_order(rows, "", 7), in_order(rows, "", 8)
    assert sorted(first) == list(range(1, 501))
    assert first == again
    assert first != other
    assert first != sorted(first)


def test_suppliers_without_a_distance_or_a_grade_come_last():
    rows = [(1, None), (2, 12.5), (3, 3.0)]
    assert in_order(rows, SortOrder.NEAREST, 1) == [3, 2, 1]
    assert in_order(rows, SortOrder.RESULT_GRADE, 1) == [2, 3, 1]


def test_equal_ratings_go_to_more_reviews_then_to_the_visitors_shuffle():
    rows = [(1, 4.5, 10), (2, 4.5, 30), (3, 4.8, 2), (4, 4.5, 10), (5, 4.5, 10)]
    for seed in range(5):
        order = in_order(rows, SortOrder.RATING, seed)
        assert order[:2] == [3, 2]
        assert sorted(order[2:]) == [1, 4, 5]
        assert order[2:] == [pk for pk in in_order([(1,), (4,), (5,)], "", seed)]


def test_names_in_swedish_order_by_their_sort_keys():
    rows = [(1, "ö"), (2, "a"), (3, "å"), (4, "z")]
    assert in_order(rows, SortOrder.NAME, 3) == [2, 4, 3, 1]


def fully_sorted(rows, sort, seed):
    """Every row ranked at once: what a page of VisitorOrder must be a slice of."""
    shuffle = neutral_shuffle(seed)
    values = {
        SortOrder.NEUTRAL: lambda row: (),
        SortOrder.RATING: lambda row: (-row[1], -row[2]),
        SortOrder.RESULT_GRADE: lambda row: (row[1] is None, -(row[1] or 0)),
        SortOrder.REVIEW_COUNT: lambda row: (-row[1],),
        SortOrder.NAME: lambda row: (row[1],),
        SortOrder.NEAREST: lambda row: (row[1] is None, row[1] or 0),
    }[sort]
    return [row[0] for row in sorted(rows, key=lambda row: (*values(row), shuffle(row[0])))]


# Few distinct values, so that ties are many and long.
few = st.integers(0, 3)
ROWS_FOR = {
    SortOrder.NEUTRAL: st.tuples(),
    SortOrder.RATING: st.tuples(few.map(lambda n: 3 + n / 2), few),
    SortOrder.RESULT_GRADE: st.tuples(st.none() | st.integers(1, 4)),
    SortOrder.REVIEW_COUNT: st.tuples(few),
    SortOrder.NAME: st.tuples(st.sampled_from(["a", "z", "å", "ö"])),
    SortOrder.NEAREST: st.tuples(st.none() | few.map(float)),
}


@st.composite
def searches(draw):
    sort = draw(st.sampled_from(list(SortOrder)))
    values = draw(st.lists(ROWS_FOR[sort], max_size=60))
    pks = draw(st.permutations(range(1, len(values) + 1)))
    rows = [(pk, *row) for pk, row in zip(pks, values, strict=True)]
    return rows, sort, draw(st.integers(0, 2**31 - 2))


@given(searches(), st.integers(0, 70), st.integers(0, 70))
def test_every_page_is_the_slice_of_the_whole_order(search, start, length):
    rows, sort, seed = search
    whole = fully_sorted(rows, sort, seed)
    order = VisitorOrder(presorted(rows, sort), sort, seed)
    assert len(order) == len(whole)
    assert order[start : start + length] == whole[start : start + length]
    assert list(order) == whole
    if start < len(whole):
        assert order[start] == whole[start]
        assert order[-1] == whole[-1]
