from django.db import migrations


class Migration(migrations.Migration):
    """Loaded reference data once; `manage.py load_reference_data` does it now, since
    migrations never import live code."""

    dependencies = [("offices", "0001_initial")]

    operations = []
