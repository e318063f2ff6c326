"""offices 0001–0005 in one migration.

Offices, with the counties, municipalities and delivery areas as they were first made here;
offices 0011 moves those three to `places` without touching their tables.

Left out: what 0002 and 0004 did once, loading the counties, municipalities and delivery
areas (reference data comes from `manage.py load_reference_data`; they had no operations
left).

Squashed (see README, "Migrations"): used instead of the migrations it replaces on a
database that has none of them, and counted as applied on one that has them all."""

import django.db.models.deletion
from django.db import migrations, models

import offices.fields


class Migration(migrations.Migration):
    replaces = [
        ("offices", "0001_initial"),
        ("offices", "0002_counties_and_municipalities"),
        ("offices", "0003_delivery_areas"),
        ("offices", "0004_load_delivery_areas"),
        ("offices", "0005_verified_data_and_office_details"),
    ]

    dependencies = [
        ("suppliers", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="County",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("code", models.CharField(max_length=2, unique=True, verbose_name="länskod")),
                ("name", models.CharField(max_length=100, verbose_name="namn")),
            ],
            options={
                "verbose_name": "län",
                "verbose_name_plural": "län",
                "ordering": ["code"],
            },
        ),
        migrations.CreateModel(
            name="Municipality",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("code", models.CharField(max_length=4, unique=True, verbose_name="kommunkod")),
                ("name", models.CharField(max_length=100, verbose_name="namn")),
                ("latitude", models.FloatField(verbose_name="latitud (mittpunkt)")),
                ("longitude", models.FloatField(verbose_name="longitud (mittpunkt)")),
                (
                    "county",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="municipalities",
                        to="offices.county",
                        verbose_name="län",
                    ),
                ),
            ],
            options={
                "verbose_name": "kommun",
                "verbose_name_plural": "kommuner",
                "ordering": ["name"],
            },
        ),
        migrations.CreateModel(
            name="Office",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=200, verbose_name="kontorets namn")),
                (
                    "ka_number",
                    offices.fields.KANumberField(
                        error_messages={"unique": "Ett annat kontor har redan det här KA-numret."},
                        help_text="Arbetsförmedlingens nummer för kontoret, 5–10 siffror.",
                        max_length=10,
                        unique=True,
                        verbose_name="KA-nummer",
                    ),
                ),
                ("street_address", models.CharField(max_length=200, verbose_name="gatuadress")),
                (
                    "postal_code",
                    offices.fields.PostalCodeField(max_length=5, verbose_name="postnummer"),
                ),
                ("postal_town", models.CharField(max_length=100, verbose_name="ort")),
                ("latitude", models.FloatField(blank=True, null=True, verbose_name="latitud")),
                ("longitude", models.FloatField(blank=True, null=True, verbose_name="longitud")),
                ("phone", models.CharField(blank=True, max_length=40, verbose_name="telefon")),
                ("email", models.EmailField(blank=True, max_length=254, verbose_name="e-post")),
                ("is_active", models.BooleanField(default=True, verbose_name="aktivt")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="skapad")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="ändrad")),
                (
                    "municipality",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="offices",
                        to="offices.municipality",
                        verbose_name="kommun",
                    ),
                ),
                (
                    "supplier",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="offices",
                        to="suppliers.supplier",
                        verbose_name="leverantör",
                    ),
                ),
            ],
            options={
                "verbose_name": "kontor",
                "verbose_name_plural": "kontor",
                "ordering": ["supplier__name", "name"],
            },
        ),
        migrations.AddConstraint(
            model_name="municipality",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("latitude__gte", -90), ("latitude__lte", 90)),
                    models.Q(("longitude__gte", -180), ("longitude__lte", 180)),
                ),
                name="municipality_centroid_on_earth",
            ),
        ),
        migrations.AddIndex(
            model_name="office",
            index=models.Index(
                fields=["municipality", "is_active"], name="office_municipality_active"
            ),
        ),
        migrations.AddIndex(
            model_name="office",
            index=models.Index(fields=["supplier", "is_active"], name="office_supplier_active"),
        ),
        migrations.AddIndex(
            model_name="office",
            index=models.Index(fields=["postal_town"], name="office_postal_town"),
        ),
        migrations.AddConstraint(
            model_name="office",
            constraint=models.CheckConstraint(
                condition=models.Q(("ka_number__length__gte", 5), ("ka_number__length__lte", 10)),
                name="office_ka_number_5_to_10_characters",
            ),
        ),
        migrations.AddConstraint(
            model_name="office",
            constraint=models.CheckConstraint(
                condition=models.Q(("postal_code__length", 5)),
                name="office_postal_code_5_characters",
            ),
        ),
        migrations.AddConstraint(
            model_name="office",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("latitude__isnull", True), ("longitude__isnull", True)),
                    models.Q(
                        ("latitude__isnull", False),
                        ("longitude__isnull", False),
                        models.Q(("latitude__gte", -90), ("latitude__lte", 90)),
                        models.Q(("longitude__gte", -180), ("longitude__lte", 180)),
                    ),
                    _connector="OR",
                ),
                name="office_coordinates_both_or_none_on_earth",
            ),
        ),
        migrations.CreateModel(
            name="DeliveryArea",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("code", models.SlugField(max_length=100, unique=True, verbose_name="kod")),
                ("name", models.CharField(max_length=100, unique=True, verbose_name="namn")),
            ],
            options={
                "verbose_name": "leveransområde",
                "verbose_name_plural": "leveransområden",
                "ordering": ["name"],
            },
        ),
        migrations.AddField(
            model_name="municipality",
            name="delivery_area",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="municipalities",
                to="offices.deliveryarea",
                verbose_name="leveransområde",
            ),
        ),
        migrations.AddField(
            model_name="office",
            name="accessibility_notes",
            field=models.TextField(blank=True, verbose_name="mer om tillgänglighet"),
        ),
        migrations.AddField(
            model_name="office",
            name="accessible_toilet",
            field=models.CharField(
                choices=[("yes", "Ja"), ("no", "Nej"), ("unknown", "Vet inte")],
                default="unknown",
                max_length=7,
                verbose_name="tillgänglig toalett",
            ),
        ),
        migrations.AddField(
            model_name="office",
            name="data_source",
            field=models.CharField(
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
        migrations.AddField(
            model_name="office",
            name="hearing_loop",
            field=models.CharField(
                choices=[("yes", "Ja"), ("no", "Nej"), ("unknown", "Vet inte")],
                default="unknown",
                max_length=7,
                verbose_name="hörslinga",
            ),
        ),
        migrations.AddField(
            model_name="office",
            name="parking_nearby",
            field=models.CharField(
                choices=[("yes", "Ja"), ("no", "Nej"), ("unknown", "Vet inte")],
                default="unknown",
                max_length=7,
                verbose_name="parkering i närheten",
            ),
        ),
        migrations.AddField(
            model_name="office",
            name="public_transport",
            field=models.CharField(
                choices=[("yes", "Ja"), ("no", "Nej"), ("unknown", "Vet inte")],
                default="unknown",
                max_length=7,
                verbose_name="nära kollektivtrafik",
            ),
        ),
        migrations.AddField(
            model_name="office",
            name="source_note",
            field=models.CharField(
                blank=True,
                help_text="Till exempel listans datum: ”Arbetsförmedlingens lista 1 oktober 2026”.",
                max_length=200,
                verbose_name="om källan",
            ),
        ),
        migrations.AddField(
            model_name="office",
            name="step_free_entrance",
            field=models.CharField(
                choices=[("yes", "Ja"), ("no", "Nej"), ("unknown", "Vet inte")],
                default="unknown",
                max_length=7,
                verbose_name="entré utan trappsteg",
            ),
        ),
        migrations.AddField(
            model_name="office",
            name="taking_participants",
            field=models.BooleanField(default=True, verbose_name="tar emot nya deltagare"),
        ),
        migrations.AddField(
            model_name="office",
            name="taking_participants_from",
            field=models.DateField(
                blank=True,
                help_text="Om kontoret inte tar emot nya deltagare just nu: från vilket datum.",
                null=True,
                verbose_name="tar emot deltagare igen från",
            ),
        ),
        migrations.AddField(
            model_name="office",
            name="verified_at",
            field=models.DateField(
                blank=True, null=True, verbose_name="uppgifterna kontrollerades"
            ),
        ),
    ]
