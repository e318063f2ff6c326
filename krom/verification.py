"""When shown data was last checked and where it came from: shared by suppliers, contracts
and offices."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

STALE_AFTER_DAYS = 180


class DataSource(models.TextChoices):
    SUPPLIER = "supplier", _("leverantören själv")
    ARBETSFORMEDLINGEN = "af_list", _("Arbetsförmedlingens publicerade lista")
    ADMIN = "admin", _("kontroll av Matchningskollen")


class Verifiable(models.Model):
    """When the data was last checked, and where it came from."""

    verified_at = models.DateField(_("uppgifterna kontrollerades"), null=True, blank=True)
    data_source = models.CharField(
        _("källa"), max_length=20, choices=DataSource.choices, blank=True
    )
    source_note = models.CharField(
        _("om källan"),
        max_length=200,
        blank=True,
        help_text=_("Till exempel listans datum: ”Arbetsförmedlingens lista 1 oktober 2026”."),
    )

    class Meta:
        abstract = True

    @property
    def verification_is_stale(self):
        """Not checked at all, or not within STALE_AFTER_DAYS."""
        if self.verified_at is None:
            return True
        return (timezone.localdate() - self.verified_at).days > STALE_AFTER_DAYS
