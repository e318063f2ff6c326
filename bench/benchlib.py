"""Shared by bench/load and bench/faults: a PostgreSQL database with the large demo set,
and gunicorn serving it with production settings on 127.0.0.1."""

import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(PROJECT_ROOT / ".venv" / "bin" / "python")
PG_ADMIN_URL = os.environ.get("BENCH_PG_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/postgres")
BENCH_DB = os.environ.get("BENCH_DB", "krom_bench")
BENCH_DB_URL = PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + BENCH_DB
SUPPLIERS = int(os.environ.get("BENCH_SUPPLIERS", "2000"))
PORT = int(os.environ.get("BENCH_PORT", "18080"))
WORKERS = os.environ.get("BENCH_WORKERS", "3")


def server_env(static_root, database_url=BENCH_DB_URL):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DATABASE_URL=database_url,
        DJANGO_SECRET_KEY="bench-only-secret",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_SECURE_COOKIES="0",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_STATIC_ROOT=str(static_root),
    )
    return env


def manage(env, *args, quiet=True):
    return subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=PROJECT_ROOT,
        env=env,
        check=True,
        capture_output=quiet,
        text=True,
    )


def prepare_database(env):
    """Create the bench database with the large demo set, unless it is there already."""
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [BENCH_DB]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{BENCH_DB}"')
    manage(env, "migrate", "--no-input")
    manage(env, "load_reference_data", "-v0")
    started = time.perf_counter()
    result = manage(env, "seed_demo", "--suppliers", str(SUPPLIERS), "--seed", "1")
    print(f"  {result.stdout.strip()} ({time.perf_counter() - started:.1f} s with start-up)")
    manage(env, "collectstatic", "--no-input")


def wait_until_healthy(url, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"{url} did not become healthy in {seconds} s")


@contextmanager
def running_server():
    with tempfile.TemporaryDirectory() as workdir:
        env = server_env(Path(workdir) / "static")
        print(f"Preparing {BENCH_DB_URL} with {SUPPLIERS} demo suppliers …")
        prepare_database(env)
        log_path = PROJECT_ROOT / "bench" / "out" / "server.log"
        log_path.parent.mkdir(exist_ok=True)
        print(f"  server log: {log_path.relative_to(PROJECT_ROOT)}")
        gunicorn = [PYTHON, "-m", "gunicorn", "krom.wsgi:application"]
        options = ["--bind", f"127.0.0.1:{PORT}", "--workers", WORKERS, "--log-level", "warning"]
        with open(log_path, "w") as log:
            server = subprocess.Popen(
                gunicorn + options, cwd=PROJECT_ROOT, env=env, stdout=log, stderr=log
            )
            url = f"http://127.0.0.1:{PORT}"
            try:
                wait_until_healthy(url)
                yield url, env
            finally:
                server.terminate()
                server.wait(timeout=15)


def sample_paths(env):
    """Supplier slugs, and 'slug/office key/KA-number' of offices (the KA-number is their
    contract's), to build a realistic request mix from."""
    script = (
        "from suppliers.models import Supplier; from offices.models import Office;"
        "print('|'.join(Supplier.objects.searchable().values_list('slug', flat=True)[:400]));"
        "print('|'.join(f'{o.supplier.slug}/{o.url_key}/{o.ka_number}' for o in "
        "Office.objects.active().select_related('supplier', 'contract')[:400]))"
    )
    output = manage(env, "shell", "-c", script).stdout.strip().splitlines()
    return output[-2].split("|"), output[-1].split("|")
