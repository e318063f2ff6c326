"""Direction marks for mixed-direction pages, loaded into every template (TEMPLATES'
"builtins").

In Arabic (right to left) a phone number such as "010-904 41 36" or a postcode with its town,
"402 44 Göteborg", breaks into pieces that the Unicode bidi algorithm lays out right to
left: "36 41 010-904", "Göteborg 44 402". Each such value is isolated in its own
left-to-right run, and each text written in Swedish (supplier names, descriptions,
addresses) carries lang="sv" and its own direction, so its full stop stays at its end."""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.filter(is_safe=True)
def ltr(value):
    """A number or code – phone, KA-number, organisation number, postcode, date in
    figures – that reads left to right in any page: <bdi dir="ltr">."""
    if value is None or value == "":
        return ""
    return format_html('<bdi dir="ltr">{}</bdi>', value)


@register.filter(is_safe=True)
def sv(value):
    """A short text in Swedish (a supplier's or office's name, an address) inside a page in
    any language: <bdi lang="sv" dir="auto">, its direction taken from its own letters."""
    if value is None or value == "":
        return ""
    return format_html('<bdi lang="sv" dir="auto">{}</bdi>', value)
