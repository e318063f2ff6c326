from django.db import migrations

from krom.reference_data import read_rows, upsert


def load_counties_and_municipalities(apps, schema_editor):
    County = apps.get_model("offices", "County")
    Municipality = apps.get_model("offices", "Municipality")
    counties = upsert(County, read_rows("counties.csv"), "code", {"name": lambda r: r["name"]})
    upsert(
        Municipality,
        read_rows("municipalities.csv"),
        "code",
        {
            "name": lambda r: r["name"],
            "county": lambda r: counties[r["county_code"]],
            "latitude": lambda r: float(r["latitude"]),
            "longitude": lambda r: float(r["longitude"]),
        },
    )


class Migration(migrations.Migration):
    dependencies = [("offices", "0001_initial")]

    operations = [
        migrations.RunPython(load_counties_and_municipalities, migrations.RunPython.noop),
    ]
