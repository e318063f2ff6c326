"""Reference data (counties, municipalities, delivery areas with their AF regions, languages,
occupation fields) shipped as CSV files in fixtures/reference/ and loaded by
`manage.py load_reference_data`, which is idempotent."""

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


def load_counties_and_municipalities(get_model):
    """get_model: a migration's apps.get_model, or django.apps.apps.get_model."""
    counties = upsert(
        get_model("offices", "County"), read_rows("counties.csv"), "code", {"name": _column("name")}
    )
    upsert(
        get_model("offices", "Municipality"),
        read_rows("municipalities.csv"),
        "code",
        {
            "name": _column("name"),
            "county": lambda row: counties[row["county_code"]],
            "latitude": lambda row: float(row["latitude"]),
            "longitude": lambda row: float(row["longitude"]),
        },
    )


def load_delivery_areas(get_model):
    """Create the delivery areas and put each municipality in its area.

    Raises ValueError unless the CSV puts every municipality in exactly one area."""
    rows = read_rows("delivery_areas.csv")
    areas = upsert(
        get_model("offices", "DeliveryArea"),
        rows,
        "code",
        {"name": _column("name"), "region": _column("region")},
    )
    area_of = {}
    for row in rows:
        for code in row["municipality_codes"].split():
            if code in area_of:
                raise ValueError(
                    f"Municipality {code} is in both {area_of[code]} and {row['code']}."
                )
            area_of[code] = row["code"]
    Municipality = get_model("offices", "Municipality")
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


def load_languages_and_industries(get_model):
    """Languages and industries with their names in every UI language: the columns name_sv
    and name_en, and the other name_<code> columns gathered into `names`."""
    upsert(
        get_model("suppliers", "Language"),
        read_rows("languages.csv"),
        "code",
        {**_names_fields(), "native_name": _column("native_name")},
    )
    upsert(get_model("suppliers", "Industry"), read_rows("industries.csv"), "slug", _names_fields())


def _names_fields():
    def names(row):
        return {
            column.removeprefix("name_"): value
            for column, value in row.items()
            if column.startswith("name_") and column not in {"name_sv", "name_en"}
        }

    return {"name_sv": _column("name_sv"), "name_en": _column("name_en"), "names": names}


def load_reference_data(get_model):
    load_counties_and_municipalities(get_model)
    load_delivery_areas(get_model)
    load_languages_and_industries(get_model)


def _column(name):
    return lambda row: row[name]
