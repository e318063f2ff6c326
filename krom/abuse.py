"""Abuse control for the public forms (reviews, "Rapportera fel"), without keeping any IP.

The client is known only by a salted hash of its network: the IPv4 address, or the /64
network of an IPv6 address (one household or phone usually holds a whole /64). The salt
is derived from SECRET_KEY, so the hash means nothing outside this site. The address is
read from REMOTE_ADDR: behind a reverse proxy, the deployment must make REMOTE_ADDR the
client's address (e.g. gunicorn's --forwarded-allow-ips with a proxy that overwrites
X-Forwarded-For), or every visitor shares the proxy's limit.

The rate limit lives in Django's cache, which is shared by every worker and machine: the
database cache table by default, Redis when REDIS_URL is set (krom/settings.py).
"""

import ipaddress
import time

from django.core.cache import cache
from django.template.response import TemplateResponse
from django.utils.crypto import salted_hmac

SUBMISSIONS_PER_WINDOW = 3
WINDOW_SECONDS = 60 * 60


def client_network(remote_addr):
    try:
        address = ipaddress.ip_address(remote_addr)
    except ValueError:
        return remote_addr or ""
    if address.version == 6:
        if address.ipv4_mapped:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def client_hash(request):
    network = client_network(request.META.get("REMOTE_ADDR", ""))
    return salted_hmac("reviews.client", network, algorithm="sha256").hexdigest()


def _cache_key(client, action):
    return f"{action}:submissions:{client}"


def _recent_submissions(client, now, action):
    return [t for t in cache.get(_cache_key(client, action), []) if t > now - WINDOW_SECONDS]


def seconds_until_allowed(client, action="reviews"):
    """0 when the client may submit now, else how long until its oldest submission expires.

    A sliding window of timestamps, so it works the same on every cache backend.
    """
    now = time.time()
    recent = _recent_submissions(client, now, action)
    if len(recent) < SUBMISSIONS_PER_WINDOW:
        return 0
    return max(1, int(min(recent) + WINDOW_SECONDS - now) + 1)


def record_submission(client, action="reviews"):
    """action keeps separate counts per form (reviews, error reports) for the same client."""
    now = time.time()
    recent = _recent_submissions(client, now, action)
    cache.set(_cache_key(client, action), [*recent, now], WINDOW_SECONDS)


def rate_limited_response(request, client, template_name, context, action="reviews"):
    """The form page again with HTTP 429 when the client has sent too many, else None.

    The page gets `retry_after_minutes` to say how long to wait; what was typed is kept."""
    wait = seconds_until_allowed(client, action)
    if not wait:
        return None
    context["retry_after_minutes"] = -(-wait // 60)
    response = TemplateResponse(request, template_name, context, status=429)
    response["Retry-After"] = str(wait)
    return response
