"""Lists of names joined as each UI language writes them.

Arabic and Persian separate list items with "،", Tigrinya with "፣", the others with ",".
Names that hold such a comma themselves (Arbetsförmedlingen's "Transport, distribution,
lager") are joined with the language's semicolon instead, so that each name stays whole.
"""

from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

# language: (separator, separator between names that contain a comma)
SEPARATORS = {
    "ar": ("، ", "؛ "),
    "fa": ("، ", "؛ "),
    "ti": ("፣ ", "፤ "),
}
DEFAULT_SEPARATORS = (", ", "; ")
COMMAS = ",،፣"


def join_names(names, language=None):
    """Plain-text names joined with the separator of `language` (default: the UI's)."""
    names = list(names)
    comma, semicolon = SEPARATORS.get(language or get_language(), DEFAULT_SEPARATORS)
    holds_a_comma = any(mark in name for name in names for mark in COMMAS)
    return (semicolon if holds_a_comma else comma).join(names)


def join_names_html(names, language=None):
    """As join_names, for names that may be HTML already (a name marked with its lang)."""
    return mark_safe(join_names((conditional_escape(name) for name in names), language))
