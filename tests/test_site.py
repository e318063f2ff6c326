import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import DatabaseError

from tests.offices.factories import OfficeFactory

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.django_db
def test_home_page_leads_to_rusta_och_matcha_and_counts_active_suppliers(client):
    OfficeFactory.create_batch(2)
    OfficeFactory(supplier__is_active=False)
    response = client.get("/")
    assert response.status_code == 200
    assert "Välj leverantör för Rusta och matcha" in response.text
    assert "Just nu finns 2 leverantörer med 2 kontor i Matchningskollen." in response.text
    assert '<html lang="sv" dir="ltr">' in response.text


@pytest.mark.django_db
def test_healthz_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.text == "ok\n"
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_answers_by_ip_address_over_http_even_when_https_is_enforced(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["matchningskollen.se"]
    response = client.get("/healthz", HTTP_HOST="10.0.0.5:8000")
    assert response.status_code == 200
    assert client.get("/", HTTP_HOST="matchningskollen.se").status_code == 301


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_is_down(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr("krom.middleware.connection.cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503


def run_settings(**env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", "import krom.settings as s; print(s.DEBUG, s.SECURE_SSL_REDIRECT)"],
        cwd=PROJECT_ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = run_settings()
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_debug_settings_start_without_a_secret_key():
    result = run_settings(DJANGO_DEBUG="1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "False"]


def test_https_redirect_is_on_in_production_unless_turned_off():
    assert run_settings(DJANGO_SECRET_KEY="x").stdout.split() == ["False", "True"]
    turned_off = run_settings(DJANGO_SECRET_KEY="x", DJANGO_SECURE_SSL_REDIRECT="0")
    assert turned_off.stdout.split() == ["False", "False"]


def test_the_admin_lives_where_django_admin_path_says_and_nowhere_else():
    code = (
        "import django; django.setup(); from django.urls import Resolver404, resolve, reverse\n"
        "print(reverse('admin:index'))\n"
        "try:\n    print(resolve('/admin/').view_name)\n"
        "except Resolver404:\n    print('not found')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_ROOT,
        env={
            **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
            "DJANGO_SETTINGS_MODULE": "krom.settings",
            "DJANGO_SECRET_KEY": "x",
            "DJANGO_ADMIN_PATH": "/forvaltning-7f3/",
        },
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["/forvaltning-7f3/", "not", "found"]


def test_database_url_selects_postgresql():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import krom.settings as s; print(s.DATABASES['default']['ENGINE'])",
        ],
        cwd=PROJECT_ROOT,
        env={**os.environ, "DJANGO_DEBUG": "1", "DATABASE_URL": "postgres://u@db:5432/krom"},
        capture_output=True,
        text=True,
    )
    assert result.stdout.strip() == "django.db.backends.postgresql"


def test_database_outage_is_logged_as_one_line_without_a_traceback():
    import json
    import logging

    from django.db import OperationalError

    from krom.logging import DatabaseOutageFilter, JsonFormatter

    try:
        raise OperationalError("connection refused")
    except OperationalError:
        record = logging.LogRecord(
            "django.request",
            logging.ERROR,
            __file__,
            1,
            "Service Unavailable: %s",
            ("/leverantorer/",),
            sys.exc_info(),
        )
    assert DatabaseOutageFilter().filter(record)
    entry = json.loads(JsonFormatter().format(record))
    assert entry["message"] == (
        "Service Unavailable: /leverantorer/ (database unavailable: OperationalError)"
    )
    assert "exception" not in entry


def test_postgresql_connections_turn_the_jit_compiler_off():
    """PostgreSQL's JIT spent two seconds compiling a search query that runs in 30 ms."""
    script = "import krom.settings as s; print(s.DATABASES['default'].get('OPTIONS'))"
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(DJANGO_DEBUG="1", DATABASE_URL="postgres://u@127.0.0.1:5432/x")
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=PROJECT_ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert "-c jit=off" in result.stdout, result.stderr
