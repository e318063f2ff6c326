import time

from django.db import DatabaseError
from django.utils.functional import SimpleLazyObject

from suppliers.models import Supplier

# Asked at most once a minute per process, not on every page: only seed_demo adds or
# removes example data, and pages keep within their query budget.
RECHECK_SECONDS = 60
_answer = {"value": None, "checked_at": 0.0}


def example_data(request):
    """Whether the register holds invented example data (made by `manage.py seed_demo`):
    base.html then says so on every page. Only a page that shows the notice asks (an htmx
    partial does not)."""
    return {"showing_example_data": SimpleLazyObject(register_has_example_data)}


def register_has_example_data():
    now = time.monotonic()
    if _answer["value"] is None or now - _answer["checked_at"] > RECHECK_SECONDS:
        try:
            value = Supplier.objects.filter(is_example=True).exists()
        except DatabaseError:
            # The 503 page, shown while the database is down, extends base.html too.
            return False
        _answer.update(value=value, checked_at=now)
    return _answer["value"]


def forget_example_data():
    """Ask again on the next page: after seed_demo has added or removed example data."""
    _answer["value"] = None
