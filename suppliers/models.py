import functools
import gettext as gettext_module
import random
from pathlib import Path

import django
from django.conf import settings
from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connection, models
from django.db.models import Count, Exists, F, FloatField, Min, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Cast, Coalesce, Collate
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import slugify
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext_lazy as _

from offices.geo import distance_km_expression
from offices.models import Accessibility, Office, Verifiable
from suppliers.fields import OrganisationNumberField, format_organisation_number
from suppliers.names import folded, swedish_sort_key


class Language(models.Model):
    code = models.CharField(
        _("språkkod"),
        max_length=3,
        unique=True,
        help_text=_("ISO 639-1 (två bokstäver) där en sådan finns, annars ISO 639-3."),
    )
    name_sv = models.CharField(_("namn på svenska"), max_length=100)
    name_en = models.CharField(_("namn på engelska"), max_length=100)
    native_name = models.CharField(_("namn på språket självt"), max_length=100)

    class Meta:
        ordering = ["name_sv"]
        verbose_name = _("språk")
        verbose_name_plural = _("språk")

    def __str__(self):
        return self.name_sv

    def name_in_ui_language(self):
        """(name, language of that name): our Swedish and English names; in other UI
        languages Django's own translation of the name, or else the English name."""
        ui_language = get_language()
        if ui_language == self.code:
            return self.native_name, self.code
        if ui_language == "sv":
            return self.name_sv, "sv"
        if ui_language != "en" and self.code in LANG_INFO:
            english = LANG_INFO[self.code]["name"]
            name = django_catalog(ui_language).gettext(english)
            if name != english:
                return name, ui_language
        return self.name_en, "en"

    @property
    def display_name(self):
        return self.name_in_ui_language()[0]

    @property
    def label(self):
        """The name in the UI language with the language's own name beside it."""
        name = self.display_name
        return name if name == self.native_name else f"{name} — {self.native_name}"

    @property
    def display_name_html(self):
        """display_name, marked with its language where it differs from the page's, so that
        screen readers pronounce it right (WCAG 3.1.2)."""
        name, name_language = self.name_in_ui_language()
        if name_language == get_language():
            return name
        return format_html('<span lang="{}" dir="auto">{}</span>', name_language, name)

    @property
    def label_html(self):
        """label, with each part marked with its language."""
        native = format_html('<span lang="{}" dir="auto">{}</span>', self.code, self.native_name)
        if self.display_name == self.native_name:
            return native
        return format_html("{} — {}", self.display_name_html, native)


@functools.cache
def django_catalog(language_code):
    """Django's own message catalogue for a language, without the fallback to LANGUAGE_CODE
    that Django's gettext adds (that would give Swedish names in the Arabic UI)."""
    localedir = Path(django.__file__).parent / "conf" / "locale"
    return gettext_module.translation(
        "django", localedir, [to_locale(language_code)], fallback=True
    )


class Industry(models.Model):
    slug = models.SlugField(_("kortnamn"), max_length=100, unique=True)
    name_sv = models.CharField(_("namn på svenska"), max_length=150)
    name_en = models.CharField(_("namn på engelska"), max_length=150)

    class Meta:
        ordering = ["name_sv"]
        verbose_name = _("bransch (yrkesområde)")
        verbose_name_plural = _("branscher (yrkesområden)")

    def __str__(self):
        return self.name_sv

    @property
    def display_language(self):
        """English in the English UI; Swedish otherwise (we have no Arabic names)."""
        return "en" if get_language() == "en" else "sv"

    @property
    def display_name(self):
        return self.name_en if self.display_language == "en" else self.name_sv

    @property
    def label_html(self):
        """display_name, marked with its language where it differs from the page's."""
        if self.display_language == get_language():
            return self.display_name
        return format_html('<span lang="{}">{}</span>', self.display_language, self.display_name)


# Weight of the prior in the Bayesian average: a supplier's own reviews count as much as
# the overall mean once it has this many. 5.0 from one review then ranks below 4.6 from 200.
BAYESIAN_PRIOR_WEIGHT = 10
# What the search cards show of a results grade, annotated by with_result_grade_in().
ANNOTATED_GRADE_FIELDS = ["stars", "no_grade_reason", "period_start", "period_end", "published_on"]
# A prime for the neutral order's hash: every visitor gets a different shuffle.
_SHUFFLE_PRIME = 2_147_483_647


class SupplierQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def searchable(self):
        """Active suppliers with at least one active office a job seeker can choose."""
        active_offices = Office.objects.filter(supplier=OuterRef("pk"), is_active=True)
        return self.active().filter(Exists(active_offices))

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
        step_free = Office.objects.filter(
            supplier=OuterRef("pk"), is_active=True, step_free_entrance=Accessibility.YES
        )
        return self.filter(Exists(step_free))

    def taking_participants(self):
        open_offices = Office.objects.filter(
            supplier=OuterRef("pk"), is_active=True, taking_participants=True
        )
        return self.filter(Exists(open_offices))

    def rated_at_least(self, minimum):
        """Average of approved reviews >= minimum (suppliers without reviews excluded)."""
        return self.filter(review_count__gt=0, rating_sum__gte=F("review_count") * minimum)

    def named_like(self, text):
        return self.filter(search_name__contains=folded(text))

    def with_distance_from(self, municipality):
        """Annotate nearest_office_km and offices_in_municipality for a chosen municipality.

        One pass over the offices joined and grouped by supplier: far cheaper than a
        subquery per supplier. Filters on other relations must use Exists, not joins."""
        distance = distance_km_expression(
            municipality.latitude,
            municipality.longitude,
            Coalesce("offices__latitude", "offices__municipality__latitude"),
            Coalesce("offices__longitude", "offices__municipality__longitude"),
        )
        active = Q(offices__is_active=True)
        return self.annotate(
            nearest_office_km=Min(distance, filter=active),
            offices_in_municipality=Count(
                "offices", filter=active & Q(offices__municipality=municipality), distinct=True
            ),
        )

    def within_km(self, km):
        """Needs with_distance_from()."""
        return self.filter(nearest_office_km__lte=km)

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

    def in_neutral_order(self, seed):
        return self.order_by(neutral_order_key(seed), "pk")

    def in_rating_order(self, seed):
        """Needs with_bayesian_rating()."""
        return self.order_by(
            F("bayesian_rating").desc(), "-review_count", neutral_order_key(seed), "pk"
        )

    def in_review_count_order(self, seed):
        return self.order_by("-review_count", neutral_order_key(seed), "pk")

    def in_name_order(self):
        """Swedish alphabetical order: A–Z, then Å, Ä, Ö."""
        key = F("name_sort_key")
        if connection.vendor == "postgresql":
            key = Collate(key, "C")
        return self.order_by(key, "pk")

    def in_distance_order(self, seed):
        """Needs with_distance_from()."""
        return self.order_by("nearest_office_km", neutral_order_key(seed), "pk")

    def with_result_grade_in(self, delivery_area):
        """Annotate the current results grade in the area, as grade_stars, grade_published_on
        and so on (see Supplier.annotated_result_grade): subqueries, no query per supplier."""
        current = ResultGrade.objects.current().filter(
            supplier=OuterRef("pk"), delivery_area=delivery_area
        )
        return self.annotate(
            **{
                f"grade_{field}": Subquery(current.values(field)[:1])
                for field in ANNOTATED_GRADE_FIELDS
            }
        )

    def graded_at_least(self, minimum):
        """Needs with_result_grade_in(); suppliers without a grade there are left out."""
        return self.filter(grade_stars__gte=minimum)

    def in_result_grade_order(self, seed):
        """Needs with_result_grade_in(): best grade first, suppliers without one last."""
        return self.order_by(F("grade_stars").desc(nulls_last=True), neutral_order_key(seed), "pk")

    def for_search_results(self):
        return self.prefetch_related("languages", "industries")

    def for_detail_page(self):
        return self.prefetch_related(
            "languages",
            "industries",
            models.Prefetch(
                "result_grades",
                queryset=ResultGrade.objects.current(),
                to_attr="current_result_grades",
            ),
        )


def neutral_order_key(seed):
    """A per-visitor shuffle: the seed picks the multiplier and offset of a hash of the pk."""
    # The seed picks a large multiplier, which wraps around the prime even for small,
    # consecutive pks; pk times it stays within 64 bits for pks below 4.6 billion.
    scrambled = random.Random(seed)
    multiplier = scrambled.randrange(1_000_000_000, 2_000_000_000)
    offset = scrambled.randrange(_SHUFFLE_PRIME)
    return (F("pk") * multiplier + offset) % _SHUFFLE_PRIME


