"""suppliers 0001–0004 in one migration.

Suppliers, languages and occupation fields, with the rating summary and the name keys.

Left out: what 0002 did once, loading the languages and occupation fields (reference data
comes from `manage.py load_reference_data`; 0002 had no operations left), and 0004's filling
of the name keys of existing suppliers: a database that runs this migration has no supplier
table yet, so there is nothing to fill.

Squashed (see README, "Migrations"): used instead of the migrations it replaces on a
database that has none of them, and counted as applied on one that has them all."""

import django.db.models.expressions
from django.db import migrations, models

import suppliers.fields


class Migration(migrations.Migration):
    replaces = [
        ("suppliers", "0001_initial"),
        ("suppliers", "0002_languages_and_industries"),
        ("suppliers", "0003_rating_summary"),
        ("suppliers", "0004_name_keys"),
    ]

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Industry",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("slug", models.SlugField(max_length=100, unique=True, verbose_name="kortnamn")),
                ("name_sv", models.CharField(max_length=150, verbose_name="namn på svenska")),
                ("name_en", models.CharField(max_length=150, verbose_name="namn på engelska")),
            ],
            options={
                "verbose_name": "bransch (yrkesområde)",
                "verbose_name_plural": "branscher (yrkesområden)",
                "ordering": ["name_sv"],
            },
        ),
        migrations.CreateModel(
            name="Language",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "code",
                    models.CharField(
                        help_text="ISO 639-1 (två bokstäver) där en sådan finns, annars ISO 639-3.",
                        max_length=3,
                        unique=True,
                        verbose_name="språkkod",
                    ),
                ),
                ("name_sv", models.CharField(max_length=100, verbose_name="namn på svenska")),
                ("name_en", models.CharField(max_length=100, verbose_name="namn på engelska")),
                (
                    "native_name",
                    models.CharField(max_length=100, verbose_name="namn på språket självt"),
                ),
            ],
            options={
                "verbose_name": "språk",
                "verbose_name_plural": "språk",
                "ordering": ["name_sv"],
            },
        ),
        migrations.CreateModel(
            name="Supplier",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=200, verbose_name="namn")),
                ("slug", models.SlugField(max_length=200, unique=True, verbose_name="adressnamn")),
                (
                    "organisation_number",
                    suppliers.fields.OrganisationNumberField(
                        error_messages={
                            "unique": "En annan leverantör har redan det organisationsnumret."
                        },
                        max_length=10,
                        unique=True,
                        verbose_name="organisationsnummer",
                    ),
                ),
                (
                    "short_description",
                    models.CharField(max_length=300, verbose_name="kort beskrivning"),
                ),
                ("how_we_work", models.TextField(blank=True, verbose_name="så arbetar vi")),
                ("website", models.URLField(blank=True, verbose_name="webbplats")),
                ("phone", models.CharField(blank=True, max_length=40, verbose_name="telefon")),
                ("email", models.EmailField(blank=True, max_length=254, verbose_name="e-post")),
                (
                    "offers_remote",
                    models.BooleanField(
                        db_index=True, default=False, verbose_name="erbjuder delar på distans"
                    ),
                ),
                (
                    "is_active",
                    models.BooleanField(db_index=True, default=True, verbose_name="aktiv"),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="skapad")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="ändrad")),
                (
                    "industries",
                    models.ManyToManyField(
                        blank=True,
                        related_name="suppliers",
                        to="suppliers.industry",
                        verbose_name="branscher",
                    ),
                ),
                (
                    "languages",
                    models.ManyToManyField(
                        blank=True,
                        related_name="suppliers",
                        to="suppliers.language",
                        verbose_name="språk utan tolk",
                    ),
                ),
                (
                    "rating_1_count",
                    models.PositiveIntegerField(default=0, verbose_name="antal betyg 1"),
                ),
                (
                    "rating_2_count",
                    models.PositiveIntegerField(default=0, verbose_name="antal betyg 2"),
                ),
                (
                    "rating_3_count",
                    models.PositiveIntegerField(default=0, verbose_name="antal betyg 3"),
                ),
                (
                    "rating_4_count",
                    models.PositiveIntegerField(default=0, verbose_name="antal betyg 4"),
                ),
                (
                    "rating_5_count",
                    models.PositiveIntegerField(default=0, verbose_name="antal betyg 5"),
                ),
                (
                    "rating_sum",
                    models.PositiveIntegerField(default=0, verbose_name="summa av betyg"),
                ),
                (
                    "review_count",
                    models.PositiveIntegerField(default=0, verbose_name="antal godkända omdömen"),
                ),
                ("name_sort_key", models.CharField(default="", editable=False, max_length=200)),
                ("search_name", models.CharField(default="", editable=False, max_length=200)),
            ],
            options={
                "verbose_name": "leverantör",
                "verbose_name_plural": "leverantörer",
                "ordering": ["name"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            (
                                "review_count",
                                django.db.models.expressions.CombinedExpression(
                                    django.db.models.expressions.CombinedExpression(
                                        django.db.models.expressions.CombinedExpression(
                                            django.db.models.expressions.CombinedExpression(
                                                models.F("rating_1_count"),
                                                "+",
                                                models.F("rating_2_count"),
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
                    )
                ],
                "indexes": [models.Index(fields=["name_sort_key"], name="supplier_name_sort_key")],
            },
        ),
    ]
