"""Limits hold across server processes: two gunicorn servers, one database.

Runs its own SQLite file (the test database of the other tests lives in one process);
the cache behind the limit is the database cache table, as in production.
"""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import date
from http.cookiejar import CookieJar
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent.parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def two_servers(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("shared-limits")
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "DJANGO_SECRET_KEY": "shared-limits-test",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_STATIC_ROOT": str(workdir / "static"),
    }
    env.pop("REDIS_URL", None)

    def manage(*args):
        subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=PROJECT_ROOT,
            env=env,
            check=True,
            capture_output=True,
        )

    manage("migrate", "--no-input")
    manage("load_reference_data")
    manage("createcachetable")
    manage("collectstatic", "--no-input")
    manage("seed_demo", "--suppliers", "1", "--reviews", "0", "--seed", "3")
    servers, urls = [], []
    for _ in range(2):
        port = free_port()
        servers.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "krom.wsgi:application",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    "1",
                ],
                cwd=PROJECT_ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        urls.append(f"http://127.0.0.1:{port}")
    try:
        for url in urls:
            wait_until_healthy(url)
        yield urls
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=10)


def wait_until_healthy(url, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not become healthy")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def submit_review(base_url, slug, comment):
    """Load the form like a browser (CSRF cookie and token), then send it; return the status."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(CookieJar()), NoRedirect()
    )
    form_url = f"{base_url}/leverantorer/{slug}/omdome/"
    page = opener.open(form_url, timeout=10).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    last_month = date.today().replace(day=1) - __import__("datetime").timedelta(days=1)
    body = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": token,
            "rating": "4",
            "office": "",
            "participation_month": str(last_month.month),
            "participation_year": str(last_month.year),
            "comment": comment,
            "confirm_participation": "on",
            "website": "",
        }
    ).encode()
    request = urllib.request.Request(form_url, data=body, headers={"Referer": form_url})
    try:
        return opener.open(request, timeout=10).status
    except urllib.error.HTTPError as error:
        return error.code


def demo_supplier_slug(base_url):
    page = urllib.request.urlopen(f"{base_url}/leverantorer/", timeout=10).read().decode()
    return re.search(r'href="/leverantorer/([a-z0-9-]+)/"', page).group(1)


def test_review_rate_limit_holds_across_two_server_processes(two_servers):
    first, second = two_servers
    slug = demo_supplier_slug(first)
    statuses = [
        submit_review(first, slug, "Första omdömet."),
        submit_review(second, slug, "Andra omdömet."),
        submit_review(first, slug, "Tredje omdömet."),
    ]
    assert statuses == [302, 302, 302]
    assert submit_review(second, slug, "Fjärde omdömet, för många.") == 429
    assert submit_review(first, slug, "Femte omdömet, för många.") == 429
