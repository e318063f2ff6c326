"""Does a review's text look like it holds personal data? A writer is warned before
sending, and a review sent anyway is flagged for the moderator.

A cautious guess, not a proof: it looks for the shapes that identify a person in Swedish
text — phone numbers, e-mail addresses, personal identity numbers (personnummer and
samordningsnummer) and street addresses. Names cannot be told from other words, so the
form's help text asks for none and the moderator reads every review."""

import re

from django.utils.translation import gettext_lazy as _

KINDS = {
    "personnummer": _("personnummer"),
    "phone": _("telefonnummer"),
    "email": _("e-postadress"),
    "address": _("gatuadress"),
}

# 19850412-1234, 850412-1234, 8504121234, 850472+1234 (samordningsnummer: day + 60).
# Ten bare digits starting 07 read as a mobile number first (070123… is also a date).
_DATE = r"\d{2}(?:0[1-9]|1[0-2])(?:[0-2]\d|3[01]|[6-8]\d|9[01])"
PERSONAL_IDENTITY_NUMBER = re.compile(
    rf"(?<![\d-])(?:(?:19|20){_DATE}[-+ ]?\d{{4}}|{_DATE}[-+ ]\d{{4}})(?![\d-])"
)
BARE_PERSONAL_IDENTITY_NUMBER = re.compile(rf"(?<![\d-]){_DATE}\d{{4}}(?![\d-])")
# 070-123 45 67, 0701234567, +46 70 123 45 67, 08-123 456 78, 031 12 34 56.
PHONE = re.compile(r"(?<![\w+])(?:\+46[ -]?\(?0?\)?|0)\d(?:[ -]?\d){6,10}(?!\d)")
EMAIL = re.compile(r"[\w.+-]+\s?(?:@|\(at\)|\[at\])\s?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.I)
STREET_ADDRESS = re.compile(
    r"\b\w{2,}(?:gatan|vägen|gränd|gränden|torget|stigen|backen|allén|plan)\s+\d{1,4}\b", re.I
)

PATTERNS = [
    ("personnummer", PERSONAL_IDENTITY_NUMBER),
    ("email", EMAIL),
    ("phone", PHONE),
    ("personnummer", BARE_PERSONAL_IDENTITY_NUMBER),
    ("address", STREET_ADDRESS),
]


def personal_data_kinds(text):
    """The kinds of personal data the text seems to hold, as keys of KINDS, in KINDS'
    order; empty when none. A personal identity number is not also counted as a phone."""
    found = []
    rest = text or ""
    for kind, pattern in PATTERNS:
        if pattern.search(rest):
            found.append(kind)
            rest = pattern.sub(" ", rest)
    return [kind for kind in KINDS if kind in found]


def describe(kinds):
    """The kinds in words, joined for a sentence: "telefonnummer och e-postadress"."""
    words = [str(KINDS[kind]) for kind in kinds]
    if len(words) < 2:
        return "".join(words)
    return _("%(first)s och %(last)s") % {"first": ", ".join(words[:-1]), "last": words[-1]}
