"""suppliers 0007–0008 in one migration.

Name variants, example data and the suppliers' history; the grades per supplier are gone
(grades 0001 keeps them per contract).

Squashed (see README, "Migrations"): used instead of the migrations it replaces on a
database that has none of them, and counted as applied on one that has them all."""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

import suppliers.fields


class Migration(migrations.Migration):
    replaces = [
        ("suppliers", "0007_contracts_name_variants_example_data"),
        ("suppliers", "0008_history"),
    ]

    dependencies = [
        ("grades", "0002_grades_from_suppliers_per_contract"),
        ("suppliers", "0006_verified_data_and_office_details"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="supplier",
            name="is_example",
            field=models.BooleanField(
                default=False,
                editable=False,
                help_text="Påhittad av seed_demo: sidorna säger då att de visar exempeldata.",
                verbose_name="exempeldata",
            ),
        ),
        migrations.AlterField(
            model_name="supplier",
            name="organisation_number",
            field=suppliers.fields.OrganisationNumberField(
                blank=True,
                error_messages={"unique": "En annan leverantör har redan det organisationsnumret."},
                help_text="Arbetsförmedlingens filer har inget organisationsnummer: en leverantör som importerats därifrån saknar det tills någon fyller i det.",
                max_length=10,
                null=True,
                unique=True,
                verbose_name="organisationsnummer",
            ),
        ),
        migrations.CreateModel(
            name="SupplierName",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=200, verbose_name="namn")),
                (
                    "match_key",
                    models.CharField(
                        editable=False, max_length=200, unique=True, verbose_name="jämförs som"
                    ),
                ),
                (
                    "supplier",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="name_variants",
                        to="suppliers.supplier",
                        verbose_name="leverantör",
                    ),
                ),
            ],
            options={
                "verbose_name": "namnvariant",
                "verbose_name_plural": "namnvarianter",
                "ordering": ["supplier", "name"],
            },
        ),
        migrations.DeleteModel(
            name="ResultGrade",
        ),
        migrations.CreateModel(
            name="HistoricalSupplier",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "verified_at",
                    models.DateField(
                        blank=True, null=True, verbose_name="uppgifterna kontrollerades"
                    ),
                ),
                (
                    "data_source",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("supplier", "leverantören själv"),
                            ("af_list", "Arbetsförmedlingens publicerade lista"),
                            ("admin", "kontroll av Matchningskollen"),
                        ],
                        max_length=20,
                        verbose_name="källa",
                    ),
                ),
                (
                    "source_note",
                    models.CharField(
                        blank=True,
                        help_text="Till exempel listans datum: ”Arbetsförmedlingens lista 1 oktober 2026”.",
                        max_length=200,
                        verbose_name="om källan",
                    ),
                ),
                ("name", models.CharField(max_length=200, verbose_name="namn")),
                ("slug", models.SlugField(max_length=200, verbose_name="adressnamn")),
                (
                    "organisation_number",
                    suppliers.fields.OrganisationNumberField(
                        blank=True,
                        db_index=True,
                        error_messages={
                            "unique": "En annan leverantör har redan det organisationsnumret."
                        },
                        help_text="Arbetsförmedlingens filer har inget organisationsnummer: en leverantör som importerats därifrån saknar det tills någon fyller i det.",
                        max_length=10,
                        null=True,
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
                (
                    "is_example",
                    models.BooleanField(
                        default=False,
                        editable=False,
                        help_text="Påhittad av seed_demo: sidorna säger då att de visar exempeldata.",
                        verbose_name="exempeldata",
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(blank=True, editable=False, verbose_name="skapad"),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "leverantör (historik)",
                "verbose_name_plural": "leverantörer (historik)",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalSupplier_industries",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="suppliers.historicalsupplier",
                    ),
                ),
                (
                    "industry",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="suppliers.industry",
                    ),
                ),
                (
                    "supplier",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="suppliers.supplier",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalSupplier_industries",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalSupplier_languages",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="suppliers.historicalsupplier",
                    ),
                ),
                (
                    "language",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="suppliers.language",
                    ),
                ),
                (
                    "supplier",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="suppliers.supplier",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalSupplier_languages",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalSupplierName",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=200, verbose_name="namn")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "supplier",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="suppliers.supplier",
                        verbose_name="leverantör",
                    ),
                ),
            ],
            options={
                "verbose_name": "namnvariant (historik)",
                "verbose_name_plural": "namnvarianter (historik)",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
    ]
