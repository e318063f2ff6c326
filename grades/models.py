"""What Arbetsförmedlingen publishes about each contract: its results grade every second
month, and the results follow-up (participants and results per level) behind it."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from offices.models import Contract


class ResultGrade(models.Model):
    """Arbetsförmedlingen's results grade (1–4) for a contract, as published for a month.

    Save through grades.services.save_result_grades(), which keeps the contract's current
    grade (Contract.current_grade) equal to the latest month's."""

    class NoGradeReason(models.TextChoices):
        # AF's file says only "Betyg saknas": too few participants, or active less than
        # 12 months, and it does not say which.
        UNKNOWN = "unknown", _("Arbetsförmedlingen anger inte varför")
        TOO_FEW_PARTICIPANTS = "too_few_participants", _("för få deltagare")
        ACTIVE_LESS_THAN_12_MONTHS = (
            "active_less_than_12_months",
            _("aktiv kortare tid än 12 månader"),
        )
        NOT_MEASURED = "not_measured", _("inte mätt ännu")

    contract = models.ForeignKey(
        Contract,
        on_delete=models.CASCADE,
        related_name="result_grades",
        verbose_name=_("avtal"),
    )
    month = models.DateField(
        _("publicerat för månad"), help_text=_("Den första dagen i publiceringsmånaden.")
    )
    stars = models.PositiveSmallIntegerField(
        _("resultatbetyg (1–4)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
        help_text=_("Tomt när Arbetsförmedlingen skriver ”Betyg saknas”."),
    )
    no_grade_reason = models.CharField(
        _("orsak till att betyg saknas"),
        max_length=30,
        choices=NoGradeReason.choices,
        blank=True,
    )
    created_at = models.DateTimeField(_("importerad"), auto_now_add=True)

    history = HistoricalRecords(
        verbose_name=_("resultatbetyg (historik)"),
        verbose_name_plural=pgettext_lazy("plural", "resultatbetyg (historik)"),
    )

    class Meta:
        ordering = ["contract", "month"]
        verbose_name = _("resultatbetyg")
        verbose_name_plural = pgettext_lazy("plural", "resultatbetyg")
        constraints = [
            models.CheckConstraint(
                condition=Q(stars__isnull=True) | Q(stars__gte=1, stars__lte=4),
                name="grade_stars_1_to_4",
                violation_error_message=_("Resultatbetyget ska vara 1–4."),
            ),
            models.CheckConstraint(
                condition=(Q(stars__isnull=True) & ~Q(no_grade_reason=""))
                | (Q(stars__isnull=False) & Q(no_grade_reason="")),
                name="grade_reason_exactly_when_no_stars",
                violation_error_message=_(
                    "Ange antingen ett resultatbetyg eller varför betyg saknas, "
                    "inte båda och inte inget."
                ),
            ),
            models.CheckConstraint(
                condition=Q(month__day=1),
                name="grade_month_first_day",
                violation_error_message=_("Ange månaden som den första dagen i månaden."),
            ),
            models.UniqueConstraint(fields=["contract", "month"], name="grade_once_per_month"),
        ]

    def __str__(self):
        grade = f"{self.stars}/4" if self.stars else _("Betyg saknas")
        return f"KA {self.contract.ka_number}, {self.month:%Y-%m}: {grade}"


class ContractResult(models.Model):
    """One row of Arbetsförmedlingen's results follow-up: a contract's participants and
    results for a period. AF revises old periods in later files; the newest file wins."""

    contract = models.ForeignKey(
        Contract, on_delete=models.CASCADE, related_name="results", verbose_name=_("avtal")
    )
    period = models.DateField(_("period"), help_text=_("Den första dagen i periodens månad."))
    grade = models.PositiveSmallIntegerField(
        _("resultatbetyg (1–4)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
    )
    weighted_result = models.DecimalField(
        _("viktat resultatmått"), max_digits=8, decimal_places=4, null=True, blank=True
    )
    participants = models.PositiveIntegerField(_("antal deltagare"))
    participants_a = models.PositiveIntegerField(_("deltagare nivå A"))
    participants_b = models.PositiveIntegerField(_("deltagare nivå B"))
    participants_c = models.PositiveIntegerField(_("deltagare nivå C"))
    rr1_a = models.PositiveIntegerField(_("RR1 nivå A"))
    rr1_b = models.PositiveIntegerField(_("RR1 nivå B"))
    rr1_c = models.PositiveIntegerField(_("RR1 nivå C"))
    rr2_a = models.PositiveIntegerField(_("RR2 nivå A"))
    rr2_b = models.PositiveIntegerField(_("RR2 nivå B"))
    rr2_c = models.PositiveIntegerField(_("RR2 nivå C"))
    active_22_months = models.BooleanField(
        _("avtalet har varit aktivt i 22 månader"), null=True, blank=True
    )
    # None where AF's file for the period has no such column: unknown, never "no".
    risks_termination = models.BooleanField(_("riskerar hävning"), null=True, blank=True)
    source_file = models.CharField(_("fil"), max_length=200)
    edition = models.DateField(
        _("filens nyaste period"),
        help_text=_("En fil med en nyare period vinner över en äldre när de anger olika."),
    )
    imported_at = models.DateTimeField(_("importerad"), auto_now=True)

    history = HistoricalRecords(
        excluded_fields=["imported_at"],
        verbose_name=_("resultatuppföljning (historik)"),
        verbose_name_plural=pgettext_lazy("plural", "resultatuppföljning (historik)"),
    )

    class Meta:
        ordering = ["contract", "period"]
        verbose_name = _("resultatuppföljning")
        verbose_name_plural = pgettext_lazy("plural", "resultatuppföljning")
        constraints = [
            models.UniqueConstraint(fields=["contract", "period"], name="result_once_per_period"),
            models.CheckConstraint(
                condition=Q(period__day=1),
                name="result_period_first_day",
                violation_error_message=_("Ange perioden som den första dagen i månaden."),
            ),
            models.CheckConstraint(
                condition=Q(grade__isnull=True) | Q(grade__gte=1, grade__lte=4),
                name="result_grade_1_to_4",
                violation_error_message=_("Resultatbetyget ska vara 1–4."),
            ),
        ]

    def __str__(self):
        return f"KA {self.contract.ka_number}, {self.period:%Y-%m}"

    @property
    def job_or_studies(self):
        """Participants who got a job or began studies (RR1, all levels)."""
        return self.rr1_a + self.rr1_b + self.rr1_c


class ResultWeights(models.Model):
    """The weights of levels A–C in a period's weighted result measure, from the
    follow-up file's "Beräkningssnurra" sheet."""

    period = models.DateField(_("period"), unique=True)
    weight_a = models.DecimalField(_("vikt nivå A"), max_digits=9, decimal_places=6)
    weight_b = models.DecimalField(_("vikt nivå B"), max_digits=9, decimal_places=6)
    weight_c = models.DecimalField(_("vikt nivå C"), max_digits=9, decimal_places=6)
    source_file = models.CharField(_("fil"), max_length=200)
    edition = models.DateField(
        _("filens nyaste period"),
        help_text=_("En fil med en nyare period vinner över en äldre när de anger olika."),
    )

    class Meta:
        ordering = ["period"]
        verbose_name = _("vikter för resultatmåttet")
        verbose_name_plural = pgettext_lazy("plural", "vikter för resultatmåttet")

    def __str__(self):
        return f"{self.period:%Y-%m}"
