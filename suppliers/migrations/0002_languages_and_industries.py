from django.db import migrations

from krom.reference_data import read_rows, upsert


def load_languages_and_industries(apps, schema_editor):
    upsert(
        apps.get_model("suppliers", "Language"),
        read_rows("languages.csv"),
        "code",
        {field: (lambda r, f=field: r[f]) for field in ("name_sv", "name_en", "native_name")},
    )
    upsert(
        apps.get_model("suppliers", "Industry"),
        read_rows("industries.csv"),
        "slug",
        {field: (lambda r, f=field: r[f]) for field in ("name_sv", "name_en")},
    )


class Migration(migrations.Migration):
    dependencies = [("suppliers", "0001_initial")]

    operations = [
        migrations.RunPython(load_languages_and_industries, migrations.RunPython.noop),
    ]
