"""Real server processes for the tests in this folder: a prepared SQLite site, gunicorn,
and browsers that can speak from any loopback address (127.0.0.2, 127.0.0.3, …), so that
each stands for a different visitor."""

import functools
import http.client
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import date, timedelta
from http.cookiejar import CookieJar
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent.parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def site_environment(workdir, **extra):
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "DJANGO_SECRET_KEY": "process-test",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_STATIC_ROOT": str(workdir / "static"),
        **extra,
    }
    env.pop("REDIS_URL", None)
    env.update({k: v for k, v in extra.items() if k == "REDIS_URL"})
    return env


def manage(env, *args):
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_ROOT,
        env=env,
        check=True,
        capture_output=True,
    )


def prepare_site(env):
    """Migrated (the cache table included), reference data, static files, one supplier."""
    manage(env, "migrate", "--no-input")
    manage(env, "load_reference_data")
    manage(env, "collectstatic", "--no-input")
    manage(env, "seed_demo", "--suppliers", "1", "--reviews", "0", "--seed", "3")


def start_gunicorn(env, port, workers=1):
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "krom.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
        ],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


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


class BoundHTTPHandler(urllib.request.HTTPHandler):
    """Connects from a chosen local address."""

    def __init__(self, source_address):
        super().__init__()
        self.source_address = source_address

    def http_open(self, req):
        connection = functools.partial(
            http.client.HTTPConnection, source_address=(self.source_address, 0)
        )
        return self.do_open(connection, req)


class Browser:
    """One visitor's browser: its own cookies, speaking from `address`."""

    def __init__(self, address="127.0.0.1", headers=None):
        self.opener = urllib.request.build_opener(
            BoundHTTPHandler(address),
            urllib.request.HTTPCookieProcessor(CookieJar()),
            NoRedirect(),
        )
        self.headers = headers or {}

    def request(self, url, data=None, headers=None):
        """(status, headers, body) of one request; data is a dict to post."""
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(
            url, data=body, headers={"Referer": url, **self.headers, **(headers or {})}
        )
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()

    def post_form(self, url, data, headers=None):
        """Load the form like a browser (CSRF cookie and token), then send it: the status."""
        return self.post_with_token(url, self.csrf_token(url), data, headers)

    def csrf_token(self, url):
        page = self.request(url)[2]
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)

    def post_with_token(self, url, token, data, headers=None):
        return self.request(url, {**data, "csrfmiddlewaretoken": token}, headers)[0]


def review_data(comment):
    last_month = date.today().replace(day=1) - timedelta(days=1)
    return {
        "rating": "4",
        "office": "",
        "participation_month": str(last_month.month),
        "participation_year": str(last_month.year),
        "comment": comment,
        "confirm_participation": "on",
        "website": "",
    }


def demo_supplier_slug(base_url):
    page = urllib.request.urlopen(f"{base_url}/leverantorer/", timeout=10).read().decode()
    return re.search(r'href="/leverantorer/([a-z0-9-]+)/"', page).group(1)
