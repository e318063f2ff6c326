import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from reviews.personal_data import KINDS, describe


def validate_first_of_month(value):
    """A participation month is stored as the first day of that month.

    Not a database constraint: extracting the day portably is not possible in a SQLite
    CHECK constraint without Django's own SQL functions.
    """
    if value is not None and value.day != 1:
        raise ValidationError(_("Ange månaden som den första dagen i månaden."), code="not_first")


# What a moderator's redaction leaves in the comment, where the removed words were.
REDACTION_MARK = "[borttaget av moderator]"


def comment_fingerprint(comment):
    """The same text, whatever its case and spacing, gives the same fingerprint."""
    normalized = " ".join(comment.casefold().split())
    return hashlib.sha256(normalized.encode()).hexdigest() if normalized else ""


class ReviewQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Review.Status.APPROVED)

    def for_review_list(self):
        """Approved reviews newest first, with what _review.html shows."""
        return self.approved().select_related("office").order_by("-created_at", "-pk")


class Review(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Väntar på granskning")
        APPROVED = "approved", _("Godkänt")
        REJECTED = "rejected", _("Avslaget")

    supplier = models.ForeignKey(
        "suppliers.Supplier",
        on_delete=models.CASCADE,
        related_name="reviews",
        verbose_name=_("leverantör"),
    )
    office = models.ForeignKey(
        "offices.Office",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reviews",
        verbose_name=_("kontor"),
    )
    rating = models.PositiveSmallIntegerField(_("betyg (1–5)"))
    comment = models.TextField(_("kommentar"), max_length=2000, blank=True)
    # Empty for reviews made before the month was asked for (demo data among them).
    participation_month = models.DateField(
        _("deltagandet slutade (månad)"),
        null=True,
        blank=True,
        validators=[validate_first_of_month],
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("granskat av"),
    )
    moderated_at = models.DateTimeField(_("granskat"), null=True, blank=True)
    # A moderator never rewrites a participant's words: a redaction replaces passages
    # with REDACTION_MARK, shown as such, and the words as written are kept here.
    original_comment = models.TextField(
        _("kommentaren som deltagaren skrev den"), blank=True, editable=False
    )
    redacted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("redigerat av"),
    )
    redacted_at = models.DateTimeField(_("redigerat"), null=True, blank=True, editable=False)
    # The kinds of personal data the text seemed to hold when it was sent (keys of
    # reviews.personal_data.KINDS, comma-separated); the writer was warned and sent it anyway.
    personal_data = models.CharField(
        _("kan innehålla personuppgifter"), max_length=100, blank=True, editable=False
    )
    rejection_reason = models.TextField(_("skäl till avslag"), max_length=500, blank=True)
    # Abuse control: a salted hash of the writer's network address, erased after
    # 30 days by `manage.py purge_review_client_hashes`. Never the address itself.
    client_hash = models.CharField(_("klientkod (hash)"), max_length=64, blank=True, editable=False)
    comment_fingerprint = models.CharField(
        _("textens fingeravtryck"), max_length=64, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("skapat"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("ändrat"), auto_now=True)

    objects = ReviewQuerySet.as_manager()
    # Never the writer's client hash: it is erased after 30 days and must not live on here.
    history = HistoricalRecords(
        excluded_fields=["client_hash", "comment_fingerprint", "updated_at"],
        verbose_name=_("omdöme (historik)"),
        verbose_name_plural=_("omdömen (historik)"),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("omdöme")
        verbose_name_plural = _("omdömen")
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__gte=1) & Q(rating__lte=5),
                name="review_rating_1_to_5",
                violation_error_message=_("Betyget ska vara 1–5."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=["pending", "approved", "rejected"]),
                name="review_status_known",
                violation_error_message=_("Välj en status i listan."),
            ),
            models.CheckConstraint(
                condition=Q(status="rejected") | Q(rejection_reason=""),
                name="review_rejection_reason_only_when_rejected",
                violation_error_message=_("Bara ett avslaget omdöme har ett skäl till avslag."),
            ),
            models.CheckConstraint(
                condition=Q(original_comment="") | Q(redacted_at__isnull=False),
                name="review_redaction_recorded",
                violation_error_message=_(
                    "Ett borttaget stycke ska ha tid och moderator, "
                    "så att det syns vem som ändrade."
                ),
            ),
        ]
        indexes = [
            models.Index(fields=["supplier", "status"], name="review_supplier_status"),
            models.Index(fields=["status", "created_at"], name="review_status_created"),
        ]

    def __str__(self):
        return f"{self.rating}/5 – {self.supplier}"

    @property
    def is_redacted(self):
        return self.redacted_at is not None

    def personal_data_kinds(self):
        return [kind for kind in self.personal_data.split(",") if kind in KINDS]

    def personal_data_description(self):
        """The kinds of personal data flagged, in words ("telefonnummer och e-postadress")."""
        return describe(self.personal_data_kinds())

    def clean(self):
        this_month = timezone.localdate().replace(day=1)
        if self.participation_month and self.participation_month > this_month:
            raise ValidationError(
                {"participation_month": _("Månaden kan inte ligga i framtiden.")}, code="future"
            )
        if self.office_id and self.supplier_id and self.office.supplier_id != self.supplier_id:
            raise ValidationError({"office": _("Kontoret hör till en annan leverantör.")})
