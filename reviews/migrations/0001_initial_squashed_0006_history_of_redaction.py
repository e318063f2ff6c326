"""reviews 0001–0006 in one migration.

Participants' reviews: moderation, abuse control, history, redaction.

Squashed (see README, "Migrations"): used instead of the migrations it replaces on a
database that has none of them, and counted as applied on one that has them all."""

import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models

import reviews.models


class Migration(migrations.Migration):
    replaces = [
        ("reviews", "0001_initial"),
        ("reviews", "0002_participation_month_moderation_and_abuse_control"),
        ("reviews", "0003_history"),
        ("reviews", "0004_constraint_messages"),
        ("reviews", "0005_redaction_and_personal_data_flag"),
        ("reviews", "0006_history_of_redaction"),
    ]

    dependencies = [
        ("offices", "0013_constraint_messages"),
        ("suppliers", "0009_constraint_messages"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Review",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("rating", models.PositiveSmallIntegerField(verbose_name="betyg (1–5)")),
                (
                    "comment",
                    models.TextField(blank=True, max_length=2000, verbose_name="kommentar"),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("pending", "Väntar på granskning"),
                            ("approved", "Godkänt"),
                            ("rejected", "Avslaget"),
                        ],
                        default="pending",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, editable=False, verbose_name="skapat"
                    ),
                ),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="ändrat")),
                (
                    "office",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="reviews",
                        to="offices.office",
                        verbose_name="kontor",
                    ),
                ),
                (
                    "supplier",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="reviews",
                        to="suppliers.supplier",
                        verbose_name="leverantör",
                    ),
                ),
                (
                    "client_hash",
                    models.CharField(
                        blank=True, editable=False, max_length=64, verbose_name="klientkod (hash)"
                    ),
                ),
                (
                    "comment_fingerprint",
                    models.CharField(
                        blank=True,
                        editable=False,
                        max_length=64,
                        verbose_name="textens fingeravtryck",
                    ),
                ),
                (
                    "moderated_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="granskat"),
                ),
                (
                    "moderated_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="granskat av",
                    ),
                ),
                (
                    "participation_month",
                    models.DateField(
                        blank=True,
                        null=True,
                        validators=[reviews.models.validate_first_of_month],
                        verbose_name="deltagandet slutade (månad)",
                    ),
                ),
                (
                    "rejection_reason",
                    models.TextField(blank=True, max_length=500, verbose_name="skäl till avslag"),
                ),
            ],
            options={
                "verbose_name": "omdöme",
                "verbose_name_plural": "omdömen",
                "ordering": ["-created_at"],
                "indexes": [
                    models.Index(fields=["supplier", "status"], name="review_supplier_status"),
                    models.Index(fields=["status", "created_at"], name="review_status_created"),
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("rating__gte", 1), ("rating__lte", 5)),
                        name="review_rating_1_to_5",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("status__in", ["pending", "approved", "rejected"])),
                        name="review_status_known",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("status", "rejected"), ("rejection_reason", ""), _connector="OR"
                        ),
                        name="review_rejection_reason_only_when_rejected",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="HistoricalReview",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("rating", models.PositiveSmallIntegerField(verbose_name="betyg (1–5)")),
                (
                    "comment",
                    models.TextField(blank=True, max_length=2000, verbose_name="kommentar"),
                ),
                (
                    "participation_month",
                    models.DateField(
                        blank=True,
                        null=True,
                        validators=[reviews.models.validate_first_of_month],
                        verbose_name="deltagandet slutade (månad)",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("pending", "Väntar på granskning"),
                            ("approved", "Godkänt"),
                            ("rejected", "Avslaget"),
                        ],
                        default="pending",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                (
                    "moderated_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="granskat"),
                ),
                (
                    "rejection_reason",
                    models.TextField(blank=True, max_length=500, verbose_name="skäl till avslag"),
                ),
                (
                    "created_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, editable=False, verbose_name="skapat"
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
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "moderated_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="granskat av",
                    ),
                ),
                (
                    "office",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="offices.office",
                        verbose_name="kontor",
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
                "verbose_name": "omdöme (historik)",
                "verbose_name_plural": "omdömen (historik)",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AlterConstraint(
            model_name="review",
            name="review_rating_1_to_5",
            constraint=models.CheckConstraint(
                condition=models.Q(("rating__gte", 1), ("rating__lte", 5)),
                name="review_rating_1_to_5",
                violation_error_message="Betyget ska vara 1–5.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="review",
            name="review_status_known",
            constraint=models.CheckConstraint(
                condition=models.Q(("status__in", ["pending", "approved", "rejected"])),
                name="review_status_known",
                violation_error_message="Välj en status i listan.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="review",
            name="review_rejection_reason_only_when_rejected",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("status", "rejected"), ("rejection_reason", ""), _connector="OR"
                ),
                name="review_rejection_reason_only_when_rejected",
                violation_error_message="Bara ett avslaget omdöme har ett skäl till avslag.",
            ),
        ),
        migrations.AddField(
            model_name="review",
            name="original_comment",
            field=models.TextField(
                blank=True, editable=False, verbose_name="kommentaren som deltagaren skrev den"
            ),
        ),
        migrations.AddField(
            model_name="review",
            name="personal_data",
            field=models.CharField(
                blank=True,
                editable=False,
                max_length=100,
                verbose_name="kan innehålla personuppgifter",
            ),
        ),
        migrations.AddField(
            model_name="review",
            name="redacted_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="redigerat"
            ),
        ),
        migrations.AddField(
            model_name="review",
            name="redacted_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="redigerat av",
            ),
        ),
        migrations.AddConstraint(
            model_name="review",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("original_comment", ""), ("redacted_at__isnull", False), _connector="OR"
                ),
                name="review_redaction_recorded",
            ),
        ),
        migrations.AddField(
            model_name="historicalreview",
            name="original_comment",
            field=models.TextField(
                blank=True, editable=False, verbose_name="kommentaren som deltagaren skrev den"
            ),
        ),
        migrations.AddField(
            model_name="historicalreview",
            name="personal_data",
            field=models.CharField(
                blank=True,
                editable=False,
                max_length=100,
                verbose_name="kan innehålla personuppgifter",
            ),
        ),
        migrations.AddField(
            model_name="historicalreview",
            name="redacted_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="redigerat"
            ),
        ),
        migrations.AddField(
            model_name="historicalreview",
            name="redacted_by",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="redigerat av",
            ),
        ),
        migrations.AlterConstraint(
            model_name="review",
            name="review_redaction_recorded",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("original_comment", ""), ("redacted_at__isnull", False), _connector="OR"
                ),
                name="review_redaction_recorded",
                violation_error_message="Ett borttaget stycke ska ha tid och moderator, så att det syns vem som ändrade.",
            ),
        ),
    ]
