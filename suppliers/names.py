"""How supplier names are searched and sorted, the same way on SQLite and PostgreSQL."""

import re
import unicodedata

from django.utils.text import slugify

from offices.search import fold

# Swedish alphabetical order puts Å, Ä, Ö after Z; Æ and Ø sort as Ä and Ö, Ü as Y.
# In the sort key they become the three characters right after "z" in ASCII.
_SWEDISH_LETTERS = str.maketrans({"å": "{", "ä": "|", "æ": "|", "ö": "}", "ø": "}", "ü": "y"})


def strip_accents(text):
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def folded(text):
    """Lower case without accents: 'Växtkraft Öresund' → 'vaxtkraft oresund' (the one
    rule of every search, offices.search.fold)."""
    return fold(text)


# Company forms that files add or leave out: "Abra AB" and "Abra" are the same supplier.
_COMPANY_FORMS = {"ab", "aktiebolag", "hb", "kb", "ek", "for", "ekonomisk", "forening", "publ"}


def name_match_key(name):
    """How two spellings of a supplier's name are compared: folded, punctuation as spaces,
    company forms left out. 'Arbetslivsresurs AR AB' and 'Arbetslivsresurs Ar AB.' →
    'arbetslivsresurs ar'."""
    words = re.sub(r"[^\w]+", " ", folded(name)).split()
    kept = [word for word in words if word not in _COMPANY_FORMS]
    return " ".join(kept or words)


def swedish_sort_key(text):
    """A key whose binary order is Swedish alphabetical order (A–Z, then Å, Ä, Ö)."""
    return strip_accents(text.casefold().translate(_SWEDISH_LETTERS))


def unique_slug(name, taken, *, length, fallback):
    """A slug of `name` not in `taken` ("name", "name-2", …), added to `taken`."""
    base = slugify(folded(name))[:length] or fallback
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    taken.add(slug)
    return slug
