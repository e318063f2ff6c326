"""krom 0001–0002 in one migration.

The rate counters, and the database cache table (settings.CACHES), made by migrate itself
with Django's `createcachetable` (it does nothing when the cache is Redis or the table
exists already).

Squashed (see README, "Migrations"): used instead of the migrations it replaces on a
database that has none of them, and counted as applied on one that has them all."""

from django.core.management import call_command
from django.db import migrations, models


# Copied from 0002_cache_table, which it replaces.
def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    replaces = [("krom", "0001_rate_counters"), ("krom", "0002_cache_table")]

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="RateCounter",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("key", models.CharField(max_length=200, unique=True)),
                ("count", models.PositiveIntegerField(default=0)),
                ("expires_at", models.DateTimeField(db_index=True)),
            ],
        ),
        migrations.RunPython(
            code=create_cache_table,
            reverse_code=migrations.RunPython.noop,
        ),
    ]
