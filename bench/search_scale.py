#!/usr/bin/env python3
"""How the search, supplier, comparison and KA-lookup pages scale with the register.

For each size (default 2,000 and 20,000 demo suppliers) the PostgreSQL database
BENCH_DB_<size> is seeded with exactly that many (once: a later run finds it seeded),
gunicorn serves it with production settings and two
sync workers, and each endpoint is loaded with wrk interleaved with /healthz for three
rounds. Printed per endpoint: its requests/s as a ratio to /healthz in the same round (the
machine is shared, ratios are what count), p50/p99 under load, and the median of a few
unloaded requests, and of requests made just after the register changed (nothing kept
serves them), and how many warm-up runs it took before its rate stopped rising (what the
processes keep is then kept: the rounds measure the steady state) and the first one's
ratio to the rounds' /healthz; then the growth of the unloaded median from the smallest to
the largest size.

Exits 1 when a target of issue 15 is missed: ratio >= 0.2 (search, supplier page),
>= 0.3 (comparison, KA lookup), growth <= 1.5x per tenfold data.

    BENCH_DB=h15 .venv/bin/python bench/search_scale.py --sizes 2000,20000
"""

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib import (  # noqa: E402
    BENCH_DB_URL,
    PG_ADMIN_URL,
    PORT,
    PROJECT_ROOT,
    PYTHON,
    manage,
    server_env,
    wait_until_healthy,
)

HTMX = {"HX-Request": "true"}
RATIO_TARGETS = {"search": 0.2, "supplier": 0.2, "compare": 0.3, "ka": 0.3}
GROWTH_TARGET = 1.5

# What a size's endpoints need from its register: the supplier with most offices, three
# offices to compare and a supplier name to look up (a word of it, as a caseworker types).
SAMPLE_SCRIPT = """
from django.db.models import Count
from offices.models import Office
from suppliers.models import Supplier
big = (Supplier.objects.searchable().annotate(n=Count("offices"))
       .order_by("-n", "pk").values_list("slug", "n").first())
offices = [o.url_key for o in Office.objects.active().order_by("pk")[:3]]
name = Supplier.objects.searchable().order_by("pk").values_list("name", flat=True).first()
print(big[0], big[1], ",".join(offices), name.split()[0], sep="|")
"""


def endpoints(sample):
    slug, office_count, offices, word = sample
    word = urllib.parse.quote(word)
    compare = "&".join(f"kontor={key}" for key in offices.split(","))
    return [
        ("search partial, kommun + språk", "search", "/leverantorer/?kommun=1480&sprak=ar", HTMX),
        (
            "search partial, kommun + närmast",
            "search",
            "/leverantorer/?kommun=1480&sortering=narmast",
            HTMX,
        ),
        ("search partial, name", "search", f"/leverantorer/?q={word}", HTMX),
        ("search full page", "search", "/leverantorer/?kommun=0180&sprak=ar&bransch=data-it", {}),
        (f"supplier page ({office_count} offices)", "supplier", f"/leverantorer/{slug}/", {}),
        ("/jamfor/ with 3 offices", "compare", f"/jamfor/?{compare}", {}),
        ("/ka/?q=<name>", "ka", f"/ka/?q={word}", {}),
    ]


def database_url(size):
    """Each size has a database of its own, seeded once and kept for the next run."""
    return f"{BENCH_DB_URL}_{size}"


def seed(env, size):
    """Exactly `size` example suppliers in the size's bench database."""
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as connection:
        db = database_url(size).rsplit("/", 1)[1]
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db]).fetchone():
            connection.execute(f'CREATE DATABASE "{db}"')
    manage(env, "migrate", "--no-input")
    manage(env, "load_reference_data", "-v0")
    manage(env, "createcachetable")
    count = manage(
        env,
        "shell",
        "-c",
        "from suppliers.models import Supplier;"
        "print(Supplier.objects.filter(is_example=True).count())",
    ).stdout.split()[-1]
    if int(count) > size:
        manage(env, "seed_demo", "--remove")
    started = time.perf_counter()
    result = manage(env, "seed_demo", "--suppliers", str(size), "--seed", "1")
    print(f"  {result.stdout.strip()} ({time.perf_counter() - started:.0f} s with start-up)")


