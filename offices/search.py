"""Case- and accent-insensitive text search that answers the same on SQLite and PostgreSQL.

Neither database folds accents by itself (PostgreSQL needs the unaccent extension, SQLite has
nothing), and SQLite's LIKE folds case only for ASCII letters. So the typed text is folded in
Python ("Göteborg" → "goteborg") and turned into a regular expression in which every Latin
letter matches all its accented forms in both cases: "goteborg" → "g[GgĜĝ…]t[EeÈè…]borg" (in
short). Django's `iregex` lookup runs it with `~*` on PostgreSQL and with Python's `re` on
SQLite. Any other character is escaped with a backslash, which both dialects read as that
character itself, so nothing typed can change the meaning of the expression.
"""

import unicodedata

# Letters that do not decompose into a base letter and a mark.
_EXTRA_FOLDS = {"ø": "o", "æ": "ae", "đ": "d", "ł": "l", "ı": "i", "ħ": "h", "ŧ": "t"}


def fold(text):
    """The one accent-folding rule of every search (suppliers' search names, the KA
    lookup, name matching): case folded, accents dropped, 'Bjærke Växtkraft' →
    'bjaerke vaxtkraft', 'Straße' → 'strasse'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return "".join(_EXTRA_FOLDS.get(char, char) for char in stripped)


def _letter_variants():
    variants = {letter: {letter, letter.upper()} for letter in "abcdefghijklmnopqrstuvwxyz"}
    for code_point in range(0xC0, 0x250):  # Latin-1 Supplement, Latin Extended-A and B
        char = chr(code_point)
        base = fold(char)
        if base in variants and char.isalpha():
            variants[base].update(c for c in (char, char.lower(), char.upper()) if len(c) == 1)
    return {base: "[" + "".join(sorted(chars)) + "]" for base, chars in variants.items()}


_LETTER_CLASSES = _letter_variants()


# Letters that fold to two: "ae" also matches "æ", "ss" also "ß".
_LIGATURES = {"ae": "æÆ", "ss": "ß"}


def accent_insensitive_regex(word):
    """A regular expression for `iregex` that finds `word` with or without accents.

    Latin letters match all their accented forms (and "ae" the letter "æ", as fold()
    has it); every other character matches itself.
    """
    folded = fold(word)
    parts, index = [], 0
    while index < len(folded):
        pair = folded[index : index + 2]
        if pair in _LIGATURES:
            letters = "".join(_LETTER_CLASSES[char] for char in pair)
            parts.append(f"(?:{letters}|[{_LIGATURES[pair]}])")
            index += 2
            continue
        char = folded[index]
        parts.append(_LETTER_CLASSES.get(char) or (char if char.isalnum() else "\\" + char))
        index += 1
    return "".join(parts)


def search_words(text, limit=10):
    """The words of a search text that can match something, at most `limit` of them."""
    return [word for word in text.split() if any(char.isalnum() for char in word)][:limit]
