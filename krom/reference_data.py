"""Reference data (counties, municipalities, languages, occupation fields) shipped as CSV
files in fixtures/reference/ and loaded by data migrations."""

import csv
from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "reference"


def read_rows(filename):
    with open(REFERENCE_DIR / filename, encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def upsert(model, rows, key, fields):
    """Create or update one row per CSV row, matched on `key`; returns the objects by key."""
    existing = {getattr(obj, key): obj for obj in model.objects.all()}
    to_create, to_update = [], []
    for row in rows:
        values = {field: convert(row) for field, convert in fields.items()}
        obj = existing.get(row[key])
        if obj is None:
            to_create.append(model(**{key: row[key]}, **values))
        elif any(getattr(obj, field) != value for field, value in values.items()):
            for field, value in values.items():
                setattr(obj, field, value)
            to_update.append(obj)
    model.objects.bulk_create(to_create)
    if to_update:
        model.objects.bulk_update(to_update, list(fields))
    return {getattr(obj, key): obj for obj in model.objects.all()}
