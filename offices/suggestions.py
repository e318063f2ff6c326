"""'Menade du …?': a better spelling for a search that found nothing, from the words of
the names the searches look in. The same on SQLite and PostgreSQL (Python's difflib over a
per-process vocabulary of a few thousand words)."""

import difflib
import time

from offices.models import Contract, Office
from offices.search import fold, search_words
from places.models import DeliveryArea, Municipality

# Names people search for, as folded words, kept per process (see vocabulary()).
VOCABULARY_MAX_AGE_SECONDS = 300
_vocabulary = {"words": None, "loaded_at": 0.0}


def vocabulary():
    """{folded word: its spelling} from the names the searches look in: suppliers with a
    contract in force, municipalities, delivery areas and offices' postal towns. Loaded
    once per process and again after VOCABULARY_MAX_AGE_SECONDS; only a search that
    finds nothing asks for it."""
    now = time.monotonic()
    if _vocabulary["words"] is None or now - _vocabulary["loaded_at"] > VOCABULARY_MAX_AGE_SECONDS:
        names = [
            *Contract.objects.in_force().values_list("supplier__name", flat=True).distinct(),
            *Municipality.objects.values_list("name", flat=True),
            *DeliveryArea.objects.values_list("name", flat=True),
            *Office.objects.values_list("postal_town", flat=True).distinct(),
        ]
        words = {}
        for name in names:
            for word in search_words(name, limit=50):
                words.setdefault(fold(word), word.strip(".,()"))
        _vocabulary.update(words=words, loaded_at=now)
    return _vocabulary["words"]


def corrected(text):
    """The text with each word that is part of no known name replaced by the closest known
    word ('götebrog' → 'Göteborg', 'anakrvägen' → 'Ankarvägen'); None when no word needed
    it or none is close enough."""
    words = vocabulary()
    changed, result = False, []
    for word in search_words(text):
        key = fold(word)
        if any(key in known for known in words):
            result.append(word)
            continue
        close = difflib.get_close_matches(key, words, n=1, cutoff=0.75)
        if not close:
            return None
        result.append(words[close[0]])
        changed = True
    return " ".join(result) if changed else None


def forget_vocabulary():
    """Load the vocabulary again on next use (for tests)."""
    _vocabulary["words"] = None
