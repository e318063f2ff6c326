"""One pagination helper for every list (krom/pagination.py): `sida` is read through a
form, and a page that cannot be shown gives the nearest one with a note, never an error."""

import pytest
from django.http import QueryDict

from krom.pagination import PageNote, paginate

NOT_A_PAGE_NUMBER = "Sidnumret måste vara ett heltal från 1. Visar sida 1."
NO_SUCH_PAGE = "Sidan finns inte. Visar sista sidan."
ITEMS = list(range(45))  # three pages of 20


def page_of(query, items=ITEMS):
    return paginate(items, QueryDict(query), per_page=20)


@pytest.mark.parametrize("query", ["", "sida=", "sida=1"])
def test_without_a_page_number_the_first_page_is_shown_without_a_note(query):
    page, note = page_of(query)
    assert (page.number, list(page)[:2], note) == (1, [0, 1], None)


def test_a_page_number_in_range_shows_that_page_without_a_note():
    page, note = page_of("sida=3")
    assert (page.number, list(page), note) == (3, list(range(40, 45)), None)


@pytest.mark.parametrize("typed", ["abc", "0", "-1", "1.5", "1e3", "%00", "9" * 5000])
def test_a_page_number_that_is_not_a_whole_number_from_1_shows_page_1_with_a_note(typed):
    page, note = page_of(f"sida={typed}")
    assert page.number == 1
    assert note == PageNote("Sida", QueryDict(f"sida={typed}")["sida"][:40], NOT_A_PAGE_NUMBER)


def test_a_page_beyond_the_last_shows_the_last_page_with_a_note():
    page, note = page_of("sida=99")
    assert page.number == 3
    assert note == PageNote("Sida", "99", NO_SUCH_PAGE)


def test_an_empty_list_has_one_empty_page_and_no_second():
    assert page_of("sida=1", items=[])[1] is None
    page, note = page_of("sida=2", items=[])
    assert (page.number, list(page), note.reason) == (1, [], NO_SUCH_PAGE)


def test_the_note_shows_at_most_40_characters_of_what_was_typed():
    _, note = page_of("sida=" + "x" * 500)
    assert note.value == "x" * 40


def test_the_last_of_repeated_page_numbers_counts():
    page, note = page_of("sida=abc&sida=2")
    assert (page.number, note) == (2, None)
