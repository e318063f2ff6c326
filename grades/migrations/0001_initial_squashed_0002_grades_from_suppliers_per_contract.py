"""grades 0001–0002 in one migration.

AF's grades per contract and the results follow-up. Kept: 0002's copying of the grades kept
per supplier and area (suppliers 0005) to the contracts (copied here, self-contained), since
a database from before contracts has those grades and none of grades' migrations.

Squashed (see README, "Migrations"): used instead of the migrations it replaces on a
database that has none of them, and counted as applied on one that has them all."""

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models


# Copied from 0002_grades_from_suppliers_per_contract, which it replaces.
def grades_per_contract(apps, schema_editor):
    """Copy the grades kept per supplier × delivery area to that pair's contract (made by
    offices 0007 from the offices; a pair graded where the supplier had no office gets a
    contract of its own, without a KA-number and not in force, since no office of it is
    known). The month is the publication's month; of two
    publications in one month the later wins. The contract's current grade is the latest
    month's. Self-contained: migrations never import live code."""
    OldGrade = apps.get_model("suppliers", "ResultGrade")
    Contract = apps.get_model("offices", "Contract")
    ResultGrade = apps.get_model("grades", "ResultGrade")
    contracts = {}
    for contract in Contract.objects.order_by("-pk"):
        contracts[contract.supplier_id, contract.delivery_area_id] = contract
    latest = {}
    for old in OldGrade.objects.order_by("published_on", "pk"):
        key = old.supplier_id, old.delivery_area_id
        contract = contracts.get(key)
        if contract is None:
            contract = contracts[key] = Contract.objects.create(
                supplier_id=old.supplier_id, delivery_area_id=old.delivery_area_id, in_force=False
            )
        month = old.published_on.replace(day=1)
        latest[contract.pk, month] = (contract, old)
    ResultGrade.objects.bulk_create(
        ResultGrade(
            contract=contract,
            month=month,
            stars=old.stars,
            no_grade_reason=old.no_grade_reason,
        )
        for (_, month), (contract, old) in latest.items()
    )
    current = {}
    for (contract_id, month), (contract, old) in sorted(latest.items(), key=lambda i: i[0][1]):
        current[contract_id] = contract, month, old.stars
    for contract, month, stars in current.values():
        contract.current_grade, contract.current_grade_month = stars, month
        contract.save(update_fields=["current_grade", "current_grade_month"])


class Migration(migrations.Migration):
    replaces = [("grades", "0001_initial"), ("grades", "0002_grades_from_suppliers_per_contract")]

    dependencies = [
        ("offices", "0009_no_longer_listed"),
        ("suppliers", "0006_verified_data_and_office_details"),
    ]

    operations = [
        migrations.CreateModel(
            name="ResultWeights",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("period", models.DateField(unique=True, verbose_name="period")),
                (
                    "weight_a",
                    models.DecimalField(decimal_places=6, max_digits=9, verbose_name="vikt nivå A"),
                ),
                (
                    "weight_b",
                    models.DecimalField(decimal_places=6, max_digits=9, verbose_name="vikt nivå B"),
                ),
                (
                    "weight_c",
                    models.DecimalField(decimal_places=6, max_digits=9, verbose_name="vikt nivå C"),
                ),
                ("source_file", models.CharField(max_length=200, verbose_name="fil")),
                (
                    "edition",
                    models.DateField(
                        help_text="En fil med en nyare period vinner över en äldre när de anger olika.",
                        verbose_name="filens nyaste period",
                    ),
                ),
            ],
            options={
                "verbose_name": "vikter för resultatmåttet",
                "verbose_name_plural": "vikter för resultatmåttet",
                "ordering": ["period"],
            },
        ),
        migrations.CreateModel(
            name="ContractResult",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
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
                ("imported_at", models.DateTimeField(auto_now=True, verbose_name="importerad")),
                (
                    "contract",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="results",
                        to="offices.contract",
                        verbose_name="avtal",
                    ),
                ),
            ],
            options={
                "verbose_name": "resultatuppföljning",
                "verbose_name_plural": "resultatuppföljning",
                "ordering": ["contract", "period"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("contract", "period"), name="result_once_per_period"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("period__day", 1)), name="result_period_first_day"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("grade__isnull", True),
                            models.Q(("grade__gte", 1), ("grade__lte", 4)),
                            _connector="OR",
                        ),
                        name="result_grade_1_to_4",
                    ),
                ],
            },
        ),
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
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="importerad")),
                (
                    "contract",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="result_grades",
                        to="offices.contract",
                        verbose_name="avtal",
                    ),
                ),
            ],
            options={
                "verbose_name": "resultatbetyg",
                "verbose_name_plural": "resultatbetyg",
                "ordering": ["contract", "month"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("stars__isnull", True),
                            models.Q(("stars__gte", 1), ("stars__lte", 4)),
                            _connector="OR",
                        ),
                        name="grade_stars_1_to_4",
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
                        name="grade_reason_exactly_when_no_stars",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("month__day", 1)), name="grade_month_first_day"
                    ),
                    models.UniqueConstraint(
                        fields=("contract", "month"), name="grade_once_per_month"
                    ),
                ],
            },
        ),
        migrations.RunPython(
            code=grades_per_contract,
            reverse_code=migrations.RunPython.noop,
        ),
    ]
