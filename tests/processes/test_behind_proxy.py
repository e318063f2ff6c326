"""Behind a real reverse proxy: nginx on loopback in front of gunicorn, configured as
docs/deployment.md says (DJANGO_TRUSTED_PROXIES=127.0.0.1). Browsers speak from other
loopback addresses (127.0.0.2, …), each standing for a visitor somewhere else; requests
straight to gunicorn stand for someone who bypasses the proxy and forges its headers.

Needs nginx (`apt-get install -y nginx`); without it the tests are skipped, except under
CI=true, where they fail."""

import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from krom import abuse
from tests.processes.servers import (
    PROJECT_ROOT,
    Browser,
    demo_supplier_slug,
    free_port,
    manage,
    prepare_site,
    review_data,
    site_environment,
    start_gunicorn,
    stop,
    wait_until_healthy,
)

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
ADMIN_PASSWORD = "ett-långt-lösenord-för-proxytestet"

NGINX_CONF = """
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://127.0.0.1:{app_port};
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            # As docs/deployment.md, where nginx terminates TLS and says so with $scheme.
            proxy_set_header X-Forwarded-Proto https;
        }}
    }}
}}
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    if not os.path.exists(NGINX):
        if os.environ.get("CI") == "true":
            pytest.fail("nginx is not installed (apt-get install -y nginx)")
        pytest.skip("nginx is not installed (apt-get install -y nginx)")
    workdir = tmp_path_factory.mktemp("behind-proxy")
    env = site_environment(workdir, DJANGO_TRUSTED_PROXIES="127.0.0.1")
    prepare_site(env)
    manage(env, "createsuperuser", "--no-input", "--username", "admin", "--email", "a@b.se")
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from django.contrib.auth.models import User; "
            f"u = User.objects.get(username='admin'); u.set_password('{ADMIN_PASSWORD}'); u.save()",
        ],
        cwd=PROJECT_ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    app_port, proxy_port = free_port(), free_port()
    (workdir / "nginx.conf").write_text(
        NGINX_CONF.format(dir=workdir, port=proxy_port, app_port=app_port)
    )
    app = start_gunicorn(env, app_port, workers=4)
    proxy = subprocess.Popen(
        [NGINX, "-p", str(workdir), "-c", str(workdir / "nginx.conf"), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    app_url, proxy_url = f"http://127.0.0.1:{app_port}", f"http://127.0.0.1:{proxy_port}"
    try:
        wait_until_healthy(app_url)
        wait_until_healthy(proxy_url)
        yield {"app": app_url, "proxy": proxy_url, "env": env, "slug": demo_supplier_slug(app_url)}
    finally:
        stop(proxy)
        stop(app)


def visitor(address):
    """A browser behind the proxy: the proxy says HTTPS, so it sends an HTTPS referer."""
    return Browser(address, headers={"Referer": "https://127.0.0.1/"})


def review_url(base, site):
    return f"{base}/leverantorer/{site['slug']}/omdome/"


def test_the_migration_created_the_cache_table(site):
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from django.core.cache import cache; cache.set('k', 'v'); print(cache.get('k'))",
        ],
        cwd=PROJECT_ROOT,
        env=site["env"],
        capture_output=True,
        text=True,
    )
    assert result.stdout.strip().splitlines()[-1] == "v", result.stderr


def test_visitors_behind_the_proxy_are_told_apart_and_forged_entries_are_ignored(site):
    url = review_url(site["proxy"], site)
    # One network sends as many as a room may; each browser forges another address.
    statuses = [
        visitor("127.0.0.4").post_form(
            url, review_data(f"Deltagare {n} i rummet."), {"X-Forwarded-For": f"203.0.113.{n}"}
        )
        for n in range(abuse.PER_NETWORK + 1)
    ]
    assert statuses == [302] * abuse.PER_NETWORK + [429]
    # A visitor on another network, behind the same proxy, is not affected.
    assert visitor("127.0.0.3").post_form(url, review_data("Från ett annat nät.")) == 302


def test_forwarding_headers_sent_straight_to_the_app_are_not_believed(site):
    url = review_url(site["app"], site)
    statuses = [
        Browser("127.0.0.5").post_form(
            url,
            review_data(f"Förfalskad adress {n}."),
            {"X-Forwarded-For": f"198.51.100.{n}", "X-Forwarded-Proto": "https"},
        )
        for n in range(abuse.PER_NETWORK + 1)
    ]
    assert statuses == [302] * abuse.PER_NETWORK + [429]
    # HSTS is sent only on requests Django takes for HTTPS: through the proxy, not straight.
    _status, headers, _body = Browser("127.0.0.5").request(
        f"{site['app']}/", headers={"X-Forwarded-Proto": "https"}
    )
    assert "Strict-Transport-Security" not in headers
    _status, headers, _body = visitor("127.0.0.5").request(f"{site['proxy']}/")
    assert "Strict-Transport-Security" in headers


def test_an_attacker_cannot_lock_the_admin_out_from_elsewhere(site):
    login = f"{site['proxy']}/admin/login/"
    attacker = visitor("127.0.0.2")
    for _ in range(6):
        attacker.post_form(login, {"username": "admin", "password": "gissning"})
    assert attacker.post_form(login, {"username": "admin", "password": ADMIN_PASSWORD}) == 429
    admin = visitor("127.0.0.3")
    assert admin.post_form(login, {"username": "admin", "password": ADMIN_PASSWORD}) == 302


def test_parallel_posts_from_one_browser_cannot_beat_the_limit(site):
    url = review_url(site["proxy"], site)
    browser = visitor("127.0.0.6")
    token = browser.csrf_token(url)
    with ThreadPoolExecutor(max_workers=12) as pool:
        statuses = list(
            pool.map(
                lambda n: browser.post_with_token(url, token, review_data(f"Samtidigt {n}.")),
                range(12),
            )
        )
    assert sorted(statuses) == [302] * abuse.PER_BROWSER + [429] * (12 - abuse.PER_BROWSER)
