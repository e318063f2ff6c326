from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReviewQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Review.Status.APPROVED).order_by("-created_at", "-pk")


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
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("skapat"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("ändrat"), auto_now=True)

    objects = ReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("omdöme")
        verbose_name_plural = _("omdömen")
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__gte=1) & Q(rating__lte=5), name="review_rating_1_to_5"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["pending", "approved", "rejected"]),
                name="review_status_known",
            ),
        ]
        indexes = [
            models.Index(fields=["supplier", "status"], name="review_supplier_status"),
            models.Index(fields=["status", "created_at"], name="review_status_created"),
        ]

    def __str__(self):
        return f"{self.rating}/5 – {self.supplier}"
