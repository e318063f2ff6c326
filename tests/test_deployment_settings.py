"""Production settings that must hold on their own: Secure cookies apart from the HTTPS
redirect, and a bad Host header logged as one warning line."""

import json
import logging
import os
import socket
import subprocess
import sys

import pytest

from tests.test_site import PROJECT_ROOT


def settings_value(expression, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(env)
    result = subprocess.run(
        [sys.executable, "-c", f"import krom.settings as s; print({expression})"],
        cwd=PROJECT_ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_turning_the_https_redirect_off_keeps_cookies_secure():
    value = settings_value(
        "s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE",
        DJANGO_SECRET_KEY="x",
        DJANGO_SECURE_SSL_REDIRECT="0",
    )
    assert value == "False True True"


def test_cookies_over_plain_http_only_when_asked_for():
    value = settings_value(
        "s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE",
        DJANGO_SECRET_KEY="x",
        DJANGO_SECURE_COOKIES="0",
    )
    assert value == "False False"


@pytest.mark.django_db
def test_a_bad_host_header_is_one_warning_line_without_a_traceback(client, settings):
    from krom.logging import JsonFormatter

    settings.ALLOWED_HOSTS = ["matchningskollen.se"]
    logger = logging.getLogger("django.security.DisallowedHost")
    handler = next(h for h in logger.handlers if h.formatter is not None)
    lines = []

    class Collect(logging.Handler):
        def emit(self, record):
            lines.append(JsonFormatter().format(record))

    collector = Collect(level=logging.DEBUG)
    collector.filters = handler.filters
    logger.addHandler(collector)
    try:
        response = client.get("/", HTTP_HOST="evil.example")
    finally:
        logger.removeHandler(collector)
    assert response.status_code == 400
    assert len(lines) == 1
    entry = json.loads(lines[0])
    assert entry["level"] == "WARNING"
    assert "exception" not in entry
    assert "evil.example" in entry["message"]


@pytest.mark.django_db
def test_healthz_says_degraded_while_redis_is_away(client, monkeypatch):
    from redis.exceptions import ConnectionError as RedisConnectionError

    def refuse(*args, **kwargs):
        raise RedisConnectionError("Connection refused")

    monkeypatch.setattr("krom.middleware.cache.get", refuse)
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.text == "degraded: cache unavailable (Redis: ConnectionError)\n"


@pytest.mark.django_db
def test_healthz_names_the_step_when_the_cache_table_is_missing(client, monkeypatch):
    from django.db import ProgrammingError

    def missing(*args, **kwargs):
        raise ProgrammingError('relation "krom_cache" does not exist')

    monkeypatch.setattr("krom.middleware.cache.get", missing)
    response = client.get("/healthz")
    assert "run manage.py migrate" in response.text


def test_a_dead_redis_is_a_cache_miss_not_an_error():
    from krom.cache import ForgivingRedisCache

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again: nothing listens there
    cache = ForgivingRedisCache(f"redis://127.0.0.1:{port}/0", {})
    assert cache.get("key", "default") == "default"
    cache.set("key", "value")
    assert cache.get_or_set("other", "computed") == "computed"
