from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.urls import Resolver404, resolve

# Lättläst svenska (easy-to-read Swedish) lives under this prefix, outside the languages.
EASY_READ_PREFIX = "/lattlast"


def language_links(request):
    """This page in each UI language, with its validated query: for the language switcher.

    Every language uses the same (Swedish) paths, so switching only swaps the prefix:
    none for Swedish, /en/, /ar/, … for the others. From a lättläst page the links go to
    the same page in ordinary Swedish and in the other languages. `easy_read_url` is the
    page's lättläst version where it has one, otherwise the lättläst start page.
    """
    path = request.path
    easy_read = path == f"{EASY_READ_PREFIX}/" or path.startswith(f"{EASY_READ_PREFIX}/")
    if easy_read:
        path = path.removeprefix(EASY_READ_PREFIX)
    for code, _name in settings.LANGUAGES:
        if code != settings.LANGUAGE_CODE and path.startswith(f"/{code}/"):
            path = path[len(code) + 1 :]
            break
    # Only what the view validated (krom/links.py), never the raw query string; and one
    # leading slash, so that /en//evil.example/x cannot become a link to another site.
    path = "/" + path.lstrip("/")
    link_query = getattr(request, "link_query", None)
    query = link_query.urlencode() if link_query else ""
    links = []
    try:
        site = request.build_absolute_uri("/").rstrip("/")
    except DisallowedHost:
        # The 400 page for a bad Host header: no absolute links from a host we refuse.
        site = None
    for code, name in settings.LANGUAGES:
        prefix = "" if code == settings.LANGUAGE_CODE else f"/{code}"
        url = f"{prefix}{path}" + (f"?{query}" if query else "")
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                # hreflang alternates must be absolute for search engines.
                "absolute_url": f"{site}{url}" if site else None,
                "bidi": code in settings.LANGUAGES_BIDI,
            }
        )
    return {
        "language_links": links,
        "swedish_url": next(x["url"] for x in links if x["code"] == settings.LANGUAGE_CODE),
        "easy_read_page": easy_read,
        "easy_read_url": _easy_read_url(path),
    }


def _easy_read_url(path):
    candidate = f"{EASY_READ_PREFIX}{path}"
    try:
        resolve(candidate)
    except Resolver404:
        return f"{EASY_READ_PREFIX}/"
    return candidate
