"""The search's orders, made in Python for each visitor (suppliers/search_order.py)."""

from suppliers.filters import SortOrder
from suppliers.search_order import in_order


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
