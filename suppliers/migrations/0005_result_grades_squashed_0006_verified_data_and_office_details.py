"""suppliers 0005–0006 in one migration.

AF's grades per supplier and delivery area as first kept (grades 0002 copies them to the
contracts, suppliers 0007 deletes them), verified data and the error reports.

Squashed (see README, "Migrations"): used instead of the migrations it replaces on a
database that has none of them, and counted as applied on one that has them all."""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    replaces = [
        ("suppliers", "0005_result_grades"),
        ("suppliers", "0006_verified_data_and_office_details"),
    ]

    dependencies = [
        ("offices", "0005_verified_data_and_office_details"),
        ("suppliers", "0004_name_keys"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ResultGrade",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "stars",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="Tomt när leverantören inte har fått något betyg.",
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(4),
                        ],
                        verbose_name="betyg (1–4)",
                    ),
                ),
                (
                    "no_grade_reason",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("too_few_participants", "för få deltagare"),
                            ("active_less_than_12_months", "aktiv kortare tid än 12 månader"),
                            ("not_measured", "inte mätt ännu"),
                        ],
                        max_length=30,
                        verbose_name="orsak till att betyg saknas",
                    ),
                ),
                ("period_start", models.DateField(verbose_name="mätperiodens början")),
                ("period_end", models.DateField(verbose_name="mätperiodens slut")),
                ("published_on", models.DateField(verbose_name="publicerat")),
                (
                    "is_current",
                    models.BooleanField(default=True, editable=False, verbose_name="aktuellt"),
                ),
                (
                    "delivery_area",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="result_grades",
                        to="offices.deliveryarea",
                        verbose_name="leveransområde",
                    ),
                ),
                (
                    "supplier",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="result_grades",
                        to="suppliers.supplier",
                        verbose_name="leverantör",
                    ),
                ),
            ],
            options={
                "verbose_name": "resultatbetyg",
                "verbose_name_plural": "resultatbetyg",
                "ordering": ["-published_on", "pk"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("stars__isnull", True),
                            models.Q(("stars__gte", 1), ("stars__lte", 4)),
                            _connector="OR",
                        ),
                        name="result_grade_stars_1_to_4",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(
                                ("stars__isnull", True),
                                models.Q(("no_grade_reason", ""), _negated=True),
                            ),
                            models.Q(("stars__isnull", False), ("no_grade_reason", "")),
                            _connector="OR",
                        ),
                        name="result_grade_reason_exactly_when_no_stars",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("period_start__lte", models.F("period_end"))),
                        name="result_grade_period_in_order",
                    ),
                    models.UniqueConstraint(
                        condition=models.Q(("is_current", True)),
                        fields=("supplier", "delivery_area"),
                        name="result_grade_one_current_per_supplier_and_area",
                    ),
                    models.UniqueConstraint(
                        fields=("supplier", "delivery_area", "published_on"),
                        name="result_grade_one_per_publication",
                    ),
                ],
            },
        ),
        migrations.AddField(
            model_name="supplier",
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
            model_name="supplier",
            name="source_note",
            field=models.CharField(
                blank=True,
                help_text="Till exempel listans datum: ”Arbetsförmedlingens lista 1 oktober 2026”.",
                max_length=200,
                verbose_name="om källan",
            ),
        ),
        migrations.AddField(
            model_name="supplier",
            name="verified_at",
            field=models.DateField(
                blank=True, null=True, verbose_name="uppgifterna kontrollerades"
            ),
        ),
        migrations.CreateModel(
            name="ErrorReport",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("what_is_wrong", models.TextField(max_length=2000, verbose_name="vad är fel")),
                (
                    "correction",
                    models.TextField(blank=True, max_length=2000, verbose_name="rätt uppgift"),
                ),
                (
                    "contact_email",
                    models.EmailField(blank=True, max_length=254, verbose_name="e-post för frågor"),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[("open", "Öppen"), ("handled", "Hanterad")],
                        default="open",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, editable=False, verbose_name="inkommen"
                    ),
                ),
                (
                    "handled_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="hanterad"),
                ),
                (
                    "handled_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="hanterad av",
                    ),
                ),
                (
                    "office",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="error_reports",
                        to="offices.office",
                        verbose_name="kontor",
                    ),
                ),
                (
                    "supplier",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="error_reports",
                        to="suppliers.supplier",
                        verbose_name="leverantör",
                    ),
                ),
            ],
            options={
                "verbose_name": "felrapport",
                "verbose_name_plural": "felrapporter",
                "ordering": ["-created_at"],
                "indexes": [
                    models.Index(fields=["status", "created_at"], name="errorreport_status_created")
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("status__in", ["open", "handled"])),
                        name="errorreport_status_known",
                    )
                ],
            },
        ),
    ]
