"""Contracts (KA-numbers) and their offices.

Longer than 300 lines because Office carries Arbetsförmedlingen's address fields and five
accessibility answers, and both querysets state the rule for what a job seeker may choose
(available_office), which must read contract and office together."""

import re

from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from krom.verification import Verifiable
from offices.fields import KANumberField, PostalCodeField, format_postal_code
from offices.search import accent_insensitive_regex, fold, search_words
from places.geo import bounding_box, distance_km, distance_km_expression
from places.models import LATITUDE_RANGE, LONGITUDE_RANGE, DeliveryArea, Municipality

URL_KEY = re.compile(r"(?P<id>[0-9]{1,10})(?P<name>-[-a-z0-9_]*)?")


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


class ContractQuerySet(models.QuerySet):
    def in_force(self):
        """Contracts a job seeker can be placed with: in force, listed by Arbetsförmedlingen
        (or never synced), with an active supplier."""
        return self.filter(
            in_force=True, no_longer_listed_on__isnull=True, supplier__is_active=True
        )

    def matching_text(self, text):
        """Contracts where every word of `text` is part of the supplier's name (or a name
        the contract has had in Arbetsförmedlingen's files), the delivery area's, or one of
        its offices' names, postal towns or municipalities; ignoring case and accents.

        Each kind of name is searched once (the supplier's through its folded search
        name), not once per contract."""
        words = search_words(text)
        if not words:
            return self.none()
        queryset = self
        for word in words:
            pattern = accent_insensitive_regex(word)
            offices = Office.objects.filter(
                Q(name__iregex=pattern)
                | Q(postal_town__iregex=pattern)
                | Q(municipality__in=Municipality.objects.filter(name__iregex=pattern))
            )
            queryset = queryset.filter(
                Q(supplier__search_name__contains=fold(word))
                | Q(delivery_area__in=DeliveryArea.objects.filter(name__iregex=pattern))
                | Q(pk__in=ContractName.objects.filter(name__iregex=pattern).values("contract"))
                | Q(pk__in=offices.values("contract"))
            )
        return queryset

    def for_caseworker_lookup(self):
        """What the caseworker lookup (/ka/) shows of each contract: its supplier, area,
        offices and Arbetsförmedlingen's grades, in a fixed number of queries."""
        return self.select_related("supplier", "delivery_area").prefetch_related(
            models.Prefetch(
                "offices",
                queryset=Office.objects.select_related("municipality").order_by("name"),
            ),
            "result_grades",
        )


