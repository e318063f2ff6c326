"""The database cache table (settings.CACHES), created by migrate itself: a production
start no longer depends on remembering `createcachetable`. Does nothing when the cache is
Redis or the table exists already."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("krom", "0001_rate_counters")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
