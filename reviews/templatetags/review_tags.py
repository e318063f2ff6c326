from decimal import ROUND_HALF_UP, Decimal

from django import template

register = template.Library()


@register.filter
def rounded_rating(value):
    """A participants' rating to one decimal, half up: the one rounding of every star
    display (components/stars.html), so a figure and its stars agree on every page."""
    if value is None or value == "":
        return None
    return Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
