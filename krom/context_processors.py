from django.conf import settings


def language_links(request):
    """This page in each UI language, with its validated query: for the language switcher.

    Every language uses the same (Swedish) paths, so switching only swaps the prefix:
    none for Swedish, /en/ and /ar/ for the others.
    """
    path = request.path
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
    for code, name in settings.LANGUAGES:
        prefix = "" if code == settings.LANGUAGE_CODE else f"/{code}"
        url = f"{prefix}{path}" + (f"?{query}" if query else "")
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                # hreflang alternates must be absolute for search engines.
                "absolute_url": request.build_absolute_uri(url),
                "bidi": code in settings.LANGUAGES_BIDI,
            }
        )
    return {"language_links": links}
