#!/usr/bin/env bash
# Times `seed_demo` for the large demo set (default 2,000 suppliers, 200,000 reviews) on a
# fresh SQLite file, or on the database in DATABASE_URL if set. Prints the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
SUPPLIERS=${SUPPLIERS:-2000}
REVIEWS=${REVIEWS:-200000}
workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT
export DJANGO_DEBUG=1
export DATABASE_URL=${DATABASE_URL:-sqlite:///$workdir/bench.sqlite3}
.venv/bin/python manage.py migrate --no-input -v0
/usr/bin/time -f "peak memory: %M KB, wall: %e s" \
    .venv/bin/python manage.py seed_demo --suppliers "$SUPPLIERS" --reviews "$REVIEWS" --seed 1
