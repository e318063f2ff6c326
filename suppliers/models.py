from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from suppliers.fields import OrganisationNumberField, format_organisation_number


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


class SupplierQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Supplier(models.Model):
    name = models.CharField(_("namn"), max_length=200)
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
        super().save(*args, **kwargs)

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
