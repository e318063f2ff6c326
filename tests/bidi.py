import re

BIDI_TAG = re.compile(r"</?bdi[^>]*>")


def without_bidi(html):
    """The page without the <bdi> isolation around numbers and Swedish texts (krom/bidi.py):
    for tests about what the text says; tests/test_bidi.py checks the isolation itself."""
    return BIDI_TAG.sub("", html)
