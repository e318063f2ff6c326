#!/usr/bin/env bash
# Times `import_result_grades` on Arbetsförmedlingen's real grade file (983 contracts,
# 8 months), on a fresh SQLite file or on the database in DATABASE_URL: the dry run, the
# import into an empty register, a re-import (all unchanged) and a newer file with one more
# month. Each run prints its rows/s (a row is one contract with all its months).
set -euo pipefail
cd "$(dirname "$0")/.."
FILE=${FILE:-tests/data/af/betyg-rusta-och-matcha-mars-2026.xlsx}
workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT
export DJANGO_DEBUG=1
export DATABASE_URL=${DATABASE_URL:-sqlite:///$workdir/bench.sqlite3}
.venv/bin/python manage.py migrate --no-input -v0
.venv/bin/python manage.py load_reference_data -v0
FILE=$FILE NEWER=$workdir/betyg-nyare.xlsx .venv/bin/python - <<'PY'
import os
from openpyxl import load_workbook

workbook = load_workbook(os.environ["FILE"])
sheet = workbook["Betyg över tid"]
column = sheet.max_column + 1
sheet.cell(row=1, column=column, value="maj 2026")
for row in range(2, sheet.max_row + 1):
    sheet.cell(row=row, column=column, value=3)
workbook.save(os.environ["NEWER"])
PY
for run in "--dry-run" "" ""; do
    echo "import_result_grades ${run:-(import)}:"
    .venv/bin/python manage.py import_result_grades "$FILE" $run
done
echo "import_result_grades (a newer file, one more month):"
.venv/bin/python manage.py import_result_grades "$workdir/betyg-nyare.xlsx"
