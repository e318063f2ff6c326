"""Where things are: Sweden's counties and municipalities, and Arbetsförmedlingen's delivery
areas and regions. The bottom of the house: suppliers, contracts and offices point here.

The tables keep the names they had when these models lived in `offices`."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

LATITUDE_RANGE = Q(latitude__gte=-90) & Q(latitude__lte=90)
LONGITUDE_RANGE = Q(longitude__gte=-180) & Q(longitude__lte=180)


class County(models.Model):
    code = models.CharField(_("länskod"), max_length=2, unique=True)
    name = models.CharField(_("namn"), max_length=100)

    class Meta:
        db_table = "offices_county"
        ordering = ["code"]
        verbose_name = _("län")
        verbose_name_plural = _("län")

    def __str__(self):
        return self.name


class MunicipalityQuerySet(models.QuerySet):
    def from_query(self, code):
        """The municipality with this SCB code typed in a URL, or None for anything else."""
        if len(code) == 4 and code.isascii() and code.isdigit():
            return self.filter(code=code).first()
        return None


class AfRegion(models.TextChoices):
    """Arbetsförmedlingen's six regions, as its files name them."""

    NORD = "Nord", "Nord"
    MITT = "Mitt", "Mitt"
    VAST = "Väst", "Väst"
    OST = "Öst", "Öst"
    SYD = "Syd", "Syd"
    STOCKHOLM_GOTLAND = "Stockholm-Gotland", "Stockholm-Gotland"


class DeliveryArea(models.Model):
    """Arbetsförmedlingen's leveransområde: a contract is one supplier in one area, and AF's
    grade is given per contract. Each area belongs to one AF region."""

    code = models.SlugField(_("kod"), max_length=100, unique=True)
    name = models.CharField(_("namn"), max_length=100, unique=True)
    region = models.CharField(
        _("Arbetsförmedlingens region"),
        max_length=20,
        choices=AfRegion.choices,
        blank=True,
        help_text=_("Tomt bara för områden från tiden före Arbetsförmedlingens egna listor."),
    )

    class Meta:
        db_table = "offices_deliveryarea"
        ordering = ["name"]
        verbose_name = _("leveransområde")
        verbose_name_plural = _("leveransområden")

    def __str__(self):
        return self.name


class Municipality(models.Model):
    code = models.CharField(_("kommunkod"), max_length=4, unique=True)
    name = models.CharField(_("namn"), max_length=100)
    county = models.ForeignKey(
        County, on_delete=models.PROTECT, related_name="municipalities", verbose_name=_("län")
    )
    # Null only until the reference data is loaded (see places/reference_data.py).
    delivery_area = models.ForeignKey(
        DeliveryArea,
        on_delete=models.PROTECT,
        null=True,
        related_name="municipalities",
        verbose_name=_("leveransområde"),
    )
    latitude = models.FloatField(_("latitud (mittpunkt)"))
    longitude = models.FloatField(_("longitud (mittpunkt)"))

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        db_table = "offices_municipality"
        ordering = ["name"]
        verbose_name = _("kommun")
        verbose_name_plural = _("kommuner")
        constraints = [
            models.CheckConstraint(
                condition=Q(LATITUDE_RANGE) & Q(LONGITUDE_RANGE),
                name="municipality_centroid_on_earth",
            ),
        ]

    def __str__(self):
        return self.name
