from django.db import DatabaseError
from django.utils.functional import SimpleLazyObject

from suppliers.models import Supplier


def example_data(request):
    """Whether the register holds invented example data (made by `manage.py seed_demo`):
    base.html then says so on every page. Asked at most once per request, and only by a
    page that shows the notice (an htmx partial does not)."""
    return {"showing_example_data": SimpleLazyObject(register_has_example_data)}


def register_has_example_data():
    try:
        return Supplier.objects.filter(is_example=True).exists()
    except DatabaseError:
        # The 503 page, shown while the database is down, extends base.html too.
        return False
