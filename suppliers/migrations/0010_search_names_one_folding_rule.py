import unicodedata

from django.db import migrations

# A copy of offices.search.fold as it is now: migrations never import live code.
_EXTRA_FOLDS = {"ø": "o", "æ": "ae", "đ": "d", "ł": "l", "ı": "i", "ħ": "h", "ŧ": "t"}


def fold(text):
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return "".join(_EXTRA_FOLDS.get(char, char) for char in stripped)


def refold_search_names(apps, schema_editor):
    """Search names with ł, đ, ı, ħ or ŧ fold as the KA lookup folds them."""
    Supplier = apps.get_model("suppliers", "Supplier")
    changed = []
    for supplier in Supplier.objects.only("pk", "name", "search_name").iterator():
        if supplier.search_name != fold(supplier.name):
            supplier.search_name = fold(supplier.name)
            changed.append(supplier)
    Supplier.objects.bulk_update(changed, ["search_name"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("suppliers", "0009_constraint_messages")]

    operations = [migrations.RunPython(refold_search_names, migrations.RunPython.noop)]
