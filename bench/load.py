#!/usr/bin/env python3
"""Load test: gunicorn (production settings) on 127.0.0.1 against PostgreSQL with the large
demo set, driven by wrk with a realistic mix for BENCH_SECONDS (60) at BENCH_CONNECTIONS (64).

Prints requests/s, p50/p95/p99 latency and the count of non-2xx/3xx responses, and exits
non-zero if there was any. Needs wrk (apt-get install -y wrk) and the local PostgreSQL.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib import PROJECT_ROOT, WORKERS, running_server, sample_paths  # noqa: E402

SECONDS = os.environ.get("BENCH_SECONDS", "60")
CONNECTIONS = os.environ.get("BENCH_CONNECTIONS", "64")


def write_paths_lua(slugs, offices):
    out = PROJECT_ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    quoted = lambda items: ", ".join(f'"{item}"' for item in items)  # noqa: E731
    (out / "paths.lua").write_text(
        f"slugs = {{{quoted(slugs)}}}\noffices = {{{quoted(offices)}}}\n", encoding="utf-8"
    )


def main():
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install -y wrk")
    with running_server() as (url, env):
        write_paths_lua(*sample_paths(env))
        print(f"wrk: {SECONDS} s, {CONNECTIONS} connections, gunicorn with {WORKERS} workers")
        result = subprocess.run(
            [
                "wrk",
                "-t2",
                f"-c{CONNECTIONS}",
                f"-d{SECONDS}s",
                "--timeout",
                "10s",
                "-s",
                "bench/load.lua",
                url,
            ],
            cwd=PROJECT_ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        report = result.stdout[result.stdout.index("requests:") :]
        print(report.strip())
        bad = int(re.search(r"non-2xx/3xx responses: (\d+)", report).group(1))
        sockets = re.search(r"connect (\d+), read (\d+), write (\d+), timeout (\d+)", report)
        if bad or any(int(n) for n in sockets.groups()):
            sys.exit("FAIL: some requests did not get a 2xx/3xx answer")


if __name__ == "__main__":
    main()
