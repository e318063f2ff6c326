"""The client's address and scheme behind load balancers (ProxyHeadersMiddleware)."""

import pytest
from django.test import RequestFactory, override_settings

from krom.middleware import ProxyHeadersMiddleware, client_ip


def seen(remote_addr, forwarded_for=None, proto=None, *, proxies=(), hops=0):
    """(client address, is_secure) as the views see them after the middleware."""
    headers = {}
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    if proto is not None:
        headers["HTTP_X_FORWARDED_PROTO"] = proto
    request = RequestFactory().get("/", REMOTE_ADDR=remote_addr, **headers)
    with override_settings(TRUSTED_PROXIES=list(proxies), TRUSTED_PROXY_HOPS=hops):
        middleware = ProxyHeadersMiddleware(lambda request: request)
        middleware(request)
        return client_ip(request), request.is_secure()


def test_without_trusted_proxies_forwarding_headers_are_ignored():
    assert seen("203.0.113.7", "198.51.100.1", "https") == ("203.0.113.7", False)


def test_behind_a_trusted_proxy_the_client_is_the_address_it_appended():
    assert seen("10.0.0.2", "198.51.100.1", "https", proxies=["10.0.0.0/8"]) == (
        "198.51.100.1",
        True,
    )


def test_a_spoofed_left_entry_is_ignored_the_right_most_untrusted_address_counts():
    # The client wrote "1.2.3.4" itself; the proxy appended the address it really saw.
    assert seen("10.0.0.2", "1.2.3.4, 198.51.100.1", proxies=["10.0.0.0/8"])[0] == "198.51.100.1"


def test_a_chain_of_trusted_proxies_is_walked_from_the_right():
    chain = "1.2.3.4, 198.51.100.1, 10.1.0.5"
    assert seen("10.0.0.2", chain, proxies=["10.0.0.0/8"])[0] == "198.51.100.1"


def test_a_request_straight_from_an_untrusted_address_keeps_its_own_address():
    client, secure = seen("198.51.100.9", "10.0.0.1", "https", proxies=["10.0.0.0/8"])
    assert (client, secure) == ("198.51.100.9", False)


def test_garbage_in_the_header_does_not_become_the_client():
    assert seen("10.0.0.2", "nonsense, <script>", proxies=["10.0.0.0/8"])[0] == "10.0.0.2"


def test_hop_count_takes_the_address_that_many_places_from_the_right():
    # One load balancer (e.g. AWS ALB) in front: it appends the client's address.
    assert seen("172.16.5.5", "1.2.3.4, 198.51.100.1", "https", hops=1) == ("198.51.100.1", True)
    # Two proxies: CDN then load balancer.
    assert seen("172.16.5.5", "1.2.3.4, 198.51.100.1, 192.0.2.8", hops=2)[0] == "198.51.100.1"


def test_hop_count_with_too_few_entries_believes_nothing():
    assert seen("172.16.5.5", None, "https", hops=1) == ("172.16.5.5", False)


def test_ipv6_proxies_and_clients():
    assert seen("fd00::2", "2001:db8::1", proxies=["fd00::/8"])[0] == "2001:db8::1"


def test_settings_refuse_both_a_list_and_a_hop_count():
    from tests.test_site import run_settings

    result = run_settings(
        DJANGO_SECRET_KEY="x", DJANGO_TRUSTED_PROXIES="10.0.0.1", DJANGO_TRUSTED_PROXY_HOPS="1"
    )
    assert result.returncode != 0
    assert "not both" in result.stderr


def test_a_bad_proxy_network_fails_at_start_up():
    from django.core.exceptions import ImproperlyConfigured

    with override_settings(TRUSTED_PROXIES=["10.0.0.0/33"]), pytest.raises(ImproperlyConfigured):
        ProxyHeadersMiddleware(lambda request: request)
