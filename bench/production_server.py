"""Matchningskollen as in production, on 127.0.0.1, for the page-weight and screenshot scripts.

DEBUG off, static files collected into staticfiles/ by whitenoise's compressed manifest
storage (hashed names, .gz and .br), gunicorn, and a throwaway SQLite database with the
reference data and a small demo set.
"""

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def production_server(suppliers=60, reviews=5):
    """Yields the base URL of a production-like server with demo data."""
    with tempfile.TemporaryDirectory() as workdir:
        env = {
            **os.environ,
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "bench-only-not-a-secret",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_SECURE_COOKIES": "0",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": f"sqlite:///{workdir}/bench.sqlite3",
        }

        def manage(*args):
            subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)

        manage("migrate", "--no-input", "-v0")
        manage("load_reference_data", "-v0")
        manage("seed_demo", "--suppliers", str(suppliers), "--reviews", str(reviews))
        manage("collectstatic", "--no-input", "-v0")
        port = free_port()
        server = subprocess.Popen(
            [
                ROOT / ".venv" / "bin" / "gunicorn",
                "krom.wsgi",
                "-b",
                f"127.0.0.1:{port}",
                "-w",
                "2",
            ],
            cwd=ROOT,
            env=env,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(100):
                with contextlib.suppress(OSError):
                    urllib.request.urlopen(base + "/healthz", timeout=1)
                    break
                time.sleep(0.2)
            else:
                sys.exit("the server did not start")
            yield base
        finally:
            server.terminate()
            server.wait(timeout=10)


@contextlib.contextmanager
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
