"""How supplier names are searched and sorted, the same way on SQLite and PostgreSQL."""

import unicodedata

# Swedish alphabetical order puts Å, Ä, Ö after Z; Æ and Ø sort as Ä and Ö, Ü as Y.
# In the sort key they become the three characters right after "z" in ASCII.
_SWEDISH_LETTERS = str.maketrans({"å": "{", "ä": "|", "æ": "|", "ö": "}", "ø": "}", "ü": "y"})


def strip_accents(text):
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def folded(text):
    """Lower case without accents: 'Växtkraft Öresund' → 'vaxtkraft oresund'."""
    return strip_accents(text.casefold()).replace("ø", "o").replace("æ", "ae")


def swedish_sort_key(text):
    """A key whose binary order is Swedish alphabetical order (A–Z, then Å, Ä, Ö)."""
    return strip_accents(text.casefold().translate(_SWEDISH_LETTERS))