def settle(base, seconds=180):
    """Wait until the requests wrk left queued in gunicorn's backlog are served: the next
    run must not measure them."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if unloaded_ms(base + "/healthz", {}, times=1) < 50:
                return
        except OSError:
            continue


def wrk(url, headers, seconds, connections):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if bad:
        sys.exit(f"FAIL: {bad.group(1)} non-2xx/3xx answers from {url}")
    return rate, latency(output, "50%"), latency(output, "99%")


def latency(output, percentile):
    value, unit = re.search(rf"{percentile}\s+([\d.]+)(us|ms|s)", output).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def unloaded_ms(url, headers, times=7):
    durations = []
    for _ in range(times):
        request = urllib.request.Request(url, headers=headers)
        started = time.perf_counter()
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()
        durations.append((time.perf_counter() - started) * 1000)
    return statistics.median(durations)


def warm_up(base, path, headers, args, most=8):
    """Load the endpoint until its rate stops rising (two runs in a row within 15 %): what
    each process keeps under the register's version is then kept. A search that finds a
    thousand suppliers shows each visitor a page of its own shuffle, so its cards are all
    kept only after some thousand visitors; the first run's rate is the cold one.
    Returns each run's requests/s."""
    rates = []
    while len(rates) < most:
        rates.append(wrk(base + path, headers, args.seconds, args.connections)[0])
        settle(base)
        if len(rates) > 1 and rates[-1] < rates[-2] * 1.15:
            break
    return rates


def cold_ms(database, url, headers, times=3):
    """The median of requests each made just after the register changed: nothing kept
    under the old version serves them (both workers are asked, one request each)."""
    import psycopg

    durations = []
    with psycopg.connect(database, autocommit=True) as connection:
        for _ in range(times):
            connection.execute(
                "UPDATE krom_registerversion SET version = (random() * 9e18)::bigint"
            )
            durations += [unloaded_ms(url, headers, times=1) for _ in range(2)]
    return statistics.median(durations)


def measure(size, args):
    with tempfile.TemporaryDirectory() as workdir:
        env = server_env(Path(workdir) / "static", database_url(size))
        print(f"\n== {size} suppliers in {database_url(size)}")
        seed(env, size)
        manage(env, "collectstatic", "--no-input")
        sample = manage(env, "shell", "-c", SAMPLE_SCRIPT).stdout.strip().splitlines()[-1]
        gunicorn = [PYTHON, "-m", "gunicorn", "krom.wsgi:application", "--workers", "2"]
        gunicorn += ["--bind", f"127.0.0.1:{PORT}", "--log-level", "warning"]
        server = subprocess.Popen(gunicorn, cwd=PROJECT_ROOT, env=env)
        base = f"http://127.0.0.1:{PORT}"
        try:
            wait_until_healthy(base)
            results = {}
            # A new server's first requests compile templates and load the reference
            # data: no endpoint's first run should measure that.
            for _, _, path, headers in endpoints(sample.split("|")):
                unloaded_ms(base + path, headers, times=4)
            for name, kind, path, headers in endpoints(sample.split("|")):
                warming = warm_up(base, path, headers, args)
                rounds = []
                for _ in range(args.rounds):
                    health = wrk(base + "/healthz", {}, args.seconds, args.connections)
                    settle(base)
                    page = wrk(base + path, headers, args.seconds, args.connections)
                    settle(base)
                    rounds.append((health, page))
                ratio = statistics.median(page[0] / health[0] for health, page in rounds)
                health_rate = statistics.median(health[0] for health, _ in rounds)
                p50 = statistics.median(page[1] for _, page in rounds)
                p99 = statistics.median(page[2] for _, page in rounds)
                single = unloaded_ms(base + path, headers)
                health_single = unloaded_ms(base + "/healthz", {})
                cold = cold_ms(database_url(size), base + path, headers)
                results[name] = (kind, ratio, p50, p99, single)
                print(
                    f"  {name:38} ratio {ratio:6.3f}  p50 {p50:7.1f} ms  p99 {p99:7.1f} ms  "
                    f"unloaded {single:6.1f} ms, after a change {cold:6.1f} ms "
                    f"(healthz {health_single:.1f} ms); warmed in {len(warming)} runs "
                    f"from ratio {warming[0] / health_rate:.3f}"
                )
            return results
        finally:
            server.terminate()
            server.wait(timeout=15)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="2000,20000", help="comma-separated supplier counts")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=5, help="per wrk run")
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()
    sizes = sorted(int(size) for size in args.sizes.split(","))
    by_size = {size: measure(size, args) for size in sizes}
    misses = []
    smallest, largest = by_size[sizes[0]], by_size[sizes[-1]]
    for size, results in by_size.items():
        for name, (kind, ratio, *_rest) in results.items():
            if ratio < RATIO_TARGETS[kind]:
                misses.append(f"{name} at {size}: ratio {ratio:.3f} < {RATIO_TARGETS[kind]}")
    if len(sizes) > 1:
        print(f"\n== growth of the unloaded median from {sizes[0]} to {sizes[-1]} suppliers")
        for name, result in largest.items():
            growth = result[4] / smallest[name][4]
            print(f"  {name:38} {growth:5.2f}x")
            if growth > GROWTH_TARGET:
                misses.append(f"{name}: {growth:.2f}x slower at {sizes[-1]}")
    if misses:
        print("\nMissed targets:\n  " + "\n  ".join(misses))
        sys.exit(1)
    print("\nAll targets met.")


if __name__ == "__main__":
    main()
