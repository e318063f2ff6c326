"""The register's version, and what is cached under it.

Database triggers (krom/migrations/0003_register_version.py) give the one row of
RegisterVersion a new random number in every transaction that changes a table the public
pages show, whatever made the change. A page or a part of one that depends only on the
register, its address and the day can therefore be kept under a key holding the version:
when anything in the register changes, the version does, and every key with it. Nothing is
invalidated by hand and no write path has to remember to; old entries age out.

The entries live in each process (local memory: CACHES["cards"] for the many small search
cards, CACHES["about"] for what a card shows of the supplier alone, CACHES["filters"] for
the search's filter form, CACHES["pages"] for the fewer, larger pages and search results):
the version is read from the database once per request, so no process can serve what
another process kept from a register that has changed since.
"""

import hashlib
import uuid
from functools import wraps

from django.core.cache import caches
from django.db import connection
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language

CACHE_SECONDS = 24 * 60 * 60


def register_cache(name):
    return caches[name]


def version():
    """The register's version now, as this request's transaction sees it.

    Inside a PostgreSQL transaction that has changed the register and not committed yet,
    the triggers have not run (they run at commit): a token used once stands in, so
    nothing this transaction sees is cached for others."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT (SELECT version FROM krom_registerversion WHERE id = 1), "
                "txid_current_if_assigned()"
            )
            current, own_transaction = cursor.fetchone()
            if own_transaction is not None:
                return f"uncommitted-{uuid.uuid4().hex}"
        else:
            cursor.execute("SELECT version FROM krom_registerversion WHERE id = 1")
            row = cursor.fetchone()
            current = row[0] if row else None
    return str(current)


def key(register_version, *parts):
    """A cache key for something that depends on the register at `register_version`, the
    UI language, today's date (what the register says about dates depends on it: contracts
    in force, offices open again) and `parts` (plain values that say what else it shows)."""
    text = repr((register_version, get_language(), timezone.localdate().isoformat(), parts))
    return hashlib.sha256(text.encode()).hexdigest()


def remembered(register_version, parts, compute):
    """compute(), kept under the register's version and `parts`."""
    cache = register_cache("pages")
    cache_key = key(register_version, *parts)
    value = cache.get(cache_key)
    if value is None:
        value = compute()
        cache.set(cache_key, value, CACHE_SECONDS)
    return value


def remembered_many(cache_name, keys, compute_missing):
    """{id: value} for each id of `keys` ({id: key()}): the values kept in the cache
    `cache_name`, and compute_missing(ids of the rest) -> {id: value}, kept in turn. An id
    compute_missing() leaves out is left out."""
    cache = register_cache(cache_name)
    kept = cache.get_many(list(keys.values()))
    missing = [id_ for id_, cache_key in keys.items() if cache_key not in kept]
    if missing:
        computed = {keys[id_]: value for id_, value in compute_missing(missing).items()}
        cache.set_many(computed, CACHE_SECONDS)
        kept |= computed
    return {id_: kept[cache_key] for id_, cache_key in keys.items() if cache_key in kept}


# Response headers a kept page is served again with; the middleware adds the rest.
KEPT_HEADERS = ("Content-Type", "Content-Language", "Vary", "HX-Push-Url", "Location")


def page_kept_with_register(view):
    """Keeps a GET page that shows the register and nothing of the visitor's own: served
    again from the cache until the register (or the day) changes.

    The key holds everything the page is made of besides the register: the full address
    with its query string, host and scheme (absolute links), the UI language, and the
    request headers the page answers differently to (Accept for JSON, HX-Request for an
    htmx update). Only a plain 200 without cookies is kept."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        cache = register_cache("pages")
        cache_key = key(
            version(),
            "page",
            request.scheme,
            request.get_host(),
            request.get_full_path(),
            request.headers.get("Accept", ""),
            request.headers.get("HX-Request", ""),
        )
        kept = cache.get(cache_key)
        if kept is not None:
            status, headers, content = kept
            return HttpResponse(content, status=status, headers=headers)
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        if response.status_code == 200 and not response.cookies and not response.streaming:
            headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
            cache.set(cache_key, (200, headers, response.content), CACHE_SECONDS)
        return response

    return wrapped
