"""Abuse control for the public forms (reviews, "Rapportera fel") and the admin login,
without keeping any address.

The rule for the public forms, and why
--------------------------------------
Participants often write from shared computers: an Arbetsförmedlingen office, a library,
a supplier's course room. All of them reach us from one address. A limit per address
alone would either let one person flood us or stop a room of honest participants, so a
submission counts against two limits in the same hour:

- one browser may send 3 (a person who wants to say more than that can wait an hour);
- one network may send 20 (a full room, each person in their own browser, gets through;
  a flood from one network stops after 20, and every review still waits for a moderator).

The browser is known by its CSRF cookie, which every form post must carry anyway. It is
easy to throw away, which is why the network limit stands behind it. The network is the
client's IPv4 address, or the /64 of an IPv6 address (one household or phone usually holds
a whole /64), as krom.middleware.client_ip gives it behind trusted proxies. Both are kept
only as salted hashes (salted with SECRET_KEY): they mean nothing outside this site.

Counting that holds
-------------------
Counts live in the database (krom.models.RateCounter), one row per client and ten-minute
step; a submission counts for the hour it falls in, in ten-minute steps. A submission is
counted with one atomic upsert inside the transaction that stores it: parallel posts wait
for each other's row, and a refused or failed submission rolls its count back. Nothing is
culled by a cache or lost when Redis restarts; `manage.py purge_rate_counters` (daily)
deletes the expired rows.

The admin login
---------------
django-axes locks a username from one address after 5 failures (an attacker elsewhere
cannot lock the real admin out); on top of that, one address may fail 20 times an hour
across all usernames (ADMIN_LOGIN_FAILURES_PER_ADDRESS), so guessing many usernames from
one place is stopped too.
"""

import ipaddress
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.crypto import salted_hmac

from krom.middleware import client_ip
from krom.models import RateCounter

WINDOW_SECONDS = 60 * 60
STEP_SECONDS = 10 * 60
STEPS = WINDOW_SECONDS // STEP_SECONDS

PER_BROWSER = 3
PER_NETWORK = 20
ADMIN_LOGIN_FAILURES_PER_ADDRESS = 20


@dataclass(frozen=True)
class Limit:
    scope: str  # "browser" or "network"
    count: int


# Per form: the limits a submission counts against, each per hour.
RULES = {
    "reviews": (Limit("browser", PER_BROWSER), Limit("network", PER_NETWORK)),
    "error-reports": (Limit("browser", PER_BROWSER), Limit("network", PER_NETWORK)),
}


class RateLimited(Exception):
    def __init__(self, wait_seconds):
        super().__init__(f"rate limited for {wait_seconds} s")
        self.wait_seconds = wait_seconds


@dataclass(frozen=True)
class Client:
    """One visitor as the limits know it: hashes of its network and of its browser."""

    network: str
    browser: str

    def hash_for(self, scope):
        return self.network if scope == "browser" and not self.browser else getattr(self, scope)


def client_network(address):
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address or ""
    if parsed.version == 6:
        if parsed.ipv4_mapped:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


def _hash(kind, value):
    return salted_hmac(f"krom.abuse.{kind}", value, algorithm="sha256").hexdigest()


def client_hash(request):
    """The hash of the client's network: stored with a review for the moderators."""
    return _hash("network", client_network(client_ip(request)))


def client(request):
    browser = request.COOKIES.get(settings.CSRF_COOKIE_NAME, "")
    return Client(
        network=client_hash(request), browser=_hash("browser", browser) if browser else ""
    )


