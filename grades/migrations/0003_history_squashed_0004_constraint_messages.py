"""grades 0003–0004 in one migration.

The history of grades and results, and the constraints' messages.

Squashed (see README, "Migrations"): used instead of the migrations it replaces on a
database that has none of them, and counted as applied on one that has them all."""

import django.core.validators
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    replaces = [("grades", "0003_history"), ("grades", "0004_constraint_messages")]

    dependencies = [
        ("grades", "0002_grades_from_suppliers_per_contract"),
        ("offices", "0012_history"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="HistoricalContractResult",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "period",
                    models.DateField(
                        help_text="Den första dagen i periodens månad.", verbose_name="period"
                    ),
                ),
                (
                    "grade",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(4),
                        ],
                        verbose_name="resultatbetyg (1–4)",
                    ),
                ),
                (
                    "weighted_result",
                    models.DecimalField(
                        blank=True,
                        decimal_places=4,
                        max_digits=8,
                        null=True,
                        verbose_name="viktat resultatmått",
                    ),
                ),
                ("participants", models.PositiveIntegerField(verbose_name="antal deltagare")),
                ("participants_a", models.PositiveIntegerField(verbose_name="deltagare nivå A")),
                ("participants_b", models.PositiveIntegerField(verbose_name="deltagare nivå B")),
                ("participants_c", models.PositiveIntegerField(verbose_name="deltagare nivå C")),
                ("rr1_a", models.PositiveIntegerField(verbose_name="RR1 nivå A")),
                ("rr1_b", models.PositiveIntegerField(verbose_name="RR1 nivå B")),
                ("rr1_c", models.PositiveIntegerField(verbose_name="RR1 nivå C")),
                ("rr2_a", models.PositiveIntegerField(verbose_name="RR2 nivå A")),
                ("rr2_b", models.PositiveIntegerField(verbose_name="RR2 nivå B")),
                ("rr2_c", models.PositiveIntegerField(verbose_name="RR2 nivå C")),
                (
                    "active_22_months",
                    models.BooleanField(
                        blank=True, null=True, verbose_name="avtalet har varit aktivt i 22 månader"
                    ),
                ),
                (
                    "risks_termination",
                    models.BooleanField(blank=True, null=True, verbose_name="riskerar hävning"),
                ),
                ("source_file", models.CharField(max_length=200, verbose_name="fil")),
                (
                    "edition",
                    models.DateField(
                        help_text="En fil med en nyare period vinner över en äldre när de anger olika.",
                        verbose_name="filens nyaste period",
                    ),
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
                    "contract",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="offices.contract",
                        verbose_name="avtal",
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
                "verbose_name": "resultatuppföljning (historik)",
                "verbose_name_plural": "resultatuppföljning (historik)",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalResultGrade",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "month",
                    models.DateField(
                        help_text="Den första dagen i publiceringsmånaden.",
                        verbose_name="publicerat för månad",
                    ),
                ),
                (
                    "stars",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="Tomt när Arbetsförmedlingen skriver ”Betyg saknas”.",
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(4),
                        ],
                        verbose_name="resultatbetyg (1–4)",
                    ),
                ),
                (
                    "no_grade_reason",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("unknown", "Arbetsförmedlingen anger inte varför"),
                            ("too_few_participants", "för få deltagare"),
                            ("active_less_than_12_months", "aktiv kortare tid än 12 månader"),
                            ("not_measured", "inte mätt ännu"),
                        ],
                        max_length=30,
                        verbose_name="orsak till att betyg saknas",
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(blank=True, editable=False, verbose_name="importerad"),
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
                    "contract",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="offices.contract",
                        verbose_name="avtal",
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
                "verbose_name": "resultatbetyg (historik)",
                "verbose_name_plural": "resultatbetyg (historik)",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AlterConstraint(
            model_name="contractresult",
            name="result_period_first_day",
            constraint=models.CheckConstraint(
                condition=models.Q(("period__day", 1)),
                name="result_period_first_day",
                violation_error_message="Ange perioden som den första dagen i månaden.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="contractresult",
            name="result_grade_1_to_4",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("grade__isnull", True),
                    models.Q(("grade__gte", 1), ("grade__lte", 4)),
                    _connector="OR",
                ),
                name="result_grade_1_to_4",
                violation_error_message="Resultatbetyget ska vara 1–4.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="resultgrade",
            name="grade_stars_1_to_4",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("stars__isnull", True),
                    models.Q(("stars__gte", 1), ("stars__lte", 4)),
                    _connector="OR",
                ),
                name="grade_stars_1_to_4",
                violation_error_message="Resultatbetyget ska vara 1–4.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="resultgrade",
            name="grade_reason_exactly_when_no_stars",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(
                        ("stars__isnull", True), models.Q(("no_grade_reason", ""), _negated=True)
                    ),
                    models.Q(("stars__isnull", False), ("no_grade_reason", "")),
                    _connector="OR",
                ),
                name="grade_reason_exactly_when_no_stars",
                violation_error_message="Ange antingen ett resultatbetyg eller varför betyg saknas, inte båda och inte inget.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="resultgrade",
            name="grade_month_first_day",
            constraint=models.CheckConstraint(
                condition=models.Q(("month__day", 1)),
                name="grade_month_first_day",
                violation_error_message="Ange månaden som den första dagen i månaden.",
            ),
        ),
    ]
