from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from offices.fields import KANumberField, PostalCodeField, format_postal_code
from offices.geo import distance_km_expression

LATITUDE_RANGE = Q(latitude__gte=-90) & Q(latitude__lte=90)
LONGITUDE_RANGE = Q(longitude__gte=-180) & Q(longitude__lte=180)


class County(models.Model):
    code = models.CharField(_("länskod"), max_length=2, unique=True)
    name = models.CharField(_("namn"), max_length=100)

    class Meta:
        ordering = ["code"]
        verbose_name = _("län")
        verbose_name_plural = _("län")

    def __str__(self):
        return self.name


class DeliveryArea(models.Model):
    """Arbetsförmedlingen's leveransområde: the area a supplier's results grade is given for.
    Every municipality belongs to exactly one."""

    code = models.SlugField(_("kod"), max_length=100, unique=True)
    name = models.CharField(_("namn"), max_length=100, unique=True)

    class Meta:
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
    # Null only until the reference data is loaded (see krom/reference_data.py).
    delivery_area = models.ForeignKey(
        DeliveryArea,
        on_delete=models.PROTECT,
        null=True,
        related_name="municipalities",
        verbose_name=_("leveransområde"),
    )
    latitude = models.FloatField(_("latitud (mittpunkt)"))
    longitude = models.FloatField(_("longitud (mittpunkt)"))

    class Meta:
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


class OfficeQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True, supplier__is_active=True)

    def with_place(self):
        return self.select_related("supplier", "municipality__county")

    def with_distance_from(self, municipality):
        """Annotate distance_km from the municipality's centroid; an office without
        coordinates of its own counts as lying at its municipality's centroid."""
        return self.annotate(
            position_latitude=Coalesce("latitude", "municipality__latitude"),
            position_longitude=Coalesce("longitude", "municipality__longitude"),
            distance_km=distance_km_expression(
                municipality.latitude,
                municipality.longitude,
                "position_latitude",
                "position_longitude",
            ),
        )


class Office(models.Model):
    supplier = models.ForeignKey(
        "suppliers.Supplier",
        on_delete=models.CASCADE,
        related_name="offices",
        verbose_name=_("leverantör"),
    )
    name = models.CharField(_("kontorets namn"), max_length=200)
    ka_number = KANumberField(
        _("KA-nummer"),
        unique=True,
        help_text=_("Arbetsförmedlingens nummer för kontoret, 5–10 siffror."),
        error_messages={"unique": _("Ett annat kontor har redan det här KA-numret.")},
    )
    street_address = models.CharField(_("gatuadress"), max_length=200)
    postal_code = PostalCodeField(_("postnummer"))
    postal_town = models.CharField(_("ort"), max_length=100)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="offices",
        verbose_name=_("kommun"),
    )
    latitude = models.FloatField(_("latitud"), null=True, blank=True)
    longitude = models.FloatField(_("longitud"), null=True, blank=True)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    email = models.EmailField(_("e-post"), blank=True)
    is_active = models.BooleanField(_("aktivt"), default=True)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)

    objects = OfficeQuerySet.as_manager()

    class Meta:
        ordering = ["supplier__name", "name"]
        verbose_name = _("kontor")
        verbose_name_plural = _("kontor")
        constraints = [
            models.CheckConstraint(
                condition=Q(ka_number__length__gte=5) & Q(ka_number__length__lte=10),
                name="office_ka_number_5_to_10_characters",
            ),
            models.CheckConstraint(
                condition=Q(postal_code__length=5),
                name="office_postal_code_5_characters",
            ),
            models.CheckConstraint(
                condition=(Q(latitude__isnull=True) & Q(longitude__isnull=True))
                | (
                    Q(latitude__isnull=False)
                    & Q(longitude__isnull=False)
                    & Q(LATITUDE_RANGE)
                    & Q(LONGITUDE_RANGE)
                ),
                name="office_coordinates_both_or_none_on_earth",
            ),
        ]
        indexes = [
            models.Index(fields=["municipality", "is_active"], name="office_municipality_active"),
            models.Index(fields=["supplier", "is_active"], name="office_supplier_active"),
            models.Index(fields=["postal_town"], name="office_postal_town"),
        ]

    def __str__(self):
        return f"{self.name} (KA {self.ka_number})"

    @property
    def postal_code_display(self):
        return format_postal_code(self.postal_code)

    @property
    def position(self):
        """(latitude, longitude), or the municipality's centroid when the office has none."""
        if self.latitude is None or self.longitude is None:
            return self.municipality.latitude, self.municipality.longitude
        return self.latitude, self.longitude

    @property
    def full_address(self):
        return f"{self.street_address}, {self.postal_code_display} {self.postal_town}"
