#!/usr/bin/env bash
# Times `import_result_grades` with a 5,000-row grade list made from the demo data (2,000
# suppliers), on a fresh SQLite file or on the database in DATABASE_URL. Prints rows/second
# for the dry run, the import and a re-import of the same file (all rows unchanged).
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-5000}
SUPPLIERS=${SUPPLIERS:-2000}
workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT
export DJANGO_DEBUG=1
export DATABASE_URL=${DATABASE_URL:-sqlite:///$workdir/bench.sqlite3}
.venv/bin/python manage.py migrate --no-input -v0
.venv/bin/python manage.py seed_demo --suppliers "$SUPPLIERS" --reviews 0 --seed 1 >/dev/null
ROWS=$ROWS .venv/bin/python manage.py shell -v0 -c '
import csv, datetime, itertools, os, random, sys
from offices.models import Office
rows = int(os.environ["ROWS"])
pairs = sorted(set(Office.objects.values_list(
    "supplier__organisation_number", "supplier__name", "municipality__delivery_area__name")))
rng = random.Random(1)
grades = ["1", "2", "3", "4", "4", "3", "För få deltagare", "Aktiv kortare än 12 månader", "-"]
writer = csv.writer(sys.stdout, delimiter=";")
writer.writerow(["Organisationsnummer", "Leverantör", "Leveransområde", "Betyg",
                 "Period från", "Period till", "Publicerad"])
published = datetime.date.today() + datetime.timedelta(days=1)
for number, (org, name, area) in zip(range(rows), itertools.cycle(pairs)):
    if number and number % len(pairs) == 0:
        published += datetime.timedelta(days=61)
    end = published - datetime.timedelta(days=45)
    writer.writerow([f"{org[:6]}-{org[6:]}", name, area, rng.choice(grades),
                     (end - datetime.timedelta(days=364)).isoformat(), end.isoformat(),
                     published.isoformat()])
' >"$workdir/grades.csv"
echo "$(($(wc -l <"$workdir/grades.csv") - 1)) rows in the file"
for run in --dry-run "" ""; do
    echo -n "import_result_grades ${run:-(import)}: "
    .venv/bin/python manage.py import_result_grades "$workdir/grades.csv" $run
done
