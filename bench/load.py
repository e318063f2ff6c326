#!/usr/bin/env python3
"""Load test: gunicorn (production settings) on 127.0.0.1 against PostgreSQL with the large
demo set, driven by wrk with a realistic mix for BENCH_SECONDS (60) at BENCH_CONNECTIONS (64).

Prints requests/s, p50/p95/p99 latency and the count of non-2xx/3xx responses, and exits
non-zero if there was any, if a request timed out or failed, or if p99 is more than three
times p50 (issue 15: no request may wait far longer than the typical one). Needs wrk
(apt-get install -y wrk) and the local PostgreSQL.
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
TAIL_TARGET = 3  # p99 at most this many times p50
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
        p50, p99 = (latency_ms(report, percentile) for percentile in (50, 99))
        print(f"p99 / p50: {p99 / p50:.2f} (target <= {TAIL_TARGET})")
        if p99 > TAIL_TARGET * p50:
            sys.exit(f"FAIL: p99 is more than {TAIL_TARGET} times p50")


def latency_ms(report, percentile):
    return float(re.search(rf"p{percentile} latency: ([\d.]+) ms", report).group(1))


if __name__ == "__main__":
    main()
