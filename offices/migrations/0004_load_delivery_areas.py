from django.db import migrations

from krom.reference_data import load_delivery_areas


def load(apps, schema_editor):
    load_delivery_areas(apps.get_model)


class Migration(migrations.Migration):
    dependencies = [("offices", "0003_delivery_areas")]

    operations = [
        migrations.RunPython(load, migrations.RunPython.noop),
    ]
