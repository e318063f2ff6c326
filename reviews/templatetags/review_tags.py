from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.template.defaultfilters import linebreaks_filter as linebreaks
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from reviews.models import REDACTION_MARK

register = template.Library()


@register.filter
def rounded_rating(value):
    """A participants' rating to one decimal, half up: the one rounding of every star
    display (components/stars.html), so a figure and its stars agree on every page."""
    if value is None or value == "":
        return None
    return Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@register.filter
def comment_html(review):
    """A review's comment as paragraphs, with a moderator's redactions marked as such."""
    text = linebreaks(review.comment, autoescape=True)
    if not review.is_redacted:
        return text
    mark = format_html('<mark class="redacted">{}</mark>', _("[borttaget av moderator]"))
    return mark_safe(text.replace(escape(REDACTION_MARK), mark))
