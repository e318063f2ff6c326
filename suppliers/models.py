"""The suppliers' models: Supplier with its search queryset, its names, languages and
occupation fields, and the error reports about it.

Longer than 300 lines because SupplierQuerySet holds the whole search in one place (each
filter a method the search's FilterSet calls; the orders are in suppliers/search_order.py),
as the house style asks; splitting the queryset from its model would only add an import
between two halves of one thing."""

from contextlib import contextmanager

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import (
    Count,
    Exists,
    F,
    FloatField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Cast, Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from krom.verification import Verifiable
from offices.models import Accessibility, Contract, Office, available_office, office_distance_km
from suppliers.fields import OrganisationNumberField, format_organisation_number
from suppliers.names import folded, name_match_key, swedish_sort_key


class ReferenceNames(models.Model):
    """A reference name (a language, an industry) in every UI language: Swedish and English
    in their own columns, the others in `names` ({"ar": …, "so": …}), all loaded from
    fixtures/reference/*.csv by `manage.py load_reference_data`."""

    name_sv = models.CharField(_("namn på svenska"), max_length=150)
    name_en = models.CharField(_("namn på engelska"), max_length=150)
    names = models.JSONField(
        _("namn på gränssnittets andra språk"),
        default=dict,
        blank=True,
        help_text=_('Språkkod och namn, till exempel {"ar": "…", "so": "…"}.'),
    )

    class Meta:
        abstract = True
        ordering = ["name_sv"]

    def __str__(self):
        return self.name_sv

    def name_in(self, language):
        """(name, language of that name): the English name where a language lacks one."""
        if language == "sv":
            return self.name_sv, "sv"
        name = self.names.get(language) if language != "en" else None
        return (name, language) if name else (self.name_en, "en")

    def name_in_ui_language(self):
        return self.name_in(get_language())

    @property
    def display_name(self):
        return self.name_in_ui_language()[0]

    @property
    def display_name_html(self):
        """display_name, marked with its language where it differs from the page's, so that
        screen readers pronounce it right (WCAG 3.1.2)."""
        name, name_language = self.name_in_ui_language()
        if name_language == get_language():
            return name
        return format_html('<span lang="{}" dir="auto">{}</span>', name_language, name)


class Language(ReferenceNames):
    code = models.CharField(
        _("språkkod"),
        max_length=3,
        unique=True,
        help_text=_("ISO 639-1 (två bokstäver) där en sådan finns, annars ISO 639-3."),
    )
    native_name = models.CharField(_("namn på språket självt"), max_length=100)

    class Meta(ReferenceNames.Meta):
        verbose_name = _("språk")
        verbose_name_plural = _("språk")

    def name_in(self, language):
        if language == self.code:
            return self.native_name, self.code
        return super().name_in(language)

    @property
    def label(self):
        """The name in the UI language with the language's own name beside it."""
        name = self.display_name
        return name if name == self.native_name else f"{name} — {self.native_name}"

    @property
    def label_html(self):
        """label, with each part marked with its language."""
        native = format_html('<span lang="{}" dir="auto">{}</span>', self.code, self.native_name)
        if self.display_name == self.native_name:
            return native
        return format_html("{} — {}", self.display_name_html, native)


class Industry(ReferenceNames):
    slug = models.SlugField(_("kortnamn"), max_length=100, unique=True)

    class Meta(ReferenceNames.Meta):
        verbose_name = _("bransch (yrkesområde)")
        verbose_name_plural = _("branscher (yrkesområden)")

    @property
    def label_html(self):
        return self.display_name_html


# Weight of the prior in the Bayesian average: a supplier's own reviews count as much as
# the overall mean once it has this many. 5.0 from one review then ranks below 4.6 from 200.
BAYESIAN_PRIOR_WEIGHT = 10


class SupplierQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def searchable(self):
        """Active suppliers with an active office a job seeker can choose, or with a
        contract in force whose offices are not known yet (created from Arbetsförmedlingen's
        files before the offices are synced)."""
        active_offices = Office.objects.active().filter(supplier=OuterRef("pk"))
        contracts_without_offices = (
            Contract.objects.in_force().filter(supplier=OuterRef("pk"))
        ).exclude(Exists(Office.objects.filter(contract=OuterRef("pk"))))
        return self.active().filter(Exists(active_offices) | Exists(contracts_without_offices))

    def speaking_any_of(self, languages):
        links = Supplier.languages.through.objects.filter(
            supplier=OuterRef("pk"), language__in=languages
        )
        return self.filter(Exists(links))

    def in_any_of_industries(self, industries):
        links = Supplier.industries.through.objects.filter(
            supplier=OuterRef("pk"), industry__in=industries
        )
        return self.filter(Exists(links))

    def remote(self):
        return self.filter(offers_remote=True)

    def with_step_free_office(self):
        step_free = Office.objects.active().filter(
            supplier=OuterRef("pk"), step_free_entrance=Accessibility.YES
        )
        return self.filter(Exists(step_free))

    def taking_participants(self):
        open_offices = Office.objects.active().filter(
            supplier=OuterRef("pk"), taking_participants=True
        )
        return self.filter(Exists(open_offices))

    def rated_at_least(self, minimum):
        """Average of approved reviews >= minimum (suppliers without reviews excluded)."""
        return self.filter(review_count__gt=0, rating_sum__gte=F("review_count") * minimum)

    def named_like(self, text):
        return self.filter(search_name__contains=folded(text))

    def with_distance_from(self, municipality):
        """Annotate nearest_office_km and offices_in_municipality for a chosen municipality.

        Subqueries on each supplier's own active offices: the database evaluates them only
        for the suppliers it returns (not for a count), unless the order needs them."""
        offices = Office.objects.filter(available_office(), supplier=OuterRef("pk"))
        nearest = (
            offices.annotate(km=office_distance_km(municipality)).order_by("km").values("km")[:1]
        )
        in_municipality = (
            offices.filter(municipality=municipality)
            .order_by()
            .values("supplier")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(
            nearest_office_km=Subquery(nearest, output_field=FloatField()),
            offices_in_municipality=Coalesce(Subquery(in_municipality), 0),
        )

    def with_representative_office(self, municipality=None):
        """Annotate representative_office (the id of the office a search card compares: the
        nearest to the municipality, else the first by name, among those taking new
        participants when there are any) and active_office_count.
        Subqueries for the suppliers returned only: no office is loaded to choose."""
        offices = Office.objects.filter(available_office(), supplier=OuterRef("pk"))
        # Offices taking new participants first: only they can be compared and chosen.
        if municipality is not None:
            first = offices.annotate(km=office_distance_km(municipality)).order_by(
                "-taking_participants", "km", "name"
            )
        else:
            first = offices.order_by("-taking_participants", "name")
        count = offices.order_by().values("supplier").annotate(n=Count("pk")).values("n")
        return self.annotate(
            representative_office=Subquery(first.values("pk")[:1]),
            active_office_count=Coalesce(Subquery(count), 0),
        )

    def within_km(self, municipality, km):
        """Suppliers with an active office at most `km` from the municipality."""
        near = Office.objects.filter(available_office(), supplier=OuterRef("pk")).within_km_of(
            municipality, km
        )
        return self.filter(Exists(near))

    def with_bayesian_rating(self):
        """Annotate bayesian_rating: the average pulled towards the mean of all approved
        reviews, so a few reviews cannot outrank many (see BAYESIAN_PRIOR_WEIGHT)."""
        overall_mean = (
            Supplier.objects.filter(review_count__gt=0)
            .order_by()
            .values(all=Value(1))
            .annotate(
                mean=Cast(Sum("rating_sum"), FloatField()) / Cast(Sum("review_count"), FloatField())
            )
            .values("mean")
        )
        prior = Coalesce(Subquery(overall_mean, output_field=FloatField()), Value(0.0))
        weight = Value(float(BAYESIAN_PRIOR_WEIGHT))
        return self.annotate(
            bayesian_rating=(prior * weight + Cast("rating_sum", FloatField()))
            / (weight + Cast("review_count", FloatField()))
        )

    def with_contract_in(self, delivery_area):
        """Annotate the supplier's contract in force in the area: area_contract (its id, None
        when the supplier has none there), area_ka_number, area_grade (Arbetsförmedlingen's
        current grade, None for "Betyg saknas" or none published) and area_grade_month (None
        when none is published). Subqueries: no query per supplier."""
        contract = (
            Contract.objects.in_force()
            .filter(supplier=OuterRef("pk"), delivery_area=delivery_area)
            .order_by("ka_number")
        )
        return self.annotate(
            area_contract=Subquery(contract.values("pk")[:1]),
            area_ka_number=Subquery(contract.values("ka_number")[:1]),
            area_grade=Subquery(contract.values("current_grade")[:1]),
            area_grade_month=Subquery(contract.values("current_grade_month")[:1]),
        )

    def with_contract_in_force_in(self, delivery_area):
        return self.filter(
            Exists(
                Contract.objects.in_force().filter(
                    supplier=OuterRef("pk"), delivery_area=delivery_area
                )
            )
        )

    def graded_at_least(self, minimum):
        """Needs with_contract_in(); suppliers without a grade there are left out."""
        return self.filter(area_grade__gte=minimum)

    def with_any_contract_graded_at_least(self, minimum):
        """Suppliers with a contract in force whose current grade is at least `minimum`,
        wherever it is (the search without a chosen place)."""
        graded = Contract.objects.in_force().filter(
            supplier=OuterRef("pk"), current_grade__gte=minimum
        )
        return self.filter(Exists(graded))

    def for_search_cards(self, *, municipality=None, area=None):
        """What a search card shows of each supplier for the place searched
        (components/supplier_card.html; suppliers/cards.py reads its languages and
        industries only when it has not kept the rest of the card)."""
        queryset = self
        if municipality is not None:
            queryset = queryset.with_distance_from(municipality)
        if area is not None:
            queryset = queryset.with_contract_in(area)
        return queryset.with_representative_office(municipality)

    def for_detail_page(self):
        """The supplier page: each contract in force (contracts_in_force, by area name)
        with its area, active offices, Arbetsförmedlingen's grades and results follow-up.
        A fixed number of queries however many contracts and offices."""
        offices = Office.objects.active().select_related("municipality")
        contracts = (
            Contract.objects.in_force()
            .select_related("delivery_area")
            .prefetch_related(
                Prefetch("offices", queryset=offices.order_by("name")),
                "result_grades",
                "results",
            )
            .order_by("delivery_area__name", "ka_number")
        )
        return self.prefetch_related(
            "languages",
            "industries",
            Prefetch("contracts", queryset=contracts, to_attr="contracts_in_force"),
        )


# The supplier's change history. Fields derived from the name or from the reviews are not
# part of what an admin changes or restores. Saving a supplier and then its languages and
# industries writes one version with one_version().
SUPPLIER_HISTORY = HistoricalRecords(
    excluded_fields=[
        "search_name",
        "name_sort_key",
        "updated_at",
        "review_count",
        "rating_sum",
        *(f"rating_{rating}_count" for rating in range(1, 6)),
    ],
    m2m_fields=["languages", "industries"],
    verbose_name=_("leverantör (historik)"),
    verbose_name_plural=_("leverantörer (historik)"),
)


@contextmanager
def one_version(supplier, *, created):
    """Save the supplier and its languages and industries inside the block; the history
    gets one version with all of it (not one per relation) when the block ends."""
    supplier.skip_history_when_saving = True
    try:
        yield supplier
    finally:
        del supplier.skip_history_when_saving
    write_version(supplier, created=created)


def write_version(supplier, *, created):
    """A version of the supplier as it is now, languages and industries included."""
    SUPPLIER_HISTORY.create_historical_record(supplier, "+" if created else "~")


class Supplier(Verifiable):
    name = models.CharField(_("namn"), max_length=200)
    # Derived from name by set_name_keys(): for accent-insensitive search and Swedish A–Ö order.
    search_name = models.CharField(max_length=200, editable=False, default="")
    name_sort_key = models.CharField(max_length=200, editable=False, default="")
    slug = models.SlugField(_("adressnamn"), max_length=200, unique=True)
    organisation_number = OrganisationNumberField(
        _("organisationsnummer"),
        unique=True,
        null=True,
        blank=True,
        help_text=_(
            "Arbetsförmedlingens filer har inget organisationsnummer: en leverantör som "
            "importerats därifrån saknar det tills någon fyller i det."
        ),
        error_messages={"unique": _("En annan leverantör har redan det organisationsnumret.")},
    )
    short_description = models.CharField(_("kort beskrivning"), max_length=300)
    how_we_work = models.TextField(_("så arbetar vi"), blank=True)
    website = models.URLField(_("webbplats"), blank=True)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    email = models.EmailField(_("e-post"), blank=True)
    offers_remote = models.BooleanField(
        _("erbjuder delar på distans"),
        default=False,
        db_index=True,
    )
    languages = models.ManyToManyField(
        Language,
        blank=True,
        related_name="suppliers",
        verbose_name=_("språk utan tolk"),
    )
    industries = models.ManyToManyField(
        Industry,
        blank=True,
        related_name="suppliers",
        verbose_name=_("branscher"),
    )
    is_active = models.BooleanField(_("aktiv"), default=True, db_index=True)
    is_example = models.BooleanField(
        _("exempeldata"),
        default=False,
        editable=False,
        help_text=_("Påhittad av seed_demo: sidorna säger då att de visar exempeldata."),
    )
    # Participants' approved reviews, kept up to date by reviews.services so that pages
    # read them without scanning the review table.
    review_count = models.PositiveIntegerField(_("antal godkända omdömen"), default=0)
    rating_sum = models.PositiveIntegerField(_("summa av betyg"), default=0)
    rating_1_count = models.PositiveIntegerField(_("antal betyg 1"), default=0)
    rating_2_count = models.PositiveIntegerField(_("antal betyg 2"), default=0)
    rating_3_count = models.PositiveIntegerField(_("antal betyg 3"), default=0)
    rating_4_count = models.PositiveIntegerField(_("antal betyg 4"), default=0)
    rating_5_count = models.PositiveIntegerField(_("antal betyg 5"), default=0)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)

    objects = SupplierQuerySet.as_manager()
    history = SUPPLIER_HISTORY

    class Meta:
        ordering = ["name"]
        verbose_name = _("leverantör")
        verbose_name_plural = _("leverantörer")
        indexes = [
            models.Index(fields=["name_sort_key"], name="supplier_name_sort_key"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    review_count=models.F("rating_1_count")
                    + models.F("rating_2_count")
                    + models.F("rating_3_count")
                    + models.F("rating_4_count")
                    + models.F("rating_5_count")
                ),
                name="supplier_review_count_matches_distribution",
                violation_error_message=_("Antalet omdömen stämmer inte med antalet betyg 1–5."),
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)
        self.set_name_keys()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("suppliers:detail", kwargs={"slug": self.slug})

    def set_name_keys(self):
        """Call before bulk_create/bulk_update, which skip save()."""
        self.search_name = folded(self.name)
        self.name_sort_key = swedish_sort_key(self.name)

    @property
    def rating_average(self):
        return self.rating_sum / self.review_count if self.review_count else None

    @property
    def rating_distribution(self):
        """[(rating, count, share of all), …] from 5 down to 1."""
        return [
            (rating, count, count / self.review_count if self.review_count else 0)
            for rating in range(5, 0, -1)
            for count in [getattr(self, f"rating_{rating}_count")]
        ]

    @property
    def organisation_number_display(self):
        return format_organisation_number(self.organisation_number)


class SupplierName(models.Model):
    """A spelling of the supplier's name seen in Arbetsförmedlingen's files. Files spell the
    same supplier differently ("Arbetslivsresurs AR AB", "Arbetslivsresurs Ar AB"); the
    import matches suppliers on the spelling's match key (see names.name_match_key)."""

    supplier = models.ForeignKey(
        Supplier,
        on_delete=models.CASCADE,
        related_name="name_variants",
        verbose_name=_("leverantör"),
    )
    name = models.CharField(_("namn"), max_length=200)
    match_key = models.CharField(_("jämförs som"), max_length=200, unique=True, editable=False)

    history = HistoricalRecords(
        excluded_fields=["match_key"],
        verbose_name=_("namnvariant (historik)"),
        verbose_name_plural=_("namnvarianter (historik)"),
    )

    class Meta:
        ordering = ["supplier", "name"]
        verbose_name = _("namnvariant")
        verbose_name_plural = _("namnvarianter")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.match_key = name_match_key(self.name)
        super().save(*args, **kwargs)

    def clean(self):
        self.match_key = name_match_key(self.name)
        taken = SupplierName.objects.filter(match_key=self.match_key).exclude(pk=self.pk)
        if taken.exists():
            raise ValidationError(
                {
                    "name": _("Namnet är redan en namnvariant för %(supplier)s.")
                    % {"supplier": taken.select_related("supplier").get().supplier}
                }
            )


class ErrorReport(models.Model):
    """A visitor's report that something on a supplier's page is wrong, or that a text of
    the site is (a translation error: then `page` and `language` say where, no supplier)."""

    class Status(models.TextChoices):
        OPEN = "open", _("Öppen")
        HANDLED = "handled", _("Hanterad")

    supplier = models.ForeignKey(
        Supplier,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="error_reports",
        verbose_name=_("leverantör"),
    )
    page = models.CharField(
        _("sida"),
        max_length=300,
        blank=True,
        help_text=_("Sidan med texten som är fel, när rapporten gäller en text."),
    )
    language = models.CharField(_("sidans språk"), max_length=10, blank=True)
    office = models.ForeignKey(
        Office,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="error_reports",
        verbose_name=_("kontor"),
    )
    what_is_wrong = models.TextField(_("vad är fel"), max_length=2000)
    correction = models.TextField(_("rätt uppgift"), max_length=2000, blank=True)
    contact_email = models.EmailField(_("e-post för frågor"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    created_at = models.DateTimeField(_("inkommen"), default=timezone.now, editable=False)
    handled_at = models.DateTimeField(_("hanterad"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("hanterad av"),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("felrapport")
        verbose_name_plural = _("felrapporter")
        indexes = [models.Index(fields=["status", "created_at"], name="errorreport_status_created")]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["open", "handled"]),
                name="errorreport_status_known",
                violation_error_message=_("Välj en status i listan."),
            ),
            models.CheckConstraint(
                condition=Q(supplier__isnull=False) | ~Q(page=""),
                name="errorreport_about_a_supplier_or_a_page",
                violation_error_message=_("En rapport gäller en leverantör eller en sida."),
            ),
        ]

    def __str__(self):
        return f"{self.supplier or self.page}: {self.what_is_wrong[:60]}"