class Supplier(Verifiable):
    name = models.CharField(_("namn"), max_length=200)
    # Derived from name by set_name_keys(): for accent-insensitive search and Swedish A–Ö order.
    search_name = models.CharField(max_length=200, editable=False, default="")
    name_sort_key = models.CharField(max_length=200, editable=False, default="")
    slug = models.SlugField(_("adressnamn"), max_length=200, unique=True)
    organisation_number = OrganisationNumberField(
        _("organisationsnummer"),
        unique=True,
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

    @property
    def annotated_result_grade(self):
        """The grade that with_result_grade_in() annotated, as an unsaved ResultGrade;
        None when Arbetsförmedlingen has published none for the supplier in that area."""
        if getattr(self, "grade_published_on", None) is None:
            return None
        return ResultGrade(
            supplier=self,
            **{field: getattr(self, f"grade_{field}") for field in ANNOTATED_GRADE_FIELDS},
        )

    def current_result_grades_in(self, delivery_areas):
        """[(area, current grade or None)]; needs for_detail_page()."""
        by_area = {grade.delivery_area_id: grade for grade in self.current_result_grades}
        return [(area, by_area.get(area.pk)) for area in delivery_areas]


class ResultGradeQuerySet(models.QuerySet):
    def current(self):
        return self.filter(is_current=True)


class ResultGrade(models.Model):
    """Arbetsförmedlingen's results grade for a supplier in a delivery area, as published.

    The latest publication for a supplier and area is its current grade; older ones are kept
    as history. Save through suppliers.services.save_result_grade(), which keeps that so."""

    class NoGradeReason(models.TextChoices):
        TOO_FEW_PARTICIPANTS = "too_few_participants", _("för få deltagare")
        ACTIVE_LESS_THAN_12_MONTHS = (
            "active_less_than_12_months",
            _("aktiv kortare tid än 12 månader"),
        )
        NOT_MEASURED = "not_measured", _("inte mätt ännu")

    supplier = models.ForeignKey(
        Supplier,
        on_delete=models.CASCADE,
        related_name="result_grades",
        verbose_name=_("leverantör"),
    )
    delivery_area = models.ForeignKey(
        "offices.DeliveryArea",
        on_delete=models.PROTECT,
        related_name="result_grades",
        verbose_name=_("leveransområde"),
    )
    stars = models.PositiveSmallIntegerField(
        _("betyg (1–4)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
        help_text=_("Tomt när leverantören inte har fått något betyg."),
    )
    no_grade_reason = models.CharField(
        _("orsak till att betyg saknas"),
        max_length=30,
        choices=NoGradeReason.choices,
        blank=True,
    )
    period_start = models.DateField(_("mätperiodens början"))
    period_end = models.DateField(_("mätperiodens slut"))
    published_on = models.DateField(_("publicerat"))
    is_current = models.BooleanField(_("aktuellt"), default=True, editable=False)

    objects = ResultGradeQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "pk"]
        verbose_name = _("resultatbetyg")
        verbose_name_plural = _("resultatbetyg")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(stars__isnull=True) | models.Q(stars__gte=1, stars__lte=4),
                name="result_grade_stars_1_to_4",
            ),
            models.CheckConstraint(
                condition=(models.Q(stars__isnull=True) & ~models.Q(no_grade_reason=""))
                | (models.Q(stars__isnull=False) & models.Q(no_grade_reason="")),
                name="result_grade_reason_exactly_when_no_stars",
            ),
            models.CheckConstraint(
                condition=models.Q(period_start__lte=F("period_end")),
                name="result_grade_period_in_order",
            ),
            models.UniqueConstraint(
                fields=["supplier", "delivery_area"],
                condition=models.Q(is_current=True),
                name="result_grade_one_current_per_supplier_and_area",
            ),
            models.UniqueConstraint(
                fields=["supplier", "delivery_area", "published_on"],
                name="result_grade_one_per_publication",
            ),
        ]

    def __str__(self):
        grade = f"{self.stars}/4" if self.stars else self.get_no_grade_reason_display()
        return f"{self.supplier} – {self.delivery_area}: {grade} ({self.published_on})"

    def clean(self):
        errors = {}
        if self.stars is None and not self.no_grade_reason:
            errors["no_grade_reason"] = _("Ange varför betyg saknas.")
        if self.stars is not None and self.no_grade_reason:
            errors["no_grade_reason"] = _("Ett betyg har ingen orsak till att betyg saknas.")
        if self.period_start and self.period_end and self.period_start > self.period_end:
            errors["period_end"] = _("Mätperioden slutar före den börjar.")
        if errors:
            raise ValidationError(errors)


class ErrorReport(models.Model):
    """A visitor's report that something on a supplier's page is wrong."""

    class Status(models.TextChoices):
        OPEN = "open", _("Öppen")
        HANDLED = "handled", _("Hanterad")

    supplier = models.ForeignKey(
        Supplier,
        on_delete=models.CASCADE,
        related_name="error_reports",
        verbose_name=_("leverantör"),
    )
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
                condition=Q(status__in=["open", "handled"]), name="errorreport_status_known"
            ),
        ]

    def __str__(self):
        return f"{self.supplier}: {self.what_is_wrong[:60]}"
