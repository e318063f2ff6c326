"""Arbetsförmedlingen's own pages that a job seeker needs, in one place (loaded into every
template through TEMPLATES' "builtins"): {% af_url "fragor-och-svar" %}."""

from django import template

register = template.Library()

RUSTA_OCH_MATCHA = (
    "https://arbetsformedlingen.se/for-arbetssokande/extra-stod/stod-a-o/rusta-och-matcha"
)

AF_PAGES = {
    # What Rusta och matcha 2 is, who can get it and how it works.
    "rusta-och-matcha": RUSTA_OCH_MATCHA,
    # AF's own supplier search ("Sök leverantör"), where its grades are shown.
    "sok-leverantor": f"{RUSTA_OCH_MATCHA}/sok-leverantor",
    # AF's questions and answers for job seekers: how to tell AF the choice (the booked
    # meeting), changing supplier, and how to complain about a supplier ("Synpunkter").
    "fragor-och-svar": f"{RUSTA_OCH_MATCHA}/fragor-och-svar-om-rusta-och-matcha",
}


@register.simple_tag
def af_url(page):
    """The address of one of Arbetsförmedlingen's pages named in AF_PAGES."""
    return AF_PAGES[page]
