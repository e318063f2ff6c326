from django.db import migrations

from krom.reference_data import load_languages_and_industries


def load(apps, schema_editor):
    load_languages_and_industries(apps.get_model)


class Migration(migrations.Migration):
    dependencies = [("suppliers", "0001_initial")]

    operations = [
        migrations.RunPython(load, migrations.RunPython.noop),
    ]
