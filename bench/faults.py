"""Fault test: restart PostgreSQL while the site is under load.

Runs its own throwaway PostgreSQL cluster (initdb in a temporary folder, its own port),
so stopping the database cuts off no one else: the machine's own server is not touched.
Under the bench/load mix (wrk, BENCH_CONNECTIONS connections), a probe asks for a search
page every 50 ms. PostgreSQL is stopped for OUTAGE_SECONDS, and a review form that was
loaded before the outage is sent during it. Prints what visitors got during the outage,
how long the site took to recover (from the database being back to the probe's first
successful answer, however long that takes, up to RECOVERY_LIMIT_SECONDS), and whether
anything of the review was written. Exits non-zero if a 500 was seen, recovery took more
than 5 s, or the review left anything behind.
"""

import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from datetime import date, timedelta
from http.cookiejar import CookieJar
from pathlib import Path

OUTAGE_SECONDS = float(os.environ.get("OUTAGE_SECONDS", "5"))
RECOVERY_LIMIT_SECONDS = float(os.environ.get("RECOVERY_LIMIT_SECONDS", "120"))
CONNECTIONS = os.environ.get("BENCH_CONNECTIONS", "64")
REVIEW_TEXT = f"Skrivet under avbrottet {time.time():.0f}."


def free_pg_port():
    """A free port below 32768 (higher ones collide with outgoing connections)."""
    for _ in range(100):
        port = random.randint(20000, 32000)
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    sys.exit("no free port for the throwaway PostgreSQL")


class ThrowawayPostgres:
    """A PostgreSQL cluster of our own in a temporary folder; PostgreSQL refuses to run as
    root, so as root it runs as the postgres user."""

    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="krom-faults-pg-"))
        self.data = self.dir / "data"
        self.port = free_pg_port()
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_user:
            shutil.chown(self.dir, "postgres", "postgres")
        self.run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-locale",
        )
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def run(self, *command):
        subprocess.run([*self.as_user, *command], check=True, stdout=subprocess.DEVNULL)

    def start(self):
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1"
        self.run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.dir / "log"),
            "-w",
            "start",
        )

    def stop(self):
        self.run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def ready(self):
        return (
            subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1", "-p", str(self.port)]).returncode
            == 0
        )

    def remove(self):
        if self.ready():
            self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


def status_of(opener, url, data=None, headers=None):
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with opener.open(request, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()
    except OSError:
        return 0, ""


class Probe(threading.Thread):
    def __init__(self, url):
        super().__init__(daemon=True)
        self.url, self.results, self.running = url, [], True

    def run(self):
        opener = urllib.request.build_opener()
        while self.running:
            status, _ = status_of(opener, self.url)
            self.results.append((time.monotonic(), status))
            time.sleep(0.05)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def main():
    postgres = ThrowawayPostgres()
    try:
        postgres.start()
        # benchlib reads where its database lives when it is imported.
        os.environ["BENCH_PG_ADMIN_URL"] = postgres.url
        os.environ.setdefault("BENCH_SUPPLIERS", "300")
        print(f"Throwaway PostgreSQL on port {postgres.port} in {postgres.dir}")
        run_faults(postgres)
    finally:
        postgres.remove()


def run_faults(postgres):
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from benchlib import BENCH_DB_URL, PROJECT_ROOT, running_server, sample_paths
    from load import write_paths_lua

    with running_server() as (url, env):
        write_paths_lua(*sample_paths(env))
        slug = sample_paths(env)[0][0]
        opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(CookieJar()), NoRedirect()
        )
        form_url = f"{url}/leverantorer/{slug}/omdome/"
        _, form = status_of(opener, form_url)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)

        wrk = subprocess.Popen(
            [
                "wrk",
                "-t2",
                f"-c{CONNECTIONS}",
                f"-d{int(OUTAGE_SECONDS) + 20}s",
                "--timeout",
                "10s",
                "-s",
                "bench/load.lua",
                url,
            ],
            cwd=PROJECT_ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        probe = Probe(f"{url}/leverantorer/?kommun=0180")
        probe.start()
        time.sleep(5)
        try:
            down_at = time.monotonic()
            postgres.stop()
            time.sleep(1)
            last_month = date.today().replace(day=1) - timedelta(days=1)
            body = urllib.parse.urlencode(
                {
                    "csrfmiddlewaretoken": token,
                    "rating": "3",
                    "office": "",
                    "participation_month": last_month.month,
                    "participation_year": last_month.year,
                    "comment": REVIEW_TEXT,
                    "confirm_participation": "on",
                    "website": "",
                }
            ).encode()
            review_status, review_page = status_of(opener, form_url, body, {"Referer": form_url})
            time.sleep(max(0, OUTAGE_SECONDS - 1))
        finally:
            postgres.start()
        while not postgres.ready():
            time.sleep(0.1)
        back_at = time.monotonic()
        # Recovery is the first successful answer after the database is back, however long
        # a busy machine makes it take (up to RECOVERY_LIMIT_SECONDS), not a fixed window.
        while time.monotonic() - back_at < RECOVERY_LIMIT_SECONDS:
            if any(t >= back_at and s == 200 for t, s in list(probe.results)):
                break
            time.sleep(0.1)
        time.sleep(1)
        probe.running = False
        probe.join()
        wrk_report = wrk.communicate()[0]

    during = Counter(s for t, s in probe.results if down_at <= t < back_at)
    after = [(t, s) for t, s in probe.results if t >= back_at]
    first_ok = next((t for t, s in after if s == 200), None)
    recovery = None if first_ok is None else first_ok - back_at
    server_errors = sum(n for s, n in Counter(s for _, s in probe.results).items() if s == 500)

    import psycopg

    with psycopg.connect(BENCH_DB_URL) as connection:
        leftovers = connection.execute(
            "SELECT count(*) FROM reviews_review WHERE comment = %s", [REVIEW_TEXT]
        ).fetchone()[0]

    print(f"database down for {back_at - down_at:.1f} s")
    print(f"probe answers while down: {dict(during)}")
    print(f"probe 500 answers in all: {server_errors}")
    print(
        f"recovered {recovery:.2f} s after the database was back (first successful answer)"
        if recovery is not None
        else f"not recovered within {RECOVERY_LIMIT_SECONDS:.0f} s"
    )
    told = "försök igen" in review_page.lower() or "skicka det igen" in review_page.lower()
    print(f"review sent during the outage: HTTP {review_status}, told to try again: {told}")
    print(f"rows of that review in the database afterwards: {leftovers}")
    print(
        "wrk during the test: "
        + " | ".join(
            line.strip()
            for line in wrk_report.splitlines()
            if line.startswith(("requests", "non-2xx", "p50", "p95"))
        )
    )
    if (
        server_errors
        or recovery is None
        or recovery > 5
        or leftovers
        or review_status != 503
        or not told
    ):
        sys.exit("FAIL")


if __name__ == "__main__":
    main()
