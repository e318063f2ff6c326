"""suppliers 0009–0013 in one migration.

Constraint messages, reference names in every language, error reports about texts. Kept:
0010's re-folding of existing suppliers' search names (copied here, self-contained), since a
database at 0008 has suppliers.

Squashed (see README, "Migrations"): used instead of the migrations it replaces on a
database that has none of them, and counted as applied on one that has them all."""

import unicodedata

import django.db.models.deletion
import django.db.models.expressions
from django.conf import settings
from django.db import migrations, models

# Copied from 0010_search_names_one_folding_rule, which it replaces.
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
    replaces = [
        ("suppliers", "0009_constraint_messages"),
        ("suppliers", "0010_search_names_one_folding_rule"),
        ("suppliers", "0011_reference_names_in_every_language"),
        ("suppliers", "0012_error_reports_about_texts"),
        ("suppliers", "0013_error_report_constraint_message"),
    ]

    dependencies = [
        ("offices", "0014_office_coordinates_index"),
        ("suppliers", "0008_history"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterConstraint(
            model_name="errorreport",
            name="errorreport_status_known",
            constraint=models.CheckConstraint(
                condition=models.Q(("status__in", ["open", "handled"])),
                name="errorreport_status_known",
                violation_error_message="Välj en status i listan.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="supplier",
            name="supplier_review_count_matches_distribution",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "review_count",
                        django.db.models.expressions.CombinedExpression(
                            django.db.models.expressions.CombinedExpression(
                                django.db.models.expressions.CombinedExpression(
                                    django.db.models.expressions.CombinedExpression(
                                        models.F("rating_1_count"), "+", models.F("rating_2_count")
                                    ),
                                    "+",
                                    models.F("rating_3_count"),
                                ),
                                "+",
                                models.F("rating_4_count"),
                            ),
                            "+",
                            models.F("rating_5_count"),
                        ),
                    )
                ),
                name="supplier_review_count_matches_distribution",
                violation_error_message="Antalet omdömen stämmer inte med antalet betyg 1–5.",
            ),
        ),
        migrations.RunPython(
            code=refold_search_names,
            reverse_code=migrations.RunPython.noop,
        ),
        migrations.AddField(
            model_name="industry",
            name="names",
            field=models.JSONField(
                blank=True,
                default=dict,
                help_text='Språkkod och namn, till exempel {"ar": "…", "so": "…"}.',
                verbose_name="namn på gränssnittets andra språk",
            ),
        ),
        migrations.AddField(
            model_name="language",
            name="names",
            field=models.JSONField(
                blank=True,
                default=dict,
                help_text='Språkkod och namn, till exempel {"ar": "…", "so": "…"}.',
                verbose_name="namn på gränssnittets andra språk",
            ),
        ),
        migrations.AlterField(
            model_name="language",
            name="name_en",
            field=models.CharField(max_length=150, verbose_name="namn på engelska"),
        ),
        migrations.AlterField(
            model_name="language",
            name="name_sv",
            field=models.CharField(max_length=150, verbose_name="namn på svenska"),
        ),
        migrations.AddField(
            model_name="errorreport",
            name="language",
            field=models.CharField(blank=True, max_length=10, verbose_name="sidans språk"),
        ),
        migrations.AddField(
            model_name="errorreport",
            name="page",
            field=models.CharField(
                blank=True,
                help_text="Sidan med texten som är fel, när rapporten gäller en text.",
                max_length=300,
                verbose_name="sida",
            ),
        ),
        migrations.AlterField(
            model_name="errorreport",
            name="supplier",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="error_reports",
                to="suppliers.supplier",
                verbose_name="leverantör",
            ),
        ),
        migrations.AddConstraint(
            model_name="errorreport",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("supplier__isnull", False),
                    models.Q(("page", ""), _negated=True),
                    _connector="OR",
                ),
                name="errorreport_about_a_supplier_or_a_page",
                violation_error_message="En rapport gäller en leverantör eller en sida.",
            ),
        ),
    ]
