"""`kommun` on the supplier page and the comparison is read by one form (places.forms)."""

import pytest
from django.http import QueryDict

from places.forms import PlaceForm

pytestmark = pytest.mark.django_db


def test_a_municipality_code_gives_that_municipality():
    municipality = PlaceForm(QueryDict("kommun=0380")).municipality()
    assert (municipality.code, municipality.name) == ("0380", "Uppsala")


@pytest.mark.parametrize("kommun", ["", "9999", "abc", "%00", " 0380", "0380" * 100, "٠٣٨٠"])
def test_anything_but_a_municipality_code_gives_no_municipality(kommun):
    assert PlaceForm(QueryDict(f"kommun={kommun}")).municipality() is None


def test_without_kommun_there_is_no_municipality():
    assert PlaceForm(QueryDict()).municipality() is None
