"""Redis away: the site goes on without its cache, /healthz says so, and the limits
(counted in the database) survive a Redis restart. Runs its own redis-server on a free
port in a temporary folder, stopped and started by its PID (never the machine's own).

Needs redis-server (`apt-get install -y redis-server`); skipped without it, except under
CI=true, where the test fails."""

import os
import shutil
import socket
import subprocess
import time
import urllib.request

import pytest

from tests.processes.servers import (
    Browser,
    demo_supplier_slug,
    free_port,
    prepare_site,
    review_data,
    site_environment,
    start_gunicorn,
    stop,
    wait_until_healthy,
)

REDIS = shutil.which("redis-server") or "/usr/bin/redis-server"


def start_redis(port, workdir):
    process = subprocess.Popen(
        [
            REDIS,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(workdir),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return process
        except OSError:
            time.sleep(0.1)
    raise AssertionError("redis-server did not start")


def health(url):
    with urllib.request.urlopen(f"{url}/healthz", timeout=10) as response:
        return response.status, response.read().decode()


def test_forms_work_without_redis_and_limits_survive_its_restart(tmp_path):
    if not os.path.exists(REDIS):
        if os.environ.get("CI") == "true":
            pytest.fail("redis-server is not installed")
        pytest.skip("redis-server is not installed")
    redis_port, app_port = free_port(), free_port()
    redis = start_redis(redis_port, tmp_path)
    env = site_environment(tmp_path, REDIS_URL=f"redis://127.0.0.1:{redis_port}/0")
    app = None
    try:
        prepare_site(env)
        app = start_gunicorn(env, app_port)
        url = f"http://127.0.0.1:{app_port}"
        wait_until_healthy(url)
        assert health(url) == (200, "ok\n")
        review = f"{url}/leverantorer/{demo_supplier_slug(url)}/omdome/"
        regular = Browser()
        for n in range(3):
            assert regular.post_form(review, review_data(f"Före avbrottet {n}.")) == 302

        stop(redis)
        status, body = health(url)
        assert status == 200
        assert body.startswith("degraded: cache unavailable")
        assert Browser().request(f"{url}/leverantorer/")[0] == 200
        assert Browser().post_form(review, review_data("Under avbrottet.")) == 302
        assert regular.post_form(review, review_data("För många, under avbrottet.")) == 429

        redis = start_redis(redis_port, tmp_path)
        assert health(url) == (200, "ok\n")
        # A restarted (empty) Redis forgets nothing: the counts are in the database.
        assert regular.post_form(review, review_data("För många, efter omstarten.")) == 429
    finally:
        if app is not None:
            stop(app)
        stop(redis)
