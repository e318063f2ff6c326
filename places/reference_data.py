"""Reference data shipped as CSV files in fixtures/reference/ and loaded by
`manage.py load_reference_data`, which is idempotent: rows are matched on their codes.

This module loads the places (counties, municipalities, delivery areas with their AF
regions) and offers read_rows() and upsert() to the apps above that have reference data of
their own (suppliers: languages and occupation fields)."""

import csv
from pathlib import Path

from places.models import County, DeliveryArea, Municipality

REFERENCE_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "reference"


def read_rows(filename):
    with open(REFERENCE_DIR / filename, encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def column(name):
    return lambda row: row[name]


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


def load_counties_and_municipalities():
    counties = upsert(County, read_rows("counties.csv"), "code", {"name": column("name")})
    upsert(
        Municipality,
        read_rows("municipalities.csv"),
        "code",
        {
            "name": column("name"),
            "county": lambda row: counties[row["county_code"]],
            "latitude": lambda row: float(row["latitude"]),
            "longitude": lambda row: float(row["longitude"]),
        },
    )


def load_delivery_areas():
    """Create the delivery areas and put each municipality in its area.

    Raises ValueError unless the CSV puts every municipality in exactly one area."""
    rows = read_rows("delivery_areas.csv")
    areas = upsert(DeliveryArea, rows, "code", {"name": column("name"), "region": column("region")})
    area_of = {}
    for row in rows:
        for code in row["municipality_codes"].split():
            if code in area_of:
                raise ValueError(
                    f"Municipality {code} is in both {area_of[code]} and {row['code']}."
                )
            area_of[code] = row["code"]
    municipalities = list(Municipality.objects.all())
    unplaced = {m.code for m in municipalities} ^ set(area_of)
    if unplaced:
        raise ValueError(f"Municipalities not in exactly one known area: {sorted(unplaced)}")
    moved = []
    for municipality in municipalities:
        area = areas[area_of[municipality.code]]
        if municipality.delivery_area_id != area.pk:
            municipality.delivery_area = area
            moved.append(municipality)
    Municipality.objects.bulk_update(moved, ["delivery_area"], batch_size=500)


def load_places():
    load_counties_and_municipalities()
    load_delivery_areas()
