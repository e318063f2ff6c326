#!/usr/bin/env bash
# Times `seed_demo` for the large demo set (default 2,000 suppliers, 200,000 reviews) with
# production settings, on a fresh SQLite file or on the database in DATABASE_URL (give it an
# empty one). Prints the figures; the target on PostgreSQL is 60 s for 2,000 suppliers.
set -euo pipefail
cd "$(dirname "$0")/.."
SUPPLIERS=${SUPPLIERS:-2000}
REVIEWS=${REVIEWS:-200000}
workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT
# Production settings: DEBUG's query log would be part of the measurement.
export DJANGO_DEBUG=0 DJANGO_SECRET_KEY=bench-only-not-a-secret DJANGO_ALLOWED_HOSTS=localhost
export DATABASE_URL=${DATABASE_URL:-sqlite:///$workdir/bench.sqlite3}
.venv/bin/python manage.py migrate --no-input -v0
.venv/bin/python manage.py load_reference_data -v0
/usr/bin/time -f "peak memory: %M KB, wall: %e s" \
    .venv/bin/python manage.py seed_demo --suppliers "$SUPPLIERS" --reviews "$REVIEWS" --seed 1
