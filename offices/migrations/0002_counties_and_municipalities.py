from django.db import migrations

from krom.reference_data import load_counties_and_municipalities


def load(apps, schema_editor):
    load_counties_and_municipalities(apps.get_model)


class Migration(migrations.Migration):
    dependencies = [("offices", "0001_initial")]

    operations = [
        migrations.RunPython(load, migrations.RunPython.noop),
    ]
