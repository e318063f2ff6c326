from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from offices.fields import KANumberField, PostalCodeField, format_postal_code
from offices.geo import distance_km
from offices.search import accent_insensitive_regex, search_words

LATITUDE_RANGE = Q(latitude__gte=-90) & Q(latitude__lte=90)
LONGITUDE_RANGE = Q(longitude__gte=-180) & Q(longitude__lte=180)


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


STALE_AFTER_DAYS = 180


class Accessibility(models.TextChoices):
    YES = "yes", _("Ja")
    NO = "no", _("Nej")
    UNKNOWN = "unknown", _("Vet inte")


def accessibility_field(label):
    return models.CharField(
        label, max_length=7, choices=Accessibility.choices, default=Accessibility.UNKNOWN
    )


ACCESSIBILITY_FIELDS = [
    "step_free_entrance",
    "accessible_toilet",
    "hearing_loop",
    "parking_nearby",
    "public_transport",
]


class County(models.Model):
    code = models.CharField(_("länskod"), max_length=2, unique=True)
    name = models.CharField(_("namn"), max_length=100)

    class Meta:
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

    objects = MunicipalityQuerySet.as_manager()

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

    def matching_text(self, text):
        """Offices where every word of `text` is part of the supplier's, the office's, the
        postal town's or the municipality's name, ignoring case and accents; none when `text`
        has no letters or digits."""
        words = search_words(text)
        if not words:
            return self.none()
        queryset = self
        for word in words:
            pattern = accent_insensitive_regex(word)
            queryset = queryset.filter(
                Q(supplier__name__iregex=pattern)
                | Q(name__iregex=pattern)
                | Q(postal_town__iregex=pattern)
                | Q(municipality__name__iregex=pattern)
            )
        return queryset

    def representatives(self, suppliers, municipality=None):
        """{supplier id: (office to compare from a search card, number of active offices)}.

        The office is the nearest to the municipality, or the first by name. One query for
        a page of suppliers."""
        offices = self.active().filter(supplier__in=suppliers).select_related("municipality")
        chosen, counts = {}, {}
        for office in offices.order_by("name"):
            counts[office.supplier_id] = counts.get(office.supplier_id, 0) + 1
            if municipality is not None:
                office.distance_km = office.distance_km_from(municipality)
            current = chosen.get(office.supplier_id)
            if current is None or (
                municipality is not None and office.distance_km < current.distance_km
            ):
                chosen[office.supplier_id] = office
        return {supplier_id: (chosen[supplier_id], counts[supplier_id]) for supplier_id in chosen}

    def for_comparison(self, ka_numbers):
        return (
            self.active()
            .filter(ka_number__in=ka_numbers)
            .select_related("supplier", "municipality__delivery_area")
            .prefetch_related("supplier__languages", "supplier__industries")
        )

    def for_caseworker_lookup(self):
        """What the caseworker lookup (/ka/) shows of each office, in one query."""
        return self.select_related("supplier", "municipality")


class Office(Verifiable):
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
    taking_participants = models.BooleanField(_("tar emot nya deltagare"), default=True)
    taking_participants_from = models.DateField(
        _("tar emot deltagare igen från"),
        null=True,
        blank=True,
        help_text=_("Om kontoret inte tar emot nya deltagare just nu: från vilket datum."),
    )
    step_free_entrance = accessibility_field(_("entré utan trappsteg"))
    accessible_toilet = accessibility_field(_("tillgänglig toalett"))
    hearing_loop = accessibility_field(_("hörslinga"))
    parking_nearby = accessibility_field(_("parkering i närheten"))
    public_transport = accessibility_field(_("nära kollektivtrafik"))
    accessibility_notes = models.TextField(_("mer om tillgänglighet"), blank=True)
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
    def is_available(self):
        """Job seekers can choose the office: it and its supplier are both active."""
        return self.is_active and self.supplier.is_active

    @property
    def postal_code_display(self):
        return format_postal_code(self.postal_code)

    @property
    def accessibility(self):
        """[(label, value, display)] for each accessibility question."""
        return [
            (
                self._meta.get_field(name).verbose_name,
                getattr(self, name),
                getattr(self, f"get_{name}_display")(),
            )
            for name in ACCESSIBILITY_FIELDS
        ]

    def distance_km_from(self, municipality):
        """Kilometres from the municipality's centroid; an office without coordinates of
        its own counts as lying at its own municipality's centroid."""
        if self.latitude is None or self.longitude is None:
            position = self.municipality.latitude, self.municipality.longitude
        else:
            position = self.latitude, self.longitude
        return distance_km(municipality.latitude, municipality.longitude, *position)

    @property
    def full_address(self):
        return f"{self.street_address}, {self.postal_code_display} {self.postal_town}"
