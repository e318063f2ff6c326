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
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)

    objects = SupplierQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("leverantör")
        verbose_name_plural = _("leverantörer")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)

    @property
    def organisation_number_display(self):
        return format_organisation_number(self.organisation_number)