def _step(now):
    return int(now // STEP_SECONDS)


def _key(action, scope, client_hash_value, step):
    return f"{action}:{scope}:{client_hash_value}:{step}"


def _increment(key, step):
    """Adds one to the counter `key` and returns its new count: one statement, atomic on
    PostgreSQL and SQLite alike (the row is locked until the transaction ends)."""
    expires_at = datetime.fromtimestamp((step + STEPS) * STEP_SECONDS, tz=UTC)
    table = connection.ops.quote_name(RateCounter._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (key, count, expires_at) VALUES (%s, 1, %s) "
            f"ON CONFLICT (key) DO UPDATE SET count = {table}.count + 1 RETURNING count",
            [key, expires_at],
        )
        return cursor.fetchone()[0]


def _counts(action, scope, client_hash_value, step):
    """{step: count} of the steps within the hour that ends with `step`."""
    keys = {_key(action, scope, client_hash_value, s): s for s in range(step - STEPS + 1, step + 1)}
    return {
        keys[key]: count
        for key, count in RateCounter.objects.filter(key__in=keys).values_list("key", "count")
    }


def _wait(counts, limit, now):
    """Seconds until fewer than `limit` submissions fall within the hour, 0 if already."""
    total = sum(counts.values())
    if total < limit:
        return 0
    for step in sorted(counts):
        total -= counts[step]
        if total < limit:
            return max(1, int((step + STEPS) * STEP_SECONDS - now) + 1)
    return WINDOW_SECONDS


def seconds_until_allowed(client, action="reviews"):
    """0 when the client may submit now, else how long it must wait. Reads only."""
    now = time.time()
    step = _step(now)
    return max(
        _wait(_counts(action, limit.scope, client.hash_for(limit.scope), step), limit.count, now)
        for limit in RULES[action]
    )


def _claim(client, action):
    now = time.time()
    step = _step(now)
    for limit in RULES[action]:
        hashed = client.hash_for(limit.scope)
        counts = _counts(action, limit.scope, hashed, step)
        counts[step] = _increment(_key(action, limit.scope, hashed, step), step)
        if sum(counts.values()) > limit.count:
            counts[step] -= 1  # the refused submission itself is not counted
            raise RateLimited(max(1, _wait(counts, limit.count, now)))


@contextmanager
def submission(client, action="reviews"):
    """Counts one submission by `client`, atomically with what the block writes.

    Raises RateLimited (and counts nothing) when the client is over one of its limits;
    an exception in the block rolls the count back with the block's own writes."""
    with transaction.atomic():
        _claim(client, action)
        yield


def rate_limited_response(request, template_name, context, wait_seconds):
    """The form page again with HTTP 429: `retry_after_minutes` says how long to wait and
    `rate_limit` explains the rule; what was typed is kept."""
    context["retry_after_minutes"] = -(-wait_seconds // 60)
    context["rate_limit"] = {"per_browser": PER_BROWSER, "per_network": PER_NETWORK}
    response = TemplateResponse(request, template_name, context, status=429)
    response["Retry-After"] = str(wait_seconds)
    return response


def refuse_if_limited(request, client, template_name, context, action="reviews"):
    """The 429 page when the client is already over a limit, else None (reads only)."""
    wait = seconds_until_allowed(client, action)
    if not wait:
        return None
    return rate_limited_response(request, template_name, context, wait)


def save_error_report(request, form, template_name, context):
    """A posted 'Rapportera fel' form, saved within the error-report limits: the page to
    answer with (429, or the form again with its errors), or None once it is saved. A
    honeypot hit is counted but not saved."""
    visitor = client(request)
    limited = refuse_if_limited(request, visitor, template_name, context, action="error-reports")
    if limited:
        return limited
    if not form.is_valid():
        return TemplateResponse(request, template_name, context)
    try:
        with submission(visitor, "error-reports"):
            if not form.is_spam:
                form.save()
    except RateLimited as refused:
        return rate_limited_response(request, template_name, context, refused.wait_seconds)
    return None


def purge_expired_counters():
    """Deletes the counters that no longer count; returns how many."""
    deleted, _by_model = RateCounter.objects.filter(expires_at__lte=timezone.now()).delete()
    return deleted


# The admin login: a limit per address across every username, beside django-axes.


def _login_key(request, step):
    return _key("admin-login", "address", client_hash(request), step)


def count_failed_login(sender, credentials=None, request=None, **kwargs):
    """user_login_failed: one more failure from this address (any username)."""
    if request is None:
        return
    step = _step(time.time())
    _increment(_login_key(request, step), step)


def failed_logins_from(request):
    step = _step(time.time())
    keys = [_login_key(request, s) for s in range(step - STEPS + 1, step + 1)]
    return sum(RateCounter.objects.filter(key__in=keys).values_list("count", flat=True))


class AddressLoginLimitBackend:
    """Refuses every login from an address with ADMIN_LOGIN_FAILURES_PER_ADDRESS failed
    logins within the hour, whatever the username; the lockout page says so (axes)."""

    def authenticate(self, request, **credentials):
        if request is not None and failed_logins_from(request) >= ADMIN_LOGIN_FAILURES_PER_ADDRESS:
            request.axes_locked_out = True
            raise PermissionDenied("Too many failed logins from this address.")
        return None
