"""Template filters of the component kit: `{% load components %}`.

Registered in settings.TEMPLATES as a library, since krom is not an app of its own."""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import pgettext

register = template.Library()


@register.filter(needs_autoescape=True)
def list_join(items, attribute=None, autoescape=True):
    """The items joined with the page language's list separator (", " in Swedish, "، " in
    Arabic), each shown as its `attribute` when given; an empty list gives "" (so that
    `|default:` can say what to show instead)."""
    escape = conditional_escape if autoescape else str
    shown = [getattr(item, attribute) if attribute else item for item in items]
    separator = pgettext("between the items of a list", ", ")
    return mark_safe(escape(separator).join(escape(value) for value in shown))
