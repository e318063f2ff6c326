import ipaddress

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from redis.exceptions import RedisError

HEALTH_CHECK_PATH = "/healthz"


class HealthCheckMiddleware:
    """Answers /healthz before host validation (and exempt from the HTTPS redirect).

    Load balancers and Docker's HEALTHCHECK call it by IP address over plain HTTP:
    200 "ok" when the database and the cache answer; 503 when the database does not
    (nothing can be served); 200 "degraded: cache unavailable" when only the cache is
    away (Redis down or restarting): pages and forms still work without it, so the load
    balancer must keep the server, but monitoring should raise the alarm on that body.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path != HEALTH_CHECK_PATH:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            return HttpResponse(status=405, headers={"Allow": "GET, HEAD"})
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
        except DatabaseError:
            response = HttpResponse("database unavailable\n", status=503, content_type="text/plain")
        else:
            problem = cache_problem()
            body = f"degraded: cache unavailable ({problem})\n" if problem else "ok\n"
            response = HttpResponse(body, content_type="text/plain")
        add_never_cache_headers(response)
        return response


def cache_problem():
    """None when the shared cache answers, else a short reason."""
    try:
        if hasattr(cache, "ping"):
            cache.ping()
        else:
            cache.get("healthz")
    except RedisError as error:
        return f"Redis: {type(error).__name__}"
    except DatabaseError as error:
        return f"cache table: {type(error).__name__}; run manage.py migrate"
    return None


class SecurityHeadersMiddleware:
    """Headers Django's SecurityMiddleware does not set: Permissions-Policy on every
    response, and noindex on the admin so search engines never list it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if request.path.startswith(f"/{settings.ADMIN_PATH}"):
            response.headers["X-Robots-Tag"] = "noindex, nofollow"
        return response


def client_ip(request):
    """The visitor's address, as ProxyHeadersMiddleware set it: for the rate limits and
    for django-axes (AXES_CLIENT_IP_CALLABLE), so both count the same client."""
    return request.META.get("REMOTE_ADDR", "")


def _address(text):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


class ProxyHeadersMiddleware:
    """The client's address and scheme behind load balancers, from configuration only.

    settings.TRUSTED_PROXIES (addresses or networks) or settings.TRUSTED_PROXY_HOPS (how
    many proxies stand in front of every request) say whom to believe:

    - X-Forwarded-For is read from the right, the end the proxies append to; the client
      is the right-most address that is not a trusted proxy (or, with hops, the one that
      many places from the right). REMOTE_ADDR becomes that address; whatever a client
      wrote further left is ignored.
    - X-Forwarded-Proto (which Django reads for SECURE_PROXY_SSL_HEADER) is kept only
      from a trusted proxy and dropped otherwise, so no one can claim HTTPS by a header.

    Without either setting no forwarding header is believed: the app must then face the
    visitors directly. First in MIDDLEWARE, so everything after it sees the client.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.hops = settings.TRUSTED_PROXY_HOPS
        try:
            self.networks = [
                ipaddress.ip_network(text, strict=False) for text in settings.TRUSTED_PROXIES
            ]
        except ValueError as error:
            raise ImproperlyConfigured(f"DJANGO_TRUSTED_PROXIES: {error}") from error

    def is_trusted(self, address):
        if address is None:
            return False
        if address.version == 6 and address.ipv4_mapped:
            address = address.ipv4_mapped
        return any(address in network for network in self.networks)

    def __call__(self, request):
        meta = request.META
        forwarded = [
            _address(part)
            for part in meta.pop("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        chain = [*forwarded, _address(meta.get("REMOTE_ADDR", ""))]
        client, proxied = self.client_from(chain)
        if not proxied:
            meta.pop("HTTP_X_FORWARDED_PROTO", None)
        if client is not None:
            meta["REMOTE_ADDR"] = str(client)
        return self.get_response(request)

    def client_from(self, chain):
        """(client address, whether the request came through the trusted proxies)."""
        peer = chain[-1]
        if self.hops:
            if len(chain) <= self.hops or None in chain[-self.hops - 1 :]:
                return peer, False
            return chain[-self.hops - 1], True
        if not self.is_trusted(peer):
            return peer, False
        client = peer
        for address in reversed(chain[:-1]):
            if address is None:
                break
            client = address
            if not self.is_trusted(address):
                break
        return client, True


class RequestSizeLimitMiddleware:
    """Refuses a request body larger than settings.MAX_REQUEST_BYTES with a 413 page,
    before anything reads it: a 60 MB "import" costs no worker time and leaves nothing on
    disk. FILE_UPLOAD_MAX_MEMORY_SIZE is as large, so accepted uploads stay in memory and
    are never written to a temporary file."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAX_REQUEST_BYTES:
            response = TemplateResponse(
                request,
                "413.html",
                {"max_megabytes": settings.MAX_REQUEST_BYTES // 1_000_000},
                status=413,
            )
            response["Connection"] = "close"
            return response.render()
        return self.get_response(request)


class AdminInSwedishMiddleware:
    """The admin is in Swedish, whatever the browser asks for or the visitor chose on the
    public site: the admin sits outside the language prefixes, so LocaleMiddleware would
    otherwise follow the language cookie or Accept-Language. Comes after LocaleMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(f"/{settings.ADMIN_PATH}"):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return self.get_response(request)