class Contract(Verifiable):
    """An agreement (avtal) between Arbetsförmedlingen and one supplier for one delivery
    area, identified by its KA-number. All the contract's offices share that number."""

    ka_number = KANumberField(
        _("KA-nummer"),
        unique=True,
        null=True,
        blank=True,
        help_text=_(
            "Arbetsförmedlingens nummer för avtalet: 8 siffror, till exempel 10072909. "
            "Alla avtalets kontor har samma nummer."
        ),
        error_messages={"unique": _("Ett annat avtal har redan det här KA-numret.")},
    )
    supplier = models.ForeignKey(
        "suppliers.Supplier",
        on_delete=models.PROTECT,
        related_name="contracts",
        verbose_name=_("leverantör"),
    )
    delivery_area = models.ForeignKey(
        DeliveryArea,
        on_delete=models.PROTECT,
        related_name="contracts",
        verbose_name=_("leveransområde"),
    )
    delivery_area_guessed = models.BooleanField(
        _("leveransområdet är gissat"),
        default=False,
        editable=False,
        help_text=_(
            "Avtalet kom från ”Sök leverantör”, som inte anger leveransområde: området är "
            "gissat från första adressen tills Arbetsförmedlingens filer anger det."
        ),
    )
    start_date = models.DateField(_("avtalet började"), null=True, blank=True)
    # Arbetsförmedlingen's latest published grade, kept by grades.services whenever grades
    # are imported, so that search and pages read it without scanning the history.
    current_grade = models.PositiveSmallIntegerField(
        _("aktuellt resultatbetyg"), null=True, blank=True, editable=False
    )
    current_grade_month = models.DateField(
        _("månad för aktuellt betyg"), null=True, blank=True, editable=False
    )
    in_force = models.BooleanField(
        _("gäller"),
        default=True,
        help_text=_("Ett avtal som har upphört visas inte i sökningen och kan inte väljas."),
    )
    ended_on = models.DateField(_("upphörde"), null=True, blank=True)
    no_longer_listed_on = models.DateField(
        _("inte längre listat sedan"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Saknades i Arbetsförmedlingens ”Sök leverantör” vid synkningen den dagen."),
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)

    objects = ContractQuerySet.as_manager()
    # The current grade follows the grades' own history (grades.services).
    history = HistoricalRecords(
        excluded_fields=["current_grade", "current_grade_month", "updated_at"],
        verbose_name=_("avtal (historik)"),
        verbose_name_plural=pgettext_lazy("plural", "avtal (historik)"),
    )

    class Meta:
        ordering = ["ka_number"]
        verbose_name = _("avtal")
        verbose_name_plural = pgettext_lazy("plural", "avtal")
        constraints = [
            # Arbetsförmedlingen's numbers have 8 digits (validated in forms); contracts
            # migrated from the time when each office had its own number may have 5–10.
            models.CheckConstraint(
                condition=Q(current_grade__isnull=True)
                | Q(current_grade__gte=1, current_grade__lte=4),
                name="contract_current_grade_1_to_4",
                violation_error_message=_("Resultatbetyget ska vara 1–4."),
            ),
            models.CheckConstraint(
                condition=Q(ka_number__isnull=True)
                | (Q(ka_number__length__gte=5) & Q(ka_number__length__lte=10)),
                name="contract_ka_number_5_to_10_characters",
                violation_error_message=_(
                    "Ett KA-nummer har 8 siffror (äldre nummer 5–10 siffror)."
                ),
            ),
        ]
        indexes = [
            models.Index(fields=["supplier", "in_force"], name="contract_supplier_in_force"),
            models.Index(fields=["delivery_area", "in_force"], name="contract_area_in_force"),
            models.Index(fields=["current_grade"], name="contract_current_grade"),
        ]

    def __str__(self):
        number = self.ka_number or _("utan KA-nummer")
        return f"{number}: {self.supplier} – {self.delivery_area}"

    @property
    def is_available(self):
        """Job seekers can choose the contract: it is in force, listed by Arbetsförmedlingen
        and its supplier active."""
        return self.in_force and self.no_longer_listed_on is None and self.supplier.is_active

    @property
    def grade_history(self):
        """Arbetsförmedlingen's grades for the contract, oldest month first (uses the
        prefetched result_grades where there are any)."""
        return sorted(self.result_grades.all(), key=lambda grade: grade.month)


class ContractName(models.Model):
    """A name the contract's supplier has had in Arbetsförmedlingen's files: names change
    (a takeover) and are spelt differently from file to file, while the KA-number stays."""

    contract = models.ForeignKey(
        Contract, on_delete=models.CASCADE, related_name="names", verbose_name=_("avtal")
    )
    name = models.CharField(_("namn"), max_length=200)
    first_seen = models.DateField(_("först sedd"))
    last_seen = models.DateField(_("senast sedd"))

    class Meta:
        ordering = ["contract", "first_seen", "name"]
        verbose_name = _("namn i Arbetsförmedlingens filer")
        verbose_name_plural = pgettext_lazy("plural", "namn i Arbetsförmedlingens filer")
        constraints = [
            models.UniqueConstraint(fields=["contract", "name"], name="contract_name_once"),
            models.CheckConstraint(
                condition=Q(first_seen__lte=models.F("last_seen")),
                name="contract_name_seen_in_order",
                violation_error_message=_(
                    "”Först sedd” ska vara samma dag som eller före ”senast sedd”."
                ),
            ),
        ]

    def __str__(self):
        return self.name


def available_office(prefix=""):
    """The rule for an office a job seeker can find and choose, as a Q: the office is active
    and listed, and its contract in force and listed (its supplier's being active is
    checked where the query starts from offices). `prefix` reaches offices from elsewhere,
    e.g. "offices__"."""
    return Q(
        **{
            f"{prefix}is_active": True,
            f"{prefix}no_longer_listed_on__isnull": True,
            f"{prefix}contract__in_force": True,
            f"{prefix}contract__no_longer_listed_on__isnull": True,
        }
    )


def office_distance_km(municipality):
    """An office's distance from the municipality's centroid, as a query expression; an
    office without coordinates of its own counts as lying at its municipality's centroid
    (as Office.distance_km_from())."""
    return distance_km_expression(
        municipality.latitude,
        municipality.longitude,
        Coalesce("latitude", "municipality__latitude"),
        Coalesce("longitude", "municipality__longitude"),
    )


class OfficeQuerySet(models.QuerySet):
    def active(self):
        """Offices a job seeker can find and choose."""
        return self.filter(available_office(), supplier__is_active=True)

    def choosable(self):
        """Offices a job seeker can choose now: active, and taking new participants."""
        return self.active().filter(taking_participants=True)

    def within_km_of(self, municipality, km):
        """Offices at most `km` from the municipality's centroid. A bounding box on the
        indexed coordinates (and, for offices without their own, on their municipality's
        centroid) picks the candidates, so only offices near the place are measured."""
        south, north, west, east = bounding_box(municipality.latitude, municipality.longitude, km)
        box = {"latitude__range": (south, north), "longitude__range": (west, east)}
        nearby_centroids = Municipality.objects.filter(**box)
        return (
            self.filter(Q(**box) | Q(latitude__isnull=True, municipality__in=nearby_centroids))
            .alias(distance_km=office_distance_km(municipality))
            .filter(distance_km__lte=km)
        )

    def representing(self, suppliers):
        """{supplier id: office} for suppliers annotated by
        Supplier.objects.with_representative_office(): one query for a page of cards."""
        ids = [s.representative_office for s in suppliers if s.representative_office]
        offices = self.filter(pk__in=ids).select_related("municipality", "contract__delivery_area")
        return {office.supplier_id: office for office in offices}

    def for_comparison(self, office_ids):
        return (
            self.active()
            .filter(pk__in=office_ids)
            .select_related("supplier", "municipality", "contract__delivery_area")
            .prefetch_related("supplier__languages", "supplier__industries")
        )

    def from_url_key(self, key):
        """The office a URL names: '<id>-<name>' as Office.url_key makes it, or a bare
        number, the office's own KA-number from before contracts (old shared links).
        None for anything else."""
        match = URL_KEY.fullmatch(key or "")
        if match is None:
            return None
        office_id, legacy = match.group("id"), match.group("name") is None
        if legacy:
            return self.filter(legacy_ka_number=office_id).first()
        return self.filter(pk=int(office_id)).first()


class Office(Verifiable):
    contract = models.ForeignKey(
        Contract,
        on_delete=models.PROTECT,
        related_name="offices",
        verbose_name=_("avtal"),
        help_text=_("Kontoret har avtalets KA-nummer."),
    )
    # The contract's supplier, kept here for the search's joins: set from the contract by
    # save() and by offices.services.save_contract() when a contract changes hands.
    supplier = models.ForeignKey(
        "suppliers.Supplier",
        on_delete=models.CASCADE,
        related_name="offices",
        verbose_name=_("leverantör"),
        editable=False,
    )
    name = models.CharField(_("kontorets namn"), max_length=200)
    legacy_ka_number = models.CharField(
        _("tidigare eget KA-nummer"),
        max_length=10,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text=_("Från tiden då varje kontor hade ett eget nummer: gamla länkar leder hit."),
    )
    af_address_id = models.CharField(
        _("Arbetsförmedlingens adress-id"),
        max_length=20,
        blank=True,
        help_text=_("Adressens id i Arbetsförmedlingens ”Sök leverantör”, när det är känt."),
    )
    no_longer_listed_on = models.DateField(
        _("inte längre listat sedan"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Saknades i Arbetsförmedlingens ”Sök leverantör” vid synkningen den dagen."),
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
    history = HistoricalRecords(
        excluded_fields=["updated_at"],
        verbose_name=_("kontor (historik)"),
        verbose_name_plural=pgettext_lazy("plural", "kontor (historik)"),
    )

    class Meta:
        ordering = ["supplier__name", "name"]
        verbose_name = _("kontor")
        verbose_name_plural = _("kontor")
        constraints = [
            models.UniqueConstraint(
                fields=["contract", "af_address_id"],
                condition=~Q(af_address_id=""),
                name="office_af_address_once_per_contract",
                violation_error_message=_(
                    "Avtalet har redan ett kontor med det här adress-id:t från Arbetsförmedlingen."
                ),
            ),
            models.CheckConstraint(
                condition=Q(postal_code__length=5),
                name="office_postal_code_5_characters",
                violation_error_message=_(
                    "Ett postnummer består av fem siffror, till exempel 123 45."
                ),
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
                violation_error_message=_(
                    "Ange både latitud (−90 till 90) och longitud (−180 till 180), "
                    "eller ingen av dem."
                ),
            ),
        ]
        indexes = [
            models.Index(fields=["municipality", "is_active"], name="office_municipality_active"),
            models.Index(fields=["supplier", "is_active"], name="office_supplier_active"),
            models.Index(fields=["postal_town"], name="office_postal_town"),
            models.Index(fields=["latitude", "longitude"], name="office_coordinates"),
        ]

    def __str__(self):
        return f"{self.name} (KA {self.contract.ka_number})"

    def save(self, *args, **kwargs):
        self.supplier_id = self.contract.supplier_id
        super().save(*args, **kwargs)

    @property
    def ka_number(self):
        """The office's contract's KA-number: what the job seeker tells the caseworker."""
        return self.contract.ka_number

    @property
    def url_key(self):
        """The office in URLs: its id, then its name for people reading the link."""
        return f"{self.pk}-{slugify(self.name) or 'kontor'}"

    @property
    def is_available(self):
        """Job seekers can choose the office: it is active and listed, and so is its
        contract."""
        return self.is_active and self.no_longer_listed_on is None and self.contract.is_available

    @property
    def is_choosable(self):
        """A job seeker can choose the office now: it is available and takes new
        participants."""
        return self.is_available and self.taking_participants

    @property
    def position(self):
        """(latitude, longitude): the office's own, or its municipality's centroid."""
        if self.latitude is None or self.longitude is None:
            return self.municipality.latitude, self.municipality.longitude
        return self.latitude, self.longitude

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
