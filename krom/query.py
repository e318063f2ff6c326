"""Query strings as people share them: without the empty values a form sends."""


def without_empty_values(query, drop=()):
    """A mutable copy of a QueryDict without the names in `drop` and without empty values
    (an unchosen select sends "kommun=")."""
    kept = query.copy()
    for name in list(kept):
        values = [value for value in kept.getlist(name) if value != ""]
        if name in drop or not values:
            kept.pop(name)
        else:
            kept.setlist(name, values)
    return kept
