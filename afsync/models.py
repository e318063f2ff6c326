from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OfficeSync(models.Model):
    """A dated snapshot of one applied sync with Arbetsförmedlingen's "Sök leverantör": the
    counts, and which contracts and offices appeared and disappeared, so that an admin can
    see when a supplier vanished."""

    synced_at = models.DateTimeField(_("synkad"), default=timezone.now)
    source = models.CharField(_("källa"), max_length=500)
    synced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("synkad av"),
        help_text=_("Tomt när kommandot sync_af_offices körde synkningen."),
    )
    listed_contracts = models.PositiveIntegerField(_("listade avtal"))
    listed_offices = models.PositiveIntegerField(_("listade kontor"))
    counts = models.JSONField(_("antal"), default=dict)
    appeared = models.JSONField(_("nya i listan"), default=list)
    disappeared = models.JSONField(_("borta ur listan"), default=list)

    class Meta:
        ordering = ["-synced_at"]
        verbose_name = _("synkning med Sök leverantör")
        verbose_name_plural = _("synkningar med Sök leverantör")

    def __str__(self):
        return f"{timezone.localtime(self.synced_at):%Y-%m-%d %H:%M}"
